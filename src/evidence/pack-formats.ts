import type { EvidencePack } from './evidence-pack.js';
import { jsonChunks } from './json-chunks.js';
import type { PackSubject } from './pack-content.js';
import { packCsvLines } from './pack-csv.js';
import { packDocument } from './pack-json.js';
import { mispEvent } from './pack-misp.js';
import { stixBundle } from './pack-stix.js';

export interface PackFormat {
  /** The file's ending; the longest first, so "x.stix.json" is STIX, not plain JSON. */
  readonly suffix: string;
  readonly contentType: string;
  /** The file in pieces, made as the reader asks for them (never one string of the whole pack). */
  readonly chunks: (pack: EvidencePack) => Iterable<string>;
}

export const PACK_FORMATS = {
  stix: { suffix: '.stix.json', contentType: 'application/stix+json;version=2.1', chunks: (pack) => jsonChunks(stixBundle(pack)) },
  misp: { suffix: '.misp.json', contentType: 'application/json', chunks: (pack) => jsonChunks(mispEvent(pack)) },
  json: { suffix: '.json', contentType: 'application/json', chunks: (pack) => jsonChunks(packDocument(pack)) },
  csv: { suffix: '.csv', contentType: 'text/csv; charset=utf-8', chunks: packCsvLines },
} as const satisfies Record<string, PackFormat>;

export type PackFormatName = keyof typeof PACK_FORMATS;

/** Where src/server/evidence-downloads.ts serves packs. */
export const DOWNLOADS_PATH = '/evidence';

/** The path of a pack's download in one format: what GraphQL links to instead of a big string. */
export function downloadPath(subject: PackSubject, format: PackFormatName): string {
  const name = 'id' in subject ? subject.id : subject.value;
  return `${DOWNLOADS_PATH}/${subject.kind}/${encodeURIComponent(name)}${PACK_FORMATS[format].suffix}`;
}
