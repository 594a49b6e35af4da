import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the local runtime keeps its state: records (dynalite/LevelDB), objects, the clock, cached definitions, and the
 * history anchor beside the records.
 */
export interface AwardHome {
  root: string;
  dynamodb: string;
  objects: string;
  clockFile: string;
  definitionsDir: string;
  /** The history anchor: one JSON line per appended head, only ever appended to. */
  historyAnchorFile: string;
}

/** `AWARD_HOME` when set, else `.award/` under the working directory; the folders are created. */
export function awardHome(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): AwardHome {
  const root = resolve(cwd, env.AWARD_HOME || '.award');
  const home: AwardHome = {
    root,
    dynamodb: join(root, 'dynamodb'),
    objects: join(root, 'objects'),
    clockFile: join(root, 'clock.json'),
    definitionsDir: join(root, 'definitions'),
    historyAnchorFile: join(root, 'history-anchor.jsonl'),
  };
  for (const dir of [home.root, home.objects, home.definitionsDir]) mkdirSync(dir, { recursive: true });
  return home;
}
