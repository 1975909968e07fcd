/**
 * Progress on stderr with rate and ETA: redrawn in place on a terminal, one line every ten
 * seconds (or as asked) otherwise (a log file, CI), so a long run always shows it is moving.
 */
export class ProgressLine {
  private readonly startedAt = performance.now();
  private lastDrawn = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = 'reports',
    /** Off a terminal, at most one line this often. */
    private readonly lineEveryMs = 10_000,
  ) {}

  /** `detail` follows the figures (an import's accepted, duplicate and rejected counts). */
  update(done: number, detail = ''): void {
    const now = performance.now();
    const interval = process.stderr.isTTY ? 250 : this.lineEveryMs;
    if (now - this.lastDrawn < interval && done < this.total) return;
    this.lastDrawn = now;
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.round((this.total - done) / rate) : 0;
    const line = `${this.label}: ${done.toLocaleString('en-AU')}/${this.total.toLocaleString('en-AU')} ${this.unit}, ${Math.round(rate)}/s, ETA ${eta} s${detail ? ` | ${detail}` : ''}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
  }

  /** Ends the line; the caller logs the figure it measured. */
  done(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}
