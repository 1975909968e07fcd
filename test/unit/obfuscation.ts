import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from '../../src/ingest/normalise/phone.js';

/**
 * Ways scammers write a callback number so filters miss it (issue 14), as composable parts of
 * one style. Rendering a number in a style keeps its digits, so an extractor must find the
 * same E.164 whatever the style: the metamorphic relation the tests and the stats check.
 */
export interface NumberStyle {
  /** National form (trunk 0) where the number is the message's region's, else international. */
  readonly form: 'national' | 'international' | 'leading-one';
  /** Regroup the digits in groups of this size (0 keeps the printed grouping). */
  readonly groupSize: 0 | 2 | 3 | 4;
  readonly separator: string;
  /** Bracket one group: its index (modulo the group count) and the bracket pair. */
  readonly bracket: { readonly group: number; readonly pair: readonly [string, string] } | null;
  /** Digits spaced one by one inside groups ("8 8 8 - 5 5 5"). */
  readonly spacedDigits: boolean;
  /** Replace 0 by O/o and 1 by l/I at these digit positions (modulo), at most a third of them. */
  readonly lookalikes: readonly number[];
  /** Write the digits in another script. */
  readonly script: 'ascii' | 'fullwidth' | 'arabic-indic' | 'devanagari' | 'math-bold';
  /** Insert one invisible character after these digit positions (modulo). */
  readonly invisibles: readonly number[];
  readonly invisible: string;
  /** Break the number across a line between two groups. */
  readonly lineBreak: boolean;
}

export const SEPARATORS = [
  ' ',
  '.',
  '-',
  '\u2013',
  '\u2014',
  ' \u2013 ',
  ' - ',
  '_',
  '/',
  '\u2022',
  '\u00B7',
  '|',
  ' | ',
  '\u25A3',
  '\u2605',
  ' \u2605 ',
  '\u00AE',
  '\u2706',
  '  ',
  '. ',
  '\u21A0',
  '\u2726',
] as const;
export const BRACKETS = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['<', '>'],
] as const;
export const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u00AD', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u202A'] as const;
const SCRIPT_ZERO: Record<Exclude<NumberStyle['script'], 'ascii'>, number> = {
  fullwidth: 0xff10,
  'arabic-indic': 0x0660,
  devanagari: 0x0966,
  'math-bold': 0x1d7ce,
};

/** The plain style: the number as libphonenumber prints it. */
export const PLAIN: NumberStyle = {
  form: 'national',
  groupSize: 0,
  separator: ' ',
  bracket: null,
  spacedDigits: false,
  lookalikes: [],
  script: 'ascii',
  invisibles: [],
  invisible: '\u200B',
  lineBreak: false,
};

export const numberStyle: fc.Arbitrary<NumberStyle> = fc.record({
  form: fc.constantFrom('national', 'international', 'leading-one'),
  groupSize: fc.constantFrom(0, 2, 3, 4),
  separator: fc.constantFrom(...SEPARATORS),
  bracket: fc.option(fc.record({ group: fc.nat(5), pair: fc.constantFrom(...BRACKETS) }), { nil: null }),
  spacedDigits: fc.boolean(),
  lookalikes: fc.array(fc.nat(20), { maxLength: 3 }),
  script: fc.constantFrom('ascii', 'fullwidth', 'arabic-indic', 'devanagari', 'math-bold'),
  invisibles: fc.array(fc.nat(20), { maxLength: 3 }),
  invisible: fc.constantFrom(...INVISIBLES),
  lineBreak: fc.boolean(),
});

/**
 * How a number may be linked instead of written: each link carries the number as the
 * linking app expects it.
 */
export const LINK_FORMS = {
  'tel-link': (e164: string) => `tel:${e164}`,
  'sms-link': (e164: string) => `sms:${e164}?body=HELP`,
  'whatsapp-link': (e164: string) => `https://wa.me/${e164.slice(1)}`,
  'whatsapp-api-link': (e164: string) => `https://api.whatsapp.com/send?phone=${e164.slice(1)}&text=Hi`,
  'viber-link': (e164: string) => `viber://chat?number=%2B${e164.slice(1)}`,
} as const;
export type LinkForm = keyof typeof LINK_FORMS;

