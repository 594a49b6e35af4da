import { z } from 'zod';

/** The head of an application's history at one moment: the last entry's seq and hash. */
export const AnchoredHead = z.object({
  applicationId: z.string().min(1),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AnchoredHead = z.infer<typeof AnchoredHead>;

/**
 * Where every appended head is published, out of reach of whoever writes the records table: an S3 bucket under
 * Object Lock on AWS (`S3HistoryAnchor`), an append-only file locally (`AppendOnlyFileAnchor`). A head once published
 * stays readable: `heads` returns every head ever published for the application, including any published later for
 * the same seq with another hash, so that a rewritten history cannot hide the head it replaced.
 */
export interface HistoryAnchor {
  /** Publishes one head; publishing the same head again is harmless. */
  publish(head: AnchoredHead): Promise<void>;
  /** Every head published for this application, in no particular order. */
  heads(applicationId: string): Promise<AnchoredHead[]>;
}
