import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../repoRoot.js';

export interface ExampleBundle {
  name: string;
  path: string;
}

const examplesDir = join(repoRoot, 'examples');

/**
 * The example bundles committed under `examples/` (made by `npm run examples` and checked against their hand-written
 * expectations), in name order. The product reads them as a unit would send them; it never builds them.
 */
export function exampleBundlePaths(): ExampleBundle[] {
  if (!existsSync(examplesDir)) throw new Error(`no examples folder at ${examplesDir}`);
  return readdirSync(examplesDir)
    .filter((f) => /\.(zip|iso)$/i.test(f))
    .sort()
    .map((file) => ({ name: file.replace(/\.(zip|iso)$/i, ''), path: join(examplesDir, file) }));
}
