import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createBase58check } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapCryptoScamDbEntry } from '../../src/import/cryptoscamdb-entry.js';
import { openRows, type SourceRow } from '../../src/import/row-source.js';
import { normaliseUrl } from '../../src/ingest/normalise/url.js';
import { normaliseWallet } from '../../src/ingest/normalise/wallet.js';
import { REPORT_LIMITS } from '../../src/ingest/report-shape.js';
import { validateReport } from '../../src/ingest/validate-report.js';

const ETH = '0xD0cC2B24980CBCCA47EF755Da88B220a82291407';
const BTC = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
const NEO = 'ATVMaR3SXKRBtwCNgPjV5k2YzEgzMDYeaf';
const base58check = createBase58check(sha256);
/** A "3..." P2SH address: valid on Bitcoin and on Litecoin alike. */
const P2SH = base58check.encode(Uint8Array.of(0x05, ...new Uint8Array(20).fill(9)));

const entry = (fields: Record<string, unknown>) => ({
  id: 2,
  name: 'myelherwallel.com',
  url: 'http://myelherwallel.com',
  coin: 'ETH',
  category: 'Phishing',
  ...fields,
});

describe('mapCryptoScamDbEntry', () => {
  it('makes one website report of an entry: its url, its addresses, its category as scam type', () => {
    expect(
      mapCryptoScamDbEntry(entry({ addresses: [ETH, BTC], reporter: 'MyCrypto', description: 'see https://etherscan.io/x' }), 2),
    ).toEqual({
      kind: 'report',
      input: {
        source: 'cryptoscamdb',
        externalId: '2:myelherwallel.com',
        channel: 'WEBSITE',
        scamType: 'OTHER',
        urls: ['http://myelherwallel.com'],
        wallets: [
          { chain: 'ETH', address: ETH },
          { chain: 'BTC', address: BTC },
        ],
      },
    });
    const giveaway = mapCryptoScamDbEntry(entry({ category: 'Scamming' }), 1);
    expect(giveaway).toMatchObject({ input: { scamType: 'INVESTMENT_CRYPTO', wallets: [] } });
    expect(mapCryptoScamDbEntry(entry({ category: 'ImmVRse' }), 1)).toMatchObject({ input: { scamType: null } });
    // fast-check's counterexample (seed 42): a category named like an object's own keys is no category.
    for (const category of ['__proto__', 'constructor', 'toString'])
      expect(mapCryptoScamDbEntry(entry({ category }), 1)).toMatchObject({ input: { scamType: null } });
  });

  it('takes the coin as chain where the address is valid on it, the address format otherwise', () => {
    const chains = (fields: Record<string, unknown>) => {
      const mapped = mapCryptoScamDbEntry(entry(fields), 1);
      return mapped.kind === 'report' ? mapped.input.wallets?.map(({ chain }) => chain) : mapped.kind;
    };
    expect(chains({ coin: 'LTC', addresses: [P2SH] })).toEqual(['LTC']);
    expect(chains({ coin: 'BTC', addresses: [P2SH] })).toEqual(['BTC']);
    expect(chains({ coin: 'ETH', addresses: [P2SH, ETH] })).toEqual(['BTC', 'ETH']);
    expect(chains({ coin: undefined, addresses: { LTC: [P2SH], ETH: ETH } })).toEqual(['LTC', 'ETH']);
  });

  it('leaves out what no normaliser accepts, saying where, and imports the rest', () => {
    expect(mapCryptoScamDbEntry(entry({ coin: 'NEO', addresses: [NEO, ETH] }), 1)).toEqual({
      kind: 'report',
      input: expect.objectContaining({ wallets: [{ chain: 'ETH', address: ETH }] }),
      dropped: [{ field: 'addresses[0]', code: 'INVALID_WALLET', message: expect.stringContaining('unsupported chain "NEO"') }],
    });
    // A typo in the url: the name stands for it.
    expect(mapCryptoScamDbEntry(entry({ name: 'tesla-giveaways.org', url: 'http://tesla-giveaways.orgt' }), 1)).toEqual({
      kind: 'report',
      input: expect.objectContaining({ urls: ['tesla-giveaways.org'] }),
      dropped: [{ field: 'url', code: 'INVALID_URL', message: expect.stringContaining('"tesla-giveaways.org" stands for it') }],
    });
    // A top-level domain since withdrawn from the Public Suffix List, and no address: nothing to import.
    expect(mapCryptoScamDbEntry(entry({ name: 'myetherwallet.abarth', url: 'http://myetherwallet.abarth' }), 594)).toEqual({
      kind: 'invalid',
      errors: [{ field: 'url', code: 'INVALID_URL', message: expect.stringContaining('nor is its name') }],
    });
    expect(mapCryptoScamDbEntry({ name: 'x.com' }, 7)).toMatchObject({ kind: 'invalid', errors: [{ field: 'id', code: 'INVALID_VALUE' }] });
  });

  it('keeps entries apart that share an id, and keeps a long name within the identifier limit', () => {
    const first = mapCryptoScamDbEntry(entry({ id: 6053, name: 'give-neo.blogspot.com', url: 'http://give-neo.blogspot.com' }), 1);
    const second = mapCryptoScamDbEntry(entry({ id: 6053, name: 'xn--uphod-95a.com', url: 'http://xn--uphod-95a.com' }), 2);
    expect([first, second].map((mapped) => mapped.kind === 'report' && mapped.input.externalId)).toEqual([
      '6053:give-neo.blogspot.com',
      '6053:xn--uphod-95a.com',
    ]);
    const long = mapCryptoScamDbEntry(
      entry({ name: `medium.com/@${'%D0'.repeat(100)}`, url: `https://medium.com/@${'%D0'.repeat(100)}` }),
      1,
    );
    expect(long.kind === 'report' && long.input.externalId?.length).toBe(REPORT_LIMITS.identifier);
  });
});

