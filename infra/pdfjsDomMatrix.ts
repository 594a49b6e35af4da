// Imported ahead of pdf-parse in the Lambda's pdf-parse bundle (infra/lambdaAssets.ts). pdfjs-dist 5 constructs a
// DOMMatrix while its module loads and, in Node, takes the class from the native @napi-rs/canvas, which the Lambda
// asset does not carry (30 MB per architecture, for rendering only). Text extraction renders nothing, so the pure-JS
// DOMMatrix serves; the local runtime keeps using the canvas package.
import CSSMatrix from '@thednp/dommatrix';

const scope = globalThis as { DOMMatrix?: unknown };
scope.DOMMatrix ??= CSSMatrix;
