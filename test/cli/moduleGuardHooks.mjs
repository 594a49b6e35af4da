// The module hooks of moduleGuard.mjs.
import { appendFileSync } from 'node:fs';

let log;

export function initialize(data) {
  log = data?.log;
}

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

export async function resolve(specifier, context, nextResolve) {
  const bare = !/^(\.|\/|[a-z]+:)/i.test(specifier);
  if (bare && packageName(specifier) === 'tsx') throw new Error(`refused: import of ${specifier}`);
  if (bare && log) appendFileSync(log, `${packageName(specifier)}\n`);
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (/\.[cm]?tsx?$/.test(new URL(url).pathname)) throw new Error(`refused: TypeScript file ${url}`);
  return nextLoad(url, context);
}
