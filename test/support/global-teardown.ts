import { readTestEnvironment, removeTestEnvironment } from './test-environment';

/** Stops the Temporal dev server by pid (SIGTERM, then SIGKILL), and removes the environment file. */
export default async function globalTeardown(): Promise<void> {
  const { temporalPid } = readTestEnvironment();
  try {
    process.kill(temporalPid, 'SIGTERM');
    for (let i = 0; i < 50; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      process.kill(temporalPid, 0);
    }
    process.kill(temporalPid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  removeTestEnvironment();
}
