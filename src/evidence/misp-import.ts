import { z } from 'zod';
import type { ReportInput } from '../ingest/report-input.js';
import type { PhoneRole } from '../reports/vocabulary.js';
import { ImportRefusedError } from './import-errors.js';
import { ROLE_TAGS } from './pack-misp.js';
import { ReportDraft } from './report-draft.js';

const Stamp = z.union([z.string(), z.number()]).nullish();
const Attribute = z.looseObject({
  uuid: z.string(),
  type: z.string(),
  value: z.string(),
  object_relation: z.string().nullish(),
  first_seen: z.string().nullish(),
  timestamp: Stamp,
  Tag: z.array(z.looseObject({ name: z.string() })).nullish(),
});
const MispObject = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  first_seen: z.string().nullish(),
  timestamp: Stamp,
  Attribute: z.array(Attribute).default([]),
});
const Event = z.looseObject({
  uuid: z.string(),
  date: z.string().nullish(),
  timestamp: Stamp,
  Orgc: z.looseObject({ name: z.string() }).nullish(),
  Attribute: z.array(Attribute).default([]),
  Object: z.array(MispObject).default([]),
});
type Attribute = z.infer<typeof Attribute>;

const ROLE_OF_TAG: ReadonlyMap<string, PhoneRole> = new Map([
  [ROLE_TAGS.CALLBACK_NUMBER, 'CALLBACK'],
  [ROLE_TAGS.CALLER_ID, 'CALLER_ID'],
  [ROLE_TAGS.SENDER_ID, 'SENDER_ID'],
]);

/**
 * One MISP attribute into the draft. The recipient's addresses (email-dst) are victims, not
 * infrastructure, and are never imported; types scamgraph has no node for are skipped.
 */
function addAttribute(draft: ReportDraft, attribute: Attribute): void {
  const value = attribute.value.trim();
  switch (attribute.type) {
    case 'phone-number':
    case 'prtn':
      draft.addPhone(
        value,
        (attribute.Tag ?? []).flatMap((tag) => ROLE_OF_TAG.get(tag.name) ?? []),
      );
      return;
    case 'url':
      draft.addUrl(value);
      return;
    case 'domain':
    case 'hostname':
      draft.addDomain(value);
      return;
    case 'email':
    case 'email-src':
    case 'email-reply-to':
      draft.addEmail(value);
      return;
    case 'btc':
      draft.addWallet({ chain: 'BTC', address: value });
      return;
    case 'iban':
      draft.addBankAccount({ iban: value });
  }
}

/** Objects whose attributes only mean something together: a coin address with its symbol, an account with its branch. */
function addObject(draft: ReportDraft, name: string, attributes: readonly Attribute[]): void {
  const relation = (key: string) => attributes.find((each) => each.object_relation === key)?.value.trim() ?? null;
  if (name === 'coin-address' && relation('address-crypto')) {
    draft.addWallet({ chain: relation('symbol'), address: relation('address-crypto') as string });
  } else if (name === 'bank-account' && relation('account') && !relation('iban')) {
    const account = relation('account') as string;
    draft.addBankAccount(
      relation('branch') ? { bsb: relation('branch'), accountNumber: account } : { payId: account.replace(/^(email|phone|abn):/, '') },
    );
  }
  for (const attribute of attributes) addAttribute(draft, attribute);
}

function dateOf(seen: string | null | undefined, stamp: string | number | null | undefined, fallback: Date | null): Date | null {
  if (seen) return new Date(seen);
  if (stamp !== null && stamp !== undefined && /^\d+$/.test(String(stamp))) return new Date(Number(stamp) * 1000);
  return fallback;
}

/**
 * A MISP event as ReportInputs: each object (its attributes together) and each attribute outside
 * objects is one report, named "<event uuid>/<object or attribute uuid>" and sourced
 * "misp:<creator org>", so an import run twice writes once. MISP says nothing of channels: OTHER.
 */
export function reportsFromMisp(document: unknown): ReportInput[] {
  const wrapped = z.looseObject({ Event }).safeParse(document);
  const event = wrapped.success ? wrapped.data.Event : Event.safeParse(document).data;
  if (!event) throw new ImportRefusedError('not a MISP event: expected {"Event": {"uuid", "Attribute", "Object"}}');
  const source = `misp:${event.Orgc?.name.trim() || 'unknown'}`;
  const eventDate = dateOf(event.date, event.timestamp, null);
  const items = [
    ...event.Object.map((object) => ({
      uuid: object.uuid,
      at: dateOf(object.first_seen, object.timestamp, eventDate),
      add: (draft: ReportDraft) => addObject(draft, object.name, object.Attribute),
    })),
    ...event.Attribute.map((attribute) => ({
      uuid: attribute.uuid,
      at: dateOf(attribute.first_seen, attribute.timestamp, eventDate),
      add: (draft: ReportDraft) => addAttribute(draft, attribute),
    })),
  ];
  return items.flatMap(({ uuid, at, add }) => {
    const draft = new ReportDraft();
    add(draft);
    return draft.isEmpty() ? [] : [draft.toInput({ externalId: `${event.uuid}/${uuid}`, source, receivedAt: at, channel: 'OTHER' })];
  });
}
