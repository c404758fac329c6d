/** Every end-to-end test, in the order they run. */
import type { E2ETest } from '../lib/harness';
import { actionFaults } from './action-faults';
import { actions } from './actions';
import { basics } from './basics';
import { diagnosis } from './diagnosis';
import { listFaults } from './list-faults';
import { live } from './live';
import { panelTests } from './panel-layout';
import { permissions } from './permissions';
import { requestLog } from './request-log';
import { userPathTests } from './user-path';

export const TESTS: E2ETest[] = [
  // First: the path users take to the page
  ...userPathTests,
  ...basics,
  ...panelTests,
  ...diagnosis,
  ...permissions,
  ...listFaults,
  ...live,
  ...actions,
  ...actionFaults,
  // Last: it checks the request log of every test before it
  requestLog,
];
