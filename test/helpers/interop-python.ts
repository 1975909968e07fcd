// The peers' own Python tools (test/interop/requirements.txt) for the interop tests. `.ci/run` makes
// the venv before `npm test`; locally a missing venv is made here once (from PyPI), and a machine
// that cannot make it skips the interop tests with the reason, except under CI=true, where they
// must run: a CI that skipped them would pass without checking anything the peers check.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VENV = '.venv-interop';
const PYTHON = join(VENV, 'bin', 'python');

function makeVenv(): string | null {
  try {
    execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'pipe' });
    execFileSync(join(VENV, 'bin', 'pip'), ['install', '-q', '-r', 'test/interop/requirements.txt'], { stdio: 'pipe', timeout: 600_000 });
    return null;
  } catch (error) {
    return `could not make ${VENV} (python3 -m venv, pip install -r test/interop/requirements.txt): ${String(error).slice(0, 300)}`;
  }
}

/** null when the tools are there; otherwise why not (and under CI=true, a thrown error instead). */
export function interopToolsMissing(): string | null {
  const why = existsSync(PYTHON) ? null : makeVenv();
  if (why && process.env['CI'] === 'true') throw new Error(`interop tests cannot run under CI: ${why}`);
  return why;
}

/** Writes each document to a file and runs test/interop/<script> on them, answering its JSON. */
export function runInteropCheck<T>(script: string, documents: readonly string[]): T[] {
  const folder = mkdtempSync(join(tmpdir(), 'scamgraph-interop-'));
  const files = documents.map((document, i) => {
    const file = join(folder, `${i}.json`);
    writeFileSync(file, document);
    return file;
  });
  const output = execFileSync(PYTHON, [join('test', 'interop', script), ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output) as T[];
}
