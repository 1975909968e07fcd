import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttachmentError } from '../../src/attachments/attachment-error.js';
import { imageSize } from '../../src/attachments/image-size.js';
import { sniffAttachment } from '../../src/attachments/sniff.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/attachments');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe('sniffAttachment', () => {
  it('knows each fixture by its bytes', async () => {
    expect(await sniffAttachment(fixture('sms-commbank.png'))).toEqual({ kind: 'IMAGE', mime: 'image/png' });
    expect(await sniffAttachment(fixture('invoice-norton.pdf'))).toEqual({ kind: 'PDF', mime: 'application/pdf' });
    expect(await sniffAttachment(fixture('phishing-commbank.eml'))).toEqual({ kind: 'EMAIL', mime: 'message/rfc822' });
    expect(await sniffAttachment(new TextEncoder().encode('Voicemail: this is the ATO, call 02 9999 0000 now.\n'))).toEqual({
      kind: 'TEXT',
      mime: 'text/plain',
    });
  });

  it('answers a kind or a coded refusal for any bytes, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        try {
          expect(['IMAGE', 'EMAIL', 'PDF', 'TEXT']).toContain((await sniffAttachment(bytes)).kind);
        } catch (error) {
          expect(error).toBeInstanceOf(AttachmentError);
          expect(['EMPTY_FILE', 'UNSUPPORTED_TYPE']).toContain((error as AttachmentError).code);
        }
      }),
    );
  });
});

describe('imageSize', () => {
  it('reads a PNG header without decoding', () => {
    expect(imageSize(fixture('sms-commbank.png'), 'image/png')).toEqual({ width: 390, height: 520 });
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('image/png', 'image/jpeg', 'image/webp'), (bytes, mime) => {
        const size = imageSize(bytes, mime);
        expect(size === null || (Number.isInteger(size.width) && Number.isInteger(size.height))).toBe(true);
      }),
    );
  });
});

describe('readers without a network', () => {
  // A network namespace of its own (root, unshare -n): no interface is up, so any download fails.
  const offline = (kind: string, name: string) =>
    JSON.parse(
      execFileSync(
        'unshare',
        ['-n', process.execPath, '--import', 'tsx', join(import.meta.dirname, '../helpers/read-offline.ts'), kind, join(FIXTURES, name)],
        {
          encoding: 'utf8',
          timeout: 240_000,
        },
      ),
    );

  it('OCR reads the screenshot from the installed English model', { timeout: 250_000 }, () => {
    const { offline: noNetwork, reading } = offline('IMAGE', 'sms-commbank.png');
    expect(noNetwork).toBe(true);
    expect(reading.texts[0]).toMatchObject({ via: 'OCR', text: expect.stringMatching(/call our fraud team now on 1300\s+555 123/) });
  });

  it('PDF text and email headers need no network either', { timeout: 250_000 }, () => {
    expect(offline('PDF', 'invoice-norton.pdf').reading.texts[0].text).toContain('+1 (808) 555-0147');
    expect(offline('EMAIL', 'phishing-commbank.eml').reading.email).toMatchObject({
      from: { address: 'security@commbank.com.au' },
      replyTo: [{ address: 'commbank.fraud.team@gmail.com' }],
      links: ['https://commbank-verify-login.com/netbank'],
    });
  });
});
