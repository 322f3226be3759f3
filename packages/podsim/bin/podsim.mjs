#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader API (tsx is a dev dependency at the repository root).
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
