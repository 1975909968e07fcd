// Whether dist/ holds a build of the sources in front of us: shared by `npm start` and `scamgraph`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stamp = path.join(root, 'dist', '.build-stamp');
/** What the build reads; cypher/ is read at run time from the checkout, never built. */
const INPUTS = ['src', 'scripts', 'explorer', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(entry) {
  const stats = statSync(entry, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce(
    (latest, name) => (name === 'node_modules' ? latest : Math.max(latest, newest(path.join(entry, name)))),
    stats.mtimeMs,
  );
}

/** The build is newer than every source (an installed copy without sources counts as built). */
export function buildIsFresh() {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  return built > 0 && Math.max(...INPUTS.map((input) => newest(path.join(root, input)))) <= built;
}

/** Runs `npm run build`; exits the process with the build's status when it fails. */
export function build(reason) {
  process.stderr.write(`scamgraph: ${reason}; building\n`);
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // The stamp takes the time the build started: a source saved during the build triggers the next one.
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
}
