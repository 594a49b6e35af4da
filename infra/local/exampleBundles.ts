import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSpec, type ExampleName, exampleBundles } from '../../test/fixtures/bundles/exampleBundles.js';
import { buildBundleZip } from '../../test/fixtures/bundleZip.js';
import { repoRoot } from '../lambdaBundling.js';

export interface ExampleBundle {
  name: string;
  path: string;
}

const examplesDir = join(repoRoot, 'examples');

/**
 * The example bundles: those committed under `examples/` (the completeness engineer's), else bundles built once from
 * the fixture builders of test/fixtures and kept under `<AWARD_HOME>/examples/` — built once, because the document
 * generators stamp the time into docx/pdf metadata, and the same bytes must give the same bundle id on a re-run.
 */
export async function exampleBundlePaths(awardRoot: string, names?: readonly ExampleName[]): Promise<ExampleBundle[]> {
  const wanted = names ?? (Object.keys(exampleBundles) as ExampleName[]);
  if (existsSync(examplesDir)) {
    const committed = readdirSync(examplesDir).filter((f) => /\.(zip|iso)$/i.test(f));
    const found = wanted
      .map((name) => ({ name, file: committed.find((f) => f.replace(/\.(zip|iso)$/i, '') === name) }))
      .filter((e): e is { name: ExampleName; file: string } => e.file !== undefined);
    if (found.length === wanted.length) return found.map((e) => ({ name: e.name, path: join(examplesDir, e.file) }));
  }
  const dir = join(awardRoot, 'examples');
  mkdirSync(dir, { recursive: true });
  const out: ExampleBundle[] = [];
  for (const name of wanted) {
    const path = join(dir, `${name}.zip`);
    if (!existsSync(path)) writeFileSync(path, buildBundleZip(await buildSpec(exampleBundles[name]())));
    out.push({ name, path });
  }
  return out;
}
