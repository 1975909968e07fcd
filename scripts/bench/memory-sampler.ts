import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface PhaseMemory {
  readonly phase: string;
  /** Highest resident memory seen while the phase ran, in MiB. */
  readonly apiRssMiB: number;
  readonly neo4jRssMiB: number;
  /** Load average (1 minute) when the phase ended: the machine is shared. */
  readonly loadAverage: number;
}

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
 * Samples the resident memory of this process (the API: runService runs in it) and of the Neo4j
 * JVM twice a second, keeping the peak of each per phase. Peaks over the whole run come from the
 * kernel's own high-water marks (maxRSS, VmHWM), which no sampling can miss.
 */
export class MemorySampler {
  private readonly phases: PhaseMemory[] = [];
  private current: { phase: string; api: number; neo4j: number };
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly neo4jPid: number | undefined,
    firstPhase: string,
  ) {
    this.current = { phase: firstPhase, api: 0, neo4j: 0 };
    this.timer = setInterval(() => this.sample(), 500);
    this.timer.unref();
  }

  /** Closes the running phase and opens the next one. */
  phase(name: string): void {
    this.close();
    this.current = { phase: name, api: 0, neo4j: 0 };
  }

  stop(): { phases: PhaseMemory[]; apiPeakMiB: number; neo4jPeakMiB: number } {
    this.close();
    clearInterval(this.timer);
    return {
      phases: this.phases,
      // maxRSS is in KiB on Linux.
      apiPeakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      neo4jPeakMiB: this.neo4jPid ? procStatusMiB(this.neo4jPid, 'VmHWM') : 0,
    };
  }

  private sample(): void {
    this.current.api = Math.max(this.current.api, Math.round(process.memoryUsage.rss() / MIB));
    if (this.neo4jPid) this.current.neo4j = Math.max(this.current.neo4j, procStatusMiB(this.neo4jPid, 'VmRSS'));
  }

  private close(): void {
    this.sample();
    const [loadAverage = 0] = os.loadavg();
    this.phases.push({ phase: this.current.phase, apiRssMiB: this.current.api, neo4jRssMiB: this.current.neo4j, loadAverage: Number(loadAverage.toFixed(2)) });
  }
}
