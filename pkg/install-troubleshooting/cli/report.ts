/**
 * Entry of the report CLI (Node only; the page never imports it). Bundled by `npm run build-cli`
 * into one self-contained file that runs beside kubectl.
 */
import { readFileSync } from 'fs';
import yaml from 'js-yaml';
import enUs from '../l10n/en-us.yaml';
import { runCli } from './main';
import { createTranslator } from './translate';

const code = runCli(process.argv.slice(2), {
  readFile:  (path) => new Uint8Array(readFileSync(path)),
  readStdin: () => new Uint8Array(readFileSync(0)),
  stdout:    (text) => process.stdout.write(text),
  stderr:    (text) => process.stderr.write(text),
  now:       () => new Date(),
}, createTranslator(yaml.load(enUs), 'en-US'));

process.exitCode = code;
