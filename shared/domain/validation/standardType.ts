import { z } from 'zod';

/** The 标准类别 of a standard: which body issued it, as a standard number's prefix also says. */
export const StandardType = z.enum(['international', 'national', 'industry', 'local', 'group', 'enterprise']);
export type StandardType = z.infer<typeof StandardType>;

export const standardTypeNames: Record<StandardType, string> = {
  international: '国际标准',
  national: '国家标准',
  industry: '行业标准',
  local: '地方标准',
  group: '团体标准',
  enterprise: '企业标准',
};

/** A 标准类别 as forms write it (国家标准, 团体标准, 地方标准（DB22）…); undefined when none is recognisable. */
export function parseStandardType(text: string | undefined): StandardType | undefined {
  const t = (text ?? '').replace(/\s/g, '');
  return (Object.entries(standardTypeNames) as [StandardType, string][]).find(([, name]) =>
    t.startsWith(name.slice(0, 2)),
  )?.[0];
}
