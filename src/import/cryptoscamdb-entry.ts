import type { InputError, ReportInput, WalletInput } from '../ingest/report-input.js';
import { REPORT_LIMITS } from '../ingest/report-shape.js';
import { normaliseUrl } from '../ingest/normalise/url.js';
import { normaliseWallet } from '../ingest/normalise/wallet.js';
import type { ScamType } from '../reports/vocabulary.js';
import type { MappedRow } from './column-mapping.js';

/** The source of every report made from a CryptoScamDB entry. */
export const CRYPTOSCAMDB_SOURCE = 'cryptoscamdb';

/**
 * CryptoScamDB categories by the closest scam type; a category not listed leaves scamType empty. A Map,
 * not an object: a category named "__proto__" or "constructor" must find nothing (fast-check found it).
 */
const SCAM_TYPES: ReadonlyMap<string, ScamType> = new Map([
  ['fake ico', 'INVESTMENT_CRYPTO'],
  ['scamming', 'INVESTMENT_CRYPTO'],
  ['scam', 'INVESTMENT_CRYPTO'],
  ['giveaway', 'INVESTMENT_CRYPTO'],
  ['phishing', 'OTHER'],
  ['malware', 'OTHER'],
  ['hacked', 'OTHER'],
]);

/**
 * One CryptoScamDB (EtherScamDB) entry as one report: `{ id, name, url, coin, category,
 * subcategory, addresses, reporter, description }`, where addresses is a list (of `coin`) or a
 * map of coin to list. The report is a WEBSITE report from source "cryptoscamdb", externalId
 * `<id>:<name>` (ids repeat in the published files, names too, the pair does not), naming the
 * url (the name when the url is unusable: `http://x.comt` beside `x.com`) and the addresses.
 *
 * An entry is a list of independent facts, so one unusable value does not void the others: an
 * address no normaliser accepts, or a url and name that are neither, is left out and listed in
 * `dropped`; only an entry with nothing usable left is invalid. An address takes its entry's coin
 * as chain when it is valid there; else the chain its format says (entries mix chains under one
 * coin). The description is the reporter's comment, not the scam's text: extracting indicators
 * from it would link the abuse desks and block explorers it cites, so it is not imported.
 */
export function mapCryptoScamDbEntry(entry: Readonly<Record<string, unknown>>, row: number): MappedRow {
  const dropped: InputError[] = [];
  const { id, name } = entry;
  if (!isScalar(id) || !isScalar(name)) {
    return {
      kind: 'invalid',
      errors: [
        {
          field: isScalar(id) ? 'name' : 'id',
          code: 'INVALID_VALUE',
          message: `entry ${row} needs an id and a name, got ${JSON.stringify({ id, name }).slice(0, 120)}`,
        },
      ],
    };
  }
  const url = [entry['url'], name]
    .filter(isScalar)
    .map(String)
    .find((candidate) => normaliseUrl(candidate).ok);
  if (url === undefined || url !== String(entry['url'])) {
    const why = isScalar(entry['url']) ? `"${String(entry['url'])}" is no http(s) URL under a public suffix` : 'the entry has no url';
    dropped.push({
      field: 'url',
      code: 'INVALID_URL',
      message: url === undefined ? `${why}, nor is its name "${String(name)}"` : `${why}; its name "${url}" stands for it`,
    });
  }
  const wallets: WalletInput[] = [];
  for (const { field, coin, address } of addressesOf(entry)) {
    const chain = walletChain(coin, address);
    if (typeof chain === 'string') wallets.push({ chain, address });
    else dropped.push({ field, code: 'INVALID_WALLET', message: chain.message });
  }
  if (url === undefined && wallets.length === 0) return { kind: 'invalid', errors: dropped };

  const category = isScalar(entry['category']) ? String(entry['category']).trim().toLowerCase() : '';
  const input: ReportInput = {
    source: CRYPTOSCAMDB_SOURCE,
    externalId: `${String(id)}:${String(name)}`.slice(0, REPORT_LIMITS.identifier).toWellFormed(),
    channel: 'WEBSITE',
    scamType: SCAM_TYPES.get(category) ?? null,
    urls: url === undefined ? [] : [url],
    wallets,
  };
  return dropped.length > 0 ? { kind: 'report', input, dropped } : { kind: 'report', input };
}

/** Every address with the coin it is listed under and its path in the entry ("addresses[2]", "addresses.BTC[0]"). */
function addressesOf(entry: Readonly<Record<string, unknown>>): { field: string; coin: string | null; address: string }[] {
  const { addresses, coin } = entry;
  const listed = (list: unknown, listCoin: unknown, path: string) =>
    (Array.isArray(list) ? list : list === null || list === undefined ? [] : [list]).map((address, i) => ({
      field: `${path}[${i}]`,
      coin: isScalar(listCoin) ? String(listCoin) : null,
      address: isScalar(address) ? String(address) : String(JSON.stringify(address)),
    }));
  if (typeof addresses === 'object' && addresses !== null && !Array.isArray(addresses)) {
    return Object.entries(addresses).flatMap(([mapCoin, list]) => listed(list, mapCoin, `addresses.${mapCoin}`));
  }
  return listed(addresses, coin, 'addresses');
}

/** The chain an address is imported under, or why it cannot be. */
function walletChain(coin: string | null, address: string): string | { message: string } {
  const named = coin === null ? null : normaliseWallet({ chain: coin, address });
  if (named?.ok) return named.value.chain;
  const inferred = normaliseWallet({ address });
  if (inferred.ok) return inferred.value.chain;
  return { message: (named ?? inferred).message };
}

function isScalar(value: unknown): value is string | number {
  return (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));
}
