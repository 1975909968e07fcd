import { accept, reject, type Normalised } from './result.js';
import { quote } from '../../text/excerpt.js';
import { CANONICALISERS, CHAINS, type Chain } from './wallet-chains.js';

export type { Chain };

export interface WalletInput {
  readonly chain?: string | null | undefined;
  readonly address: string;
}

export interface NormalisedWallet {
  readonly chain: Chain;
  /** Base58 as written (case-sensitive), bech32 lower case, Ethereum in EIP-55 form. */
  readonly address: string;
}

/** Names people and exchanges use for a chain or for a token standard on it. */
const CHAIN_NAMES: Readonly<Record<string, Chain>> = {
  BTC: 'BTC',
  BITCOIN: 'BTC',
  ETH: 'ETH',
  ETHEREUM: 'ETH',
  ERC20: 'ETH',
  TRX: 'TRX',
  TRON: 'TRX',
  TRC20: 'TRX',
  LTC: 'LTC',
  LITECOIN: 'LTC',
  XRP: 'XRP',
  RIPPLE: 'XRP',
};

/**
 * Normalises a crypto wallet address, checksum-validated: Base58Check (BTC P2PKH/P2SH, LTC,
 * TRX, XRP), bech32/bech32m SegWit (BTC "bc1", LTC "ltc1"), EIP-55 for Ethereum when the
 * address is mixed case (all-lower and all-upper are accepted and returned checksummed).
 * Without a chain, the chain is inferred from the address; with one ("ETH", "ethereum",
 * "TRC20", case and "-"/space insensitive), an address of another chain is rejected.
 * Invalid or unsupported is INVALID_WALLET.
 */
export function normaliseWallet(input: WalletInput): Normalised<NormalisedWallet> {
  const address = input.address.trim();
  const named = input.chain?.trim() ? chainFromName(input.chain) : undefined;
  if (named === null) {
    return reject('INVALID_WALLET', `unsupported chain ${quote(input.chain)}; supported: ${CHAINS.join(', ')}`);
  }
  for (const chain of named === undefined ? CHAINS : [named]) {
    const canonical = CANONICALISERS[chain](address);
    if (canonical !== null) return accept({ chain, address: canonical });
  }
  if (named === undefined) {
    return reject('INVALID_WALLET', `${quote(address)} is no valid ${CHAINS.join(', ')} address (format or checksum)`);
  }
  const actual = CHAINS.find((chain) => CANONICALISERS[chain](address) !== null);
  const why = actual ? `a ${actual} address, not ${named}` : `no valid ${named} address (format or checksum)`;
  return reject('INVALID_WALLET', `${quote(address)} is ${why}`);
}

function chainFromName(name: string): Chain | null {
  return (
    CHAIN_NAMES[
      name
        .trim()
        .toUpperCase()
        .replace(/[-_\s]/g, '')
    ] ?? null
  );
}
