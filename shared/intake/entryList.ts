import { z } from 'zod';
import { objectPrefixes } from '../objects/objectKeys.js';
import type { ObjectStore } from '../objects/objectStore.js';
import { putIfChanged } from '../objects/putIfChanged.js';
import { EntryItem } from './intakeShapes.js';

/**
 * The bundle's entry list, written by Intake.Unpack and read by Intake.ExtractFile (one entry by index) and
 * Intake.Verify, so that the state payload carries indexes only (a 2,000-entry bundle's paths and keys would not fit
 * the 256 KB a state may hold).
 */
export const EntryList = z.object({
  bundleId: z.string().min(1),
  /** Entries with bytes under `extracted/`, sorted by path; the Map item `i` is `entries[i]`. */
  entries: z.array(EntryItem),
  /** Documents Unpack wrote itself: entries without readable bytes (refused by a limit, unsafe) and archives. */
  derivedKeys: z.array(z.string()),
});
export type EntryList = z.infer<typeof EntryList>;

export const entryListKey = (bundleId: string) => `${objectPrefixes.derived}${bundleId}/entries.json`;

export async function writeEntryList(objects: ObjectStore, list: EntryList): Promise<string> {
  const key = entryListKey(list.bundleId);
  await putIfChanged(objects, key, JSON.stringify(list), { contentType: 'application/json' });
  return key;
}

// A Lambda container (or the local process) extracts many entries of the same bundle in a row: the last list read
// is kept, keyed by its store and key.
let last: { objects: ObjectStore; key: string; list: Promise<EntryList> } | undefined;

export function readEntryList(objects: ObjectStore, bundleId: string): Promise<EntryList> {
  const key = entryListKey(bundleId);
  if (last?.objects === objects && last.key === key) return last.list;
  const list = objects.get(key).then((bytes) => EntryList.parse(JSON.parse(Buffer.from(bytes).toString('utf8'))));
  last = { objects, key, list };
  list.catch(() => {
    if (last?.list === list) last = undefined;
  });
  return list;
}
