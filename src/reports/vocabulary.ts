/** The domain's closed word lists (DESIGN.md); GraphQL enums are built from these. */
export const CHANNELS = [
  'SMS',
  'EMAIL',
  'VOICEMAIL',
  'PHONE_CALL',
  'SOCIAL_MEDIA',
  'MESSAGING_APP',
  'INVOICE',
  'POPUP',
  'SEARCH_AD',
  'WEBSITE',
  'OTHER',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const SCAM_TYPES = [
  'BANK_IMPERSONATION',
  'GOVERNMENT',
  'DELIVERY',
  'SUBSCRIPTION_REFUND',
  'TECH_SUPPORT',
  'INVESTMENT_CRYPTO',
  'ROMANCE',
  'OTHER',
] as const;
export type ScamType = (typeof SCAM_TYPES)[number];

/** CALLBACK is strong evidence (the scammer's own line); CALLER_ID and SENDER_ID are spoofable. */
export const PHONE_ROLES = ['CALLBACK', 'CALLER_ID', 'SENDER_ID'] as const;
export type PhoneRole = (typeof PHONE_ROLES)[number];

/**
 * How a message gave a number: written in its text, or behind a link that dials it (`tel:`),
 * texts it (`sms:`) or opens a chat with it (wa.me, Viber, Telegram): the link is then the
 * channel the victim is steered to.
 */
export const PHONE_VIAS = ['text', 'tel-link', 'sms-link', 'whatsapp-link', 'viber-link', 'telegram-link'] as const;
export type PhoneVia = (typeof PHONE_VIAS)[number];

/** Where an indicator came from: a field the reporter filled in, or the message (and how). */
export type Provenance = 'field' | PhoneVia;
