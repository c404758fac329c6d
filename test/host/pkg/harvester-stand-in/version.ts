/**
 * TEST STAND-IN: the one version rule of Harvester's UI that decides whether a cluster opens at
 * all. Its `supportHarvesterClusterVersion` feature needs a `server-version` of v1.3.0 or later;
 * a version it cannot read counts as the newest, as in Harvester's UI.
 */
export const MIN_SUPPORTED = [1, 3, 0];

export function supportsClusterVersion(serverVersion: unknown): boolean {
  const m = typeof serverVersion === 'string' ? serverVersion.match(/^v?(\d+)\.(\d+)\.(\d+)/) : null;

  if (!m) {
    return true;
  }
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])];

  for (let i = 0; i < 3; i++) {
    if (parts[i] !== MIN_SUPPORTED[i]) {
      return parts[i] > MIN_SUPPORTED[i];
    }
  }

  return true;
}
