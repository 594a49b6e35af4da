import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const roots = ['shared', 'functions', 'infra'];
const sourceFile = /\.(ts|js|mjs|cjs|json)$/;

function files(dir: string): string[] {
  let found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(files(path));
    else if (sourceFile.test(name)) found.push(path);
  }
  return found;
}

describe('records access', () => {
  it('never scans the table: no ScanCommand, .scan( or Scan action in shared/, functions/ or infra/', () => {
    const offenders = roots
      .flatMap(files)
      .filter((f) => /\bScanCommand\b|\.scan\(|['"]Scan['"]|dynamodb:Scan/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
