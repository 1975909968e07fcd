import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueDomain, uniqueId, uniqueMobile, type TestApp } from '../helpers/app.js';

const SUBMIT = /* GraphQL */ `
  mutation Submit($reports: [ReportInput!]!) {
    submitReports(reports: $reports) {
      index
      duplicate
      errors {
        field
        code
        message
      }
      report {
        id
        externalId
        channel
        scamType
        receivedAt
        brand {
          slug
          name
        }
        callbackNumbers {
          e164
          country
          numberType
          reportCount
        }
        callerIds {
          e164
        }
        domains {
          name
          reportCount
          isShortener
        }
        wallets {
          chain
          address
          reportCount
        }
        bankAccounts {
          scheme
          identifier
          reportCount
        }
      }
    }
  }
`;

const PHONE = /* GraphQL */ `
  query Phone($number: String!, $region: String) {
    phoneNumber(number: $number, defaultRegion: $region) {
      e164
      country
      numberType
      firstSeen
      lastSeen
      all: reportCount
      callback: reportCount(role: CALLBACK)
      callerId: reportCount(role: CALLER_ID)
      sender: reportCount(role: SENDER_ID)
    }
  }
`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

async function submit(reports: Record<string, unknown>[]) {
  const response = await app.gql(SUBMIT, { reports });
  expect(response.errors).toBeUndefined();
  return response.data!['submitReports'] as any[];
}

