import { CalendarInputError } from './errors.js';

/** A calendar day in Asia/Shanghai, `YYYY-MM-DD`. */
export type ShanghaiDate = string;

const DAY_MS = 86_400_000;
// Asia/Shanghai has been a fixed UTC+8 without daylight saving since 1991, which covers every year the holiday data has.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An instant must carry its offset: a bare local time would silently depend on the server's time zone.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Days since 1970-01-01 of a Shanghai date (validated). */
export function dayNumber(date: ShanghaiDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new CalendarInputError(`Not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new CalendarInputError(`No such calendar date: ${date}`);
  }
  return t / DAY_MS;
}

export function fromDayNumber(n: number): ShanghaiDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: ShanghaiDate): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

export function yearOf(date: ShanghaiDate): number {
  return Number(date.slice(0, 4));
}

/** Parses an instant: a `Date`, or an ISO-8601 string with `Z` or an explicit offset. */
export function toInstant(value: Date | string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CalendarInputError('Invalid Date');
    return value;
  }
  if (!INSTANT_RE.test(value)) {
    throw new CalendarInputError(`Not an ISO-8601 instant with an offset (e.g. 2025-10-01T09:00:00+08:00): ${value}`);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new CalendarInputError(`Not a valid instant: ${value}`);
  return d;
}

/**
 * The Shanghai calendar day of a value: a `YYYY-MM-DD` string is taken as that Shanghai day; a `Date` or an ISO
 * instant string is converted to the day it falls on in Shanghai.
 */
export function toShanghaiDate(value: Date | string): ShanghaiDate {
  if (typeof value === 'string' && DATE_RE.test(value)) {
    dayNumber(value);
    return value;
  }
  const t = toInstant(value).getTime();
  return fromDayNumber(Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant at which a Shanghai day begins (00:00 +08:00). */
export function startOfShanghaiDay(date: ShanghaiDate): Date {
  return new Date(dayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}
