import type { PageImage } from './pageImage.js';

/*
 * Red round seal (圆形红色印章) detector. How it works:
 *
 * 1. Red mask. A pixel is seal ink when, in HSV terms, its hue is red (R is the largest channel and |G − B| is small
 *    next to R − min), it is saturated enough (S ≥ 0.15) and bright enough (V ≥ 0.35), and R exceeds both G and B by
 *    ≥ 30 — which keeps faint, half-inked seals (pink) and drops grey noise, black text and skin-tone JPEG fringes.
 * 2. Cell grid. The page is cut into cells of ~0.5 mm (from the dpi); a cell is red when enough of its pixels are.
 *    Then a closing radius of ~1.5 mm (max filter) bridges the gaps of a broken or dashed ring, so that the ring,
 *    its text and the star form one component; the statistics below use the undilated red cells.
 * 3. Connected components (8-neighbour) of the dilated grid. For each, the circle is the bounding box's centre and
 *    mean half-side. It is a seal when all of these hold:
 *    - size: diameter 15–70 mm (official round seals are 38–45 mm; 合同章/财务章 down to ~30 mm) — single red
 *      characters are smaller, a red heading line or a red rule is far wider than high;
 *    - shape: bounding box aspect 0.75–1.33;
 *    - ring: red within 0.78–1.08 radii in ≥ 60 % of 72 angular sectors (a broken or faint ring still passes);
 *    - round, not square: ≤ 8 % of the cells outside 1.12 radii (the box corners) are red — a block of red text
 *      is rectangular and fills its corners;
 *    - something inside: ≥ 2 % of the cells within 0.7 radii are red (star, ring text, label).
 * The same red predicate erases the seal's ink (inside the detected seals only) before OCR, so a seal stamped over
 * the unit name or date does not garble them.
 *
 * Measured on the fixtures (test/ocr/sealDetector.test.ts): see the error-rate table printed by the benchmark.
 */

export interface SealCandidate {
  /** Pixel bounding box of the red ink. */
  bbox: { x0: number; y0: number; x1: number; y1: number };
  diameterMm: number;
  aspect: number;
  /** Share of angular sectors with red on the ring (0–1). */
  ringCoverage: number;
  /** Share of red cells in the bounding box's corners, outside the circle (0–1). */
  cornerFill: number;
  /** Share of red cells inside 0.7 radii (0–1). */
  innerFill: number;
  isSeal: boolean;
  /** Why it is not a seal (the first criterion that failed), when it is not. */
  rejectedBecause?: string;
}

export interface SealVerdict {
  sealDetected: boolean;
  seals: SealCandidate[];
  /** Red components large enough to be judged that were not seals (red text, rules, logos). */
  rejected: SealCandidate[];
  /** Share of the page's pixels that are red ink. */
  redShare: number;
}

export interface SealDetectorOptions {
  /** Resolution of the image; by default the image is taken for an A4 page. */
  dpi: number;
  minDiameterMm: number;
  maxDiameterMm: number;
  minRingCoverage: number;
  maxCornerFill: number;
  minInnerFill: number;
}

export const defaultSealDetectorOptions: Omit<SealDetectorOptions, 'dpi'> = {
  minDiameterMm: 15,
  maxDiameterMm: 70,
  minRingCoverage: 0.6,
  maxCornerFill: 0.08,
  minInnerFill: 0.02,
};

/** Seal ink: red hue, some saturation, not dark, R clearly above G and B. */
export function isSealInk(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  if (max !== r || r < 90) return false;
  const min = Math.min(g, b);
  const chroma = r - min;
  if (chroma < 30 || r - Math.max(g, b) < 30) return false;
  if (chroma / r < 0.15) return false;
  return Math.abs(g - b) <= 0.45 * chroma;
}

const sectors = 72;

