import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, uniqueMobile, type TestApp } from '../helpers/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000' });
});
afterAll(() => app?.stop());

const READ = '{ crossBrandNumbers(first: 1) { totalCount } }';
const SUBMIT = 'mutation($r: ReportInput!) { submitReport(report: $r) { errors { code } report { id } } }';
const UPSERT = 'mutation { upsertBrand(brand: { slug: "auth-test-bank", name: "Auth Test Bank" }) { slug } }';
const code = (response: { errors?: any[] }) => response.errors?.[0]?.extensions?.code;

async function newKey(role: string): Promise<{ id: string; key: string }> {
  const response = await app.gql('mutation($n: String!, $r: Role!) { createApiKey(name: $n, role: $r) { id key role } }', {
    n: `${role} test`,
    r: role,
  });
  return response.data!['createApiKey'];
}

describe('API keys and roles', () => {
  it('refuses a request without a key or with an unknown one: UNAUTHENTICATED, 401', async () => {
    const missing = await app.gql(READ, {}, null);
    expect([code(missing), missing.status]).toEqual(['UNAUTHENTICATED', 401]);
    const unknown = await app.gql(READ, {}, 'sg_000000000000_not-a-real-key');
    expect([code(unknown), unknown.status]).toEqual(['UNAUTHENTICATED', 401]);
  });

  it('lets a REPORTER submit and nothing else', async () => {
    const { key } = await newKey('REPORTER');
    const submitted = await app.gql(SUBMIT, { r: { channel: 'SMS', callbackNumbers: [uniqueMobile()] } }, key);
    expect(submitted.data!['submitReport'].errors).toEqual([]);
    expect([code(await app.gql(READ, {}, key)), code(await app.gql(UPSERT, {}, key))]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('lets an ANALYST read and not write', async () => {
    const { key } = await newKey('ANALYST');
    expect((await app.gql(READ, {}, key)).errors).toBeUndefined();
    const refused = await app.gql(SUBMIT, { r: { channel: 'SMS', callbackNumbers: [uniqueMobile()] } }, key);
    expect([code(refused), refused.status, refused.data]).toEqual(['FORBIDDEN', 403, undefined]);
    expect(code(await app.gql('{ apiKeys { id } }', {}, key))).toBe('FORBIDDEN');
  });

  it('checks fields reached through fragments too', async () => {
    const { key } = await newKey('REPORTER');
    const sneaky = 'query { ...F } fragment F on Query { crossBrandNumbers(first: 1) { totalCount } }';
    expect(code(await app.gql(sneaky, {}, key))).toBe('FORBIDDEN');
  });

  it('stores keys hashed, lists them, and revokes them at once', async () => {
    const { id, key } = await newKey('ANALYST');
    const listed = (await app.gql('{ apiKeys { id role revokedAt } }')).data!['apiKeys'];
    expect(listed).toContainEqual({ id, role: 'ANALYST', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect((await app.gql(READ, {}, key)).errors).toBeUndefined();
    await app.gql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id });
    expect(code(await app.gql(READ, {}, key))).toBe('UNAUTHENTICATED');
  });
});

describe('limits', () => {
  it('rate-limits per key: RATE_LIMITED, 429, with a retry time', async () => {
    const limited = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await limited.gql(READ));
      expect(answers.slice(0, 3).every((answer) => answer.errors === undefined)).toBe(true);
      expect([code(answers[3]!), answers[3]!.status]).toEqual(['RATE_LIMITED', 429]);
      expect(answers[3]!.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });

  it('refuses a body over the size limit', async () => {
    const small = await startTestApp({ BODY_LIMIT: '1kb' });
    try {
      const response = await small.gql(SUBMIT, { r: { channel: 'SMS', text: 'x'.repeat(4_000) } });
      expect([response.status, code(response)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    } finally {
      await small.stop();
    }
  });

  it('keeps CSRF prevention on: a simple cross-site GET is refused', async () => {
    const response = await fetch(`${app.url}?query=${encodeURIComponent(READ)}`);
    expect(response.status).toBe(400);
  });
});
