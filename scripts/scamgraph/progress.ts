import cliProgress from 'cli-progress';

/**
 * Progress on stderr with rate and ETA, drawn by cli-progress: redrawn in place on a terminal, and
 * off one (a log file, CI, a test reading stderr) one line every `lineEveryMs`, so a long run always
 * shows it is moving. One form for the import command, the generator and the bench.
 */
export class ProgressLine {
  private readonly bar: cliProgress.SingleBar;
  private started = false;

  constructor(
    label: string,
    private readonly total: number,
    unit = 'reports',
    lineEveryMs = 10_000,
  ) {
    const startedAt = Date.now();
    const count = (n: number) => n.toLocaleString('en-AU');
    this.bar = new cliProgress.SingleBar({
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: lineEveryMs,
      fps: 4,
      hideCursor: process.stderr.isTTY,
      // Rate and ETA over the whole run: cli-progress's own ETA is over its last few updates only.
      format: (_options, { value, total: of }, { detail }) => {
        const seconds = (Date.now() - startedAt) / 1000;
        const rate = seconds > 0 ? value / seconds : 0;
        const eta = rate > 0 ? Math.round((of - value) / rate) : 0;
        return `${label}: ${count(value)}/${count(of)} ${unit}, ${Math.round(rate)}/s, ETA ${eta} s${detail ? ` | ${String(detail)}` : ''}`;
      },
    });
  }

  /** `detail` follows the figures (an import's accepted, duplicate and rejected counts). */
  update(done: number, detail = ''): void {
    // The first figures start the bar, so no line without them (an import's counts come with its first batch).
    if (this.started) this.bar.update(done, { detail });
    else this.bar.start(this.total, done, { detail });
    this.started = true;
  }

  /** Draws the last figures and ends the line; the caller logs the figure it measured. */
  done(): void {
    if (this.started) this.bar.stop();
  }
}

/** Items per second since `startedAt` (performance.now()). */
export function ratePerSecond(count: number, startedAt: number): number {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(count / seconds) : 0;
}
