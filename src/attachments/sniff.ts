import { fileTypeFromBuffer } from 'file-type';
import { AttachmentError } from './attachment-error.js';

export type AttachmentKind = 'IMAGE' | 'EMAIL' | 'PDF' | 'TEXT';

export interface Sniffed {
  readonly kind: AttachmentKind;
  readonly mime: string;
}

const BINARY_TYPES: Readonly<Record<string, AttachmentKind>> = {
  'image/png': 'IMAGE',
  'image/jpeg': 'IMAGE',
  'image/webp': 'IMAGE',
  'application/pdf': 'PDF',
};

/** An RFC 5322 message starts with header fields; these are the ones a received email carries. */
const EMAIL_HEADER = /^(received|return-path|from|to|subject|date|message-id|mime-version|reply-to|delivered-to|dkim-signature|x-[\w-]+):/i;
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:|^[ \t]/;

/**
 * What a file is, from its bytes alone (a name or a declared type can lie): PNG, JPEG and WebP
 * images and PDFs by their signatures (file-type); text that is valid UTF-8 without control
 * characters is an email when it opens with header fields and a blank line, else a transcript.
 * Anything else is UNSUPPORTED_TYPE, naming what the bytes look like.
 */
export async function sniffAttachment(bytes: Uint8Array): Promise<Sniffed> {
  if (bytes.length === 0) throw new AttachmentError('EMPTY_FILE', 'the file is empty');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const kind = BINARY_TYPES[detected.mime];
    if (kind) return { kind, mime: detected.mime };
    throw new AttachmentError(
      'UNSUPPORTED_TYPE',
      `the bytes are ${detected.mime}; send a PNG, JPEG or WebP image, a PDF, an email (.eml) or plain text`,
    );
  }
  const text = utf8(bytes);
  if (text === null) throw new AttachmentError('UNSUPPORTED_TYPE', 'the bytes are neither a known file type nor UTF-8 text');
  return looksLikeEmail(text) ? { kind: 'EMAIL', mime: 'message/rfc822' } : { kind: 'TEXT', mime: 'text/plain' };
}

/** The text, or null for bytes that are not UTF-8 or hold control characters other than tab, CR, LF and form feed. */
function utf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** Header lines up to the first blank line, at least two of them fields an email carries. */
function looksLikeEmail(text: string): boolean {
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = text.slice(0, end).split(/\r?\n/);
  return lines.every((line) => HEADER_LINE.test(line)) && lines.filter((line) => EMAIL_HEADER.test(line)).length >= 2;
}
