import { importTypes } from '@rancher/auto-import';
import { IPlugin } from '@shell/core/types';

// Extension entry point. For now it only registers what the shell auto-imports
// from this package's folders (l10n translations) and its metadata; the page
// inside the Harvester product is added later.
export default function(plugin: IPlugin): void {
  // Auto-import l10n (and models/detail/edit/list, when present) from the folders
  importTypes(plugin);

  // Provide plugin metadata from package.json
  plugin.metadata = require('./package.json');
}
