// Checks for the hostile-input suite: what was accepted is stored verbatim (identifiers trimmed,
// indicators canonical), and the graph changed only where this run's valid writes reach.
import type { Driver } from 'neo4j-driver';
import { brandAliasKey } from '../../../src/brands/brand-key.js';
import { normaliseBankAccount } from '../../../src/ingest/normalise/bank-account.js';
import { normaliseEmail } from '../../../src/ingest/normalise/email.js';
import { normalisePhoneNumber, parseRegion } from '../../../src/ingest/normalise/phone.js';
import { normaliseDomain, normaliseUrl } from '../../../src/ingest/normalise/url.js';
import { normaliseWallet } from '../../../src/ingest/normalise/wallet.js';
import { plain, type GraphSnapshot, type SnapshotRel } from '../graph-snapshot.js';

/** What this run's accepted requests wrote, by the keys their answers gave. */
export interface Written {
  /** Report id → the ReportInput that was sent. */
  readonly reports: Map<string, Record<string, unknown>>;
  /** Report id → inputs answered duplicate: true with that id. */
  readonly duplicates: Map<string, Record<string, unknown>[]>;
  readonly brands: Set<string>;
  /** ApiKey id → the name that was sent. */
  readonly apiKeys: Map<string, string>;
  /** Reports submitReview wrote (source api, no run marker): in the footprint, their content checked elsewhere. */
  readonly reviewed?: Set<string>;
}

/** A GraphQL list argument also takes a single value. */
export const asList = (value: unknown): unknown[] => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]);
const trimmed = (value: unknown) => String(value).trim();

interface Indexed {
  readonly byReportId: Map<string, string>;
  readonly out: Map<string, SnapshotRel[]>;
}
const indexes = new WeakMap<GraphSnapshot, Indexed>();
function indexOf(graph: GraphSnapshot): Indexed {
  let index = indexes.get(graph);
  if (!index) {
    const byReportId = new Map<string, string>();
    for (const [id, node] of graph.nodes) if (node.labels.includes('Report')) byReportId.set(String(node.props['id']), id);
    const out = new Map<string, SnapshotRel[]>();
    for (const rel of graph.rels.values()) out.set(rel.start, [...(out.get(rel.start) ?? []), rel]);
    index = { byReportId, out };
    indexes.set(graph, index);
  }
  return index;
}

/** Problems with the stored form of one accepted ReportInput. */
export function verifyReport(graph: GraphSnapshot, reportId: string, sent: Record<string, unknown>, excerptMax: number): string[] {
  const { byReportId, out } = indexOf(graph);
  const elementId = byReportId.get(reportId);
  if (!elementId) return ['not in the graph'];
  const props = graph.nodes.get(elementId)!.props;
  const rels = out.get(elementId) ?? [];
  const problems: string[] = [];
  const expectEqual = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual ?? null) !== JSON.stringify(expected ?? null)) {
      problems.push(`${what}: stored ${JSON.stringify(actual)?.slice(0, 120)}, sent ${JSON.stringify(expected)?.slice(0, 120)}`);
    }
  };
  const linked = (type: string, label: string, match: Record<string, unknown>) =>
    rels.some(
      (rel) =>
        rel.type === type &&
        graph.nodes.get(rel.end)?.labels.includes(label) &&
        Object.entries(match).every(([key, value]) => graph.nodes.get(rel.end)!.props[key] === value),
    );

  expectEqual('source', props['source'], sent['source'] == null ? 'api' : trimmed(sent['source']));
  expectEqual('externalId', props['externalId'], sent['externalId'] == null ? null : trimmed(sent['externalId']));
  expectEqual('channel', props['channel'], sent['channel']);
  expectEqual('scamType', props['scamType'], sent['scamType'] ?? null);
  expectEqual('text', props['text'], sent['text'] ? String(sent['text']).slice(0, excerptMax) : null);
  const region = parseRegion((sent['defaultRegion'] as string | null | undefined) ?? undefined);
  if (!region.ok) return [...problems, `accepted defaultRegion ${JSON.stringify(sent['defaultRegion'])}`];
  expectEqual('defaultRegion', props['defaultRegion'], region.value);
  if (sent['receivedAt'] != null)
    expectEqual('receivedAt', new Date(String(props['receivedAt'])).getTime(), new Date(String(sent['receivedAt'])).getTime());
  for (const reference of asList(sent['referenceNumbers'])) {
    if (!(props['referenceNumbers'] as unknown[] | undefined)?.includes(trimmed(reference)))
      problems.push(`referenceNumber ${JSON.stringify(reference).slice(0, 80)} not stored`);
  }
  const canonical = <T>(what: string, raw: unknown, result: { ok: true; value: T } | { ok: false }): T | undefined => {
    if (result.ok) return result.value;
    problems.push(`accepted ${what} ${JSON.stringify(raw).slice(0, 80)} its normaliser refuses`);
    return undefined;
  };
  for (const [field, type] of [
    ['callbackNumbers', 'CALLBACK_NUMBER'],
    ['callerIds', 'CALLER_ID'],
    ['senderIds', 'SENDER_ID'],
  ] as const) {
    for (const raw of asList(sent[field])) {
      const phone = canonical(field, raw, normalisePhoneNumber(String(raw), region.value));
      if (phone && !linked(type, 'PhoneNumber', { e164: phone.e164 })) problems.push(`${field}: no ${type} to ${phone.e164}`);
    }
  }
  for (const raw of asList(sent['urls'])) {
    const url = canonical('url', raw, normaliseUrl(String(raw)));
    if (url && !linked('LINKS_TO', 'Url', { url: url.url })) problems.push(`urls: no LINKS_TO ${url.url}`);
  }
  for (const raw of asList(sent['emails'])) {
    const email = canonical('email', raw, normaliseEmail(String(raw)));
    if (email && !linked('CONTACT_EMAIL', 'EmailAddress', { address: email.address }))
      problems.push(`emails: no CONTACT_EMAIL ${email.address}`);
  }
  for (const raw of asList(sent['wallets'])) {
    const wallet = canonical('wallet', raw, normaliseWallet(raw as { address: string }));
    if (wallet && !linked('PAY_TO', 'CryptoWallet', { chain: wallet.chain, address: wallet.address }))
      problems.push(`wallets: no PAY_TO ${wallet.address}`);
  }
  for (const raw of asList(sent['bankAccounts'])) {
    const account = canonical('bank account', raw, normaliseBankAccount(raw as Record<string, string>));
    if (account && !linked('PAY_TO', 'BankAccount', { scheme: account.scheme, identifier: account.identifier }))
      problems.push(`bankAccounts: no PAY_TO ${account.identifier}`);
  }
  if (sent['claimedBrand'] != null) {
    const key = brandAliasKey(trimmed(sent['claimedBrand']));
    const brands = rels.filter((rel) => rel.type === 'IMPERSONATES').map((rel) => graph.nodes.get(rel.end)!);
    // The claim resolves by alias key; a later upsertBrand in this run may have taken that alias over.
    const named = brands.some(
      (brand) =>
        brandAliasKey(String(brand.props['name'])) === key ||
        [...graph.rels.values()].some(
          (rel) => rel.type === 'ALIAS_OF' && graph.nodes.get(rel.end) === brand && graph.nodes.get(rel.start)?.props['key'] === key,
        ) ||
        String(brand.props['name']).startsWith('Hostile '),
    );
    if (brands.length !== 1 || !named)
      problems.push(`claimedBrand ${JSON.stringify(sent['claimedBrand']).slice(0, 80)} not linked (${brands.length} brands)`);
  }
  return problems;
}

