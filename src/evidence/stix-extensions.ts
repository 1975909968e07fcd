import { FIXED_CREATED, OPENCTI_SCO_EXTENSION } from './stix-ids.js';

/**
 * STIX 2.1 §7.3 property extensions: every property scamgraph adds to a STIX object travels in an
 * extension of its own, defined once per bundle by an `extension-definition` object, so a consumer
 * (and the OASIS validator) knows whose it is and where its JSON schema is. Ids are fixed UUIDv4s:
 * an extension is one thing for every bundle, and STIX asks meta objects for UUIDv4.
 */
interface ExtensionSpec {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the extension's properties, committed in this repository. */
  readonly schemaPath: string;
  readonly version: string;
  readonly types: readonly ('property-extension' | 'new-sco')[];
}

const spec = (
  uuid: string,
  name: string,
  file: string,
  description: string,
  types: ExtensionSpec['types'] = ['property-extension'],
): ExtensionSpec => ({
  id: `extension-definition--${uuid}`,
  name,
  description,
  schemaPath: `schema/stix/${file}`,
  version: '1.0.0',
  types,
});

export const EXTENSIONS = {
  report: spec(
    'f28e8758-ef19-4bff-90a3-154c234199e4',
    'scamgraph scam report',
    'scamgraph-report.json',
    "A scam report's phone numbers by role (callback number, caller ID, sender ID) and the reference numbers its message gave.",
  ),
  brand: spec(
    'b179be03-6c40-40d5-979e-b75ee23d02c6',
    'scamgraph brand',
    'scamgraph-brand.json',
    'The slug of the brand an organization identity stands for, as scamgraph registers brands.',
  ),
  phone: spec(
    'c585b32b-890a-4215-9e81-ba7406b2cab3',
    'scamgraph phone number facts',
    'scamgraph-phone-number.json',
    "A phone number's country and line type, from libphonenumber's metadata.",
  ),
  wallet: spec(
    'c4af9c74-2be9-43b1-bca9-64a621a1ced3',
    'scamgraph wallet chain',
    'scamgraph-wallet.json',
    "The chain of a cryptocurrency wallet's address (BTC, ETH ...).",
  ),
  bankAccount: spec(
    '527ca6ef-1292-446e-a8dd-102f36ba2171',
    'scamgraph bank account scheme',
    'scamgraph-bank-account.json',
    'How a bank account is identified: IBAN, an Australian BSB and account number, or a PayID.',
  ),
  indicator: spec(
    '0e4a9f3c-5b8d-4f2a-9c71-3d6e8b2a4f15',
    'scamgraph indicator observable',
    'scamgraph-indicator.json',
    "The id of the observable a feed indicator's pattern matches, so a consumer can link the two without parsing the pattern.",
  ),
  /**
   * OpenCTI's observable extension, under OpenCTI's own id (pycti's STIX_EXT_OCTI_SCO). OpenCTI
   * uses the id without publishing a definition object, so scamgraph writes one, describing only
   * the parts it uses: the new observable types and `score` (what OpenCTI shows as the score).
   */
  opencti: {
    id: OPENCTI_SCO_EXTENSION,
    name: 'OpenCTI cyber observable extension (as used by scamgraph)',
    description:
      "OpenCTI's extension for observables: the observable types it adds to STIX (phone-number, cryptocurrency-wallet, bank-account) and the score it gives any observable. Written by scamgraph from OpenCTI's use of this id; only the properties scamgraph sends are described.",
    schemaPath: 'schema/stix/opencti-sco-extension.json',
    version: '1.0.0',
    types: ['new-sco', 'property-extension'],
  },
} as const satisfies Record<string, ExtensionSpec>;

export type ExtensionName = keyof typeof EXTENSIONS;

/** `{ "<definition id>": { extension_type, ...properties } }`, or nothing when every property is absent. */
export function extension(
  name: ExtensionName,
  properties: Record<string, unknown>,
  type: 'property-extension' | 'new-sco' = 'property-extension',
): Record<string, Record<string, unknown>> {
  const present = Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined && value !== null));
  if (type === 'property-extension' && Object.keys(present).length === 0) return {};
  return { [EXTENSIONS[name].id]: { extension_type: type, ...present } };
}

/** The properties an object carries in one extension, or an empty record. */
export function extensionProperties(object: Record<string, unknown>, name: ExtensionName): Record<string, unknown> {
  const extensions = object['extensions'];
  if (typeof extensions !== 'object' || extensions === null) return {};
  const properties = (extensions as Record<string, unknown>)[EXTENSIONS[name].id];
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
}

/**
 * The extension-definition objects for the extensions `objects` use, in a fixed order, so a
 * bundle defines every extension it uses exactly once and nothing else.
 */
export function extensionDefinitions(objects: readonly Record<string, unknown>[], producerRef: string): Record<string, unknown>[] {
  const used = new Set(objects.flatMap((object) => Object.keys((object['extensions'] as Record<string, unknown> | undefined) ?? {})));
  return Object.values(EXTENSIONS)
    .filter((each) => used.has(each.id))
    .map((each) => ({
      type: 'extension-definition',
      spec_version: '2.1',
      id: each.id,
      created: FIXED_CREATED,
      modified: FIXED_CREATED,
      created_by_ref: producerRef,
      name: each.name,
      description: each.description,
      schema: `JSON Schema (draft 2020-12) in the scamgraph repository: ${each.schemaPath}`,
      version: each.version,
      extension_types: [...each.types],
    }));
}
