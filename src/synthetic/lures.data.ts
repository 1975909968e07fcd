import type { Channel, ScamType } from '../reports/vocabulary.js';

/** How a channel carries a lure: a short message, a mail or invoice, a call or voicemail, a web page or ad. */
export type LureStyle = 'short' | 'mail' | 'call' | 'web';

export const CHANNEL_STYLE: Readonly<Record<Channel, LureStyle>> = {
  SMS: 'short',
  MESSAGING_APP: 'short',
  SOCIAL_MEDIA: 'short',
  OTHER: 'short',
  EMAIL: 'mail',
  INVOICE: 'mail',
  PHONE_CALL: 'call',
  VOICEMAIL: 'call',
  POPUP: 'web',
  SEARCH_AD: 'web',
  WEBSITE: 'web',
};

/** Where each kind of scam reaches people, by weight (Scamwatch's channel mix, roughly). */
export const CHANNEL_MIX: Readonly<Record<ScamType, Partial<Record<Channel, number>>>> = {
  BANK_IMPERSONATION: { SMS: 50, PHONE_CALL: 20, VOICEMAIL: 10, EMAIL: 15, MESSAGING_APP: 5 },
  GOVERNMENT: { SMS: 45, EMAIL: 25, PHONE_CALL: 15, VOICEMAIL: 15 },
  DELIVERY: { SMS: 70, EMAIL: 25, MESSAGING_APP: 5 },
  SUBSCRIPTION_REFUND: { EMAIL: 50, INVOICE: 30, SMS: 20 },
  TECH_SUPPORT: { POPUP: 40, PHONE_CALL: 25, SEARCH_AD: 15, EMAIL: 10, SMS: 10 },
  INVESTMENT_CRYPTO: { SOCIAL_MEDIA: 40, MESSAGING_APP: 25, SEARCH_AD: 15, WEBSITE: 10, EMAIL: 10 },
  ROMANCE: { MESSAGING_APP: 50, SOCIAL_MEDIA: 50 },
  OTHER: { SMS: 80, EMAIL: 20 },
};

/** How often campaigns of each kind start, by weight. */
export const SCAM_TYPE_MIX: Readonly<Record<ScamType, number>> = {
  BANK_IMPERSONATION: 24,
  GOVERNMENT: 14,
  DELIVERY: 16,
  SUBSCRIPTION_REFUND: 12,
  TECH_SUPPORT: 10,
  INVESTMENT_CRYPTO: 12,
  ROMANCE: 4,
  OTHER: 8,
};

export interface Lure {
  readonly scamType: ScamType;
  readonly style: LureStyle;
  /**
   * Placeholders: {brand} {callback} {url} {email} {wallet} {account} (a mule account or
   * PayID with its label) and the dressing {amount} {date} {ref}. Every lure names a
   * {callback} or a {url}: what later reports of its campaign link back to.
   */
  readonly text: string;
}

const lures = (scamType: ScamType, style: LureStyle, ...texts: string[]): Lure[] => texts.map((text) => ({ scamType, style, text }));

