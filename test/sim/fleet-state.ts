/** Fleet's status arithmetic: a BundleDeployment's state and the summaries that roll up from them. */
import type { Cond } from './controller-runtime';
import { clone } from './objects';
import type { Obj } from './objects';
import { bundleDeploymentState, STATE_RANK } from '../../pkg/install-troubleshooting/engine/rules/fleet';
import type { BundleDeployment, BundleState } from '../../pkg/install-troubleshooting/types';

/** Fleet's BundleDeployment state (GetDeploymentState): the same order the engine reads Fleet by. */
export function deploymentState(bd: Obj): BundleState {
  return bundleDeploymentState(bd as unknown as BundleDeployment);
}

const SUMMARY_KEY: Record<string, string> = {
  ErrApplied: 'errApplied', WaitApplied: 'waitApplied', Modified: 'modified', OutOfSync: 'outOfSync', Pending: 'pending', NotReady: 'notReady', Ready: 'ready'
};

function modifiedStrings(bd: Obj): string[] {
  return (bd.status?.modifiedStatus || []).map((m: { kind: string; apiVersion: string; namespace?: string; name: string; patch?: string; missing?: boolean; delete?: boolean }) => {
    const group = m.apiVersion.includes('/') ? `.${ m.apiVersion.split('/')[0] }` : '';
    const kind = `${ m.kind.toLowerCase() }${ group || `.${ m.apiVersion }` }`;
    const what = `${ kind } ${ m.namespace ? `${ m.namespace }/` : '' }${ m.name }`;

    return m.missing ? `${ what } missing` : m.delete ? `${ what } extra` : `${ what } modified ${ m.patch || '{}' }`;
  });
}

export interface Rollup {
  summary: Record<string, unknown>;
  display: Record<string, string>;
  ready: Cond;
}

/** Fleet's summary over some BundleDeployments (`label` names each in nonReadyResources). */
export function rollup(bds: Obj[], label: (bd: Obj) => string, what: string, nowIso: string, displayKey: 'readyClusters' | 'readyBundles'): Rollup {
  const summary: Record<string, unknown> = { desiredReady: bds.length, ready: 0 };
  const nonReady: Record<string, unknown>[] = [];
  let worst: BundleState | undefined;
  const counts: Record<string, number> = {};
  const messages: string[] = [];

  for (const bd of bds) {
    const state = deploymentState(bd);

    counts[state] = (counts[state] || 0) + 1;
    summary[SUMMARY_KEY[state]] = ((summary[SUMMARY_KEY[state]] as number) || 0) + 1;
    if (state !== 'Ready') {
      nonReady.push({
        bundleState: state, name: label(bd), ...(bd.status?.modifiedStatus?.length ? { modifiedStatus: clone(bd.status.modifiedStatus) } : {}), ...(bd.status?.nonReadyStatus?.length ? { nonReadyStatus: clone(bd.status.nonReadyStatus) } : {})
      });
      if (!worst || STATE_RANK[state] > STATE_RANK[worst]) {
        worst = state;
      }
      messages.push(...modifiedStrings(bd));
    }
  }
  if (nonReady.length) {
    summary.nonReadyResources = nonReady;
  }
  const display: Record<string, string> = { [displayKey]: `${ summary.ready }/${ bds.length }` };

  if (worst) {
    display.state = worst;
  }
  const ready: Cond = worst ? {
    type:           'Ready',
    status:         'False',
    lastUpdateTime: nowIso,
    message:        [`${ worst }(${ counts[worst] }) [${ what } ${ nonReady.map((n) => n.name).join(', ') }]`, ...messages.slice(0, 4)].join('; '),
  } : {
    type: 'Ready', status: 'True', lastUpdateTime: nowIso
  };

  return {
    summary, display, ready
  };
}
