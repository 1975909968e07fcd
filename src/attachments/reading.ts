import type { AttachmentKind } from './sniff.js';

/** Where a piece of text came from: the review names it beside every indicator found in it. */
export type TextOrigin = 'OCR' | 'EMAIL_BODY' | 'EMAIL_SUBJECT' | 'PDF_TEXT' | 'TRANSCRIPT';

export interface ReadText {
  readonly via: TextOrigin;
  readonly text: string;
}

export interface Mailbox {
  readonly address: string;
  readonly name: string;
}

/** One Received header: the host that handed the message on, the host that took it, and the IP seen. */
export interface ReceivedHop {
  readonly from: string | null;
  readonly by: string | null;
  readonly ip: string | null;
}

/** The envelope and header evidence of an email, each field in the role it plays for a reader. */
export interface EmailEvidence {
  /** Shown to the reader and free to forge, like a caller ID. */
  readonly from: Mailbox | null;
  /** Where a reply goes: the address the scammer reads, like a callback number. */
  readonly replyTo: readonly Mailbox[];
  readonly returnPath: string | null;
  /** Newest hop first, as the headers stand; the last is nearest the sender. */
  readonly received: readonly ReceivedHop[];
  /** href targets of the HTML part: where a click goes, whatever the link text says. */
  readonly links: readonly string[];
}

/** What was read from one attachment; kept beside its bytes so a file is read once. */
export interface Reading {
  readonly kind: AttachmentKind;
  readonly texts: readonly ReadText[];
  readonly email: EmailEvidence | null;
  /** PDF pages read, or null. */
  readonly pages: number | null;
}

/** Limits a reader enforces inside its child process (src/attachments/attachment-reader.ts). */
export interface ReadLimits {
  readonly maxPages: number;
  readonly maxParts: number;
}
