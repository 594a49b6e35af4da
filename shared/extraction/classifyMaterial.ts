import { type MaterialSignature, materialSignatures } from '../materials/materialCatalogue.js';
import type { MaterialType } from '../materials/materialType.js';

export interface Classification {
  type: MaterialType;
  reason: string;
}

/** Spaces (ASCII and full-width) and punctuation vanish, so "申 报 表" and "申报表（" match "申报表". */
export function compactForMatch(text: string): string {
  return text.replace(/[\s\u3000_\-—·•.。,，:：;；()（）[\]【】《》<>"'“”‘’]/g, '');
}

type Signatures = Partial<Record<MaterialType, MaterialSignature>>;
type Match = { type: MaterialType; keyword: string; weight: number };

/** The longest keyword (after compaction) of any material found in the text. */
function bestMatch(text: string, signatures: Signatures, list: keyof MaterialSignature): Match | undefined {
  const compact = compactForMatch(text);
  let best: Match | undefined;
  for (const [type, signature] of Object.entries(signatures) as [MaterialType, MaterialSignature][])
    for (const keyword of signature[list]) {
      const key = compactForMatch(keyword);
      if (key && compact.includes(key) && key.length > (best?.weight ?? 0))
        best = { type, keyword, weight: key.length };
    }
  return best;
}

/** The first lines of a document that can be its title or headings. */
export function titleLines(lines: string[], count = 8): string[] {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '' && l.length <= 60)
    .slice(0, count);
}

/**
 * Material type from the file name and the document's own title/headings, with the domain catalogue's
 * `materialSignatures`. Both count: a title match outweighs a file-name match only when it is more specific (longer
 * keyword); when nothing matches, UNCLASSIFIED.
 */
export function classifyMaterial(
  fileName: string,
  titles: string[],
  signatures: Signatures = materialSignatures,
): Classification {
  const base = fileName.split('/').pop() ?? fileName;
  const stem = base.replace(/\.[^.]+$/, '');
  const byName = bestMatch(stem, signatures, 'fileNameKeywords');
  let byTitle: Match | undefined;
  for (const line of titles) {
    const match = bestMatch(line, signatures, 'titleKeywords');
    if (match && match.weight > (byTitle?.weight ?? 0)) byTitle = match;
  }
  if (byName && byTitle && byName.type === byTitle.type)
    return { type: byName.type, reason: `file name and title contain 「${byTitle.keyword}」` };
  if (byTitle && (!byName || byTitle.weight > byName.weight))
    return {
      type: byTitle.type,
      reason: `title contains 「${byTitle.keyword}」${byName ? ` (file name suggested 「${byName.keyword}」)` : ''}`,
    };
  if (byName) return { type: byName.type, reason: `file name contains 「${byName.keyword}」` };
  return { type: 'UNCLASSIFIED', reason: 'no material keyword in the file name or the title' };
}
