/** Time is a dependency: activities read it from here so tests can pin it (one definition, in the platform). */
export { type Clock, systemClock } from '@kientoan/platform';
