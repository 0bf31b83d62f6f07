/**
 * Time is a dependency: the API and the worker read "now" from here, so tests can pin or move it (a rename
 * effective tomorrow is checked today and "tomorrow" without waiting a day).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
