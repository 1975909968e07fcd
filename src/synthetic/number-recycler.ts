import type { PhoneItem } from './phone-numbers.js';
import type { Random } from './random.js';

interface Dropped {
  readonly phone: PhoneItem;
  readonly campaign: string;
  /** When its operation ended (ms). */
  readonly endedAt: number;
}

/** At most this many dropped numbers wait for reassignment: memory stays flat however long the world runs. */
const KEPT = 2_000;

/**
 * Carriers reassign numbers: a number an operation dropped comes back, months later, as another
 * operation's callback number. `take` hands one out (at `share` of new numbers) only when its
 * operation ended at least `quietDays` before, so the two uses never overlap in time.
 */
export class NumberRecycler {
  private readonly dropped: Dropped[] = [];

  constructor(
    private readonly share: number,
    private readonly quietDays: number,
  ) {}

  /** An ended operation's numbers become available for reassignment. */
  drop(campaign: string, endedAt: number, phones: readonly PhoneItem[]): void {
    for (const phone of phones) this.dropped.push({ phone, campaign, endedAt });
    this.dropped.splice(0, Math.max(0, this.dropped.length - KEPT));
  }

  /** A number quiet long enough at `at`, at `share` of calls; null for a fresh one. */
  take(at: number, random: Random): { phone: PhoneItem; campaign: string } | null {
    if (this.share <= 0 || !random.chance(this.share)) return null;
    const ready = this.dropped.findIndex((entry) => entry.endedAt <= at - this.quietDays * 86_400_000);
    if (ready < 0) return null;
    const [entry] = this.dropped.splice(ready, 1) as [Dropped];
    return { phone: entry.phone, campaign: entry.campaign };
  }
}
