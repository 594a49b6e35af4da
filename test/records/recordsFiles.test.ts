import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = 'shared/records';
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('records repositories', () => {
  it('keeps every file under shared/records at 200 lines or fewer', () => {
    const long = sources
      .map((f) => ({ file: f, lines: readFileSync(join(dir, f), 'utf8').split('\n').length }))
      .filter((f) => f.lines > 200);
    expect(long).toEqual([]);
  });

  it('spells no key outside keys.ts: no aggregate repository writes a pk/sk prefix literal', () => {
    const spelled = sources
      .filter((f) => f !== 'keys.ts')
      .filter((f) =>
        /['`](APP|EVENT|IDEMP|DOC|REPORT|TASK|WINDOW|OBJECTION|PANEL|BUNDLE|EXPERTPOOL|EXPERT|CAMPAIGN|COUNTER|FINALISATION|UNIT)#/.test(
          readFileSync(join(dir, f), 'utf8'),
        ),
      );
    expect(spelled).toEqual([]);
  });
});
