import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { canonicalEthereumAddress } from './eip55.js';

/** Also the order in which a chain is inferred: Bitcoin first, so "3..." P2SH is Bitcoin. */
export const CHAINS = ['BTC', 'ETH', 'TRX', 'LTC', 'XRP'] as const;
export type Chain = (typeof CHAINS)[number];

/** Returns the canonical form of an address valid on the chain, or null. */
type Canonicaliser = (address: string) => string | null;

const base58check = createBase58check(sha256);
const BITCOIN_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const RIPPLE_ALPHABET = 'rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz';
const HASH160_LENGTH = 20;

/** Runs a decoder that throws on bad input (as @scure/base does), as a null on failure. */
function attempt<T>(decode: () => T): T | null {
  try {
    return decode();
  } catch {
    return null;
  }
}

/** Base58Check with a one-byte version and a 20-byte hash; kept as written (it is case-sensitive). */
function base58Hash160(versions: readonly number[], alphabetMap?: (s: string) => string): Canonicaliser {
  return (address) => {
    const payload = attempt(() => base58check.decode(alphabetMap ? alphabetMap(address) : address));
    const valid = payload?.length === HASH160_LENGTH + 1 && versions.includes(payload[0] ?? -1);
    return valid ? address : null;
  };
}

/**
 * SegWit (BIP 173/350): witness v0 in bech32 with a 20- or 32-byte program, v1..16 (taproot
 * is v1) in bech32m with a 2..40-byte program. Canonical form is lower case.
 */
function segwit(humanReadablePart: string): Canonicaliser {
  return (address) => {
    const lower = address.toLowerCase();
    if (address !== lower && address !== address.toUpperCase()) return null; // mixed case is invalid
    const v0 = attempt(() => bech32.decode(lower as `${string}1${string}`));
    const v1plus = v0 ? null : attempt(() => bech32m.decode(lower as `${string}1${string}`));
    const decoded = v0 ?? v1plus;
    if (decoded?.prefix !== humanReadablePart) return null;
    const [version, ...words] = decoded.words;
    const program = attempt(() => bech32.fromWords(words));
    if (version === undefined || program === null) return null;
    const fits =
      v0 !== null
        ? version === 0 && (program.length === 20 || program.length === 32)
        : version >= 1 && version <= 16 && program.length >= 2 && program.length <= 40;
    return fits ? lower : null;
  };
}

function firstOf(...canonicalisers: Canonicaliser[]): Canonicaliser {
  return (address) => canonicalisers.reduce<string | null>((found, next) => found ?? next(address), null);
}

/** XRP uses Base58Check with its own alphabet; map it onto Bitcoin's to reuse the checksum. */
function fromRippleAlphabet(address: string): string {
  return [...address].map((char) => BITCOIN_ALPHABET[RIPPLE_ALPHABET.indexOf(char)] ?? '!').join('');
}

/** Mainnet formats only: testnet addresses are not scam infrastructure anyone can pay. */
export const CANONICALISERS: Readonly<Record<Chain, Canonicaliser>> = {
  BTC: firstOf(base58Hash160([0x00, 0x05]), segwit('bc')),
  ETH: canonicalEthereumAddress,
  TRX: base58Hash160([0x41]),
  // 0x05 ("3..." P2SH) is shared with Bitcoin; inference prefers BTC, LTC takes it when named.
  LTC: firstOf(base58Hash160([0x30, 0x32, 0x05]), segwit('ltc')),
  XRP: base58Hash160([0x00], fromRippleAlphabet),
};
