/** A refused action or a missing thing: exit code 1, the message only. */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
}
