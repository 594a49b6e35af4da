import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time on a 2-core machine: many tests wait on worker threads, child processes and dynalite, so one
    // file at a time (the default there, cores − 1) leaves a core idle.
    maxWorkers: 2,
  },
});
