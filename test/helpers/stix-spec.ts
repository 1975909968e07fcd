// STIX 2.1 (OASIS Standard) rules a bundle must keep, per object type, written from the
// specification's property tables: required properties, identifier and timestamp formats,
// no empty lists, custom property names, new-sco extensions, and SCO ids as UUIDv5 of their
// id-contributing properties. No STIX JSON Schemas are published on npm, so they live here.
import { canonicalJson } from '../../src/evidence/canonical-json.js';
import { STIX_SCO_NAMESPACE } from '../../src/evidence/stix-ids.js';
import { uuidv5 } from '../../src/evidence/uuid-v5.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const IDENTIFIER = new RegExp(`^([a-z0-9][a-z0-9-]{1,248}[a-z0-9])--${UUID}$`);
/** §3.2: timestamps in UTC with a Z; created and modified to the millisecond (§3.2, §3.3). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** §11.1: custom property names. */
const CUSTOM_PROPERTY = /^x_[a-z0-9_]{1,248}$/;
const VOCABULARY_WORD = /^[a-z0-9-]+$/;

const SDO_COMMON = [
  'type',
  'spec_version',
  'id',
  'created_by_ref',
  'created',
  'modified',
  'revoked',
  'labels',
  'confidence',
  'lang',
  'external_references',
  'object_marking_refs',
  'granular_markings',
  'extensions',
];
const SCO_COMMON = ['type', 'spec_version', 'id', 'object_marking_refs', 'granular_markings', 'defanged', 'extensions'];

interface TypeRule {
  readonly kind: 'sdo' | 'sro' | 'sco';
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** SCOs: the properties their deterministic id is made of (§6, per type). */
  readonly idContributing?: readonly string[];
}

const RULES: Readonly<Record<string, TypeRule>> = {
  'extension-definition': {
    kind: 'sdo',
    required: ['name', 'schema', 'version', 'extension_types', 'created_by_ref'],
    optional: ['description', 'extension_properties'],
  },
  identity: { kind: 'sdo', required: ['name'], optional: ['description', 'roles', 'identity_class', 'sectors', 'contact_information'] },
  campaign: { kind: 'sdo', required: ['name'], optional: ['description', 'aliases', 'first_seen', 'last_seen', 'objective'] },
  report: { kind: 'sdo', required: ['name', 'published', 'object_refs'], optional: ['description', 'report_types'] },
  relationship: {
    kind: 'sro',
    required: ['relationship_type', 'source_ref', 'target_ref'],
    optional: ['description', 'start_time', 'stop_time'],
  },
  'domain-name': { kind: 'sco', required: ['value'], optional: ['resolves_to_refs'], idContributing: ['value'] },
  url: { kind: 'sco', required: ['value'], optional: [], idContributing: ['value'] },
  'email-addr': { kind: 'sco', required: ['value'], optional: ['display_name', 'belongs_to_ref'], idContributing: ['value'] },
};

