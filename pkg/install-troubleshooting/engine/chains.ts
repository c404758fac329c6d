/**
 * Who belongs to whom:
 *   ManagedChart → Bundle `mcc-<name>` → BundleDeployments → Fleet Cluster
 *   HelmChart → Job → pods → events
 *   App (a Helm release) ↔ the HelmChart or ManagedChart (and BundleDeployment) that own it
 */
import { TYPES } from '../types';
import type {
  App, Bundle, BundleDeployment, FleetCluster, HelmChart, Job, KubeEvent, KubeObject, ManagedChart, ObjectRef, Pod
} from '../types';
import {
  all, get, objectId, refKey, refOf
} from './inventory';
import type { Inventory } from './inventory';
import { label } from './util';

/** Helm release names are limited to 53 characters; Rancher shortens longer Bundle names with a hash. */
const MAX_RELEASE_NAME = 53;

export interface Links {
  bundleOfManagedChart: Map<string, Bundle>;
  managedChartOfBundle: Map<string, ManagedChart>;
  deploymentsOfBundle: Map<string, BundleDeployment[]>;
  bundleOfDeployment: Map<string, Bundle>;
  clusterOfDeployment: Map<string, FleetCluster>;
  deploymentsOfCluster: Map<string, BundleDeployment[]>;
  jobOfChart: Map<string, Job>;
  podsOfChart: Map<string, Pod[]>;
  eventsOfChart: Map<string, KubeEvent[]>;
  /** The HelmChart or ManagedChart, and the BundleDeployment, that own each App's release. */
  ownersOfApp: Map<string, ObjectRef[]>;
  /** The App of each HelmChart, ManagedChart and BundleDeployment, by `type:id`. */
  appOf: Map<string, App>;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);

  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

export { refKey };

function ownedBy(obj: KubeObject, kind: string, name: string): boolean {
  return (obj.metadata.ownerReferences || []).some((o) => o.kind === kind && o.name === name);
}

function linkFleet(inv: Inventory, links: Links): void {
  const bundles = all(inv, TYPES.BUNDLE);

  for (const mc of all(inv, TYPES.MANAGED_CHART)) {
    const ns = mc.metadata.namespace;
    const mccName = `mcc-${ mc.metadata.name }`;
    const bundle = bundles.find((b) => b.metadata.namespace === ns && ownedBy(b, 'ManagedChart', mc.metadata.name)) ||
      (mccName.length <= MAX_RELEASE_NAME ? get(inv, TYPES.BUNDLE, `${ ns }/${ mccName }`) : undefined);

    if (bundle) {
      links.bundleOfManagedChart.set(objectId(mc), bundle);
      links.managedChartOfBundle.set(objectId(bundle), mc);
    }
  }

  const clusters = all(inv, TYPES.FLEET_CLUSTER);

  for (const bd of all(inv, TYPES.BUNDLE_DEPLOYMENT)) {
    const bundleName = label(bd, 'fleet.cattle.io/bundle-name');
    const bundleNs = label(bd, 'fleet.cattle.io/bundle-namespace');
    const bundle = bundleName && bundleNs ? get(inv, TYPES.BUNDLE, `${ bundleNs }/${ bundleName }`) : undefined;

    if (bundle) {
      links.bundleOfDeployment.set(objectId(bd), bundle);
      push(links.deploymentsOfBundle, objectId(bundle), bd);
    }
    const clusterName = label(bd, 'fleet.cattle.io/cluster');
    const clusterNs = label(bd, 'fleet.cattle.io/cluster-namespace');
    const cluster = (clusterName && clusterNs ? get(inv, TYPES.FLEET_CLUSTER, `${ clusterNs }/${ clusterName }`) : undefined) ||
      clusters.find((c) => c.status?.namespace && c.status.namespace === bd.metadata.namespace);

    if (cluster) {
      links.clusterOfDeployment.set(objectId(bd), cluster);
      push(links.deploymentsOfCluster, objectId(cluster), bd);
    }
  }
}

