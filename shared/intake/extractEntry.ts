import { extractFile } from '../extraction/extractFile.js';
import { derivedKey } from '../objects/objectKeys.js';
import { putIfChanged } from '../objects/putIfChanged.js';
import { InvalidStepInput } from '../workflow/workflowErrors.js';
import { readEntryList } from './entryList.js';
import { EntryRef, type ExtractedEntry } from './intakeShapes.js';
import { defineIntakeStep } from './intakeStep.js';

/**
 * Intake.ExtractFile (one Map item `{bundleId, index}`): finds the entry in the stored entry list, reads its bytes,
 * extracts them in the parser sandbox (`extractFile` never throws for a bad document: problems are findings), stores
 * the ExtractedDocument under `derived/<bundleId>/` (named by the entry's sha256 and path) and returns a summary.
 */
export const extractEntry = defineIntakeStep({
  name: 'intake.extractFile',
  input: EntryRef,
  async run(deps, { bundleId, index }): Promise<ExtractedEntry> {
    const list = await readEntryList(deps.objects, bundleId);
    const item = list.entries[index];
    if (!item) throw new InvalidStepInput(`intake.extractFile: index: ${index} is not an entry of the bundle`);
    const bytes = await deps.objects.get(item.objectKey);
    const doc = await extractFile(bytes, item.path, deps.extraction);
    const document = {
      ...doc,
      metadata: { ...item.metadata, ...doc.metadata },
      findings: [...(item.findings ?? []), ...doc.findings],
    };
    const key = derivedKey(bundleId, item.sha256, item.path);
    await putIfChanged(deps.objects, key, JSON.stringify(document), { contentType: 'application/json' });
    return {
      index,
      path: item.path,
      derivedKey: key,
      readable: document.readable,
      materialType: document.materialType,
    };
  },
});
