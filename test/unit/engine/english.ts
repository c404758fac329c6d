/** The English translator the CLI uses, built from the real l10n file. */
import fs from 'fs';
import path from 'path';
import yaml from 'js-yaml';
import { createTranslator } from '@pkg/cli/translate';

export function locale(name: string): unknown {
  return yaml.load(fs.readFileSync(path.join(__dirname, '../../../pkg/install-troubleshooting/l10n', `${ name }.yaml`), 'utf8'));
}

export const english = createTranslator(locale('en-us'), 'en-US');
