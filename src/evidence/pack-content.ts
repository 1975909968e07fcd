import { drawnNode } from '../infrastructure/graph-node.js';
import { phoneFacts, type PhoneFacts } from './phone-facts.js';

/** Most reports one pack holds, newest first; the pack says when there were more. */
export const PACK_REPORT_LIMIT = 1000;
export const PACK_FORMAT = 'scamgraph-evidence-pack/1';

/** How each report named an indicator: the relationship types of cypher/ingest/link-indicators.cypher. */
export type Role = 'CALLBACK_NUMBER' | 'CALLER_ID' | 'SENDER_ID' | 'LINKS_TO' | 'NAMES_DOMAIN' | 'CONTACT_EMAIL' | 'PAY_TO';

export type PackSubject = { readonly kind: string; readonly value: string } | { readonly kind: 'campaign'; readonly id: string };

export interface PackIndicator {
  /** phone, domain, url, email, wallet or bank_account; value as the API takes it back ("BTC:bc1…" for wallets). */
  readonly kind: string;
  readonly value: string;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly reportCount: number;
  /** Reports per role, across the whole graph (not only this pack's reports). */
  readonly roles: Partial<Record<Role, number>>;
  readonly phone?: PhoneFacts | null;
}

export interface PackReport {
  readonly id: string;
  readonly receivedAt: string;
  readonly channel: string;
  readonly scamType: string | null;
  readonly brand: { readonly slug: string; readonly name: string } | null;
  /** The message text as kept on the report (an excerpt of at most TEXT_EXCERPT_MAX characters). */
  readonly excerpt: string | null;
  readonly referenceNumbers: readonly string[];
  readonly shortCodes: readonly string[];
  readonly indicators: readonly { readonly kind: string; readonly value: string; readonly role: Role }[];
  /** The files the report was read from, by hash, type and size (never the bytes); absent when none. */
  readonly attachments?: readonly PackAttachment[];
}

export interface PackAttachment {
  readonly sha256: string;
  readonly kind: string;
  readonly mime: string;
  readonly size: number;
}

export interface PackCampaign {
  readonly id: string;
  readonly size: number | null;
  readonly reportCount: number | null;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly status: string | null;
}

/** Everything a pack asserts, and nothing that changes without the graph changing: what its digest covers. */
export interface PackContent {
  readonly format: typeof PACK_FORMAT;
  readonly subject: PackSubject;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  /** Reports behind the subject in the graph; the pack holds the newest `reportLimit` of them. */
  readonly reportTotal: number;
  readonly reportLimit: number;
  readonly truncated: boolean;
  readonly campaign: PackCampaign | null;
  readonly brands: readonly { readonly slug: string; readonly name: string; readonly reports: number }[];
  readonly indicators: readonly PackIndicator[];
  readonly reports: readonly PackReport[];
}

type Props = Record<string, unknown>;
export interface ReportRow {
  readonly report: Props;
  readonly links: readonly { role: Role | 'IMPERSONATES'; label: string; node: Props }[];
  readonly attachments?: readonly PackAttachment[];
}

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : null);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedStrings = (value: unknown) => [...((value as string[] | null) ?? [])].sort(byText);

/** "phone:+61412345678" → kind and value, as neighbourhood ids and the API's (kind, value) arguments read. */
export function identify(label: string, node: Props): { kind: string; value: string } {
  const id = drawnNode(label, node, 0, Number.POSITIVE_INFINITY).id;
  const colon = id.indexOf(':');
  return { kind: id.slice(0, colon), value: id.slice(colon + 1) };
}

/** Every kind but a phone number plays one role only. */
const SINGLE_ROLE: Readonly<Record<string, Role>> = {
  domain: 'NAMES_DOMAIN',
  url: 'LINKS_TO',
  email: 'CONTACT_EMAIL',
  wallet: 'PAY_TO',
  bank_account: 'PAY_TO',
};

