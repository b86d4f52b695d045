// At most `limit` tasks at once; the rest wait in arrival order. Keeps one analysis of a
// 300-line requirements file from opening 300 connections to someone's private index.

export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (active stays the same), or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