function dilate(grid: Uint8Array, cols: number, rows: number, radius: number): Uint8Array {
  const horizontal = new Uint8Array(grid.length);
  for (let y = 0; y < rows; y++) {
    // Two passes: distance to the nearest red cell on the left and on the right.
    let last = -Infinity;
    for (let x = 0; x < cols; x++) {
      if (grid[y * cols + x]) last = x;
      if (x - last <= radius) horizontal[y * cols + x] = 1;
    }
    last = Infinity;
    for (let x = cols - 1; x >= 0; x--) {
      if (grid[y * cols + x]) last = x;
      if (last - x <= radius) horizontal[y * cols + x] = 1;
    }
  }
  const out = new Uint8Array(grid.length);
  for (let x = 0; x < cols; x++) {
    let last = -Infinity;
    for (let y = 0; y < rows; y++) {
      if (horizontal[y * cols + x]) last = y;
      if (y - last <= radius) out[y * cols + x] = 1;
    }
    last = Infinity;
    for (let y = rows - 1; y >= 0; y--) {
      if (horizontal[y * cols + x]) last = y;
      if (last - y <= radius) out[y * cols + x] = 1;
    }
  }
  return out;
}

/** Detects red round seals on a page image. Pure and synchronous; ~50 ms for an A4 page at 200 dpi. */
export function detectSeals(image: PageImage, options: Partial<SealDetectorOptions> = {}): SealVerdict {
  const dpi = options.dpi ?? Math.min(image.width, image.height) / (210 / 25.4);
  const opts = { ...defaultSealDetectorOptions, ...options, dpi };
  const mmPerPx = 25.4 / dpi;
  const cell = Math.max(1, Math.round(dpi / 50));
  const cols = Math.ceil(image.width / cell);
  const rows = Math.ceil(image.height / cell);
  const counts = new Uint32Array(cols * rows);
  const { data, width, height } = image;
  let redPixels = 0;
  for (let y = 0; y < height; y++) {
    const rowBase = Math.floor(y / cell) * cols;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (isSealInk(data[i] as number, data[i + 1] as number, data[i + 2] as number)) {
        redPixels++;
        counts[rowBase + Math.floor(x / cell)] = (counts[rowBase + Math.floor(x / cell)] ?? 0) + 1;
      }
    }
  }
  const minPerCell = Math.max(1, Math.round(cell * cell * 0.1));
  const red = new Uint8Array(cols * rows);
  for (let i = 0; i < red.length; i++) red[i] = (counts[i] ?? 0) >= minPerCell ? 1 : 0;
  const closed = dilate(red, cols, rows, Math.max(1, Math.round(1.5 / (cell * mmPerPx))));

  const label = new Int32Array(cols * rows);
  const seals: SealCandidate[] = [];
  const rejected: SealCandidate[] = [];
  let next = 0;
  const stack: number[] = [];
  const minCells = ((opts.minDiameterMm / (cell * mmPerPx)) * 0.5) ** 2;
  for (let start = 0; start < closed.length; start++) {
    if (!closed[start] || label[start]) continue;
    next++;
    const members: number[] = [];
    label[start] = next;
    stack.push(start);
    while (stack.length > 0) {
      const c = stack.pop() as number;
      if (red[c]) members.push(c);
      const cx = c % cols;
      const cy = (c - cx) / cols;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const n = ny * cols + nx;
          if (closed[n] && !label[n]) {
            label[n] = next;
            stack.push(n);
          }
        }
    }
    if (members.length < minCells * 0.1) continue;
    const candidate = judge(members, cols, cell, mmPerPx, red, opts);
    if (!candidate) continue;
    if (candidate.isSeal) seals.push(candidate);
    else rejected.push(candidate);
  }
  return { sealDetected: seals.length > 0, seals, rejected, redShare: redPixels / (width * height) };
}

