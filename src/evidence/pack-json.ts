import type { EvidencePack } from './evidence-pack.js';

/**
 * The pack as one JSON document. `digest` is SHA-256 of `content` serialised as canonical JSON
 * (keys sorted at every depth, no whitespace): a recipient recomputes it to show nothing changed.
 * `checks` are verdicts as of `createdAt`; they move with time, so the digest leaves them out.
 */
export function packDocument(pack: EvidencePack): Record<string, unknown> {
  return {
    createdAt: pack.createdAt.toISOString(),
    digest: pack.digest,
    digestAlgorithm: 'SHA-256 of the canonical JSON of content (RFC 8785 key order, no whitespace)',
    content: pack.content,
    checks: { at: pack.createdAt.toISOString(), checks: pack.checks },
  };
}

export const packJson = (pack: EvidencePack): string => `${JSON.stringify(packDocument(pack), null, 2)}\n`;
