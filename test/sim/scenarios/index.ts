/**
 * The scenarios, as data derived from the fixtures (test/fixtures/ stays untouched):
 *
 * | name | what |
 * |---|---|
 * | `seed` (default) | the Harvester docs' cluster at 10:00: `mcc-harvester` Modified by a hand-edited image; force redeploy fixes it |
 * | `healthy` | the same cluster after the image was reverted |
 * | `chart-failing` | healthy, but `helm-install-rke2-ingress-nginx` crash-loops; a rerun succeeds |
 * | `agent-stale` | healthy, but the Fleet agent last checked in at 09:05 and is down; a redeploy brings it back |
 * | `upgrade-stuck` | an Upgrade to v1.6.1 in progress, stuck on `mcc-harvester` (ManagedChart paused, deployment out of sync) |
 * | `rke2` | a plain RKE2 cluster (no Fleet, no Harvester) with one crash-looping chart |
 * | `large` | the seed plus 2,000 add-on HelmCharts with their Jobs and pods (for benchmarks) |
 * | `hostile` | the seed with HTML/script payloads (each with a `data-probe` attribute) in names, messages, patches and logs |
 */
import { idOf } from '../objects';
import type { Obj } from '../objects';
import type { Scenario } from '../scenario';
import {
  HARVESTER, HARVESTER_TYPES, RKE2, RKE2_TYPES, SEED_NOW, crashEvents, crashLoop, find, fixture, harvesterSettings, podLogs
} from './common';

function harvesterScenario(name: string, description: string, objects: Obj[], extra: Partial<Scenario['clusters'][0]> = {}): Scenario {
  return {
    name,
    description,
    now:      SEED_NOW,
    clusters: [{
      info: HARVESTER, types: HARVESTER_TYPES, objects: [...harvesterSettings(), ...objects], ...extra, logs: { ...podLogs(objects), ...(extra.logs || {}) }
    }],
  };
}

function seed(): Scenario {
  return harvesterScenario('seed', 'Harvester v1.6 single node; mcc-harvester Modified (image changed by hand)', fixture('seed-scenario'));
}

function healthy(): Scenario {
  return harvesterScenario('healthy', 'The seed cluster after the image was reverted: everything Ready', fixture('healthy-scenario'));
}

const INGRESS_ERROR = [
  'Error: UPGRADE FAILED: cannot patch "rke2-ingress-nginx-controller" with kind DaemonSet: DaemonSet.apps "rke2-ingress-nginx-controller" is invalid:',
  'spec.template.spec.containers[0].ports[1].hostPort: Duplicate value: 443',
].join(' ');

function chartFailing(): Scenario {
  const objects = fixture('healthy-scenario');

  crashLoop(objects, 'rke2-ingress-nginx', { terminationMessage: 'Upgrading helm chart', now: SEED_NOW });
  objects.push(...crashEvents(objects, 'rke2-ingress-nginx', SEED_NOW));
  const pod = objects.find((o) => o.kind === 'Pod' && o.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === 'rke2-ingress-nginx') as Obj;

  return harvesterScenario('chart-failing', 'helm-install-rke2-ingress-nginx crash-loops (duplicate hostPort); a rerun succeeds', objects, {
    logs: {
      [idOf(pod)]: [
        '+ helm_v3 ls --all -f \'^rke2-ingress-nginx$\' --namespace kube-system --output json',
        '+ echo \'Upgrading helm chart\'',
        '+ helm_v3 upgrade --namespace kube-system rke2-ingress-nginx /tmp/rke2-ingress-nginx.tgz --values /config/values-10_HelmChartConfig.yaml',
        INGRESS_ERROR,
        '+ exit 1',
      ].join('\n'),
    },
    behaviour: { charts: { 'kube-system/rke2-ingress-nginx': { outcome: 'succeed', durationMs: 2500 } } },
  });
}

function agentStale(): Scenario {
  const objects = fixture('healthy-scenario');
  const fc = find(objects, 'Cluster', 'fleet-local/local');

  fc.status.agent.lastSeen = '2025-09-24T09:05:12Z';

  return harvesterScenario('agent-stale', 'The Fleet agent stopped checking in at 09:05; a redeploy brings it back', objects, { behaviour: { agents: { 'fleet-local/local': 'down' } } });
}