function judge(
  members: number[],
  cols: number,
  cell: number,
  mmPerPx: number,
  red: Uint8Array,
  opts: SealDetectorOptions,
): SealCandidate | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const c of members) {
    const x = c % cols;
    const y = (c - x) / cols;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const w = maxX - minX + 1;
  const h = maxY - minY + 1;
  const diameterMm = ((w + h) / 2) * cell * mmPerPx;
  const bbox = { x0: minX * cell, y0: minY * cell, x1: (maxX + 1) * cell, y1: (maxY + 1) * cell };
  const aspect = w / h;
  // Too small to be judged at all: a character, a speck.
  if (diameterMm < opts.minDiameterMm * 0.5) return undefined;
  const base = { bbox, diameterMm, aspect, ringCoverage: 0, cornerFill: 0, innerFill: 0 };
  if (diameterMm < opts.minDiameterMm || diameterMm > opts.maxDiameterMm)
    return { ...base, isSeal: false, rejectedBecause: `diameter ${diameterMm.toFixed(0)} mm` };
  if (aspect < 0.75 || aspect > 1.33) return { ...base, isSeal: false, rejectedBecause: `aspect ${aspect.toFixed(2)}` };

  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const radius = (w + h) / 4;
  const ring = new Uint8Array(sectors);
  for (const c of members) {
    const x = c % cols;
    const y = (c - x) / cols;
    const rho = Math.hypot(x - cx, y - cy) / radius;
    if (rho >= 0.78 && rho <= 1.08) {
      const angle = Math.atan2(y - cy, x - cx);
      ring[Math.min(sectors - 1, Math.floor(((angle + Math.PI) / (2 * Math.PI)) * sectors))] = 1;
    }
  }
  let cornerCells = 0;
  let cornerRed = 0;
  let innerCells = 0;
  let innerRed = 0;
  for (let y = minY; y <= maxY; y++)
    for (let x = minX; x <= maxX; x++) {
      const rho = Math.hypot(x - cx, y - cy) / radius;
      const isRed = red[y * cols + x] === 1;
      if (rho > 1.12) {
        cornerCells++;
        if (isRed) cornerRed++;
      } else if (rho < 0.7) {
        innerCells++;
        if (isRed) innerRed++;
      }
    }
  const ringCoverage = ring.reduce((a, b) => a + b, 0) / sectors;
  const cornerFill = cornerCells === 0 ? 0 : cornerRed / cornerCells;
  const innerFill = innerCells === 0 ? 0 : innerRed / innerCells;
  const measured = { ...base, ringCoverage, cornerFill, innerFill };
  if (ringCoverage < opts.minRingCoverage)
    return { ...measured, isSeal: false, rejectedBecause: `ring coverage ${(ringCoverage * 100).toFixed(0)}%` };
  if (cornerFill > opts.maxCornerFill)
    return { ...measured, isSeal: false, rejectedBecause: `corners filled ${(cornerFill * 100).toFixed(0)}%` };
  if (innerFill < opts.minInnerFill)
    return { ...measured, isSeal: false, rejectedBecause: `empty inside ${(innerFill * 100).toFixed(0)}%` };
  return { ...measured, isSeal: true };
}

/** A copy of the page with the seal ink inside the detected seals turned white (for OCR of the text under them). */
export function eraseSealInk(image: PageImage, seals: readonly SealCandidate[]): PageImage {
  const data = new Uint8ClampedArray(image.data);
  for (const seal of seals) {
    const pad = Math.round((seal.bbox.x1 - seal.bbox.x0) * 0.03);
    const x0 = Math.max(0, seal.bbox.x0 - pad);
    const y0 = Math.max(0, seal.bbox.y0 - pad);
    const x1 = Math.min(image.width, seal.bbox.x1 + pad);
    const y1 = Math.min(image.height, seal.bbox.y1 + pad);
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = (y * image.width + x) * 4;
        if (isSealInk(data[i] as number, data[i + 1] as number, data[i + 2] as number)) {
          data[i] = 255;
          data[i + 1] = 255;
          data[i + 2] = 255;
        }
      }
  }
  return { width: image.width, height: image.height, data };
}
