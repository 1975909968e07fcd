import type { GraphExecutor } from '../graph/executor.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** A holder that dies keeps the lock this long at most; a live run renews it before every step. */
const LEASE_SECONDS = 15 * 60;
const POLL_MS = 500;

/**
 * The database half of "never two runs at once": a lock node every API process shares
 * (the in-process half is CampaignDetector sharing its running promise).
 */
export class DetectionLock {
  constructor(private readonly graph: GraphExecutor) {}

  /**
   * Takes the lock for `holder`, polling for up to `waitMs` while another holds it.
   * `minIdleSeconds` (scheduled runs) also refuses when a run finished that recently.
   */
  async acquire(holder: string, waitMs: number, minIdleSeconds: number | null = null): Promise<boolean> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (await this.tryAcquire(holder, minIdleSeconds)) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await sleep(Math.min(POLL_MS, left));
    }
  }

  /** Extends the lease; throws when the lease ran out and another process took the lock. */
  async renew(holder: string): Promise<void> {
    if (!(await this.tryAcquire(holder, null))) {
      throw new Error(`campaign detection run ${holder} lost its lock to another process (lease ${LEASE_SECONDS} s ran out)`);
    }
  }

  async release(holder: string): Promise<void> {
    await this.graph.write('campaigns/release-detection-lock', { holder });
  }

  private async tryAcquire(holder: string, minIdleSeconds: number | null): Promise<boolean> {
    const [row] = await this.graph.write('campaigns/acquire-detection-lock', { holder, leaseSeconds: LEASE_SECONDS, minIdleSeconds });
    return row?.['acquired'] === true;
  }
}
