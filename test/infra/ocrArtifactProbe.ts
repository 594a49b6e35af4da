// Built into the Verify Lambda asset beside the handler (same esbuild options, same folder) by lambdaArtifact.test.ts:
// the handler's own OCR path (render, decode, seal detection, recognition), callable without S3.
export { ocrPage } from '../../shared/ocr/ocrPage.js';
export { closeSharedOcrEngine, sharedOcrEngine } from '../../shared/ocr/recognise.js';
export { closeSharedPdfPageRenderer, sharedPdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
