import type { Reason, Verdict } from '../scoring/verdict.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { PackContent } from './pack-content.js';

/** A check of one phone number or domain in the pack, as of the pack's creation: time moves scores, so no digest covers it. */
export interface PackCheck {
  readonly kind: 'phone' | 'domain';
  readonly value: string;
  readonly verdict: Verdict;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

export interface EvidencePack {
  readonly createdAt: Date;
  /** SHA-256 (hex) of the canonical JSON of `content`: the same graph gives the same digest. */
  readonly digest: string;
  readonly content: PackContent;
  readonly checks: readonly PackCheck[];
}

export function sealPack(content: PackContent, checks: readonly PackCheck[], createdAt: Date): EvidencePack {
  return { createdAt, digest: sha256Hex(canonicalJson(content)), content, checks };
}
