import { readFile } from 'node:fs/promises';
import { AttachmentError } from './attachment-error.js';
import { readAttachment } from './read-attachment.js';
import type { ReadLimits } from './reading.js';
import type { AttachmentKind } from './sniff.js';

/**
 * The child process that reads one attachment (forked by attachment-reader.ts): OCR, PDF and
 * email parsers run here, away from the server's event loop, under a heap limit and a deadline
 * the parent enforces by killing the process. It reads the file, answers once and exits.
 */
process.once('message', async (job: { kind: AttachmentKind; path: string; limits: ReadLimits }) => {
  try {
    const reading = await readAttachment(job.kind, await readFile(job.path), job.limits);
    process.send?.({ ok: true, reading }, () => process.exit(0));
  } catch (error) {
    const refused = error instanceof AttachmentError;
    const message = refused ? error.message : `the file cannot be read: ${String((error as Error)?.message ?? error).slice(0, 64)}`;
    process.send?.({ ok: false, code: refused ? error.code : 'UNREADABLE_FILE', message }, () => process.exit(0));
  }
});
