import type { Application } from '../domain/application/application.js';
import { type MaterialRequirement, materialConditionHolds } from '../domain/campaign/materialCatalogue.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import { type MaterialType, materialTypes } from '../domain/materials/materialType.js';
import type { ExtractedDocument } from '../extraction/document.js';
import type { ChecklistItem } from '../report/completenessReport.js';
import { isImageOnly, isPdfFile, isUsable, isWordFile } from './documentQuality.js';

/** Materials whose absence a more specific check reports (consent, publicity, consultation). */
const reportedElsewhere = new Set<MaterialType>([
  'DECLASSIFICATION_CONSENT',
  'PUBLICITY_EVIDENCE',
  'CONSULTATION_FORM',
]);

const conditionNames: Record<string, string> = {
  isHeadquartersOrGroup: '企业总部或总公司（集团）须提供',
  applicantNotFirstDraftingUnit: '申报单位非第一起草单位时须提供',
};

/** Whether the document holds the material, as its primary material or as one it also holds (申报书 + 征求意见表). */
export function carriesMaterial(
  doc: Pick<ExtractedDocument, 'materialType' | 'additionalMaterials'>,
  type: MaterialType,
) {
  return doc.materialType === type || (doc.additionalMaterials?.includes(type) ?? false);
}

export interface ChecklistResult {
  checklist: ChecklistItem[];
  findings: Finding[];
}

/**
 * The material checklist of an application (or of the recommending unit, `app` undefined): for each material of the
 * catalogue its files (every document that carries it, primary or additional) and status, with MISSING_MATERIAL for required (and applicable conditional) materials that are
 * absent or unusable, EDITABLE_WORD_MISSING where the notice asks for Word, SCAN_WITHOUT_TEXT where a form exists only
 * as an image, and (recommending unit's forms) a missing PDF version for review. Optional materials never raise one.
 */
export function materialChecklist(
  requirements: readonly MaterialRequirement[],
  documents: readonly ExtractedDocument[],
  app: Application | undefined,
  fieldPrefix = '',
): ChecklistResult {
  const checklist: ChecklistItem[] = [];
  const findings: Finding[] = [];
  for (const req of requirements) {
    const name = materialTypes[req.type];
    const files = documents.filter((d) => carriesMaterial(d, req.type));
    const paths = files.map((d) => d.path);
    const field = `${fieldPrefix}${req.type}`;
    let needed = req.requirement === 'required';
    let note: string | undefined;
    if (req.requirement === 'conditional' && req.condition) {
      const holds = app ? materialConditionHolds(req.condition, app) : undefined;
      needed = holds === true;
      note =
        holds === undefined
          ? `${conditionNames[req.condition] ?? req.condition}；表中未能判定是否适用，请审核`
          : `${conditionNames[req.condition] ?? req.condition}${holds ? '（适用）' : '（不适用）'}`;
      if (holds === undefined && files.length === 0)
        findings.push(
          finding(
            'MISSING_MATERIAL',
            'review',
            `未能判定是否须提供${name}（${conditionNames[req.condition]}），请审核`,
            {
              field,
            },
          ),
        );
    }
    const base = {
      material: req.type,
      name,
      requirement: req.requirement,
      ...(req.condition ? { condition: req.condition } : {}),
      files: paths,
    };
    if (files.length === 0) {
      checklist.push({ ...base, status: needed ? 'missing' : 'not-required', ...(note ? { note } : {}) });
      if (needed && !reportedElsewhere.has(req.type))
        findings.push(finding('MISSING_MATERIAL', 'blocking', `缺少${name}`, { field }));
      continue;
    }
    const usable = files.filter((d) => isUsable(d, req.textRequired));
    if (usable.length === 0) {
      const scans = files.filter((d) => d.readable && isImageOnly(d));
      if (req.textRequired && scans.length > 0) {
        for (const scan of scans)
          findings.push(
            finding(
              'SCAN_WITHOUT_TEXT',
              needed ? 'blocking' : 'review',
              `${name}仅有无文字层的扫描件，表内字段无法读取`,
              {
                file: scan.path,
                field,
                source: { file: scan.path, page: scan.needsOcr[0] ?? 1 },
              },
            ),
          );
      } else if (needed)
        findings.push(
          finding('MISSING_MATERIAL', 'blocking', `${name}的文件均无法读取`, {
            field,
            file: files[0]?.path,
            evidence: files.map((f) => f.path).join('、'),
          }),
        );
      checklist.push({ ...base, status: 'invalid', note: note ?? '文件无法读取或仅为扫描件' });
      continue;
    }
    checklist.push({ ...base, status: 'present', ...(note ? { note } : {}) });
    if (req.editableWordRequired && !files.some(isWordFile))
      findings.push(
        finding('EDITABLE_WORD_MISSING', 'blocking', `${name}须提供可编辑的Word版本`, {
          field,
          file: files[0]?.path,
        }),
      );
    if (req.pdfRequired && !files.some(isPdfFile))
      findings.push(
        finding('MISSING_MATERIAL', 'review', `${name}须同时提供PDF版本（Word转PDF或扫描件）`, {
          field: `${field}.pdf`,
          file: files[0]?.path,
        }),
      );
  }
  return { checklist, findings };
}
