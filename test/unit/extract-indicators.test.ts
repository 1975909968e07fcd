import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';

const phonesOf = (text: string, region: 'AU' | 'GB' = 'AU') =>
  extractIndicators(text, region).phones.map(({ e164, role }) => `${role} ${e164}`);

describe('extractIndicators: phone numbers and roles', () => {
  it('finds the issue example: a callback number and a scheme-less link', () => {
    const found = extractIndicators('Your CommBank card is locked. Call 1300 555 123 or visit commbank-secure.help now', 'AU');
    expect(found.phones).toEqual([
      { e164: '+611300555123', country: 'AU', numberType: 'SHARED_COST', role: 'CALLBACK', raw: '1300 555 123', via: 'text' },
    ]);
    expect(found.urls.map((url) => url.url)).toEqual(['http://commbank-secure.help/']);
  });

  it('makes every body number a callback, whatever the verb', () => {
    for (const text of [
      'Ring 0412 345 678',
      'dial 0412-345-678 today',
      'Text back on 0412.345.678',
      'WhatsApp +61 412 345 678',
      'Info: 0412 345 678',
    ]) {
      expect(phonesOf(text), text).toEqual(['CALLBACK +61412345678']);
    }
  });

  it('reads obfuscated numbers', () => {
    expect(phonesOf('Call ０４１２ ３４５ ６７８ now')).toEqual(['CALLBACK +61412345678']);
    expect(phonesOf('Call O4l2 345 678 now')).toEqual(['CALLBACK +61412345678']);
    expect(phonesOf('Call +61 (0) 412 345 678 now')).toEqual(['CALLBACK +61412345678']);
    expect(phonesOf('call09061701461now', 'GB')).toEqual(['CALLBACK +449061701461']);
    expect(phonesOf('Netcollex Ltd 08700621170150p per msg', 'GB')).toEqual(['CALLBACK +448700621170']);
    expect(phonesOf('to claim call 087123002209am-7pm', 'GB')).toEqual(['CALLBACK +448712300220']);
  });

  it('keeps the original writing as raw', () => {
    expect(extractIndicators('Call ０４１２ ３４５ ６７８ now', 'AU').phones[0]?.raw).toBe('０４１２ ３４５ ６７８');
  });

  it('tells a sender from a callback, even for the same number', () => {
    expect(phonesOf('<Forwarded from 448712404000>Please CALL 08712404000 immediately', 'GB')).toEqual([
      'SENDER_ID +448712404000',
      'CALLBACK +448712404000',
    ]);
    expect(phonesOf('From: +61 412 345 678\nYour parcel is held. Call 1300 555 123')).toEqual([
      'SENDER_ID +61412345678',
      'CALLBACK +611300555123',
    ]);
  });

  it("sets the victim's own number apart", () => {
    for (const text of [
      'Your mobile 07808726822 was awarded a £2,000 Bonus Caller Prize! Call 09066362231',
      'Your 2004 Account Statement for 07742676969 shows 786 unredeemed points. Call 09066362231',
      'Hi 07734396839 IBH Customer Loyalty Offer. Call 09066362231',
      'YOU 07801543489 are guaranteed the latest Nokia. Call 09066362231',
    ]) {
      const found = extractIndicators(text, 'GB');
      expect(
        found.phones.map((phone) => phone.e164),
        text,
      ).toEqual(['+449066362231']);
      expect(found.victimNumbers).toHaveLength(1);
    }
  });

  it('reports short codes apart and never as phone numbers', () => {
    const found = extractIndicators('txt WIN to 87121 or reply STOP to 80488. Send GO to 83600. shortcode 69669', 'GB');
    expect(found.shortCodes).toEqual(['87121', '80488', '83600', '69669']);
    expect(found.phones).toEqual([]);
    expect(extractIndicators('<Forwarded from 88877>FREE entry', 'GB').shortCodes).toEqual(['88877']);
    expect(extractIndicators('Join by txting MOAN to 69888Nyt.', 'GB').shortCodes).toEqual(['69888']);
  });

  it('does not read digits inside a link, wallet or IBAN as a phone number', () => {
    const found = extractIndicators('visit www.07781482378.com or pay GB82 WEST 1234 5698 7654 32', 'GB');
    expect(found.phones).toEqual([]);
    expect(found.urls.map((url) => url.hostname)).toEqual(['www.07781482378.com']);
  });
});

