import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** EIP-55 mixed-case checksum form of a 20-byte hex address given in any case. */
export function toEip55(address: string): string {
  const hex = address.slice(2).toLowerCase();
  const hash = bytesToHex(keccak_256(utf8ToBytes(hex)));
  let result = '0x';
  for (let i = 0; i < hex.length; i++) {
    // A letter is upper case where the matching nibble of keccak256(lower-case hex) is >= 8.
    result += Number.parseInt(hash[i] ?? '0', 16) >= 8 ? hex[i]?.toUpperCase() : hex[i];
  }
  return result;
}

/**
 * An Ethereum address in EIP-55 form, or null. All-lower and all-upper case carry no
 * checksum and are accepted; mixed case is a checksum and must be right.
 */
export function canonicalEthereumAddress(address: string): string | null {
  if (!HEX_ADDRESS.test(address)) return null;
  const checksummed = toEip55(address);
  const body = address.slice(2);
  const uncased = body === body.toLowerCase() || body === body.toUpperCase();
  return uncased || address === checksummed ? checksummed : null;
}
