/** A year for which the holiday library has no statutory-holiday data: refusing beats guessing Monday–Friday. */
export class CalendarYearNotCovered extends Error {
  override readonly name = 'CalendarYearNotCovered';
  constructor(
    readonly year: number,
    readonly coveredFrom: number,
    readonly coveredTo: number,
    readonly source: string,
  ) {
    super(
      `The working-day calendar has no holiday data for ${year} (${source} covers ${coveredFrom}–${coveredTo}); ` +
        'update chinese-days once the State Council publishes that year’s holiday arrangement',
    );
  }
}

/** A date or instant that cannot be read, or a count that is not a whole number. */
export class CalendarInputError extends Error {
  override readonly name = 'CalendarInputError';
}
