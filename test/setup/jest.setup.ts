// Runs before every test file (setupFilesAfterEnv).
// The Vue/shell globals need a DOM (the shell's clean-html directive sets up DOMPurify on
// load), so suites that opt into `@jest-environment node` skip them.
if (typeof window !== 'undefined') {
  require('./vue-globals');
}
