// Hosts tesseract.js inside a worker thread of our own. tesseract.js runs its engine in a nested worker thread that
// has no 'error' listener: an engine crash (out of memory, a bad image) would otherwise crash the whole process. Here
// it only ends this thread, which the parent sees as an outcome; and terminating this thread (page over its time
// budget) ends the nested engine with it. Plain JavaScript so that a worker loads it without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { createWorker, OEM } from 'tesseract.js';

const { langs, langPath, pageSegMode } = workerData;

let failure;
const engine = await createWorker(langs.join('+'), OEM.LSTM_ONLY, {
  langPath,
  gzip: true,
  cacheMethod: 'none',
  // Without a handler tesseract.js rethrows engine errors inside its message listener.
  errorHandler: (error) => {
    failure = String(error);
  },
});
if (failure) throw new Error(failure);
await engine.setParameters({ tessedit_pageseg_mode: pageSegMode, preserve_interword_spaces: '1' });
let currentDpi;

function plainLines(page) {
  const lines = [];
  for (const block of page.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines)
        lines.push({
          text: line.text,
          confidence: line.confidence,
          bbox: { x0: line.bbox.x0, y0: line.bbox.y0, x1: line.bbox.x1, y1: line.bbox.y1 },
        });
  return lines;
}

parentPort.on('message', async ({ id, job }) => {
  try {
    failure = undefined;
    if (job.dpi !== undefined && job.dpi !== currentDpi) {
      await engine.setParameters({ user_defined_dpi: String(job.dpi) });
      currentDpi = job.dpi;
    }
    const result = await engine.recognize(Buffer.from(job.image), {}, { blocks: true, text: false });
    parentPort.postMessage({ id, ok: true, result: plainLines(result.data) });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      message: failure ?? (error instanceof Error ? error.message : String(error)),
    });
  }
});

parentPort.postMessage({ ready: true });
