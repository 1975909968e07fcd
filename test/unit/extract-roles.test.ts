import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import type { CountryCode } from '../../src/ingest/normalise/phone.js';

const callbacks = (text: string, region: CountryCode = 'AU') =>
  extractIndicators(text, region)
    .phones.filter(({ role }) => role === 'CALLBACK')
    .map(({ e164 }) => e164);

describe('numbers that are never callbacks (issue 14)', () => {
  it.each([
    ['a file reference', 'Your file KTU/9023118308/03 is pending. Call 98765 43210.', 'IN', ['+919876543210']],
    ['an invoice number', 'Invoice #INV-2026-0412345 for $399.99. To cancel call 1300 555 123', 'AU', ['+611300555123']],
    ['an amount', 'A charge of $1 299 000 was made. Call 1300 555 123', 'AU', ['+611300555123']],
    ['a date and a time', 'On 06/02/17 at 03-27-31 pm a transfer was made. Call 1300 555 123', 'AU', ['+611300555123']],
    ['a one-time code', 'Your verification code is 132221. If you did not ask, call 1300 555 123', 'AU', ['+611300555123']],
    ['a card ending', 'Card ending 131450 was used. Call 1300 555 123', 'AU', ['+611300555123']],
    ['a short code', 'Reply STOP to 78878. Call 1300 555 123 for help', 'AU', ['+611300555123']],
    ['a login origin', 'A login from 0422 117 906 was blocked. If this was not you, call 1300 555 123', 'AU', ['+611300555123']],
    ['a payment destination', 'A payment of $950 to 0412 000 111 is pending. Call 1300 555 123 to stop it', 'AU', ['+611300555123']],
    ['the recipient', 'A code was sent to your mobile 0412 000 222. Call 1300 555 123', 'AU', ['+611300555123']],
    ['a do-not-reply sender', 'Do not reply to 0412 000 333. Call our team on 1300 555 123', 'AU', ['+611300555123']],
    ['a number behind a call-claim label', 'Pls call claim number 09066364311 now', 'GB', ['+449066364311']],
  ] as const)('drops %s and keeps the callback', (_what, text, region, expected) => {
    expect(callbacks(text, region)).toEqual(expected);
  });
});

describe('callbacks from other regions, vanity numbers and links (issue 14)', () => {
  it.each([
    ['1-888 in an AU message', 'Call Norton billing on 1-888-611-3596 today', 'AU', ['+18886113596']],
    ['1 (800) in a GB message', 'Call 1 (800) 275 2273 for a refund', 'GB', ['+18002752273']],
    ['an 0011 IDD prefix in a GB message', 'Call 0011 61 412 345 678', 'GB', ['+61412345678']],
    ['an 011 IDD prefix in an AU message', 'Call 011 44 20 7946 0018', 'AU', ['+442079460018']],
    ['a 00 prefix', 'WhatsApp 00 91 98765 43210', 'AU', ['+919876543210']],
    ['1-800-FLOWERS', 'Order at 1-800-FLOWERS now', 'US', ['+18003569377']],
    ['1300 MY BANK', 'Ring 1300 MY BANK today', 'AU', ['+611300692265']],
    ['a masked number is not vanity', 'Call us toll free at 1-877-271-XXXX', 'US', []],
    ['a tel: link', '<a href="tel:+61412345678">Call us</a>', 'AU', ['+61412345678']],
    ['a Viber link', 'viber://chat?number=%2B61412345678', 'AU', ['+61412345678']],
  ] as const)('reads %s', (_what, text, region, expected) => {
    expect(callbacks(text, region)).toEqual(expected);
  });

  it('keeps the written form of a vanity number as raw', () => {
    const [phone] = extractIndicators('Order at 1-800-FLOWERS now', 'US').phones;
    expect(phone?.raw).toBe('1-800-FLOWERS');
  });
});