/** Every rule `object` breaks, as readable lines; empty when it is valid STIX 2.1. */
export function stixViolations(object: Record<string, unknown>, bundleIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const say = (message: string) => problems.push(`${String(object['id'])}: ${message}`);
  const type = String(object['type']);
  const id = String(object['id']);
  if (!IDENTIFIER.test(id) || !id.startsWith(`${type}--`)) say(`id must be "${type}--<RFC 4122 UUID>"`);
  for (const [name, value] of Object.entries(object)) {
    if (Array.isArray(value) && value.length === 0) say(`${name} is an empty list`);
    if (value === null || value === '') say(`${name} is empty`);
    if (name.endsWith('_ref') && !(typeof value === 'string' && IDENTIFIER.test(value) && bundleIds.has(value)))
      say(`${name} must name an object of the bundle`);
    if (
      name.endsWith('_refs') &&
      !(Array.isArray(value) && value.every((ref) => IDENTIFIER.test(String(ref)) && bundleIds.has(String(ref))))
    ) {
      say(`${name} must list objects of the bundle`);
    }
  }
  const newSco = Object.entries((object['extensions'] ?? {}) as Record<string, { extension_type?: string }>).some(
    ([key, extension]) => IDENTIFIER.test(key) && key.startsWith('extension-definition--') && extension.extension_type === 'new-sco',
  );
  const rule = RULES[type];
  if (!rule) {
    // §7.3: a type STIX does not define is only valid as an extension's new SCO.
    if (!newSco) say(`type ${type} is neither a STIX 2.1 type nor defined by a new-sco extension`);
    if (object['spec_version'] !== undefined && object['spec_version'] !== '2.1') say('spec_version must be "2.1"');
    return problems;
  }
  const known = new Set([...(rule.kind === 'sco' ? SCO_COMMON : SDO_COMMON), ...rule.required, ...rule.optional]);
  for (const name of rule.required) if (object[name] === undefined) say(`${name} is required`);
  for (const name of Object.keys(object))
    if (!known.has(name) && !CUSTOM_PROPERTY.test(name)) say(`${name} is neither a ${type} property nor a custom one`);
  if (rule.kind === 'sco') {
    if (object['spec_version'] !== undefined && object['spec_version'] !== '2.1') say('spec_version must be "2.1"');
    const contributing = Object.fromEntries(
      (rule.idContributing ?? []).flatMap((name) => (object[name] === undefined ? [] : [[name, object[name]]])),
    );
    if (id !== `${type}--${uuidv5(STIX_SCO_NAMESPACE, canonicalJson(contributing))}`)
      say('an SCO id must be UUIDv5 of its id-contributing properties');
    return problems;
  }
  if (object['spec_version'] !== '2.1') say('spec_version must be "2.1"');
  for (const name of ['created', 'modified'])
    if (!MILLISECONDS.test(String(object[name]))) say(`${name} must be a UTC timestamp to the millisecond`);
  if (String(object['modified']) < String(object['created'])) say('modified must not be before created');
  for (const name of ['published', 'first_seen', 'last_seen', 'start_time', 'stop_time']) {
    if (object[name] !== undefined && !TIMESTAMP.test(String(object[name]))) say(`${name} must be a UTC timestamp`);
  }
  if (type === 'campaign' && object['first_seen'] && object['last_seen'] && String(object['last_seen']) < String(object['first_seen']))
    say('last_seen before first_seen');
  if (type === 'relationship' && !VOCABULARY_WORD.test(String(object['relationship_type'])))
    say('relationship_type holds a-z, 0-9 and hyphens only');
  return problems;
}

/** Every rule a bundle and its objects break. */
export function bundleViolations(bundle: { type?: unknown; id?: unknown; objects?: unknown }): string[] {
  const problems: string[] = [];
  if (bundle.type !== 'bundle') problems.push('bundle: type must be "bundle"');
  if (!new RegExp(`^bundle--${UUID}$`).test(String(bundle.id))) problems.push('bundle: id must be "bundle--<UUID>"');
  const objects = Array.isArray(bundle.objects) ? (bundle.objects as Record<string, unknown>[]) : [];
  if (objects.length === 0) problems.push('bundle: objects must not be empty');
  const ids = new Set(objects.map((object) => String(object['id'])));
  if (ids.size !== objects.length) problems.push('bundle: an id appears twice');
  return [...problems, ...extensionViolations(objects), ...objects.flatMap((object) => stixViolations(object, ids))];
}

/** §7.3: an extension is used under the id of a definition in the bundle, as one of the types it defines; no definition goes unused. */
function extensionViolations(objects: readonly Record<string, unknown>[]): string[] {
  const definitions = new Map(
    objects.filter((object) => object['type'] === 'extension-definition').map((object) => [String(object['id']), object]),
  );
  const used = new Set<string>();
  const problems: string[] = [];
  for (const object of objects) {
    for (const [key, value] of Object.entries((object['extensions'] ?? {}) as Record<string, { extension_type?: unknown }>)) {
      if (!key.startsWith('extension-definition--')) continue;
      used.add(key);
      const definition = definitions.get(key);
      if (!definition) problems.push(`${String(object['id'])}: extension ${key} has no extension-definition in the bundle`);
      else if (!(definition['extension_types'] as unknown[]).includes(value.extension_type))
        problems.push(`${String(object['id'])}: extension_type ${String(value.extension_type)} is not one ${key} defines`);
    }
  }
  for (const id of definitions.keys()) if (!used.has(id)) problems.push(`${id}: an extension-definition nothing uses`);
  return problems;
}
