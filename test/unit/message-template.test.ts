import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageTemplate } from '../../src/ingest/normalise/message-template.js';
import { publishedMessages } from './published-messages.js';

/** What changes from one victim's message to the next: numbers however written, links (defanged too), addresses, amounts, references. */
const variable = fc.oneof(
  fc.stringMatching(/^\+?[0-9][0-9 ()-]{6,16}[0-9]$/),
  fc.stringMatching(/^(https?:\/\/)?[a-z0-9-]{1,12}\.(com|top|app|com\.au)(\/[a-z0-9]{1,6})?$/),
  fc.stringMatching(/^hxxps?:\/\/[a-z-]{1,12}\[\.\](com|top)$/),
  fc.stringMatching(/^[a-z]{2,10}\[\.\](com|xyz)$/),
  fc.stringMatching(/^[a-z.]{1,10}@[a-z]{1,8}\.(com|net)$/),
  fc.stringMatching(/^\$[0-9]{1,4}(,[0-9]{3})?\.[0-9]{2}$/),
  fc.stringMatching(/^[A-Z]{2}-[0-9]{6}$/),
);
const word = fc.stringMatching(/^[A-Za-z][a-z']{1,9}[,.!?]?$/);
/** A script: words with slots in between, at least six words. */
const script = fc
  .array(fc.oneof(word, word, fc.constant(null)), { minLength: 8, maxLength: 30 })
  .filter((parts) => parts.filter((part) => part !== null).length >= 6);
const sent = (parts: readonly (string | null)[], fill: () => string) => parts.map((part) => part ?? fill()).join(' ');

describe('messageTemplate', () => {
  it('gives one template to one script sent with other numbers, links, addresses, amounts and references', () => {
    fc.assert(
      fc.property(
        script,
        fc.array(variable, { minLength: 30, maxLength: 30 }),
        fc.array(variable, { minLength: 30, maxLength: 30 }),
        (parts, one, other) => {
          const [a, b] = [one[Symbol.iterator](), other[Symbol.iterator]()];
          const template = messageTemplate(sent(parts, () => a.next().value as string));
          expect(template).not.toBeNull();
          expect(messageTemplate(sent(parts, () => b.next().value as string))).toBe(template);
        },
      ),
    );
  });

  it('reads past case, spacing, punctuation and look-alike characters', () => {
    fc.assert(
      fc.property(script, (parts) => {
        const text = sent(parts, () => '0412 345 678');
        const shouted = `  ${text.toUpperCase().replace(/ /g, '\n\t ')} `;
        expect(messageTemplate(shouted)).toBe(messageTemplate(text));
      }),
    );
    expect(messageTemplate('Ｙｏｕｒ parcel is held at our depot, call now')).toBe(
      messageTemplate('Your parcel is held at our depot. Call now!'),
    );
  });

  it('tells a rewritten script apart: one word changed is another template', () => {
    fc.assert(
      fc.property(script, fc.nat(), word, (parts, at, replacement) => {
        const words = parts.flatMap((part, i) => (part === null ? [] : [i]));
        const i = words[at % words.length] as number;
        // Another word by its letters: a template keeps letters only, so "o''" for "o'" changes nothing (found by this property).
        const letters = (text: string) => text.replace(/[^a-z]/gi, '').toLowerCase();
        fc.pre(letters(replacement) !== letters(parts[i] ?? ''));
        const rewritten = parts.map((part, j) => (j === i ? replacement : part));
        expect(messageTemplate(sent(rewritten, () => '1300 000 000'))).not.toBe(messageTemplate(sent(parts, () => '1300 000 000')));
      }),
    );
  });

  it("gives two crews' messages of one story two templates, and one crew's messages one", () => {
    // Australia Post parcel texts as published in warnings: one kit, two crews' copies.
    const crewA = (link: string) =>
      `AusPost: Your parcel could not be delivered due to an incomplete address. Update your details at ${link}`;
    const crewB = (link: string) => `[Notice] AusPost: your parcell is held at our depot. A redelivery fee of $3.50 is due: ${link}`;
    expect(messageTemplate(crewA('https://auspost-redelivery.com/a1'))).toBe(messageTemplate(crewA('hxxps://au-post-help[.]top/x')));
    expect(messageTemplate(crewB('https://ausp0st.info/p'))).toBe(messageTemplate(crewB('auspost-fee[.]com')));
    expect(messageTemplate(crewA('https://a.com'))).not.toBe(messageTemplate(crewB('https://a.com')));
  });

  it('has none for no text, or too few words to tell a crew by', () => {
    expect(messageTemplate(null)).toBeNull();
    expect(messageTemplate('')).toBeNull();
    expect(messageTemplate('Call 1300 975 707 now please')).toBeNull();
  });

  it('gives the published messages (test/fixtures/published) one template per text, except one kit sent twice with other numbers', () => {
    const byTemplate = new Map<string, string[]>();
    for (const { id, text } of publishedMessages()) {
      const template = messageTemplate(text);
      if (template) byTemplate.set(template, [...(byTemplate.get(template) ?? []), id]);
    }
    const shared = [...byTemplate.values()].filter((ids) => ids.length > 1);
    expect(byTemplate.size).toBeGreaterThan(300);
    // The UK "secret admirer" premium-rate SMS, quoted twice in one spam corpus with two callback numbers.
    expect(shared).toHaveLength(1);
    const texts = publishedMessages()
      .filter(({ id }) => shared[0]?.includes(id))
      .map(({ text }) => text);
    for (const text of texts) expect(text).toMatch(/secret admirer/i);
  });
});
