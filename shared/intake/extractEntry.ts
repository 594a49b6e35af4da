import { extractFile } from '../extraction/extractFile.js';
import { bundleIdOfExtractedKey, derivedKey } from '../objects/objectKeys.js';
import { putIfChanged } from '../objects/putIfChanged.js';
import { InvalidStepInput } from '../workflow/workflowErrors.js';
import { EntryItem, type ExtractedItem } from './intakeShapes.js';
import { defineIntakeStep } from './intakeStep.js';

/**
 * Intake.ExtractFile (one Map item): reads the entry's stored bytes, extracts them in the parser sandbox
 * (`extractFile` never throws for a bad document: problems are findings), stores the ExtractedDocument under
 * `derived/<bundleId>/` and returns its key with a small summary.
 */
export const extractEntry = defineIntakeStep({
  name: 'intake.extractFile',
  input: EntryItem,
  async run(deps, item): Promise<ExtractedItem> {
    const bundleId = bundleIdOfExtractedKey(item.objectKey);
    if (!bundleId) throw new InvalidStepInput(`intake.extractFile: objectKey: not under extracted/<bundleId>/`);
    const bytes = await deps.objects.get(item.objectKey);
    const doc = await extractFile(bytes, item.path, deps.extraction);
    const document = {
      ...doc,
      metadata: { ...item.metadata, ...doc.metadata },
      findings: [...(item.findings ?? []), ...doc.findings],
    };
    const key = derivedKey(bundleId, document.sha256, document.path);
    await putIfChanged(deps.objects, key, JSON.stringify(document), { contentType: 'application/json' });
    return { path: item.path, derivedKey: key, readable: document.readable, materialType: document.materialType };
  },
});
