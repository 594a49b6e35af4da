import iconv from 'iconv-lite';

/** Wide characters without word spaces: Han, CJK punctuation and full-width punctuation (not full-width letters or digits). */
const CJK =
  '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u3000-\\u303F\\uFF00-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFFEF';
/** Letters and digits, full-width ones too (Q/JLQT ０８９１: the space between two codes' parts stays). */
const WIDE_ALNUM = '\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const ALNUM = `0-9A-Za-z${WIDE_ALNUM}`;
const spaceBetweenCjk = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');
const spaceCjkThenDigit = new RegExp(`([${CJK}]) +(?=[${ALNUM}])`, 'g');
const spaceDigitThenCjk = new RegExp(`([${ALNUM}]) +(?=[${CJK}])`, 'g');
/** Full-width digits spaced apart glyph by glyph (２ ０ ２ ４), as they were before letters and digits left CJK. */
const spaceBetweenWideDigits = /([\uFF10-\uFF19]) +(?=[\uFF10-\uFF19])/g;
const cjkChar = new RegExp(`[${CJK}${WIDE_ALNUM}]`, 'g');

/**
 * LibreOffice-made (and other) PDFs put ASCII spaces between Chinese characters and digits ("2024 年 5 月"), and
 * glyph-positioned CJK text between Chinese characters ("单 位 名 称"). Chinese text has no word spaces, so they go —
 * except a space between two runs of several Chinese characters: the gap between two cells of a Word table printed
 * to PDF ("单位名称 吉林省某某有限公司"), which the form reader needs.
 */
export function removeCjkSpacing(line: string): string {
  return line
    .replace(spaceBetweenCjk, (match: string, before: string, offset: number) => {
      const next = offset + match.length;
      const singleLeft = offset === 0 || /\s/.test(line[offset - 1] ?? ' ');
      const singleRight = next + 1 >= line.length || /\s/.test(line[next + 1] ?? ' ');
      return singleLeft || singleRight ? before : `${before} `;
    })
    .replace(spaceBetweenWideDigits, '$1')
    .replace(spaceCjkThenDigit, '$1')
    .replace(spaceDigitThenCjk, '$1');
}

/** Characters a font lacks come out as U+0000; they carry nothing. */
export function stripNul(text: string): { text: string; removed: number } {
  const parts = text.split('\u0000');
  return { text: parts.join(''), removed: parts.length - 1 };
}

// Code points pdfjs produces for single bytes 0x80–0xFF of a simple font without ToUnicode (WinAnsi, then NFKC).
const byteOf = new Map<number, number>();
for (let b = 0x80; b <= 0xff; b++) {
  const ch = iconv.decode(Buffer.from([b]), 'win1252');
  if (ch !== '\uFFFD') byteOf.set(ch.codePointAt(0) as number, b);
  byteOf.set(b, b);
}
byteOf.set(0x03bc, 0xb5); // µ normalised to Greek mu

/** The bytes behind the mojibake. pdfjs turns byte 0xAD (soft hyphen) into '-', so a '-' in trail position is 0xAD. */
function latin1Bytes(text: string): Buffer | undefined {
  const out: number[] = [];
  let expectTrail = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    let b = cp < 0x80 ? cp : byteOf.get(cp);
    if (b === undefined) return undefined;
    if (expectTrail && cp === 0x2d) b = 0xad;
    out.push(b);
    expectTrail = !expectTrail && b >= 0x81 && b <= 0xfe;
  }
  return Buffer.from(out);
}

/**
 * Old GBK PDFs with simple fonts and no ToUnicode map come out as Latin-1 mojibake ("¹ØÓÚ" for "关于"). When most of
 * a page's non-ASCII characters are Latin-1 and re-decoding the bytes as GB18030 gives mostly Chinese, use that.
 */
export function repairGbkMojibake(text: string): { text: string; repaired: boolean } {
  const nonAscii = [...text].filter((c) => (c.codePointAt(0) as number) >= 0x80);
  if (nonAscii.length < 4) return { text, repaired: false };
  const latin = nonAscii.filter((c) => byteOf.has(c.codePointAt(0) as number)).length;
  if (latin / nonAscii.length < 0.9) return { text, repaired: false };
  const bytes = latin1Bytes(text);
  if (!bytes) return { text, repaired: false };
  const decoded = iconv.decode(bytes, 'gb18030');
  const hanzi = decoded.match(cjkChar)?.length ?? 0;
  const replacement = decoded.split('\uFFFD').length - 1;
  if (hanzi >= nonAscii.length / 4 && replacement <= hanzi / 10) return { text: decoded, repaired: true };
  return { text, repaired: false };
}
