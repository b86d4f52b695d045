import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore";

describe("Semaphore", () => {
  it("never runs more than its limit at once, and runs everything", async () => {
    const semaphore = new Semaphore(3);
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        semaphore.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 1 + (i % 4)));
          active--;
          done.push(i);
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("releases its slot when a task fails", async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(semaphore.run(async () => "next")).resolves.toBe("next");
  });
});

describe("Semaphore with an abort signal", () => {
  it("a queued task whose signal aborts never runs, and its place goes to the next one", async () => {
    const semaphore = new Semaphore(1);
    let release!: () => void;
    const holder = semaphore.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const ran: string[] = [];
    const abandoned = semaphore.run(async () => void ran.push("abandoned"), controller.signal);
    const next = semaphore.run(async () => void ran.push("next"));
    controller.abort(new Error("deadline"));
    await expect(abandoned).rejects.toThrow("deadline");
    release();
    await holder;
    await next;
    expect(ran).toEqual(["next"]);
    // Every slot came back: a full set of new tasks still runs.
    await expect(Promise.all([semaphore.run(async () => 1), semaphore.run(async () => 2)])).resolves.toEqual([1, 2]);
  });

  it("an already aborted signal rejects at once, even with a free slot", async () => {
    const semaphore = new Semaphore(2);
    const ran: number[] = [];
    await expect(semaphore.run(async () => void ran.push(1), AbortSignal.abort(new Error("late")))).rejects.toThrow("late");
    expect(ran).toEqual([]);
    await expect(semaphore.run(async () => "free")).resolves.toBe("free");
  });

  it("a task that already has its slot is not interrupted by the signal", async () => {
    const semaphore = new Semaphore(1);
    const controller = new AbortController();
    const running = semaphore.run(async () => {
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 5));
      return "finished";
    }, controller.signal);
    await expect(running).resolves.toBe("finished");
  });
});
