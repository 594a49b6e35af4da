import { parseOwnershipType } from '../domain/application/ownershipType.js';

/** Form fields and the label synonyms the notice's forms (and their local variants) use for them. */
export const fieldLabels = {
  organisationName: [
    '单位名称',
    '申报单位',
    '申报单位名称',
    '组织名称',
    '企业名称',
    '申报组织',
    '申报组织名称',
    '单位全称',
    /** 营业执照 and 统一社会信用代码证书 print the bare 名称. */
    '名称',
  ],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '统一社会信用代码证号'],
  legalRepresentative: ['法定代表人', '法人代表', '法定代表人姓名'],
  establishedDate: ['成立日期', '成立时间', '注册日期', '注册时间', '设立日期'],
  address: ['通信地址', '通讯地址', '单位地址', '注册地址', '地址'],
  industry: ['所属行业', '行业类别', '行业'],
  personName: ['姓名', '申报人姓名', '申报人'],
  idNumber: ['身份证号', '身份证号码', '居民身份证号', '居民身份证号码', '公民身份号码', '身份证件号码', '证件号码'],
  employer: ['工作单位', '所在单位', '单位'],
  position: [
    '职务',
    '职务职称',
    '职务/职称',
    '职称',
    '职称/职务',
    '职务或职称',
    '现任职务',
    '技术职称',
    '专业技术职称',
  ],
  qualityWorkStartDate: ['从事质量工作时间', '从事质量工作起始时间', '参加质量工作时间'],
  standardNumber: ['标准编号', '标准号'],
  standardName: ['标准名称', '项目名称'],
  publicationDate: ['发布日期', '发布时间'],
  implementationDate: ['实施日期', '实施时间'],
  /** Group and enterprise standards: the date of the public (self-)declaration. */
  publicDeclarationDate: [
    '公开声明日期',
    '声明公开日期',
    '自我声明公开日期',
    '公开日期',
    '公开声明时间',
    '声明公开时间',
    '自我声明公开时间',
    '自我声明日期',
  ],
  /** 标准类别 as the SI form ticks or writes it (国家标准, 团体标准 …). */
  standardType: ['标准类别', '标准类型', '标准级别', '标准层级', '标准种类'],
  filingNumber: ['备案号', '备案编号'],
  /** Awards the standard project already won (notice 二(二)1: a 吉林省标准创新贡献奖 excludes it). */
  previousAwards: ['标准获奖情况', '获奖情况', '曾获奖励情况', '获奖情况（近三年）', '标准项目获奖情况', '曾获奖项'],
  /** The organisation's declaration of the notice's 二(一)1(8) look-back (事故). */
  declaredAccident: [
    '近5年内是否发生重大质量、安全、环保、公共卫生等事故',
    '近五年内是否发生重大质量、安全、环保、公共卫生等事故',
    '近5年是否发生重大质量、安全、环保、公共卫生等事故',
    '近五年是否发生重大质量、安全、环保、公共卫生等事故',
    '是否发生重大质量、安全、环保、公共卫生等事故',
    '近5年内是否发生重大质量安全环保公共卫生等事故',
    '是否发生重大事故',
  ],
  /** Who published the standard (group and enterprise standards: the applicant must be one of them). */
  publishers: [
    '发布单位',
    '标准发布单位',
    '发布机构',
    '标准发布机构',
    '发布主体',
    '标准发布主体',
    '发布部门',
    '标准发布部门',
    '发布组织',
  ],
  requestedGrade: ['申报等级', '申报奖项等级', '申请等级', '申报奖励等级'],
  recommendingUnit: ['推荐单位', '推荐单位名称', '推荐部门'],
  contactName: ['联系人', '联系人姓名'],
  contactPhone: ['联系电话', '电话', '办公电话'],
  contactMobile: ['手机', '手机号码', '移动电话'],
  contactEmail: ['电子邮箱', '邮箱', 'E-mail', 'Email'],
  ownershipType: [
    '单位性质',
    '企业性质',
    '组织性质',
    '所有制性质',
    '所有制形式',
    '所有制类型',
    '经济类型',
    '经济性质',
    '企业类型',
    '单位类型',
    '登记注册类型',
    '工作单位性质',
    '所在单位性质',
  ],
  isLegalPerson: [
    '是否具有法人资格',
    '是否具备法人资格',
    '具有法人资格',
    '法人资格',
    '是否法人单位',
    '是否为法人单位',
    '是否独立法人',
    '是否为独立法人',
  ],
  isHeadquartersOrGroup: [
    '是否为企业总部或总公司（集团）',
    '是否企业总部或总公司（集团）',
    '是否为企业总部或总公司',
    '是否为总部或总公司',
    '企业总部或总公司（集团）',
    '是否为集团或总部',
    '是否为集团公司',
    '是否集团',
    '是否总部',
  ],
  isFourNew: [
    '是否“四新”企业',
    '是否为“四新”企业',
    '“四新”企业',
    '是否属于“四新”企业',
    '是否为“四新”（新技术、新产业、新业态、新模式）企业',
  ],
  isSpecialisedSme: [
    '是否省级“专精特新”中小企业',
    '是否为省级“专精特新”中小企业',
    '是否列入省级“专精特新”中小企业',
    '是否列入省级“专精特新”中小企业名单',
    '是否“专精特新”企业',
    '是否为“专精特新”企业',
    '省级“专精特新”中小企业',
    '“专精特新”中小企业',
    '“专精特新”企业',
  ],
  administrativeRank: ['行政级别', '单位行政级别', '单位级别', '干部级别', '行政职级', '职级', '级别'],
  auditSubject: [
    '是否为被审计对象',
    '是否被审计对象',
    '负责人是否为被审计对象',
    '主要负责人是否为被审计对象',
    '单位负责人是否为被审计对象',
    '被审计对象',
  ],
  isLegalRepresentative: ['是否为法定代表人', '是否法定代表人', '是否为单位法定代表人', '是否单位法定代表人'],
  isHead: [
    '是否为单位负责人',
    '是否单位负责人',
    '是否为负责人',
    '是否负责人',
    '是否为单位主要负责人',
    '是否为主要负责人',
    '是否主要负责人',
  ],
  isRegulatorStaff: [
    '是否为市场监管部门工作人员',
    '是否市场监管部门工作人员',
    '是否为市场监管部门及其工作人员',
    '是否为市场监督管理部门工作人员',
    '市场监管部门工作人员',
  ],
  isUnitedFrontFigure: ['是否为统战人士', '是否统战人士', '统战人士'],
  jilinQualityWorkStartDate: ['在吉林省从事质量工作时间', '在吉林从事质量工作时间', '在吉林省从事质量工作起始时间'],
} as const;

