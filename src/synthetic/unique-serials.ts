import type { Random } from './random.js';

/**
 * Hands out every value of [0, size) at most once, in an order drawn from the seed
 * (k ↦ a·k + b mod size with a coprime to size). Uniqueness costs no memory: the generator
 * never has to remember what it minted to avoid minting it again, so two campaigns never
 * share a number, domain or account by accident.
 */
export class UniqueSerials {
  private taken = 0n;
  private readonly size: bigint;
  private readonly step: bigint;
  private readonly offset: bigint;

  constructor(size: number, random: Random) {
    this.size = BigInt(size);
    let step = BigInt(Math.floor(size * (0.3 + 0.4 * random.next())));
    while (gcd(step, this.size) !== 1n) step += 1n;
    this.step = step;
    this.offset = BigInt(Math.floor(size * random.next()));
  }

  /** The next value never handed out before; throws when all `size` values are used. */
  next(): number {
    if (this.taken >= this.size) throw new Error(`all ${this.size} unique values are used; the world is too large for this space`);
    const value = (this.step * this.taken + this.offset) % this.size;
    this.taken += 1n;
    return Number(value);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));
/** How many distinct four-syllable tags exist (70^4, about 24 million). */
export const SYLLABLE_TAGS = SYLLABLES.length ** 4;

/** "kazotemu": a pronounceable tag for a serial, the way kit-made scam domains carry one. */
export function syllableTag(serial: number): string {
  let tag = '';
  for (let rest = serial, i = 0; i < 4; i++, rest = Math.floor(rest / SYLLABLES.length)) {
    tag += SYLLABLES[rest % SYLLABLES.length];
  }
  return tag;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fixed-width base-62 code, as URL shorteners print them. */
export function base62(serial: number, width: number): string {
  let code = '';
  for (let rest = serial, i = 0; i < width; i++, rest = Math.floor(rest / 62)) code = BASE62[rest % 62] + code;
  return code;
}
