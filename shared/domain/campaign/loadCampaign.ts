import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CampaignConfig } from './campaignConfig.js';

/** A campaign file is absent, unreadable or does not satisfy the schema. */
export class CampaignConfigError extends Error {
  override readonly name = 'CampaignConfigError';
}

/**
 * Where campaign files live: `AWARD_CAMPAIGNS_DIR` when set (a bundled Lambda ships the JSON files next to its code
 * and points there), else `campaigns/` beside this module.
 */
export function campaignsDirectory(): string {
  return process.env.AWARD_CAMPAIGNS_DIR ?? fileURLToPath(new URL('./campaigns/', import.meta.url));
}

/** The campaign years that have a file, ascending. */
export function availableCampaigns(directory: string = campaignsDirectory()): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => f.slice(0, 4))
    .sort();
}

const cache = new Map<string, CampaignConfig>();

/**
 * Reads and validates `campaigns/<year>.json`. Throws `CampaignConfigError` naming the year and the available years
 * when the file is absent, and naming each offending field when it is invalid.
 */
export function loadCampaign(year: string, options: { directory?: string } = {}): CampaignConfig {
  const directory = options.directory ?? campaignsDirectory();
  const file = join(directory, `${year}.json`);
  const cached = cache.get(file);
  if (cached) return cached;
  const available = availableCampaigns(directory);
  const list = available.length > 0 ? available.join(', ') : 'none';
  if (!/^\d{4}$/.test(year) || !existsSync(file)) {
    throw new CampaignConfigError(`No campaign configuration for year "${year}" (available: ${list})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CampaignConfigError(`Campaign ${year}: ${file} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = CampaignConfig.safeParse(raw);
  if (!parsed.success) {
    throw new CampaignConfigError(
      `Campaign ${year} is invalid (available: ${list}):\n${z.prettifyError(parsed.error)}`,
    );
  }
  if (parsed.data.year !== year) {
    throw new CampaignConfigError(`Campaign file ${year}.json declares year "${parsed.data.year}"`);
  }
  cache.set(file, parsed.data);
  return parsed.data;
}
