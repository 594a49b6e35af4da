// What each example bundle must report, written by hand from the 2025 notice and SPEC.md (examples/README.md says
// why for each line) — never copied from the program's output. The golden JSON files are a regression check on top.
import type { ExampleName } from '../fixtures/bundles/exampleBundles.js';

type Severity = 'blocking' | 'review' | 'info';
/** A finding as `CODE/severity`, optionally with a fragment its `field` or `evidence` must contain. */
export type ExpectedFinding = `${string}/${Severity}` | { code: `${string}/${Severity}`; mentions: string };

export interface ExpectedApplication {
  track: 'QM_ORG' | 'QM_IND' | 'SI';
  /** The applicant facts that must be read (report `applicant`). */
  applicant: Record<string, string>;
  status: 'complete' | 'incomplete';
  /** Every finding of the application, as a multiset (order free). */
  findings: ExpectedFinding[];
}

export interface ExampleExpectation {
  status: 'complete' | 'incomplete';
  applications: ExpectedApplication[];
  /** Findings of the recommending unit's own materials and of the bundle (report-level `findings`). */
  unitFindings: ExpectedFinding[];
  /** Files that must be listed in the report with their material (a path suffix → material type). */
  materials?: Record<string, string>;
}

const org = { name: '吉林省长白精工机械有限公司', creditCode: '91220101MA17XK3Q5B' };

export const exampleExpectations: Record<ExampleName, ExampleExpectation> = {
  // §4 QM_ORG: every material present; the private enterprise's eight departments (SPEC §6) have answered.
  'qm-org-complete': {
    status: 'complete',
    applications: [{ track: 'QM_ORG', applicant: org, status: 'complete', findings: [] }],
    unitFindings: [],
  },
  'qm-org-defects': {
    status: 'incomplete',
    applications: [
      {
        track: 'QM_ORG',
        applicant: org,
        status: 'incomplete',
        findings: [
          'EDITABLE_WORD_MISSING/blocking', // 申报表 only as PDF: the notice asks for editable Word
          'CREDIT_CODE_MISMATCH/blocking', // the certificate scan carries another code
          { code: 'SELF_EVALUATION_MISSING_CATEGORY/blocking', mentions: '资源' },
          { code: 'SELF_EVALUATION_MISSING_CATEGORY/blocking', mentions: '结果' },
          'DECLASSIFICATION_CONSENT_INCOMPLETE/blocking', // scanned consent: no signature, no seal
          { code: 'CONSULTATION_MISSING/blocking', mentions: 'TAXATION' }, // 税务 for an enterprise
          'CLASSIFIED_MARKING/blocking', // 机密★5年 in a header
        ],
      },
    ],
    unitFindings: ['RECOMMENDATION_LETTER_INCOMPLETE/blocking', 'SUMMARY_TABLE_MISMATCH/blocking'],
  },
  // §4 QM_IND; SPEC §6: a private enterprise's other staff need 公安 and 组织人事/人力资源.
  'qm-ind-complete': {
    status: 'complete',
    applications: [{ track: 'QM_IND', applicant: { name: '赵立新' }, status: 'complete', findings: [] }],
    unitFindings: [],
  },
  'qm-ind-defects': {
    status: 'incomplete',
    applications: [
      {
        track: 'QM_IND',
        applicant: { name: '赵立新' },
        status: 'incomplete',
        findings: [
          'ID_NUMBER_INVALID/blocking',
          { code: 'MISSING_MATERIAL/blocking', mentions: 'ACHIEVEMENTS' },
          'PUBLICITY_EVIDENCE_MISSING/blocking',
          'DECLASSIFICATION_CONSENT_INCOMPLETE/review', // a blank scan: cannot be verified
          'OCR_LOW_CONFIDENCE/review',
        ],
      },
    ],
    unitFindings: ['DECLASSIFICATION_CONSENT_MISSING/blocking', 'UNCLASSIFIED_FILE/info'],
  },
  // §3 SI: GB/T implemented 2021-11-01 ≤ 2022-12-31, first drafting unit applies, rates 60/40; the drafters' unit type
  // is nowhere in the bundle, so further departments cannot be ruled out (review, one per drafter).
  'si-complete': {
    status: 'complete',
    applications: [
      {
        track: 'SI',
        applicant: { standardNumber: 'GB/T 39876—2021' },
        status: 'complete',
        findings: ['CONSULTATION_MISSING/review', 'CONSULTATION_MISSING/review'],
      },
    ],
    unitFindings: [],
  },
  'si-defects': {
    status: 'incomplete',
    applications: [
      {
        track: 'SI',
        applicant: { standardNumber: 'GB/T 39876—2021' },
        status: 'incomplete',
        findings: [
          'LATE_SUBMISSION/blocking', // received after 2025-09-01
          'CONTRIBUTION_NOT_100/blocking', // 60 % + 30 %
          { code: 'DRAFTER_NOT_IN_FOREWORD/blocking', mentions: '周雪梅' },
          'STANDARD_MISMATCH/blocking', // 附件5 gives GB/T 39867—2021
          { code: 'MISSING_MATERIAL/blocking', mentions: 'BENEFIT_EVIDENCE' },
          { code: 'CONSULTATION_MISSING/blocking', mentions: 'PUBLIC_SECURITY' }, // 公安 for 周雪梅
          'CONSULTATION_MISSING/review',
          'CONSULTATION_MISSING/review',
        ],
      },
    ],
    unitFindings: [],
  },
  // The notice's own one-table 征求意见表 (§三(一)2): eight rows in one file, 类别 非公有制企业及其负责人; numbered file
  // names; the unit's consent at the root is the unit's, not the applicant's; letter headings in the clerk's words.
  'qm-org-onetable': {
    status: 'complete',
    applications: [{ track: 'QM_ORG', applicant: org, status: 'complete', findings: [] }],
    unitFindings: [],
    materials: {
      '03 脱密审核同意书（盖章）.pdf': 'DECLASSIFICATION_CONSENT',
      '6 征求意见表.docx': 'CONSULTATION_FORM',
      '01 推荐公函.docx': 'RECOMMENDATION_LETTER',
    },
  },
  // §3 QM_IND: 2022-03-01 → 2025-08-22 is < 5 years of quality work, 2024-02-01 < 2 years in Jilin. The 申报表 is only a
  // scan (SPEC §4: forms must be readable, not image-only): its facts still come from OCR and the typed 主要成绩与突出贡献.
  'qm-ind-scanned-form': {
    status: 'incomplete',
    applications: [
      {
        track: 'QM_IND',
        applicant: { name: '钱晓燕' },
        status: 'incomplete',
        findings: [
          'SCAN_WITHOUT_TEXT/blocking', // the form material: only an image-only scan
          'SCAN_WITHOUT_TEXT/review', // the file: page 1 has no text layer
          'QUALITY_WORK_YEARS_TOO_FEW/blocking',
          'JILIN_WORK_YEARS_TOO_FEW/blocking',
        ],
      },
    ],
    unitFindings: [],
  },
};
