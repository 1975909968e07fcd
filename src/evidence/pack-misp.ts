import type { EvidencePack } from './evidence-pack.js';
import type { PackIndicator, PackReport } from './pack-content.js';
import { SCAMGRAPH_NAMESPACE, splitQualifier } from './stix-ids.js';
import { uuidv5 } from './uuid-v5.js';

/** MISP object templates used: the current ones of the MISP objects project, copied in schema/misp-objects/ (name, uuid, version). */
export const MISP_TEMPLATES = {
  url: { uuid: '60efb77b-40b5-4c46-871b-ed1ed999fce5', version: '10', metaCategory: 'network' },
  'coin-address': { uuid: 'd0e6997e-78da-4815-a6a1-cfc1c1cb8a46', version: '7', metaCategory: 'financial' },
  'bank-account': { uuid: 'b4712203-95a8-4883-80e9-b566f5df11c9', version: '3', metaCategory: 'financial' },
} as const;

/** Machine tags giving a phone number's roles, so an import knows a spoofable caller ID from a callback number. */
export const ROLE_TAGS = {
  CALLBACK_NUMBER: 'scamgraph:role="callback-number"',
  CALLER_ID: 'scamgraph:role="caller-id"',
  SENDER_ID: 'scamgraph:role="sender-id"',
} as const;

type MispAttribute = Record<string, unknown>;
const uuidOf = (name: string) => uuidv5(SCAMGRAPH_NAMESPACE, `misp:${name}`);
const seconds = (iso: string | null) => String(Math.floor(Date.parse(iso ?? '1970-01-01T00:00:00Z') / 1000));

/** Attribute, object and report uuids are the event's own: MISP holds one uuid in one event only. */
function attribute(
  scope: string,
  id: string,
  type: string,
  category: string,
  value: string,
  extra: Record<string, unknown> = {},
): MispAttribute {
  return {
    uuid: uuidOf(`${scope}|attribute:${id}:${type}`),
    type,
    category,
    value,
    to_ids: category !== 'Attribution' && category !== 'Other',
    distribution: '5',
    ...extra,
  };
}

function seen(indicator: PackIndicator) {
  return {
    ...(indicator.firstSeen ? { first_seen: indicator.firstSeen } : {}),
    ...(indicator.lastSeen ? { last_seen: indicator.lastSeen } : {}),
    timestamp: seconds(indicator.lastSeen),
  };
}

function object(scope: string, name: keyof typeof MISP_TEMPLATES, id: string, attributes: MispAttribute[], indicator: PackIndicator) {
  const template = MISP_TEMPLATES[name];
  return {
    uuid: uuidOf(`${scope}|object:${id}`),
    name,
    'meta-category': template.metaCategory,
    template_uuid: template.uuid,
    template_version: template.version,
    distribution: '5',
    ...seen(indicator),
    Attribute: attributes,
  };
}

/** Phone numbers, emails (and the campaign) as attributes; URLs, wallets and bank accounts as objects of their MISP templates. */
function represent(scope: string, indicator: PackIndicator): { attribute?: MispAttribute; object?: ReturnType<typeof object> } {
  const id = `${indicator.kind}:${indicator.value}`;
  switch (indicator.kind) {
    case 'phone': {
      const roles = Object.entries(ROLE_TAGS).filter(([role]) => (indicator.roles[role as keyof typeof ROLE_TAGS] ?? 0) > 0);
      const facts = indicator.phone
        ? `${indicator.phone.numberType ?? 'unknown type'}, ${indicator.phone.country ?? 'non-geographic'}`
        : '';
      return {
        attribute: attribute(scope, id, 'phone-number', 'Financial fraud', indicator.value, {
          ...seen(indicator),
          comment: facts,
          Tag: roles.map(([, name]) => ({ name })),
        }),
      };
    }
    case 'email':
      return { attribute: attribute(scope, id, 'email-src', 'Payload delivery', indicator.value, seen(indicator)) };
    case 'url': {
      const url = new URL(indicator.value);
      const attributes = [
        attribute(scope, id, 'url', 'Network activity', indicator.value, { object_relation: 'url' }),
        attribute(scope, id, 'hostname', 'Network activity', url.hostname, { object_relation: 'host' }),
      ];
      return { object: object(scope, 'url', id, attributes, indicator) };
    }
    case 'wallet': {
      const [chain, address] = splitQualifier(indicator.value);
      const isBitcoin = chain === 'BTC';
      return {
        object: object(
          scope,
          'coin-address',
          id,
          [
            attribute(scope, id, isBitcoin ? 'btc' : 'text', isBitcoin ? 'Financial fraud' : 'Other', address, {
              object_relation: isBitcoin ? 'address' : 'address-crypto',
            }),
            attribute(scope, `${id}:symbol`, 'text', 'Other', chain, { object_relation: 'symbol' }),
          ],
          indicator,
        ),
      };
    }
    case 'bank_account': {
      const [scheme, identifier] = splitQualifier(indicator.value);
      const account = (number: string) =>
        attribute(scope, id, 'bank-account-nr', 'Financial fraud', number, { object_relation: 'account' });
      const [bsb, accountNumber] = identifier.split(' ') as [string, string];
      const attributes =
        scheme === 'IBAN'
          ? [attribute(scope, id, 'iban', 'Financial fraud', identifier, { object_relation: 'iban' })]
          : scheme === 'AU_BSB'
            ? [account(accountNumber), attribute(scope, `${id}:bsb`, 'text', 'Other', bsb, { object_relation: 'branch' })]
            : [account(identifier), attribute(scope, `${id}:payid`, 'text', 'Other', 'PayID', { object_relation: 'text' })];
      return { object: object(scope, 'bank-account', id, attributes, indicator) };
    }
    default:
      // Domains travel inside the url objects (and email addresses) that name them: an import gets them back from those.
      return {};
  }
}

