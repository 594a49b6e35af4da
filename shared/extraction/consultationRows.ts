import { type Department, departmentOf } from '../domain/consultation/department.js';
import type { SourceRef } from '../domain/findings/finding.js';
import { findDates } from '../domain/validation/dates.js';
import { toHalfWidth } from '../domain/validation/halfWidth.js';
import { chosenText } from './checkboxChoice.js';
import type { ExtractedDocument, Table } from './document.js';
import { type GridCell, tableGrid } from './formFields.js';
import { parseSubjectCategory } from './subjectCategory.js';

/** Whom a 征求意见表 is about, as the form names it: 姓名 / 单位名称 / 申报单位 / 主要起草人 …, and its 类别. */
export interface ConsultationSubjectText {
  name?: string;
  category?: string;
}

/**
 * One 反馈意见栏 of a 《吉林省质量奖征求意见表》 (notice §三(一)2, §三(二)2; SPEC §6): a department with its office, the
 * opinion, the seal and the date, and the subject of the form it belongs to.
 */
export interface ConsultationRow {
  department: Department;
  /** The department as written: 公安部门（长春市公安局）. */
  departmentText: string;
  /** The office in brackets (长春市公安局), when written. */
  office?: string;
  opinion?: string;
  /** The opinion objects or reports a problem (不同意, 存在…问题, 受到…处罚 …). */
  adverse: boolean;
  /** The signing date, YYYY-MM-DD. */
  date?: string;
  /** A seal is marked: （盖章） or the sealing unit's name. */
  sealed: boolean;
  /** The sealing unit, when its name is written. */
  seal?: string;
  /**
   * The department answered: an opinion, a date or a named seal. A row with only the blank form's department and its
   * printed （盖章）/年 月 日 placeholders is not a returned opinion.
   */
  returned: boolean;
  subject?: ConsultationSubjectText;
  source: SourceRef;
}

