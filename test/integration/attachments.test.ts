import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Of } from '../../src/attachments/attachment-store.js';
import { encryptedPdf, manyPagePdf, manyPartEmail, pngHeader, zipBytes } from '../helpers/attachment-files.js';
import { startTestApp, uniqueId, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/neo4j.js';

// Real OCR, PDF and email parsers in child processes on a shared 2-core machine: generous timeouts.
const SLOW = 240_000;
const FIXTURES = join(import.meta.dirname, '../fixtures/attachments');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const SMS_CALLBACK = '+611300555123';
const dir = mkdtempSync(join(tmpdir(), 'scamgraph-attachments-'));
const tag = uniqueId().slice(0, 8);
const driver = testDriver();
let app: TestApp;
let reporterKey: string;
let analystKey: string;

async function upload(bytes: Uint8Array, name = 'file.bin', key: string | null = reporterKey) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), name);
  const response = await fetch(new URL('/attachments', app.url), {
    method: 'POST',
    body: form,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const REVIEW_FIELDS = `verdict score reasons { code message weight count } advice { code message }
  indicators { kind value role origins { via attachmentId raw } check { verdict score reasons { code count } } }
  brand { slug name officialNumbers officialDomains summary } attachments { sha256 kind mime size } reportId`;
const REVIEW = `query($i: ReviewInput!) { reviewMessage(input: $i) { ${REVIEW_FIELDS} } }`;
const SUBMIT_REVIEW = `mutation($i: ReviewInput!, $x: String) { submitReview(input: $i, externalId: $x) { ${REVIEW_FIELDS} } }`;
const review = async (input: Record<string, unknown>, key = reporterKey) => app.gql(REVIEW, { i: input }, key);
const indicator = (answer: any, role: string, value: string) =>
  answer.indicators.find((each: any) => each.role === role && each.value === value);

async function reportCount(): Promise<number> {
  const session = driver.session();
  try {
    return (await session.run('MATCH (r:Report) RETURN count(r) AS n')).records[0]!.get('n').toNumber();
  } finally {
    await session.close();
  }
}

/** Every file in the store: stored pairs under <xx>/, and whatever is left in incoming/. */
const storedFiles = () =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);

beforeAll(async () => {
  app = await startTestApp({
    ATTACHMENTS_DIR: dir,
    ATTACHMENT_MAX_BYTES: '100000',
    ATTACHMENT_MAX_PAGES: '50',
    ATTACHMENT_MAX_PARTS: '100',
    ATTACHMENT_READ_TIMEOUT_MS: '180000',
  });
  const key = async (role: string) =>
    (await app.gql('mutation($n: String!, $r: Role!) { createApiKey(name: $n, role: $r) { key } }', { n: `attachments ${role}`, r: role }))
      .data!['createApiKey'].key as string;
  reporterKey = await key('REPORTER');
  analystKey = await key('ANALYST');
  const brand = await app.gql('mutation($b: BrandInput!) { upsertBrand(brand: $b) { slug } }', {
    b: {
      slug: 'commbank',
      name: 'Commonwealth Bank',
      aliases: ['CommBank', 'CBA'],
      officialNumbers: ['13 22 21'],
      officialDomains: ['commbank.com.au'],
    },
  });
  expect(brand.errors).toBeUndefined();
  // Earlier reports name the screenshot's callback number: the review finds them.
  const reports = Array.from({ length: 3 }, (_, i) => ({
    externalId: `earlier-${tag}-${i}`,
    source: 'attachments-test',
    channel: 'SMS',
    callbackNumbers: [SMS_CALLBACK],
    claimedBrand: 'CommBank',
  }));
  const submitted = await app.gql('mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code } } }', { r: reports });
  expect(submitted.data!['submitReports'].flatMap((each: any) => each.errors)).toEqual([]);
}, SLOW);

afterAll(async () => {
  await app?.stop();
  await driver.close();
});

describe('uploads', () => {
  it('stores a screenshot once by SHA-256, for a REPORTER key, whatever it is called', { timeout: SLOW }, async () => {
    const png = fixture('sms-commbank.png');
    const first = await upload(png, 'message.jpg');
    expect(first).toMatchObject({
      status: 201,
      body: { id: sha256Of(png), kind: 'IMAGE', mime: 'image/png', size: png.length, duplicate: false },
    });
    const again = await upload(png, 'other-name.png');
    expect(again).toMatchObject({ status: 200, body: { id: first.body['id'], duplicate: true } });
    expect(storedFiles().filter((name) => name.startsWith(sha256Of(png)))).toEqual(
      expect.arrayContaining([sha256Of(png), `${sha256Of(png)}.json`]),
    );
    expect(storedFiles().filter((name) => name.startsWith(sha256Of(png)))).toHaveLength(2);
  });

  it('refuses bad files with a code, and leaves nothing behind', { timeout: SLOW }, async () => {
    const before = storedFiles().sort();
    const refusals: [Uint8Array, number, string][] = [
      [new Uint8Array(150_000).fill(7), 413, 'FILE_TOO_LARGE'],
      [zipBytes(), 415, 'UNSUPPORTED_TYPE'],
      [new Uint8Array([0, 1, 2, 3, 255, 254, 0, 9]), 415, 'UNSUPPORTED_TYPE'],
      [new Uint8Array(0), 400, 'EMPTY_FILE'],
      [pngHeader(100_000, 100_000), 422, 'IMAGE_TOO_LARGE'],
      [encryptedPdf(), 422, 'ENCRYPTED_PDF'],
      [await manyPagePdf(60), 422, 'TOO_MANY_PAGES'],
      [manyPartEmail(150), 422, 'TOO_MANY_PARTS'],
    ];
    for (const [bytes, status, code] of refusals) {
      const answer = await upload(bytes, 'innocent.png');
      expect({ status: answer.status, code: answer.body['errors']?.[0]?.extensions?.code }).toEqual({ status, code });
    }
    expect(storedFiles().sort()).toEqual(before);
    expect((await upload(fixture('blank.png'), 'x.png', null)).status).toBe(401);
  });

  it('stores an image with no text, and its review finds nothing to check', { timeout: SLOW }, async () => {
    const { body } = await upload(fixture('blank.png'));
    const { data, errors } = await review({ attachmentIds: [body['id']] });
    expect(errors).toBeUndefined();
    expect(data!['reviewMessage']).toMatchObject({
      verdict: 'UNKNOWN',
      indicators: [],
      reasons: [{ code: 'NOTHING_FOUND' }],
      advice: [{ code: 'NOTHING_TO_CHECK' }],
    });
  });
});

describe('reviewMessage', () => {
  it(
    "reads the callback number from a screenshot by OCR, sets CommBank's number beside it, and writes nothing",
    { timeout: SLOW },
    async () => {
      const { body } = await upload(fixture('sms-commbank.png'));
      const reportsBefore = await reportCount();
      const { data, errors } = await review({ attachmentIds: [body['id']] });
      expect(errors).toBeUndefined();
      const answer = data!['reviewMessage'];
      expect(indicator(answer, 'CALLBACK_NUMBER', SMS_CALLBACK)).toMatchObject({
        kind: 'PHONE',
        origins: [{ via: 'OCR', attachmentId: body['id'] }],
        check: {
          verdict: expect.stringMatching(/HIGH_RISK|SUSPICIOUS/),
          reasons: expect.arrayContaining([expect.objectContaining({ code: 'CALLBACK_REPORTS' })]),
        },
      });
      expect(answer.brand).toMatchObject({ slug: 'commbank', officialNumbers: ['+61132221'] });
      expect(answer.brand.summary).toMatch(
        /Commonwealth Bank's official number is 132221.*asks you to call 1300 555 123, which \d+ scam report\(s\) name/,
      );
      expect(answer.reasons.map((each: any) => each.code)).toContain('NOT_THE_BRANDS_NUMBER');
      expect(answer.verdict).toBe('HIGH_RISK');
      expect(answer.advice.map((each: any) => each.code)).toEqual(expect.arrayContaining(['DO_NOT_CALL', 'IF_YOU_ACTED']));
      expect(answer.attachments).toEqual([
        { sha256: body['id'], kind: 'IMAGE', mime: 'image/png', size: fixture('sms-commbank.png').length },
      ]);
      expect(await reportCount()).toBe(reportsBefore);
    },
  );

  it('gives each email header its role: From forgeable like a caller ID, Reply-To asked of the reader', { timeout: SLOW }, async () => {
    const { status, body } = await upload(fixture('phishing-commbank.eml'), 'mail.txt');
    expect(status).toBe(201);
    expect(body).toMatchObject({ kind: 'EMAIL', mime: 'message/rfc822' });
    const answer = (await review({ attachmentIds: [body['id']] })).data!['reviewMessage'];
    expect(indicator(answer, 'EMAIL_FROM', 'security@commbank.com.au')).toMatchObject({
      origins: [{ via: 'EMAIL_HEADER' }],
      check: { verdict: 'OFFICIAL' },
    });
    expect(indicator(answer, 'EMAIL_REPLY_TO', 'commbank.fraud.team@gmail.com')).toMatchObject({ origins: [{ via: 'EMAIL_HEADER' }] });
    expect(indicator(answer, 'EMAIL_RETURN_PATH', 'bounce-7731@mailer.secure-alerts.top')).toBeDefined();
    expect(indicator(answer, 'RELAY_HOST', 'secure-alerts.top')).toBeDefined();
    expect(indicator(answer, 'LINK', 'https://commbank-verify-login.com/netbank')?.origins.map((each: any) => each.via)).toEqual(
      expect.arrayContaining(['EMAIL_BODY', 'EMAIL_HTML']),
    );
    expect(indicator(answer, 'CALLBACK_NUMBER', SMS_CALLBACK)?.origins[0].via).toBe('EMAIL_BODY');
    expect(answer.reasons.map((each: any) => each.code)).toEqual(
      expect.arrayContaining(['FORGED_SENDER', 'NOT_THE_BRANDS_SITE', 'NOT_THE_BRANDS_NUMBER']),
    );
    expect(answer.advice.map((each: any) => each.code)).toEqual(expect.arrayContaining(['DO_NOT_CALL', 'DO_NOT_CLICK', 'DO_NOT_REPLY']));
  });

  it("extracts a PDF invoice's text, and reads typed text beside it", { timeout: SLOW }, async () => {
    const { body } = await upload(fixture('invoice-norton.pdf'), 'invoice.png');
    expect(body).toMatchObject({ kind: 'PDF', mime: 'application/pdf' });
    const answer = (await review({ attachmentIds: [body['id']], text: 'They also texted me: call 0412 555 019', defaultRegion: 'AU' }))
      .data!['reviewMessage'];
    expect(indicator(answer, 'CALLBACK_NUMBER', '+18085550147')).toMatchObject({
      origins: [{ via: 'PDF_TEXT', attachmentId: body['id'] }],
    });
    expect(indicator(answer, 'LINK', 'https://norton-refund-desk.com/cancel')).toMatchObject({ origins: [{ via: 'PDF_TEXT' }] });
    expect(indicator(answer, 'CALLBACK_NUMBER', '+61412555019')).toMatchObject({ origins: [{ via: 'TEXT', attachmentId: null }] });
  });

  it('answers a coded error for an unknown attachment or nothing to review', async () => {
    expect((await review({ attachmentIds: ['f'.repeat(64)] })).errors?.[0]?.extensions?.code).toBe('ATTACHMENT_NOT_FOUND');
    expect((await review({ attachmentIds: ['../../etc/passwd'] })).errors?.[0]?.extensions?.code).toBe('ATTACHMENT_NOT_FOUND');
    expect((await review({ text: '  ' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('submitReview', () => {
  it(
    'writes one report carrying its attachments; packs list them by hash, type and size; bytes only to analysts',
    { timeout: SLOW },
    async () => {
      const png = fixture('sms-commbank.png');
      const eml = fixture('phishing-commbank.eml');
      const ids = [(await upload(png)).body['id'], (await upload(eml)).body['id']];
      const submitted = await app.gql(SUBMIT_REVIEW, { i: { attachmentIds: ids }, x: `review-${tag}` }, reporterKey);
      expect(submitted.errors).toBeUndefined();
      const reportId = submitted.data!['submitReview'].reportId;
      expect(reportId).toEqual(expect.any(String));
      const again = await app.gql(SUBMIT_REVIEW, { i: { attachmentIds: ids }, x: `review-${tag}` }, reporterKey);
      expect(again.data!['submitReview'].reportId).toBe(reportId);

      const pack = await app.gql(
        'query($k: String!, $v: String!) { evidencePack(kind: $k, value: $v) { json } }',
        { k: 'email', v: 'commbank.fraud.team@gmail.com' },
        analystKey,
      );
      const report = JSON.parse(pack.data!['evidencePack'].json).content.reports.find((each: any) => each.id === reportId);
      expect(report.channel).toBe('EMAIL');
      expect(report.attachments).toEqual(
        [
          { sha256: sha256Of(png), kind: 'IMAGE', mime: 'image/png', size: png.length },
          { sha256: sha256Of(eml), kind: 'EMAIL', mime: 'message/rfc822', size: eml.length },
        ].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)),
      );
      expect(JSON.stringify(report)).not.toContain(Buffer.from(png).toString('base64').slice(0, 40));

      const content = (key: string) =>
        fetch(new URL(`/attachments/${ids[0]}/content`, app.url), { headers: { authorization: `Bearer ${key}` } });
      expect((await content(reporterKey)).status).toBe(403);
      const bytes = await content(analystKey);
      expect(bytes.status).toBe(200);
      expect(sha256Of(new Uint8Array(await bytes.arrayBuffer()))).toBe(ids[0]);
    },
  );
});
