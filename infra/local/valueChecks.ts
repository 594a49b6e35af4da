import { z } from 'zod';
import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';

/**
 * Strict readers of command-line values, shared by every `award` command. Each returns the value or a reason in
 * plain words (the caller words the usage error in its own language); none rolls, rounds or coerces: 2025-02-30 is
 * not 2 March, `1e2` is not 100, an empty string is not 0.
 */
export type Checked<T> =
  | { ok: true; value: T }
  | { ok: false; reason: string /** The reason in Chinese. */; zh?: string };

const withSeconds = z.iso.datetime({ offset: true });
const minutesOnly = z.iso.datetime({ offset: true, precision: -1 });
const shape = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO 8601 instant with an offset (Z or ±hh:mm), seconds optional, every part a real calendar value. */
export function isoInstant(text: string): Checked<string> {
  if (withSeconds.safeParse(text).success || minutesOnly.safeParse(text).success) return { ok: true, value: text };
  const m = shape.exec(text);
  if (!m) return { ok: false, reason: 'not an ISO instant with offset', zh: '格式不对' };
  const [year, month, day, hour, minute, second, , offH, offM] = m
    .slice(1)
    .map((v) => (v === undefined || !/^\d+$/.test(v) ? undefined : Number(v)));
  if (!month || month > 12) return { ok: false, reason: `month ${m[2]} does not exist`, zh: `没有 ${m[2]} 月` };
  const days = daysIn(year as number, month);
  if (!day || day > days)
    return {
      ok: false,
      reason: `${m[1]}-${m[2]} has ${days} days, not ${m[3]}`,
      zh: `${m[1]} 年 ${Number(m[2])} 月只有 ${days} 天，没有 ${Number(m[3])} 日`,
    };
  if ((hour as number) > 23 || (minute as number) > 59 || (second ?? 0) > 59)
    return { ok: false, reason: `time ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''} does not exist`, zh: '时刻不存在' };
  if (offH !== undefined && (offH > 14 || (offM as number) > 59))
    return { ok: false, reason: `offset ${m[7]} does not exist`, zh: `时区 ${m[7]} 不存在` };
  return { ok: false, reason: 'not an ISO instant with offset', zh: '格式不对' };
}

/** A whole number written in plain digits, within [min, max]. */
export function integerIn(text: string, min: number, max: number): Checked<number> {
  if (!/^\d{1,15}$/.test(text)) return { ok: false, reason: `not a whole number written in digits` };
  const n = Number(text);
  if (n < min || n > max) return { ok: false, reason: `out of range ${min}–${max}` };
  return { ok: true, value: n };
}

/** A score 0–100, at most two decimals (`85`, `72.5`). */
export function score(text: string): Checked<number> {
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(text.trim())) return { ok: false, reason: 'not a number such as 85 or 72.5' };
  const n = Number(text.trim());
  if (n > 100) return { ok: false, reason: 'above 100' };
  return { ok: true, value: n };
}

/** A campaign year that has a configuration (shared/domain/campaign/campaigns/<year>.json). */
export function campaignYear(text: string): Checked<string> {
  const available = availableCampaigns();
  if (/^\d{4}$/.test(text) && available.includes(text)) return { ok: true, value: text };
  return {
    ok: false,
    reason: `${/^\d{4}$/.test(text) ? 'no configuration for that year' : 'not a four-digit year'} (available: ${available.join(', ') || 'none'})`,
  };
}

/** An identifier used in keys and file names (a unit id, a pool id): letters, digits, . _ -, 1–64 characters. */
export function identifier(text: string): Checked<string> {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(text)
    ? { ok: true, value: text }
    : { ok: false, reason: 'use 1–64 letters, digits, dots, underscores or hyphens' };
}
