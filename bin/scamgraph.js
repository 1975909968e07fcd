#!/usr/bin/env node
// The `scamgraph` command. It runs the TypeScript source through tsx, so a fresh clone needs
// `npm install` and no build, and the command always runs the code in front of you.
import { tsImport } from 'tsx/esm/api';

await tsImport('../scripts/scamgraph/cli.ts', import.meta.url);
