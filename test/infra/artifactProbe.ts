// Built into a Lambda asset beside the handler (same esbuild options, same folder) by lambdaArtifact.test.ts: the
// handler's own extraction and ISO paths, callable without S3.
export { defaultBundleLimits } from '../../shared/bundle/bundleLimits.js';
export { readIsoBundle } from '../../shared/bundle/isoBundle.js';
export { documentText } from '../../shared/extraction/document.js';
export { extractFile } from '../../shared/extraction/extractFile.js';
export { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
