import type { INDICATOR_KINDS } from '../infrastructure/indicator-node.js';
import type { LinkPart } from '../ingest/batch-write.js';
import { lookalikes, type BrandDomains } from '../scoring/lookalike.js';
import type { AlertEvent } from './watch.js';

/** One thing a part of a batch names, with each report (Report element id) naming it and how. */
interface Named {
  readonly kind: (typeof INDICATOR_KINDS)[number];
  readonly key: string;
  readonly qualifier: string | null;
  /** The alert's subjectValue; the watch's target is `${kind}:${value}` (src/infrastructure/indicator-node.ts). */
  readonly value: string;
  readonly target: string;
  /** What link-indicators added to the node's reportCount for this part. */
  readonly reports: number;
  readonly links: readonly { readonly report: string; readonly role: string }[];
}

/** The relationships NEW_INFRASTRUCTURE counts: what a report uses, not a spoofed caller id or sender. */
const INFRASTRUCTURE = new Set(['CALLBACK_NUMBER', 'LINKS_TO', 'NAMES_DOMAIN', 'CONTACT_EMAIL', 'PAY_TO']);

/** Every indicator of the part, as link-indicators wrote it, with its relationship type per report. */
export function namedIn(part: LinkPart): Named[] {
  const named = (kind: Named['kind'], key: string, qualifier: string | null, reports: number, links: Named['links']): Named => {
    const value = qualifier === null ? key : `${qualifier}:${key}`;
    return { kind, key, qualifier, value, target: `${kind}:${value}`, reports, links };
  };
  const via = (role: string) => (links: readonly { report: string }[]) => links.map(({ report }) => ({ report, role }));
  return [
    ...part.phones.map((p) =>
      named('phone', p.e164, null, p.reports, [
        ...via('CALLBACK_NUMBER')(p.callbacks),
        ...via('CALLER_ID')(p.callerIds),
        ...via('SENDER_ID')(p.senderIds),
      ]),
    ),
    ...part.domains.map((d) =>
      named(
        'domain',
        d.name,
        null,
        d.reports.length,
        d.reports.map((report) => ({ report, role: 'NAMES_DOMAIN' })),
      ),
    ),
    ...part.urls.map((u) => named('url', u.url, null, u.reports.length, via('LINKS_TO')(u.reports))),
    ...part.emails.map((e) => named('email', e.address, null, e.reports.length, via('CONTACT_EMAIL')(e.reports))),
    ...part.wallets.map((w) => named('wallet', w.address, w.chain, w.reports.length, via('PAY_TO')(w.reports))),
    ...part.bankAccounts.map((a) => named('bank_account', a.identifier, a.scheme, a.reports.length, via('PAY_TO')(a.reports))),
  ];
}

/** Every leading run of 2 or more characters of each number with a role: what a prefix watch's prefix may be. */
export function prefixesOf(named: readonly Named[]): string[] {
  const prefixes = new Set<string>();
  for (const { kind, key, links } of named) {
    if (kind !== 'phone' || links.length === 0) continue;
    for (let i = 2; i <= key.length; i++) prefixes.add(key.slice(0, i));
  }
  return [...prefixes];
}

/** What monitoring/report-watches found for the part. */
export interface Found {
  readonly indicators: readonly { watchId: string; target: string }[];
  readonly prefixes: readonly { watchId: string; prefix: string }[];
  readonly brands: readonly { watchId: string; slug: string; officialDomains: readonly string[] }[];
  readonly ties: readonly { kind: string; key: string; slug: string }[];
  readonly lookalikeBrands: readonly (BrandDomains & { watchIds: readonly string[] })[];
  readonly newDomains: readonly string[];
  readonly placed: readonly { target: string; watchIds: readonly string[] }[];
}

/** One alert for monitoring/write-alerts. */
export interface ReportAlert {
  watchId: string;
  event: AlertEvent;
  subjectKind: string;
  subjectValue: string;
  role: string;
  reportId: string;
  resembles: string | null;
  from: null;
  to: null;
  campaignIds: null;
  rank: number;
}

/**
 * The alerts of a part: what the graph found (`found`) joined with what the part's reports name. One
 * alert per watch, event and indicator, and per report for NEW_REPORT and NUMBER_REPORTED; each tied to
 * its first report (the least id) and the least relationship type, as the statement before issue 18 did.
 * `reports`: Report element id to report id, the part's new reports.
 */
