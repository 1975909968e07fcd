// Rewrites schema/schema.graphql from the code; test/graphql/contract.test.ts fails until it is committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/config/project-root.js';
import { buildServedSchema, printServedSchema } from '../src/graphql/schema.js';

const target = join(projectRoot(), 'schema', 'schema.graphql');
writeFileSync(target, printServedSchema(await buildServedSchema()));
process.stdout.write(`wrote ${target}\n`);