describe('extractIndicators: links and addresses', () => {
  it('finds scheme-less, defanged, IDN, IP and userinfo links, without trailing punctuation', () => {
    const found = extractIndicators(
      'Go to hxxps://secure-login[.]evil[.]com/verify, or (www.cömmbank.com), http://23.254.215.52/x. ' +
        'Also https://commbank.com.au@evil.example.com/login!',
      'AU',
    );
    expect(found.urls.map((url) => url.url)).toEqual([
      'https://secure-login.evil.com/verify',
      'http://23.254.215.52/x',
      'https://evil.example.com/login',
      'http://www.xn--cmmbank-90a.com/',
    ]);
  });

  it('does not take a missing space for a link', () => {
    for (const text of ['Sorry.how are you', 'Nice.nice.how r u', 'AGAIN.call me', 'see u 2day.love', 'ok.so what']) {
      expect(extractIndicators(text, 'GB').urls, text).toEqual([]);
    }
  });

  it('finds email addresses, defanged too, and not inside a URL', () => {
    const found = extractIndicators('Write to Claims.Office@Gmail.com or refunds (at) evil (dot) com', 'AU');
    expect(found.emails.map((email) => email.address)).toEqual(['claims.office@gmail.com', 'refunds@evil.com']);
    expect(found.urls).toEqual([]);
  });

  it('finds checksummed wallets and skips lookalikes', () => {
    const found = extractIndicators(
      'Send BTC to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq or USDT (TRC20) to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, ' +
        'ETH 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed. Not 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb.',
      'AU',
    );
    expect(found.wallets.map(({ chain, address }) => `${chain} ${address}`)).toEqual([
      'BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'TRX TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      'ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    ]);
    expect(found.phones).toEqual([]);
  });

  it('finds bank details: BSB and account, IBAN, PayID', () => {
    const found = extractIndicators(
      'Transfer to BSB: 062-000 Account No: 1234 5678, or IBAN DE89 3704 0044 0532 0130 00. PayID: 0412 345 678. PayID ABN 51 824 753 556',
      'AU',
    );
    expect(found.bankAccounts.map(({ scheme, identifier }) => `${scheme} ${identifier}`)).toEqual([
      'IBAN DE89370400440532013000',
      'AU_BSB 062-000 12345678',
      'PAYID phone:+61412345678',
      'PAYID abn:51824753556',
    ]);
    expect(found.phones).toEqual([]);
  });

  it('keeps reference numbers apart', () => {
    const found = extractIndicators('Ref: AB123456. Your case #AB-1234, claim code KL341, Claim 3030. Claim your prize', 'GB');
    expect(found.referenceNumbers).toEqual(['AB123456', 'AB-1234', 'KL341', '3030']);
    expect(found.shortCodes).toEqual([]);
  });
});

describe('extractIndicators: brands', () => {
  const brands = [
    { slug: 'commbank', name: 'Commonwealth Bank', aliases: ['CommBank', 'CBA'] },
    { slug: 'auspost', name: 'Australia Post', aliases: ['AusPost'] },
    { slug: 'nab', name: 'NAB' },
  ];

  it('matches names and aliases whatever the case, spacing and punctuation', () => {
    expect(extractIndicators('COMM BANK: your card is locked', 'AU', brands).brands).toEqual(['commbank']);
    expect(extractIndicators('C.B.A alert. Aus-Post parcel held', 'AU', brands).brands).toEqual(['commbank', 'auspost']);
    expect(extractIndicators('commonwealth  bank', 'AU', brands).brands).toEqual(['commbank']);
  });

  it('matches on word boundaries only', () => {
    expect(extractIndicators('CBAR is not a bank; a nabbed parcel', 'AU', brands).brands).toEqual([]);
  });
});

describe('extractIndicators: brands resolve as claimed brands do', () => {
  const brands = [
    { slug: 'fig', name: 'Fig' },
    { slug: 'fig-bank', name: 'Fig Bank' },
    { slug: 'ing', name: 'ING Bank Australia' },
    { slug: 'westpac', name: 'Westpac', aliases: ['St George Bank'] },
  ];

  it('finds a brand by the shorter forms of its name and aliases, suffixes dropped', () => {
    expect(extractIndicators('ING: your account is on hold', 'AU', brands).brands).toEqual(['ing']);
    expect(extractIndicators('ING Australia security team', 'AU', brands).brands).toEqual(['ing']);
    expect(extractIndicators('St.George: verify now', 'AU', brands).brands).toEqual(['westpac']);
  });

  it("finds the most specific brand a mention names, and a brand by its own name before another brand's shorter form", () => {
    expect(extractIndicators('Fig Bank Support: call now', 'AU', brands).brands).toEqual(['fig-bank']);
    expect(extractIndicators('Fig Support: call now', 'AU', brands).brands).toEqual(['fig']);
  });
});
