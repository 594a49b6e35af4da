export { bundleIdOf, type CheckBundleInput, checkBundle } from './checkBundle.js';
export {
  BundlePathError,
  bundleSourceOf,
  type CheckBundlePathOptions,
  checkBundlePath,
  checkBundlePathDetailed,
} from './checkBundlePath.js';
export { type CheckExtractedBundleInput, type CheckedBundle, checkExtractedBundle } from './checkExtractedBundle.js';
export { type BundleGrouping, type DocumentGroup, groupDocuments } from './groupDocuments.js';
