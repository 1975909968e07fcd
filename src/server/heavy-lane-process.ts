// The heavy-lane process (forked by heavy-lane.ts): a scamgraph API on a loopback port, serving the
// parent's heavy queries only (its requests carry a token). It stops when the parent disconnects or
// exits, so it never outlives the server that started it.
import { runService, type RunningService } from '../main.js';
import type { LaneReady, LaneStart, LaneWarm, LaneWarmed } from './heavy-lane.js';

let service: RunningService | null = null;
let stopping = false;
let warming = false;

async function stop(): Promise<never> {
  if (!stopping) {
    stopping = true;
    await service?.stop().catch(() => {});
  }
  process.exit(0);
}

/**
 * Draws a campaign once serving, and whenever the parent asks (after a detection run), off any
 * request's path: the first analyst's search then finds the code compiled (lane-warm-up.ts). One at a
 * time: a warm-up asked for during another adds nothing. The parent logs how it went.
 */
function warmUp(): void {
  if (!service || warming || stopping) return;
  warming = true;
  // A callback: a parent gone meanwhile is no 'error' event here.
  const tell = (message: LaneWarmed) => process.connected && process.send?.(message, () => {});
  service
    .warmUpLane()
    .then(
      (warmedUp) => tell({ warmedUp }),
      (error: unknown) => tell({ warmUpFailed: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => (warming = false));
}

process.once('message', (start: LaneStart) => {
  runService(start.config, start.uri).then(
    (running) => {
      service = running;
      process.send?.({ url: running.url } satisfies LaneReady);
      warmUp();
    },
    (error: unknown) => {
      process.send?.({ error: error instanceof Error ? error.message : String(error) } satisfies LaneReady, () => process.exit(1));
    },
  );
});
process.on('message', (message: LaneStart | LaneWarm) => 'warm' in message && warmUp());
process.on('disconnect', () => void stop());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
