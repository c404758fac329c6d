import * as v from 'valibot';
import { kubeObjectEntries } from './meta';
import {
  num, obj, opaque, record, text
} from './schema-kit';

export type ReleaseStatus = 'unknown' | 'deployed' | 'uninstalled' | 'superseded' | 'failed' | 'uninstalling' |
  'pending-install' | 'pending-upgrade' | 'pending-rollback';

/** catalog.cattle.io/v1 App: Rancher's view of the latest revision of one Helm release (`helm list -A`). */
export const appSchema = record({
  ...kubeObjectEntries,
  spec: obj({
    name:      text('spec.name'),
    namespace: text('spec.namespace'),
    /** The Helm revision. */
    version:   num('spec.version'),
    chart:     obj({
      metadata: obj({
        name:       text('spec.chart.metadata.name'),
        version:    text('spec.chart.metadata.version'),
        appVersion: text('spec.chart.metadata.appVersion'),
      }, 'spec.chart.metadata'),
    }, 'spec.chart'),
    info: obj({
      /** A `ReleaseStatus`. */
      status:        text('spec.info.status'),
      description:   text('spec.info.description'),
      firstDeployed: text('spec.info.firstDeployed'),
      lastDeployed:  text('spec.info.lastDeployed'),
      deleted:       text('spec.info.deleted'),
    }, 'spec.info'),
    /** Never shown or reported. */
    values: opaque(),
  }, 'spec'),
});

export type App = v.InferOutput<typeof appSchema>;
