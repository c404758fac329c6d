// Shell JS modules the stand-ins use that the shell's own type definitions don't cover.
declare module '@shell/plugins/steve/index' {
  export function SteveFactory(namespace?: string, baseUrl?: string): any; // eslint-disable-line @typescript-eslint/no-explicit-any
  export function steveStoreInit(store: any, ctx: any): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

declare module '@shell/utils/error' {
  export class ClusterNotFoundError extends Error {}
}
