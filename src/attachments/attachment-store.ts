import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reading } from './reading.js';
import type { AttachmentKind } from './sniff.js';

/** What is known of a stored attachment, without its bytes: what reports, reviews and packs show. */
export interface AttachmentMeta {
  /** The attachment's id: the SHA-256 of its bytes, in hex. */
  readonly sha256: string;
  readonly kind: AttachmentKind;
  readonly mime: string;
  readonly size: number;
  readonly storedAt: string;
}

export interface StoredAttachment extends AttachmentMeta {
  readonly reading: Reading;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Files stored once each by content: <dir>/<first two hex digits>/<sha256> holds the bytes and
 * <sha256>.json what was read from them. Both are written to a temporary name and renamed into
 * place, the JSON last: a file whose JSON is missing was never stored, so a crash, a refused
 * file or a full disk leaves nothing half-written that a reader would trust.
 */
export class AttachmentStore {
  constructor(private readonly dir: string) {}

  private paths(sha256: string) {
    const folder = join(this.dir, sha256.slice(0, 2));
    return { folder, bytes: join(folder, sha256), meta: join(folder, `${sha256}.json`) };
  }

  async find(sha256: string): Promise<StoredAttachment | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    try {
      return JSON.parse(await readFile(this.paths(sha256).meta, 'utf8')) as StoredAttachment;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async bytes(sha256: string): Promise<Buffer | null> {
    if (!(await this.find(sha256))) return null;
    return readFile(this.paths(sha256).bytes);
  }

  /**
   * Stores bytes whose reading `read` produces from a temporary copy (the reader works on a file,
   * in another process). When `read` throws, the copy is removed and nothing is stored.
   */
  async put(
    bytes: Uint8Array,
    describe: Omit<AttachmentMeta, 'sha256' | 'size' | 'storedAt'>,
    read: (path: string) => Promise<Reading>,
  ): Promise<StoredAttachment> {
    const sha256 = sha256Of(bytes);
    const temporary = join(this.dir, 'incoming');
    await mkdir(temporary, { recursive: true });
    const draft = join(temporary, randomUUID());
    try {
      await writeFile(draft, bytes, { flag: 'wx' });
      const reading = await read(draft);
      const stored: StoredAttachment = { sha256, ...describe, size: bytes.length, storedAt: new Date().toISOString(), reading };
      const { folder, bytes: bytesPath, meta } = this.paths(sha256);
      await mkdir(folder, { recursive: true });
      await rename(draft, bytesPath);
      await writeFile(`${draft}.json`, JSON.stringify(stored), { flag: 'wx' });
      await rename(`${draft}.json`, meta);
      return stored;
    } finally {
      await rm(draft, { force: true });
      await rm(`${draft}.json`, { force: true });
    }
  }
}
