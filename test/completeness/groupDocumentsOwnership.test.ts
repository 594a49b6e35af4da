import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommendingBodyShape } from '../../shared/completeness/consentOwner.js';
import { type BundleGrouping, groupDocuments } from '../../shared/completeness/groupDocuments.js';
import { Organisation } from '../../shared/domain/application/organisation.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import {
  consentLines,
  fixedSet,
  type Item,
  modelDocument,
  orgA,
  orgB,
  project,
  unitName,
} from './groupingDocuments.js';

const campaign = loadCampaign('2025');
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

const form = (path: string, o = orgA) =>
  modelDocument(path, ['吉林省质量奖（质量管理）组织申报表', `单位名称：${o.name}`], {
    organisation: Organisation.parse({ name: o.name, creditCode: o.creditCode }),
  });
const consent = (path: string, signer: string) => modelDocument(path, consentLines(signer));

/** Where each document went: the application's form's organisation name, 'RU', or 'unassigned'. */
function ownerOf(grouping: BundleGrouping, path: string): string[] {
  const owners: string[] = [];
  for (const g of grouping.groups)
    if (g.documents.some((d) => d.path === path))
      owners.push(g.forms[0]?.records.organisation?.name ?? g.forms[0]?.records.standardProject?.standardName ?? g.id);
  if (grouping.recommendingUnit.some((d) => d.path === path)) owners.push('RU');
  if (grouping.unassigned.some((d) => d.path === path)) owners.push('unassigned');
  return owners;
}

