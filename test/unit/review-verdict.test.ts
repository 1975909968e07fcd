import { describe, expect, it } from 'vitest';
import type { FoundIndicator, ReviewRole } from '../../src/review/review-indicators.js';
import { judgeMessage, type CheckedIndicator } from '../../src/review/review-verdict.js';
import type { Check } from '../../src/scoring/verdict.js';

const brand = { slug: 'commbank', name: 'Commonwealth Bank', officialNumbers: ['+61132221'], officialDomains: ['commbank.com.au'] };
const check = (verdict: Check['verdict'], score: number, reasons: Check['reasons'] = []): Check => ({ verdict, score, reasons });
const found = (
  kind: FoundIndicator['kind'],
  value: string,
  role: ReviewRole,
  result: Check | null,
  domain: string | null = null,
): CheckedIndicator => ({
  kind,
  value,
  role,
  domain,
  hostname: domain,
  origins: [{ via: 'TEXT', attachmentId: null, raw: value }],
  check: result,
});
const codes = (judgement: { reasons: { code: string }[] }) => judgement.reasons.map((each) => each.code);

describe('judgeMessage', () => {
  it("sets the brand's number beside the one asked for, with the reports against it", () => {
    const callback = found(
      'PHONE',
      '+611300555123',
      'CALLBACK_NUMBER',
      check('HIGH_RISK', 70, [
        { code: 'CALLBACK_REPORTS', message: '', weight: 45, count: 14 },
        { code: 'RECENT', message: '', weight: 0, count: 2 },
      ]),
    );
    const judgement = judgeMessage([callback], brand, 'AU');
    expect(judgement.brandSummary).toBe(
      "Commonwealth Bank's official number is 132221 and its sites are commbank.com.au; this message asks you to call 1300 555 123, which 14 scam report(s) name, last 2 day(s) ago.",
    );
    expect(codes(judgement)).toEqual(['REPORTED_PHONE', 'NOT_THE_BRANDS_NUMBER']);
    expect(judgement).toMatchObject({ verdict: 'HIGH_RISK', score: 100 });
    expect(judgement.advice.map((each) => each.code)).toEqual(['DO_NOT_CALL', 'IF_YOU_ACTED']);
    expect(judgement.advice[0]?.message).toContain('Call Commonwealth Bank on 132221');
  });

  it('never reads milder than the riskiest channel it asks for', () => {
    const old = found('PHONE', '+61412000111', 'CALLBACK_NUMBER', check('SUSPICIOUS', 9));
    expect(judgeMessage([old], null, 'AU')).toMatchObject({ verdict: 'SUSPICIOUS', score: 9 });
  });

  it("holds a forged From against the message, never against the brand's domain", () => {
    const from = found('EMAIL', 'security@commbank.com.au', 'EMAIL_FROM', check('OFFICIAL', 0), 'commbank.com.au');
    const replyTo = found('EMAIL', 'help@gmail.com', 'EMAIL_REPLY_TO', check('UNKNOWN', 0), 'gmail.com');
    const judgement = judgeMessage([from, replyTo], brand, 'AU');
    expect(codes(judgement)).toEqual(['FORGED_SENDER']);
    expect(judgement).toMatchObject({ verdict: 'SUSPICIOUS', score: 35 });
    expect(judgeMessage([from], brand, 'AU')).toMatchObject({ verdict: 'UNKNOWN', score: 0 });
  });

  it('says when a message only points at official channels, or at nothing', () => {
    const official = found('PHONE', '+61132221', 'CALLBACK_NUMBER', check('OFFICIAL', 0));
    expect(judgeMessage([official], brand, 'AU')).toMatchObject({ verdict: 'UNKNOWN', reasons: [{ code: 'ONLY_OFFICIAL_CHANNELS' }] });
    expect(judgeMessage([], null, 'AU')).toMatchObject({
      verdict: 'UNKNOWN',
      reasons: [{ code: 'NOTHING_FOUND' }],
      advice: [{ code: 'NOTHING_TO_CHECK' }],
    });
  });
});
