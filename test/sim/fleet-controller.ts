/** Fleet and its agent: Bundles to BundleDeployments, apply, roll-ups, ManagedChart `paused`, agent check-ins. */
import { createHash } from 'node:crypto';
import type { ClusterState, WatchEvent } from './cluster';
import { APP, Controller, setCondition } from './controller-runtime';
import type { Cond } from './controller-runtime';
import { deploymentState, rollup } from './fleet-state';
import { clone, idOf } from './objects';
import type { Obj } from './objects';

const MC = 'management.cattle.io.managedchart';
const BUNDLE = 'fleet.cattle.io.bundle';
const BD = 'fleet.cattle.io.bundledeployment';
const FLEET_CLUSTER = 'fleet.cattle.io.cluster';

export const AGENT_CHECKIN_MS = 15 * 60 * 1000;
const DEFAULT_APPLY_MS = 2500;
const AGENT_REDEPLOY_MS = 2500;

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Fleet: a Bundle's options (e.g. `forceSyncGeneration`) give its BundleDeployments a new
 * `deploymentID`; they go WaitApplied, then the agent applies (Ready, or ErrApplied by
 * scenario); Bundle, ManagedChart and Fleet Cluster statuses roll up. A ManagedChart's `paused`
 * is copied to its Bundle. The Fleet agent checks in every 15 minutes unless the scenario says it
 * is down; raising `redeployAgentGeneration` redeploys it (it checks in again).
 */
export class FleetController extends Controller {
  private agentDown = new Set<string>();
  private pendingBundles = new Set<string>();
  /** Each Bundle's `generation` as last seen: only a spec change makes Fleet redeploy. */
  private bundleGenerations = new Map<string, number | undefined>();

  start(cluster: ClusterState): void {
    for (const [id, state] of Object.entries(this.behaviour(cluster).agents || {})) {
      if (state === 'down') {
        this.agentDown.add(`${ cluster.id }|${ id }`);
      }
    }
    if (cluster.has(FLEET_CLUSTER)) {
      this.scheduleCheckIn(cluster);
    }
    for (const bundle of cluster.has(BUNDLE) ? cluster.list(BUNDLE) : []) {
      this.bundleGenerations.set(`${ cluster.id }|${ idOf(bundle) }`, bundle.metadata.generation);
    }
  }

  react(cluster: ClusterState, e: WatchEvent): void {
    const id = idOf(e.obj);

    if (e.type === BUNDLE && e.name === 'resource.change') {
      const key = `${ cluster.id }|${ id }`;

      if (this.bundleGenerations.get(key) !== e.obj.metadata.generation) {
        this.bundleGenerations.set(key, e.obj.metadata.generation);
        this.queueBundle(cluster, id, 300);
      }
    } else if (e.type === MC && e.name === 'resource.change') {
      this.syncManagedChart(cluster, e.obj);
    } else if (e.type === FLEET_CLUSTER && e.name === 'resource.change') {
      const wanted = e.obj.spec?.redeployAgentGeneration || 0;

      if (wanted !== e.obj.status?.agentDeployedGeneration) {
        this.later(cluster, AGENT_REDEPLOY_MS, () => this.redeployAgent(cluster, id));
      }
    }
  }

  private syncManagedChart(cluster: ClusterState, mc: Obj): void {
    const bundleId = `${ mc.metadata.namespace }/mcc-${ mc.metadata.name }`;
    const bundle = cluster.get(BUNDLE, bundleId);
    const paused = !!mc.spec?.paused;

    if (bundle && !!bundle.spec?.paused !== paused) {
      this.later(cluster, 300, () => cluster.mutate(BUNDLE, bundleId, (b) => {
        b.spec.paused = paused;
      }));
    }
  }

  private queueBundle(cluster: ClusterState, bundleId: string, ms: number): void {
    const key = `${ cluster.id }|${ bundleId }`;

    if (this.pendingBundles.has(key)) {
      return;
    }
    this.pendingBundles.add(key);
    this.later(cluster, ms, () => {
      this.pendingBundles.delete(key);
      this.reconcileBundle(cluster, bundleId);
    });
  }

  private deploymentsOf(cluster: ClusterState, bundle: Obj): Obj[] {
    return cluster.has(BD) ? cluster.list(BD).filter((bd) => bd.metadata.labels?.['fleet.cattle.io/bundle-name'] === bundle.metadata.name &&
      bd.metadata.labels?.['fleet.cattle.io/bundle-namespace'] === bundle.metadata.namespace) : [];
  }