export interface ReadConsultationOptions {
  /** The whole document is a 征求意见表 (its material): rows are read from its start, and when it names no department
   * in a row, a label or its title, its file name does (one file per department). */
  wholeDocument?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Words of the form

const compact = (text: string) => toHalfWidth(text).replace(/\s/g, '');

/** A heading that opens a consultation form: 吉林省质量奖征求意见表, 六、征求有关部门意见表 … */
const formHeading = /征求.{0,8}意见表|征求有关部门意见$/;
/** A numbered heading of another section (七、…, 附件…): ends a consultation section inside a larger document. */
const sectionHeading = /^(?:[一二三四五六七八九十]{1,3}[、.]|第[一二三四五六七八九十]{1,3}[章部分节]|附件\d*[:：\s]?$)/;
const closingLine = /^(?:注|说明|备注|填表说明|填写说明)\s*[:：\d(（]/;

const departmentLabel =
  /^(?:征求意见部门|意见部门|部门名称|出具意见部门|出具意见单位|征求意见单位|审核部门)(?:[(（][^)）]*[)）])?$/;
const categoryLabel = /^类别(?:名称)?$/;
const nameLabel =
  /^(?:姓名|单位名称|申报单位(?:名称)?|申报对象|申报人|征求意见对象|被征求意见(?:单位|人|对象)|对象(?:名称)?|主要起草人(?:员)?(?:姓名)?|起草人(?:姓名)?)$/;

type Role = 'department' | 'opinion' | 'seal' | 'date' | 'index';
function columnRole(text: string): Role | undefined {
  const t = compact(text);
  if (/^(?:征求意见|出具意见|征求|意见|反馈)?(?:部门|单位)(?:名称)?$/.test(t)) return 'department';
  if (/^(?:反馈|部门|审核|征求|签署|出具)?意见(?:内容|栏)?$|^反馈意见栏$/.test(t)) return 'opinion';
  if (/^(?:单位)?(?:盖章|公章|签章|印章)(?:单位)?$/.test(t)) return 'seal';
  if (/^(?:签署|出具|反馈)?(?:日期|时间)$|^年月日$/.test(t)) return 'date';
  if (/^(?:序号|编号)$/.test(t)) return 'index';
  return undefined;
}

/** A label of one cell with nothing to read in it (意见, 日期, 盖章 as a column or row label). */
const bareLabel = (text: string) => {
  const role = columnRole(text);
  return role !== undefined && role !== 'department';
};
/** 反馈意见 / 征求意见情况 as a vertical label spanning the department rows. */
const sideLabel = (text: string) =>
  /^(?:反馈|征求|部门)?意见(?:栏|情况)?$|^征求(?:有关)?部门意见(?:情况)?$/.test(compact(text));
const indexCell = (text: string) => /^[(（]?\d{1,2}[)）.、]?$|^[一二三四五六七八九十]{1,3}[、.]?$/.test(compact(text));

// ---------------------------------------------------------------------------------------------------------------
// A department at the start of a cell or line

const numbering = /^\s*(?:[(（]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）.、．]\s*|\d{1,2}\s+)/;
const departmentHead = /^([^\s(（:：,，。;；]{1,30})\s*(?:([(（])([^)）]{0,40})([)）])?)?/;
/** How a department's name ends (公安部门, 长春市公安局, 中共长春市委统战部, 工商联 …). */
const departmentEnding =
  /(?:部门|局|厅|委|部|委员会|联|联合会|机关|办公室|办|处|科|支队|大队|监委|组织|系统|工作|管理|环境|保障|事|察|计|务|监管|政|安|战)$/;

const sealOnlyOffice = /^(?:单位)?(?:盖|公|印|签)?\s*章$/;

interface LeadingDepartment {
  department: Department;
  departmentText: string;
  office?: string;
  /** The office's bracket is not closed on this line (it wraps onto the next). */
  officeOpen?: boolean;
  /** The bracket after the name was （盖章）: a seal line such as 长春市公安局（盖章）. */
  sealBracket?: boolean;
  rest: string;
}

/** "公安部门（长春市公安局） 同意 （盖章） 2025年7月30日" → 公安部门（长春市公安局） and the rest of the text. */
function leadingDepartment(text: string): LeadingDepartment | undefined {
  const body = text.replace(numbering, '').trimStart();
  const m = departmentHead.exec(body);
  if (!m) return undefined;
  let name = m[1] as string;
  let bracket = m[2] !== undefined ? m[0].slice(m[0].indexOf(m[2], (m[1] as string).length)) : '';
  let office = m[3]?.trim();
  let officeOpen = m[2] !== undefined && m[4] === undefined;
  let rest = body.slice(m[0].length);
  if (officeOpen) {
    // The bracket is still open at the end of the line: the whole rest is the office, continued below.
    office = `${m[3] ?? ''}${rest}`.trim();
    bracket = `${bracket}${rest}`;
    rest = '';
    if (office.length > 40) return undefined;
  }
  // The name may run into the opinion when nothing separates them: 公安部门意见：…, 公安部门同意推荐.
  const cut = /部门(?=.)|(?=意见)|(?=不?同意)/.exec(name);
  if (cut) {
    const at = cut.index + cut[0].length;
    if (at > 0 && at < name.length) {
      rest = name.slice(at) + bracket + rest;
      name = name.slice(0, at);
      bracket = '';
      office = undefined;
      officeOpen = false;
    }
  }
  // 长春市公安局（盖章）: the bracket is the seal's, not an office.
  const sealBracket = office !== undefined && !officeOpen && sealOnlyOffice.test(office);
  if (sealBracket) {
    rest = `（盖章）${rest}`;
    bracket = '';
    office = undefined;
  }
  if (name.length > 24 || /人士|类别|意见表/.test(name) || departmentLabel.test(name)) return undefined;
  // A sentence that starts with a department's word (公安机关未发现其违法犯罪记录) is no department cell.
  if (name.length > 8 && !departmentEnding.test(name)) return undefined;
  const department = departmentOf(name) ?? (office && /^(?:部门|单位)?$/.test(name) ? departmentOf(office) : undefined);
  if (!department) return undefined;
  return {
    department,
    departmentText: `${name}${bracket}`.trim(),
    ...(office ? { office } : {}),
    ...(officeOpen ? { officeOpen } : {}),
    ...(sealBracket ? { sealBracket } : {}),
    rest: rest.replace(/^\s*(?:意见)?\s*[:：]\s*/, ''),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What a row says: opinion, seal, date

const looseDate =
  /[0-9０-９〇零○一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[日号]?|[0-9０-９]{4}\s*[.．\-/／]\s*[0-9０-９]{1,2}\s*[.．\-/／]\s*[0-9０-９]{1,2}(?![0-9０-９])/g;
/** The blank form's date line: 年 月 日 (maybe with a year printed). */
const datePlaceholder = /(?:[0-9０-９]{4}\s*)?年\s*月\s*日/g;
const sealMarker =
  /[(（]\s*(?:单位)?\s*(?:盖|公|印|签)?\s*章\s*[)）]|(?:单位)?(?:盖\s*章|公\s*章|印\s*章|签\s*章)(?:处)?/g;
const signatureLabel = /(?:负责人|经办人|审核人|领导)?\s*[(（]?\s*(?:签字|签名)\s*[)）]?\s*[:：]?/g;
const opinionLabel = /^(?:反馈|部门|审核|征求|签署|出具)?意见\s*[:：]?\s*/;
const dateLabel = /^(?:签署|出具|反馈)?(?:日期|时间)\s*[:：]?\s*/;
/** A unit's name standing alone: the sealing unit (长春市公安局, 中共长春市委统战部). */
const unitName = /^[^\s，。,;；:：!！?？]{2,30}(?:局|委|部|厅|会|院|办|办公室|所|中心|机关|政府|分局|支队|大队|联)$/;

const cjk = /[\p{Script=Han}，。；：、！？（）《》“”]/u;
const notAUnit = /同意|意见|推荐|记录|违|核查|经|未|无|不/;

interface Segment {
  text: string;
  role?: Role;
}

interface Content {
  opinion?: string;
  sealed: boolean;
  seal?: string;
  date?: string;
}

function readContent(segments: readonly Segment[]): Content {
  const opinion: string[] = [];
  let sealed = false;
  let seal: string | undefined;
  let date: string | undefined;
  for (const segment of segments) {
    let text = segment.text;
    text = text.replace(looseDate, (written) => {
      const found = findDates(written).find((d) => d.precision === 'day');
      if (found) date = found.date;
      return ' ';
    });
    text = text.replace(datePlaceholder, ' ');
    text = text.replace(sealMarker, () => {
      sealed = true;
      return ' ';
    });
    text = text.replace(signatureLabel, ' ');
    for (const line of text.split('\n')) {
      let rest = line.trim();
      if (!rest || bareLabel(rest)) continue;
      // 出具意见单位（盖章）：长春市公安局 → the sealing unit; 意见：同意 → the opinion.
      const labelled = /^([^:：]{1,12})[:：]\s*(.*)$/.exec(rest);
      let role = segment.role;
      if (labelled) {
        const label = compact(labelled[1] as string);
        if (/意见$/.test(label)) role = 'opinion';
        else if (/(?:日期|时间)$/.test(label)) role = 'date';
        else if (/(?:单位|部门|机关)$/.test(label)) role = 'seal';
        if (role !== segment.role || bareLabel(label)) rest = (labelled[2] as string).trim();
      }
      rest = rest.replace(opinionLabel, '').replace(dateLabel, '').trim();
      if (!rest || /^[\s:：,，。.、()（）]*$/.test(rest)) continue;
      if (role === 'date') continue;
      if (role === 'seal' || (role !== 'opinion' && unitName.test(rest) && !notAUnit.test(rest))) {
        sealed = true;
        seal ??= rest;
        continue;
      }
      opinion.push(rest);
    }
  }
  // Lines of a wrapped cell join without a space between Chinese characters.
  const text = opinion
    .reduce(
      (all, part) => (all && !(cjk.test(all.slice(-1)) && cjk.test(part[0] ?? '')) ? `${all} ${part}` : all + part),
      '',
    )
    .replace(/\s+/g, ' ')
    .trim();
  return { ...(text ? { opinion: text } : {}), sealed, ...(seal ? { seal } : {}), ...(date ? { date } : {}) };
}

const explicitlyAdverse = /不同意(?!见)|不予(?:推荐|同意|通过)|不(?:建议|宜|予|能)推荐|不推荐|暂缓|反对/;
const problemWords = /存在|受到|处罚|处分|违法|违规|违纪|失信|欠税|偷税|逃税|立案|事故|问题|异议|不良记录|黑名单|整改/;
const negation = /未|没有|无|不存在|否|不属于|暂无/;

/**
 * Whether an opinion objects or reports a problem: 不同意 / 不予推荐, or a clause naming a problem (存在…问题, 受到…处罚,
 * 违法, 事故 …) that no negation (未发现, 无, 没有, 不存在, "记录：无") qualifies.
 */
export function isAdverseOpinion(opinion: string): boolean {
  // A ticked answer ("☑同意 □不同意") is read through the choice reader: the unticked 不同意 is not the opinion.
  const text = compact(chosenText(opinion, ['同意', '不同意', '无异议', '有异议']));
  if (explicitlyAdverse.test(text)) return true;
  return text.split(/[，,。.；;！!？?、\n]|但是?|然而|不过/).some((clause) => {
    const problem = problemWords.exec(clause);
    if (!problem) return false;
    if (negation.test(clause.slice(0, problem.index + problem[0].length))) return false;
    // 违法违纪记录：无 — the negation after a colon answers the clause.
    if (/[:：]\s*(?:无|没有|否|未发现)/.test(clause)) return false;
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Subjects

function categoryOf(text: string): string | undefined {
  return parseSubjectCategory(text)?.text;
}

/** A name in a heading such as "（二）主要起草人张三征求意见表"; undefined for the plain titles. */
function headingName(text: string): string | undefined {
  const rest = compact(text)
    .replace(numbering, '')
    .replace(
      /吉林省质量奖|[(（][^)）]*[)）]|征求有关部门意见表|征求(?:有关)?(?:部门)?意见表?|主要起草人员?|申报单位|申报项目|的|[:：、.《》〈〉<>"“”'‘’「」【】[\]]/g,
      '',
    );
  return /^\p{Script=Han}[\p{Script=Han}·]{1,19}$/u.test(rest) && !departmentOf(rest) ? rest : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a document

interface OpenRecord {
  head: LeadingDepartment;
  segments: Segment[];
  subject: ConsultationSubjectText;
  source: SourceRef;
  /** Table records: the department cell ("table:row:cell"), so that the rows it spans join the record. */
  key?: string;
  /** Table records: the cells already read. */
  cells?: Set<string>;
  /** Line records: a line with a date ends the row. */
  dated?: boolean;
}

type Item =
  | { kind: 'line'; text: string; source: SourceRef }
  | { kind: 'row'; table: Table; grid: GridCell[][]; r: number };

/** Lines and table rows in reading order: Word writes each table row as one tab-joined line of the text flow. */
function readingOrder(doc: Pick<ExtractedDocument, 'path' | 'pages' | 'tables'>): Item[] {
  const file = doc.path;
  const grids = new Map(doc.tables.map((t) => [t, tableGrid(t)]));
  const rows = doc.tables.flatMap((table) =>
    table.rows.map((cells, r) => ({
      table,
      r,
      line: cells
        .map((c) => c.text.replace(/\n/g, ' '))
        .join('\t')
        .trim(),
    })),
  );
  const items: Item[] = [];
  let next = 0;
  for (const page of doc.pages)
    page.lines.forEach((text, i) => {
      while (next < rows.length && rows[next]?.line === '') next++;
      const row = rows[next];
      if (row && text.trim() === row.line) {
        items.push({ kind: 'row', table: row.table, grid: grids.get(row.table) ?? [], r: row.r });
        next++;
        return;
      }
      items.push({ kind: 'line', text, source: { file, page: page.page, line: i + 1 } });
    });
  const rest = rows.slice(next);
  const unplaced = doc.tables.filter((t) => rest.some((row) => row.table === t));
  return unplaced.reduce((acc, table) => placeTable(acc, table, grids.get(table) ?? []), items);
}

/**
 * A table whose rows are not in the text flow as Word writes them (a PDF's detected table): it takes the place of the
 * lines that are its text (every token of the line is text of the table), from the first line that starts its first
 * row; when no line does, it goes after the text.
 */
function placeTable(items: Item[], table: Table, grid: GridCell[][]): Item[] {
  const rowItems: Item[] = table.rows
    .map((_, r) => ({ kind: 'row' as const, table, grid, r }))
    .filter((item) => table.rows[item.r]?.some((c) => c.text.trim() !== ''));
  const text = compact(
    table.rows
      .flat()
      .map((c) => c.text)
      .join(''),
  );
  const firstCell = compact(
    table.rows
      .flat()
      .find((c) => c.text.trim() !== '')
      ?.text.split('\n')[0] ?? '',
  );
  const covered = (item: Item) =>
    item.kind === 'line' &&
    item.text
      .split(/\s+/)
      .map(compact)
      .filter(Boolean)
      .every((token) => text.includes(token));
  const at = items.findIndex(
    (item) =>
      covered(item) && item.kind === 'line' && firstCell !== '' && compact(item.text).startsWith(firstCell.slice(0, 4)),
  );
  if (at < 0) return [...items, ...rowItems];
  let end = at;
  while (end < items.length && covered(items[end] as Item)) end++;
  return [...items.slice(0, at), ...rowItems, ...items.slice(end)];
}

const cellId = (cell: GridCell) => `${cell.row}:${cell.cell}`;

/** Adds a row's cells to a record once each; a label cell (盖章, 日期, 意见) gives its role to the cell after it. */
function addCells(
  record: OpenRecord,
  cells: readonly { cell: GridCell; x: number }[],
  roleAt: (x: number) => { role?: Role },
): void {
  let labelRole: Role | undefined;
  for (const c of cells) {
    if (record.cells?.has(cellId(c.cell))) continue;
    record.cells?.add(cellId(c.cell));
    const role = columnRole(c.cell.text);
    if (role && role !== 'department' && role !== 'index') {
      labelRole = role;
      continue;
    }
    record.segments.push({ text: c.cell.text, ...(labelRole ? { role: labelRole } : roleAt(c.x)) });
    labelRole = undefined;
  }
}

/**
 * Every consultation row of a document: the notice's one table with a row per department (any column order, merged
 * cells, the department's office in brackets), the same table as PDF text (a line per row, or the opinion and date on
 * the lines below the department), one form per department (a `征求意见部门：` label, the title or, for a whole
 * consultation form, the file name) and the SI 申报书's section 六. Outside a whole consultation form only what follows
 * a consultation heading (…征求意见表) is read, up to the next numbered section. Rows keep the subject (姓名 / 单位名称 /
 * 申报单位 / 主要起草人, 类别) of the form they are in. Rows of the blank form that nobody filled in are returned too,
 * with `returned` false.
 */
export function readConsultationRows(
  doc: Pick<ExtractedDocument, 'path' | 'pages' | 'tables'>,
  options: ReadConsultationOptions = {},
): ConsultationRow[] {
  const file = doc.path;
  const records: OpenRecord[] = [];
  let inForm = options.wholeDocument === true;
  let subject: ConsultationSubjectText = {};
  let rowsInSubject = 0;
  /** The record that following lines or rows continue. */
  let open: OpenRecord | undefined;
  const tableRecords = new Map<string, OpenRecord>();
  let header: { table: Table; roles: (Role | undefined)[] } | undefined;
  /** Text of the form outside department rows: the opinion of a one-department form. */
  const loose: Segment[] = [];
  let labelled: { head: LeadingDepartment; source: SourceRef } | undefined;
  let titled: { head: LeadingDepartment; source: SourceRef } | undefined;

  const close = () => {
    open = undefined;
  };
  const newSubject = () => {
    close();
    subject = {};
    rowsInSubject = 0;
  };
  const setName = (name: string) => {
    const value = name.trim();
    if (!value) return;
    if (rowsInSubject > 0) newSubject();
    subject.name ??= value;
  };
  const setCategory = (category: string) => {
    if (subject.category === category && rowsInSubject === 0) return;
    if (rowsInSubject > 0 || subject.category) newSubject();
    subject.category = category;
  };
  const start = (head: LeadingDepartment, source: SourceRef, key?: string): OpenRecord => {
    rowsInSubject++;
    const record: OpenRecord = {
      head,
      segments: [],
      subject,
      source,
      ...(key ? { key, cells: new Set<string>() } : {}),
    };
    if (head.rest.trim()) record.segments.push({ text: head.rest });
    records.push(record);
    return record;
  };

  /** A consultation form's heading (吉林省质量奖征求意见表, 六、征求有关部门意见表 …): opens a form; true when it was one. */
  const heading = (text: string): boolean => {
    const t = text.trim();
    if (!formHeading.test(compact(t)) || t.length > 60 || /[，。；]/.test(t)) return false;
    inForm = true;
    const bracketed = /[(（]([^)）]+)[)）]/.exec(t)?.[1];
    const category = bracketed ? categoryOf(bracketed) : undefined;
    const name = headingName(t);
    const titleDepartment = name
      ? undefined
      : (leadingDepartment(t.replace(/征求.*$/, '')) ?? (bracketed ? leadingDepartment(bracketed) : undefined));
    if (rowsInSubject > 0) newSubject();
    if (category) subject.category = category;
    if (name) subject.name = name;
    if (titleDepartment && !titled) titled = { head: { ...titleDepartment, rest: '' }, source: { file } };
    return true;
  };

  /** 类别：…, 姓名：… inside a form: sets the subject; true when the text was one. */
  const subjectMarker = (text: string): boolean => {
    const pair = /^(.{1,16}?)\s*(?:[:：]|\s)\s*(.+)$/.exec(text.trim());
    const label = pair ? compact(pair[1] as string) : '';
    if (pair && categoryLabel.test(label)) {
      const category = categoryOf(pair[2] as string);
      if (category) setCategory(category);
      return true;
    }
    if (pair && nameLabel.test(label)) {
      setName(pair[2] as string);
      return true;
    }
    return false;
  };
  const marker = (text: string) => heading(text) || (inForm && subjectMarker(text));

  const departmentLabelValue = (text: string): string | undefined => {
    const m = /^(.{2,16}?)\s*(?:[:：\t]|\s)\s*(.+)$/.exec(text.trim());
    return m && departmentLabel.test(compact(m[1] as string)) ? (m[2] as string) : undefined;
  };

  const readLine = (text: string, source: SourceRef) => {
    const t = text.replace(/\t/g, '  ').trim();
    if (!t) return;
    const c = compact(t);
    // 七、… ends section 六; 一、公安部门（…） 同意 is a numbered row of the form.
    if (sectionHeading.test(c) && !formHeading.test(c) && !(inForm && leadingDepartment(t))) {
      close();
      inForm = false;
      return;
    }
    if (marker(t)) {
      close();
      return;
    }
    if (!inForm) return;
    if (closingLine.test(t)) {
      close();
      return;
    }
    const labelValue = departmentLabelValue(t);
    if (labelValue !== undefined) {
      close();
      const head = leadingDepartment(labelValue);
      if (head && !labelled) labelled = { head: { ...head, rest: '' }, source };
      // 出具意见单位（盖章）：长春市公安局 also says the form is sealed.
      if (sealMarker.test(t)) loose.push({ text: t });
      else if (head?.rest.trim()) loose.push({ text: head.rest });
      sealMarker.lastIndex = 0;
      return;
    }
    const tokens = t.split(/\s+/);
    if (tokens.length > 1 && tokens.every((token) => columnRole(token) !== undefined)) {
      close();
      return;
    }
    if (open && !open.key && open.head.officeOpen) {
      // The office's bracket wrapped onto this line: 人力资源社会保障部门（长春市人力资源和 / 社会保障局） 同意
      const end = t.search(/[)）]/);
      const officePart = end >= 0 ? t.slice(0, end) : t;
      open.head.office = `${open.head.office ?? ''}${officePart}`;
      open.head.departmentText += end >= 0 ? t.slice(0, end + 1) : t;
      if (end < 0) return;
      open.head.officeOpen = false;
      const after = t.slice(end + 1).trim();
      if (after) open.segments.push({ text: after });
      if (readContent([{ text: after }]).date) open.dated = true;
      return;
    }
    const head = leadingDepartment(t);
    // 长春市公安局（盖章） under a one-department form's opinion is its seal, not a row of its own.
    if (head?.sealBracket && (labelled || titled)) {
      close();
      loose.push({ text: t });
      return;
    }
    if (head) {
      open = start(head, source);
      open.dated = readContent([{ text: head.rest }]).date !== undefined;
      return;
    }
    if (open && !open.key) {
      const content = readContent([{ text: t }]);
      const sealOnly = content.sealed && !content.opinion && !content.date;
      if (open.dated && !sealOnly) {
        close();
        loose.push({ text: t });
        return;
      }
      open.segments.push({ text: t });
      if (content.date) open.dated = true;
      return;
    }
    loose.push({ text: t });
  };

  const readRow = (table: Table, grid: GridCell[][], r: number) => {
    const line = grid[r] ?? [];
    const cells: { cell: GridCell; x: number }[] = [];
    line.forEach((cell, x) => {
      if (cell && !cells.some((c) => c.cell === cell || cellId(c.cell) === cellId(cell))) cells.push({ cell, x });
    });
    const own = cells.filter((c) => c.cell.row === r);
    const texts = own.map((c) => c.cell.text.trim()).filter(Boolean);
    if (texts.length === 0) return;
    // A heading, 类别 or name across the row.
    if (texts.length === 1 && marker(texts[0] as string)) {
      close();
      return;
    }
    if (!inForm) {
      if (!texts.some((t) => formHeading.test(compact(t)))) return;
      inForm = true;
    }
    const first = compact(own[0]?.cell.text ?? '');
    // 类别 | 非公有制企业及其负责人 ; 申报对象 | 长春某某有限公司
    if (categoryLabel.test(first) || nameLabel.test(first)) {
      const value = own
        .slice(1)
        .map((c) => c.cell.text.trim())
        .filter(Boolean)
        .join(' ');
      close();
      if (!categoryLabel.test(first)) setName(value);
      else {
        const category = categoryOf(value);
        if (category) setCategory(category);
      }
      return;
    }
    // Several label：value cells on one row (姓名：张三 | 类别：事业单位工作人员).
    if (
      own.length > 1 &&
      own.every((c) => !c.cell.text.trim() || /[:：]/.test(c.cell.text)) &&
      own.some((c) => marker(c.cell.text))
    ) {
      close();
      return;
    }
    const roles = cells.map((c) => columnRole(c.cell.text));
    if (roles.includes('department') && roles.filter((x) => x && x !== 'index').length >= 2) {
      close();
      header = { table, roles: line.map((cell) => (cell ? columnRole(cell.text) : undefined)) };
      return;
    }
    const columns = header?.table === table ? header.roles : undefined;
    const roleAt = (x: number) => (columns?.[x] ? { role: columns[x] } : {});
    // The department cell: the header's department column, else the first cell that is no number or side label.
    const deptColumn = columns?.indexOf('department') ?? -1;
    const departmentCell =
      deptColumn >= 0 && line[deptColumn]
        ? { cell: line[deptColumn] as GridCell, x: deptColumn }
        : cells.find(
            (c) =>
              c.cell.text.trim() !== '' &&
              !indexCell(c.cell.text) &&
              !sideLabel(c.cell.text) &&
              !(c.cell.row < r && !leadingDepartment(c.cell.text)),
          );
    // A one-department form as a grid: 征求意见部门 | 公安部门（…）.
    if (departmentCell && departmentLabel.test(compact(departmentCell.cell.text))) {
      const valueCell = cells.find((c) => c.x > departmentCell.x && c.cell.text.trim() !== '');
      const head = valueCell ? leadingDepartment(valueCell.cell.text) : undefined;
      if (head && valueCell && !labelled)
        labelled = {
          head: { ...head, rest: '' },
          source: { file, table: table.index, row: valueCell.cell.row, cell: valueCell.cell.cell },
        };
      close();
      return;
    }
    // The department's line, with an office bracket that wraps inside the cell joined: 人社部门（长春市人力资源 / 和社会保障局）
    const cellLines = (departmentCell?.cell.text ?? '').split('\n');
    let firstLine = cellLines[0] ?? '';
    let wrapped = 1;
    while (wrapped < cellLines.length && /[(（][^)）]*$/.test(firstLine)) firstLine += cellLines[wrapped++]?.trim();
    const moreLines = cellLines.slice(wrapped);
    const head = departmentCell ? leadingDepartment(firstLine) : undefined;
    if (head && departmentCell) {
      const key = `${table.index}:${cellId(departmentCell.cell)}`;
      let record = tableRecords.get(key);
      if (!record) {
        const more = moreLines.join('\n');
        record = start(
          more ? { ...head, rest: `${head.rest}\n${more}` } : head,
          { file, table: table.index, row: departmentCell.cell.row, cell: departmentCell.cell.cell },
          key,
        );
        record.cells?.add(cellId(departmentCell.cell));
        tableRecords.set(key, record);
      }
      open = record;
      // With a header every other column is the row's; without one, the cells right of the department.
      addCells(
        record,
        cells.filter((c) => c !== departmentCell && (columns !== undefined || c.x > departmentCell.x)),
        roleAt,
      );
      return;
    }
    // A row under a department row of the same table: its opinion, seal or date on rows of their own.
    if (open?.key?.startsWith(`${table.index}:`)) {
      addCells(open, own, roleAt);
      return;
    }
    for (const c of own) loose.push({ text: c.cell.text, ...roleAt(c.x) });
  };

  for (const item of readingOrder(doc)) {
    if (item.kind === 'line') readLine(item.text, item.source);
    else readRow(item.table, item.grid, item.r);
  }

  const rows = records.map((record) => toRow(record.head, readContent(record.segments), record.subject, record.source));
  if (rows.length === 0) {
    const single = labelled ?? titled ?? (options.wholeDocument ? fileNameDepartment(file) : undefined);
    if (single) rows.push(toRow(single.head, readContent(loose), subject, single.source));
  }
  return withoutRepeats(rows);
}

/** The department a file name names (征求意见表-公安.docx), for a form that names it nowhere else. */
function fileNameDepartment(file: string): { head: LeadingDepartment; source: SourceRef } | undefined {
  const name = (file.split('/').pop() ?? '').replace(/\.[^.]+$/, '');
  const department = departmentOf(name.replace(/征求意见表?/g, ' '));
  if (!department) return undefined;
  return { head: { department, departmentText: name, rest: '' }, source: { file } };
}

/** A table's row may also reach the text as a line (converted layouts): the table's reading is kept. */
function withoutRepeats(rows: ConsultationRow[]): ConsultationRow[] {
  const same = (a: ConsultationRow, b: ConsultationRow) =>
    a.department === b.department &&
    a.opinion === b.opinion &&
    a.date === b.date &&
    a.subject?.name === b.subject?.name &&
    a.subject?.category === b.subject?.category;
  return rows.filter(
    (row) =>
      row.source.table !== undefined || !rows.some((other) => other.source.table !== undefined && same(row, other)),
  );
}

function toRow(
  head: LeadingDepartment,
  content: Content,
  subject: ConsultationSubjectText,
  source: SourceRef,
): ConsultationRow {
  const hasSubject = subject.name !== undefined || subject.category !== undefined;
  return {
    department: head.department,
    departmentText: head.departmentText,
    ...(head.office ? { office: head.office } : {}),
    ...(content.opinion ? { opinion: content.opinion } : {}),
    adverse: content.opinion !== undefined && isAdverseOpinion(content.opinion),
    ...(content.date ? { date: content.date } : {}),
    sealed: content.sealed,
    ...(content.seal ? { seal: content.seal } : {}),
    returned: content.opinion !== undefined || content.date !== undefined || content.seal !== undefined,
    ...(hasSubject ? { subject: { ...subject } } : {}),
    source,
  };
}
