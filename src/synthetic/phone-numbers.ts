import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalisePhoneNumber } from '../ingest/normalise/phone.js';
import type { Random } from './random.js';
import { UniqueSerials } from './unique-serials.js';

/** A number as the generator writes it: its E.164 key and the ways people print it. */
export interface PhoneItem {
  readonly e164: string;
  readonly written: readonly string[];
}

interface NumberRange {
  readonly prefixes: readonly string[];
  readonly digits: number;
  readonly weight: number;
}

/**
 * Where callback numbers come from, by weight: AU mobiles first, then 1300/1800 lines, AU
 * landlines (VoIP-backed in practice), AU VoIP, and overseas call centres. libphonenumber's
 * AU VoIP ranges are 0145x and 0147x: the 0550 range is not valid in its metadata, so
 * numbers there would be rejected at ingest.
 */
const CALLBACK_RANGES: readonly NumberRange[] = [
  { prefixes: ['+614'], digits: 8, weight: 40 },
  { prefixes: ['+611800'], digits: 6, weight: 15 },
  { prefixes: ['+611300'], digits: 6, weight: 12 },
  { prefixes: ['+612', '+613', '+617', '+618'], digits: 8, weight: 10 },
  {
    prefixes: [...['0', '4', '5', '8'].map((d) => `+611451${d}`), ...Array.from({ length: 10 }, (_, d) => `+611471${d}`)],
    digits: 4,
    weight: 6,
  },
  { prefixes: ['+447'], digits: 9, weight: 6 },
  { prefixes: ['+1800', '+1833', '+1844', '+1855', '+1866', '+1877', '+1888'], digits: 7, weight: 5 },
  { prefixes: ['+639'], digits: 9, weight: 3 },
  { prefixes: ['+917', '+918', '+919'], digits: 9, weight: 3 },
];
const AU_MOBILES = CALLBACK_RANGES[0] as NumberRange;

/**
 * Mints callback numbers, each valid for libphonenumber's full metadata and never minted
 * twice, and victims' own numbers (random, repeats allowed: they are never indicators).
 */
export class PhoneNumberMint {
  private readonly serials: readonly UniqueSerials[];

  constructor(
    private readonly random: Random,
    private readonly reserved: ReadonlySet<string>,
  ) {
    this.serials = CALLBACK_RANGES.map((range) => new UniqueSerials(range.prefixes.length * 10 ** range.digits, random));
  }

  callback(): PhoneItem {
    const index = this.random.weighted(
      CALLBACK_RANGES.map((_, i) => i),
      CALLBACK_RANGES.map((range) => range.weight),
    );
    return this.mint(CALLBACK_RANGES[index] as NumberRange, this.serials[index] as UniqueSerials);
  }

  /** An AU mobile from the callback space, for PayIDs: a mule's mobile is infrastructure too. */
  mobile(): PhoneItem {
    return this.mint(AU_MOBILES, this.serials[0] as UniqueSerials);
  }

  /** The reader's own mobile, as a scam greets them with it. */
  victim(): string {
    for (;;) {
      const phone = normalisePhoneNumber(`+614${this.random.digits(8)}`);
      if (phone.ok) return writtenForms(phone.value.e164)[0] as string;
    }
  }

  private mint(range: NumberRange, serials: UniqueSerials): PhoneItem {
    for (;;) {
      const serial = serials.next();
      const block = 10 ** range.digits;
      const candidate = `${range.prefixes[Math.floor(serial / block)]}${String(serial % block).padStart(range.digits, '0')}`;
      const phone = normalisePhoneNumber(candidate);
      if (phone.ok && !this.reserved.has(phone.value.e164)) return { e164: phone.value.e164, written: writtenForms(phone.value.e164) };
    }
  }
}

/** "0412 345 678", "0412345678", "+61 412 345 678"; overseas numbers only in international form. */
export function writtenForms(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) throw new Error(`${e164} is not a phone number`);
  const international = parsed.formatInternational();
  if (parsed.country !== 'AU') return [international, e164];
  const national = parsed.formatNational();
  return [national, national.replace(/[\s()]/g, ''), international];
}
