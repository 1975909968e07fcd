import { recognise } from './ocr.js';
import { readEmail } from './read-email.js';
import { readPdf } from './read-pdf.js';
import type { ReadLimits, Reading } from './reading.js';
import type { AttachmentKind } from './sniff.js';

/** Reads one sniffed attachment with the library for its kind. Runs in the reader's child process. */
export async function readAttachment(kind: AttachmentKind, bytes: Uint8Array, limits: ReadLimits): Promise<Reading> {
  switch (kind) {
    case 'IMAGE': {
      const text = (await recognise(bytes)).trim();
      return { kind, texts: text ? [{ via: 'OCR', text }] : [], email: null, pages: null };
    }
    case 'PDF': {
      const { text, pages } = await readPdf(bytes, limits.maxPages);
      return { kind, texts: text.trim() ? [{ via: 'PDF_TEXT', text }] : [], email: null, pages };
    }
    case 'EMAIL': {
      const { texts, email } = await readEmail(bytes, limits.maxParts);
      return { kind, texts, email, pages: null };
    }
    case 'TEXT':
      return { kind, texts: [{ via: 'TRANSCRIPT', text: new TextDecoder().decode(bytes) }], email: null, pages: null };
    default:
      return kind satisfies never;
  }
}
