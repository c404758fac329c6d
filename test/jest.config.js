// Jest 29 for the extension and its tools. Run from the repo root: `npm test`.
// The shell (@rancher/shell) ships untranspiled ESM/TS/.vue sources, so they
// go through the same transforms as our own code.
module.exports = {
  rootDir:                  '..',
  testMatch:                ['<rootDir>/test/unit/**/*.test.ts'],
  // Per-file override: a `@jest-environment node` docblock for plain-TS suites
  testEnvironment:          'jsdom',
  // Make vue / @vue/test-utils resolve to their CommonJS builds under jsdom
  testEnvironmentOptions:   { customExportConditions: ['node', 'node-addons'] },
  setupFilesAfterEnv:       ['<rootDir>/test/setup/jest.setup.ts'],
  moduleFileExtensions:     ['ts', 'js', 'mjs', 'json', 'vue', 'yaml', 'yml'],
  // Built output contains package.json files that collide in jest-haste-map
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/dist-pkg/', '<rootDir>/dist-cli/', '<rootDir>/pkg/.*/\\.shell/'],
  moduleNameMapper:         {
    '^@shell/(.*)$':      '<rootDir>/node_modules/@rancher/shell/$1',
    '^@components/(.*)$': '<rootDir>/node_modules/@rancher/shell/rancher-components/$1',
    '^@pkg/(.*)$':        '<rootDir>/pkg/install-troubleshooting/$1',
  },
  transform: {
    '^.+\\.ya?ml$': '<rootDir>/test/setup/yaml-transform.js',
    '^.+\\.vue$':   '<rootDir>/test/setup/vue-transform.js',
    '^.+\\.tsx?$':  ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.jest.json' }],
    '^.+\\.m?js$':  'babel-jest',
  },
  transformIgnorePatterns: ['/node_modules/(?!(@rancher/shell|color|color-string|color-convert|color-name|vee-validate|@vee-validate)/)'],
  watchman:                false,
};