function indicatorOf(label: string, node: Props): PackIndicator {
  const { kind, value } = identify(label, node);
  const reportCount = (node['reportCount'] as number | undefined) ?? 0;
  const roles: Partial<Record<Role, number>> =
    kind === 'phone'
      ? {
          CALLBACK_NUMBER: node['callbackCount'] as number,
          CALLER_ID: node['callerIdCount'] as number,
          SENDER_ID: node['senderIdCount'] as number,
        }
      : { [SINGLE_ROLE[kind] as Role]: reportCount };
  return {
    kind,
    value,
    firstSeen: iso(node['firstSeen']),
    lastSeen: iso(node['lastSeen']),
    reportCount,
    roles,
    ...(kind === 'phone' ? { phone: phoneFacts(value) } : {}),
  };
}

/**
 * The canonical content of a pack from its subject and report rows (cypher/evidence/*): every list
 * sorted, every time an ISO string, so the same graph gives the same content and digest.
 */
export function packContent(input: {
  subject: PackSubject;
  subjectNode: Props | null;
  campaign: Props | null;
  reportTotal: number;
  rows: readonly ReportRow[];
}): PackContent {
  const indicators = new Map<string, PackIndicator>();
  const brands = new Map<string, { slug: string; name: string; reports: number }>();
  const reports = input.rows.map(({ report, links, attachments = [] }): PackReport => {
    let brand: PackReport['brand'] = null;
    const named: { kind: string; value: string; role: Role }[] = [];
    for (const link of links) {
      if (link.role === 'IMPERSONATES') {
        brand = { slug: link.node['slug'] as string, name: link.node['name'] as string };
        const seen = brands.get(brand.slug) ?? { ...brand, reports: 0 };
        brands.set(brand.slug, { ...seen, reports: seen.reports + 1 });
        continue;
      }
      const indicator = indicatorOf(link.label, link.node);
      indicators.set(`${indicator.kind}:${indicator.value}`, indicator);
      named.push({ kind: indicator.kind, value: indicator.value, role: link.role });
    }
    return {
      id: report['id'] as string,
      receivedAt: iso(report['receivedAt']) as string,
      channel: report['channel'] as string,
      scamType: (report['scamType'] as string | null) ?? null,
      brand,
      excerpt: (report['text'] as string | null) ?? null,
      referenceNumbers: sortedStrings(report['referenceNumbers']),
      shortCodes: sortedStrings(report['shortCodes']),
      indicators: named.sort((a, b) => byText(`${a.kind}:${a.value}:${a.role}`, `${b.kind}:${b.value}:${b.role}`)),
      // Only when there are some: a pack without attachments keeps the digest it always had.
      ...(attachments.length > 0 && { attachments: [...attachments].sort((a, b) => byText(a.sha256, b.sha256)) }),
    };
  });
  const campaign = input.campaign;
  const seenFrom = input.subjectNode ?? campaign;
  return {
    format: PACK_FORMAT,
    subject: input.subject,
    firstSeen: iso(seenFrom?.['firstSeen']),
    lastSeen: iso(seenFrom?.['lastSeen']),
    reportTotal: input.reportTotal,
    reportLimit: PACK_REPORT_LIMIT,
    truncated: input.reportTotal > reports.length,
    campaign: campaign
      ? {
          id: campaign['id'] as string,
          size: (campaign['size'] as number | null) ?? null,
          reportCount: (campaign['reportCount'] as number | null) ?? null,
          firstSeen: iso(campaign['firstSeen']),
          lastSeen: iso(campaign['lastSeen']),
          status: (campaign['status'] as string | null) ?? null,
        }
      : null,
    brands: [...brands.values()].sort((a, b) => byText(a.slug, b.slug)),
    indicators: [...indicators.values()].sort((a, b) => byText(`${a.kind}:${a.value}`, `${b.kind}:${b.value}`)),
    reports: reports.sort((a, b) => byText(b.receivedAt, a.receivedAt) || byText(b.id, a.id)),
  };
}
