import { z } from 'zod';
import type { GraphExecutor } from '../graph/executor.js';
import type { InputError } from '../ingest/report-input.js';
import { normalisePhoneNumber, DEFAULT_REGION } from '../ingest/normalise/phone.js';
import type { Normalised } from '../ingest/normalise/result.js';
import { normaliseDomain } from '../ingest/normalise/url.js';
import { brandAliasKey, brandKeys, slugify } from './brand-key.js';
import { mergeBrands } from './merge-brands.js';
import { BRAND_NODE, type BrandNode } from './registered-brand.js';

export interface BrandFields {
  slug: string;
  name: string;
  aliases?: readonly string[] | null | undefined;
  officialNumbers?: readonly string[] | null | undefined;
  officialDomains?: readonly string[] | null | undefined;
}

export type BrandWrite = { ok: true; brand: BrandNode } | { ok: false; errors: InputError[] };

/** A row of brands/upsert-brand: the brand whole, and the slugs of unregistered brands its spellings absorb. */
const UPSERTED_ROW = z.object({ brand: BRAND_NODE, absorbed: z.array(z.string()) });

const NAMES = z.array(z.string()).nullish();
/** A row of reads/brands asked for no lists: the brand whole, as BrandFields and whether it is registered. */
const BRAND_ROW = z.object({
  node: z.looseObject({
    slug: z.string(),
    name: z.string(),
    aliases: NAMES,
    officialNumbers: NAMES,
    officialDomains: NAMES,
    registered: z.boolean().optional(),
  }),
});

export type OfficialChannelKind = 'PHONE' | 'DOMAIN';

const CHANNEL_FIELD = { PHONE: 'officialNumbers', DOMAIN: 'officialDomains' } as const;

/** Beyond these an upsert is refused: every alias is an indexed key and a text pattern every report is matched against. */
const BRAND_LIMITS = { text: 200, listItems: 100 } as const;

/** Text a person reads: no lone surrogates (Neo4j would store U+FFFD) and no control characters. */
const isText = (value: string) => value.isWellFormed() && !/[\u0000-\u001f\u007f]/.test(value);

/** The brand registry: official channels are stored canonical, so checks compare like with like. */
function officialNumber(raw: string): Normalised<string> {
  const phone = normalisePhoneNumber(raw, DEFAULT_REGION);
  return phone.ok ? { ok: true, value: phone.value.e164 } : phone;
}

export class BrandService {
  constructor(private readonly graph: GraphExecutor) {}

  async upsert(fields: BrandFields): Promise<BrandWrite> {
    const errors: InputError[] = [];
    const slug = fields.slug.trim();
    if (slug.length > BRAND_LIMITS.text) {
      errors.push({ field: 'slug', code: 'TOO_LONG', message: `slug holds at most ${BRAND_LIMITS.text} characters, got ${slug.length}` });
    } else if (slug === '' || slugify(slug) !== slug) {
      errors.push({
        field: 'slug',
        code: 'INVALID_VALUE',
        message: `slug must be lower-case words joined by "-", like "${slugify(slug) || 'acme-bank'}"`,
      });
    }
    const name = fields.name.trim();
    if (!isText(name) || brandAliasKey(name) === '' || name.length > BRAND_LIMITS.text) {
      errors.push({
        field: 'name',
        code: 'INVALID_VALUE',
        message: `name must hold a letter or digit, no control characters and at most ${BRAND_LIMITS.text} characters`,
      });
    }
    for (const field of ['aliases', 'officialNumbers', 'officialDomains'] as const) {
      const count = fields[field]?.length ?? 0;
      if (count > BRAND_LIMITS.listItems)
        errors.push({ field, code: 'TOO_MANY', message: `${field} holds at most ${BRAND_LIMITS.listItems} items, got ${count}` });
    }
    (fields.aliases ?? []).forEach((alias, i) => {
      if (alias.length > BRAND_LIMITS.text)
        errors.push({ field: `aliases[${i}]`, code: 'TOO_LONG', message: `an alias holds at most ${BRAND_LIMITS.text} characters` });
      else if (!isText(alias))
        errors.push({
          field: `aliases[${i}]`,
          code: 'INVALID_VALUE',
          message: 'an alias must not hold control characters or lone surrogates',
        });
    });
    const aliases = [...new Set((fields.aliases ?? []).map((alias) => alias.trim()).filter((alias) => brandAliasKey(alias) !== ''))];
    const officialNumbers = canonical(fields.officialNumbers, 'officialNumbers', errors, officialNumber);
    const officialDomains = canonical(fields.officialDomains, 'officialDomains', errors, normaliseDomain);
    if (errors.length > 0) return { ok: false, errors };

    const [row] = await this.graph.writeAs('brands/upsert-brand', UPSERTED_ROW, {
      slug,
      name,
      aliases,
      officialNumbers,
      officialDomains,
      aliasKeys: aliasKeysOf([slug, name, ...aliases]),
    });
    // Brands known only from reports whose spelling this brand now owns: merged in, so their
    // reports count for it. Each merge is whole on its own; a failed one is redone by the next upsert.
    // MERGE answers one row, always.
    if (!row) throw new Error('brands/upsert-brand answered no row');
    let brand = row.brand;
    for (const absorbed of row.absorbed) {
      const merged = await this.merge(absorbed, slug);
      if (merged.ok) brand = merged.brand;
    }
    return { ok: true, brand };
  }

