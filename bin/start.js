#!/usr/bin/env node
// `npm start`: builds only when a source changed since the last build, then serves in this very
// process, so a signal npm forwards reaches the server itself (no shell or second node between).
import './compile-cache.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, buildIsFresh, root } from './build-state.js';

if (buildIsFresh()) process.stderr.write('scamgraph: build up to date\n');
else build('sources changed since the last build, or no build yet');
await import(pathToFileURL(path.join(root, 'dist', 'scripts', 'start.js')).href);
