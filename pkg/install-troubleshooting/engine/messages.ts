/**
 * The engine speaks in message keys with parameters, never in English. The page translates
 * them with the shell's `t()`, the CLI and the report with the same `l10n/*.yaml` files.
 * Every key the engine or the report can emit is listed here; a test checks that each one
 * exists in every locale, and the `MessageKey` type keeps the code to this list.
 */

import type { SteveType } from '../types';

export const PREFIX = 'installTroubleshooting';

export const MESSAGE_KEYS = [
  'health.ok', 'health.progressing', 'health.warning', 'health.error', 'health.unknown',
  'phase.none', 'phase.setting-up', 'phase.ready', 'phase.degraded', 'phase.unknown',
  'kind.helmChart', 'kind.job', 'kind.pod', 'kind.event', 'kind.node', 'kind.managedChart', 'kind.bundle',
  'kind.bundleDeployment', 'kind.fleetCluster', 'kind.app', 'kind.upgrade',

  'helmChart.complete', 'helmChart.failedCondition', 'helmChart.jobFailed', 'helmChart.crashLooping',
  'helmChart.imageError', 'helmChart.unschedulable', 'helmChart.stuck', 'helmChart.running', 'helmChart.starting',
  'helmChart.suspended', 'helmChart.jobMissing', 'helmChart.notCreated', 'helmChart.jobsNotListed',
  'helmChart.deleting', 'helmChart.lastMessage',

  'managedChart.notDefined', 'managedChart.paused', 'managedChart.bundleState', 'managedChart.noBundle',
  'managedChart.notProcessed',

  'bundle.state', 'bundle.paused', 'bundle.noTargets', 'bundle.notProcessed',

  'bundleDeployment.ready', 'bundleDeployment.errApplied', 'bundleDeployment.waitApplied',
  'bundleDeployment.notReady', 'bundleDeployment.outOfSync', 'bundleDeployment.modified',
  'bundleDeployment.agentNotCheckingIn', 'bundleDeployment.incomplete', 'bundleDeployment.deployError',

  'fleetCluster.neverCheckedIn', 'fleetCluster.agentStale', 'fleetCluster.redeployPending',
  'fleetCluster.bundles', 'fleetCluster.ready', 'fleetCluster.paused',

  'app.deployed', 'app.failed', 'app.pending', 'app.unknown',

  'node.ready', 'node.notReady', 'node.cordoned',

  'action.rerun.label', 'action.rerun.confirm', 'action.rerun.confirmResetOnly',
  'action.force-redeploy.label', 'action.force-redeploy.confirm',
  'action.resume.label', 'action.resume.confirm',
  'action.redeploy-agent.label', 'action.redeploy-agent.confirm',
  'action.rerun.effectReset', 'action.rerun.effectDelete', 'action.rerun.jobLeft', 'action.force-redeploy.effect',
  'action.resume.effect', 'action.redeploy-agent.effect',

  'report.title', 'report.generated', 'report.verdict', 'report.rootCause', 'report.rootCauseNone', 'report.phase',
  'report.upgrade', 'report.upgradeNone', 'report.counts', 'report.problems', 'report.noProblems', 'report.reasons',
  'report.conditions', 'report.drift', 'report.chain', 'report.fixes', 'report.others', 'report.skipped',
  'report.skippedNone', 'report.column.kind', 'report.column.name', 'report.column.health', 'report.column.summary',
  'report.column.count', 'report.driftModified', 'report.driftMissing', 'report.driftExtra', 'report.driftNotOwned',
  'report.driftNotReady', 'report.hidden', 'report.evidence', 'report.empty', 'report.unread', 'report.dropped',
  'report.droppedCount',

  'unread.title', 'unread.failed', 'unread.failedNoStatus', 'unread.noSchema', 'unread.notCollected',
  'unread.hides.helmChart', 'unread.hides.job', 'unread.hides.pod', 'unread.hides.node', 'unread.hides.managedChart',
  'unread.hides.bundle', 'unread.hides.bundleDeployment', 'unread.hides.fleetCluster', 'unread.hides.app',

  'item.dropped',
] as const;

export type MessageKey = typeof MESSAGE_KEYS[number];

export type MessageArgs = Record<string, string | number>;

export interface Message {
  /** The full translation key, e.g. `installTroubleshooting.helmChart.jobFailed`. */
  key: string;
  args?: MessageArgs;
}

/** The message key naming each kind, by Steve type id (Steve ids contain dots, which a key cannot). */
export const KIND_KEYS: Record<SteveType, MessageKey> = {
  'helm.cattle.io.helmchart':          'kind.helmChart',
  'batch.job':                         'kind.job',
  pod:                                 'kind.pod',
  event:                               'kind.event',
  node:                                'kind.node',
  'management.cattle.io.managedchart': 'kind.managedChart',
  'fleet.cattle.io.bundle':            'kind.bundle',
  'fleet.cattle.io.bundledeployment':  'kind.bundleDeployment',
  'fleet.cattle.io.cluster':           'kind.fleetCluster',
  'catalog.cattle.io.app':             'kind.app',
  'harvesterhci.io.upgrade':           'kind.upgrade',
};

export function fullKey(key: MessageKey): string {
  return `${ PREFIX }.${ key }`;
}

export function msg(key: MessageKey, args?: MessageArgs): Message {
  return args ? { key: fullKey(key), args } : { key: fullKey(key) };
}

/** Translates a message; the page passes the shell's `t`, the CLI one built from `l10n/en-us.yaml`. */
export type Translate = (key: string, args?: MessageArgs) => string;
