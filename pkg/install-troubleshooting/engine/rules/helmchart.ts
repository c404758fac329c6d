/**
 * A HelmChart's health comes from its Job and the Job's pods, not from its conditions:
 * helm-controller up to v0.17.1 keeps `Failed=False` while the Job crash-loops, and says
 * nothing at all on success. Only `Failed=True` is trusted (it is set for real failures).
 */
import { TYPES } from '../../types';
import type { ContainerStatus, HelmChart, Job, Pod } from '../../types';
import { refOf } from '../inventory';
import { msg } from '../messages';
import type { Message } from '../messages';
import type { HelmChartEvidence, JobState } from '../model';
import { condition, isTrue, minutes, secondsSince } from '../util';
import { result } from './result';
import type { RuleResult } from './result';

/** A Job with no pod and no counts this long after its start is stuck (seen on RKE2 v1.35). */
export const STUCK_JOB_SECONDS = 10 * 60;

const IMAGE_ERRORS = new Set(['ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError', 'InvalidImageName']);

export interface HelmChartInputs {
  chart: HelmChart;
  job?: Job;
  pods: Pod[];
  eventRefs: HelmChartEvidence['events'];
  jobsListed: boolean;
  podsListed: boolean;
  now: Date;
}

interface JobFacts {
  state: JobState;
  message: Message;
  detail?: string;
  restarts: number;
}

function helmContainer(pod: Pod): ContainerStatus | undefined {
  const statuses = pod.status?.containerStatuses || [];

  return statuses.find((c) => c.name === 'helm') || statuses[0];
}

function newest(pods: Pod[]): Pod | undefined {
  return [...pods].sort((a, b) => (b.metadata.creationTimestamp || '').localeCompare(a.metadata.creationTimestamp || ''))[0];
}

function podFacts(job: string, pod: Pod): JobFacts | undefined {
  const c = helmContainer(pod);
  const restarts = c?.restartCount || 0;
  const podName = pod.metadata.name;
  const waiting = c?.state?.waiting;
  const terminated = c?.state?.terminated;
  const lastTerminated = c?.lastState?.terminated;
  const failedBefore = !!lastTerminated && (lastTerminated.exitCode || 0) !== 0;

  if (waiting?.reason && IMAGE_ERRORS.has(waiting.reason)) {
    return {
      state: 'image-error', restarts, message: msg('helmChart.imageError', { pod: podName, reason: waiting.reason }), detail: waiting.message
    };
  }
  if (waiting?.reason === 'CrashLoopBackOff' || (terminated && (terminated.exitCode || 0) !== 0 && restarts > 0) ||
      (c?.state?.running && restarts > 0 && failedBefore)) {
    const last = terminated || lastTerminated;

    return {
      state:   'crash-looping',
      restarts,
      message: msg('helmChart.crashLooping', {
        pod: podName, restarts, exitCode: last?.exitCode ?? '?'
      }),
      detail: last?.message || waiting?.message,
    };
  }
  if (pod.status?.phase === 'Failed' || (terminated && (terminated.exitCode || 0) !== 0)) {
    return {
      state:   'crash-looping',
      restarts,
      message: msg('helmChart.crashLooping', {
        pod: podName, restarts, exitCode: terminated?.exitCode ?? '?'
      }),
      detail: terminated?.message || pod.status?.message,
    };
  }
  const scheduled = condition(pod.status?.conditions, 'PodScheduled');

  if (pod.status?.phase === 'Pending' && scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    return {
      state: 'unschedulable', restarts, message: msg('helmChart.unschedulable', { pod: podName }), detail: scheduled.message
    };
  }
  if (c?.state?.running) {
    return {
      state: 'running', restarts, message: msg('helmChart.running', { job })
    };
  }

  return undefined;
}

