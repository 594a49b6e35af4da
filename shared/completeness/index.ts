export { bundleIdOf, type CheckBundleInput, checkBundle } from './checkBundle.js';
export { BundlePathError, bundleSourceOf, type CheckBundlePathOptions, checkBundlePath } from './checkBundlePath.js';
export { type BundleGrouping, type DocumentGroup, groupDocuments } from './groupDocuments.js';
