import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import { normaliseBankAccount } from '../../src/ingest/normalise/bank-account.js';
import { normaliseEmail } from '../../src/ingest/normalise/email.js';
import { normalisePhoneNumber } from '../../src/ingest/normalise/phone.js';
import { normaliseUrl } from '../../src/ingest/normalise/url.js';
import { normaliseWallet } from '../../src/ingest/normalise/wallet.js';

/** Text that looks enough like a scam message to reach every finder's patterns. */
const messyText = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.stringMatching(/^[0-9 +().-]{4,20}$/),
      fc.stringMatching(/^[a-z0-9.-]{1,15}\.(com|help|co\.uk|xyz)(\/[a-z]{0,5})?$/),
      fc.stringMatching(/^[a-z.]{1,8}@[a-z]{1,8}\.(com|net)$/),
      fc.constantFrom(
        'call',
        'txt WIN to',
        'From:',
        'Your mobile',
        'BSB',
        'acc',
        'PayID',
        'ref:',
        'hxxp://',
        '[.]',
        '(at)',
        'O',
        'l',
        '０',
        '\n',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(' '));

describe('extractIndicators properties', () => {
  it('never returns an indicator its normaliser rejects or writes differently', () => {
    fc.assert(
      fc.property(messyText, fc.constantFrom('AU', 'GB', 'US'), (text, region) => {
        const found = extractIndicators(text, region);
        for (const { e164, country, numberType } of [...found.phones, ...found.victimNumbers]) {
          expect(normalisePhoneNumber(e164, region)).toEqual({ ok: true, value: { e164, country, numberType } });
        }
        for (const { raw: _raw, ...url } of found.urls) expect(normaliseUrl(url.url)).toEqual({ ok: true, value: url });
        for (const { raw: _raw, ...email } of found.emails) expect(normaliseEmail(email.address)).toEqual({ ok: true, value: email });
        for (const { raw: _raw, ...wallet } of found.wallets) expect(normaliseWallet(wallet)).toEqual({ ok: true, value: wallet });
        for (const { scheme, identifier } of found.bankAccounts) {
          const again = scheme === 'IBAN' ? normaliseBankAccount({ iban: identifier }) : { ok: true };
          expect(again.ok).toBe(true);
        }
        for (const code of found.shortCodes) expect(code).toMatch(/^\d{4,6}$/);
      }),
      { numRuns: 300 },
    );
  });

  // Random words, but never "eg" as a word: "eg call 0412 345 678" shows a format, not a number to call
  // (phone-context.ts, EXAMPLE_BEFORE; found when this property drew "Eg").
  const filler = fc.stringMatching(/^[A-Za-z,!? ]{0,40}$/).filter((words) => !/\beg\b/i.test(words));

  it('finds a valid number planted in random words', () => {
    const written = fc.constantFrom(
      '0412 345 678',
      '+61 412 345 678',
      '(02) 9999 1234',
      '1300 555 123',
      '+44 20 7946 0018',
      '0412-345-678',
    );
    expect(extractIndicators('Eg call 0412 345 678', 'AU').phones).toEqual([]);
    fc.assert(
      fc.property(filler, written, filler, (before, number, after) => {
        const expected = normalisePhoneNumber(number, 'AU');
        if (!expected.ok) throw new Error(number);
        const found = extractIndicators(`${before} call ${number} ${after}`, 'AU');
        expect(found.phones.map((phone) => phone.e164)).toContain(expected.value.e164);
      }),
    );
  });

  it('keeps a trailing word of look-alike letters out of a number that is whole without it', () => {
    // Found by the property above: "1300 555 123 II" read as +61 1300 555 123 11, also valid.
    const found = extractIndicators(' call 1300 555 123 II', 'AU');
    expect(found.phones.map((phone) => phone.e164)).toEqual(['+611300555123']);
    expect(extractIndicators('call 8 8 8 5 5 5 0 1 9 o now', 'US').phones.map((phone) => phone.e164)).toEqual(['+18885550190']);
  });

  it('reads a lone O, or look-alikes spaced digit by digit, closing a number as its digits, even where the number is whole without them', () => {
    // Found by the metamorphic test on Node 24's first run: 0800 096 638 is a valid UK number too.
    const e164s = (text: string) => extractIndicators(text, 'GB').phones.map((phone) => phone.e164);
    expect(e164s('Simply call us at any time on 0 8 0 0 0 9 6 6 3 8 O.')).toEqual(['+448000966380']);
    expect(e164s('Simply call us at any time on 0 8 0 0 0 9 6 6 3 8 0.')).toEqual(['+448000966380']);
    expect(e164s('call 0800 096 638 I think')).toEqual(['+44800096638']);
    // And a lone O closing a number grouped otherwise (the composed metamorphic test, same run).
    expect(e164s('phone call +44 800 298 889 o now')).toEqual(['+448002988890']);
    expect(e164s('call 0800 096 638 | 24/7')).toEqual(['+44800096638']);
    // A look-alike glued to a date-shaped tail: the metamorphic test again, on a Punch (NG) message.
    expect(extractIndicators('call customer care +234.81.18.l1.11.05 to rectify.', 'NG').phones.map((phone) => phone.e164)).toEqual([
      '+2348118111105',
    ]);
    expect(extractIndicators('sent on 1.11.05 from 0412 345 678', 'AU').phones.map((phone) => phone.e164)).toEqual(['+61412345678']);
    // "claim" is a verb there, whatever letter the next group starts with.
    expect(e164s('speak to a live operator 2 claim 087 I27 781 09 10p/min (18+)')).toEqual(['+448712778109']);
    expect(e164s('speak to a live operator 2 claim 0871 – (277) – 8109 10p/min (18+)')).toEqual(['+448712778109']);
  });

  it('finds a URL planted in random words', () => {
    const url = fc
      .record({
        name: fc.stringMatching(/^[a-z][a-z0-9]{0,8}-[a-z0-9]{1,8}$/),
        suffix: fc.constantFrom('com', 'help', 'com.au', 'co.uk', 'xyz'),
        path: fc.stringMatching(/^(\/[a-zA-Z0-9]{1,6}){0,2}$/),
        scheme: fc.constantFrom('', 'http://', 'https://', 'hxxps://'),
      })
      .map(({ name, suffix, path, scheme }) => `${scheme}${name}.${suffix}${path}`);
    fc.assert(
      fc.property(filler, url, filler, (before, link, after) => {
        const expected = normaliseUrl(link);
        if (!expected.ok) throw new Error(link);
        const found = extractIndicators(`${before} ${link} ${after}`, 'AU');
        expect(found.urls.map((u) => u.url)).toContain(expected.value.url);
      }),
    );
  });
});
