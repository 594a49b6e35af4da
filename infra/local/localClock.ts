import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../../shared/workflow/clock.js';

const ClockFile = z.object({ fixedAt: z.iso.datetime({ offset: true }) });

/**
 * The local runtime's clock: the system time until a user sets it, then a fixed instant stored in
 * `<AWARD_HOME>/clock.json` that only `set` and `advance` move (so closing a publicity window is a user's act, and a
 * demo replays the same dates). Every process on the same AWARD_HOME sees the same time.
 */
export class LocalClock implements Clock {
  constructor(
    private readonly file: string,
    private readonly system: () => Date = () => new Date(),
  ) {}

  now(): Date {
    const fixed = this.fixedAt();
    return fixed ? new Date(fixed) : this.system();
  }

  /** The stored instant, or undefined when the clock follows the system time. */
  fixedAt(): string | undefined {
    if (!existsSync(this.file)) return undefined;
    const parsed = ClockFile.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    if (!parsed.success) throw new Error(`${this.file} is not a clock file; remove it to follow the system time`);
    return parsed.data.fixedAt;
  }

  set(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new RangeError('not a valid instant');
    writeFileSync(this.file, `${JSON.stringify({ fixedAt: at.toISOString() })}\n`);
  }

  advance(ms: number): Date {
    const next = new Date(this.now().getTime() + ms);
    this.set(next);
    return next;
  }

  /** Back to the system time. */
  reset(): void {
    rmSync(this.file, { force: true });
  }
}
