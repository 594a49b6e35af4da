// Renders PDF pages to PNG in a worker thread (pdf-parse's pdfjs-dist + @napi-rs/canvas), so that a page that makes
// pdfjs spin or balloon is ended by the parent at its time budget or heap cap, never hanging the process.
// Plain JavaScript so that a worker loads it without a TypeScript loader.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { PDFParse } from 'pdf-parse';

const require = createRequire(import.meta.url);

/** pdfjs-dist as pdf-parse itself resolves it, so cmaps/standard_fonts match its version. */
function pdfjsAssetDirs() {
  const fromPdfParse = createRequire(require.resolve('pdf-parse'));
  const pdfjsRoot = path.dirname(fromPdfParse.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`,
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`,
  };
}

const assets = pdfjsAssetDirs();

parentPort.on('message', async ({ id, job }) => {
  const parser = new PDFParse({
    data: new Uint8Array(job.pdf),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    verbosity: 0,
  });
  try {
    // A page as large as a wall at the asked resolution is rendered at a lower one, never over `maxPixels`: the
    // canvas is allocated outside the thread's heap cap.
    const info = await parser.getInfo({ parsePageInfo: true, partial: [job.page] });
    const size = info.pages[0];
    const points = size ? size.width * size.height : 0;
    const scale = Math.min(job.dpi / 72, points > 0 ? Math.sqrt(job.maxPixels / points) : job.dpi / 72);
    const shot = await parser.getScreenshot({ partial: [job.page], scale, imageBuffer: true, imageDataUrl: false });
    const page = shot.pages[0];
    if (!page?.data) throw new Error(`page ${job.page} of ${shot.total} was not rendered`);
    const png = new Uint8Array(page.data);
    const result = { png, width: page.width, height: page.height, dpi: scale * 72 };
    parentPort.postMessage({ id, ok: true, result }, [png.buffer]);
  } catch (error) {
    const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : 'Error';
    const message = error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
    parentPort.postMessage({ id, ok: false, message: `${name}: ${message.slice(0, 300)}` });
  } finally {
    await parser.destroy().catch(() => {});
  }
});

parentPort.postMessage({ ready: true });
