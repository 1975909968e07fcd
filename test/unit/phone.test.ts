import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { normalisePhoneNumber, parseRegion } from '../../src/ingest/normalise/phone.js';

const e164Of = (raw: string, region: Parameters<typeof normalisePhoneNumber>[1] = 'AU') => {
  const result = normalisePhoneNumber(raw, region);
  return result.ok ? result.value.e164 : result.code;
};

describe('normalisePhoneNumber', () => {
  it('reads an AU mobile in national and international forms', () => {
    expect(normalisePhoneNumber('0412 345 678', 'AU')).toEqual({
      ok: true,
      value: { e164: '+61412345678', country: 'AU', numberType: 'MOBILE' },
    });
    for (const raw of [
      '+61 412 345 678',
      '+61 (0) 412 345 678',
      '(+61) 412-345-678',
      '0412.345.678',
      '0011 61 412 345 678',
      'tel:+61412345678',
    ]) {
      expect(e164Of(raw), raw).toBe('+61412345678');
    }
  });

  it('reads full-width, Arabic-Indic and look-alike letter digits', () => {
    expect(e164Of('０４１２ ３４５ ６７８')).toBe('+61412345678');
    expect(e164Of('٠٤١٢٣٤٥٦٧٨')).toBe('+61412345678');
    expect(e164Of('O4l2 345 67I')).toBe('+61412345671');
    expect(e164Of('0412–345–678')).toBe('+61412345678'); // en dashes
  });

  it('gives country and type from full metadata', () => {
    expect(normalisePhoneNumber('1300 555 123', 'AU')).toMatchObject({ ok: true, value: { numberType: 'SHARED_COST' } });
    expect(normalisePhoneNumber('1800 555 123', 'AU')).toMatchObject({ ok: true, value: { numberType: 'TOLL_FREE' } });
    expect(normalisePhoneNumber('(02) 9999 1234', 'AU')).toMatchObject({ ok: true, value: { numberType: 'FIXED_LINE' } });
    expect(normalisePhoneNumber('09061701461', 'GB')).toEqual({
      ok: true,
      value: { e164: '+449061701461', country: 'GB', numberType: 'PREMIUM_RATE' },
    });
    expect(normalisePhoneNumber('+800 1234 5678', 'AU')).toEqual({
      ok: true,
      value: { e164: '+80012345678', country: null, numberType: 'TOLL_FREE' },
    });
  });

  it('drops an extension and keeps the line', () => {
    expect(e164Of('+61 4 1234 5678 ext. 99999999')).toBe('+61412345678');
    expect(e164Of('0412 345 678 x12')).toBe('+61412345678');
    expect(e164Of('0412 345 678 #2')).toBe('+61412345678');
  });

  it('rejects words, vanity numbers, short codes and invalid numbers', () => {
    for (const raw of [
      '',
      'call 0412 345 678',
      '1-800-FLOWERS',
      '87121',
      '0412 345',
      '+61 1234',
      '+99 123 456 789',
      '0412 345 678 9999 9999 9999',
    ]) {
      expect(e164Of(raw, raw === '87121' ? 'GB' : 'AU'), raw).toBe('INVALID_PHONE_NUMBER');
    }
  });

  it("is idempotent over every country's example mobile number", () => {
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      const first = normalisePhoneNumber(example.formatNational(), country);
      expect(first.ok, `${country} ${example.formatNational()}`).toBe(true);
      if (!first.ok) continue;
      expect(normalisePhoneNumber(first.value.e164, 'AU')).toEqual(first);
      expect(e164Of(example.formatInternational(), 'AU')).toBe(first.value.e164);
    }
  });

  it('ignores spaces, dots and dashes inserted anywhere between digits', () => {
    const countries = getCountries().filter((country) => getExampleNumber(country, examples));
    const noisy = fc.record({
      country: fc.constantFrom(...countries),
      separators: fc.array(fc.constantFrom(' ', '.', '-', '  ', ' - '), { minLength: 20, maxLength: 20 }),
      mask: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      international: fc.boolean(),
    });
    fc.assert(
      fc.property(noisy, ({ country, separators, mask, international }) => {
        const example = getExampleNumber(country, examples);
        if (!example) return;
        const digits = international ? example.number : `${example.formatNational().replace(/[^\d+]/g, '')}`;
        const written = [...digits].map((char, i) => char + (mask[i] && i < digits.length - 1 ? separators[i] : '')).join('');
        expect(e164Of(written, country)).toBe(e164Of(digits, country));
      }),
    );
  });
});

describe('parseRegion', () => {
  it('defaults to AU and accepts any case', () => {
    expect(parseRegion()).toEqual({ ok: true, value: 'AU' });
    expect(parseRegion('  ')).toEqual({ ok: true, value: 'AU' });
    expect(parseRegion('gb')).toEqual({ ok: true, value: 'GB' });
  });

  it('rejects what is not a supported region', () => {
    for (const raw of ['XX', 'GBR', 'United Kingdom', '001']) {
      expect(parseRegion(raw)).toMatchObject({ ok: false, code: 'INVALID_REGION' });
    }
  });
});
