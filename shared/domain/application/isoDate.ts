import { z } from 'zod';

/** A calendar date as YYYY-MM-DD (the extractor normalises the forms' spellings with `parseDate`). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;