export type FieldKey = keyof typeof fieldLabels;

/** Fields answered by ticking a box (or writing the option): their value is read with `readChoice`. */
export const choiceFields = new Set<FieldKey>([
  'declaredAccident',
  'standardType',
  'requestedGrade',
  'ownershipType',
  'isLegalPerson',
  'isHeadquartersOrGroup',
  'isFourNew',
  'isSpecialisedSme',
  'administrativeRank',
  'auditSubject',
  'isLegalRepresentative',
  'isHead',
  'isRegulatorStaff',
  'isUnitedFrontFigure',
]);

/**
 * The options the forms print for a choice field, so that options a PDF glued together ("国有企业国有控股企业非公有制企业√")
 * are told apart and the tick goes to the one it stands by. Yes/no fields use the choice reader's own 是/否.
 */
export const choiceOptions: Partial<Record<FieldKey, readonly string[]>> = {
  ownershipType: [
    '国有企业',
    '国有控股企业',
    '非公有制企业',
    '民营企业',
    '私营企业',
    '外资企业',
    '合资企业',
    '集体企业',
    '股份制企业',
    '机关事业单位',
    '事业单位',
    '机关',
    '社会组织',
    '社会团体',
    '其他',
    '其它',
  ],
  administrativeRank: [
    '无',
    '科级',
    '乡科级',
    '县处级',
    '处级',
    '正处级',
    '副处级',
    '厅级及以上',
    '厅级',
    '正厅级',
    '副厅级',
  ],
  standardType: ['国际标准', '国家标准', '行业标准', '地方标准', '团体标准', '企业标准'],
  requestedGrade: ['一等奖', '二等奖', '三等奖'],
};

/** The spellings `readChoice` may split glued options into, for a field. */
export function knownOptions(key: FieldKey): readonly string[] {
  return ['是', '否', ...(choiceOptions[key] ?? [])];
}

/** Columns of multi-row tables (drafters, summary tables). */
export const columnLabels = {
  rank: ['排序', '序号', '推荐排序', '排名', '推荐顺序', '顺序'],
  name: [
    '姓名',
    '起草人',
    '起草人姓名',
    '主要起草人',
    '主要起草人姓名',
    '名称',
    '单位名称',
    '组织名称',
    '企业名称',
    '项目名称',
    '标准名称',
    '组织或个人名称',
    '申报组织或个人',
    '组织或个人',
    '申报组织或个人名称',
    '单位或个人名称',
    '推荐对象',
  ],
  unit: ['工作单位', '单位', '所在单位', '起草单位', '工作单位全称'],
  position: [
    '职务',
    '职称',
    '职务职称',
    '职务/职称',
    '职称/职务',
    '职务或职称',
    '职务、职称',
    '技术职称',
    '专业技术职称',
  ],
  contributionRate: ['贡献率', '贡献率%', '贡献率（%）', '贡献比例', '贡献比例%', '贡献度', '贡献占比'],
  workContent: [
    '主要工作内容',
    '工作内容',
    '承担的主要工作',
    '承担的主要工作内容',
    '主要工作',
    '主要贡献',
    '主要贡献内容',
    '在标准制定中承担的主要工作',
    '在标准研制中承担的主要工作',
    '分工',
  ],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码'],
  standardNumber: ['标准编号', '标准号'],
  applicantUnit: ['申报单位', '第一起草单位'],
} as const;

