/**
 * TEST STAND-IN: Harvester's routes, with its names and paths and, like Harvester's, no route
 * meta and no parent (the shell adds `meta.pkg` and falls back to the `default` layout, with a
 * console warning per route, as it does for Harvester). `harvester-c-cluster-resource` is
 * rendered by a page that wraps the shell's ResourceList, which shows a type's list component
 * (our page's, the Dashboard's). Pages our tests never open are placeholders; the serial and VNC
 * consoles, air-gap upgrade, branding and the alert receiver page are left out.
 */
import StandInPlaceholder from './pages/StandInPlaceholder.vue';
import StandInResourceList from './pages/StandInResourceList.vue';
import StandInRoot from './pages/StandInRoot.vue';
import StandInUnsupported from './pages/StandInUnsupported.vue';
import { PRODUCT } from './names';

function route(name: string, path: string, component: unknown) {
  return {
    name: `${ PRODUCT }-c-cluster${ name }`, path: `/:product${ path }`, component
  };
}

export const routes = [
  { parent: 'blank', route: route('-unsupported-standalone', '', StandInUnsupported) },
  { parent: 'plain', route: route('-unsupported', '', StandInUnsupported) },
  route('-support', '/c/:cluster/support', StandInPlaceholder),
  route('-members', '/c/:cluster/members', StandInPlaceholder),
  route('', '/c/:cluster', StandInRoot),
  route('-projectsnamespaces', '/c/:cluster/projectsnamespaces', StandInPlaceholder),
  route('-resource', '/c/:cluster/:resource', StandInResourceList),
  route('-resource-create', '/c/:cluster/:resource/create', StandInPlaceholder),
  route('-resource-id', '/c/:cluster/:resource/:id', StandInPlaceholder),
  route('-resource-namespace-id', '/c/:cluster/:resource/:namespace/:id', StandInPlaceholder),
];
