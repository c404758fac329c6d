/** Shared pieces of the scenarios: the fixtures, the clusters, and helpers to derive one scenario from another. */
import fs from 'node:fs';
import path from 'node:path';
import type { ClusterInfo } from '../cluster';
import { HARVESTER_TYPES, RKE2_TYPES } from '../catalog';
import { clone, idOf } from '../objects';
import { systemNamespacesSetting } from '../rancher';
import type { Obj } from '../objects';

/** When the seed was captured; every scenario's clock starts here. */
export const SEED_NOW = '2025-09-24T10:00:00Z';

const FIXTURES = path.resolve(__dirname, '../../fixtures');

/** The objects of a fixture (a kubectl List under test/fixtures/), deep-copied. */
export function fixture(name: 'seed-scenario' | 'healthy-scenario'): Obj[] {
  const list = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${ name }.json`), 'utf8'));

  return clone(list.items as Obj[]);
}

export const HARVESTER: ClusterInfo = {
  id: 'c-m-hv7x2k9q', displayName: 'harvester-lab', provider: 'harvester', kubernetesVersion: 'v1.33.3+rke2r1'
};

export const RKE2: ClusterInfo = {
  id: 'c-m-rk3p5w8z', displayName: 'rke2-plain', provider: 'rke2', kubernetesVersion: 'v1.33.3+rke2r1'
};

export { HARVESTER_TYPES, RKE2_TYPES };

export function find(objects: Obj[], kind: string, id: string): Obj {
  const obj = objects.find((o) => o.kind === kind && idOf(o) === id);

  if (!obj) {
    throw new Error(`scenario data: no ${ kind } ${ id }`);
  }

  return obj;
}

/**
 * Harvester's own settings (its UI refuses a cluster whose `server-version` is below v1.3.0; the
 * Explorer reads them too), and the embedded Rancher's system namespaces, which Harvester's UI reads.
 */
export function harvesterSettings(version = 'v1.6.0'): Obj[] {
  return [...[['server-version', version], ['ui-source', 'auto'], ['cluster-registration-url', '']].map(([name, value]) => ({
    apiVersion: 'harvesterhci.io/v1beta1',
    kind:       'Setting',
    metadata:   { name, creationTimestamp: '2025-09-24T08:57:02Z' },
    value,
    default:    value,
  })), systemNamespacesSetting()];
}

/** A plain klipper-helm log of a successful run. */
export function successLog(chart: string, namespace = 'kube-system'): string {
  return [
    `+ [[ true != \\t\\r\\u\\e ]]`,
    `+ helm_v3 ls --all -f '^${ chart }$' --namespace ${ namespace } --output json`,
    `+ echo 'Upgrading helm chart'`,
    `+ helm_v3 upgrade --namespace ${ namespace } ${ chart } /tmp/${ chart }.tgz --values /config/values-01_HelmChart.yaml`,
    `Release "${ chart }" has been upgraded. Happy Helming!`,
    `NAME: ${ chart }`,
    `NAMESPACE: ${ namespace }`,
    'STATUS: deployed',
    '+ exit',
  ].join('\n');
}

/** Logs for every completed helm-install pod of a set of objects. */
export function podLogs(objects: Obj[]): Record<string, string> {
  const out: Record<string, string> = {};

  for (const pod of objects.filter((o) => o.kind === 'Pod')) {
    const chart = pod.metadata.labels?.['helmcharts.helm.cattle.io/chart'];

    if (chart) {
      out[idOf(pod)] = successLog(chart, pod.metadata.namespace);
    }
  }

  return out;
}

/**
 * Make a chart's current Job crash-loop: Job active, its pod restarting with a failed helm
 * container (klipper-helm writes its phase as the termination message; helm's error is in the log).
 */
export function crashLoop(objects: Obj[], chart: string, opts: { restarts?: number; terminationMessage: string; now: string }): void {
  const ns = 'kube-system';
  const job = find(objects, 'Job', `${ ns }/helm-install-${ chart }`);
  const pod = objects.find((o) => o.kind === 'Pod' && o.metadata.namespace === ns && o.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === chart) as Obj;
  const minutesAgo = (m: number) => new Date(new Date(opts.now).getTime() - m * 60000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  job.status = {
    active: 1, ready: 0, startTime: job.status?.startTime || minutesAgo(40), terminating: 0, uncountedTerminatedPods: {}
  };
  pod.status = {
    ...pod.status,
    phase:      'Running',
    conditions: [
      {
        type: 'PodScheduled', status: 'True', lastTransitionTime: minutesAgo(40)
      },
      {
        type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [helm]', lastTransitionTime: minutesAgo(2)
      },
    ],
    containerStatuses: [{
      name:         'helm',
      image:        pod.spec.containers[0].image,
      imageID:      '',
      ready:        false,
      started:      false,
      restartCount: opts.restarts ?? 7,
      lastState:    {
        terminated: {
          exitCode: 1, reason: 'Error', message: opts.terminationMessage, startedAt: minutesAgo(3), finishedAt: minutesAgo(2)
        }
      },
      state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=helm pod=${ pod.metadata.name }_${ ns }(${ pod.metadata.uid })` } },
    }],
  };
}

/** A kubelet BackOff event and a job-controller event for a crash-looping chart. */
export function crashEvents(objects: Obj[], chart: string, now: string, message = 'Back-off restarting failed container helm in pod'): Obj[] {
  const pod = objects.find((o) => o.kind === 'Pod' && o.metadata.labels?.['helmcharts.helm.cattle.io/chart'] === chart) as Obj;
  const job = find(objects, 'Job', `kube-system/helm-install-${ chart }`);

  return [
    {
      apiVersion:     'v1',
      kind:           'Event',
      metadata:       {
        name: `${ pod.metadata.name }.18682a1b2c3d4e5f`, namespace: 'kube-system', creationTimestamp: now
      },
      involvedObject: {
        apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, namespace: 'kube-system', uid: pod.metadata.uid, fieldPath: 'spec.containers{helm}'
      },
      reason:         'BackOff',
      message,
      type:           'Warning',
      count:          23,
      firstTimestamp: '2025-09-24T09:21:40Z',
      lastTimestamp:  '2025-09-24T09:58:02Z',
      source:         { component: 'kubelet', host: 'harvester-node-0' },
    },
    {
      apiVersion:     'v1',
      kind:           'Event',
      metadata:       {
        name: `${ job.metadata.name }.18682a0f9e8d7c6b`, namespace: 'kube-system', creationTimestamp: now
      },
      involvedObject: {
        apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: 'kube-system', uid: job.metadata.uid
      },
      reason:         'SuccessfulCreate',
      message:        `Created pod: ${ pod.metadata.name }`,
      type:           'Normal',
      count:          1,
      firstTimestamp: '2025-09-24T09:20:12Z',
      lastTimestamp:  '2025-09-24T09:20:12Z',
      source:         { component: 'job-controller' },
    },
  ];
}
