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