describe('mapCryptoScamDbEntry properties', () => {
  const address = fc.oneof(
    fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => `0x${bytesToHex(bytes)}`),
    fc.constantFrom(ETH, BTC, NEO, P2SH, 'rwjjriYwWsE3ntaMP2DasPh8LgJSZiAMig', 'TPcDNYz4AxCaLCY2Xx4i95jGYwCjUrxg5r'),
    fc.string(),
    fc.anything(),
  );
  const coin = fc.oneof(fc.constantFrom('ETH', 'BTC', 'LTC', 'XRP', 'TRX', 'NEO', 'eth', 'erc20'), fc.string(), fc.constant(null));
  const anyEntry = fc.record(
    {
      id: fc.oneof(fc.nat(), fc.string(), fc.anything()),
      name: fc.oneof(fc.domain(), fc.string({ maxLength: 300 }), fc.anything()),
      url: fc.oneof(fc.webUrl(), fc.domain(), fc.string(), fc.anything()),
      coin,
      category: fc.oneof(fc.constantFrom('Phishing', 'Scamming', 'Fake ICO', 'Malware'), fc.string(), fc.anything()),
      addresses: fc.oneof(
        fc.array(address, { maxLength: 8 }),
        fc.dictionary(fc.constantFrom('ETH', 'BTC', 'LTC', 'NEO'), fc.array(address, { maxLength: 4 })),
        address,
      ),
    },
    { requiredKeys: [] },
  );
  /** Addresses in a list, a lone value, or a map of coin to either; null and undefined are none. */
  const inList = (list: unknown) => (Array.isArray(list) ? list.length : list === null || list === undefined ? 0 : 1);
  const count = (addresses: unknown) =>
    typeof addresses === 'object' && addresses !== null && !Array.isArray(addresses)
      ? Object.values(addresses).reduce<number>((sum, list) => sum + inList(list), 0)
      : inList(addresses);

  it('never throws; accounts for every address once; what it submits, ingest validation accepts', () => {
    fc.assert(
      fc.property(anyEntry, fc.nat(), (raw, row) => {
        const mapped = mapCryptoScamDbEntry(raw, row);
        if (mapped.kind === 'filtered') throw new Error('a CryptoScamDB entry is never filtered');
        if (mapped.kind === 'invalid') {
          expect(mapped.errors.length).toBeGreaterThan(0);
          return;
        }
        const { input, dropped = [] } = mapped;
        const walletErrors = dropped.filter(({ code }) => code === 'INVALID_WALLET');
        expect((input.wallets?.length ?? 0) + walletErrors.length).toBe(count(raw.addresses));
        for (const url of input.urls ?? []) expect(normaliseUrl(url).ok).toBe(true);
        for (const wallet of input.wallets ?? [])
          expect(normaliseWallet(wallet)).toMatchObject({ ok: true, value: { chain: wallet.chain } });
        const validation = validateReport(input, {
          defaultSource: 'test',
          brands: [],
          textExcerptMax: 500,
          now: new Date(),
          undated: 'unknown',
        });
        expect(validation.ok ? [] : validation.errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('openRows cryptoscamdb', () => {
  const directory = mkdtempSync(join(tmpdir(), 'scamgraph-yaml-'));
  const file = (name: string, text: string) => {
    const path = join(directory, name);
    writeFileSync(path, text);
    return path;
  };
  const read = async (path: string) => {
    const rows: SourceRow[] = [];
    for await (const row of openRows(path, 'cryptoscamdb').rows) rows.push(row);
    return rows;
  };

  it('yields each list item with its number, and an error for an item that is no mapping', async () => {
    const path = file(
      'scams.yaml',
      `-\n    id: 1\n    name: a.com\n    addresses:\n        - '${ETH}'\n- just text\n-\n    id: 3\n    name: c.com\n`,
    );
    expect(await read(path)).toEqual([
      { row: 1, record: { id: 1, name: 'a.com', addresses: [ETH] } },
      { row: 2, error: 'a list item must be a mapping of fields' },
      { row: 3, record: { id: 3, name: 'c.com' } },
    ]);
  });

  it('refuses a document that is not a list, and YAML it cannot read', async () => {
    await expect(read(file('map.yaml', 'id: 1\nname: a.com\n'))).rejects.toThrow(/a YAML list of entries was expected, got object/);
    await expect(read(file('bad.yaml', '- id: [1\n'))).rejects.toThrow();
  });
});
