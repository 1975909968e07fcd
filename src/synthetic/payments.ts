import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bech32, createBase58check } from '@scure/base';
import type { BankAccountInput, WalletInput } from '../ingest/report-input.js';
import { normaliseBankAccount } from '../ingest/normalise/bank-account.js';
import { toEip55 } from '../ingest/normalise/eip55.js';
import { normaliseWallet } from '../ingest/normalise/wallet.js';
import { canonical } from './canonical.js';
import type { PhoneNumberMint } from './phone-numbers.js';
import type { Random } from './random.js';
import { syllableTag, SYLLABLE_TAGS, UniqueSerials } from './unique-serials.js';
import { FREE_MAIL, PERSON_NAMES } from './web.data.js';

/** A payment destination: how a message writes it, how a reporter fills it in, its canonical key. */
export interface PaymentItem<Field> {
  readonly written: string;
  readonly field: Field;
  readonly key: string;
  /** A PayID that is an email address is an email indicator too: extraction finds both. */
  readonly email?: string;
}

const base58check = createBase58check(sha256);

/** Real AU bank BSB prefixes (bank and state): CBA 06x, Westpac 03x, NAB 08x, ANZ 01x, St.George 11x, Bendigo 633, ING 923, Macquarie 182, Suncorp 484. */
const BSB_PREFIXES = [
  '062',
  '063',
  '064',
  '032',
  '033',
  '034',
  '082',
  '083',
  '084',
  '012',
  '013',
  '014',
  '112',
  '633',
  '923',
  '182',
  '484',
];

/** Chains scam payments use most, with the words messages name them by. */
const WALLET_KINDS = [
  { label: 'Bitcoin address', chain: 'BTC', weight: 20, address: (hash: Uint8Array) => base58check.encode(Uint8Array.of(0x00, ...hash)) },
  { label: 'Bitcoin wallet', chain: 'BTC', weight: 20, address: (hash: Uint8Array) => bech32.encode('bc', [0, ...bech32.toWords(hash)]) },
  { label: 'USDT (ERC20) address', chain: 'ETH', weight: 30, address: (hash: Uint8Array) => toEip55(`0x${bytesToHex(hash)}`) },
  {
    label: 'USDT (TRC20) wallet',
    chain: 'TRC20',
    weight: 30,
    address: (hash: Uint8Array) => base58check.encode(Uint8Array.of(0x41, ...hash)),
  },
] as const;

/**
 * Mints crypto wallets (checksums valid: Base58Check, bech32, EIP-55; 160 random bits, so no
 * two collide) and mule accounts (a real bank's BSB with a unique account number, or a PayID
 * on free mail or an AU mobile).
 */
export class PaymentMint {
  private readonly accountNumbers: UniqueSerials;
  private readonly tags: UniqueSerials;

  constructor(
    private readonly random: Random,
    private readonly phones: PhoneNumberMint,
  ) {
    this.accountNumbers = new UniqueSerials(10 ** 8, random);
    this.tags = new UniqueSerials(SYLLABLE_TAGS, random);
  }

  wallet(): PaymentItem<WalletInput> {
    const kind = this.random.weighted(
      WALLET_KINDS,
      WALLET_KINDS.map((k) => k.weight),
    );
    const address = kind.address(this.random.bytes(20));
    const wallet = canonical(normaliseWallet({ chain: kind.chain, address }));
    // Reporters name the chain about half the time; the address alone identifies it.
    const field = this.random.chance(0.5) ? { chain: kind.chain, address } : { address };
    return { written: `${kind.label} ${address}`, field, key: `${wallet.chain}:${wallet.address}` };
  }

  muleAccount(): PaymentItem<BankAccountInput> {
    const r = this.random;
    const form = r.weighted(['bsb', 'payid-email', 'payid-mobile'] as const, [70, 20, 10]);
    if (form === 'bsb') {
      const bsb = `${r.pick(BSB_PREFIXES)}-${r.digits(3)}`;
      const account = String(this.accountNumbers.next()).padStart(8, '0');
      const spaced = `${account.slice(0, 4)} ${account.slice(4)}`;
      const written = r.chance(0.5) ? `BSB ${bsb} Account ${spaced}` : `BSB: ${bsb.replace('-', '')}, Acc: ${account}`;
      return this.item(written, { bsb, accountNumber: account });
    }
    const payId =
      form === 'payid-email'
        ? `${r.pick(PERSON_NAMES)}.${syllableTag(this.tags.next())}@${r.pick(FREE_MAIL)}`
        : (this.phones.mobile().written[0] as string);
    return this.item(`PayID ${payId}`, { payId });
  }

  private item(written: string, field: BankAccountInput): PaymentItem<BankAccountInput> {
    const { scheme, identifier } = canonical(normaliseBankAccount(field));
    const key = `${scheme}:${identifier}`;
    return identifier.startsWith('email:') ? { written, field, key, email: identifier.slice('email:'.length) } : { written, field, key };
  }
}
