import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/** Every file under `dir`, however deep. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);

// bin/compile-cache.js: where Node can keep compiled code between runs (22.1 and later), each command does. CI runs
// this tier on Node 24 too; on Node 20 there is nothing to check.
describe.runIf(typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function')('the commands', () => {
  it('leave their compiled code in the temporary folder for the next run', { timeout: 60_000 }, async () => {
    const temporary = mkdtempSync(path.join(tmpdir(), 'scamgraph-compile-cache-'));
    const env = { ...process.env, TMPDIR: temporary, NODE_COMPILE_CACHE: '' };
    // Usage, exit 2: the command loads its modules and writes nothing else.
    try {
      const run = promisify(execFile)(process.execPath, [path.join(root, 'bin/scamgraph.js'), 'no-such-command'], { cwd: root, env });
      await expect(run).rejects.toMatchObject({ code: 2 });
      expect(filesUnder(path.join(temporary, 'node-compile-cache')).length).toBeGreaterThan(0);
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
  });
});
