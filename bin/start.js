#!/usr/bin/env node
// `npm start`: builds only when a source changed since the last build, then serves in this very
// process, so a signal npm forwards reaches the server itself (no shell or second node between).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, 'dist', '.build-stamp');
/** What the build reads; cypher/ is read at run time from the checkout, never built. */
const INPUTS = ['src', 'scripts', 'explorer', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(entry) {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((latest, name) => (name === 'node_modules' ? latest : Math.max(latest, newest(path.join(entry, name)))), stats.mtimeMs);
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...INPUTS.map((input) => newest(path.join(root, input))));
if (changed > built) {
  process.stderr.write(`scamgraph: ${built ? 'sources changed since the last build' : 'no build yet'}; building\n`);
  const started = Date.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // The stamp takes the time the build started: a source saved during the build triggers the next one.
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
} else {
  process.stderr.write('scamgraph: build up to date\n');
}
await import(pathToFileURL(path.join(root, 'dist', 'scripts', 'start.js')).href);