describe('submitReports writes every indicator kind and reads it back', () => {
  it('round-trips numbers, urls, emails, wallets and bank accounts in canonical form', async () => {
    const callback = uniqueMobile();
    const domain = uniqueDomain();
    const national = `0${callback.slice(3, 6)} ${callback.slice(6, 9)} ${callback.slice(9)}`;
    const [result] = await submit([
      {
        channel: 'SMS',
        scamType: 'BANK_IMPERSONATION',
        receivedAt: '2026-03-01T10:00:00Z',
        callbackNumbers: [national],
        callerIds: ['+61 2 9293 9000'],
        urls: [`hxxps://login.${domain}/verify?x=1`],
        emails: [`Support@${domain.toUpperCase()}`],
        wallets: [{ address: '0x52908400098527886e0f7030069857d2e4169ee7' }],
        bankAccounts: [{ bsb: '062-000', accountNumber: '12345678' }, { iban: 'GB82 WEST 1234 5698 7654 32' }],
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.duplicate).toBe(false);
    const report = result.report;
    expect(report.channel).toBe('SMS');
    expect(report.receivedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(report.callbackNumbers).toEqual([{ e164: callback, country: 'AU', numberType: 'MOBILE', reportCount: 1 }]);
    expect(report.callerIds.map((p: any) => p.e164)).toEqual(['+61292939000']);
    expect(report.domains).toEqual([{ name: domain, reportCount: 1, isShortener: false }]);
    expect(report.wallets).toMatchObject([{ chain: 'ETH', address: '0x52908400098527886E0F7030069857D2E4169EE7' }]);
    expect(report.bankAccounts.map((a: any) => a.scheme).sort()).toEqual(['AU_BSB', 'IBAN']);
    expect(report.bankAccounts.find((a: any) => a.scheme === 'IBAN').identifier).toBe('GB82WEST12345698765432');

    const reread = await app.gql('query($id: ID!) { report(id: $id) { id callbackNumbers { e164 } } }', { id: report.id });
    expect(reread.data!['report']).toEqual({ id: report.id, callbackNumbers: [{ e164: callback }] });
    const byDomain = await app.gql('query($n: String!) { domain(name: $n) { name reportCount } }', {
      n: `https://www.${domain}/anything`,
    });
    expect(byDomain.data!['domain']).toEqual({ name: domain, reportCount: 1 });
  });

  it('finds a number written in any format, and answers null for one never reported', async () => {
    const number = uniqueMobile();
    await submit([{ channel: 'EMAIL', callbackNumbers: [number] }]);
    const spaced = `+61 ${number.slice(3, 6)} ${number.slice(6, 9)} ${number.slice(9)}`;
    const found = await app.gql(PHONE, { number: spaced });
    expect(found.data!['phoneNumber'].e164).toBe(number);
    const absent = await app.gql(PHONE, { number: uniqueMobile() });
    expect(absent.data!['phoneNumber']).toBeNull();
  });

  it('keeps counts per role and first and last seen right after every write', async () => {
    const number = uniqueMobile();
    await submit([
      { channel: 'SMS', receivedAt: '2026-02-10T00:00:00Z', callbackNumbers: [number] },
      { channel: 'SMS', receivedAt: '2026-01-05T00:00:00Z', callbackNumbers: [number], callerIds: [number] },
      { channel: 'PHONE_CALL', receivedAt: '2026-03-20T00:00:00Z', callerIds: [number] },
    ]);
    const phone = (await app.gql(PHONE, { number })).data!['phoneNumber'];
    expect(phone).toMatchObject({
      all: 3,
      callback: 2,
      callerId: 2,
      sender: 0,
      firstSeen: '2026-01-05T00:00:00.000Z',
      lastSeen: '2026-03-20T00:00:00.000Z',
    });
  });

  it('resolves the claimed brand by slug and aliases', async () => {
    const slug = `bank-${uniqueId().slice(0, 8)}`;
    const upsert = await app.gql(
      'mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug name aliases officialNumbers officialDomains } }',
      {
        b: {
          slug,
          name: 'Test Bank',
          aliases: [`TB ${slug}`],
          officialNumbers: ['13 22 21'],
          officialDomains: ['https://www.commbank.com.au/'],
        },
      },
    );
    expect(upsert.data!['upsertBrand']).toEqual({
      slug,
      name: 'Test Bank',
      aliases: [`TB ${slug}`],
      officialNumbers: ['+61132221'],
      officialDomains: ['commbank.com.au'],
    });
    const [bySlug, byAlias] = await submit([
      { channel: 'SMS', claimedBrand: slug, callbackNumbers: [uniqueMobile()] },
      { channel: 'SMS', claimedBrand: `tb-${slug.toUpperCase()}`, callbackNumbers: [uniqueMobile()] },
    ]);
    expect(bySlug.report.brand.slug).toBe(slug);
    expect(byAlias.report.brand.slug).toBe(slug);
    const [fromText] = await submit([
      { channel: 'SMS', text: `Your T.B. ${slug} card is locked, call ${uniqueMobile()} now`, defaultRegion: 'AU' },
    ]);
    expect(fromText.report.brand.slug).toBe(slug);
  });
});

describe('numbers in message text, obfuscated or linked (issue 14)', () => {
  it('writes each callback once, with the link it came through, and never a reference or a login origin', async () => {
    const [spaced, linked, whatsapp, origin] = [uniqueMobile(), uniqueMobile(), uniqueMobile(), uniqueMobile()];
    const obfuscate = (e164: string) => `O${e164.slice(3, 4)} ${[...e164.slice(4)].join('\u200B ')}`.replace('1', 'l');
    const text =
      `CommBank: a login from 0${origin.slice(3)} was blocked. Ref: KTU/${origin.slice(3)}/03. ` +
      `Call our fraud team ▣ ${obfuscate(spaced)} ▣ now, tap <a href="tel:${linked}">here</a> ` +
      `or chat https://wa.me/${whatsapp.slice(1)}?text=hi`;
    const [result] = await submit([{ channel: 'SMS', receivedAt: '2026-03-02T10:00:00Z', text }]);
    expect(result.errors).toEqual([]);
    const read = await app.gql(
      /* GraphQL */ `
        query Report($id: ID!) {
          report(id: $id) {
            referenceNumbers
            phones {
              role
              via
              number {
                e164
              }
            }
          }
        }
      `,
      { id: result.report.id },
    );
    expect(read.errors).toBeUndefined();
    const report = read.data!['report'] as {
      referenceNumbers: string[];
      phones: Array<{ role: string; via: string; number: { e164: string } }>;
    };
    expect(report.phones.map(({ role, via, number }) => `${number.e164} ${role} ${via}`).sort()).toEqual(
      [`${spaced} CALLBACK TEXT`, `${linked} CALLBACK TEL_LINK`, `${whatsapp} CALLBACK WHATSAPP_LINK`].sort(),
    );
    expect(report.referenceNumbers).toEqual([`KTU/${origin.slice(3)}/03`]);
  });
});

describe('idempotency and concurrency', () => {
  it('writes a resubmitted (source, externalId) once and says it is a duplicate', async () => {
    const number = uniqueMobile();
    const report = { externalId: uniqueId(), source: 'bank-intake', channel: 'SMS', callbackNumbers: [number] };
    const [first] = await submit([report]);
    const [again, sameBatch] = await submit([report, report]);
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, errors: [] });
    expect(sameBatch.duplicate).toBe(true);
    expect(again.report.id).toBe(first.report.id);
    expect((await app.gql(PHONE, { number })).data!['phoneNumber'].all).toBe(1);
    const [otherSource] = await submit([{ ...report, source: 'telco-7726' }]);
    expect(otherSource.duplicate).toBe(false);
  });

  it('creates one node when concurrent batches name the same new number', async () => {
    const number = uniqueMobile();
    const batches = Array.from({ length: 8 }, () =>
      submit(Array.from({ length: 25 }, () => ({ channel: 'SMS', callbackNumbers: [number] }))),
    );
    const results = (await Promise.all(batches)).flat();
    expect(results.every((result) => result.errors.length === 0)).toBe(true);
    expect((await app.gql(PHONE, { number })).data!['phoneNumber'].callback).toBe(200);
  });
});

describe('validation', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a number that is no number', { callbackNumbers: ['12'] }, 'callbackNumbers[0]', 'INVALID_PHONE_NUMBER'],
    ['a url with no host', { urls: ['https://'] }, 'urls[0]', 'INVALID_URL'],
    ['an email with no domain', { emails: ['victim@'] }, 'emails[0]', 'INVALID_EMAIL'],
    [
      'a wallet with a broken checksum',
      { wallets: [{ chain: 'BTC', address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3' }] },
      'wallets[0]',
      'INVALID_WALLET',
    ],
    ['an IBAN failing mod-97', { bankAccounts: [{ iban: 'GB82WEST12345698765433' }] }, 'bankAccounts[0]', 'INVALID_BANK_ACCOUNT'],
    ['a BSB of five digits', { bankAccounts: [{ bsb: '06200', accountNumber: '12345678' }] }, 'bankAccounts[0]', 'INVALID_BANK_ACCOUNT'],
    ['an unknown region', { defaultRegion: 'XX', callbackNumbers: ['0412 345 678'] }, 'defaultRegion', 'INVALID_REGION'],
    ['a report from the future', { receivedAt: '2999-01-01T00:00:00Z', callbackNumbers: ['+61412345678'] }, 'receivedAt', 'INVALID_DATE'],
    ['a report with nothing in it', { text: 'hello there' }, '', 'EMPTY_REPORT'],
    ['a list of 101 numbers', { callbackNumbers: Array(101).fill('+61412345678') }, 'callbackNumbers', 'TOO_MANY'],
    ['an externalId of 201 characters', { externalId: 'x'.repeat(201), callbackNumbers: ['+61412345678'] }, 'externalId', 'TOO_LONG'],
    ['a lone surrogate', { claimedBrand: 'Bank\uD800', callbackNumbers: ['+61412345678'] }, 'claimedBrand', 'INVALID_VALUE'],
  ];

  it.each(cases)('rejects %s with a field and a code, and writes nothing', async (_name, fields, field, code) => {
    const externalId = uniqueId();
    const [result] = await submit([{ channel: 'SMS', externalId, ...fields }]);
    expect(result.report).toBeNull();
    expect(result.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('answers for every item of a batch and writes only the valid ones', async () => {
    const good = uniqueMobile();
    const results = await submit([
      { channel: 'SMS', callbackNumbers: [good] },
      { channel: 'SMS', callbackNumbers: [uniqueMobile(), 'not a number'] },
    ]);
    expect(results.map((r) => r.index)).toEqual([0, 1]);
    expect(results[0].errors).toEqual([]);
    expect(results[1].errors.map((e: any) => e.code)).toEqual(['INVALID_PHONE_NUMBER']);
    expect(results[1].report).toBeNull();
    expect((await app.gql(PHONE, { number: good })).data!['phoneNumber'].all).toBe(1);
  });

  it('refuses a batch over the cap for every item, writing none', async () => {
    const small = await startTestApp({ BATCH_MAX: '2' });
    try {
      const number = uniqueMobile();
      const response = await small.gql(SUBMIT, { reports: Array(3).fill({ channel: 'SMS', callbackNumbers: [number] }) });
      const results = response.data!['submitReports'] as any[];
      expect(results).toHaveLength(3);
      expect(results.every((r) => r.errors[0].code === 'BATCH_TOO_LARGE')).toBe(true);
      expect((await small.gql(PHONE, { number })).data!['phoneNumber']).toBeNull();
    } finally {
      await small.stop();
    }
  });

  it('answers a bad lookup with a coded GraphQL error', async () => {
    const response = await app.gql(PHONE, { number: 'call me maybe' });
    expect(response.errors?.[0].extensions.code).toBe('INVALID_PHONE_NUMBER');
  });
});
