// At most `limit` tasks at once; the rest wait in arrival order. Keeps one analysis of a
// 300-line requirements file from opening 300 connections to someone's private index.

export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /**
   * Runs `task` once a slot is free. With a signal, a task still waiting for its slot when the
   * signal aborts never runs: run() rejects with the signal's reason (the analysis deadline passed,
   * say), so queued work fails at once instead of when its turn comes.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (active stays the same), or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", abandon);
        resolve();
      };
      // Only reachable while still queued: a granted waiter has already removed this listener.
      const abandon = () => {
        const position = this.waiting.indexOf(grant);
        if (position !== -1) this.waiting.splice(position, 1);
        reject(signal?.reason);
      };
      this.waiting.push(grant);
      signal?.addEventListener("abort", abandon, { once: true });
    });
  }
}
