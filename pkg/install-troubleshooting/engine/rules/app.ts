import type { App, ObjectRef } from '../../types';
import { msg } from '../messages';
import { result } from './result';
import type { RuleResult } from './result';

const PENDING = new Set(['pending-install', 'pending-upgrade', 'pending-rollback', 'uninstalling']);

/** Superseded and uninstalled releases are history, not items. */
export function isListedRelease(app: App): boolean {
  const status = app.spec?.info?.status;

  return status !== 'superseded' && status !== 'uninstalled';
}

/** `failingOwners`: the HelmChart or BundleDeployment that runs this release, when not ok. */
export function appRule(app: App, failingOwners: ObjectRef[]): RuleResult {
  const info = app.spec?.info || {};
  const revision = app.spec?.version ?? '?';
  const status = info.status || 'unknown';

  if (status === 'failed') {
    return result('error', msg('app.failed', { revision, description: info.description || '' }), { causes: failingOwners });
  }
  if (PENDING.has(status)) {
    return result('progressing', msg('app.pending', { revision, status }), { causes: failingOwners });
  }
  if (status === 'deployed') {
    return result('ok', msg('app.deployed', { revision }));
  }

  return result('unknown', msg('app.unknown', { revision, status }), { causes: failingOwners });
}