export function reportAlerts(part: LinkPart, named: readonly Named[], reports: ReadonlyMap<string, string>, found: Found): ReportAlert[] {
  const alerts = new Map<string, ReportAlert>();
  const add = (
    watchId: string,
    event: AlertEvent,
    node: Named,
    report: string,
    role: string,
    perReport: boolean,
    resembles: string | null = null,
  ) => {
    const reportId = reports.get(report);
    if (reportId === undefined) return;
    const key = [watchId, event, node.target, perReport ? reportId : '', resembles ?? ''].join('\u0000');
    const alert = alerts.get(key);
    if (!alert) {
      alerts.set(key, {
        watchId,
        event,
        subjectKind: node.kind,
        subjectValue: node.value,
        role,
        reportId,
        resembles,
        from: null,
        to: null,
        campaignIds: null,
        rank: 0,
      });
      return;
    }
    if (reportId < alert.reportId) alert.reportId = reportId;
    if (role < alert.role) alert.role = role;
  };
  const byTarget = new Map(named.map((node) => [node.target, node]));
  // (1) Indicator watches: each report naming the indicator, in any role.
  for (const { watchId, target } of found.indicators) {
    const node = byTarget.get(target);
    for (const { report, role } of node?.links ?? []) add(watchId, 'NEW_REPORT', node!, report, role, true);
  }
  // (2) Prefix watches: each report naming a number in the range, in any role.
  for (const node of named) {
    if (node.kind !== 'phone') continue;
    for (const { watchId, prefix } of found.prefixes)
      if (node.key.startsWith(prefix)) for (const { report, role } of node.links) add(watchId, 'NUMBER_REPORTED', node, report, role, true);
  }
  // (3) Brand watches: a callback number or domain first tied to the brand by this part, once.
  const claims = new Map(part.brands.map((brand) => [brand.slug, new Set(brand.reports)]));
  for (const tie of found.ties) {
    const node = byTarget.get(`${tie.kind}:${tie.key}`);
    const role = tie.kind === 'phone' ? 'CALLBACK_NUMBER' : 'NAMES_DOMAIN';
    for (const watch of found.brands) {
      if (watch.slug !== tie.slug || !node || (tie.kind === 'domain' && watch.officialDomains.includes(tie.key))) continue;
      for (const link of node.links)
        if (link.role === role && claims.get(tie.slug)?.has(link.report))
          add(watch.watchId, tie.kind === 'phone' ? 'NEW_CALLBACK_NUMBER' : 'NEW_DOMAIN', node, link.report, role, false);
    }
  }
  // (4) Lookalikes: a domain only this part names, imitating a watched brand that none of its reports claims with it.
  const tied = new Set(part.domainFor.map(({ name, slug }) => `${name}\u0000${slug}`));
  for (const domain of found.newDomains) {
    const node = byTarget.get(`domain:${domain}`);
    if (!node) continue;
    for (const { brand, official } of lookalikes(domain, domain, found.lookalikeBrands)) {
      if (tied.has(`${domain}\u0000${brand}`)) continue;
      const watchIds = found.lookalikeBrands.find((b) => b.slug === brand)?.watchIds ?? [];
      for (const watchId of watchIds)
        for (const { report } of node.links) add(watchId, 'LOOKALIKE_DOMAIN', node, report, 'NAMES_DOMAIN', false, official);
    }
  }
  // (5) Campaign watches: a report naming a watched campaign's member beside indicators in no campaign: they join it.
  const placed = new Map(found.placed.map(({ target, watchIds }) => [target, watchIds]));
  if (found.placed.some(({ watchIds }) => watchIds.length > 0)) {
    const byReport = new Map<string, { node: Named; role: string }[]>();
    for (const node of named)
      for (const { report, role } of node.links) (byReport.get(report) ?? byReport.set(report, []).get(report)!).push({ node, role });
    for (const [report, links] of byReport) {
      const watchIds = new Set(links.flatMap(({ node }) => placed.get(node.target) ?? []));
      for (const watchId of watchIds)
        for (const { node, role } of links)
          if (INFRASTRUCTURE.has(role) && !placed.has(node.target)) add(watchId, 'NEW_INFRASTRUCTURE', node, report, role, false);
    }
  }
  // Within a watch, by report, then subject: the order write-alerts numbers them in.
  return [...alerts.values()]
    .sort(
      (a, b) =>
        compare(a.watchId, b.watchId) ||
        compare(a.reportId, b.reportId) ||
        compare(a.subjectValue, b.subjectValue) ||
        compare(a.event, b.event),
    )
    .map((alert, rank) => ({ ...alert, rank }));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
