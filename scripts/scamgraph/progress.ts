import cliProgress from 'cli-progress';

/** A progress bar on stderr; off the terminal (CI, pipes, tests) it draws nothing. */
export function progressBar(format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    { format: `{bar} {percentage}% | ${format} | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, fps: 4, etaBuffer: 40 },
    cliProgress.Presets.shades_classic,
  );
}

/** Items per second since `startedAt` (performance.now()). */
export function ratePerSecond(count: number, startedAt: number): number {
  const seconds = (performance.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(count / seconds) : 0;
}
