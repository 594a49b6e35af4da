import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BundleEntry } from '../bundle/bundleEntry.js';
import { type BundleLimits, defaultBundleLimits } from '../bundle/bundleLimits.js';
import { readIsoBundle } from '../bundle/isoBundle.js';
import { readZipArchive } from '../bundle/zipBundle.js';
import type { Finding } from '../domain/findings/finding.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { archiveDocument, unreadEntryDocument } from '../extraction/extractBundle.js';
import { derivedKey, extractedKey } from '../objects/objectKeys.js';
import { ObjectNotFound, type ObjectStore } from '../objects/objectStore.js';
import { putIfChanged } from '../objects/putIfChanged.js';
import { bundleIdOf, bundleSourceOf, campaignYearOf, uploaderOf } from './bundleIdentity.js';
import { writeEntryList } from './entryList.js';
import { type EntryItem, IntakeInput, type UnpackedBundle } from './intakeShapes.js';
import { defineIntakeStep } from './intakeStep.js';

/**
 * Budget for the Map items (entry indexes) in the state payload (Step Functions allows 256 KB per state, and the
 * Map's results join the items in the state): 2,000 entries take ~9 KB; above the budget the step says so clearly.
 */
export const maxInlineItemsBytes = 96 * 1024;

/** The bundle's entries do not fit the inline Map of the Intake definition (a Distributed Map would be needed). */
export class BundleTooLargeForInlineMap extends Error {
  override readonly name = 'BundleTooLargeForInlineMap';
}

/** Streams the object to a file while hashing it (yauzl needs random access; Lambda has /tmp for it). */
async function spool(store: ObjectStore, key: string, versionId: string | undefined, file: string) {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(await store.getStream(key, versionId), tap, createWriteStream(file));
  return { sha256: hash.digest('hex'), size };
}

/**
 * Intake.Unpack: reads the uploaded bundle (zip, or ISO by its name) with the bundle readers and their limits,
 * stores every entry's original bytes under `extracted/<bundleId>/`, writes the document of every entry that has
 * no readable bytes (refused by a limit, unsafe path) or is an archive, stores the entry list
 * (`derived/<bundleId>/entries.json`) and returns the Map items: entry indexes, never paths, keys or bytes.
 * Idempotent: objects already holding the same bytes are not rewritten.
 */
export const unpackBundle = defineIntakeStep({
  name: 'intake.unpackBundle',
  input: IntakeInput,
  async run(deps, input): Promise<UnpackedBundle> {
    const { objects } = deps;
    const versionId = objects.kind === 's3' ? input.versionId : undefined;
    const info = await objects.head(input.key, versionId);
    if (!info) throw new ObjectNotFound(`no bundle at ${input.key} (version ${input.versionId})`);
    const receivedAt = input.receivedAt ?? info.lastModified.toISOString();
    const limits: BundleLimits = { ...defaultBundleLimits, ...deps.limits };

    const dir = await mkdtemp(path.join(deps.tmpDir ?? tmpdir(), 'intake-'));
    try {
      const iso = input.key.toLowerCase().endsWith('.iso');
      const file = path.join(dir, iso ? 'bundle.iso' : 'bundle.zip');
      const spooled = await spool(objects, input.key, versionId, file);
      const source = bundleSourceOf(objects, input, spooled.sha256);
      const bundleId = bundleIdOf(source);

      const entries: EntryItem[] = [];
      const derivedKeys: string[] = [];
      const writeDocument = async (doc: ExtractedDocument) => {
        const key = derivedKey(bundleId, doc.sha256, doc.path);
        await putIfChanged(objects, key, JSON.stringify(doc), { contentType: 'application/json' });
        derivedKeys.push(key);
      };
      let nextIndex = 0;
      const stored = new Set<string>();
      const sink = async (entry: BundleEntry) => {
        const index = nextIndex++;
        if (entry.isArchive) return writeDocument(archiveDocument(entry, index));
        if (!entry.bytes) return writeDocument(unreadEntryDocument(entry, index));
        // A zip may hold two entries with the same path: the second one's bytes get a key of their own.
        let objectKey = extractedKey(bundleId, entry.path);
        if (stored.has(objectKey)) objectKey = extractedKey(bundleId, `_entries/${index}/${entry.path}`);
        stored.add(objectKey);
        await putIfChanged(objects, objectKey, entry.bytes);
        entries.push({
          bundleIndex: index,
          path: entry.path,
          objectKey,
          sha256: entry.sha256,
          ...(entry.findings.length > 0 ? { findings: entry.findings } : {}),
          ...(Object.keys(entry.metadata).length > 0 ? { metadata: entry.metadata } : {}),
        });
      };
      const findings: Finding[] = iso
        ? await readIsoBundle(file, sink, limits)
        : await readZipArchive({ path: file }, sink, {
            prefix: '',
            depth: 0,
            limits,
            tally: { entries: 0, totalBytes: 0 },
          });

      entries.sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : (a.bundleIndex ?? 0) - (b.bundleIndex ?? 0),
      );
      derivedKeys.sort();
      const entriesKey = await writeEntryList(objects, { bundleId, entries, derivedKeys });
      const items = entries.map((_e, i) => i);
      const itemsBytes = Buffer.byteLength(JSON.stringify(items));
      if (itemsBytes > maxInlineItemsBytes)
        throw new BundleTooLargeForInlineMap(
          `${entries.length} entries need ${itemsBytes} bytes of Map items, over the ${maxInlineItemsBytes}-byte budget of the inline Map`,
        );
      return {
        bundleId,
        source,
        bundleSha256: spooled.sha256,
        bundleSize: spooled.size,
        receivedAt,
        campaign: campaignYearOf(info, receivedAt),
        unit: uploaderOf(input.key, info),
        entries: items,
        entriesKey,
        derivedCount: derivedKeys.length,
        findings,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});
