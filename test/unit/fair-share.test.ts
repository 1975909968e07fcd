import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DeadlineExceededError, withDeadline } from '../../src/graph/deadline.js';
import { FairShares, joinLane, takeTurn } from '../../src/graph/fair-share.js';

/** Starts `count` reads in one request's lane and says how many hold their turn at once, at most. */
async function peakTurns(shares: FairShares, key: string, heavy: boolean, count: number, holdMs = 5): Promise<number> {
  let running = 0;
  let peak = 0;
  await shares.run(async () => {
    joinLane(key, heavy);
    await Promise.all(
      Array.from({ length: count }, async () => {
        const done = await takeTurn();
        peak = Math.max(peak, ++running);
        await sleep(holdMs);
        running--;
        done();
      }),
    );
  });
  return peak;
}

describe('fair shares of Neo4j reads', () => {
  it('runs at most perKey reads of one key at once, and every read in the end', async () => {
    expect(await peakTurns(new FairShares({ perKey: 2, heavy: 1 }), 'flooder', false, 12)).toBe(2);
  });

  it('lets another key read while one key has all its turns', async () => {
    const shares = new FairShares({ perKey: 1, heavy: 1 });
    let release = () => {};
    const holding = shares.run(async () => {
      joinLane('flooder', true);
      const done = await takeTurn();
      await new Promise<void>((resolve) => (release = resolve));
      done();
    });
    await sleep(1);
    const analyst = shares.run(async () => {
      joinLane('analyst', false);
      (await takeTurn())();
      return 'read';
    });
    expect(await analyst).toBe('read');
    release();
    await holding;
  });

  it('runs at most `heavy` reads of heavy operations at once, across keys', async () => {
    const shares = new FairShares({ perKey: 4, heavy: 1 });
    const peaks = await Promise.all([peakTurns(shares, 'a', true, 4), peakTurns(shares, 'b', true, 4)]);
    expect(Math.max(...peaks)).toBe(1);
  });

  it('takes no turn outside a request or before its caller is known', async () => {
    const shares = new FairShares({ perKey: 1, heavy: 1 });
    (await takeTurn())();
    await shares.run(async () => {
      const [a, b] = await Promise.all([takeTurn(), takeTurn()]);
      a();
      b();
    });
  });

  it('gives up waiting when the request runs out of time', async () => {
    const shares = new FairShares({ perKey: 1, heavy: 1 });
    await withDeadline(Date.now() + 50, () =>
      shares.run(async () => {
        joinLane('flooder', false);
        const first = await takeTurn();
        await expect(takeTurn()).rejects.toBeInstanceOf(DeadlineExceededError);
        first();
        // The turn given back is free again: the queue kept no stale waiter.
        (await Promise.race([takeTurn(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('stuck')), 20))]))();
      }),
    );
  });
});
