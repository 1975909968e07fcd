import type { ScamType } from '../reports/vocabulary.js';

/** Top-level domains cheap enough for throwaway phishing sites, and the odd .com.au. */
export const PHISHING_TLDS = [
  'com',
  'net',
  'info',
  'top',
  'xyz',
  'help',
  'support',
  'live',
  'click',
  'online',
  'site',
  'icu',
  'cc',
  'org',
  'com.au',
] as const;

/** Free hosting whose tenants are registrable domains of their own (PSL private section). */
export const HOSTING_PLATFORMS = ['netlify.app', 'web.app', 'pages.dev', 'vercel.app', 'github.io'] as const;

export const SHORTENERS = ['bit.ly', 'tinyurl.com', 'cutt.ly', 'rb.gy', 'is.gd', 't.ly'] as const;

/** Shared platforms an operation puts a page or channel on: the url is the operation's, the host a hub (the domain, as keyed). */
export const SHARED_PLATFORMS = [
  { prefix: 'https://t.me/', domain: 't.me' },
  { prefix: 'https://sites.google.com/view/', domain: 'google.com' },
  { prefix: 'https://linktr.ee/', domain: 'linktr.ee' },
] as const;

export const FREE_MAIL = ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'proton.me'] as const;

/** Latin letters and the Cyrillic letters drawn the same: "cоmmbank" with a Cyrillic о. */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  o: '\u043e',
  p: '\u0440',
  i: '\u0456',
};

/** Words a domain and its paths are made of, by scam type. */
export const SITE_WORDS: Readonly<Record<ScamType, { readonly words: readonly string[]; readonly paths: readonly string[] }>> = {
  BANK_IMPERSONATION: {
    words: ['secure', 'verify', 'login', 'alert', 'online', 'auth'],
    paths: ['login', 'verify', 'secure/auth', 'netbank/logon'],
  },
  GOVERNMENT: { words: ['refund', 'claim', 'gov', 'verify', 'portal'], paths: ['claim', 'refund', 'verify-identity'] },
  DELIVERY: { words: ['track', 'redelivery', 'parcel', 'delivery'], paths: ['track', 'redelivery', 'parcel/update'] },
  SUBSCRIPTION_REFUND: { words: ['billing', 'renew', 'refund', 'account'], paths: ['billing', 'account/update'] },
  TECH_SUPPORT: { words: ['support', 'help', 'fix', 'desk'], paths: ['support', 'download', 'remote'] },
  INVESTMENT_CRYPTO: { words: ['trade', 'invest', 'capital', 'profit'], paths: ['', 'register', 'invest'] },
  ROMANCE: { words: ['love', 'date', 'meet'], paths: ['profile', 'chat'] },
  OTHER: { words: ['toll', 'pay', 'fines', 'notice'], paths: ['pay', 'toll/pay', 'fines'] },
};

/** Mailbox names on a scam's own domain. */
export const MAILBOXES = ['support', 'billing', 'fraud', 'noreply', 'help', 'accounts'] as const;

/** Names on mule PayIDs and fake advisers' free-mail addresses. */
export const PERSON_NAMES = [
  'jason',
  'emily',
  'daniel',
  'sarah',
  'kevin',
  'linda',
  'michael',
  'jessica',
  'tran',
  'nguyen',
  'smith',
  'wilson',
] as const;
