const path = require('path'); // eslint-disable-line @typescript-eslint/no-var-requires
const config = require('@rancher/shell/vue.config'); // eslint-disable-line @typescript-eslint/no-var-requires

const shellConfig = config(__dirname, { excludes: [] });

// @rancher/shell 3.0.8 points the dev server's ts-loader at its own tsconfig.json, whose
// rootDir is the shell folder, so pkg/*/index.ts fails with TS6059 ("not under rootDir").
// Point ts-loader at tsconfig.shell-dev.json instead: the shell's config with rootDir '.'.
// (build-pkg uses the shell's pkg/vue.config.js and is not affected.)
const shellConfigureWebpack = shellConfig.configureWebpack;

shellConfig.configureWebpack = (webpackConfig) => {
  shellConfigureWebpack(webpackConfig);
  let patched = 0;

  for (const rule of webpackConfig.module.rules) {
    for (const use of (Array.isArray(rule.use) ? rule.use : [])) {
      if (use.loader === 'ts-loader' && use.options) {
        use.options.configFile = path.join(__dirname, 'tsconfig.shell-dev.json');
        patched++;
      }
    }
  }

  if (!patched) {
    console.warn('vue.config.js: no ts-loader rule found to point at tsconfig.shell-dev.json'); // eslint-disable-line no-console
  }
};

module.exports = shellConfig;
