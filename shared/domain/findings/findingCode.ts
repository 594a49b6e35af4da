import { z } from 'zod';

/**
 * Every finding code the system can emit, in one place. A code is stable: reports, tests and reviewers rely on it.
 * The comment after each code names the rule it enforces (SPEC.md section or the file-level guarantee).
 */
export const findingCodes = [
  // Identity and registration (SPEC §3)
  'CREDIT_CODE_INVALID', // 统一社会信用代码 malformed or wrong GB 32100-2015 check character
  'CREDIT_CODE_NOT_JILIN', // division code (characters 3–8) not in Jilin (22xxxx)
  'ID_NUMBER_INVALID', // 居民身份证号 malformed, bad GB 11643-1999 check digit or impossible birth date
  // QM_ORG / QM_IND eligibility (SPEC §3)
  'OPERATING_YEARS_TOO_FEW', // < 5 years of normal operation (< 3 for 四新 / 专精特新)
  'QUALITY_WORK_YEARS_TOO_FEW', // individual: < 5 years in quality work
  'JILIN_WORK_YEARS_TOO_FEW', // individual: < 2 years of quality work in Jilin
  'INELIGIBLE_RANK', // 副厅级 or above
  'INELIGIBLE_REGULATOR_STAFF', // staff of a market-regulation department
  'DECLARED_VIOLATION', // declared accident / complaint / violation inside the look-back period
  'NOT_LEGAL_PERSON', // applicant organisation is not a legal person
  // SI eligibility (SPEC §3)
  'STANDARD_NUMBER_INVALID', // not a recognisable standard number of an accepted type
  'STANDARD_IMPLEMENTED_TOO_LATE', // implementation (or public declaration) after the cut-off
  'STANDARD_NOT_FILED', // industry / local standard without 备案号
  'STANDARD_ALREADY_AWARDED', // already won 中国/吉林省标准创新贡献奖
  'APPLICANT_NOT_FIRST_DRAFTER', // applicant is not the first drafting unit and no waivers cover the units before it
  'DRAFTERS_TOO_MANY', // more than 5 main drafters
  'CONTRIBUTION_NOT_100', // 贡献率 do not sum to exactly 100
  'CONTRIBUTION_NOT_DESCENDING', // 贡献率 not in non-increasing order
  'GRADE_NOT_REQUESTED', // requested grade (一/二/三等奖) missing
  // Deadlines
  'LATE_SUBMISSION', // received after the campaign deadline for the track
  // Files in a bundle (extraction)
  'FILE_UNREADABLE', // corrupt or not parseable by its real type
  'FILE_EMPTY', // zero bytes or no content at all
  'FILE_ENCRYPTED', // password-protected / encrypted
  'FILE_TYPE_MISMATCH', // extension disagrees with the content's magic bytes
  'FILE_TYPE_UNSUPPORTED', // a type the office cannot read (executables, unknown binaries)
  'FILE_TOO_LARGE', // over the per-file size limit
  'FILE_TIMEOUT', // extraction exceeded its time or memory budget
  'ARCHIVE_UNSAFE_PATH', // ../, absolute path, drive letter or symlink in an archive; a folder-named entry carrying data; two entries at one path
  'FILE_NAME_DECEPTIVE', // bidi controls, invisible or control characters, document.pdf.exe: the name could fool a reader
  'ARCHIVE_LIMIT_EXCEEDED', // entry count / total size / compression ratio (zip bomb) / nesting depth over the limit
  'ARCHIVE_UNREADABLE', // the bundle archive itself cannot be read
  'SCAN_WITHOUT_TEXT', // a material whose fields must be read is image-only
  'CLASSIFIED_MARKING', // 绝密/机密/秘密★, 内部资料, 涉密 used as a marking
  'UNCLASSIFIED_FILE', // file matches no material type of the catalogue
  // Completeness (SPEC §4)
  'MISSING_MATERIAL', // a required material is absent
  'EDITABLE_WORD_MISSING', // the notice asks for an editable Word original
  'DECLASSIFICATION_CONSENT_MISSING', // no 脱密审核同意书 from the recommending unit or the applicant
  'DECLASSIFICATION_CONSENT_INCOMPLETE', // consent lacks unit, date or signature/seal
  'NAME_MISMATCH', // organisation / person name differs across documents
  'CREDIT_CODE_MISMATCH', // credit code differs across documents (incl. certificate scan)
  'STANDARD_MISMATCH', // standard number / name differs across documents
  'ID_NUMBER_MISMATCH', // 身份证号 differs across documents of an individual's application
  'DATE_MISMATCH', // a date (从事质量工作时间, 成立时间, 实施日期 …) differs across documents of an application
  'DRAFTER_NOT_IN_FOREWORD', // a main drafter is not in the standard's foreword
  'SUMMARY_TABLE_MISMATCH', // summary table rows do not match the applications in the bundle
  'RECOMMENDATION_LETTER_INCOMPLETE', // 推荐公函 lacks some of the eight points
  'SELF_EVALUATION_MISSING_CATEGORY', // 自评报告 lacks a GB/T 19580 category
  'PUBLICITY_EVIDENCE_MISSING', // no evidence of the ≥ 5 working-day internal publicity
  'CONSULTATION_MISSING', // a department of the consultation matrix has not returned an opinion
  'CONSULTATION_ADVERSE', // a department's returned opinion objects or reports a problem (SPEC §6): for review
  'FIELD_MISSING', // a required form field could not be read
  'OCR_LOW_CONFIDENCE', // OCR text below the confidence threshold: not trusted
  'OCR_BUDGET_EXCEEDED', // OCR page over its time budget or beyond the per-bundle page cap
] as const;

export const FindingCode = z.enum(findingCodes);
export type FindingCode = z.infer<typeof FindingCode>;
