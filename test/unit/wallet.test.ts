import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bech32, createBase58check } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEip55 } from '../../src/ingest/normalise/eip55.js';
import { normaliseWallet } from '../../src/ingest/normalise/wallet.js';

const base58check = createBase58check(sha256);
const versioned = (version: number, hash: Uint8Array) => base58check.encode(Uint8Array.of(version, ...hash));
const hash160 = fc.uint8Array({ minLength: 20, maxLength: 20 });

const wallet = (address: string, chain?: string) => {
  const result = normaliseWallet(chain === undefined ? { address } : { chain, address });
  return result.ok ? result.value : result.code;
};

describe('normaliseWallet', () => {
  it('infers Bitcoin from legacy, P2SH, SegWit and taproot addresses', () => {
    expect(wallet('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toEqual({ chain: 'BTC', address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' });
    expect(wallet('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toEqual({ chain: 'BTC', address: '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy' });
    expect(wallet('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toEqual({
      chain: 'BTC',
      address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    });
    expect(wallet('bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3')).toMatchObject({ chain: 'BTC' });
    // BIP 350 test vectors: bech32m for witness v1 and later.
    expect(wallet('bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y')).toMatchObject({ chain: 'BTC' });
    expect(wallet('BC1SW50QGDZ25J')).toEqual({ chain: 'BTC', address: 'bc1sw50qgdz25j' });
  });

  it('rejects bad checksums and witness versions in the wrong encoding', () => {
    for (const address of [
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5',
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', // v1 with a bech32 checksum
      'bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du', // v2 with a bech32 checksum
      'Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', // mixed case
      'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', // testnet
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', // EIP-55 case wrong
      '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae', // 39 hex digits
      'not a wallet',
      '',
    ]) {
      expect(wallet(address), address).toBe('INVALID_WALLET');
    }
  });

  it('checksums Ethereum addresses given in one case and checks mixed case', () => {
    const checksummed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    expect(wallet(checksummed)).toEqual({ chain: 'ETH', address: checksummed });
    expect(wallet(checksummed.toLowerCase())).toEqual({ chain: 'ETH', address: checksummed });
    expect(wallet(`0x${checksummed.slice(2).toUpperCase()}`, 'erc-20')).toEqual({ chain: 'ETH', address: checksummed });
  });

  it('reads Tron, Litecoin and XRP', () => {
    expect(wallet('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toEqual({ chain: 'TRX', address: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' });
    expect(wallet('rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh')).toEqual({ chain: 'XRP', address: 'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh' });
    const litecoin = versioned(0x30, new Uint8Array(20).fill(7));
    expect(wallet(litecoin)).toEqual({ chain: 'LTC', address: litecoin });
    const segwitLitecoin = bech32.encode('ltc', [0, ...bech32.toWords(new Uint8Array(20).fill(7))]);
    expect(wallet(segwitLitecoin.toUpperCase(), 'litecoin')).toEqual({ chain: 'LTC', address: segwitLitecoin });
  });

  it('reads a "3..." address as Bitcoin unless Litecoin is named', () => {
    expect(wallet('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toMatchObject({ chain: 'BTC' });
    expect(wallet('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'LTC')).toMatchObject({ chain: 'LTC' });
  });

  it('rejects an address of another chain than the one named, and unknown chains', () => {
    expect(normaliseWallet({ chain: 'ETH', address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' })).toEqual({
      ok: false,
      code: 'INVALID_WALLET',
      message: '"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa" is a BTC address, not ETH',
    });
    expect(wallet('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'dogecoin')).toBe('INVALID_WALLET');
    expect(wallet('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'tron')).toBe('INVALID_WALLET');
  });

  it('validates the EIP-55 form of any 20 bytes, and no single flipped letter case', () => {
    fc.assert(
      fc.property(hash160, fc.nat(), (bytes, position) => {
        const lower = `0x${bytesToHex(bytes)}`;
        const checksummed = toEip55(lower);
        expect(wallet(lower)).toEqual({ chain: 'ETH', address: checksummed });
        expect(wallet(checksummed)).toEqual({ chain: 'ETH', address: checksummed });
        const letters = [...checksummed.slice(2)].flatMap((char, i) => (/[a-f]/i.test(char) ? [i + 2] : []));
        const flip = letters[position % Math.max(letters.length, 1)];
        if (flip === undefined) return;
        const char = checksummed[flip] ?? '';
        const flipped =
          checksummed.slice(0, flip) +
          (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()) +
          checksummed.slice(flip + 1);
        const body = flipped.slice(2);
        // A flip that leaves one case throughout carries no checksum and is rightly accepted.
        if (body === body.toLowerCase() || body === body.toUpperCase()) return;
        expect(wallet(flipped)).toBe('INVALID_WALLET');
      }),
    );
  });

  it('is idempotent over generated Base58Check and SegWit addresses', () => {
    const address = fc.oneof(
      fc.tuple(fc.constantFrom(0x00, 0x05, 0x30, 0x32, 0x41), hash160).map(([version, hash]) => versioned(version, hash)),
      fc
        .tuple(fc.constantFrom('bc', 'ltc'), fc.uint8Array({ minLength: 32, maxLength: 32 }))
        .map(([prefix, program]) => bech32.encode(prefix, [0, ...bech32.toWords(program)]).toUpperCase()),
    );
    fc.assert(
      fc.property(address, (raw) => {
        const once = normaliseWallet({ address: raw });
        expect(once.ok).toBe(true);
        if (once.ok) expect(normaliseWallet(once.value)).toEqual(once);
      }),
    );
  });
});
