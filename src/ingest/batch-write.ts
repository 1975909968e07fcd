import { z } from 'zod';
import type { FollowUp, FollowUpStatement } from '../graph/executor.js';
import { stixIndicatorId } from '../evidence/stix-ids.js';
import { shaped } from '../graph/row-shape.js';
import type { WriteRow } from './report-rows.js';

/** A row of cypher/ingest/merge-reports.cypher: an item's report, and its element id (node) when this write created it. */
export const MERGED_ROW = z.object({ index: z.number(), id: z.string(), isNew: z.boolean(), node: z.string().nullable() });
export type MergedRow = z.infer<typeof MERGED_ROW>;

/** The rows of merge-reports, checked; writeEach and its follow-ups hand them over untyped. */
export const mergedRows = (rows: readonly Record<string, unknown>[]): MergedRow[] => shaped('ingest/merge-reports', MERGED_ROW, rows);

/**
 * The parameters of cypher/ingest/merge-reports.cypher: the part's Report fields alone, sorted by
 * (source, externalId) so that concurrent transactions take the reports' index locks in one order.
 */
export function reportRows(rows: readonly WriteRow[]) {
  // Everything but what the report names (link-indicators writes that), so a new Report field needs no change here.
  const reports = rows.map(
    ({
      phones: _phones,
      domains: _domains,
      urls: _urls,
      emails: _emails,
      wallets: _wallets,
      bankAccounts: _accounts,
      brands: _brands,
      ...report
    }) => report,
  );
  return { reports: reports.sort((a, b) => compare(`${a.source}\u0000${a.externalId ?? ''}`, `${b.source}\u0000${b.externalId ?? ''}`)) };
}

/** What one part's new reports name, as link-indicators writes it: what the alert outbox matches watches with. */
export type LinkPart = NonNullable<ReturnType<typeof linkParams>>['part'];
/** Runs after link-indicators in the same transaction (the alert outbox, src/monitoring); `reports`: new Report element id to id. */
export type PartOutbox = (part: LinkPart, reports: ReadonlyMap<string, string>) => FollowUpStatement | null;

/**
 * After merge-reports in the same transaction: link-indicators for the part's new reports, found
 * by their index in `rows` (every valid item's row); nothing when none is new. Then `outbox`, if
 * given, with what the part named: it commits with the reports or not at all.
 */
export function indicatorLinks(rows: ReadonlyMap<number, WriteRow>, outbox?: PartOutbox): FollowUp {
  return (written) => {
    const merged = mergedRows(written);
    const nodes = new Map(merged.flatMap((row) => (row.isNew && row.node !== null ? [[row.index, row.node] as const] : [])));
    const params =
      nodes.size === 0
        ? null
        : linkParams(
            merged.map((row) => rows.get(row.index)!),
            nodes,
          );
    if (!params) return null;
    const reports = new Map(merged.flatMap((row) => (row.isNew && row.node !== null ? [[row.node, row.id] as const] : [])));
    return { name: 'ingest/link-indicators', params, ...(outbox && { then: () => outbox(params.part, reports) }) };
  };
}

/**
 * First and last reportedAt of the reports naming a node (ISO strings in UTC compare as times); null
 * while none of them has a date (an undated source's), which leaves the node's own dates as they are.
 */
interface Seen {
  first: string | null;
  last: string | null;
}

/**
 * The parameters of cypher/ingest/link-indicators.cypher for the part's new reports (`nodes`: row
 * index to the new Report's element id; rows not in it were duplicates and count nowhere). Each
 * node once with its totals, each derived edge once with its report count; every list sorted by
 * its key, the lock order the statement relies on. Null when no report of the part is new.
 */