  /** The options a Bundle gives its deployments, and the deploymentID they hash to. */
  private options(bundle: Obj, bd: Obj): { options: Record<string, unknown>; id: string } {
    const spec = bundle.spec || {};
    const options: Record<string, unknown> = { ...(bd.spec?.options || {}) };

    for (const key of ['defaultNamespace', 'helm', 'diff', 'forceSyncGeneration', 'correctDrift', 'keepResources']) {
      if (spec[key] !== undefined) {
        options[key] = clone(spec[key]);
      }
    }
    const manifest = String(bd.spec?.deploymentID || `s-${ sha(bundle.metadata.name).slice(0, 60) }:`).split(':')[0];

    return { options, id: `${ manifest }:${ sha(JSON.stringify(options)) }` };
  }

  private reconcileBundle(cluster: ClusterState, bundleId: string): void {
    const bundle = cluster.get(BUNDLE, bundleId);

    if (!bundle) {
      return;
    }
    const paused = !!bundle.spec?.paused;

    for (const bd of this.deploymentsOf(cluster, bundle)) {
      const { options, id } = this.options(bundle, bd);
      const changed = id !== bd.spec?.stagedDeploymentID || (!paused && id !== bd.spec?.deploymentID) || !!bd.spec?.paused !== paused;

      if (!changed) {
        continue;
      }
      cluster.mutate(BD, idOf(bd), (d) => {
        d.spec = {
          ...d.spec, stagedOptions: options, stagedDeploymentID: id, paused
        };
        if (!paused) {
          d.spec.options = clone(options);
          d.spec.deploymentID = id;
        }
      });
      this.refreshDeployment(cluster, idOf(bd));
      if (!paused && id !== bd.status?.appliedDeploymentID) {
        const behaviour = this.behaviour(cluster).bundles?.[bundleId] || { outcome: 'ready' as const };

        this.later(cluster, behaviour.durationMs ?? DEFAULT_APPLY_MS, () => this.apply(cluster, idOf(bd), id, behaviour.outcome, behaviour.message));
      }
    }
    this.rollupAll(cluster);
  }

  /** The agent applies one deploymentID: a Helm upgrade that also reverts manual changes. */
  private apply(cluster: ClusterState, bdId: string, deploymentID: string, outcome: 'ready' | 'errapplied', message?: string): void {
    const bd = cluster.get(BD, bdId);

    if (!bd || bd.spec?.deploymentID !== deploymentID) {
      return; // superseded
    }
    const now = this.clock.iso();

    if (outcome === 'errapplied') {
      cluster.mutate(BD, bdId, (d) => {
        d.status = d.status || {};
        d.status.conditions = setCondition(d.status.conditions, {
          type: 'Deployed', status: 'False', reason: 'Error', message: message || 'failed to deploy bundle: context deadline exceeded', lastUpdateTime: now
        });
      }, 'status');
    } else {
      cluster.mutate(BD, bdId, (d) => {
        const status = d.status || {};
        let conditions = status.conditions;

        for (const type of ['Installed', 'Deployed', 'Monitored']) {
          conditions = setCondition(conditions, {
            type, status: 'True', lastUpdateTime: now
          });
        }
        conditions = setCondition(conditions, {
          type: 'Ready', status: 'True', lastUpdateTime: now
        });
        const release = String(status.release || '');
        const m = release.match(/^(.*):(\d+)$/);

        d.status = {
          ...status,
          appliedDeploymentID: deploymentID,
          syncGeneration:      d.spec?.options?.forceSyncGeneration || 0,
          ready:               true,
          nonModified:         true,
          conditions,
          release:             m ? `${ m[1] }:${ Number(m[2]) + 1 }` : release,
        };
        delete d.status.modifiedStatus;
        delete d.status.nonReadyStatus;
      }, 'status');
      const releaseName = String(cluster.get(BD, bdId)?.status?.release || '').split(':')[0];

      if (releaseName && cluster.has(APP) && cluster.get(APP, releaseName)) {
        cluster.mutate(APP, releaseName, (a) => {
          a.spec.version = (a.spec.version || 0) + 1;
          a.spec.info = {
            ...(a.spec.info || {}), status: 'deployed', lastDeployed: now, description: 'Upgrade complete'
          };
          a.status = { ...(a.status || {}), summary: { state: 'deployed' } };
        });
      }
    }
    this.refreshDeployment(cluster, bdId);
    this.rollupAll(cluster);
  }

