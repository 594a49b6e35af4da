export class RankingInputError extends Error {
  override readonly name = 'RankingInputError';
}
