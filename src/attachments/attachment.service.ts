import { readInChild, type ReaderSettings } from './attachment-reader.js';
import { AttachmentError } from './attachment-error.js';
import { AttachmentStore, sha256Of, type StoredAttachment } from './attachment-store.js';
import { imageSize } from './image-size.js';
import type { Reading } from './reading.js';
import { sniffAttachment, type AttachmentKind } from './sniff.js';

export interface AttachmentSettings extends ReaderSettings {
  readonly dir: string;
  readonly maxBytes: number;
  readonly maxPixels: number;
}

export interface Upload {
  readonly attachment: StoredAttachment;
  /** True when the same bytes were stored before: nothing was read or written again. */
  readonly duplicate: boolean;
}

/**
 * Takes uploads: checks size, sniffs the type from the bytes, refuses decompression bombs,
 * reads the file once (OCR, PDF text, email headers) and stores it by SHA-256. A refused file
 * answers an AttachmentError and leaves nothing behind.
 */
export class AttachmentService {
  private readonly store: AttachmentStore;

  constructor(
    private readonly settings: AttachmentSettings,
    private readonly reader: (kind: AttachmentKind, path: string, settings: ReaderSettings) => Promise<Reading> = readInChild,
  ) {
    this.store = new AttachmentStore(settings.dir);
  }

  get maxBytes(): number {
    return this.settings.maxBytes;
  }

  async upload(bytes: Uint8Array): Promise<Upload> {
    if (bytes.length > this.settings.maxBytes) {
      throw new AttachmentError('FILE_TOO_LARGE', `the file is larger than ${this.settings.maxBytes} bytes`);
    }
    const known = await this.store.find(sha256Of(bytes));
    if (known) return { attachment: known, duplicate: true };
    const sniffed = await sniffAttachment(bytes);
    if (sniffed.kind === 'IMAGE') this.refuseBomb(bytes, sniffed.mime);
    const attachment = await this.store.put(bytes, sniffed, (path) => this.reader(sniffed.kind, path, this.settings));
    return { attachment, duplicate: false };
  }

  /** The stored attachments with these ids, in order; ATTACHMENT_NOT_FOUND names the first unknown id. */
  async get(ids: readonly string[]): Promise<StoredAttachment[]> {
    const found = await Promise.all(ids.map((id) => this.store.find(id.trim().toLowerCase())));
    const missing = ids.findIndex((_, i) => !found[i]);
    if (missing >= 0)
      throw new AttachmentError(
        'ATTACHMENT_NOT_FOUND',
        `no attachment has the id "${(ids[missing] ?? '').slice(0, 64)}"; upload it first (POST /attachments)`,
      );
    return found as StoredAttachment[];
  }

  bytes(id: string): Promise<Buffer | null> {
    return this.store.bytes(id.trim().toLowerCase());
  }

  private refuseBomb(bytes: Uint8Array, mime: string): void {
    const size = imageSize(bytes, mime);
    if (!size) throw new AttachmentError('UNREADABLE_FILE', `the ${mime} header cannot be read`);
    if (size.width * size.height > this.settings.maxPixels) {
      throw new AttachmentError(
        'IMAGE_TOO_LARGE',
        `the image is ${size.width}x${size.height} pixels; at most ${this.settings.maxPixels} pixels are read`,
      );
    }
  }
}
