import { importTypes } from '@rancher/auto-import';
import { ActionLocation, IPlugin } from '@shell/core/types';
import type { ShellStore } from './shell-store';
import * as product from './product';

/**
 * Extension entry: metadata, the page in the Harvester and Explorer navigation, the header
 * action that opens the side panel, and the uninstall hook. Wiring only; everything else is
 * loaded when it is used.
 */
export default function(plugin: IPlugin): void {
  // Auto-import l10n and the page (list/) from the folders
  importTypes(plugin);

  plugin.metadata = require('./package.json');

  // The shell calls the module's init(plugin, store); its ProductFunction type says otherwise.
  plugin.addProduct(product as unknown as Parameters<IPlugin['addProduct']>[0]);

  plugin.addUninstallHook((_plugin: IPlugin, internal: { store: ShellStore }) => {
    product.removeEntries(internal.store);
  });

  // The shell names the button (aria-label, data-testid) after labelKey, the tooltip after tooltipKey
  plugin.addAction(ActionLocation.HEADER, { product: ['harvester'] }, {
    labelKey:   'installTroubleshooting.header.label',
    tooltipKey: 'installTroubleshooting.header.tooltip',
    icon:       'icon-search',
    invoke(this: { $store: ShellStore }) {
      const store = this.$store;

      import('./panel-launcher').then(({ openOverview }) => openOverview(store));
    },
  });
}
