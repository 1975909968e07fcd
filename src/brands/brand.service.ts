import type { GraphExecutor } from '../graph/executor.js';
import type { InputError } from '../ingest/report-input.js';
import { normalisePhoneNumber, DEFAULT_REGION } from '../ingest/normalise/phone.js';
import { normaliseDomain } from '../ingest/normalise/url.js';
import { brandAliasKey, slugify } from './brand-key.js';

export interface BrandFields {
  slug: string;
  name: string;
  aliases?: readonly string[] | null | undefined;
  officialNumbers?: readonly string[] | null | undefined;
  officialDomains?: readonly string[] | null | undefined;
}

export type BrandWrite = { ok: true; brand: Record<string, unknown> } | { ok: false; errors: InputError[] };

/** The brand registry: official channels are stored canonical, so checks compare like with like. */
export class BrandService {
  constructor(private readonly graph: GraphExecutor) {}

  async upsert(fields: BrandFields): Promise<BrandWrite> {
    const errors: InputError[] = [];
    const slug = fields.slug.trim();
    if (slug === '' || slugify(slug) !== slug) {
      errors.push({ field: 'slug', code: 'INVALID_VALUE', message: `slug must be lower-case words joined by "-", like "${slugify(slug) || 'acme-bank'}"` });
    }
    const name = fields.name.trim();
    if (brandAliasKey(name) === '' || name.length > 200) {
      errors.push({ field: 'name', code: 'INVALID_VALUE', message: 'name must hold a letter or digit and at most 200 characters' });
    }
    const aliases = [...new Set((fields.aliases ?? []).map((alias) => alias.trim()).filter((alias) => brandAliasKey(alias) !== ''))];
    const officialNumbers = canonical(fields.officialNumbers, 'officialNumbers', errors, (raw) => {
      const phone = normalisePhoneNumber(raw, DEFAULT_REGION);
      return phone.ok ? { ok: true, value: phone.value.e164 } : phone;
    });
    const officialDomains = canonical(fields.officialDomains, 'officialDomains', errors, normaliseDomain);
    if (errors.length > 0) return { ok: false, errors };

    const aliasKeys = [...new Set([slug, name, ...aliases].map(brandAliasKey))];
    const [row] = await this.graph.write('brands/upsert-brand', {
      slug, name, aliases, officialNumbers, officialDomains, aliasKeys,
    });
    return { ok: true, brand: row?.['brand'] as Record<string, unknown> };
  }
}

function canonical(
  raws: readonly string[] | null | undefined,
  field: string,
  errors: InputError[],
  normalise: (raw: string) => { ok: true; value: string } | { ok: false; code: string; message: string },
): string[] {
  const values = new Set<string>();
  (raws ?? []).forEach((raw, i) => {
    const result = normalise(raw);
    if (result.ok) values.add(result.value);
    else errors.push({ field: `${field}[${i}]`, code: result.code, message: result.message });
  });
  return [...values].sort();
}
