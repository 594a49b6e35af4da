// `node --import ./moduleGuard.mjs …` (test/cli/compiledBin.test.ts): in this process and in every worker or child it
// starts with the same flags, refuses tsx and TypeScript files, and appends each package it imports to the file named
// by AWARD_MODULE_LOG.
import { register } from 'node:module';

register('./moduleGuardHooks.mjs', import.meta.url, { data: { log: process.env.AWARD_MODULE_LOG } });
