import { z } from 'zod';
import { Role } from '../access/role.js';
import { Stage } from '../track/stage.js';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in lowercase hex');

/** A file the event relied on: its object key in the store and the sha256 of its bytes. */
export const Evidence = z.object({ objectKey: z.string().min(1), sha256: sha256Hex });
export type Evidence = z.infer<typeof Evidence>;

/** What a caller supplies to append an event; the appender adds seq, prevHash and hash. */
export const NewEvent = z.object({
  applicationId: z.string().min(1),
  type: z.string().min(1),
  stage: Stage,
  actor: z.string().min(1),
  role: Role,
  at: z.iso.datetime({ offset: true }),
  evidence: z.array(Evidence).default([]),
  data: z.record(z.string(), z.unknown()).default({}),
  idempotencyKey: z.string().min(1).max(512),
});
export type NewEvent = z.input<typeof NewEvent>;

/** One entry of an application's append-only, hash-chained history. */
export const HistoryEvent = NewEvent.extend({
  seq: z.number().int().positive(),
  evidence: z.array(Evidence),
  data: z.record(z.string(), z.unknown()),
  prevHash: sha256Hex,
  hash: sha256Hex,
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;
