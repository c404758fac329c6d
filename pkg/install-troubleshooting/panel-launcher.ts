/** Opens the side panel with the shell's own slide-in (`slideInPanel` store module, Rancher ≥ 2.12). */
import { markRaw } from 'vue';
import DetailPanel from './components/panel/DetailPanel.vue';
import { createTroubleshooter } from './composables/troubleshooter';
import type { Troubleshooter } from './composables/troubleshooter';
import type { ObjectRef } from './types';
import { getterFn } from './shell-store';
import type { ShellStore } from './shell-store';

function open(store: ShellStore, componentProps: Record<string, unknown>): void {
  const t = getterFn<[string], string>(store, 'i18n/t');

  store.commit('slideInPanel/open', {
    component:      markRaw(DetailPanel),
    componentProps: {
      title:              t ? t('installTroubleshooting.panel.title') : 'Install Troubleshooting',
      width:              '50%',
      triggerFocusTrap:   true,
      closeOnRouteChange: ['name', 'params'],
      ...componentProps,
    },
  });
}

/**
 * One object, from a row of the page or a link in the panel. The troubleshooter travels through
 * the store's state, which would make it deeply reactive and unwrap its refs: it stays raw.
 */
export function openDetail(store: ShellStore, troubleshooter: Troubleshooter, target: ObjectRef): void {
  open(store, {
    troubleshooter: markRaw(troubleshooter), target, ownsTroubleshooter: false, returnFocusSelector: `[data-ref="${ target.type }:${ target.id }"]`
  });
}

/**
 * The verdict and the problems, from the header action on any Harvester page. The same store
 * state carries the troubleshooter as on the row path, so it stays raw here too.
 */
export function openOverview(store: ShellStore): void {
  const troubleshooter = createTroubleshooter(store);

  troubleshooter.source.load();
  open(store, {
    troubleshooter: markRaw(troubleshooter), target: null, ownsTroubleshooter: true
  });
}
