import type { CampaignConfig } from '../campaign/campaignConfig.js';
import type { Track } from '../track/track.js';

export interface EligibilityContext {
  /** When the recommending unit's bundle was received (an instant); without it LATE_SUBMISSION is not checked. */
  receivedAt?: Date | string;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000; // China has had no daylight saving time since 1991

/** The instant as a Shanghai wall-clock ISO string, e.g. 2025-08-22T18:30:00.000+08:00. */
export function shanghaiIso(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The Shanghai calendar day of the track's deadline: the day "N years before" is counted back from. */
export function referenceDay(campaign: CampaignConfig, track: Track): string {
  return shanghaiIso(new Date(campaign.deadlines[track])).slice(0, 10);
}

/** The same day `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole years from `start` to `end` (both YYYY-MM-DD), not counting a year not yet completed. */
export function wholeYearsBetween(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  return ey - sy - (em < sm || (em === sm && ed < sd) ? 1 : 0);
}
