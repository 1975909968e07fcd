// The peers' own Python tools (test/interop/requirements.txt) for the interop tests. `.ci/run` makes
// the venv before `npm test`; locally a missing venv is made here once (from PyPI), and a machine
// that cannot make it skips the interop tests with the reason, except under CI=true, where they
// must run: a CI that skipped them would pass without checking anything the peers check.
import { execFile, execFileSync } from 'node:child_process';
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

function writeDocuments(documents: readonly string[]): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'scamgraph-interop-'));
  return documents.map((document, i) => {
    const file = join(folder, `${i}.json`);
    writeFileSync(file, document);
    return file;
  });
}

const OUTPUT = { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 } as const;

/** Writes each document to a file and runs test/interop/<script> on them, answering its JSON. */
export function runInteropCheck<T>(script: string, documents: readonly string[]): T[] {
  return JSON.parse(execFileSync(PYTHON, [join('test', 'interop', script), ...writeDocuments(documents)], OUTPUT)) as T[];
}

/**
 * runInteropCheck for a script that calls back into this process (a client of the test's server):
 * run without blocking the event loop, which must answer it meanwhile.
 */
export async function runInteropClient<T>(script: string, documents: readonly string[]): Promise<T[]> {
  const output = await new Promise<string>((resolve, reject) =>
    execFile(PYTHON, [join('test', 'interop', script), ...writeDocuments(documents)], OUTPUT, (error, stdout, stderr) =>
      error ? reject(new Error(`${script} failed: ${stderr.slice(-2000)}`)) : resolve(stdout),
    ),
  );
  return JSON.parse(output) as T[];
}

/** What test/interop/check_stix.py finds in one bundle. */
export interface StixCheck {
  file: string;
  objects: number;
  errors: string[];
  warnings: { id: string | null; code: string | null; message: string }[];
  parseError: string | null;
  extensionProblems: string[];
}

/**
 * The only validator warnings a pack may give, each with its reason (README, "Interchange"): 103
 * ("not a valid UUIDv4 ID") on the objects whose ids are name-based on purpose, so the same graph
 * exports the same bundle and a peer updates an object rather than duplicating it (OpenCTI names
 * its own SDOs with UUIDv5 the same way), and on OpenCTI's observable types, which are SCOs and so
 * UUIDv5 as STIX asks of SCOs, but which the validator does not know for SCOs.
 */
const EXPLAINED_WARNINGS: Readonly<Record<string, readonly string[]>> = {
  '103': ['bundle', 'identity', 'campaign', 'report', 'relationship', 'indicator', 'phone-number', 'cryptocurrency-wallet', 'bank-account'],
};
export const unexplained = (check: StixCheck) =>
  check.warnings.filter((warning) => !EXPLAINED_WARNINGS[warning.code ?? '']?.includes(String(warning.id).split('--')[0] ?? ''));
