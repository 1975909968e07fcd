/**
 * Stretches of text that may hold phone numbers, however the digits are separated: the digits
 * with where each one sits, and the places where a number may begin or end (between groups).
 * One pass over the text, constant work per character: a 100 KB line of digits costs what
 * 100 KB of prose costs.
 */

import { lookalikeDigit } from '../normalise/compatibility-fold.js';

/** Digits with their offsets, grouped as written ("0412 345 678": cuts at 0, 4, 7, 10). */
export interface DigitRun {
  /** Cuts that a "+" stands before ("+61", "+ 1"), with the offset of that "+". */
  readonly plusAt: ReadonlyMap<number, number>;
  readonly digits: string;
  /** The text offset of each digit; a digit is one UTF-16 unit in folded text. */
  readonly at: readonly number[];
  /** Digit indices where a number may start or end, ascending, from 0 to digits.length. */
  readonly cuts: readonly number[];
  /** The last digit touches a price or time unit ("08700621170150p", "0871...£1.50"). */
  readonly gluedToUnit: boolean;
  /**
   * Digits up to the last group with a real digit: what follows is look-alike letters alone
   * ("1300 555 123 II"), read only when the number is not whole without them; all digits when
   * those letters are the number's own (RunBuilder.tailIsDigits).
   */
  readonly solidEnd: number;
}

/**
 * How many separator characters may stand between two groups of one number (" - ", " ▣ ",
 * ") – (", ">}} {{<"). Joining too much costs nothing: numbers are read from group cuts and
 * must be valid, so two numbers in one run still come out as two.
 */
const MAX_GAP = 8;
/** A number may be broken across one line break, not two. */
const MAX_LINE_BREAKS = 1;
/** Longer runs are data (a list of IDs, a hash), not numbers: nothing is read from them. */
const MAX_RUN_DIGITS = 64;
/** Lone look-alike letters standing as a group ("1-8OO-555-O199" has "O199"; "OO" alone is rare). */
const MAX_BARE_LOOKALIKES = 3;

const enum Kind {
  Hard,
  Separator,
  Invisible,
  LineBreak,
  Plus,
  Word,
}

const ASCII_KIND: Kind[] = Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (/[A-Za-z0-9]/.test(char)) return Kind.Word;
  if (char === '\n') return Kind.LineBreak;
  if (char === '+') return Kind.Plus;
  if (char === '\r') return Kind.Invisible;
  // "!" and "@" too: "+!+833@+!+743". A run they join wrongly still has to read as valid numbers.
  if (/[ \t\f\v.\-_/\\()[\]{}<>|~*'=^`!@]/.test(char)) return Kind.Separator;
  return Kind.Hard;
});
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/**
 * Anything else people put between digit groups: dashes, bullets, spaces of every width,
 * symbols and pictographs (▣, ★, ®, ✆, 📞). Commas, colons, quotes and currency signs are not.
 */
const SEPARATOR = /[\p{Zs}\p{Pd}\p{Po}\p{So}\p{Sk}\p{Sm}\u00B7\u2022\u2023\u2027\u2219\u25CF\u25E6\u2043\u2212\u2044\u2215\u2024]/u;
const LINE_BREAK = /[\u0085\u2028\u2029]/u;