/** What the Job (and its newest pod) proves. */
export function jobFacts(job: Job, pods: Pod[], podsListed: boolean, now: Date): JobFacts {
  const name = job.metadata.name;
  const conditions = job.status?.conditions;
  const failed = condition(conditions, 'Failed');
  const pod = newest(pods);
  const fromPod = pod ? podFacts(name, pod) : undefined;
  const restarts = fromPod?.restarts || 0;

  if (isTrue(condition(conditions, 'Complete')) || ((job.status?.succeeded || 0) > 0 && !isTrue(failed))) {
    return {
      state: 'complete', restarts, message: msg('helmChart.complete', { job: name })
    };
  }
  if (isTrue(failed)) {
    const c = pod && helmContainer(pod);
    const terminated = c?.state?.terminated || c?.lastState?.terminated;

    return {
      state:   'failed',
      restarts,
      message: msg('helmChart.jobFailed', {
        job: name, reason: failed?.reason || '', message: failed?.message || ''
      }),
      detail: terminated?.message,
    };
  }
  if (fromPod) {
    return fromPod;
  }
  if (job.spec?.suspend) {
    return {
      state: 'suspended', restarts, message: msg('helmChart.suspended', { job: name })
    };
  }
  const s = job.status || {};
  const noCounts = !s.active && !s.succeeded && !s.failed && !s.ready;
  const age = secondsSince(s.startTime || job.metadata.creationTimestamp, now);

  if (podsListed && !pods.length && noCounts && age !== undefined && age > STUCK_JOB_SECONDS) {
    return {
      state: 'stuck', restarts, message: msg('helmChart.stuck', { job: name, minutes: minutes(age) })
    };
  }
  if (s.active) {
    return {
      state: 'running', restarts, message: msg('helmChart.running', { job: name })
    };
  }

  return {
    state: 'starting', restarts, message: msg('helmChart.starting', { job: name })
  };
}

const HEALTH_OF_JOB: Record<JobState, RuleResult['health']> = {
  complete:        'ok',
  failed:          'error',
  'crash-looping': 'error',
  'image-error':   'error',
  unschedulable:   'warning',
  stuck:           'warning',
  running:         'progressing',
  starting:        'progressing',
  suspended:       'progressing',
  missing:         'progressing',
  'not-created':   'progressing',
  'not-listed':    'unknown',
};

export function helmChartRule(input: HelmChartInputs): RuleResult {
  const {
    chart, job, pods, jobsListed, podsListed, now
  } = input;
  const jobName = chart.status?.jobName;
  let facts: JobFacts;

  if (job) {
    facts = jobFacts(job, pods, podsListed, now);
  } else if (!jobsListed) {
    facts = {
      state: 'not-listed', restarts: 0, message: msg('helmChart.jobsNotListed')
    };
  } else if (jobName) {
    facts = {
      state: 'missing', restarts: 0, message: msg('helmChart.jobMissing', { job: jobName })
    };
  } else {
    facts = {
      state: 'not-created', restarts: 0, message: msg('helmChart.notCreated')
    };
  }

  const evidence: HelmChartEvidence = {
    job:         job ? refOf(TYPES.JOB, job) : undefined,
    jobState:    facts.state,
    pods:        pods.map((p) => refOf(TYPES.POD, p)),
    events:      input.eventRefs,
    restarts:    facts.restarts,
    lastMessage: facts.detail,
  };
  const reasons: Message[] = facts.detail ? [msg('helmChart.lastMessage', { message: facts.detail })] : [];
  const failed = condition(chart.status?.conditions, 'Failed');

  if (isTrue(failed)) {
    return result('error', msg('helmChart.failedCondition', { reason: failed?.reason || '', message: failed?.message || '' }), { reasons: [facts.message, ...reasons], evidence });
  }
  if (chart.metadata.deletionTimestamp) {
    // the helm-delete Job uninstalls the release; its failure is still a failure
    const health = HEALTH_OF_JOB[facts.state] === 'error' ? 'error' : 'progressing';

    return result(health, msg('helmChart.deleting'), { reasons: [facts.message, ...reasons], evidence });
  }

  return result(HEALTH_OF_JOB[facts.state], facts.message, { reasons, evidence });
}
