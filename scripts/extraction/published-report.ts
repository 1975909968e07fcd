// Precision and recall of callback numbers over the published scam messages
// (test/fixtures/published), per split, source kind and file, and per obfuscation class (each
// class applied alone to every message whose callbacks are written plainly), for every finder
// of the run side by side.
import type { CountryCode } from '../../src/ingest/normalise/phone.js';
import {
  BRACKETS,
  INVISIBLES,
  LINK_FORMS,
  PLAIN,
  renderNumber,
  rewriteCallbacks,
  SEPARATORS,
  type NumberStyle,
} from '../../test/unit/obfuscation.js';
import { compareCallbacks, scoreCallbacks, type PublishedMessage, type Score } from '../../test/unit/published-messages.js';
import type { CallbackFinder } from './callback-finders.js';

type Table = (headers: readonly string[], rows: readonly (readonly string[])[]) => string;

const pr = ({ precision, recall }: Score) => `${precision.toFixed(3)} / ${recall.toFixed(3)}`;

/** Obfuscation classes, each one change from the plain writing. */
const CLASSES: ReadonlyArray<{ name: string; style: Partial<NumberStyle> }> = [
  { name: 'plain (as libphonenumber prints it)', style: {} },
  ...SEPARATORS.map((separator) => ({ name: `separator ${JSON.stringify(separator)}`, style: { separator } })),
  ...BRACKETS.map((pair) => ({ name: `group in ${pair.join('')}`, style: { bracket: { group: 1, pair } } })),
  { name: 'regrouped in pairs', style: { groupSize: 2 as const } },
  { name: 'digits spaced one by one', style: { spacedDigits: true } },
  { name: 'look-alike letters (O, o, l, I)', style: { lookalikes: [1, 4, 7] } },
  ...(['fullwidth', 'arabic-indic', 'devanagari', 'math-bold'] as const).map((script) => ({ name: `${script} digits`, style: { script } })),
  ...INVISIBLES.map((invisible) => ({
    name: `invisible U+${invisible.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} inside`,
    style: { invisible, invisibles: [2, 5] },
  })),
  { name: 'broken across a line', style: { lineBreak: true } },
  { name: 'international form (+CC)', style: { form: 'international' as const } },
  { name: 'North American 1 written apart', style: { form: 'leading-one' as const } },
];

export function publishedSections(messages: readonly PublishedMessage[], finders: readonly CallbackFinder[], table: Table): string[] {
  const lines: string[] = [];
  const byGroup = (title: string, groups: ReadonlyArray<[string, readonly PublishedMessage[]]>) => {
    lines.push(`### ${title}`, '');
    lines.push(
      table(
        ['group', 'messages', 'callbacks', ...finders.map(({ name }) => `${name} P / R`)],
        groups.map(([name, group]) => [
          name,
          String(group.length),
          String(group.reduce((sum, { callbacks }) => sum + new Set(callbacks.map(({ e164 }) => e164)).size, 0)),
          ...finders.map((finder) => pr(scoreCallbacks(group, finder.find))),
        ]),
      ),
      '',
    );
  };
  const groupsOf = (key: (message: PublishedMessage) => string) =>
    [...new Set(messages.map(key))]
      .sort()
      .map((name) => [name, messages.filter((message) => key(message) === name)] as [string, PublishedMessage[]]);

  lines.push(`## Callback numbers in ${messages.length} published scam messages`, '');
  lines.push(
    'Real messages quoted on public pages (test/fixtures/published/README.md), labelled by reading them. ' +
      '**held-out** messages (a fixed hash of the id) were never looked at while the extractor was tuned; ' +
      'P / R is precision / recall of callback numbers, micro-averaged.',
    '',
  );
  byGroup('By split', [
    ['dev', messages.filter(({ split }) => split === 'dev')],
    ['held-out', messages.filter(({ split }) => split === 'held-out')],
    ['all', messages],
  ]);
  byGroup(
    'By origin',
    groupsOf(({ source }) =>
      /Spam Collection/.test(source.publisher) ? 'UCI SMS collection (also in test/fixtures/data)' : 'public pages',
    ),
  );
  byGroup(
    'By kind of source',
    groupsOf(({ source }) => source.kind),
  );
  byGroup(
    'By file',
    groupsOf(({ file }) => file),
  );
  byGroup(
    'By region',
    groupsOf(({ region }) => region),
  );

  lines.push('### By obfuscation class', '');
  lines.push(
    'Each class rewrites every plainly written callback of every message in that one way; the rest of the message is unchanged.',
    '',
  );
  const rewritable = messages.filter((message) => message.callbacks.length > 0 && rewrite(message, PLAIN) !== null);
  const rows = [
    ...CLASSES.map(
      ({ name, style }) => [name, rewritable.map((message) => ({ ...message, text: rewrite(message, { ...PLAIN, ...style })! }))] as const,
    ),
    ...Object.entries(LINK_FORMS).map(
      ([form, link]) =>
        [
          `link ${form}`,
          rewritable.map((message) => ({ ...message, text: rewriteCallbacks(message.text, message.callbacks, link)! })),
        ] as const,
    ),
  ];
  lines.push(
    table(
      ['class', 'messages', ...finders.map(({ name }) => `${name} P / R`)],
      rows.map(([name, rewritten]) => [
        name,
        String(rewritten.length),
        ...finders.map((finder) => pr(scoreCallbacks(rewritten, finder.find))),
      ]),
    ),
    '',
  );

  const current = finders[0]!;
  const wrong = messages.filter((message) => {
    const { missed, invented } = compareCallbacks(
      message.callbacks.map(({ e164 }) => e164),
      current.find(message.text, message.region),
    );
    return missed.length + invented.length > 0;
  });
  lines.push(`### Where ${current.name} and the labels disagree (${wrong.length} messages)`, '');
  for (const message of wrong) {
    const { missed, invented } = compareCallbacks(
      message.callbacks.map(({ e164 }) => e164),
      current.find(message.text, message.region),
    );
    lines.push(
      `- ${message.id} (${message.split}, ${message.region}): missed ${missed.join(', ') || '-'}; invented ${invented.join(', ') || '-'}`,
    );
  }
  lines.push('');
  return lines;
}

function rewrite(message: PublishedMessage, style: NumberStyle): string | null {
  return rewriteCallbacks(message.text, message.callbacks, (e164) => renderNumber(e164, message.region as CountryCode, style));
}
