/**
 * Where the e2e tests find their servers. The global set-up writes this file; every test file reads it, so
 * tests work the same with `--runInBand` and with parallel Jest workers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestEnvironment {
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly temporalPid: number;
  readonly workflowBundlePath: string;
}

// Jest workers are spawned after the global set-up and inherit its environment variables.
const FILE_VARIABLE = 'KIENTOAN_TEST_ENVIRONMENT_FILE';

const environmentFile = (): string => {
  const file = process.env[FILE_VARIABLE];
  if (!file) throw new Error('The e2e global set-up has not run (KIENTOAN_TEST_ENVIRONMENT_FILE is unset).');
  return file;
};

export const writeTestEnvironment = (env: TestEnvironment): void => {
  const file = path.join(os.tmpdir(), `kientoan-test-environment-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(env));
  process.env[FILE_VARIABLE] = file;
};

export const readTestEnvironment = (): TestEnvironment =>
  JSON.parse(fs.readFileSync(environmentFile(), 'utf8')) as TestEnvironment;

export const removeTestEnvironment = (): void => fs.rmSync(environmentFile(), { force: true });
