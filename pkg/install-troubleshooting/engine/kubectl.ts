/**
 * The kubectl and helm commands an operator would type to look at an object or to apply a
 * plan by hand. Names are quoted for a POSIX shell whenever they hold anything unusual.
 */
import { TYPES } from '../types';
import type { ObjectRef, SteveType } from '../types';
import type { ActionPlan } from './actions';
import type { Item } from './model';

/** What `kubectl get` calls each type (the README's collect command and the CLI's `--types` use the same names). */
export const KUBECTL_RESOURCES: Record<SteveType, string> = {
  [TYPES.HELM_CHART]:        'helmcharts.helm.cattle.io',
  [TYPES.JOB]:               'jobs',
  [TYPES.POD]:               'pods',
  [TYPES.EVENT]:             'events',
  [TYPES.NODE]:              'nodes',
  [TYPES.MANAGED_CHART]:     'managedcharts.management.cattle.io',
  [TYPES.BUNDLE]:            'bundles.fleet.cattle.io',
  [TYPES.BUNDLE_DEPLOYMENT]: 'bundledeployments.fleet.cattle.io',
  [TYPES.FLEET_CLUSTER]:     'clusters.fleet.cattle.io',
  [TYPES.APP]:               'apps.catalog.cattle.io',
  [TYPES.UPGRADE]:           'upgrades.harvesterhci.io',
};

const RESOURCE: Partial<Record<SteveType, string>> = KUBECTL_RESOURCES;

/** Quotes a word for a POSIX shell unless it is plainly safe. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${ word.replace(/'/g, `'\\''`) }'`;
}

function split(ref: ObjectRef): { namespace?: string; name: string } {
  const slash = ref.id.indexOf('/');

  return slash >= 0 ? { namespace: ref.id.slice(0, slash), name: ref.id.slice(slash + 1) } : { name: ref.id };
}

function ns(namespace?: string): string {
  return namespace ? `-n ${ shellQuote(namespace) } ` : '';
}

export function getCommand(ref: ObjectRef, output = '-o yaml'): string {
  const { namespace, name } = split(ref);

  return `kubectl ${ ns(namespace) }get ${ RESOURCE[ref.type] || ref.type } ${ shellQuote(name) } ${ output }`;
}

/** Commands to inspect an item and its evidence. */
export function inspectCommands(item: Item): string[] {
  const out = [getCommand(item)];
  const { namespace, name } = split(item);

  if (item.type === TYPES.HELM_CHART && item.evidence?.job) {
    const job = split(item.evidence.job);

    out.push(`kubectl ${ ns(job.namespace) }describe job ${ shellQuote(job.name) }`);
    out.push(`kubectl ${ ns(job.namespace) }logs job/${ shellQuote(job.name) } -c helm --tail=50`);
  }
  if (item.type === TYPES.APP) {
    out.push(`helm ${ ns(namespace) }history ${ shellQuote(name) }`);
  }
  if (item.type === TYPES.NODE) {
    out.push(`kubectl describe node ${ shellQuote(name) }`);
  }

  return out;
}

/** The same change as a plan, typed by hand. */
export function planCommands(plan: ActionPlan): string[] {
  return plan.requests.map((r) => {
    const { namespace, name } = split(r.object);
    const resource = RESOURCE[r.object.type] || r.object.type;

    if (r.method === 'DELETE') {
      return `kubectl ${ ns(namespace) }delete ${ resource } ${ shellQuote(name) } --cascade=background`;
    }
    const body = { ...(r.body || {}) };

    delete body.metadata;

    return `kubectl ${ ns(namespace) }patch ${ resource } ${ shellQuote(name) }${ r.url.endsWith('/status') ? ' --subresource=status' : '' } --type=merge -p ${ shellQuote(JSON.stringify(body)) }`;
  });
}
