import { z } from 'zod';

export const Contact = z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
  mobile: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
});
export type Contact = z.infer<typeof Contact>;
