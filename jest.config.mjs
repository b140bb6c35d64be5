// Jest runs TypeScript through @swc/jest as native ESM (NODE_OPTIONS=--experimental-vm-modules, set by
// scripts/test.mjs). Projects: unit (pure, fast), int (real PostgreSQL, Payload Local API, HTTP), e2e (Chromium).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@payload-config$': '<rootDir>/payload.config.ts' },
  testEnvironment: 'node',
}

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/test/int/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/globalSetup.mjs',
      globalTeardown: '<rootDir>/test/helpers/globalTeardown.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/globalSetup.mjs',
      globalTeardown: '<rootDir>/test/helpers/globalTeardown.mjs',
    },
  ],
  testTimeout: 120_000,
}
