/**
 * The narrow slice of the shell's Vuex store this extension uses. Getters are looked up by
 * their namespaced name and checked where they are read.
 */
export interface ShellStore {
  getters: Record<string, unknown>;
  state: Record<string, unknown>;
  dispatch(type: string, payload?: unknown): Promise<unknown>;
  commit(type: string, payload?: unknown): void;
  registerModule(path: string, module: object): void;
  unregisterModule(path: string): void;
  hasModule(path: string): boolean;
}

/** A getter that returns a function, e.g. `harvester/schemaFor` or `i18n/t`. */
export function getterFn<A extends unknown[], R>(store: ShellStore, name: string): ((...args: A) => R) | undefined {
  const g = store.getters[name];

  return typeof g === 'function' ? g as (...args: A) => R : undefined;
}