function linkHelmCharts(inv: Inventory, links: Links): void {
  const pods = all(inv, TYPES.POD);
  const events = all(inv, TYPES.EVENT);

  for (const chart of all(inv, TYPES.HELM_CHART)) {
    const ns = chart.metadata.namespace;
    const name = chart.metadata.name;
    const jobName = chart.status?.jobName || `helm-install-${ name }`;
    const job = get(inv, TYPES.JOB, `${ ns }/${ jobName }`);
    const chartId = objectId(chart);

    if (job) {
      links.jobOfChart.set(chartId, job);
    }
    const own = pods.filter((p) => p.metadata.namespace === ns && label(p, 'helmcharts.helm.cattle.io/chart') === name &&
      (label(p, 'batch.kubernetes.io/job-name') || label(p, 'job-name') || jobName) === jobName);

    links.podsOfChart.set(chartId, own);
    const involved = new Set([`HelmChart/${ name }`, `Job/${ jobName }`, ...own.map((p) => `Pod/${ p.metadata.name }`)]);

    links.eventsOfChart.set(chartId, events.filter((e) => (e.involvedObject?.namespace || e.metadata.namespace) === ns &&
      involved.has(`${ e.involvedObject?.kind }/${ e.involvedObject?.name }`)));
  }
}

function releaseOfHelmChart(chart: HelmChart): string {
  return `${ chart.spec?.targetNamespace || chart.metadata.namespace }/${ chart.metadata.name }`;
}

/** Without `releaseName`, Fleet names the release after the Bundle, `mcc-<name>`. */
function releaseOfManagedChart(mc: ManagedChart): string {
  return `${ mc.spec?.namespace || mc.spec?.defaultNamespace || 'default' }/${ mc.spec?.releaseName || `mcc-${ mc.metadata.name }` }`;
}

function releaseOfDeployment(bd: BundleDeployment): string | undefined {
  const release = bd.status?.release;

  return release ? release.replace(/:\d+$/, '') : undefined;
}

function linkApps(inv: Inventory, links: Links): void {
  const owners = new Map<string, ObjectRef[]>();

  for (const chart of all(inv, TYPES.HELM_CHART)) {
    push(owners, releaseOfHelmChart(chart), refOf(TYPES.HELM_CHART, chart));
  }
  for (const mc of all(inv, TYPES.MANAGED_CHART)) {
    push(owners, releaseOfManagedChart(mc), refOf(TYPES.MANAGED_CHART, mc));
  }
  for (const bd of all(inv, TYPES.BUNDLE_DEPLOYMENT)) {
    const release = releaseOfDeployment(bd);

    if (release) {
      push(owners, release, refOf(TYPES.BUNDLE_DEPLOYMENT, bd));
    }
  }
  for (const app of all(inv, TYPES.APP)) {
    const release = `${ app.spec?.namespace || app.metadata.namespace }/${ app.spec?.name || app.metadata.name }`;
    const appOwners = owners.get(release) || [];

    links.ownersOfApp.set(objectId(app), appOwners);
    for (const owner of appOwners) {
      links.appOf.set(refKey(owner), app);
    }
  }
}

export function linkObjects(inv: Inventory): Links {
  const links: Links = {
    bundleOfManagedChart: new Map(),
    managedChartOfBundle: new Map(),
    deploymentsOfBundle:  new Map(),
    bundleOfDeployment:   new Map(),
    clusterOfDeployment:  new Map(),
    deploymentsOfCluster: new Map(),
    jobOfChart:           new Map(),
    podsOfChart:          new Map(),
    eventsOfChart:        new Map(),
    ownersOfApp:          new Map(),
    appOf:                new Map(),
  };

  linkFleet(inv, links);
  linkHelmCharts(inv, links);
  linkApps(inv, links);

  return links;
}
