// The heavy-lane process (forked by heavy-lane.ts): a scamgraph API on a loopback port, serving the
// parent's heavy queries only (its requests carry a token). It stops when the parent disconnects or
// exits, so it never outlives the server that started it.
import { runService, type RunningService } from '../main.js';
import type { LaneReady, LaneStart } from './heavy-lane.js';

let service: RunningService | null = null;
let stopping = false;

async function stop(): Promise<never> {
  if (!stopping) {
    stopping = true;
    await service?.stop().catch(() => {});
  }
  process.exit(0);
}

process.once('message', (start: LaneStart) => {
  runService(start.config, start.uri).then(
    (running) => {
      service = running;
      process.send?.({ url: running.url } satisfies LaneReady);
    },
    (error: unknown) => {
      process.send?.({ error: error instanceof Error ? error.message : String(error) } satisfies LaneReady, () => process.exit(1));
    },
  );
});
process.on('disconnect', () => void stop());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
