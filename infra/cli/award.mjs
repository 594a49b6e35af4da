#!/usr/bin/env node
// The `award` bin: registers tsx's ESM loader in this process, then runs the TypeScript entry, so `npx award …`
// works from the repository without a build step.
import { register } from 'tsx/esm/api';

register();
const { runAward } = await import('./award.ts');
process.exitCode = await runAward(process.argv.slice(2));
