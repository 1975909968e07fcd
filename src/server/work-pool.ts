/**
 * A fixed number of slots for heavy operations (evidence packs, wide neighbourhoods, many
 * checks), shared by every key: heavy work queues for a slot while cheap reads never wait, so an
 * analyst's lookup always finds a database connection and an event-loop turn.
 */
export class WorkPool {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly slots: number) {}

  /** Resolves with a release function once a slot is free; false when `waitMs` passed first. */
  async acquire(waitMs: number): Promise<(() => void) | false> {
    if (this.running < this.slots) {
      this.running++;
      return this.releaser();
    }
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        this.running++;
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        resolve(false);
      }, waitMs);
      this.waiting.push(grant);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }
}
