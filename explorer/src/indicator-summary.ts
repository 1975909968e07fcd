import { gql } from './api.js';
import { seenDay } from './dom.js';
import type { IndicatorKind } from './indicator.js';

export interface Check {
  readonly verdict: string;
  readonly score: number;
  readonly reasons: readonly { code: string; message: string; weight: number; count: number | null }[];
}
export interface ReportRow {
  readonly id: string;
  readonly receivedAt: string;
  readonly channel: string;
  readonly scamType: string | null;
  readonly brand: string | null;
  readonly text: string | null;
}
/** What the Search page shows beside the graph, whatever the kind. */
export interface IndicatorSummary {
  readonly check: Check | null;
  /** What the check judged when it is not the indicator itself (an email's domain). */
  readonly checked: string | null;
  readonly facts: ReadonlyArray<readonly [string, string | number]>;
  readonly brands: readonly { slug: string; name: string }[];
  readonly campaign: { id: string; size: number | null } | null;
  readonly reports: readonly ReportRow[];
  readonly reportTotal: number;
}

const REPORTS_SHOWN = 20;
const CHECK_FIELDS = 'verdict score reasons { code message weight count }';
const BRAND_FIELDS = 'brands { slug name }';

const PHONE = `query PhoneSummary($value: String!) {
  checkNumber(number: $value) { ${CHECK_FIELDS} }
  phoneNumber(number: $value) {
    e164 country numberType firstSeen lastSeen reportCount brandCount ${BRAND_FIELDS} campaign { id size }
    callbacks: reportCount(role: CALLBACK) callerIds: reportCount(role: CALLER_ID) senderIds: reportCount(role: SENDER_ID)
    reports(first: ${REPORTS_SHOWN}) { totalCount edges { node { id receivedAt channel scamType brand { name } text } } }
  } }`;
const domainQuery = (
  check: 'checkDomain(domain: $value)' | 'checkUrl(url: $value)',
) => `query DomainSummary($kind: String!, $value: String!) {
  check: ${check} { domain ${CHECK_FIELDS} }
  domain(name: $value) { name reportCount firstSeen lastSeen isShortener isPlatform isFreeMail ${BRAND_FIELDS} campaign { id size } callbackNumbers { e164 } }
  evidencePack(kind: $kind, value: $value) { json } }`;
const PACK = `query PackSummary($kind: String!, $value: String!, $domain: String!, $checkDomain: Boolean!) {
  check: checkDomain(domain: $domain) @include(if: $checkDomain) { ${CHECK_FIELDS} }
  evidencePack(kind: $kind, value: $value) { json } }`;

type Brand = { slug: string; name: string };
type CampaignRef = { id: string; size: number | null };
interface PhoneAnswer {
  e164: string;
  country: string | null;
  numberType: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  reportCount: number;
  brandCount: number;
  callbacks: number;
  callerIds: number;
  senderIds: number;
  brands: Brand[];
  campaign: CampaignRef | null;
  reports: { totalCount: number; edges: { node: Omit<ReportRow, 'brand'> & { brand: { name: string } | null } }[] };
}
interface DomainAnswer {
  name: string;
  reportCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  isShortener: boolean;
  isPlatform: boolean;
  isFreeMail: boolean;
  brands: Brand[];
  campaign: CampaignRef | null;
  callbackNumbers: { e164: string }[];
}
interface PackDocument {
  content: {
    firstSeen: string | null;
    lastSeen: string | null;
    reportTotal: number;
    brands: Brand[];
    campaign: CampaignRef | null;
    reports: {
      id: string;
      receivedAt: string;
      channel: string;
      scamType: string | null;
      brand: { name: string } | null;
      excerpt: string | null;
    }[];
  };
}

