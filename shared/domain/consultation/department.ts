import { z } from 'zod';

/** Departments whose opinion 征求意见 may require (notice §四(一)2 and §四(二)2, SPEC §6). */
export const departments = {
  PUBLIC_SECURITY: '公安',
  ORGANISATION_PERSONNEL: '组织人事',
  DISCIPLINE_INSPECTION: '纪检监察',
  AUDIT: '审计',
  HUMAN_RESOURCES_SOCIAL_SECURITY: '人力资源社会保障',
  ECOLOGY_ENVIRONMENT: '生态环境',
  TAXATION: '税务',
  MARKET_REGULATION: '市场监管',
  EMERGENCY_MANAGEMENT: '应急管理',
  UNITED_FRONT: '统战部门',
  FEDERATION_OF_INDUSTRY_AND_COMMERCE: '工商联',
  SOCIAL_WORK: '社会工作',
  CIVIL_AFFAIRS: '民政',
} as const;

export const Department = z.enum(Object.keys(departments) as [keyof typeof departments]);
export type Department = z.infer<typeof Department>;

/**
 * Department names as forms, their office brackets and file names write them; more specific first (人力资源社会保障
 * before 人事), so "人力资源部门（长春市人力资源和社会保障局）" is 人社 and "组织人事（人力资源）部门" is 组织人事.
 */
const departmentPatterns: readonly [RegExp, Department][] = [
  [/工商联|工商业联合会/, 'FEDERATION_OF_INDUSTRY_AND_COMMERCE'],
  [/人力资源和?社会保障|人社/, 'HUMAN_RESOURCES_SOCIAL_SECURITY'],
  [/组织部|组织人事|人事|人力资源/, 'ORGANISATION_PERSONNEL'],
  [/纪检|监察|纪委/, 'DISCIPLINE_INSPECTION'],
  [/审计/, 'AUDIT'],
  [/生态环境|环境保护|环保/, 'ECOLOGY_ENVIRONMENT'],
  [/税务/, 'TAXATION'],
  [/市场监督管理|市场监管/, 'MARKET_REGULATION'],
  [/应急管理|安全生产监督/, 'EMERGENCY_MANAGEMENT'],
  [/统战|统一战线/, 'UNITED_FRONT'],
  [/社会工作/, 'SOCIAL_WORK'],
  [/民政/, 'CIVIL_AFFAIRS'],
  [/公安/, 'PUBLIC_SECURITY'],
];

/** The department a text names (a form's department cell, a label's value, a file name); undefined if none. */
export function departmentOf(text: string): Department | undefined {
  const t = text.replace(/[\s\u3000]/g, '');
  for (const [pattern, department] of departmentPatterns) if (pattern.test(t)) return department;
  return undefined;
}
