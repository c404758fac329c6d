/**
 * TEST STAND-IN: the second store module Harvester's UI registers, `harvester-common` (not a
 * cluster store). Only what decides behaviour our extension can meet is kept: the feature gate
 * on the cluster's `server-version`.
 */
import { supportsClusterVersion } from './version';

export const COMMON_STORE = 'harvester-common';

type RootGetters = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function serverVersion(rootGetters: RootGetters): unknown {
  return rootGetters['harvester/byId']?.('harvesterhci.io.setting', 'server-version')?.value;
}

export const commonStoreSpecifics = {
  state:   () => ({}),
  getters: {
    getServerVersion:  (_s: unknown, _g: unknown, _rs: unknown, rootGetters: RootGetters) => () => serverVersion(rootGetters),
    getFeatureEnabled: (_s: unknown, _g: unknown, _rs: unknown, rootGetters: RootGetters) => (feature: string, version?: string) => {
      return feature === 'supportHarvesterClusterVersion' ? supportsClusterVersion(version || serverVersion(rootGetters)) : true;
    },
  },
  mutations: {},
  actions:   {},
};
