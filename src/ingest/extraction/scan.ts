import { foldCompatibilityCharsWithOffsets } from '../normalise/compatibility-fold.js';

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * One message being scanned: its folded text (full-width and other look-alike characters
 * read as ASCII, one unit per character so offsets map back), and the spans already taken
 * by an indicator, so a later finder never reads digits inside a URL, wallet or IBAN as a
 * phone number, nor a URL's "user@host" as an email address.
 */
export class Scan {
  readonly text: string;
  /** Undefined when the text is ASCII and offsets map to themselves. */
  private readonly sourceIndex: readonly number[] | undefined;
  private readonly taken: Array<readonly [number, number]> = [];

  constructor(private readonly original: string) {
    // Plain ASCII folds to itself: no copy, and offsets are the original's.
    if (ASCII_ONLY.test(original)) {
      this.text = original;
      this.sourceIndex = undefined;
      return;
    }
    const folded = foldCompatibilityCharsWithOffsets(original);
    this.text = folded.text;
    this.sourceIndex = folded.sourceIndex;
  }

  /** The text is plain ASCII (then cheaper patterns may stand in for Unicode ones). */
  get isAscii(): boolean {
    return this.sourceIndex === undefined;
  }

  /** The original text behind [start, end) of the folded text. */
  raw(start: number, end: number): string {
    if (!this.sourceIndex) return this.original.slice(start, end);
    const from = this.sourceIndex[start] ?? this.original.length;
    const to = this.sourceIndex[end] ?? this.original.length;
    return this.original.slice(from, to);
  }

  isFree(start: number, end: number): boolean {
    return this.taken.every(([takenStart, takenEnd]) => end <= takenStart || start >= takenEnd);
  }

  take(start: number, end: number): void {
    this.taken.push([start, end]);
  }

  /** Matches of a global regex over the folded text that overlap nothing taken. */
  *freeMatches(pattern: RegExp, text: string = this.text): Generator<RegExpExecArray> {
    for (const match of text.matchAll(pattern)) {
      if (this.isFree(match.index, match.index + match[0].length)) yield match;
    }
  }
}