export function linkParams(rows: readonly WriteRow[], nodes: ReadonlyMap<number, string>) {
  const brands = new Map<string, { slug: string; name: string; reports: string[] } & Seen>();
  const aliases = new Map<string, { key: string; slug: string }>();
  // stixId: the node's indicator id, written when the node is made (taxii/indicators-by-id reads it).
  const domains = new Map<string, WriteRow['domains'][number] & { stixId: string; reports: string[] } & Seen>();
  type Link = { report: string; via: string };
  const phones = new Map<
    string,
    {
      e164: string;
      stixId: string;
      country: unknown;
      numberType: unknown;
      reports: number;
      callbacks: Link[];
      callerIds: Link[];
      senderIds: Link[];
    } & Seen
  >();
  const urls = new Map<string, { url: string; hostname: string; domain: string; reports: Link[] } & Seen>();
  const emails = new Map<string, { address: string; domain: string; reports: Link[] } & Seen>();
  const wallets = new Map<string, { chain: string; address: string; reports: Link[] } & Seen>();
  const bankAccounts = new Map<string, { scheme: string; identifier: string; reports: Link[] } & Seen>();
  const callbackFor = new Map<string, { e164: string; slug: string; reports: number; last: string | null }>();
  const callbackWith = new Map<string, { e164: string; name: string; reports: number; last: string | null }>();
  const domainFor = new Map<string, { name: string; slug: string; reports: number; last: string | null }>();

  for (const row of rows) {
    const report = nodes.get(row.index);
    if (report === undefined) continue;
    const at = row.reportedAt;
    for (const brand of row.brands) {
      seen(brands, brand.slug, at, () => ({ slug: brand.slug, name: brand.name, reports: [] })).reports.push(report);
      if (!aliases.has(brand.key)) aliases.set(brand.key, { key: brand.key, slug: brand.slug });
    }
    for (const domain of row.domains) {
      const node = seen(domains, domain.name, at, () => ({ ...domain, stixId: stixIndicatorId('domain', domain.name), reports: [] }));
      node.reports.push(report);
    }
    for (const phone of row.phones) {
      const node = seen(phones, phone.e164, at, () => ({
        e164: phone.e164,
        stixId: stixIndicatorId('phone', phone.e164),
        country: phone.country,
        numberType: phone.numberType,
        reports: 0,
        callbacks: [],
        callerIds: [],
        senderIds: [],
      }));
      node.reports++;
      if (phone.callback !== null) node.callbacks.push({ report, via: phone.callback });
      if (phone.callerId !== null) node.callerIds.push({ report, via: phone.callerId });
      if (phone.senderId !== null) node.senderIds.push({ report, via: phone.senderId });
    }
    for (const url of row.urls)
      seen(urls, url.url, at, () => ({ url: url.url, hostname: url.hostname, domain: url.domain, reports: [] })).reports.push({
        report,
        via: url.via,
      });
    for (const email of row.emails)
      seen(emails, email.address, at, () => ({ address: email.address, domain: email.domain, reports: [] })).reports.push({
        report,
        via: email.via,
      });
    for (const wallet of row.wallets) {
      seen(wallets, `${wallet.chain}\u0000${wallet.address}`, at, () => ({
        chain: wallet.chain,
        address: wallet.address,
        reports: [],
      })).reports.push({ report, via: wallet.via });
    }
    for (const account of row.bankAccounts) {
      seen(bankAccounts, `${account.scheme}\u0000${account.identifier}`, at, () => ({
        scheme: account.scheme,
        identifier: account.identifier,
        reports: [],
      })).reports.push({ report, via: account.via });
    }
    // The shared-infrastructure pairs: callback numbers with the claimed brand and the domains, domains with the brand.
    const callbacks = row.phones.filter((phone) => phone.callback !== null);
    for (const { slug } of row.brands) {
      for (const { e164 } of callbacks) pair(callbackFor, `${e164}\u0000${slug}`, at, () => ({ e164, slug }));
      for (const { name } of row.domains) pair(domainFor, `${name}\u0000${slug}`, at, () => ({ name, slug }));
    }
    for (const { e164 } of callbacks)
      for (const { name } of row.domains) pair(callbackWith, `${e164}\u0000${name}`, at, () => ({ e164, name }));
  }
  if (brands.size + domains.size + phones.size + urls.size + emails.size + wallets.size + bankAccounts.size === 0) return null;
  // One map parameter: cypher/ingest/link-indicators.cypher says why.
  return {
    part: {
      brands: sorted(brands),
      aliases: sorted(aliases),
      domains: sorted(domains),
      phones: sorted(phones),
      urls: sorted(urls),
      emails: sorted(emails),
      wallets: sorted(wallets),
      bankAccounts: sorted(bankAccounts),
      callbackFor: sorted(callbackFor),
      callbackWith: sorted(callbackWith),
      domainFor: sorted(domainFor),
    },
  };
}

/** The node under `key`, made on first sight, its first and last seen widened to `at` (null: undated, widens nothing). */
function seen<T extends Seen>(nodes: Map<string, T>, key: string, at: string | null, make: () => Omit<T, keyof Seen>): T {
  let node = nodes.get(key);
  if (!node) nodes.set(key, (node = { ...make(), first: at, last: at } as T));
  else if (at !== null) {
    if (node.first === null || at < node.first) node.first = at;
    if (node.last === null || at > node.last) node.last = at;
  }
  return node;
}

/** One more report for the pair under `key`, seen last no earlier than `at`. */
function pair<T extends { reports: number; last: string | null }>(
  pairs: Map<string, T>,
  key: string,
  at: string | null,
  make: () => Omit<T, 'reports' | 'last'>,
): void {
  const edge = pairs.get(key);
  if (!edge) pairs.set(key, { ...make(), reports: 1, last: at } as T);
  else {
    edge.reports++;
    if (at !== null && (edge.last === null || at > edge.last)) edge.last = at;
  }
}

/** Values in key order: the order every transaction locks them in. */
const sorted = <T>(map: ReadonlyMap<string, T>): T[] => [...map].sort(([a], [b]) => compare(a, b)).map(([, value]) => value);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
