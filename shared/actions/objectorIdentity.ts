import { z } from 'zod';
import { validateIdNumber } from '../domain/validation/idNumber.js';

/** Who lodged an objection: a person, a unit, or nobody who says who they are. */
export const Objector = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    name: z.string().trim(),
    idNumber: z.string().trim(),
    phone: z.string().optional(),
  }),
  z.object({
    kind: z.literal('unit'),
    unitName: z.string().trim(),
    contactName: z.string().trim().optional(),
    contact: z.string().trim(),
  }),
  z.object({ kind: z.literal('anonymous') }),
]);
export type Objector = z.infer<typeof Objector>;

/**
 * The notice accepts objections only under a real identity (实名): a person gives name and a valid 身份证号, a unit
 * its name and a contact. Anything else is recorded but not admissible. The reason never contains the number.
 */
export function objectionAdmissibility(objector: Objector, today: string): { admissible: boolean; reason?: string } {
  if (objector.kind === 'anonymous') return { admissible: false, reason: '匿名异议，未提供真实身份' };
  if (objector.kind === 'person') {
    if (!objector.name) return { admissible: false, reason: '未提供真实姓名' };
    const id = validateIdNumber(objector.idNumber, today);
    return id.ok ? { admissible: true } : { admissible: false, reason: `身份证号无效：${id.message}` };
  }
  if (!objector.unitName) return { admissible: false, reason: '未提供单位名称' };
  if (!objector.contact) return { admissible: false, reason: '未提供联系方式' };
  return { admissible: true };
}
