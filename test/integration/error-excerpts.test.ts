// Issue 16: no error path echoes more than a short excerpt of what a client sent. Each request
// carries a 5 MB string somewhere an error will mention it; each reply stays under 2 KB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCERPT_CHARS } from '../../src/text/excerpt.js';
import { startTestApp, TEST_ADMIN_KEY, type TestApp } from '../helpers/app.js';

const HUGE = '9'.repeat(5 << 20);
const HUGE_WORD = 'x'.repeat(5 << 20);
const REPLY_MAX = 2_048;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.stop());

async function post(body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const CASES: ReadonlyArray<readonly [string, unknown]> = [
  [
    'validation in a resolver (variable)',
    { query: 'query($n: String!) { phoneNumber(number: $n) { e164 } }', variables: { n: `${HUGE}x` } },
  ],
  ['validation in a resolver (literal)', { query: `{ phoneNumber(number: "${HUGE}x") { e164 } }` }],
  ['the issue as filed: phoneNumber(number:)', { query: `{ phoneNumber(number: "${HUGE_WORD}") { e164 } }` }],
  ['variable coercion', { query: 'query($n: Int!) { crossBrandNumbers(first: $n) { totalCount } }', variables: { n: HUGE_WORD } }],
  ['literal coercion', { query: `{ crossBrandNumbers(first: "${HUGE_WORD}") { totalCount } }` }],
  ['enum coercion', { query: `{ phoneNumber(number: "0412 345 678") { reportCount(role: ${HUGE_WORD}) } }` }],
  ['unknown field', { query: `{ ${HUGE_WORD} }` }],
  ['unknown alias target', { query: `{ ${HUGE_WORD}: nothing }` }],
  ['unknown operation name', { query: '{ __typename }', operationName: HUGE_WORD }],
  ['unknown fragment', { query: `{ ...${HUGE_WORD} }` }],
  ['parse error, unterminated string', { query: `{ phoneNumber(number: "${HUGE_WORD}) { e164 } }` }],
  ['parse error, bad character', { query: `{ phoneNumber(number: ${HUGE_WORD}#) { e164 } }` }],
  [
    'a batch item, in data',
    {
      query: 'mutation($r: [ReportInput!]!) { submitReports(reports: $r) { errors { code message } } }',
      variables: { r: [{ channel: 'SMS', callbackNumbers: [HUGE_WORD] }] },
    },
  ],
  [
    'a check, in data',
    { query: 'query($n: String!) { checkNumber(number: $n) { verdict reasons { code message } } }', variables: { n: HUGE_WORD } },
  ],
  ['a kind', { query: 'query($k: String!) { neighbourhood(kind: $k, value: "x") { truncated } }', variables: { k: HUGE_WORD } }],
  ['body JSON', `{"query": "${HUGE_WORD}`],
];

describe('errors quote a short excerpt of the input', () => {
  it.each(CASES)('%s: a reply under 2 KB', async (_name, body) => {
    const { status, text } = await post(body);
    expect(text.length, text.slice(0, 300)).toBeLessThan(REPLY_MAX);
    expect(status).toBeLessThan(500);
    // Never more than an excerpt of the input, in any one run.
    expect(text).not.toMatch(new RegExp(`[9x]{${EXCERPT_CHARS + 1}}`));
    if (text.startsWith('{')) {
      const reply = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[]; data?: unknown };
      for (const error of reply.errors ?? []) expect(error.extensions?.code).toBeTruthy();
    }
  });

  it('says how long the value was', async () => {
    const { text } = await post({ query: 'query($n: String!) { phoneNumber(number: $n) { e164 } }', variables: { n: HUGE_WORD } });
    const [error] = (JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] }).errors;
    expect(error?.extensions.code).toBe('INVALID_PHONE_NUMBER');
    expect(error?.message).toContain(`(${HUGE_WORD.length} characters)`);
  });
});
