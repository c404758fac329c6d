/** TEST STAND-IN: the routes of the `harvester` product that the shell and our extension use. */
import ResourceListPage from '@shell/pages/c/_cluster/_product/_resource/index.vue';
import StandInPlaceholder from './pages/StandInPlaceholder.vue';
import { PRODUCT } from './product';

const meta = { product: PRODUCT };

function route(name: string, path: string, component: unknown) {
  return {
    parent: 'default',
    route:  {
      name: `${ PRODUCT }-c-cluster${ name }`, path: `/${ PRODUCT }/c/:cluster${ path }`, component, meta
    }
  };
}

export const routes = [
  // The list route our virtual type's page is rendered by (the shell finds list/<type>.vue by type name)
  route('-resource', '/:resource', ResourceListPage),
  // Linked from list mastheads, detail links and the SideNav footer of a product named `harvester`
  route('-resource-create', '/:resource/create', StandInPlaceholder),
  route('-resource-id', '/:resource/:id', StandInPlaceholder),
  route('-resource-namespace-id', '/:resource/:namespace/:id', StandInPlaceholder),
  route('-support', '/support', StandInPlaceholder),
  route('', '', StandInPlaceholder),
];
