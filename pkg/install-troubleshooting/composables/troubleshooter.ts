/**
 * Ties the store source to the engine: the diagnosis is a computed value of the objects the
 * store holds, so the shell's watch updates bring a new diagnosis without any polling. A
 * clock ticks once a minute for the ages (Job without pods, agent check-in).
 */
import { computed, ref, watch } from 'vue';
import type { ComputedRef, Ref } from 'vue';
import { analyze, planAction } from '../engine';
import type { ActionId, ActionPlan, Analysis, Item } from '../engine';
import { hasSettled, snapshot } from '../engine/progress';
import { withdrawal } from '../engine/actions';
import type { Withdrawal } from '../engine/actions';
import type { ObjectRef } from '../types';
import type { ShellStore } from '../shell-store';
import { ClusterSource } from './cluster-source';
import type { RequestFailure } from './cluster-source';
import { sendPlan } from '../handlers/send-plan';

export interface Troubleshooter {
  source: ClusterSource;
  analysis: ComputedRef<Analysis>;
  item(ref: ObjectRef): Item | undefined;
  plan(ref: ObjectRef, action: ActionId): ActionPlan | undefined;
  stop(): void;
}

export function inStoreOf(store: ShellStore): string {
  return (store.getters.currentProduct as { inStore?: string } | undefined)?.inStore || 'cluster';
}

export function createTroubleshooter(store: ShellStore, inStore = inStoreOf(store), clock = () => new Date()): Troubleshooter {
  const source = new ClusterSource(store, inStore);
  const now = ref(clock());
  const timer = setInterval(() => {
    now.value = clock();
  }, 60 * 1000);
  // re-diagnosed whenever the objects change, or a minute passes; ages count from that moment
  const analysis = computed(() => {
    const objects = source.objects();
    const listed = source.listed();
    // the minute tick is a dependency; the time itself is read afresh
    const at = Math.max(now.value.getTime(), clock().getTime());

    return analyze({
      objects, now: new Date(at), listed, unread: source.unread(), cluster: source.clusterKind()
    });
  });

  return {
    source,
    analysis,
    item:  (r) => analysis.value.diagnosis.items.find((i) => i.type === r.type && i.id === r.id),
    plan:  (r, action) => planAction(analysis.value, r, action, source.urls),
    stop:  () => clearInterval(timer),
  };
}

export type RunPhase = 'idle' | 'confirm' | 'sending' | 'waiting' | 'done' | 'timeout' | 'failed';

export interface ActionRun {
  phase: Ref<RunPhase>;
  plan: Ref<ActionPlan | undefined>;
  failure: Ref<RequestFailure | undefined>;
  /** The index in the plan of the request that failed; the ones before it took effect, the ones after were not sent. */
  failedAt: Ref<number | undefined>;
  /** While confirming: set when the plan asked for is not offered any more (its object gone, or the cluster changed). */
  withdrawn: ComputedRef<Withdrawal | undefined>;
  ask(ref: ObjectRef, action: ActionId): void;
  cancel(): void;
  confirm(): Promise<void>;
}

/** How long to wait for a sent plan to show its effect before saying it is still pending. */
export const SETTLE_TIMEOUT_MS = 3 * 60 * 1000;

/**
 * One action at a time: confirmation, sending, then waiting until the change shows. A plan
 * that is withdrawn while it waits for confirmation (its object deleted meanwhile) is not sent.
 */
export function useActionRun(t: Troubleshooter, timeoutMs = SETTLE_TIMEOUT_MS): ActionRun {
  const phase = ref<RunPhase>('idle');
  const plan = ref<ActionPlan>();
  const failure = ref<RequestFailure>();
  const failedAt = ref<number>();
  const asked = ref<ObjectRef>();
  let stopWatch: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const withdrawn = computed(() => {
    const p = plan.value;

    return phase.value === 'confirm' && p && asked.value ? withdrawal(t.analysis.value, p, t.plan(asked.value, p.action)) : undefined;
  });

  const finish = (next: RunPhase) => {
    phase.value = next;
    stopWatch?.();
    stopWatch = undefined;
    if (timer) {
      clearTimeout(timer);
    }
  };

  return {
    phase,
    plan,
    failure,
    failedAt,
    withdrawn,
    ask(r, action) {
      asked.value = { type: r.type, id: r.id };
      plan.value = t.plan(r, action);
      failure.value = undefined;
      failedAt.value = undefined;
      phase.value = plan.value ? 'confirm' : 'idle';
    },
    cancel() {
      finish('idle');
    },
    async confirm() {
      const p = plan.value;

      if (!p || phase.value !== 'confirm' || withdrawn.value) {
        return;
      }
      const before = snapshot(t.analysis.value, p);

      phase.value = 'sending';
      const res = await sendPlan(p, (req) => t.source.send(req));

      if (!res.ok) {
        failure.value = res.failure;
        failedAt.value = res.index;
        finish('failed');

        return;
      }
      if (hasSettled(t.analysis.value, p, before)) {
        finish('done');

        return;
      }
      phase.value = 'waiting';
      timer = setTimeout(() => finish('timeout'), timeoutMs);
      stopWatch = watch(t.analysis, (a) => {
        if (hasSettled(a, p, before)) {
          finish('done');
        }
      });
    },
  };
}

export interface OfferedPlan {
  action: ActionId;
  plan: ActionPlan;
}

export interface WithdrawnPlan extends OfferedPlan {
  withdrawal: Withdrawal;
}

export interface OfferedPlans {
  /** The plans offered now for the item. */
  plans: ComputedRef<OfferedPlan[]>;
  /**
   * Fixes that were offered while the panel was open and are not any more, with why (an object
   * gone), so that a fix never vanishes without a word. The action `run` sent itself is left
   * out: its fix going away is the expected outcome.
   */
  withdrawn: ComputedRef<WithdrawnPlan[]>;
}

export function useOfferedPlans(t: Troubleshooter, item: () => Item, run?: ActionRun): OfferedPlans {
  const seen = ref<Partial<Record<ActionId, ActionPlan>>>({});
  const plans = computed(() => item().actions.map((action) => ({ action, plan: t.plan(item(), action) }))
    .filter((p): p is OfferedPlan => !!p.plan));

  watch(plans, (now) => {
    for (const p of now) {
      seen.value[p.action] = p.plan;
    }
  }, { immediate: true });

  const withdrawn = computed(() => {
    const offered = new Set(plans.value.map((p) => p.action));
    const ran = run && ['sending', 'waiting', 'done', 'timeout'].includes(run.phase.value) ? run.plan.value?.action : undefined;

    return (Object.entries(seen.value) as [ActionId, ActionPlan][])
      .filter(([action]) => !offered.has(action) && action !== ran)
      .map(([action, plan]) => ({
        action, plan, withdrawal: withdrawal(t.analysis.value, plan, undefined) || {}
      }));
  });

  return { plans, withdrawn };
}
