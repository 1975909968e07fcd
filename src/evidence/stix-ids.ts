import { canonicalJson } from './canonical-json.js';
import { uuidv5 } from './uuid-v5.js';

/** STIX 2.1 §2.9: SCO ids are UUIDv5 in this namespace over the canonical JSON of their id-contributing properties. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** scamgraph's own namespace for the ids of the SDOs, relationships and bundles it writes: stable across packs. */
export const SCAMGRAPH_NAMESPACE = '35fc5689-6d78-4472-a139-1348bd71b40a';
/**
 * OpenCTI's extension definition for the observable types it adds to STIX (phone-number,
 * cryptocurrency-wallet, bank-account ...); an object of such a type names it with
 * `extension_type: "new-sco"`, as STIX 2.1 §7.3 asks of types defined by an extension.
 * Source: OpenCTI's stix-2-1-extensions (STIX_EXT_OCTI_SCO) and pycti's constants.
 */
export const OPENCTI_SCO_EXTENSION = 'extension-definition--f93e2c80-4231-4f9a-af8b-95c9bd566a82';
/** Identities have no time of their own in the graph: a fixed one, so every pack writes them identically. */
export const FIXED_CREATED = '2024-01-01T00:00:00.000Z';

export const scoId = (type: string, contributing: Record<string, string>): string =>
  `${type}--${uuidv5(STIX_SCO_NAMESPACE, canonicalJson(contributing))}`;

export const sdoId = (type: string, name: string): string => `${type}--${uuidv5(SCAMGRAPH_NAMESPACE, `${type}:${name}`)}`;

/**
 * The STIX id of a phone number's or domain's indicator: the same in every feed page, bundle and TAXII
 * collection. Name-based, so it cannot be read back: ingest stores it on the node (`stixId`), where
 * TAXII finds an object asked for by id.
 */
export const stixIndicatorId = (kind: 'phone' | 'domain', value: string): string => sdoId('indicator', `${kind}:${value}`);

/** scamgraph's own identity: the producer (created_by_ref) of every object it writes, packs and feeds alike. */
export const PRODUCER = {
  type: 'identity',
  spec_version: '2.1',
  id: sdoId('identity', 'scamgraph'),
  created: FIXED_CREATED,
  modified: FIXED_CREATED,
  name: 'scamgraph',
  identity_class: 'system',
} as const;

/**
 * The report extension's properties holding the phone numbers by role; a phone number in none of
 * them (another producer's bundle) is a callback.
 */
export const PHONE_ROLE_REFS = {
  CALLBACK_NUMBER: 'callback_refs',
  CALLER_ID: 'caller_id_refs',
  SENDER_ID: 'sender_id_refs',
} as const;

/** Bundles exported before the extensions (issue 21) carried the same properties at the top level, prefixed. */
export const LEGACY_PREFIX = 'x_scamgraph_';

/** Report labels carrying the channel and scam type ("channel:SMS", "scam-type:DELIVERY"). */
export const CHANNEL_LABEL = 'channel:';
export const SCAM_TYPE_LABEL = 'scam-type:';

/** "BTC:bc1…" → ["BTC", "bc1…"]: wallets and bank accounts carry their chain or scheme in front. */
export function splitQualifier(value: string): [string, string] {
  const colon = value.indexOf(':');
  return [value.slice(0, colon), value.slice(colon + 1)];
}
