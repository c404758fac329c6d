/** The page's sections: which rows, which extra columns, which lists they are made of. */
import { TYPES } from '../types';
import type { SteveType } from '../types';
import type { Analysis } from '../engine';
import {
  agentRows, fleetChartRows, helmChartRows, nodeRows, releaseRows
} from './rows';
import type { BaseRow } from './rows';

export interface Column {
  name: string;
  labelKey: string;
  value: string;
  sort?: string[];
}

export interface SectionSpec {
  id: string;
  titleKey: string;
  columns: Column[];
  types: SteveType[];
  rows(a: Analysis): BaseRow[];
  /** Shown on Harvester pages only. */
  harvesterOnly?: boolean;
}

function col(name: string, sortable = true): Column {
  return {
    name, labelKey: `installTroubleshooting.column.${ name }`, value: name, sort: sortable ? [name] : undefined
  };
}

export const SECTIONS: SectionSpec[] = [
  {
    id:       'helmcharts',
    titleKey: 'installTroubleshooting.section.helmcharts',
    columns:  [col('jobState'), col('restarts')],
    types:    [TYPES.HELM_CHART, TYPES.JOB, TYPES.POD],
    rows:     helmChartRows,
  },
  {
    id:       'managedcharts',
    titleKey: 'installTroubleshooting.section.managedcharts',
    columns:  [col('bundleState'), col('deployments', false)],
    types:    [TYPES.MANAGED_CHART, TYPES.BUNDLE, TYPES.BUNDLE_DEPLOYMENT],
    rows:     fleetChartRows,
  },
  {
    id:       'fleet-agent',
    titleKey: 'installTroubleshooting.section.fleetAgent',
    columns:  [col('lastSeen'), col('agentGeneration', false), col('readyBundles', false)],
    types:    [TYPES.FLEET_CLUSTER],
    rows:     agentRows,
  },
  {
    id:       'releases',
    titleKey: 'installTroubleshooting.section.releases',
    columns:  [col('revision'), col('updated'), col('status'), col('chart'), col('appVersion')],
    types:    [TYPES.APP],
    rows:     releaseRows,
  },
  {
    id:       'nodes',
    titleKey: 'installTroubleshooting.section.nodes',
    columns:  [col('kubelet')],
    types:    [TYPES.NODE],
    rows:     nodeRows,
  },
];
