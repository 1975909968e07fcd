// Class data sharing (CDS) for the Neo4j JVM: the classes a start loads (Neo4j, GDS, APOC: thousands),
// parsed and verified once and mapped from a file at every later start. On this machine a fresh
// server answered in 9.2 to 11.3 s without the archive and 5.8 to 6.3 s with it (docs/configuration.md).
// An archive holds one JVM build's view of one set of jars, so it is named after both: the jars'
// cache directory holds it, and its name carries a hash of the JVM's `release` file. A JVM that
// cannot map it (another build, a changed jar) starts without it, as with -Xshare:auto it always may.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The java a server is started with: JAVA_HOME's, else the first on the PATH. */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** The JVM's installation, from its binary (bin/java in it, often behind links); undefined when not found. */
function javaHome(java: string): string | undefined {
  const candidates = path.isAbsolute(java) ? [java] : (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, java));
  const found = candidates.find((file) => existsSync(file));
  return found ? path.dirname(path.dirname(realpathSync(found))) : undefined;
}

/**
 * Where the archive for this JVM and these jars lives, or undefined when the JVM's build cannot be
 * told (no `release` file): an archive that cannot be matched to its JVM is not made.
 */
export function classArchivePath(cache: string, java = javaCommand()): string | undefined {
  const home = javaHome(java);
  const release = home && path.join(home, 'release');
  if (!release || !existsSync(release)) return undefined;
  const build = createHash('sha256').update(readFileSync(release)).digest('hex').slice(0, 12);
  return path.join(cache, `classes-${build}.jsa`);
}

/** A failed attempt leaves this beside the archive's place, so that every later start does not try again. */
export const failedMarker = (archive: string) => `${archive}.failed`;
