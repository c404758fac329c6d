// `import text from './l10n/en-us.yaml'` gives the file's raw text: under jest
// (test/setup/yaml-transform.js) and in the CLI bundle (esbuild `text` loader).
// Note: the extension's webpack build (build-pkg) runs .yaml through js-yaml-loader,
// which yields the parsed object instead, so UI code should not rely on this.
declare module '*.yaml' {
  const text: string;
  export default text;
}
