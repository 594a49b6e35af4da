import { type OwnershipType, parseOwnershipType } from '../application/ownershipType.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { normaliseLabel } from '../extraction/formLabels.js';
import { parseDate } from '../validation/dates.js';
import { documentLines } from './documentQuality.js';

/**
 * Yes/no declarations and the unit type that the forms carry beyond the extractor's typed fields (单位性质, 是否为企业
 * 总部或总公司（集团）, 在吉林省从事质量工作时间 …). The material checklist and the consultation matrix depend on them.
 */
export interface DeclaredFlags {
  ownershipType?: OwnershipType;
  isHeadquartersOrGroup?: boolean;
  isLegalPerson?: boolean;
  isHead?: boolean;
  isLegalRepresentative?: boolean;
  isAuditSubject?: boolean;
  isUnitedFrontFigure?: boolean;
  jilinQualityWorkStartDate?: string;
}

const labels: Record<keyof DeclaredFlags, string[]> = {
  ownershipType: ['单位性质', '企业性质', '所有制性质', '经济类型', '单位类型', '工作单位性质'],
  isHeadquartersOrGroup: [
    '是否为企业总部或总公司（集团）',
    '是否企业总部或总公司（集团）',
    '是否为集团或总部',
    '是否集团',
  ],
  isLegalPerson: ['是否具有法人资格', '是否具备法人资格', '法人资格'],
  isHead: ['是否为单位负责人', '是否单位负责人', '是否为负责人'],
  isLegalRepresentative: ['是否为法定代表人', '是否法定代表人'],
  isAuditSubject: ['是否为被审计对象', '负责人是否为被审计对象', '是否被审计对象'],
  isUnitedFrontFigure: ['是否为统战人士', '是否统战人士'],
  jilinQualityWorkStartDate: ['在吉林省从事质量工作时间', '在吉林从事质量工作时间', '在吉林省从事质量工作起始时间'],
};

const byLabel = new Map<string, keyof DeclaredFlags>();
for (const [key, list] of Object.entries(labels) as [keyof DeclaredFlags, string[]][])
  for (const label of list) byLabel.set(normaliseLabel(label), key);

function yesNo(value: string): boolean | undefined {
  const v = value.replace(/[\s\u3000□☐]/g, '');
  if (/^(是|有|yes|√是|☑是|■是)/i.test(v)) return true;
  if (/^(否|无|不是|no|√否|☑否|■否)/i.test(v)) return false;
  return undefined;
}

/** Label/value pairs of a line: tab-separated table cells (label, value) and `label：value` text. */
function pairs(line: string): [string, string][] {
  const out: [string, string][] = [];
  const cells = line.split('\t').map((c) => c.trim());
  for (let i = 0; i + 1 < cells.length; i++) out.push([cells[i] as string, cells[i + 1] as string]);
  for (const cell of cells) {
    const m = /^([^:：]{1,30})[:：](.+)$/.exec(cell);
    if (m) out.push([m[1] as string, m[2] as string]);
  }
  return out;
}

/** The declared flags of the forms of one application, the first value of each flag winning. */
export function readDeclaredFlags(docs: readonly ExtractedDocument[]): DeclaredFlags {
  const flags: DeclaredFlags = {};
  for (const doc of docs)
    for (const line of documentLines(doc))
      for (const [label, value] of pairs(line)) {
        const key = byLabel.get(normaliseLabel(label));
        if (!key || flags[key] !== undefined || value.trim() === '') continue;
        if (key === 'ownershipType') {
          const type = parseOwnershipType(value);
          if (type) flags.ownershipType = type;
        } else if (key === 'jilinQualityWorkStartDate') {
          const parsed = parseDate(value);
          if (parsed.ok) flags.jilinQualityWorkStartDate = parsed.date;
        } else {
          const answer = yesNo(value);
          if (answer !== undefined) flags[key] = answer;
        }
      }
  return flags;
}