  /** `display` of a BundleDeployment from its state (the agent writes it with its status). */
  private refreshDeployment(cluster: ClusterState, bdId: string): void {
    cluster.mutate(BD, bdId, (d) => {
      const state = deploymentState(d);
      const conditions: Cond[] = d.status?.conditions || [];
      const show = (type: string) => {
        const c = conditions.find((x) => x.type === type);

        return !c ? '' : c.reason === 'Error' ? `Error: ${ c.message || '' }` : c.status;
      };

      d.status = {
        ...(d.status || {}),
        display: {
          deployed: show('Deployed'), monitored: show('Monitored'), state
        },
      };
      if (state !== 'Ready' && state !== 'Modified') {
        const message = state === 'WaitApplied' ? 'waiting for the agent to apply the new deployment' : state === 'ErrApplied' ? (conditions.find((c) => c.type === 'Deployed')?.message || 'error applying') : state === 'OutOfSync' ? 'out of sync' : 'not ready';

        d.status.conditions = setCondition(d.status.conditions, {
          type: 'Ready', status: 'False', reason: 'Error', message, lastUpdateTime: this.clock.iso()
        });
      }
    }, 'status');
  }

  private rollupAll(cluster: ClusterState): void {
    const now = this.clock.iso();

    for (const bundle of cluster.has(BUNDLE) ? cluster.list(BUNDLE) : []) {
      const bds = this.deploymentsOf(cluster, bundle);

      if (!bds.length) {
        continue;
      }
      const r = rollup(bds, (bd) => `${ bd.metadata.labels?.['fleet.cattle.io/cluster-namespace'] || 'fleet-local' }/${ bd.metadata.labels?.['fleet.cattle.io/cluster'] || 'local' }`, 'Cluster', now, 'readyClusters');
      const apply = (o: Obj) => {
        const summaryBefore = JSON.stringify(o.status?.summary);

        o.status = {
          ...(o.status || {}), summary: r.summary, display: r.display, conditions: setCondition(o.status?.conditions, JSON.stringify(r.summary) === summaryBefore ? (o.status?.conditions || []).find((c: Cond) => c.type === 'Ready') || r.ready : r.ready)
        };
        if (o.status.partitions?.[0]) {
          o.status.partitions[0].summary = clone(r.summary);
        }
      };

      cluster.mutate(BUNDLE, idOf(bundle), apply, 'status');
      const mcName = bundle.metadata.name.replace(/^mcc-/, '');

      if (bundle.metadata.name.startsWith('mcc-') && cluster.has(MC) && cluster.get(MC, `${ bundle.metadata.namespace }/${ mcName }`)) {
        cluster.mutate(MC, `${ bundle.metadata.namespace }/${ mcName }`, apply, 'status');
      }
    }
    for (const fc of cluster.has(FLEET_CLUSTER) ? cluster.list(FLEET_CLUSTER) : []) {
      const bds = cluster.list(BD).filter((bd) => bd.metadata.namespace === fc.status?.namespace);

      if (!bds.length) {
        continue;
      }
      const r = rollup(bds, (bd) => bd.metadata.name, 'Bundle', now, 'readyBundles');

      cluster.mutate(FLEET_CLUSTER, idOf(fc), (o) => {
        const summaryBefore = JSON.stringify(o.status?.summary);

        o.status = {
          ...(o.status || {}), summary: r.summary, display: r.display, conditions: setCondition(o.status?.conditions, JSON.stringify(r.summary) === summaryBefore ? (o.status?.conditions || []).find((c: Cond) => c.type === 'Ready') || r.ready : r.ready)
        };
      }, 'status');
    }
  }

  // ------------------------------------------------------------ Fleet agent

  private scheduleCheckIn(cluster: ClusterState): void {
    this.later(cluster, AGENT_CHECKIN_MS, () => {
      for (const fc of cluster.list(FLEET_CLUSTER)) {
        if (!this.agentDown.has(`${ cluster.id }|${ idOf(fc) }`)) {
          cluster.mutate(FLEET_CLUSTER, idOf(fc), (o) => {
            o.status = { ...(o.status || {}), agent: { ...(o.status?.agent || {}), lastSeen: this.clock.iso() } };
          }, 'status');
        }
      }
      this.scheduleCheckIn(cluster);
    });
  }

  private redeployAgent(cluster: ClusterState, id: string): void {
    const fc = cluster.get(FLEET_CLUSTER, id);

    if (!fc) {
      return;
    }
    this.agentDown.delete(`${ cluster.id }|${ id }`);
    cluster.mutate(FLEET_CLUSTER, id, (o) => {
      o.status = {
        ...(o.status || {}), agentDeployedGeneration: o.spec?.redeployAgentGeneration || 0, agent: { ...(o.status?.agent || {}), lastSeen: this.clock.iso() }
      };
    }, 'status');
  }
}