/** The number `e164` written in `style`, for a message read in `region`. */
export function renderNumber(e164: string, region: CountryCode, style: NumberStyle): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) throw new Error(`not a number: ${e164}`);
  const northAmerican = parsed.countryCallingCode === '1';
  const form =
    style.form === 'national' && parsed.country !== region
      ? 'international'
      : style.form === 'leading-one' && !northAmerican
        ? 'international'
        : style.form;
  const printed = form === 'national' ? parsed.formatNational() : parsed.formatInternational();
  let groups = printed
    .replace(/^\+\d+\s*/, '')
    .split(/[^\d]+/)
    .filter((group) => group !== '');
  if (style.groupSize > 0) groups = regroup(groups.join(''), style.groupSize);
  let digitIndex = 0;
  const lookalikes = new Set(style.lookalikes.slice(0, Math.floor(groups.join('').length / 3)));
  const invisibles = new Set(style.invisibles);
  const total = groups.join('').length;
  const rendered = groups.map((group, index) => {
    const digits = [...group].map((digit) => {
      const position = digitIndex++;
      // A lone last group written "I" is the pronoun to a reader ("… 603 I between 10am-9pm"), and
      // to the extractor (digit-runs.ts, tailIsDigits): there a 1 is written as "l".
      const loneLast = index === groups.length - 1 && group.length === 1 && !style.spacedDigits;
      let char = lookalikes.has(position % total) ? lookalike(digit, loneLast ? 0 : position) : writeDigit(digit, style.script);
      if (invisibles.has(position % total) && position < total - 1) char += style.invisible;
      return char;
    });
    const body = digits.join(style.spacedDigits ? ' ' : '');
    const bracketed = style.bracket && style.bracket.group % groups.length === index;
    return bracketed ? `${style.bracket!.pair[0]}${body}${style.bracket!.pair[1]}` : body;
  });
  const breakAt = style.lineBreak && rendered.length > 1 ? Math.floor(rendered.length / 2) : -1;
  const joined = rendered
    .map((group, index) => (index === breakAt ? `\n${group}` : index === 0 ? group : `${style.separator}${group}`))
    .join('');
  const prefix =
    form === 'national' ? '' : form === 'leading-one' ? `1${style.separator}` : `+${parsed.countryCallingCode}${style.separator}`;
  return `${prefix}${joined}`;
}

function regroup(digits: string, size: number): string[] {
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += size) groups.push(digits.slice(i, i + size));
  return groups;
}

function lookalike(digit: string, position: number): string {
  if (digit === '0') return position % 2 === 0 ? 'O' : 'o';
  if (digit === '1') return position % 2 === 0 ? 'l' : 'I';
  return digit;
}

function writeDigit(digit: string, script: NumberStyle['script']): string {
  return script === 'ascii' ? digit : String.fromCodePoint(SCRIPT_ZERO[script] + Number(digit));
}

/**
 * `text` with every place a callback is written replaced by `replacement(e164)`, padded with a
 * space where it would touch a letter or digit. Null when a callback's writing is not in the
 * text or is not plain digits (a vanity number or a link keeps its own form).
 */
export function rewriteCallbacks(
  text: string,
  callbacks: ReadonlyArray<{ readonly e164: string; readonly written: string }>,
  replacement: (e164: string) => string,
): string | null {
  let rewritten = text;
  for (const { e164, written } of callbacks) {
    if (!/^[+\d\s().\-/]+$/.test(written) || !rewritten.includes(written)) return null;
    rewritten = rewritten
      .split(written)
      .map((part, index, parts) => {
        if (index === parts.length - 1) return part;
        const next = parts[index + 1] ?? '';
        const before = /[\p{L}\p{N}]$/u.test(part) ? ' ' : '';
        const after = /^[\p{L}\p{N}]/u.test(next) ? ' ' : '';
        return `${part}${before}${replacement(e164)}${after}`;
      })
      .join('');
  }
  return rewritten;
}
