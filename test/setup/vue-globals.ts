import { config } from '@vue/test-utils';
import i18n from '@shell/plugins/i18n';
import { installDirectives } from '@shell/initialize/install-directives';

// Install on every mounted app what the shell installs on its own Vue app:
// the i18n plugin (`t()`, `v-t`, `<t>`) and the shell directives (v-clean-html, ...).
// Components still need a store: pass one via `global.plugins` or `global.mocks.$store`.
config.global.plugins = [...(config.global.plugins || []), i18n, { install: installDirectives }];

// Directives from plugins not loaded in unit tests (floating-vue, vue3-shortkey)
config.global.directives = {
  ...(config.global.directives || {}), 'close-popper': {}, shortkey: {}
};
