import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface PhaseMemory {
  readonly phase: string;
  /** Highest resident memory seen per watched process while the phase ran, in MiB. */
  readonly rssMiB: Readonly<Record<string, number>>;
  /** Highest JVM heap seen while the phase ran (phases that ask for it), in MiB. */
  readonly neo4jHeap?: HeapMiB;
  /** Load average (1 minute) when the phase ended: the machine is shared. */
  readonly loadAverage: number;
}

export interface MemoryFigures {
  readonly phases: readonly PhaseMemory[];
  /** The kernel's own high-water mark (VmHWM) per process over the whole run: no sampling can miss it. */
  readonly peakMiB: Readonly<Record<string, number>>;
}

/** The Neo4j JVM's heap: all in use (garbage not yet collected included), and the old generation's part. */
export interface HeapMiB {
  readonly inUse: number;
  readonly oldGeneration: number;
}

/** The heap of the Neo4j JVM in bytes, asked over Bolt. */
export type HeapProbe = () => Promise<{ inUse: number; oldGeneration: number }>;

const MIB = 2 ** 20;

/** A line of /proc/<pid>/status ("VmRSS:   123456 kB") in MiB; 0 when the process or the line is gone. */
export function procStatusMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of the watched processes (the API, the peer server, the Neo4j JVM)
 * twice a second, keeping the peak of each per phase; in phases that ask, also the JVM's heap in
 * use, which unlike its resident size falls again when a phase's garbage is collected.
 */
export class MemorySampler {
  private readonly pids = new Map<string, number>();
  private readonly phases: PhaseMemory[] = [];
  private current: { phase: string; rss: Record<string, number>; heap?: { inUse: number; oldGeneration: number } };
  private readonly timer: NodeJS.Timeout;

  constructor(
    pids: Readonly<Record<string, number>>,
    firstPhase: string,
    private readonly heapProbe: HeapProbe,
  ) {
    for (const [name, pid] of Object.entries(pids)) this.pids.set(name, pid);
    this.current = { phase: firstPhase, rss: {} };
    this.timer = setInterval(() => this.sample(), 500);
    this.timer.unref();
  }

  watch(name: string, pid: number): void {
    this.pids.set(name, pid);
  }

  /** Closes the running phase and opens the next one; `heap` samples the JVM heap too (one small query per sample). */
  phase(name: string, options: { heap?: boolean } = {}): void {
    this.close();
    this.current = { phase: name, rss: {}, ...(options.heap ? { heap: { inUse: 0, oldGeneration: 0 } } : {}) };
  }

  stop(): MemoryFigures {
    this.close();
    clearInterval(this.timer);
    return { phases: this.phases, peakMiB: Object.fromEntries([...this.pids].map(([name, pid]) => [name, procStatusMiB(pid, 'VmHWM')])) };
  }

  private sample(): void {
    const current = this.current;
    for (const [name, pid] of this.pids) current.rss[name] = Math.max(current.rss[name] ?? 0, procStatusMiB(pid, 'VmRSS'));
    const heap = current.heap;
    if (heap) {
      this.heapProbe().then(
        ({ inUse, oldGeneration }) => {
          heap.inUse = Math.max(heap.inUse, Math.round(inUse / MIB));
          heap.oldGeneration = Math.max(heap.oldGeneration, Math.round(oldGeneration / MIB));
        },
        () => {}, // a missed sample only thins the series
      );
    }
  }

  private close(): void {
    this.sample();
    const [loadAverage = 0] = os.loadavg();
    const { phase, rss, heap } = this.current;
    this.phases.push({
      phase,
      rssMiB: { ...rss },
      ...(heap ? { neo4jHeap: { ...heap } } : {}),
      loadAverage: Number(loadAverage.toFixed(2)),
    });
  }
}
