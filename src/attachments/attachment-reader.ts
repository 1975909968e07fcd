import { fork } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AttachmentError, type AttachmentErrorCode } from './attachment-error.js';
import type { ReadLimits, Reading } from './reading.js';
import type { AttachmentKind } from './sniff.js';

export interface ReaderSettings extends ReadLimits {
  readonly timeoutMs: number;
  readonly memoryMb: number;
}

type Answer = { ok: true; reading: Reading } | { ok: false; code: AttachmentErrorCode; message: string };

/** Running from src/ (tsx, vitest), the child needs tsx to load TypeScript; from dist/ it is plain JavaScript. */
const here = fileURLToPath(import.meta.url);
const CHILD = here.replace(/attachment-reader\.(ts|js)$/, `reader-process${extname(here)}`);
const LOADER = extname(here) === '.ts' ? ['--import', 'tsx'] : [];

/**
 * Reads a stored file in a child process with a heap limit and a deadline: a parser that hangs,
 * spins or runs out of memory is killed and answers READ_TIMEOUT or UNREADABLE_FILE, and the
 * server goes on. One process per file: nothing a hostile file did survives it.
 */
export function readInChild(kind: AttachmentKind, path: string, settings: ReaderSettings): Promise<Reading> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: [...LOADER, `--max-old-space-size=${settings.memoryMb}`],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
    });
    let answered = false;
    const finish = (outcome: () => void) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new AttachmentError('READ_TIMEOUT', `reading the file took longer than ${settings.timeoutMs} ms`))),
      settings.timeoutMs,
    );
    child.once('message', (answer: Answer) =>
      finish(() => (answer.ok ? resolve(answer.reading) : reject(new AttachmentError(answer.code, answer.message)))),
    );
    child.once('error', (error) =>
      finish(() => reject(new AttachmentError('UNREADABLE_FILE', `the reader could not start: ${error.message.slice(0, 64)}`))),
    );
    child.once('exit', (code, signal) =>
      finish(() =>
        reject(
          new AttachmentError(
            'UNREADABLE_FILE',
            `the reader stopped (${signal ?? `exit ${code}`}): the file may need more memory than allowed`,
          ),
        ),
      ),
    );
    child.send({ kind, path, limits: { maxPages: settings.maxPages, maxParts: settings.maxParts } });
  });
}
