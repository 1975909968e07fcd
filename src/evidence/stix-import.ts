import { z } from 'zod';
import type { ReportInput } from '../ingest/report-input.js';
import { CHANNELS, SCAM_TYPES, type Channel, type PhoneRole, type ScamType } from '../reports/vocabulary.js';
import { ImportRefusedError } from './import-errors.js';
import { ReportDraft } from './report-draft.js';
import { extensionProperties, type ExtensionName } from './stix-extensions.js';
import { CHANNEL_LABEL, LEGACY_PREFIX, PHONE_ROLE_REFS, SCAM_TYPE_LABEL } from './stix-ids.js';

const StixObject = z.looseObject({ type: z.string(), id: z.string() });
const Bundle = z.looseObject({ type: z.literal('bundle'), objects: z.array(StixObject) });
type StixObject = z.infer<typeof StixObject>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : [];
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * One of scamgraph's properties: from its extension, or from the top level as `x_scamgraph_<name>`,
 * where bundles exported before the extensions carried it, so those still import the same.
 */
const scamgraph = (object: StixObject, name: ExtensionName, property: string): unknown =>
  extensionProperties(object, name)[property] ?? object[`${LEGACY_PREFIX}${property}`];

const ROLE_OF_REFS: ReadonlyArray<readonly [string, PhoneRole]> = [
  [PHONE_ROLE_REFS.CALLBACK_NUMBER, 'CALLBACK'],
  [PHONE_ROLE_REFS.CALLER_ID, 'CALLER_ID'],
  [PHONE_ROLE_REFS.SENDER_ID, 'SENDER_ID'],
];

/** A label "prefix:VALUE" whose value is in the closed list, or null. */
function labelled<T extends string>(labels: readonly string[], prefix: string, allowed: readonly T[]): T | null {
  const value = labels.find((label) => label.startsWith(prefix))?.slice(prefix.length);
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : null;
}

/** One referenced observable (or brand identity) into the draft; anything else a container points at is context. */
function addObject(draft: ReportDraft, object: StixObject, roles: readonly PhoneRole[], header: { claimedBrand: string | null }): void {
  const value = text(object['value']);
  switch (object.type) {
    case 'phone-number':
      if (value) draft.addPhone(value, roles);
      return;
    case 'url':
      if (value) draft.addUrl(value);
      return;
    case 'email-addr':
      if (value) draft.addEmail(value);
      return;
    case 'domain-name':
      if (value) draft.addDomain(value);
      return;
    case 'cryptocurrency-wallet':
      if (value) draft.addWallet({ chain: text(scamgraph(object, 'wallet', 'chain')), address: value });
      return;
    case 'bank-account':
      draft.addBankAccount(bankAccountOf(object));
      return;
    case 'identity':
      if (object['identity_class'] === 'organization') header.claimedBrand ??= text(object['name']);
  }
}

/** OpenCTI's bank-account holds an IBAN; scamgraph's also an AU BSB account or a PayID, its scheme in an extension. */
function bankAccountOf(object: StixObject) {
  const iban = text(object['iban']);
  if (iban) return { iban };
  const number = text(object['account_number']) ?? text(object['value']) ?? '';
  if (scamgraph(object, 'bankAccount', 'scheme') === 'AU_BSB') {
    const [bsb, accountNumber] = number.split(' ');
    return { bsb: bsb ?? null, accountNumber: accountNumber ?? null };
  }
  return { payId: number.replace(/^(email|phone|abn):/, '') };
}

/**
 * A STIX 2.1 bundle's reports and observed-data as ReportInputs: each container is one report,
 * named by its STIX id (externalId) and its producer (source "stix:<identity name>"), so an import
 * run twice writes once. Phone numbers are callback numbers unless scamgraph's role properties say
 * otherwise; channel and scam type come from "channel:" and "scam-type:" labels (OTHER and none
 * when absent).
 */
export function reportsFromStix(document: unknown): ReportInput[] {
  const bundle = Bundle.safeParse(document);
  if (!bundle.success) throw new ImportRefusedError(`not a STIX 2.1 bundle: ${bundle.error.issues[0]?.message ?? 'unreadable'}`);
  const byId = new Map(bundle.data.objects.map((object) => [object.id, object]));
  const containers = bundle.data.objects.filter((object) => object.type === 'report' || object.type === 'observed-data');
  if (containers.length === 0) throw new ImportRefusedError('the bundle holds no report or observed-data to import');
  return containers.map((container) => {
    const producer = byId.get(String(container['created_by_ref']));
    const labels = strings(container['labels']);
    const header = { claimedBrand: null as string | null };
    const draft = new ReportDraft();
    for (const ref of strings(container['object_refs'])) {
      const object = byId.get(ref);
      if (!object || object.id === producer?.id) continue;
      const roles = ROLE_OF_REFS.filter(([property]) => strings(scamgraph(container, 'report', property)).includes(ref)).map(
        ([, role]) => role,
      );
      addObject(draft, object, roles, header);
    }
    const receivedAt = text(container['published']) ?? text(container['first_observed']) ?? text(container['created']);
    return draft.toInput({
      externalId: container.id,
      source: `stix:${text(producer?.['name']) ?? text(container['created_by_ref']) ?? 'unknown'}`,
      receivedAt: receivedAt ? new Date(receivedAt) : null,
      channel: labelled<Channel>(labels, CHANNEL_LABEL, CHANNELS) ?? 'OTHER',
      scamType: labelled<ScamType>(labels, SCAM_TYPE_LABEL, SCAM_TYPES),
      claimedBrand: header.claimedBrand,
      text: container.type === 'report' ? text(container['description']) : null,
      referenceNumbers: strings(scamgraph(container, 'report', 'reference_numbers')),
    });
  });
}