  /** mergeBrands: see merge-brands.ts. */
  merge(from: string, into: string): Promise<BrandWrite> {
    return mergeBrands(this.graph, from, into);
  }

  addOfficialChannel(slug: string, kind: OfficialChannelKind, value: string): Promise<BrandWrite> {
    return this.changeChannel(slug, kind, (values) => [...values, value]);
  }

  /** Removes the channel written in any form that normalises to a stored one. */
  async removeOfficialChannel(slug: string, kind: OfficialChannelKind, value: string): Promise<BrandWrite> {
    const normalised = canonical([value], 'value', [], kind === 'PHONE' ? officialNumber : normaliseDomain)[0] ?? value;
    return this.changeChannel(slug, kind, (values) => values.filter((each) => each !== normalised));
  }

  /** The same write as upsert, so one channel more or less is validated and stored like a whole brand. */
  private async changeChannel(slug: string, kind: OfficialChannelKind, change: (values: string[]) => string[]): Promise<BrandWrite> {
    const [row] = await this.graph.readAs('reads/brands', BRAND_ROW, { keys: [slug], lists: [], limit: 0 });
    const brand = row?.node;
    if (!brand?.registered) {
      return { ok: false, errors: [{ field: 'slug', code: 'NOT_FOUND', message: `no registered brand with slug ${slug}` }] };
    }
    const field = CHANNEL_FIELD[kind];
    return this.upsert({ ...brand, [field]: change([...(brand[field] ?? [])]) });
  }
}

function canonical(
  raws: readonly string[] | null | undefined,
  field: string,
  errors: InputError[],
  normalise: (raw: string) => Normalised<string>,
): string[] {
  const values = new Set<string>();
  (raws ?? []).forEach((raw, i) => {
    const result = normalise(raw);
    if (result.ok) values.add(result.value);
    else errors.push({ field: `${field}[${i}]`, code: result.code, message: result.message });
  });
  return [...values].sort();
}

/**
 * Each spelling's own key (exact) and its normalised forms' keys (not exact), an exact one
 * winning a tie: "ING Bank" holds "ingbank" as its own and "ing" only while no brand owns it.
 */
function aliasKeysOf(spellings: readonly string[]): { key: string; exact: boolean }[] {
  const exact = new Map<string, boolean>();
  for (const spelling of spellings) {
    brandKeys(spelling).forEach((key, i) => exact.set(key, exact.get(key) === true || i === 0));
  }
  return [...exact].filter(([key]) => key !== '').map(([key, isExact]) => ({ key, exact: isExact }));
}
