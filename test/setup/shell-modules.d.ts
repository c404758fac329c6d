// Shell JS modules used by the test setup that the shell's own type definitions don't cover.
declare module '@shell/initialize/install-directives' {
  import type { App } from 'vue';

  export function installDirectives(vueApp: App): void;
}