/** Message forms real callback and phishing scams use (seed/callback-scams.txt). */
export const LURES: readonly Lure[] = [
  ...lures(
    'BANK_IMPERSONATION',
    'short',
    '{brand}: A payment of {amount} to an overseas merchant was attempted on your card. If this was not you, call our fraud team immediately on {callback}.',
    '{brand} Alert: your account has been temporarily locked due to unusual sign-in activity. Verify your identity at {url} or call {callback}.',
    '{brand}: A new payee was added to your account on {date}. If you did not make this change, cancel it now at {url}',
    '{brand} Security: we have blocked a transfer of {amount}. To review it, call {callback}. Ref: {ref}',
  ),
  ...lures(
    'BANK_IMPERSONATION',
    'call',
    'Caller said they were from the {brand} fraud team and that my account had been compromised. They told me to call back on {callback}, quote case {ref}, and move my savings to a safe account, {account}.',
    'Voicemail: This is the {brand} fraud prevention unit. We have detected suspicious transactions on your account. Please call us back urgently on {callback} and quote reference {ref}.',
  ),
  ...lures(
    'BANK_IMPERSONATION',
    'mail',
    'Dear customer, we noticed a suspicious payment of {amount} on your {brand} account on {date}. If you do not recognise it, call our fraud team on {callback} or log in at {url} to secure your account. Case number {ref}.',
    '{brand} Fraud Team: to protect your funds during our investigation, transfer your balance to the secure holding account {account}. Questions: call {callback} or email {email}. Reference {ref}.',
  ),

  ...lures(
    'GOVERNMENT',
    'short',
    '{brand}: You have an outstanding tax debt of {amount}. Failure to pay today will result in legal action. Call {callback} to settle.',
    '{brand}: You are eligible for a refund of {amount}. Claim it before {date} at {url}',
    '{brand}: your identity verification has failed and your account will be suspended. Update your details at {url}',
    '{brand} Debt Recovery: pay your outstanding debt of {amount} in cryptocurrency to our {wallet} today, or call {callback} to arrange payment.',
  ),
  ...lures(
    'GOVERNMENT',
    'call',
    'Recorded message claiming to be the {brand}: there is a warrant for my arrest over unpaid tax. Press 1 or call {callback} immediately. They asked for payment to {account}.',
    'Caller said they were from {brand} and that my payments would stop unless I confirmed my details. Call back number {callback}, reference {ref}.',
  ),
  ...lures(
    'GOVERNMENT',
    'mail',
    'Notice from {brand}: our records show an unpaid amount of {amount}. To avoid penalties pay by {date} to {account} and quote reference {ref}. Enquiries: {callback}.',
    '{brand}: a refund of {amount} is waiting for you. Confirm your bank details at {url} or reply to {email}.',
  ),

  ...lures(
    'DELIVERY',
    'short',
    '{brand}: Your parcel could not be delivered due to an incomplete address. Update your details at {url}',
    '{brand}: We attempted delivery of your package today. Reschedule at {url} or call {callback}. Tracking number {ref}',
    '{brand}: your parcel is being held at our depot. A redelivery fee of {amount} is due: {url}',
  ),
  ...lures(
    'DELIVERY',
    'mail',
    'Dear customer, your {brand} shipment, tracking number {ref}, is on hold pending a customs fee of {amount}. Pay at {url} within 48 hours or contact {email}.',
  ),

  ...lures(
    'SUBSCRIPTION_REFUND',
    'mail',
    'Your {brand} subscription has been renewed for {amount}. If you did not authorise this payment, call {callback} within 24 hours to cancel and get a refund. Invoice {ref}.',
    'Invoice {ref}: {brand} annual membership, {amount}, charged {date}. To cancel, contact our billing team on {callback} or reply to {email}.',
  ),
  ...lures(
    'SUBSCRIPTION_REFUND',
    'short',
    '{brand}: your payment of {amount} was declined and your account is on hold. Update your billing details at {url}',
    '{brand}: you are owed a refund of {amount}. Call {callback} to claim it.',
  ),

  ...lures(
    'TECH_SUPPORT',
    'web',
    'WARNING! {brand} has detected a virus on this computer. Your personal data is at risk. Do not shut down. Call {brand} Support on {callback} immediately.',
    '{brand} Support 24/7. Call {callback}, the official helpline. Fix account and internet problems now: {url}',
  ),
  ...lures(
    'TECH_SUPPORT',
    'call',
    'Caller said they were from {brand} technical support and that my internet had been hacked. They asked me to install remote access software from {url} and call back on {callback}.',
  ),
  ...lures(
    'TECH_SUPPORT',
    'short',
    '{brand}: Your NBN service will be disconnected within 24 hours due to a security breach. Call {callback} to keep your service.',
  ),
  ...lures(
    'TECH_SUPPORT',
    'mail',
    '{brand} Security: your account was used on {date} to access suspicious websites. A security licence of {amount} is required. Call {callback} or pay in crypto to our {wallet}.',
  ),

  ...lures(
    'INVESTMENT_CRYPTO',
    'short',
    'Earn up to 3% daily with AI crypto trading from {brand}. WhatsApp our adviser on {callback} to start with just $250.',
    '{brand} VIP: your account has earned {amount} in profit. To withdraw, pay the release fee to our {wallet} and message {callback}.',
  ),
  ...lures(
    'INVESTMENT_CRYPTO',
    'web',
    'Financial freedom with {brand}! Thousands of Australians earn passive income: {url} Talk to an adviser: {callback}',
  ),
  ...lures(
    'INVESTMENT_CRYPTO',
    'mail',
    'Welcome to {brand} Premium Trading. Fund your account by depositing to our {wallet} or by bank transfer to {account}. Your account manager: {email}, {callback}.',
  ),

  ...lures(
    'ROMANCE',
    'short',
    'Hello dear, my bank has frozen my account overseas and I need {amount} for the customs release. Please send it to {account} and message me on {callback} xx',
    'Darling, the investment I told you about is doubling. Send your deposit to my {wallet} and WhatsApp me on {callback}.',
    'Hi beautiful, I am an engineer on an oil rig and this app is not safe. Add me on WhatsApp {callback}',
  ),

  ...lures(
    'OTHER',
    'short',
    '{brand}: You have an unpaid toll of {amount}. Pay now to avoid a late fee: {url}',
    '{brand}: Final notice. Your fine of {amount} is overdue, reference {ref}. Pay today at {url} to avoid licence suspension.',
  ),
  ...lures(
    'OTHER',
    'mail',
    '{brand} Tolling Notice {ref}: an outstanding toll of {amount} is linked to your vehicle. Pay at {url} or call {callback} by {date}.',
  ),
];

/** Openings that name the reader's own number: noise that must never become a callback. */
export const VICTIM_OPENINGS: readonly string[] = ['Hi {victim}, ', 'Your mobile number {victim} has been flagged for a security review. '];
