// Built into the ExtractFile Lambda asset beside the handler (same esbuild options, same folder) by
// lambdaArtifact.test.ts: the handler's own OCR path (render, decode, seal detection, recognition) and the one pass
// (extractFile with documentOcr), callable without S3.
export { extractFile } from '../../shared/extraction/extractFile.js';
export { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
export { documentOcr } from '../../shared/ocr/documentOcr.js';
export { ocrPage } from '../../shared/ocr/ocrPage.js';
export { closeSharedOcrEngine, sharedOcrEngine } from '../../shared/ocr/recognise.js';
export { closeSharedPdfPageRenderer, sharedPdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
