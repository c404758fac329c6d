/* eslint-disable @typescript-eslint/no-var-requires, @typescript-eslint/no-explicit-any */
import { JSDOM } from 'jsdom';
import { httpGet } from './rancher-emulator';

/**
 * A minimal Dashboard made of the shell's own parts, in a jsdom window whose origin is the emulated Rancher:
 * the real `type-map`, `i18n` and `uiplugins` store modules, the real extension manager
 * (core/extension-manager-impl.js) and the real startup loader (plugins/plugin.js), which reads /v1/uiplugins,
 * applies the shell's version checks and injects each extension's `<script>`.
 *
 * Shell modules are required only after the jsdom globals exist, because some of them touch `window` as they load.
 */
export interface ShellHost {
  dom: JSDOM;
  store: any;
  $extension: any;
  /** plugins/plugin.js, as the Dashboard runs it at startup */
  loadExtensions(): Promise<void>;
  close(): void;
}

const GLOBALS = ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'localStorage', 'sessionStorage'];

export async function bootShellHost(origin: string): Promise<ShellHost> {
  // Scripts run and load over HTTP like in a browser: `resources: 'usable'`
  const page = await httpGet(`${ origin }/`);
  const dom = new JSDOM(page.body.toString(), {
    url: `${ origin }/`, runScripts: 'dangerously', resources: 'usable', pretendToBeVisual: true
  });
  const g = global as any;
  const saved = Object.fromEntries(GLOBALS.map((k) => [k, g[k]]));

  for (const k of GLOBALS) {
    g[k] = (dom.window as any)[k];
  }
  // The extension's UMD takes Vue from the page (the shell's webpack externals)
  (dom.window as any).Vue = require('vue');
  // shell/vue.config.js sets this to the host's shell version; config/uiplugins.js reads it when it loads
  process.env.UI_EXTENSIONS_API_VERSION = require('@rancher/shell/package.json').version;

  const { markRaw } = require('vue');
  const { createStore } = require('vuex');
  const { createRouter, createMemoryHistory } = require('vue-router');
  const module = (m: any) => ({
    namespaced: true, state: m.state, getters: m.getters, mutations: m.mutations, actions: m.actions
  });
  const request = async(_ctx: unknown, { url }: { url: string }) => {
    const res = await httpGet(`${ origin }${ url }`);

    if (res.status !== 200) {
      throw Object.assign(new Error(`${ url }: HTTP ${ res.status }`), { code: res.status });
    }

    return JSON.parse(res.body.toString());
  };

  const store = createStore({
    state:     () => ({ $extension: {}, $plugin: {} }),
    mutations: {
      setPlugin(state: any, ext: any) {
        state.$extension = markRaw(ext);
        state.$plugin = markRaw(ext);
      },
    },
    modules: {
      'type-map': module(require('@shell/store/type-map')),
      i18n:       module(require('@shell/store/i18n')),
      uiplugins:  module(require('@shell/store/uiplugins')),
      // What these tests need of the rest of the Dashboard's store
      prefs:      {
        namespaced: true, getters: { get: () => () => undefined }, actions: { set: () => undefined }
      },
      management: { namespaced: true, actions: { request } },
      rancher:    { namespaced: true, actions: { request } },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes:  [{
      path: '/', name: 'default', component: { render: () => null }
    }]
  });
  const { createExtensionManager } = require('@shell/core/extension-manager-impl');
  const $extension = createExtensionManager({
    app: { router }, store, $axios: {}, redirect: () => undefined
  });

  store.$extension = $extension;
  store.commit('setPlugin', $extension);

  return {
    dom,
    store,
    $extension,
    async loadExtensions() {
      await require('@shell/plugins/plugin').default({
        store, $extension, route: { query: {} }
      });
    },
    close() {
      dom.window.close();
      for (const k of GLOBALS) {
        g[k] = saved[k];
      }
    },
  };
}
