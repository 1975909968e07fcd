import type { Random } from './random.js';

export interface PoolEntry<T> {
  readonly item: T;
  /** Reports that used it before the one being composed. */
  uses: number;
}

/**
 * A campaign's live infrastructure of one kind (its numbers, sites, wallets...). Now and then
 * a new item joins and, once the report that introduced it is done, the oldest retires: the
 * rotation real operations go through as numbers get blocked and domains taken down.
 */
export class InfrastructurePool<T> {
  private readonly live: PoolEntry<T>[] = [];

  constructor(
    private readonly maxLive: number,
    private readonly rotateEvery: number,
  ) {}

  /** The entry a report uses: a live one, or a new one from `mint` when the pool is empty or rotates. */
  take(random: Random, mint: () => T): PoolEntry<T> {
    if (this.live.length === 0 || random.chance(1 / this.rotateEvery)) {
      const entry = { item: mint(), uses: 0 };
      this.live.push(entry);
      return entry;
    }
    return random.pick(this.live);
  }

  /** A live entry some earlier report used, if any. */
  established(random: Random): PoolEntry<T> | undefined {
    const used = this.live.filter((entry) => entry.uses > 0);
    return used.length > 0 ? random.pick(used) : undefined;
  }

  /** Ends a report: counts the uses, then retires the oldest beyond the pool's size. */
  commit(used: readonly PoolEntry<T>[]): void {
    for (const entry of used) entry.uses++;
    this.live.splice(0, Math.max(0, this.live.length - this.maxLive));
  }
}
