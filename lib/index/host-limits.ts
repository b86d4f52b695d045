// A bound on requests in flight to one host from this whole process, on top of each client's own
// bound: ten analyses running at once must not open 10 × 16 connections to someone's private index
// (or to PyPI's file host). pip and uv bound their connection pools per host the same way.

import { Semaphore } from "./semaphore";

// The per-client default: one analysis runs at full speed, concurrent ones share the host.
export const DEFAULT_MAX_CONCURRENCY_PER_HOST = 16;

export class HostConcurrencyLimits {
  private readonly byHost = new Map<string, Semaphore>();
  readonly perHost: number;

  constructor(perHost: number = DEFAULT_MAX_CONCURRENCY_PER_HOST) {
    this.perHost = Math.max(1, Math.floor(perHost));
  }

  /** The semaphore for the URL's host and port (127.0.0.1:8001 and 127.0.0.1:8002 are two servers). */
  forUrl(url: URL): Semaphore {
    let semaphore = this.byHost.get(url.host);
    if (!semaphore) {
      semaphore = new Semaphore(this.perHost);
      this.byHost.set(url.host, semaphore);
    }
    return semaphore;
  }
}

/** Shared by every client in the process unless a client is given its own (tests do). */
export const processHostLimits = new HostConcurrencyLimits();
