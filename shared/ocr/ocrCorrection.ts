import { materialSignatures } from '../materials/materialCatalogue.js';

/**
 * Post-OCR correction of the few misreadings that decide findings, measured on the fixtures with the chi_sim model:
 * - the classification star: "机密★5年" comes out as "机密文5年" (★ is not in the model's set); a 文, ☆ or asterisk right
 *   after 绝密/机密/秘密 and before a period ("5年", "长期"), or before the level at the start of a line, or after it on a line of its own, is a ★;
 * - title words of the material catalogue with one character misread ("推荐公出" for "推荐公函"): a run of the same
 *   length differing from a title keyword (4+ characters) in exactly one character is that keyword.
 * Nothing else is changed; the raw text is kept beside the corrected one.
 */
const starAfterLevel = /(绝密|机密|秘密)\s*[文☆*＊]\s*(?=[0-9０-９一二三四五六七八九十]+\s*(?:年|个月|月)|长期)/g;
const starBeforeLevel = /^[文☆*＊]\s*(?=绝密|机密|秘密)/;
const starAloneAfterLevel = /^(绝密|机密|秘密)\s*[文☆*＊]$/;

const vocabulary: string[] = [
  ...new Set(
    Object.values(materialSignatures)
      .flatMap((s) => s.titleKeywords)
      .filter((k) => [...k].length >= 4),
  ),
].sort((a, b) => [...b].length - [...a].length);

function oneSubstitution(window: readonly string[], keyword: readonly string[]): boolean {
  let diff = 0;
  for (let i = 0; i < keyword.length; i++) if (window[i] !== keyword[i] && ++diff > 1) return false;
  return diff === 1;
}

export function correctOcrLine(text: string): string {
  let out = text.replace(starAfterLevel, '$1★').replace(starBeforeLevel, '★').replace(starAloneAfterLevel, '$1★');
  for (const keyword of vocabulary) {
    if (out.includes(keyword)) continue;
    const chars = [...out];
    const key = [...keyword];
    for (let i = 0; i + key.length <= chars.length; i++)
      if (oneSubstitution(chars.slice(i, i + key.length), key)) {
        chars.splice(i, key.length, ...key);
        out = chars.join('');
        break;
      }
  }
  return out;
}
