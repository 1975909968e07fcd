import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { GraphExecutor } from '../../src/graph/executor.js';
import { AlertDispatcher } from '../../src/monitoring/alert-dispatcher.js';

/** Counts the dispatcher's claims; finds nothing to deliver, so no webhook is sent. */
function countingGraph() {
  const calls: string[] = [];
  const graph = {
    writeAs: async (name: string) => {
      calls.push(name);
      return [];
    },
    write: async (name: string) => {
      calls.push(name);
    },
  } as unknown as GraphExecutor;
  return { graph, calls };
}

const settings = { pollMs: 60_000, timeoutMs: 1_000, maxAttempts: 3, retryBaseMs: 100, allowedHosts: [] };

describe('the alert dispatcher', () => {
  it('makes one claim and one subscriber wake-up of a burst of wake-ups, and claims again for a later one', async () => {
    const { graph, calls } = countingGraph();
    const dispatcher = new AlertDispatcher(graph, settings, pino({ level: 'silent' }));
    dispatcher.start(true);
    await sleep(100); // the claim start() asks for
    calls.length = 0;

    let woken = 0;
    void dispatcher.nextWake().then(() => woken++);
    for (let i = 0; i < 20; i++) dispatcher.wake(); // twenty ingest commits in one moment
    await sleep(100);
    expect(calls).toEqual(['monitoring/claim-deliveries']);
    expect(woken).toBe(1);

    dispatcher.wake();
    await sleep(100);
    expect(calls).toEqual(['monitoring/claim-deliveries', 'monitoring/claim-deliveries']);
    await dispatcher.stop();
  });

  it('claims nothing once stopped, though a wake-up was coming', async () => {
    const { graph, calls } = countingGraph();
    const dispatcher = new AlertDispatcher(graph, settings, pino({ level: 'silent' }));
    dispatcher.start(true);
    await sleep(100);
    calls.length = 0;
    dispatcher.wake();
    await dispatcher.stop();
    await sleep(100);
    expect(calls).toEqual([]);
  });
});
