import { createServer } from 'node:net';

/**
 * A loopback port nothing listens on now, for a Neo4j or a server of a test's or benchmark's own:
 * it must never meet a developer's server or another run's. The operating system picks it.
 */
export function freePort(): Promise<number> {
  return listenOnce(0);
}

/**
 * A free loopback port below the range the operating system hands to outgoing connections (Linux:
 * 32768 to 60999), for a server stopped and started again on the same port. A port from freePort is in
 * that range, and while its server is down any process's new connection may take it as its own end:
 * faults.test.ts once found its Neo4j's port taken so, with a benchmark's ingest running beside it.
 */
export async function freeStablePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await listenOnce(port).then(
      () => true,
      () => false,
    );
    if (free) return port;
  }
  throw new Error('no free port between 20000 and 32000 after 100 tries');
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
