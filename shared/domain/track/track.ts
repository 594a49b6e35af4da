import { z } from 'zod';

/** The three award tracks of SPEC §2. */
export const Track = z.enum(['QM_ORG', 'QM_IND', 'SI']);
export type Track = z.infer<typeof Track>;

export const trackNames: Record<Track, string> = {
  QM_ORG: '吉林省质量奖（质量管理）— 组织',
  QM_IND: '吉林省质量奖（质量管理）— 个人',
  SI: '吉林省质量奖（标准创新）',
};
