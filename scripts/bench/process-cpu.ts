import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user and system) a process has used so far, from /proc: the API server and the
 * Neo4j JVM are processes of their own, and what each spends per report is where the limit lies.
 */
export function cpuSeconds(pid: number): number {
  return cpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) / TICKS_PER_SECOND;
}

/** User and system ticks of a /proc stat line. */
function cpuTicks(stat: string): number {
  // The command name may hold spaces and parentheses: fields are counted after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * CPU seconds a JVM's JIT compiler threads ("C1 CompilerThre...", "C2 CompilerThre..." in /proc) have used so
 * far: the share of Neo4j's CPU that is compiling its code rather than running statements, charged to
 * whichever work runs while a JVM just started is still warming up.
 */
export function jitCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      if (!/^C[12] Compiler/.test(readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8'))) continue;
      ticks += cpuTicks(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8'));
    } catch {
      // The thread ended meanwhile: the JVM may stop a compiler thread as its queue shrinks, and the thread's time
      // goes with it, so a difference of two readings can fall short (since() counts no less than nothing).
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * What a reading (CPU seconds so far) has grown by since this call, never less than nothing: a thread gone takes its
 * time with it (jitCpuSeconds).
 */
export function since(read: () => number): () => number {
  const start = read();
  return () => Math.max(read() - start, 0);
}

/** CPU seconds of this very process so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
