#!/usr/bin/env node
// The `scamgraph` command. Where the build is up to date (an installed copy, a Docker image, a
// checkout after `npm start`) it runs the compiled JavaScript and needs no dev dependency. In a
// checkout whose sources changed since, it runs them through tsx, so the command always runs the
// code in front of you without a build of a minute first; with neither, it builds.
import './compile-cache.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, buildIsFresh, root } from './build-state.js';

const compiled = pathToFileURL(path.join(root, 'dist', 'scripts', 'scamgraph', 'cli.js')).href;
if (buildIsFresh()) {
  await import(compiled);
} else {
  const tsx = await import('tsx/esm/api').catch(() => undefined);
  if (tsx) {
    await tsx.tsImport('../scripts/scamgraph/cli.ts', import.meta.url);
  } else {
    build('no build of these sources, and no tsx to run them');
    await import(compiled);
  }
}
