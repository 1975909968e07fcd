import { describe, expect, it } from 'vitest';
import { extractIndicators, type ExtractedIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import { normalisePhoneNumber } from '../../src/ingest/normalise/phone.js';
import { normaliseUrl } from '../../src/ingest/normalise/url.js';
import { smsPhishingDataset, smsSpamCollection, type LabelledMessage } from './real-messages.js';

// Both collections are mostly British (see test/fixtures/data/README.md).
const extractAll = (messages: readonly LabelledMessage[]) =>
  messages.map((message) => ({ ...message, found: extractIndicators(message.text, 'GB') }));

const uci = extractAll(smsSpamCollection());
const phishing = smsPhishingDataset().map((message) => ({ ...message, found: extractIndicators(message.text, 'GB') }));

const firstWith = (messages: typeof uci, fragment: string): ExtractedIndicators => {
  const message = messages.find(({ text }) => text.includes(fragment));
  if (!message) throw new Error(`no message contains "${fragment}"`);
  return message.found;
};

describe('extraction over the UCI SMS Spam Collection (GB)', () => {
  it('reads "call 09061701461" as a premium-rate callback number', () => {
    expect(firstWith(uci, 'call 09061701461').phones).toContainEqual(
      expect.objectContaining({ e164: '+449061701461', country: 'GB', numberType: 'PREMIUM_RATE', role: 'CALLBACK' }),
    );
  });

  it('reads the forwarding header as the sender and the body number as the callback', () => {
    const found = firstWith(uci, '<Forwarded from 448712404000>');
    expect(found.phones.map(({ role, e164 }) => `${role} ${e164}`)).toEqual(['SENDER_ID +448712404000', 'CALLBACK +448712404000']);
  });

  it("sets the victim's own number apart", () => {
    const found = firstWith(uci, 'Account Statement for 07742676969');
    expect(found.victimNumbers.map(({ e164 }) => e164)).toEqual(['+447742676969']);
    expect(found.phones.map(({ e164 }) => e164)).not.toContain('+447742676969');
  });

  it('reports short codes and never reads one as a phone number', () => {
    const codes = new Set(uci.flatMap(({ found }) => found.shortCodes));
    for (const code of ['87121', '80488', '86688', '83600', '69888']) expect(codes).toContain(code);
    for (const { found } of uci) {
      for (const phone of found.phones) {
        expect(phone.raw.replace(/\D/g, '').length, phone.raw).toBeGreaterThan(6);
        expect([...codes].map((code) => `+44${code}`)).not.toContain(phone.e164);
      }
    }
  });

  it('finds the links of known messages', () => {
    expect(firstWith(uci, 'www.getzed.co.uk').urls.map(({ url }) => url)).toContain('http://www.getzed.co.uk/');
    expect(firstWith(uci, 'http://www.e-tlp.co.uk/expressoffer').urls.map(({ url }) => url)).toContain(
      'http://www.e-tlp.co.uk/expressoffer',
    );
    expect(firstWith(uci, 'www.07781482378.com').phones).toEqual([]);
  });

  it('finds a callback number in most spam and in almost no ham', () => {
    const withCallback = (label: string) =>
      uci.filter((message) => message.label === label && message.found.phones.some(({ role }) => role === 'CALLBACK')).length;
    expect(withCallback('spam')).toBeGreaterThanOrEqual(400); // of 747
    expect(withCallback('ham')).toBeLessThanOrEqual(5); // of 4,827
  });

  it('returns only numbers and links that their normalisers accept', () => {
    for (const { found } of uci) {
      for (const phone of found.phones) expect(normalisePhoneNumber(phone.e164, 'GB').ok).toBe(true);
      for (const url of found.urls) expect(normaliseUrl(url.url)).toMatchObject({ ok: true, value: { url: url.url } });
    }
  });
});

describe('extraction over the Mishra & Soni SMS phishing dataset (GB)', () => {
  it('finds a link in at least 90% of the messages the authors flag as holding one', () => {
    const flagged = phishing.filter(({ hasUrl }) => hasUrl);
    const found = flagged.filter(({ found: { urls } }) => urls.length > 0);
    expect(flagged.length).toBeGreaterThan(200);
    expect(found.length / flagged.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the links of known smishing messages', () => {
    const urls = new Set(phishing.flatMap(({ found }) => found.urls.map(({ url }) => url)));
    for (const url of [
      'http://bit.ly/unlmtdfreecall',
      'http://westpac-mobile.cc/2update',
      'http://23.254.215.52/',
      'http://www.97bmo.tk/',
    ]) {
      expect(urls).toContain(url);
    }
  });

  it('finds the email addresses of flagged messages', () => {
    const flagged = phishing.filter(({ hasEmail }) => hasEmail);
    const found = flagged.filter(({ found: { emails } }) => emails.length > 0);
    expect(found.length / flagged.length).toBeGreaterThanOrEqual(0.85);
    expect(phishing.flatMap(({ found }) => found.emails.map(({ address }) => address))).toContain('samsungzoneuk@outlook.com');
  });
});
