// Three projects: `unit` needs no server; `web` renders React components in jsdom; `e2e` runs against a
// real PostgreSQL and a real Temporal dev server that the global set-up starts on free ports. Tests are
// compiled by SWC (type-checking is `npm run typecheck`); Nest 12 ships ESM, so @nestjs is transformed too.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose)/)'],
  moduleNameMapper: { '^@kientoan/(domain|workflows|platform)(/.*)?$': '<rootDir>/libs/$1/src$2' },
  rootDir: __dirname,
};

// Web components (React) render in jsdom: TSX with the automatic JSX runtime.
const swcTsx = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
      ],
      testPathIgnorePatterns: ['\\.e2e-spec\\.ts$'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/apps/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeouts.ts'],
    },
    {
      ...common,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/web/**/*.spec.tsx'],
      transform: { '^.+\\.(t|j|mj)sx?$': swcTsx },
      setupFilesAfterEnv: ['<rootDir>/apps/web/src/testing/setup-jsdom.ts'],
    },
  ],
};
