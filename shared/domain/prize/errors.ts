export class PrizeSplitError extends Error {
  override readonly name = 'PrizeSplitError';
}