/** A duplicate answer must name the report stored under the same (source, externalId). */
export function verifyDuplicate(graph: GraphSnapshot, reportId: string, sent: Record<string, unknown>): string[] {
  const elementId = indexOf(graph).byReportId.get(reportId);
  if (!elementId) return ['not in the graph'];
  const props = graph.nodes.get(elementId)!.props;
  const source = sent['source'] == null ? 'api' : trimmed(sent['source']);
  const externalId = sent['externalId'] == null ? null : trimmed(sent['externalId']);
  return props['source'] === source && props['externalId'] === externalId
    ? []
    : [`stored (${String(props['source'])}, ${String(props['externalId'])}), sent (${source}, ${externalId})`];
}

/** Problems with a brand upsertBrand just accepted; read before anything else renames it. */
export async function verifyBrand(driver: Driver, sent: Record<string, unknown>): Promise<string[]> {
  const { records } = await driver.executeQuery('MATCH (b:Brand {slug: $slug}) RETURN properties(b) AS b', { slug: trimmed(sent['slug']) });
  const brand = plain(records[0]?.get('b')) as Record<string, unknown> | undefined;
  if (!brand) return [`brand ${trimmed(sent['slug'])} not stored`];
  const problems: string[] = [];
  const has = (list: string, value: string) => {
    if (!(brand[list] as unknown[] | undefined)?.includes(value))
      problems.push(`brand ${list} lacks ${JSON.stringify(value).slice(0, 80)}`);
  };
  if (brand['name'] !== trimmed(sent['name']))
    problems.push(`brand name stored ${JSON.stringify(brand['name']).slice(0, 80)}, sent ${JSON.stringify(sent['name']).slice(0, 80)}`);
  if (brand['registered'] !== true) problems.push('brand not registered');
  for (const alias of asList(sent['aliases'])) if (brandAliasKey(trimmed(alias)) !== '') has('aliases', trimmed(alias));
  for (const raw of asList(sent['officialNumbers'])) {
    const phone = normalisePhoneNumber(String(raw));
    if (phone.ok) has('officialNumbers', phone.value.e164);
    else problems.push(`accepted officialNumber ${JSON.stringify(raw).slice(0, 80)} its normaliser refuses`);
  }
  for (const raw of asList(sent['officialDomains'])) {
    const domain = normaliseDomain(String(raw));
    if (domain.ok) has('officialDomains', domain.value);
    else problems.push(`accepted officialDomain ${JSON.stringify(raw).slice(0, 80)} its normaliser refuses`);
  }
  return problems;
}
