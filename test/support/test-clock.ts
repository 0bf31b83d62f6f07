/** A clock tests can move: the API and the worker of a test stack both read it, so "tomorrow" comes at once. */
import { dateInVietnam } from '@kientoan/domain';
import type { Clock } from '@kientoan/platform';

const DAY_MS = 24 * 60 * 60 * 1000;

export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves every later reading `days` calendar days ahead (negative: back). */
  advanceDays(days: number): void {
    this.offsetMs += days * DAY_MS;
  }

  /** From now on the clock reads `instant`, then runs on as real time does. */
  runFrom(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }

  /** The Vietnam calendar date `days` after the clock's today, YYYY-MM-DD. */
  today(days = 0): string {
    return dateInVietnam(new Date(this.now().getTime() + days * DAY_MS));
  }
}
