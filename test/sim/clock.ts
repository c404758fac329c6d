/**
 * Simulated time. It starts at a scenario's capture time (the seed was read at
 * 2025-09-24T10:00:00Z) and runs at the real rate from there; tests can jump it forward.
 * Controllers schedule their work in simulated time, so a jump runs whatever became due.
 */
export type Task = () => void;

interface Scheduled {
  at: number;
  seq: number;
  task: Task;
}

export class SimClock {
  private base: number;
  private realBase: number;
  private queue: Scheduled[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(start: string | Date) {
    this.base = new Date(start).getTime();
    this.realBase = Date.now();
  }

  /** Milliseconds since the epoch, in simulated time. */
  nowMs(): number {
    return this.base + (Date.now() - this.realBase);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** RFC 3339 without milliseconds, as Kubernetes writes timestamps. */
  iso(offsetMs = 0): string {
    return new Date(this.nowMs() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Restart at another simulated time (a scenario reset); drops everything scheduled. */
  reset(start: string | Date): void {
    this.base = new Date(start).getTime();
    this.realBase = Date.now();
    this.queue = [];
  }

  /**
   * Move forward by `ms`, running what falls due on the way in order, each at its own time
   * (so work a task schedules for later inside the window runs too).
   */
  advance(ms: number): void {
    if (ms < 0) {
      throw new Error('the simulated clock only moves forward');
    }
    const target = this.nowMs() + ms;

    for (let i = 0; i < 100000 && this.queue.length && this.queue[0].at <= target; i++) {
      const next = this.queue.shift() as Scheduled;

      this.base += Math.max(0, next.at - this.nowMs());
      next.task();
    }
    this.base += Math.max(0, target - this.nowMs());
  }

  /** Run `task` once `delayMs` of simulated time has passed. */
  schedule(delayMs: number, task: Task): void {
    this.queue.push({
      at: this.nowMs() + Math.max(0, delayMs), seq: this.seq++, task
    });
    this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  pending(): number {
    return this.queue.length;
  }

  /** Poll the queue in real time (every `intervalMs`) until stop(). */
  start(intervalMs = 100): void {
    if (!this.timer) {
      this.timer = setInterval(() => this.runDue(), intervalMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    this.queue = [];
  }

  runDue(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      // Bounded: a task may schedule more work, but never more than this many in one pass
      for (let i = 0; i < 10000 && this.queue.length && this.queue[0].at <= this.nowMs(); i++) {
        const next = this.queue.shift() as Scheduled;

        next.task();
      }
    } finally {
      this.running = false;
    }
  }
}
