import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classArchivePath } from '../../scripts/neo4j/class-archive.js';

/** A JVM installation as Debian lays one out: bin/java in it, and its `release` file, unless left out. */
function fakeJvm(release: string | null): string {
  const home = mkdtempSync(path.join(tmpdir(), 'scamgraph-jvm-'));
  mkdirSync(path.join(home, 'bin'));
  writeFileSync(path.join(home, 'bin', 'java'), '');
  if (release !== null) writeFileSync(path.join(home, 'release'), release);
  return home;
}

// An archive mapped by another JVM build is refused by it, so each build gets one of its own (scripts/neo4j/class-archive.ts).
describe('the class archive of a JVM', () => {
  afterEach(() => vi.unstubAllEnvs());
  const jdk17 = 'JAVA_VERSION="17.0.17"\nJAVA_RUNTIME_VERSION="17.0.17+10-Debian-1deb12u1"\n';

  it("lives in the jars' cache, named after the build in its release file", () => {
    const one = classArchivePath('/cache', path.join(fakeJvm(jdk17), 'bin', 'java'));
    expect(one).toMatch(/^\/cache\/classes-[0-9a-f]{12}\.jsa$/);
    expect(classArchivePath('/cache', path.join(fakeJvm(jdk17), 'bin', 'java'))).toBe(one);
    expect(classArchivePath('/cache', path.join(fakeJvm(jdk17.replace('1deb12u1', '1deb12u2')), 'bin', 'java'))).not.toBe(one);
  });

  it('is found for a java on the PATH behind a link, as /usr/bin/java is, and for JAVA_HOME', () => {
    const home = fakeJvm(jdk17);
    const linked = mkdtempSync(path.join(tmpdir(), 'scamgraph-path-'));
    symlinkSync(path.join(home, 'bin', 'java'), path.join(linked, 'java'));
    vi.stubEnv('PATH', `/nowhere${path.delimiter}${linked}`);
    const direct = classArchivePath('/cache', path.join(home, 'bin', 'java'));
    expect(classArchivePath('/cache', 'java')).toBe(direct);
    vi.stubEnv('JAVA_HOME', home);
    expect(classArchivePath('/cache')).toBe(direct);
  });

  it('is not made for a JVM whose build cannot be told, or a java that is not there', () => {
    expect(classArchivePath('/cache', path.join(fakeJvm(null), 'bin', 'java'))).toBeUndefined();
    vi.stubEnv('PATH', '/nowhere');
    expect(classArchivePath('/cache', 'java')).toBeUndefined();
  });
});
