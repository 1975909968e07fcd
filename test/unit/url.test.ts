import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as data from '../../src/ingest/normalise/domain-traits.data.js';
import { domainTraits } from '../../src/ingest/normalise/domain-traits.js';
import { normaliseDomain, normaliseUrl } from '../../src/ingest/normalise/url.js';

const urlOf = (raw: string) => {
  const result = normaliseUrl(raw);
  return result.ok ? result.value.url : result.code;
};

describe('normaliseUrl', () => {
  it('reads scheme-less URLs as http and keeps path and query', () => {
    expect(normaliseUrl('commbank-secure.help/login?id=1#top')).toEqual({
      ok: true,
      value: {
        url: 'http://commbank-secure.help/login?id=1',
        hostname: 'commbank-secure.help',
        unicodeHostname: 'commbank-secure.help',
        domain: 'commbank-secure.help',
        isIp: false,
      },
    });
    expect(urlOf('www.Example.COM')).toBe('http://www.example.com/');
  });

  it('refangs hxxp, [.], (.), (dot), [dot] and [:]', () => {
    for (const raw of ['hxxps://evil[.]example[.]com/a', 'hXXps[:]//evil(.)example(dot)com/a', 'https://evil[dot]example{.}com/a']) {
      expect(urlOf(raw), raw).toBe('https://evil.example.com/a');
    }
  });

  it('stores IDN hosts in punycode with a unicode display form', () => {
    expect(normaliseUrl('https://cömmbank.com/login')).toMatchObject({
      ok: true,
      value: {
        url: 'https://xn--cmmbank-90a.com/login',
        hostname: 'xn--cmmbank-90a.com',
        unicodeHostname: 'cömmbank.com',
        domain: 'xn--cmmbank-90a.com',
      },
    });
    expect(normaliseUrl('https://xn--cmmbank-90a.com/login')).toMatchObject({ ok: true, value: { unicodeHostname: 'cömmbank.com' } });
  });

  it('still accepts IDN hosts after many URLs (Node 20 URL.canParse refused them once optimised)', () => {
    const refused = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const idn = normaliseUrl(`https://cömmbank${i % 10}.com/login`);
      if (!idn.ok) refused.add(idn.message);
      normaliseUrl(`https://site${i}.com.au/`);
    }
    expect([...refused]).toEqual([]);
  });

  it('takes the host after userinfo', () => {
    expect(normaliseUrl('https://commbank.com.au@evil.example.com/x')).toMatchObject({
      ok: true,
      value: { url: 'https://evil.example.com/x', hostname: 'evil.example.com', domain: 'example.com' },
    });
  });

  it('accepts IP hosts in any IPv4 spelling and IPv6', () => {
    expect(normaliseUrl('http://192.168.1.1:8080/a')).toMatchObject({
      ok: true,
      value: { domain: '192.168.1.1', isIp: true, url: 'http://192.168.1.1:8080/a' },
    });
    expect(normaliseUrl('http://3232235777/')).toMatchObject({ ok: true, value: { domain: '192.168.1.1' } });
    expect(normaliseUrl('http://[2001:db8::1]/')).toMatchObject({ ok: true, value: { domain: '2001:db8::1', isIp: true } });
  });

  it('drops default ports, fragments, a trailing dot and wrapping punctuation', () => {
    expect(urlOf('HTTPS://Evil.Example.com:443/A#frag')).toBe('https://evil.example.com/A');
    expect(urlOf('http://evil.example.com.:80')).toBe('http://evil.example.com/');
    expect(urlOf('<https://evil.example.com/x>.')).toBe('https://evil.example.com/x');
    expect(urlOf('(see evil.example.com/x),')).toBe('INVALID_URL');
    expect(urlOf('(evil.example.com/x),')).toBe('http://evil.example.com/x');
    expect(urlOf('"evil.example.com/x!"')).toBe('http://evil.example.com/x');
    expect(urlOf('en.wikipedia.org/wiki/Foo_(bar)')).toBe('http://en.wikipedia.org/wiki/Foo_(bar)');
  });

  it('gives tenants of private-suffix platforms their own registrable domain', () => {
    expect(normaliseUrl('https://evil.netlify.app/login')).toMatchObject({ ok: true, value: { domain: 'evil.netlify.app' } });
    expect(normaliseUrl('https://a.b.evil.github.io')).toMatchObject({ ok: true, value: { domain: 'evil.github.io' } });
    expect(normaliseUrl('https://netlify.app/')).toMatchObject({ ok: true, value: { domain: 'netlify.app' } });
    expect(normaliseUrl('sites.google.com/view/x')).toMatchObject({ ok: true, value: { domain: 'google.com' } });
  });

  it('rejects other schemes, unknown suffixes, bare suffixes and spaces', () => {
    for (const raw of [
      '',
      'ftp://evil.example.com',
      'mailto:a@evil.example.com',
      'javascript:alert(1)',
      'http://localhost/',
      'evil.zzzz',
      'com.au',
      'evil example.com',
      'hello',
      `https://e.com/${'a'.repeat(2100)}`,
    ]) {
      expect(urlOf(raw), raw).toBe('INVALID_URL');
    }
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const webUrl = fc
    .record({
      secure: fc.boolean(),
      labels: fc.array(label, { minLength: 1, maxLength: 3 }),
      suffix: fc.constantFrom('com', 'com.au', 'co.uk', 'help', 'net', 'app'),
      path: fc.array(fc.stringMatching(/^[A-Za-z0-9_~-]{1,8}$/), { maxLength: 3 }),
    })
    .map(({ secure, labels, suffix, path }) => `http${secure ? 's' : ''}://${labels.join('.')}.${suffix}/${path.join('/')}`);

  it('is idempotent', () => {
    fc.assert(
      fc.property(webUrl, (raw) => {
        const once = normaliseUrl(raw);
        expect(once.ok).toBe(true);
        if (once.ok) expect(normaliseUrl(once.value.url)).toEqual(once);
      }),
    );
  });

  it('reads a defanged URL back to the same canonical URL', () => {
    const defangings = fc.record({ dot: fc.constantFrom('[.]', '(.)', '(dot)', '[dot]', '{.}'), scheme: fc.boolean() });
    fc.assert(
      fc.property(webUrl, defangings, (raw, { dot, scheme }) => {
        const [, schemePart = '', rest = ''] = /^(https?:\/\/)(.*)$/.exec(raw) ?? [];
        const [host = '', ...path] = rest.split('/');
        const defanged = `${scheme ? schemePart.replace('tt', 'xx') : schemePart}${host.replaceAll('.', dot)}/${path.join('/')}`;
        expect(normaliseUrl(defanged)).toEqual(normaliseUrl(raw));
      }),
    );
  });
});

describe('normaliseDomain', () => {
  it('returns the registrable domain of a URL or a host name', () => {
    expect(normaliseDomain('https://login.evil.co.uk/x')).toEqual({ ok: true, value: 'evil.co.uk' });
    expect(normaliseDomain('Login.Evil.co.uk')).toEqual({ ok: true, value: 'evil.co.uk' });
    expect(normaliseDomain('evil[.]co[.]uk')).toEqual({ ok: true, value: 'evil.co.uk' });
    expect(normaliseDomain('bücher.de')).toEqual({ ok: true, value: 'xn--bcher-kva.de' });
  });

  it('rejects what has no registrable domain', () => {
    for (const raw of ['co.uk', 'localhost', 'not a domain', '']) {
      expect(normaliseDomain(raw), raw).toMatchObject({ ok: false, code: 'INVALID_DOMAIN' });
    }
  });
});

describe('domainTraits', () => {
  it('marks shorteners, platforms and free mail', () => {
    expect(domainTraits('bit.ly')).toEqual({ isShortener: true, isPlatform: false, isFreeMail: false });
    expect(domainTraits('google.com')).toEqual({ isShortener: false, isPlatform: true, isFreeMail: false });
    expect(domainTraits('gmail.com')).toEqual({ isShortener: false, isPlatform: false, isFreeMail: true });
    expect(domainTraits('commbank-secure.help')).toEqual({ isShortener: false, isPlatform: false, isFreeMail: false });
  });

  it('does not mark a tenant of a hosting platform as the platform', () => {
    const tenant = normaliseDomain('https://evil.netlify.app/');
    expect(tenant.ok && domainTraits(tenant.value).isPlatform).toBe(false);
    expect(domainTraits('netlify.app').isPlatform).toBe(true);
  });

  it('lists only registrable domains, so a lookup by normalised domain can match', () => {
    const { URL_SHORTENERS, PLATFORMS, FREE_MAIL } = data;
    for (const domain of [...URL_SHORTENERS, ...PLATFORMS, ...FREE_MAIL]) {
      expect(normaliseDomain(domain), domain).toEqual({ ok: true, value: domain });
    }
  });
});
