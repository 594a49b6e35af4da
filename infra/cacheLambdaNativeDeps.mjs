// Runs after `npm install` / `npm ci`: puts the arm64 Linux build of @napi-rs/canvas (which npm does not install on
// another platform) into the npm cache, at the version and integrity package-lock.json pins, so that the Verify
// Lambda package can carry it while `cdk synth` itself stays offline (infra/lambdaAssets.ts `addCanvas`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const name = '@napi-rs/canvas-linux-arm64-gnu';
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const version = lock.packages?.[`node_modules/${name}`]?.version;
if (!version) {
  console.error(`${name} is not pinned in package-lock.json; the Verify Lambda package cannot carry OCR rendering`);
  process.exit(1);
}
execFileSync('npm', ['cache', 'add', `${name}@${version}`, '--loglevel', 'error'], { stdio: 'inherit' });
