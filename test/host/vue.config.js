/**
 * TEST ONLY. The Dashboard host for the e2e tests and `npm run demo`: the shell's own build
 * (its vue.config), with this folder's pkg/ (the Harvester stand-in) built in and our
 * extension left out, so the simulator can serve the built extension at runtime through
 * /v1/uiplugins exactly as Rancher does. Build from this folder: `../../node_modules/.bin/vue-cli-service build`
 * (test/e2e/host-build.ts does that, with a cache keyed by the inputs).
 */
const path = require('path'); // eslint-disable-line @typescript-eslint/no-var-requires
const config = require('@rancher/shell/vue.config'); // eslint-disable-line @typescript-eslint/no-var-requires

// Our extension is never compiled into the host: a builtin copy would make the shell refuse the
// runtime-loaded one (plugins.error.developerPkg).
const shellConfig = config(__dirname, { excludes: ['install-troubleshooting'] });

// @rancher/shell 3.0.8 points ts-loader at its own tsconfig.json, whose rootDir is the shell
// folder, so pkg/*/index.ts fails with TS6059. Point it at a copy whose rootDir is the repo root.
const shellConfigureWebpack = shellConfig.configureWebpack;

shellConfig.configureWebpack = (webpackConfig) => {
  shellConfigureWebpack(webpackConfig);

  for (const rule of webpackConfig.module.rules) {
    for (const use of (Array.isArray(rule.use) ? rule.use : [])) {
      if (use.loader === 'ts-loader' && use.options) {
        use.options.configFile = path.join(__dirname, 'tsconfig.shell-dev.json');
      }
    }
  }
};

module.exports = shellConfig;
