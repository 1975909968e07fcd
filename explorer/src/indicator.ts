/** The kinds neighbourhood, evidence packs and the search box take, as the API names them. */
export const INDICATOR_KINDS = ['phone', 'domain', 'url', 'email', 'wallet', 'bank_account'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface Indicator {
  readonly kind: string;
  readonly value: string;
}

const CHAINS = /^(BTC|ETH|TRX|LTC|XRP|BITCOIN|ETHEREUM|ERC20|TRON|TRC20|LITECOIN|RIPPLE):/i;
const WALLET = /^(bc1|ltc1)[a-z0-9]{8,}$|^0x[0-9a-f]{40}$|^[13LMTr][1-9A-HJ-NP-Za-km-z]{24,34}$/i;
const QUALIFIED_ACCOUNT = /^(AU_BSB|IBAN|PAYID):/i;
const IBAN = /^[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const URL_LIKE = /^(h[tx]{2}ps?|ftp):\/\/|^[^\s/]+\.[^\s/]+\/\S*$/i;
const PHONE = /^[+(]?[\d\s().\-/]{5,}$/;

/**
 * What a typed indicator most likely is, so the box takes anything: "CHAIN:address" or a known
 * address form is a wallet, "SCHEME:id" or an IBAN a bank account, "a@b" an email, a scheme or
 * a path a URL, digits with punctuation a phone number, anything else a domain. The page lets
 * the analyst override the guess; the server normalises and judges the value either way.
 */
export function guessKind(typed: string): IndicatorKind {
  const value = typed.trim();
  if (CHAINS.test(value) || WALLET.test(value)) return 'wallet';
  if (QUALIFIED_ACCOUNT.test(value) || IBAN.test(value)) return 'bank_account';
  if (EMAIL.test(value)) return 'email';
  if (URL_LIKE.test(value)) return 'url';
  if (PHONE.test(value)) return 'phone';
  return 'domain';
}

/** A drawn node's id is "kind:key" ("wallet:BTC:bc1…"): the kind up to the first colon, the value after it. */
export function fromNodeId(id: string): Indicator {
  const colon = id.indexOf(':');
  return { kind: id.slice(0, colon), value: id.slice(colon + 1) };
}

/** The Search page for one indicator. */
export const searchHref = (indicator: Indicator): string => `#/search?${new URLSearchParams({ kind: indicator.kind, q: indicator.value })}`;

/** One of the indicator kinds (not a brand or a report): what Search, checks and evidence packs take. */
export const isIndicatorKind = (kind: string): kind is IndicatorKind => (INDICATOR_KINDS as readonly string[]).includes(kind);
