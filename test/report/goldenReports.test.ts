import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { closeGoldenResources, exampleNames, exampleReportJson, goldenPath } from './goldenReports.js';

/** The status each example must come out with (examples/README.md). */
const expectedStatus = (name: string) => (name.endsWith('-complete') ? 'complete' : 'incomplete');

afterAll(closeGoldenResources);

describe('golden JSON reports of the example bundles', () => {
  it.each(exampleNames)('%s: byte-identical to its golden file, twice in a row', async (name) => {
    const golden = readFileSync(goldenPath(name), 'utf8');
    const first = await exampleReportJson(name);
    expect(first).toBe(golden);
    expect(await exampleReportJson(name)).toBe(first);
    expect(parseReportJson(first).status).toBe(expectedStatus(name));
  });
});
