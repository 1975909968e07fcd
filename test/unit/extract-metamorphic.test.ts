import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../src/ingest/extraction/extract-indicators.js';
import type { CountryCode } from '../../src/ingest/normalise/phone.js';
import { LINK_FORMS, numberStyle, PLAIN, renderNumber, rewriteCallbacks, type LinkForm } from './obfuscation.js';
import { publishedMessages, type PublishedMessage } from './published-messages.js';

const callbacksOf = (text: string, region: CountryCode) =>
  [
    ...new Set(
      extractIndicators(text, region)
        .phones.filter(({ role }) => role === 'CALLBACK')
        .map(({ e164 }) => e164),
    ),
  ].sort();

/**
 * The metamorphic relation needs a fixed point: messages whose callbacks the extractor finds
 * exactly as labelled, each written plainly enough to be rewritten.
 */
const stable: PublishedMessage[] = publishedMessages().filter((message) => {
  if (message.callbacks.length === 0) return false;
  const expected = [...new Set(message.callbacks.map(({ e164 }) => e164))].sort();
  const plain = rewriteCallbacks(message.text, message.callbacks, (e164) => renderNumber(e164, message.region, PLAIN));
  return plain !== null && JSON.stringify(callbacksOf(message.text, message.region)) === JSON.stringify(expected);
});

/**
 * A message that opens with an international-form number opens with its sender, as handsets
 * print it (phone-context.ts): written that way there, a callback becomes SENDER_ID on purpose.
 */
const opensWithCallback = (message: PublishedMessage) =>
  message.callbacks.some(({ written }) => message.text.trimStart().startsWith(written));

describe('callback numbers are found however they are written (metamorphic, real messages)', () => {
  it('has enough real messages to rewrite', () => {
    expect(stable.length).toBeGreaterThanOrEqual(100);
  });

  it('finds the same callbacks whatever separators, brackets, spacing, letters, scripts, invisibles and line breaks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...stable), numberStyle, (message, style) => {
        fc.pre(style.form === 'national' || !opensWithCallback(message));
        const rewritten = rewriteCallbacks(message.text, message.callbacks, (e164) => renderNumber(e164, message.region, style))!;
        expect(callbacksOf(rewritten, message.region), JSON.stringify(rewritten)).toEqual(callbacksOf(message.text, message.region));
      }),
      { numRuns: 400 },
    );
  });

  it('finds the same callbacks when each style is composed with another for every message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...stable), numberStyle, numberStyle, (message, first, second) => {
        fc.pre((first.form === 'national' && second.form === 'national') || !opensWithCallback(message));
        // Two callbacks of one message in two styles, or one callback written twice.
        let turn = 0;
        const rewritten = rewriteCallbacks(message.text, message.callbacks, (e164) =>
          renderNumber(e164, message.region, turn++ % 2 === 0 ? first : second),
        )!;
        expect(callbacksOf(rewritten, message.region), JSON.stringify(rewritten)).toEqual(callbacksOf(message.text, message.region));
      }),
      { numRuns: 200 },
    );
  });

  it('finds the same callbacks behind tel:, sms:, wa.me, WhatsApp API and Viber links, saying which', () => {
    const forms = Object.keys(LINK_FORMS) as LinkForm[];
    fc.assert(
      fc.property(fc.constantFrom(...stable), fc.constantFrom(...forms), (message, form) => {
        const rewritten = rewriteCallbacks(message.text, message.callbacks, LINK_FORMS[form])!;
        const found = extractIndicators(rewritten, message.region).phones.filter(({ role }) => role === 'CALLBACK');
        expect([...new Set(found.map(({ e164 }) => e164))].sort(), rewritten).toEqual(callbacksOf(message.text, message.region));
        const via = form === 'whatsapp-api-link' ? 'whatsapp-link' : form;
        expect(
          found.every((phone) => phone.via === via),
          rewritten,
        ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
