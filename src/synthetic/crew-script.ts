import type { Lure, LureStyle } from './lures.data.js';
import type { Random } from './random.js';

/**
 * How one crew writes: for each style it sends in, one lure of the kit dressed its own way (an opening,
 * a sign-off, a few misspellings), kept for every message after. Real blasts read so: one text, only the
 * number, link, amount and reference changing, while another crew of the same story sends another.
 * A script is drawn on its first use of a style; a crew that bought another's kit shares its script.
 */
export class CrewScript {
  private readonly lures = new Map<LureStyle, string>();

  constructor(private readonly random: Random) {}

  /** The script's lure for `style`, placeholders left in, drawn from `fitting` the first time. */
  lure(style: LureStyle, fitting: readonly Lure[]): string {
    let text = this.lures.get(style);
    if (text === undefined) {
      text = this.dress(this.random.pick(fitting).text, style);
      this.lures.set(style, text);
    }
    return text;
  }

  private dress(text: string, style: LureStyle): string {
    const r = this.random;
    let dressed = text;
    // Whole words of the text only, never a placeholder's name ({account}).
    for (const [word, misspelt] of r.sample(MISSPELLINGS, r.int(0, 2)))
      dressed = dressed.replace(new RegExp(`(?<![{\\w])${word}(?![}\\w])`), misspelt);
    const opening = r.pick(OPENINGS[style]);
    const closing = r.pick(CLOSINGS[style]);
    return `${opening}${dressed}${closing}`;
  }
}

/** A crew's scripts over its life: the one it starts with and, for some, a rewrite from a day on. */
export interface Scripting {
  readonly first: CrewScript;
  readonly rewrite: { readonly from: number; readonly script: CrewScript } | null;
  /** Share of the crew's messages sent from its script; the rest use any lure of the kit, undressed. */
  readonly share: number;
}

/** The script a crew sends from at `at` (ms). */
export function scriptAt(scripting: Scripting, at: number): CrewScript {
  return scripting.rewrite && at >= scripting.rewrite.from ? scripting.rewrite.script : scripting.first;
}

const OPENINGS: Readonly<Record<LureStyle, readonly string[]>> = {
  short: ['', '', 'URGENT: ', 'Reminder: ', '[Notice] ', 'Hi, '],
  mail: ['', 'Dear valued customer, ', 'Hello, ', 'Important notice. ', 'Attention: '],
  call: ['', 'Got a call this morning. ', 'Received this today. ', 'Unknown caller. '],
  web: ['', '** SECURITY ALERT ** ', 'Windows Defender warning. ', 'Your session has expired. '],
};

const CLOSINGS: Readonly<Record<LureStyle, readonly string[]>> = {
  short: ['', '', ' Reply STOP to opt out.', ' Do not ignore this message.', ' Thank you.', ' -{brand}', ' Ignore if already paid.'],
  mail: [
    '',
    ' Kind regards, {brand} Customer Care.',
    ' This is an automated message, please do not reply.',
    ' Thank you for your prompt attention.',
    ' Sincerely, the {brand} team.',
  ],
  call: ['', ' They sounded very professional.', ' I hung up.', ' The line had a lot of background noise.', ' They knew my name.'],
  web: ['', ' Do not close this window.', ' Your computer has been blocked.', ' Toll free, 24 hours.'],
};

/** Words crews misspell, as kits passed from hand to hand do: a misspelling marks one crew's copy. */
const MISSPELLINGS: readonly (readonly [string, string])[] = [
  ['account', 'acount'],
  ['address', 'adress'],
  ['immediately', 'immediatly'],
  ['parcel', 'parcell'],
  ['delivery', 'delivary'],
  ['payment', 'paymant'],
  ['suspended', 'suspened'],
  ['details', 'detials'],
  ['receive', 'recieve'],
  ['outstanding', 'outstandng'],
  ['security', 'securty'],
  ['verify', 'verfy'],
  ['urgently', 'urgentley'],
  ['refund', 'refnd'],
];
