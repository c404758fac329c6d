/**
 * Executes an engine plan: its requests in order, stopping at the first failure. Decides
 * nothing about what to send; that is the engine's plan.
 */
import type { ActionPlan, PlannedRequest } from '../engine';
import { describeFailure } from '../composables/cluster-source';
import type { RequestFailure } from '../composables/cluster-source';

export type SendResult = { ok: true } | { ok: false; index: number; failure: RequestFailure };

export async function sendPlan(plan: ActionPlan, send: (req: PlannedRequest) => Promise<unknown>): Promise<SendResult> {
  if (!plan.allowed) {
    return {
      ok: false, index: 0, failure: { status: 403, message: 'not allowed' }
    };
  }
  for (let i = 0; i < plan.requests.length; i++) {
    try {
      await send(plan.requests[i]);
    } catch (e) {
      return {
        ok: false, index: i, failure: describeFailure(e)
      };
    }
  }

  return { ok: true };
}
