/**
 * Stand-in for the build's virtual module `@rancher/auto-import`, which the shell's build
 * generates from the package's folders (shell/pkg/auto-import.js). Same contract: every file
 * of the auto-imported folders is registered with a lazy loader under its folder and name.
 */
import fs from 'fs';
import path from 'path';

const PKG = path.join(__dirname, '../../pkg/install-troubleshooting');
const FOLDERS = ['list', 'l10n', 'detail', 'edit', 'models', 'dialog', 'formatters'];

export function importTypes(plugin: { register(type: string, name: string, fn: () => unknown): void }): void {
  for (const folder of FOLDERS) {
    const dir = path.join(PKG, folder);

    if (fs.existsSync(dir)) {
      for (const file of fs.readdirSync(dir)) {
        plugin.register(folder, file.replace(/\.[^/.]+$/, ''), () => require(path.join(dir, file)));
      }
    }
  }
}
