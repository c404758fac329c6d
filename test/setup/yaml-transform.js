// .yaml/.yml transformer: the module's default export is the file's raw text,
// so `import text from '../l10n/en-us.yaml'` gives a string (parse it yourself).
const crypto = require('crypto');

module.exports = {
  process(sourceText) {
    return { code: `module.exports = { __esModule: true, default: ${ JSON.stringify(sourceText) } };\n` };
  },
  getCacheKey(sourceText) {
    return crypto.createHash('sha1').update('yaml-transform-v1\0').update(sourceText).digest('hex');
  },
};