function kindOf(text: string, index: number): Kind {
  if (index >= text.length) return Kind.Hard;
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_KIND[code] ?? Kind.Hard;
  const char = String.fromCodePoint(text.codePointAt(index) ?? code);
  if (WORD_CHAR.test(char)) return Kind.Word;
  if (LINE_BREAK.test(char)) return Kind.LineBreak;
  return SEPARATOR.test(char) ? Kind.Separator : Kind.Hard;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
/**
 * "08700621170150p", "087123002209am", "0906...ppm", "087187262701.50gbp": a number run into
 * its price or hours, whose last digits may belong to the price.
 */
const UNIT_AFTER = /^(?:p|ppm|am|pm|min|mins)(?![\p{L}])|^[£$€]|^[.,]\d{2}(?!\d)/u;

class RunBuilder {
  digits = '';
  at: number[] = [];
  cuts: number[] = [0];
  plusAt = new Map<number, number>();
  letters = 0;
  gluedToUnit = false;
  solidEnd = 0;
  /** Length of the last group with a real digit, and the look-alike-only groups after it, as written. */
  lastSolidLength = 0;
  tail: string[] = [];

  /** Past MAX_RUN_DIGITS the run is data: nothing more is kept, and nothing is read from it. */
  overflow = false;

  addGroup(digits: string, offsets: readonly number[], lookalikes = 0, bare = false, plusAt = -1, written = digits): void {
    if (this.overflow || (bare && this.digits === '')) return;
    if (this.digits.length + digits.length > MAX_RUN_DIGITS) {
      this.overflow = true;
      return;
    }
    if (plusAt >= 0 && !bare) this.plusAt.set(this.digits.length, plusAt);
    this.digits += digits;
    for (const offset of offsets) this.at.push(offset);
    this.cuts.push(this.digits.length);
    this.letters += lookalikes;
    if (!bare) {
      this.solidEnd = this.digits.length;
      this.lastSolidLength = digits.length;
      this.tail = [];
    } else {
      this.tail.push(written);
    }
  }

  /**
   * Whether the look-alike groups after the last real digit are the number's own: spaced one by
   * one like the digits before them ("0 8 0 0 0 9 6 6 3 8 O"), or one lone O, o or l closing it
   * ("800 298 889 o"), which is no word. A lone I stays out, as the pronoun it usually is
   * ("0412 345 678 I will"): where it stands for 1 the number is read without it.
   */
  private tailIsDigits(): boolean {
    const spaced = this.lastSolidLength === 1 && this.tail.every((group) => group.length === 1);
    const loneDigit = this.tail.length === 1 && /^[Ool]$/.test(this.tail[0]!);
    return this.tail.length > 0 && (spaced || loneDigit);
  }

  /**
   * The run, if it can hold a number. A trailing look-alike group stays ("... 7 8 7 o." ends
   * in 0; "0412 345 678 I will" reads as 04123456781, invalid, then 0412345678).
   */
  finish(): DigitRun | undefined {
    const real = this.digits.length - this.letters;
    if (this.overflow || this.digits.length < 6 || real < 2 * this.letters) return undefined;
    const { plusAt, digits, at, cuts, gluedToUnit } = this;
    return { plusAt, digits, at, cuts, gluedToUnit, solidEnd: this.tailIsDigits() ? digits.length : this.solidEnd };
  }
}

/** Every digit run of `text` (folded: one UTF-16 unit per digit), in order. */
export function* digitRuns(text: string): Generator<DigitRun> {
  let run: RunBuilder | undefined;
  let gap = 0;
  let lineBreaks = 0;
  let plusAt = -1;
  let spacedStart = false;
  const close = function* (): Generator<DigitRun> {
    const done = run?.finish();
    run = undefined;
    if (done) yield done;
  };
  const alone = function* (part: DigitStretch): Generator<DigitRun> {
    run = new RunBuilder();
    run.addGroup(part.digits, part.offsets);
    run.gluedToUnit = true;
    yield* close();
  };

  let i = 0;
  while (i < text.length) {
    if (!run) {
      // Between runs, jump to the next digit: prose costs one regex scan, not a loop.
      const next = nextRunStart(text, i);
      if (next === undefined) break;
      ({ at: i, plusAt, spaced: spacedStart } = next);
      gap = 0;
      lineBreaks = 0;
    }
    const kind = kindOf(text, i);
    if (kind !== Kind.Word) {
      const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
      if (kind === Kind.Separator) gap++;
      else if (kind === Kind.LineBreak) lineBreaks++;
      else if (kind === Kind.Plus) {
        // "+61 ..." or, inside a run, a "+" used as decoration ("+!+833@+!+743"): either way
        // the next group may begin an international number.
        plusAt = i;
        gap = 0;
      } else if (kind === Kind.Hard) {
        yield* close();
        plusAt = -1;
      }
      if (run && (gap > MAX_GAP || lineBreaks > MAX_LINE_BREAKS)) yield* close();
      if (plusAt >= 0 && (gap > 2 || lineBreaks > 0)) plusAt = -1;
      i += width;
      continue;
    }

    let end = i;
    while (end < text.length && kindOf(text, end) === Kind.Word) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
    const token = readToken(text, i, end);
    if (token.kind === 'word') {
      // "8375までご連絡": digits opening a word in a script written without spaces end the
      // run they continue ("50gbp", "2nd", "24hrs" are a price, an ordinal, hours); digits
      // closing a word ("Tel0412") open one; long stretches inside ("call09061701461now")
      // stand alone.
      const { leading, inside, trailing } = token;
      const latinAfter = leading !== undefined && /[A-Za-z]/.test(text[leading.offsets.at(-1)! + 1] ?? '');
      if (leading && run && !latinAfter) {
        run.addGroup(leading.digits, leading.offsets, 0, false, plusAt);
        run.gluedToUnit = true;
        yield* close();
      } else if (leading && leading.digits.length >= MIN_GLUED_DIGITS) yield* alone(leading);
      yield* close();
      for (const part of inside) yield* alone(part);
      if (trailing) {
        run = new RunBuilder();
        run.addGroup(trailing.digits, trailing.offsets);
      }
      plusAt = -1;
    } else {
      if (!run) {
        if (token.bare && !spacedStart) {
          i = end;
          gap = 0;
          continue;
        }
        run = new RunBuilder();
      }
      run.addGroup(token.digits, token.offsets, token.lookalikes, token.bare && run.digits !== '', plusAt, text.slice(i, end));
      spacedStart = false;
      run.gluedToUnit = UNIT_AFTER.test(text.slice(end, end + 4));
      plusAt = -1;
    }
    gap = 0;
    lineBreaks = 0;
    i = end;
  }
  yield* close();
}

const DIGIT = /\d/g;

/**
 * Where the next run may begin: the start of the token holding the next digit (look-alike
 * letters before it, as in "O4l2", belong to it), and a "+" up to two separators before it.
 */
function nextRunStart(text: string, from: number): { at: number; plusAt: number; spaced: boolean } | undefined {
  DIGIT.lastIndex = from;
  const digit = DIGIT.exec(text);
  if (!digit) return undefined;
  let at = digit.index;
  while (at > from && kindOf(text, at - 1) === Kind.Word) at--;
  const spacedLetter = spacedLookalikeBefore(text, from, at);
  if (spacedLetter !== undefined) at = spacedLetter;
  let before = at;
  for (let separators = 0; before > from && separators <= 2 && kindOf(text, before - 1) === Kind.Separator; separators++) before--;
  const plusAt = before > from && text[before - 1] === '+' ? before - 1 : -1;
  return { at, plusAt, spaced: spacedLetter !== undefined };
}

interface DigitStretch {
  readonly digits: string;
  readonly offsets: number[];
}

/**
 * "l 3 2 2 2 1": in digits spaced one by one, a lone look-alike letter just before is the
 * first digit. Only there: "I 0412 ..." keeps its pronoun.
 */
function spacedLookalikeBefore(text: string, from: number, at: number): number | undefined {
  if (kindOf(text, at + 1) === Kind.Word) return undefined;
  let before = at;
  for (let separators = 0; before > from && separators < 2 && kindOf(text, before - 1) === Kind.Separator; separators++) before--;
  const letter = before - 1;
  if (before === at || letter < from || lookalikeDigit(text[letter]!) === undefined) return undefined;
  return letter > 0 && kindOf(text, letter - 1) === Kind.Word ? undefined : letter;
}

type Token =
  | { kind: 'group'; digits: string; offsets: number[]; lookalikes: number; bare: boolean }
  | { kind: 'word'; leading: DigitStretch | undefined; inside: DigitStretch[]; trailing: DigitStretch | undefined };

/** Digits glued to letters on both sides stand alone only when they are this many. */
const MIN_GLUED_DIGITS = 7;

/**
 * A letters-and-digits token: a digit group ("0412", or "O4l2" with look-alike letters and at
 * least one real digit, or a lone look-alike group such as "O" or "OO" between groups), or a
 * word with its digit stretches: the one it opens with, the one it ends with, and those inside.
 */
function readToken(text: string, start: number, end: number): Token {
  let digits = '';
  const offsets: number[] = [];
  let lookalikes = 0;
  let isGroup = true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      digits += text[i];
      offsets.push(i);
      continue;
    }
    const digit = lookalikeDigit(text[i]!);
    if (digit === undefined) {
      isGroup = false;
      break;
    }
    digits += digit;
    offsets.push(i);
    lookalikes++;
  }
  const real = digits.length - lookalikes;
  if (isGroup && real > 0 && lookalikes <= real + 1) return { kind: 'group', digits, offsets, lookalikes, bare: false };
  if (isGroup && real === 0 && lookalikes <= MAX_BARE_LOOKALIKES) return { kind: 'group', digits, offsets, lookalikes, bare: true };
  return wordToken(text, start, end);
}

function wordToken(text: string, start: number, end: number): Token {
  const stretches: Array<DigitStretch & { from: number; to: number }> = [];
  let i = start;
  while (i < end) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    stretches.push({ digits: text.slice(from, i), offsets: Array.from({ length: i - from }, (_, k) => from + k), from, to: i });
  }
  const leading = stretches[0]?.from === start ? stretches.shift() : undefined;
  const trailing = stretches.at(-1)?.to === end ? stretches.pop() : undefined;
  return { kind: 'word', leading, inside: stretches.filter((part) => part.digits.length >= MIN_GLUED_DIGITS), trailing };
}
