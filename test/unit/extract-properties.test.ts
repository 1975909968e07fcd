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
      fc.constantFrom('call', 'txt WIN to', 'From:', 'Your mobile', 'BSB', 'acc', 'PayID', 'ref:', 'hxxp://', '[.]', '(at)', 'O', 'l', '０', '\n'),
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

  const filler = fc.stringMatching(/^[A-Za-z,!? ]{0,40}$/);

  it('finds a valid number planted in random words', () => {
    const written = fc.constantFrom('0412 345 678', '+61 412 345 678', '(02) 9999 1234', '1300 555 123', '+44 20 7946 0018', '0412-345-678');
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