function upgradeStuck(): Scenario {
  const objects = fixture('healthy-scenario');
  const mc = find(objects, 'ManagedChart', 'fleet-local/harvester');
  const bundle = find(objects, 'Bundle', 'fleet-local/mcc-harvester');
  const bd = find(objects, 'BundleDeployment', 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester');
  const staged = `${ String(bd.spec.deploymentID).split(':')[0] }:6b1f0c2d9e3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678`;

  mc.spec.paused = true;
  mc.spec.version = '1.6.1';
  bundle.spec.paused = true;
  bundle.spec.helm = { ...(bundle.spec.helm || {}), version: '1.6.1' };
  bd.spec.paused = true;
  bd.spec.stagedDeploymentID = staged;
  bd.spec.stagedOptions = { ...bd.spec.stagedOptions, helm: { ...bd.spec.stagedOptions.helm, version: '1.6.1' } };
  bd.status.display.state = 'OutOfSync';
  const outOfSync = (o: Obj, what: string) => {
    o.status.display = { ...o.status.display, state: 'OutOfSync' };
    o.status.summary = {
      desiredReady: o.status.summary.desiredReady, ready: o.status.summary.ready - 1, outOfSync: 1, nonReadyResources: [{ bundleState: 'OutOfSync', name: what }]
    };
    o.status.conditions = o.status.conditions.map((c: { type: string }) => (c.type === 'Ready' ? {
      ...c, status: 'False', message: `OutOfSync(1) [${ what }]`, lastUpdateTime: '2025-09-24T09:31:02Z'
    } : c));
  };

  outOfSync(mc, 'Cluster fleet-local/local');
  outOfSync(bundle, 'Cluster fleet-local/local');
  mc.status.display.readyClusters = '0/1';
  bundle.status.display.readyClusters = '0/1';
  outOfSync(find(objects, 'Cluster', 'fleet-local/local'), 'Bundle mcc-harvester');
  find(objects, 'Cluster', 'fleet-local/local').status.display.readyBundles = '6/7';
  objects.push({
    apiVersion: 'harvesterhci.io/v1beta1',
    kind:       'Upgrade',
    metadata:   {
      name:              'hvst-upgrade-m2x7q',
      namespace:         'harvester-system',
      creationTimestamp: '2025-09-24T09:12:40Z',
      labels:            { 'harvesterhci.io/latestUpgrade': 'true', 'harvesterhci.io/upgradeState': 'UpgradingSystemService' },
    },
    spec:   { version: 'v1.6.1', logEnabled: false },
    status: {
      previousVersion: 'v1.6.0',
      conditions:      [
        {
          type: 'ImageReady', status: 'True', lastUpdateTime: '2025-09-24T09:18:03Z'
        },
        {
          type: 'RepoReady', status: 'True', lastUpdateTime: '2025-09-24T09:22:51Z'
        },
        {
          type: 'NodesPrepared', status: 'True', lastUpdateTime: '2025-09-24T09:29:30Z'
        },
        {
          type: 'SystemServicesUpgraded', status: 'Unknown', reason: 'Executing', message: 'waiting for bundle mcc-harvester', lastUpdateTime: '2025-09-24T09:31:00Z'
        },
      ],
      nodeStatuses: { 'harvester-node-0': { state: 'Images preloaded' } },
    },
  });

  return harvesterScenario('upgrade-stuck', 'An Upgrade to v1.6.1 in progress, stuck on mcc-harvester (ManagedChart paused)', objects);
}

function rke2(): Scenario {
  const objects = fixture('healthy-scenario').filter((o) => ['HelmChart', 'Job', 'Pod', 'Event', 'Node'].includes(o.kind as string) ||
    (o.kind === 'App' && o.metadata.namespace === 'kube-system'));

  for (const node of objects.filter((o) => o.kind === 'Node')) {
    delete node.metadata.labels?.['harvesterhci.io/managed'];
    node.status.nodeInfo.osImage = 'SUSE Linux Enterprise Server 15 SP6';
  }
  crashLoop(objects, 'rke2-metrics-server', {
    terminationMessage: 'Installing helm chart', now: SEED_NOW, restarts: 3
  });
  objects.push(...crashEvents(objects, 'rke2-metrics-server', SEED_NOW));

  return {
    name:        'rke2',
    description: 'A plain RKE2 cluster without Fleet or Harvester; rke2-metrics-server crash-loops',
    now:         SEED_NOW,
    clusters:    [{
      info: RKE2, types: RKE2_TYPES, objects, logs: podLogs(objects)
    }],
  };
}

function large(): Scenario {
  const objects = fixture('seed-scenario');
  const template = {
    chart: find(objects, 'HelmChart', 'kube-system/rke2-metrics-server'),
    job:   find(objects, 'Job', 'kube-system/helm-install-rke2-metrics-server'),
    pod:   objects.find((o) => o.kind === 'Pod' && o.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === 'rke2-metrics-server') as Obj,
  };

  for (let i = 0; i < 2000; i++) {
    const name = `addon-${ String(i).padStart(4, '0') }`;
    const ns = `addons-${ i % 20 }`;
    const rename = (o: Obj, newName: string): Obj => {
      const copy = JSON.parse(JSON.stringify(o).replace(/rke2-metrics-server/g, name)) as Obj;

      copy.metadata.name = newName;
      copy.metadata.namespace = ns;
      copy.metadata.uid = `00000000-0000-4000-8000-${ String(i).padStart(4, '0') }${ newName.length.toString(16).padStart(8, '0') }`;

      return copy;
    };

    objects.push(rename(template.chart, name), rename(template.job, `helm-install-${ name }`), rename(template.pod, `helm-install-${ name }-x${ i.toString(36) }`));
  }

  return harvesterScenario('large', 'The seed plus 2,000 add-on HelmCharts with their Jobs and pods', objects);
}

/** A payload that would create an element carrying `data-probe` (and run script) if rendered as HTML. */
export function probe(where: string): string {
  return `<img data-probe="${ where }" src="/__probe/${ where }" onerror="window.__probe=(window.__probe||[]).concat('${ where }')"><script data-probe="${ where }-script">window.__probe=(window.__probe||[]).concat('${ where }-script')</script><b data-probe="${ where }-b">${ where }</b>`;
}

function hostile(): Scenario {
  const objects = fixture('seed-scenario');
  const bd = find(objects, 'BundleDeployment', 'cluster-fleet-local-local-1a3d67d0a899/mcc-harvester');
  const patch = JSON.stringify({ spec: { template: { spec: { containers: [{ image: probe('patch'), name: 'apiserver' }] } } } });

  bd.status.modifiedStatus = [{
    apiVersion: 'apps/v1', kind: 'Deployment', name: `harvester${ probe('modified-name') }`, namespace: 'harvester-system', patch
  }];
  for (const kind of ['BundleDeployment', 'Bundle', 'ManagedChart', 'Cluster']) {
    for (const o of objects.filter((x) => x.kind === kind)) {
      for (const c of o.status?.conditions || []) {
        if (c.type === 'Ready' && c.status === 'False') {
          c.message = `${ c.message } ${ probe(`${ kind }-message`) }`;
        }
      }
      for (const r of o.status?.summary?.nonReadyResources || []) {
        r.name = `${ r.name }${ probe(`${ kind }-resource-name`) }`;
        for (const m of r.modifiedStatus || []) {
          m.patch = patch;
        }
      }
    }
  }
  crashLoop(objects, 'rke2-multus', { terminationMessage: `Upgrading helm chart ${ probe('termination-message') }`, now: SEED_NOW });
  objects.push(...crashEvents(objects, 'rke2-multus', SEED_NOW, `Back-off restarting failed container ${ probe('event-message') }`));
  const chart = find(objects, 'HelmChart', 'kube-system/rke2-multus');

  chart.spec.chart = probe('chart-name');
  chart.spec.targetNamespace = 'kube-system';
  const app = objects.find((o) => o.kind === 'App' && o.metadata.name === 'rke2-multus') as Obj;

  app.spec.chart.metadata.name = `rke2-multus${ probe('app-chart-name') }`;
  app.spec.info.description = probe('app-description');
  const node = objects.find((o) => o.kind === 'Node') as Obj;

  node.status.conditions.find((c: { type: string }) => c.type === 'Ready').message = `kubelet is posting ready status ${ probe('node-message') }`;
  const pod = objects.find((o) => o.kind === 'Pod' && o.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === 'rke2-multus') as Obj;

  return harvesterScenario('hostile', 'The seed with HTML/script payloads (data-probe) in names, messages, patches and logs', objects, {
    logs: {
      [idOf(pod)]: [
        '+ echo \'Upgrading helm chart\'',
        `Error: UPGRADE FAILED: ${ probe('log') }`,
        `</pre>${ probe('log-breakout') }`,
        '+ exit 1',
      ].join('\n'),
    },
  });
}

export const SCENARIOS: Record<string, () => Scenario> = {
  seed,
  healthy,
  'chart-failing': chartFailing,
  'agent-stale':   agentStale,
  'upgrade-stuck': upgradeStuck,
  rke2,
  large,
  hostile,
};

export function loadScenario(name: string): Scenario {
  const make = SCENARIOS[name];

  if (!make) {
    throw new Error(`unknown scenario "${ name }" (known: ${ Object.keys(SCENARIOS).join(', ') })`);
  }

  return make();
}
