import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "../bench/app-server";
import { startSlowIndex, type SlowIndex } from "./fixtures/slow-index";
import { AnalyzePage } from "./pages/analyze-page";
import { INDEX_PORT } from "./ports";

// The page fills in image by image while the server streams the analysis: an app of its own over the
// fixture index, behind a proxy that answers the metadata of cp311 wheels (which only the Python 3.11
// image reads) 4 s late. The 3.12 image's card is filled in while the 3.11 image is still being
// analysed and before the report has come; then the report replaces the progress, and the page is
// exactly the one a plain JSON answer gives. Screenshot: e2e/screenshots/streaming-first-image.png.

const FAST = "python:3.12-slim-bookworm";
const SLOW = "python:3.11-slim-bookworm";
const DELAY_MS = 4_000;

let index: SlowIndex;
let server: AppServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  index = await startSlowIndex(`http://127.0.0.1:${INDEX_PORT}/simple/`, { contains: ["cp311"], delayMs: DELAY_MS });
  server = await startAppServer({ BASEWISE_INDEX_URL: index.url, BASEWISE_CACHE_DIR: "off", BASEWISE_VALIDATE_REPORTS: "1", BASEWISE_RATE_LIMIT_PER_MIN: "1", BASEWISE_RATE_LIMIT_BURST: "20" });
});

test.afterAll(async () => {
  await server?.close();
  await index?.close();
});

test("each image shows as it finishes, before the report; the final page equals the non-streamed one", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const app = new AnalyzePage(page);
  await app.open(`${server.url}/`);
  await app.selectOnly([FAST, SLOW]);
  await app.selectArchs(["amd64"]);

  const started = Date.now();
  await app.analyze("numpy==1.26.4\nsix\n");
  const fastCard = page.locator(`[data-testid="progress-image"][data-base="${FAST}"]`);
  const slowCard = page.locator(`[data-testid="progress-image"][data-base="${SLOW}"]`);
  await expect(fastCard).toHaveAttribute("data-state", "done");
  const firstImageMs = Date.now() - started;
  // The report has not come: the other image is still being analysed, and the page says what was fetched.
  await expect(page.getByTestId("results-view")).toHaveCount(0);
  await expect(slowCard).toHaveAttribute("data-state", "analysing");
  await expect(fastCard.getByTestId("progress-summary")).toHaveText(/2 packages · 2 from wheels · 0 to compile/);
  await expect(page.getByTestId("progress-fetched")).toHaveText(/Fetched \d+ project pages? .*from the index .* · 1 of 2 images and architectures finished/);
  await app.screenshot("streaming-first-image");

  await expect(page.getByTestId("results-view")).toBeVisible({ timeout: 30_000 });
  const reportMs = Date.now() - started;
  await expect(page.getByTestId("analysis-progress")).toHaveCount(0);
  await expect(app.baseCards).toHaveCount(2);
  expect(firstImageMs).toBeLessThan(reportMs);
  const timing = `first image on the page after ${firstImageMs} ms, the report after ${reportMs} ms`;
  test.info().annotations.push({ type: "timing", description: timing });
  console.log(timing);
  const streamed = await page.getByTestId("results-view").innerText();

  // The same link in a fresh page whose requests ask for plain JSON: the page as it was before streaming.
  const link = page.url();
  expect(link).toContain("?s=");
  const plain = await browser.newPage();
  const answers: string[] = [];
  await plain.route("**/api/analyze**", (route) => route.continue({ headers: { ...route.request().headers(), accept: "application/json" } }));
  plain.on("response", (response) => {
    if (response.url().includes("/api/analyze")) answers.push(response.headers()["content-type"] ?? "");
  });
  await plain.goto(link);
  await expect(plain.getByTestId("results-view")).toBeVisible({ timeout: 30_000 });
  expect(answers).toEqual(["application/json"]);
  expect(await plain.getByTestId("results-view").innerText()).toBe(streamed);
  await plain.close();
});
