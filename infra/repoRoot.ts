import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (this file, or the compiled CLI in dist/, is one folder below it). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