/** A scam report as a MISP event report (markdown), naming its indicators' attributes with MISP's @[attribute](uuid) references. */
function eventReport(scope: string, report: PackReport, attributeUuids: ReadonlyMap<string, string>) {
  const lines = [
    `**Received** ${report.receivedAt} · **Channel** ${report.channel}${report.scamType ? ` · **Scam type** ${report.scamType}` : ''}${report.brand ? ` · **Brand** ${report.brand.name}` : ''}`,
    '',
    ...(report.excerpt ? ['> ' + report.excerpt.replace(/\r?\n/g, '\n> '), ''] : []),
    ...(report.referenceNumbers.length > 0 ? [`**Reference numbers** ${report.referenceNumbers.join(', ')}`, ''] : []),
    ...report.indicators.map((each) => {
      const uuid = attributeUuids.get(`${each.kind}:${each.value}`);
      return `- ${each.role}: ${uuid ? `@[attribute](${uuid})` : each.value}`;
    }),
  ];
  return {
    uuid: uuidOf(`${scope}|report:${report.id}`),
    name: `Scam report ${report.id}`,
    content: lines.join('\n'),
    distribution: '5',
    timestamp: seconds(report.receivedAt),
  };
}

/**
 * The pack as a MISP event (MISP core format). Its uuid is the subject's, so a later pack of the
 * same number or campaign updates the event a MISP instance already holds.
 */
export function mispEvent(pack: EvidencePack): Record<string, unknown> {
  const { content } = pack;
  const subject = 'value' in content.subject ? `${content.subject.kind}:${content.subject.value}` : `campaign:${content.subject.id}`;
  const represented = content.indicators.map((indicator) => ({ indicator, ...represent(subject, indicator) }));
  const attributeUuids = new Map(
    represented.flatMap(({ indicator, attribute: single, object: grouped }) => {
      const uuid = (single ?? grouped?.Attribute[0])?.['uuid'] as string | undefined;
      return uuid ? [[`${indicator.kind}:${indicator.value}`, uuid] as const] : [];
    }),
  );
  const campaign = content.campaign
    ? [attribute(subject, `campaign:${content.campaign.id}`, 'campaign-id', 'Attribution', content.campaign.id)]
    : [];
  const event = {
    uuid: uuidOf(`event:${subject}`),
    info: `scamgraph evidence pack: ${subject} (${content.reports.length} of ${content.reportTotal} reports)`,
    date: (content.lastSeen ?? pack.createdAt.toISOString()).slice(0, 10),
    timestamp: seconds(content.lastSeen),
    threat_level_id: '2',
    analysis: '2',
    distribution: '0',
    published: false,
    Orgc: { name: 'scamgraph', uuid: uuidOf('org:scamgraph') },
    Tag: content.brands.map((brand) => ({ name: `scamgraph:brand="${brand.name.replace(/"/g, "'")}"` })),
    Attribute: [...represented.flatMap((each) => (each.attribute ? [each.attribute] : [])), ...campaign],
    Object: represented.flatMap((each) => (each.object ? [each.object] : [])),
    EventReport: content.reports.map((report) => eventReport(subject, report, attributeUuids)),
  };
  return { Event: event };
}

export const packMisp = (pack: EvidencePack): string => `${JSON.stringify(mispEvent(pack), null, 2)}\n`;
