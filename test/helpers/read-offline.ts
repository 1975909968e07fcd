/**
 * Run as `unshare -n node --import tsx test/helpers/read-offline.ts <kind> <file>` (a network
 * namespace with no interface up): proves that it has no network, then reads the file with the
 * real readers and prints the reading as JSON. Used by test/unit/attachments.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { readAttachment } from '../../src/attachments/read-attachment.js';
import type { AttachmentKind } from '../../src/attachments/sniff.js';

const [kind, file] = process.argv.slice(2) as [AttachmentKind, string];
const offline = await fetch('http://registry.npmjs.org/', { signal: AbortSignal.timeout(5_000) }).then(
  () => false,
  () => true,
);
const reading = await readAttachment(kind, await readFile(file), { maxPages: 50, maxParts: 100 });
process.stdout.write(JSON.stringify({ offline, reading }));
