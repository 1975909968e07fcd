import { normaliseWallet, type NormalisedWallet } from '../normalise/wallet.js';
import type { Scan } from './scan.js';

export type ExtractedWallet = NormalisedWallet & { readonly raw: string };

/**
 * Tokens shaped like an address of a supported chain: hex "0x" + 40, SegWit "bc1"/"ltc1",
 * Base58 starting with a version character (1, 3: BTC; L, M: LTC; T: TRX; r: XRP). Only
 * those whose checksum holds are kept, so a random word of the right shape never is.
 */
const WALLET_TOKEN = new RegExp(
  [
    String.raw`0x[0-9a-fA-F]{40}`,
    String.raw`(?:bc1|BC1|ltc1|LTC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}`,
    String.raw`[13LMTr][1-9A-HJ-NP-Za-km-z]{24,34}`,
  ]
    .map((token) => String.raw`(?<![\p{L}\p{N}])${token}(?![\p{L}\p{N}])`)
    .join('|'),
  'gu',
);

const LONG_TOKEN = /[0-9A-Za-z]{25}/;
const HAS_DIGIT = /\d/;

/** Also inside links ("etherscan.io/address/0x..."): a wallet there is still a wallet. */
export function findWallets(scan: Scan): ExtractedWallet[] {
  const wallets: ExtractedWallet[] = [];
  // Every address holds a digit in a run of at least 25 letters and digits; most messages have neither.
  if (!HAS_DIGIT.test(scan.text) || !LONG_TOKEN.test(scan.text)) return wallets;
  for (const match of scan.text.matchAll(WALLET_TOKEN)) {
    const result = normaliseWallet({ address: match[0] });
    if (!result.ok) continue;
    scan.take(match.index, match.index + match[0].length);
    wallets.push({ ...result.value, raw: scan.raw(match.index, match.index + match[0].length) });
  }
  return wallets;
}
