import { extractFile } from '../extraction/extractFile.js';
import { derivedKey } from '../objects/objectKeys.js';
import { putIfChanged } from '../objects/putIfChanged.js';
import { documentOcr } from '../ocr/documentOcr.js';
import { InvalidStepInput } from '../workflow/workflowErrors.js';
import { readEntryList } from './entryList.js';
import { intakeOcrOptions } from './intakeOcrOptions.js';
import { EntryRef, type ExtractedEntry } from './intakeShapes.js';
import { defineIntakeStep } from './intakeStep.js';

/**
 * Intake.ExtractFile (one Map item `{bundleId, index}`): finds the entry in the stored entry list, reads its bytes
 * once and extracts them in the parser sandbox, the pages without a text layer OCR'd in the same pass (within the
 * per-file page cap and per-page budget of `intakeOcrOptions`; the process-wide OCR engine stays up for the next item
 * of a warm container), then analysed with their OCR text (`extractFile` never throws for a bad document: problems
 * are findings). Stores the ExtractedDocument — the model Verify reads, OCR section included — under
 * `derived/<bundleId>/` (named by the entry's sha256 and path) and returns a summary.
 */
export const extractEntry = defineIntakeStep({
  name: 'intake.extractFile',
  input: EntryRef,
  async run(deps, { bundleId, index }): Promise<ExtractedEntry> {
    const list = await readEntryList(deps.objects, bundleId);
    const item = list.entries[index];
    if (!item) throw new InvalidStepInput(`intake.extractFile: index: ${index} is not an entry of the bundle`);
    const bytes = await deps.objects.get(item.objectKey);
    const ocr = deps.ocr ?? intakeOcrOptions();
    const doc = await extractFile(bytes, item.path, {
      ...deps.extraction,
      ...(ocr === false ? {} : { analyse: documentOcr(ocr) }),
    });
    const document = {
      ...(item.bundleIndex !== undefined ? { index: item.bundleIndex } : {}),
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
