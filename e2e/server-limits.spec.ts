import { expect, test } from "@playwright/test";
import { stallRequests, variant } from "./fixtures/stall-cases";
import { AnalyzePage } from "./pages/analyze-page";
import { SNAPSHOT_APP_PORT } from "./ports";

// The server under hostile and heavy input, over the PyPI snapshot: the inputs that once froze it
// must not stall other visitors, and a client over its rate limit is told, on the page, when to come
// back. npm run bench:stall prints the same cases against the goals (static page ≤ 1 s); the bounds
// here are 3× looser so they hold on a busy CI machine, yet a quadratic parser (a minute for 256 KB)
// or an analysis on the request thread (seconds of blocked event loop) still fails them.

const SNAPSHOT_APP = `http://127.0.0.1:${SNAPSHOT_APP_PORT}`;
test.use({ baseURL: SNAPSHOT_APP });

const STATIC_PAGE_MAX_WAIT_MS = 3_000;
const HOSTILE_INPUT_MAX_MS = 15_000;

test("hostile input and parallel analyses never stall the static pages, and never answer 5xx", async ({ request }) => {
  test.setTimeout(420_000);
  const probes: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const started = Date.now();
      const response = await request.get("/docs");
      expect(response.status()).toBe(200);
      probes.push(Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  let client = 0;
  try {
    for (const stall of stallRequests()) {
      const started = Date.now();
      const statuses = await Promise.all(
        Array.from({ length: stall.parallel }, async (_, copy) => {
          const options = { data: variant(stall, copy), headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${++client}` }, timeout: 180_000 };
          const response = stall.method === "POST" ? await request.post(stall.path, options) : await request.get(stall.path, options);
          return response.status();
        }),
      );
      const elapsed = Date.now() - started;
      for (const status of statuses) expect(status, `${stall.label}: status`).toBeLessThan(500);
      if (stall.parallel === 1 && !stall.label.includes("real projects")) expect(elapsed, `${stall.label}: time`).toBeLessThan(HOSTILE_INPUT_MAX_MS);
    }
  } finally {
    probing = false;
    await prober;
  }
  expect(probes.length).toBeGreaterThan(10);
  expect(Math.max(...probes), "longest wait of the static page").toBeLessThan(STATIC_PAGE_MAX_WAIT_MS);
});

test("a client over its rate limit sees on the page when to try again", async ({ page, request }) => {
  // A client of its own, so no other test's analyses count against it (the e2e apps allow a burst of 60).
  const client = { "x-forwarded-for": "203.0.113.99" };
  for (let i = 0; i < 60; i++) {
    const response = await request.post("/api/analyze", { data: { requirements: `# ${i}\nrequests`, bases: ["python:3.12-slim-bookworm"], noDeps: true }, headers: client });
    expect(response.status()).toBe(200);
  }
  await page.setExtraHTTPHeaders(client);
  const app = new AnalyzePage(page);
  await app.open();
  await app.analyze("flask\n");
  await expect(app.error).toContainText(/many analyses in a short time .* Try again in \d+ seconds?\./);
});