export type ColumnKey = keyof typeof columnLabels;

/**
 * Labels the notice's forms print that no field reads (性别, 民族, 邮编 …): never a value, and where a value ends
 * when a table row or a line runs several label/value pairs together.
 */
export const otherFormLabels: readonly string[] = [
  '性别',
  '民族',
  '年龄',
  '出生年月',
  '出生日期',
  '政治面貌',
  '学历',
  '学位',
  '文化程度',
  '籍贯',
  '专业',
  '所学专业',
  '毕业院校',
  '参加工作时间',
  '健康状况',
  '邮政编码',
  '邮编',
  '传真',
  '网址',
  '单位网址',
  '注册资本',
  '职工人数',
  '员工人数',
  '从业人数',
  '营业收入',
  '主管部门',
  '上级主管部门',
  '所在地区',
  '序号',
  '备注',
  '签字',
  '签名',
  '盖章',
  '日期',
  '填表日期',
  '填报日期',
  '起草单位',
  '主要起草单位',
  '归口单位',
  '主要起草人',
  '项目简介',
];

/** Rows that add up the others (合计, 总计, 小计): never a record. */
const totalLabels = new Set(['合计', '总计', '小计', '共计', '总和']);

/**
 * A label as compared: NFKC (full-width letters and digits, U+3000), without spaces ("姓　　名"), colons, asterisks,
 * quotes, question marks and a trailing bracketed hint ("统一社会信用代码（18位）").
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*:："'“”‘’「」『』?？]/g, '')
    .replace(/[(（][^()（）]*[)）]$/, '')
    .toLowerCase();
}

const lookup = <K extends string>(table: Record<K, readonly string[]>) => {
  const map = new Map<string, K>();
  for (const [key, labels] of Object.entries(table) as [K, readonly string[]][])
    for (const label of labels) if (!map.has(normaliseLabel(label))) map.set(normaliseLabel(label), key);
  return map;
};

const fieldByLabel = lookup(fieldLabels);
const columnByLabel = lookup(columnLabels);
const otherLabels = new Set(otherFormLabels.map(normaliseLabel));

/** The field of an already normalised label (see `normaliseLabel`). */
export function fieldOfNormalisedLabel(label: string): FieldKey | undefined {
  return fieldByLabel.get(label);
}

/** A normalised label of the forms that no field reads (性别, 邮编 …). */
export function isOtherNormalisedLabel(label: string): boolean {
  return otherLabels.has(label);
}

/** A label of the forms, read or not: a cell holding one is never another label's value. */
export function isFormLabel(text: string): boolean {
  const label = normaliseLabel(text);
  return label.length > 0 && label.length <= 40 && (fieldByLabel.has(label) || otherLabels.has(label));
}

/**
 * A yes/no question of a form (是否具有法人资格, 近5年内是否发生重大质量、安全、环保、公共卫生等事故): a label, whatever
 * its length, not an answer; a sentence (。；) or a tick box makes it an answer.
 */
function isQuestion(label: string): boolean {
  return (
    /是否/.test(label) && label.length >= 4 && label.length <= 40 && /^[\u4e00-\u9fa5\d、，,（）()“”]+$/.test(label)
  );
}

/** The nouns a form label ends with (标准归口单位, 备案日期, 项目编号 …). */
const labelNoun =
  /(?:单位|机构|主体|部门|日期|时间|名称|编号|代码|号码|类别|类型|性质|等级|级别|电话|地址|邮箱|职务|职称)$/;

/**
 * Text shaped like a form label that the lexicon does not know (标准归口单位, 备案日期): a short run of Chinese
 * characters ending with a label noun, not an answer (事业单位, 社会服务机构) nor a reference (本单位, 该单位). Such a
 * cell or line is never the value of the label before or above it.
 */
export function isLabelShaped(text: string): boolean {
  const label = normaliseLabel(text);
  if (isQuestion(label)) return true;
  if (label.length < 3 || label.length > 10 || !/^[\u4e00-\u9fa5]+$/.test(label)) return false;
  if (!labelNoun.test(label) || /^[本该同见原现]/.test(label)) return false;
  return parseOwnershipType(label) === undefined;
}

/** First characters of every normalised label: most tokens are ruled out by one look-up. */
export const labelStarts: ReadonlySet<string> = new Set(
  [...fieldByLabel.keys(), ...otherLabels].map((label) => label[0] as string),
);

/** A 合计 / 总计 / 小计 cell. */
export function isTotalLabel(text: string): boolean {
  return totalLabels.has(normaliseLabel(text));
}

export function fieldOfLabel(text: string): FieldKey | undefined {
  const label = normaliseLabel(text);
  return label.length > 0 && label.length <= 40 ? fieldByLabel.get(label) : undefined;
}

export function columnOfLabel(text: string): ColumnKey | undefined {
  return columnByLabel.get(normaliseLabel(text));
}
