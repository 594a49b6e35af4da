/** Where "now" comes from. AWS uses the system clock; the local runtime and tests plug in a settable one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
