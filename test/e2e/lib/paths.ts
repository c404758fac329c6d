import path from 'node:path';

export const REPO = path.resolve(__dirname, '../../..');
export const HOST_DIR = path.join(REPO, 'test/host');
export const HOST_DIST = path.join(HOST_DIR, 'dist');
export const OUTPUT = path.join(REPO, 'test-results/e2e');
export const PKG_NAME = 'install-troubleshooting';
