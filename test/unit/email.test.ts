import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../src/ingest/normalise/email.js';

describe('normaliseEmail', () => {
  it('lower-cases and gives the registrable domain', () => {
    expect(normaliseEmail(' Support@Mail.CommBank-Help.com.au ')).toEqual({
      ok: true,
      value: { address: 'support@mail.commbank-help.com.au', domain: 'commbank-help.com.au' },
    });
  });

  it('reads defanged and mailto forms', () => {
    for (const raw of [
      'support[@]evil.example.com',
      'support(at)evil[.]example[.]com',
      'support [at] evil (dot) example (dot) com',
      'mailto:support@evil.example.com',
    ]) {
      expect(normaliseEmail(raw), raw).toMatchObject({ ok: true, value: { address: 'support@evil.example.com' } });
    }
  });

  it('stores an IDN domain in punycode', () => {
    expect(normaliseEmail('info@bücher.de')).toEqual({ ok: true, value: { address: 'info@xn--bcher-kva.de', domain: 'xn--bcher-kva.de' } });
  });

  it('keeps sub-addresses', () => {
    expect(normaliseEmail('a.b+refund@gmail.com')).toMatchObject({
      ok: true,
      value: { address: 'a.b+refund@gmail.com', domain: 'gmail.com' },
    });
  });

  it('rejects malformed addresses', () => {
    for (const raw of [
      '',
      'support',
      '@evil.example.com',
      'support@',
      'a..b@evil.example.com',
      '.a@evil.example.com',
      'a@localhost',
      'a@192.168.1.1',
      'a@evil.zzzz',
      'a b@evil.example.com',
      'a@evil.example.com/x',
      `${'a'.repeat(65)}@evil.example.com`,
      '=cmd|x@evil.example.com',
      '=HYPERLINK(x)@evil.example.com',
    ]) {
      expect(normaliseEmail(raw), raw).toMatchObject({ ok: false, code: 'INVALID_EMAIL' });
    }
  });

  it('is idempotent', () => {
    const address = fc
      .record({
        local: fc.stringMatching(/^[A-Za-z0-9_+-]{1,10}(\.[A-Za-z0-9_+-]{1,10})?$/),
        host: fc.stringMatching(/^[A-Za-z0-9]{1,10}$/),
        suffix: fc.constantFrom('com', 'com.au', 'co.uk', 'help'),
      })
      .map(({ local, host, suffix }) => `${local}@${host}.${suffix}`);
    fc.assert(
      fc.property(address, (raw) => {
        const once = normaliseEmail(raw);
        expect(once.ok).toBe(true);
        if (once.ok) expect(normaliseEmail(once.value.address)).toEqual(once);
      }),
    );
  });
});
