import { AsyncLocalStorage } from 'node:async_hooks';
import { DeadlineExceededError, timeLeft } from './deadline.js';

/**
 * Measured with the flood scenario (scripts/bench/flood-scenario.ts): one key sending aliased
 * checks, neighbourhoods and packs from eight connections ran a hundred and more reads in Neo4j
 * at once, and an analyst's 5 ms read queued behind them for Neo4j's threads and the machine's
 * two cores. Bounding the reads in Neo4j per key, and heavy operations' reads across keys, keeps
 * the queue in this process, on the flooding key's own requests.
 */
export interface ShareLimits {
  /** Reads of one key running in Neo4j at once. */
  readonly perKey: number;
  /** Reads of heavy operations (HEAVY_FROM points and more, evidence downloads) running at once, whoever asks. */
  readonly heavy: number;
}

/** A first-come queue of `size` permits; a waiter gives up when its request's deadline passes. */
class Permits {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  get idle(): boolean {
    return this.running === 0 && this.waiting.length === 0;
  }

  async take(): Promise<void> {
    if (this.running < this.size) {
      this.running++;
      return;
    }
    const left = timeLeft();
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        this.running++;
        resolve();
      };
      const timer =
        left === undefined
          ? undefined
          : setTimeout(() => {
              this.waiting.splice(this.waiting.indexOf(grant), 1);
              reject(new DeadlineExceededError('the request ran out of time waiting for its turn at the database'));
            }, left);
      this.waiting.push(grant);
    });
  }

  give(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}

/** Who a request's reads run for; set once the caller and the operation's cost are known. */
interface Lane {
  readonly shares: FairShares;
  key: string | undefined;
  heavy: boolean;
}

const lanes = new AsyncLocalStorage<Lane>();

/**
 * The read permits of one API process: per key, and for heavy operations. A read outside any
 * request (scripts, migrations, the scheduler) or before its caller is known takes none.
 */
export class FairShares {
  private readonly byKey = new Map<string, Permits>();
  private readonly heavy: Permits;

  constructor(private readonly limits: ShareLimits) {
    this.heavy = new Permits(limits.heavy);
  }

  /** Runs a request's `work` in a lane of these shares; `joinLane` names its caller later. */
  run<T>(work: () => T): T {
    return lanes.run({ shares: this, key: undefined, heavy: false }, work);
  }

  /** Waits for this read's turn; resolves with the function that gives the permits back. */
  async enter(lane: Lane): Promise<() => void> {
    const { key, heavy } = lane;
    if (key === undefined) return () => {};
    let own = this.byKey.get(key);
    if (!own) this.byKey.set(key, (own = new Permits(this.limits.perKey)));
    await own.take();
    if (heavy) {
      try {
        await this.heavy.take();
      } catch (error) {
        this.leave(key, own);
        throw error;
      }
    }
    return () => {
      if (heavy) this.heavy.give();
      this.leave(key, own);
    };
  }

  private leave(key: string, own: Permits): void {
    own.give();
    // A key's queue lives only while it has reads: a map of every key ever seen would only grow.
    if (own.idle) this.byKey.delete(key);
  }
}

/** Names the caller of the current request's reads, and whether its operation is heavy. */
export function joinLane(key: string, heavy: boolean): void {
  const lane = lanes.getStore();
  if (!lane) return;
  lane.key = key;
  lane.heavy = heavy;
}

/** Takes the current request's read permits (none outside a request); call the result when the read is done. */
export async function takeTurn(): Promise<() => void> {
  const lane = lanes.getStore();
  return lane ? lane.shares.enter(lane) : () => {};
}