describe('whose 脱密审核同意书: the signer decides, not only where the file lies', () => {
  it('the unit’s own consent at the bundle root, one application in its folder → the recommending unit', () => {
    const docs = [form(`${orgA.name}/组织申报表.docx`), consent('03 脱密审核同意书（盖章）.pdf', unitName)];
    const grouping = groupDocuments(docs, campaign);
    expect(ownerOf(grouping, '03 脱密审核同意书（盖章）.pdf')).toEqual(['RU']);
    expect(grouping.assignment.get('03 脱密审核同意书（盖章）.pdf')?.reason).toContain(unitName);
  });

  it('flat bundle (one application, everything at the root, or in one wrapping folder) → the unit’s consent stays the unit’s', () => {
    for (const prefix of ['', '材料包/']) {
      const docs = [
        form(`${prefix}组织申报表.docx`),
        consent(`${prefix}03 脱密审核同意书（盖章）.pdf`, unitName),
        consent(`${prefix}脱密审核同意书.pdf`, orgA.name),
      ];
      const grouping = groupDocuments(docs, campaign);
      expect(ownerOf(grouping, `${prefix}03 脱密审核同意书（盖章）.pdf`), prefix).toEqual(['RU']);
      expect(ownerOf(grouping, `${prefix}脱密审核同意书.pdf`), prefix).toEqual([orgA.name]);
    }
  });

  it('the unit’s consent inside the application’s folder → the recommending unit', () => {
    const docs = [form(`${orgA.name}/组织申报表.docx`), consent(`${orgA.name}/推荐单位脱密审核同意书.pdf`, unitName)];
    expect(ownerOf(groupDocuments(docs, campaign), `${orgA.name}/推荐单位脱密审核同意书.pdf`)).toEqual(['RU']);
  });

  it('an applicant’s consent at the root names the applicant → that application, of two', () => {
    const docs = [
      form(`${orgA.name}/组织申报表.docx`),
      form(`${orgB.name}/组织申报表.docx`, orgB),
      consent('脱密审核同意书1.pdf', orgB.name),
      consent('脱密审核同意书2.pdf', orgA.name),
      consent('脱密审核同意书3.pdf', unitName),
    ];
    const grouping = groupDocuments(docs, campaign);
    expect(ownerOf(grouping, '脱密审核同意书1.pdf')).toEqual([orgB.name]);
    expect(ownerOf(grouping, '脱密审核同意书2.pdf')).toEqual([orgA.name]);
    expect(ownerOf(grouping, '脱密审核同意书3.pdf')).toEqual(['RU']);
  });

  it('the unit’s consent whose body names the applicant still belongs to the unit', () => {
    const lines = [
      '脱密审核同意书',
      `经审核，${orgA.name}（统一社会信用代码${orgA.creditCode}）报送的申报材料已进行脱密处理，同意报送。`,
      `推荐单位（盖章）：${unitName}`,
      '2025年8月20日',
    ];
    const docs = [form(`${orgA.name}/组织申报表.docx`), modelDocument('脱密审核同意书.pdf', lines)];
    expect(ownerOf(groupDocuments(docs, campaign), '脱密审核同意书.pdf')).toEqual(['RU']);
  });

  it('the unit’s consent signed only by a closing block (unit name above the date) and naming the applicant in its body', () => {
    const lines = [
      '脱密审核同意书',
      `我局推荐的${orgA.name}申报材料已进行脱密处理，不含涉密信息，同意报送。`,
      unitName,
      '2025年8月20日',
    ];
    const docs = [form('组织申报表.docx'), modelDocument('03 脱密审核同意书（盖章）.pdf', lines)];
    expect(ownerOf(groupDocuments(docs, campaign), '03 脱密审核同意书（盖章）.pdf')).toEqual(['RU']);
  });

  it('one consent signed by both the applicant and the unit counts for both', () => {
    const lines = [
      '脱密审核同意书',
      '经审核，申报材料已进行脱密处理，同意报送。',
      `申报单位（盖章）：${orgA.name}`,
      `推荐单位（盖章）：${unitName}`,
      '2025年8月20日',
    ];
    const docs = [form('组织申报表.docx'), modelDocument('脱密审核同意书.pdf', lines)];
    expect(ownerOf(groupDocuments(docs, campaign), '脱密审核同意书.pdf')).toEqual([orgA.name, 'RU']);
  });

  it('a consent sealed by a bureau the notice does not name, inside an application’s folder, stays there (an employer may be a bureau)', () => {
    const docs = [form(`${orgA.name}/组织申报表.docx`), consent(`${orgA.name}/脱密审核同意书.pdf`, '长春市公安局')];
    expect(ownerOf(groupDocuments(docs, campaign), `${orgA.name}/脱密审核同意书.pdf`)).toEqual([orgA.name]);
    const atRoot = [form(`${orgA.name}/组织申报表.docx`), consent('脱密审核同意书.pdf', '长春市公安局')];
    expect(ownerOf(groupDocuments(atRoot, campaign), '脱密审核同意书.pdf')).toEqual(['RU']);
  });

  it('a recommending unit of no bureau shape is recognised by the name given with the bundle', () => {
    const unit = '吉林省质量协会';
    const docs = [form('组织申报表.docx'), consent('脱密审核同意书.pdf', unit)];
    expect(ownerOf(groupDocuments(docs, campaign, unit), '脱密审核同意书.pdf')).toEqual(['RU']);
  });

  it('a consent that names no signer follows its folder', () => {
    const lines = ['脱密审核同意书', '经审核，申报材料已进行脱密处理，同意报送。'];
    const docs = [form(`${orgA.name}/组织申报表.docx`), modelDocument(`${orgA.name}/脱密审核同意书.pdf`, lines)];
    expect(ownerOf(groupDocuments(docs, campaign), `${orgA.name}/脱密审核同意书.pdf`)).toEqual([orgA.name]);
  });

  it('recommending bodies by shape: bureaus and leading groups, never companies', () => {
    for (const body of [
      '长春市市场监督管理局',
      '吉林市人力资源和社会保障局',
      '延边朝鲜族自治州市场监督管理局',
      '长春市质量强市工作领导小组办公室',
      '长春市朝阳区市场监督管理局',
    ])
      expect(recommendingBodyShape(body), body).toBe('strong');
    for (const body of ['吉林省工业和信息化厅', '长春市公安局', '白山市人民政府'])
      expect(recommendingBodyShape(body), body).toBe('generic');
    for (const applicant of [orgA.name, '长春市第一人民医院', '吉林大学', '长春市标准化研究院'])
      expect(recommendingBodyShape(applicant), applicant).toBeUndefined();
  });
});

describe('a list of materials founds no application', () => {
  it('an SI 申报材料清单 naming the 申报书 joins the project: one application, not two', () => {
    const items = fixedSet().filter((i) => i.owner === 'SI');
    const docs = items.map((i) => modelDocument(`${project.standardName}/${i.name}.${i.ext}`, i.lines, i.records));
    const grouping = groupDocuments(docs, campaign);
    expect(grouping.groups).toHaveLength(1);
    expect(docs.find((d) => d.path.endsWith('申报材料清单.pdf'))?.materialType).toBe('SI_MATERIAL_LIST');
    expect(grouping.groups[0]?.documents).toHaveLength(items.length);
  });
});

// Folder shapes and file names of the same fixed set of documents: the grouping must not change.
type Shape = 'perApp' | 'unitFolder' | 'flat' | 'byCity' | 'kindSubfolders';
type Naming = 'plain' | 'numbered' | 'generic' | 'annexLabel';

const genericName = (n: number, ext: string) =>
  [`扫描件${String(n).padStart(3, '0')}.${ext}`, `新建 Microsoft Word 文档 (${n}).${ext}`, `${n}.${ext}`][
    n % 3
  ] as string;

