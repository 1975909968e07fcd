import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Received {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/** How the receiver answers one request on a path: a status, 'hang' (never answers), a redirect, or 200 after a pause. */
export type Answer = number | 'hang' | { redirect: string } | { delayMs: number };

/** A real HTTP server for webhooks: records every request, answers each path by its script (200 once the script runs out). */
export async function startReceiver(scripts: Record<string, Answer[]> = {}): Promise<{
  readonly url: string;
  readonly received: Received[];
  on(path: string): Received[];
  script(path: string, answers: Answer[]): void;
  waitFor(path: string, count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const plans = new Map(Object.entries(scripts));
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const answer = plans.get(path)?.shift() ?? 200;
      if (answer === 'hang') return;
      if (typeof answer === 'object' && 'delayMs' in answer) return void setTimeout(() => response.writeHead(200).end(), answer.delayMs);
      if (typeof answer === 'object') return void response.writeHead(302, { location: answer.redirect }).end();
      response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const on = (path: string) => received.filter((request) => request.path === path);
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    on,
    script: (path, answers) => void plans.set(path, answers),
    async waitFor(path, count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (on(path).length < count) {
        if (Date.now() > deadline) throw new Error(`${on(path).length} of ${count} requests to ${path} within ${timeoutMs} ms`);
        await sleep(50);
      }
      return on(path);
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