/** An evidence pack's reports: the one report list the schema gives for kinds other than phone numbers. */
function packReports(pack: { json: string } | null): { content: PackDocument['content'] | null; reports: ReportRow[] } {
  if (!pack) return { content: null, reports: [] };
  const { content } = JSON.parse(pack.json) as PackDocument;
  const reports = content.reports.slice(0, REPORTS_SHOWN).map(({ id, receivedAt, channel, scamType, brand, excerpt }) => ({
    id,
    receivedAt,
    channel,
    scamType,
    brand: brand?.name ?? null,
    text: excerpt,
  }));
  return { content, reports };
}

const flags = (domain: { isShortener: boolean; isPlatform: boolean; isFreeMail: boolean }) =>
  [domain.isShortener && 'link shortener', domain.isPlatform && 'platform', domain.isFreeMail && 'free mail'].filter(Boolean).join(', ') ||
  'none';

/** The check, counts, dates, brands, campaign and newest reports of one indicator, from the public API. */
export async function indicatorSummary(kind: IndicatorKind, value: string): Promise<IndicatorSummary> {
  switch (kind) {
    case 'phone': {
      const { checkNumber, phoneNumber: phone } = await gql<{ checkNumber: Check; phoneNumber: PhoneAnswer | null }>(PHONE, { value });
      return {
        check: checkNumber,
        checked: null,
        facts: phone
          ? [
              ['Number', phone.e164],
              ['Type', [phone.numberType, phone.country].filter(Boolean).join(', ') || '—'],
              ['Reports', phone.reportCount],
              ['As callback number', phone.callbacks],
              ['As caller ID', phone.callerIds],
              ['As sender ID', phone.senderIds],
              ['Brands', phone.brandCount],
              ['First seen', seenDay(phone.firstSeen)],
              ['Last seen', seenDay(phone.lastSeen)],
            ]
          : [],
        brands: phone?.brands ?? [],
        campaign: phone?.campaign ?? null,
        reports: (phone?.reports.edges ?? []).map(({ node }) => ({ ...node, brand: node.brand?.name ?? null })),
        reportTotal: phone?.reports.totalCount ?? 0,
      };
    }
    case 'domain':
    case 'url': {
      const query = domainQuery(kind === 'url' ? 'checkUrl(url: $value)' : 'checkDomain(domain: $value)');
      const { check, domain, evidencePack } = await gql<{
        check: Check & { domain: string | null };
        domain: DomainAnswer | null;
        evidencePack: { json: string } | null;
      }>(query, { kind, value });
      const { content, reports } = packReports(evidencePack);
      return {
        check,
        checked: kind === 'url' ? check.domain : null,
        facts: domain
          ? [
              ['Domain', domain.name],
              ...(kind === 'url' ? ([['Reports with this URL', content?.reportTotal ?? 0]] as const) : []),
              [kind === 'url' ? 'Reports naming the domain' : 'Reports', domain.reportCount],
              ['Callback numbers beside it', domain.callbackNumbers.length],
              ['Shared host', flags(domain)],
              ['First seen', seenDay(domain.firstSeen)],
              ['Last seen', seenDay(domain.lastSeen)],
            ]
          : [],
        brands: domain?.brands ?? [],
        campaign: domain?.campaign ?? null,
        reports,
        reportTotal: content?.reportTotal ?? 0,
      };
    }
    case 'email':
    case 'wallet':
    case 'bank_account': {
      const domain = kind === 'email' ? value.slice(value.lastIndexOf('@') + 1) : '';
      const { check, evidencePack } = await gql<{ check?: Check; evidencePack: { json: string } | null }>(PACK, {
        kind,
        value,
        domain,
        checkDomain: kind === 'email',
      });
      const { content, reports } = packReports(evidencePack);
      return {
        check: check ?? null,
        checked: kind === 'email' ? domain : null,
        facts: content
          ? [
              ['Reports', content.reportTotal],
              ['First seen', seenDay(content.firstSeen)],
              ['Last seen', seenDay(content.lastSeen)],
            ]
          : [],
        brands: content?.brands ?? [],
        campaign: content?.campaign ?? null,
        reports,
        reportTotal: content?.reportTotal ?? 0,
      };
    }
  }
}
