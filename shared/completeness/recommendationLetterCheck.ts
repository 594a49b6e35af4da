import { missingRecommendationPoints, recommendationPoints } from '../domain/application/recommendationLetter.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { byPreference } from './documentQuality.js';

/**
 * SPEC §4: the 推荐公函 covers eight points. The version covering most points is judged; the points it lacks are
 * named in one RECOMMENDATION_LETTER_INCOMPLETE (blocking). A letter that could not be read (scan) is left to review.
 */
export function checkRecommendationLetter(letters: readonly ExtractedDocument[]): Finding[] {
  const read = letters
    .filter((d) => d.records.recommendationLetter !== undefined)
    .sort(byPreference)
    .map((doc) => ({ doc, missing: missingRecommendationPoints(doc.records.recommendationLetter as never) }))
    .sort((a, b) => a.missing.length - b.missing.length);
  const best = read[0];
  if (!best) {
    const first = [...letters].sort(byPreference)[0];
    return first
      ? [
          finding('RECOMMENDATION_LETTER_INCOMPLETE', 'review', '推荐公函无法读取文字，未能核对八项内容，请人工核对', {
            file: first.path,
            field: 'recommendationLetter.pointsPresent',
          }),
        ]
      : [];
  }
  if (best.missing.length === 0) return [];
  const names = best.missing.map((p) => recommendationPoints[p]);
  return [
    finding('RECOMMENDATION_LETTER_INCOMPLETE', 'blocking', `推荐公函缺少：${names.join('、')}`, {
      file: best.doc.path,
      field: 'recommendationLetter.pointsPresent',
      evidence: names.join('、'),
    }),
  ];
}