function fileName(item: Item, naming: Naming, n: number): string {
  if (naming === 'plain') return `${item.name}.${item.ext}`;
  if (naming === 'numbered') return `${String(n).padStart(2, '0')} ${item.name}（盖章）.${item.ext}`;
  if (naming === 'annexLabel') return `附件${n}-${item.name}(定稿).${item.ext}`;
  return genericName(n, item.ext);
}

function appFolder(owner: Item['owner'], shape: Shape, byIndex: boolean): string {
  const names = { A: orgA.name, B: orgB.name, SI: project.standardName, RU: '' };
  const index = { A: '1', B: '2', SI: '3', RU: '' };
  const base = byIndex ? index[owner] : names[owner];
  if (shape === 'byCity') return `${owner === 'SI' ? '吉林市' : '长春市'}/${base}`;
  return base;
}

function layout(
  items: Item[],
  shape: Shape,
  namings: Naming[],
  wrapper: boolean,
  byIndex: boolean,
): { path: string; item: Item }[] {
  return items
    .map((item, n) => {
      const naming = namings[n % namings.length] as Naming;
      const name = fileName(item, naming, n + 1);
      let folder = '';
      if (item.owner === 'RU') folder = shape === 'unitFolder' ? '推荐单位材料' : '';
      else if (shape !== 'flat') {
        folder = appFolder(item.owner, shape, byIndex);
        if (shape === 'kindSubfolders' && /申报表|申报书/.test(item.name)) folder += '/申报表';
        if (shape === 'kindSubfolders' && /证书|公示/.test(item.name)) folder += '/证明材料';
      }
      const path = [wrapper ? '材料包' : '', folder, name].filter((p) => p !== '').join('/');
      return { path, item };
    })
    .map((p, n, all) =>
      // Two files of one name in one folder (flat bundles): the clerk numbers them.
      all.findIndex((q) => q.path === p.path) === n
        ? p
        : { ...p, path: p.path.replace(/[^/]+$/, (f) => `${n + 1}-${f}`) },
    );
}

function ownersByItem(shape: Shape, namings: Naming[], wrapper: boolean, byIndex: boolean) {
  const placed = layout(fixedSet(), shape, namings, wrapper, byIndex);
  const docs: ExtractedDocument[] = placed.map((p) => modelDocument(p.path, p.item.lines, p.item.records));
  const grouping = groupDocuments(docs, campaign);
  const label: Record<string, string> = { [orgA.name]: 'A', [orgB.name]: 'B', [project.standardName]: 'SI', RU: 'RU' };
  return {
    ids: grouping.groups.map((g) => g.id).sort(),
    owners: placed.map(
      (p) => `${p.item.owner}:${p.item.name} → ${ownerOf(grouping, p.path).map((o) => label[o] ?? o)}`,
    ),
  };
}

describe('folder shapes: the same documents group the same way', () => {
  const expected = fixedSet().map((i) => `${i.owner}:${i.name} → ${i.owner}`);
  const reference = ownersByItem('perApp', ['plain'], false, false);

  it('reference layout (one folder per application, unit materials at the root, plain names)', () => {
    expect(reference.owners).toEqual(expected);
    expect(reference.ids).toHaveLength(3);
  });

  it.each([
    ['flat', ['generic']],
    ['unitFolder', ['numbered']],
    ['byCity', ['annexLabel']],
    ['kindSubfolders', ['plain']],
  ] as [Shape, Naming[]][])('%s with %j names', (shape, namings) => {
    expect(ownersByItem(shape, namings, false, false)).toEqual(reference);
    expect(ownersByItem(shape, namings, true, true)).toEqual(reference);
  });

  it(`property: any shape × naming × wrapping folder × folder names gives the reference grouping (seed ${seed})`, () => {
    const arbitrary = fc.record({
      shape: fc.constantFrom<Shape>('perApp', 'unitFolder', 'flat', 'byCity', 'kindSubfolders'),
      namings: fc.array(fc.constantFrom<Naming>('plain', 'numbered', 'generic', 'annexLabel'), {
        minLength: 1,
        maxLength: 7,
      }),
      wrapper: fc.boolean(),
      byIndex: fc.boolean(),
    });
    try {
      fc.assert(
        fc.property(arbitrary, (r) => {
          expect(ownersByItem(r.shape, r.namings, r.wrapper, r.byIndex)).toEqual(reference);
        }),
        { seed, numRuns: 100 },
      );
    } catch (error) {
      throw new Error(`grouping layout property failed; replay with FC_SEED=${seed}\n${String(error)}`);
    }
  });
});
