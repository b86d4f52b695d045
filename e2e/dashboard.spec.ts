import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { AnalyzePage } from "./pages/analyze-page";
import { INDEX_DOWN_APP_PORT, SNAPSHOT_APP_PORT } from "./ports";

// The dashboard as a person uses it, over the PyPI snapshot: paste, analyse, compare, open a package,
// copy the Dockerfile, share a link, read errors. Screenshots go to e2e/screenshots/.

const SNAPSHOT_APP = `http://127.0.0.1:${SNAPSHOT_APP_PORT}`;
const INDEX_DOWN_APP = `http://127.0.0.1:${INDEX_DOWN_APP_PORT}`;

test.use({ baseURL: SNAPSHOT_APP, permissions: ["clipboard-read", "clipboard-write"] });

const DATA_SCIENCE = "pandas==2.2.2\nnumpy==1.26.4\nscipy==1.13.1\nscikit-learn==1.4.2\n";
const SLIM = "python:3.12-slim-bookworm";
const ALPINE = "python:3.12-alpine3.24";

/** One architecture unless asked (the form ticks both): these flows read one column per image. */
async function analyzeOn(page: Page, requirements: string, bases: string[], archs: ("amd64" | "arm64")[] = ["amd64"]) {
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectOnly(bases);
  await app.selectArchs(archs);
  await app.analyze(requirements);
  await expect(app.baseCards).toHaveCount(bases.length, { timeout: 60_000 });
  return app;
}

test("paste → analyse → cards with the recommendation on top, charts and the matrix", async ({ page }) => {
  // Layout shifts from here on (results arriving, charts drawing) are summed as the CLS metric does.
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) w.__cls += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  const app = await analyzeOn(page, DATA_SCIENCE, [SLIM, ALPINE]);
  await expect(page.getByTestId("recommendation")).toContainText(`Recommended: ${SLIM}`);
  // scikit-learn 1.4.2 has no musllinux wheel: it compiles on Alpine only.
  await expect(app.baseCard(SLIM).getByTestId("card-compiles")).toHaveText(/^0 of \d+/);
  await expect(app.baseCard(ALPINE).getByTestId("card-compiles")).toHaveText(/^[1-9]\d* of \d+/);
  await expect(app.baseCard(SLIM)).toContainText("recommended");
  await expect(app.baseCards.first()).toHaveAttribute("data-base", SLIM);
  // The charts load when scrolled to.
  await page.getByRole("heading", { name: "Build time and image size" }).scrollIntoViewIfNeeded();
  for (const chart of ["chart-build-time", "chart-image-size", "chart-scatter"]) {
    await expect(page.getByTestId(chart).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.1);
  await expect(page.getByTestId("chart-build-time").getByRole("img").first()).toHaveAttribute("aria-label", new RegExp(`${ALPINE.replace(/\./g, "\\.")}: [\\d.]+ to [\\d.]+ minutes`));

  // The matrix: sorted by compiles, filtered to what compiles.
  await expect(app.verdictRows).not.toHaveCount(0);
  const all = await app.verdictRows.count();
  await page.getByTestId("matrix-only-compiles").check();
  const compiling = await app.verdictRows.count();
  expect(compiling).toBeGreaterThan(0);
  expect(compiling).toBeLessThan(all);
  for (const row of await app.verdictRows.all()) await expect(row).toContainText("compiles");
  await page.getByTestId("matrix-sort").selectOption("name");
  const names = await app.verdictRows.locator("th").allInnerTexts();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  await app.screenshot("dashboard-results");
});

test("a package's detail says why it compiles, the nearest version that would not, its OS packages and who needs it", async ({ page }) => {
  // numpy 1.24.4 has no wheels for Python 3.12: it compiles on both images.
  const app = await analyzeOn(page, "scikit-learn==1.4.2\nnumpy==1.24.4\n", [SLIM, ALPINE]);
  await app.verdictRows.getByRole("button", { name: "scikit-learn", exact: true }).click();
  const detail = page.getByTestId("package-detail");
  await expect(detail).toBeVisible();
  const alpine = detail.getByTestId("package-detail-image").filter({ hasText: ALPINE });
  await expect(alpine).toHaveAttribute("data-status", "sdist");
  await expect(alpine.getByTestId("detail-closest-miss")).toContainText("musl");
  await expect(alpine.getByTestId("detail-build-packages")).toContainText("g++");
  await expect(alpine.getByTestId("detail-runtime-packages")).toContainText("libgomp");
  await expect(alpine.getByTestId("detail-required-by")).toContainText("your requirements (scikit-learn==1.4.2)");
  await app.screenshot("package-detail");
  await page.keyboard.press("Escape");
  await expect(detail).toHaveCount(0);

  await app.verdictRows.getByRole("button", { name: "numpy", exact: true }).click();
  const numpySlim = page.getByTestId("package-detail-image").filter({ hasText: SLIM });
  await expect(numpySlim).toHaveAttribute("data-status", "sdist");
  await expect(numpySlim.getByTestId("detail-closest-miss")).toContainText("3.12");
  await expect(numpySlim.getByTestId("detail-nearest-wheel")).toContainText(/numpy==1\.2[6-9]|numpy==2/);
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("package-detail")).toHaveCount(0);

  // A dependency shows the chain that pulls it in.
  await app.verdictRows.getByRole("button", { name: "joblib", exact: true }).click();
  await expect(page.getByTestId("package-detail").getByTestId("detail-chain").first()).toContainText("your file → scikit-learn 1.4.2 → joblib");
});

test("copy the Dockerfile; the page explains what multi-stage saves", async ({ page }) => {
  const app = await analyzeOn(page, "Django==4.2.7\npsycopg2==2.9.9\n", [SLIM]);
  const dockerfile = app.targetCard(SLIM).getByTestId("dockerfile");
  await dockerfile.locator("summary").click();
  await expect(dockerfile.getByTestId("dockerfile-stages")).toContainText(/instead of .* for a naive single-stage build/);
  await dockerfile.getByTestId("dockerfile-copy").click();
  await expect(dockerfile.getByRole("status")).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^# syntax=docker\/dockerfile:1/);
  expect(copied).toContain("FROM python:3.12-slim-bookworm AS builder");
  expect(copied).toContain("libpq-dev");
  await app.screenshot("dockerfile");
});

test("copy link → open it in a new page → the same analysis; Copy as Markdown has the table", async ({ page, context }) => {
  const app = await analyzeOn(page, DATA_SCIENCE, [SLIM, ALPINE]);
  await page.getByTestId("copy-link").click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`^${SNAPSHOT_APP}/\\?s=v2\\.[A-Za-z0-9_-]+$`));
  expect(page.url()).toBe(link);
  const before = await app.baseCards.allInnerTexts();

  await page.getByTestId("copy-markdown").click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain("| Base image | Arch | Python | Compiles |");
  expect(markdown).toContain(`[Open this analysis](${link})`);

  const other = await context.newPage();
  const reopened = new AnalyzePage(other);
  await other.goto(link);
  await expect(reopened.baseCards).toHaveCount(2, { timeout: 60_000 });
  expect(await reopened.baseCards.allInnerTexts()).toEqual(before);
  await expect(reopened.requirements).toHaveValue(DATA_SCIENCE);
  // The preview for chat tools: an Open Graph image drawn from the same link.
  const ogImage = await other.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toContain("/api/og?s=v2.");
  const image = await other.request.get(ogImage ?? "");
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).length).toBeGreaterThan(10_000);
});

test("Back returns to the previous analysis", async ({ page }) => {
  const app = await analyzeOn(page, "six==1.16.0\n", [SLIM]);
  const first = page.url();
  await app.analyze("requests==2.31.0\n");
  await expect(page).not.toHaveURL(first);
  const named = (name: string) => app.verdictRows.getByRole("button", { name, exact: true });
  await expect(named("requests")).toHaveCount(1, { timeout: 60_000 });
  await page.goBack();
  await expect(page).toHaveURL(first);
  await expect(app.requirements).toHaveValue("six==1.16.0\n");
  await expect(named("six")).toHaveCount(1, { timeout: 60_000 });
  await expect(named("requests")).toHaveCount(0);
});

test("a crafted share link cannot inject markup or script; a damaged one says so in words", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectOnly([SLIM]);
  const payload = '<script>window.__pwned=1</script>\n"><img src=x onerror="window.__pwned=2">\njavascript:alert(1)\nsix\n';
  await app.analyze(payload);
  await expect(app.baseCards).toHaveCount(1, { timeout: 60_000 });
  const link = page.url();
  const fresh = await page.context().newPage();
  fresh.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await fresh.goto(link);
  await expect(new AnalyzePage(fresh).baseCards).toHaveCount(1, { timeout: 60_000 });
  await expect(new AnalyzePage(fresh).requirements).toHaveValue(payload);
  // The malformed lines come back as diagnostics, as text.
  await expect(fresh.getByTestId("diagnostic").first()).toContainText("line 1");
  expect(await fresh.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await fresh.locator('img[src="x"]').count()).toBe(0);
  expect(await fresh.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toEqual([]);

  await fresh.goto("/?s=%3Cscript%3Ewindow.__pwned%3D3%3C%2Fscript%3E");
  await expect(fresh.getByTestId("link-error")).toContainText("damaged or was not made by Basewise");
  expect(await fresh.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("every page sends security headers: a CSP and no framing", async ({ request }) => {
  for (const url of ["/", "/docs", "/docs/why-alpine-compiles", "/?s=v1.x"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  }
});

test("malformed lines are shown inline while typing, with their line numbers", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  await app.requirements.fill("flask==3.0.0\nnumpy=1.2\nrequests\n");
  await expect(page.getByTestId("input-diagnostic")).toHaveCount(1);
  await expect(page.getByTestId("input-diagnostic")).toContainText("line 2");
});

test("an index that is down gives an error a person understands", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open(`${INDEX_DOWN_APP}/`);
  await app.selectOnly([SLIM]);
  await app.analyze("Django==4.2.7\n");
  const problem = page.getByTestId("problem-index-unreachable");
  await expect(problem).toBeVisible({ timeout: 60_000 });
  await expect(problem).toContainText("The package index could not be reached");
  await expect(problem).toContainText("try again in a minute");
  await expect(page.getByTestId("recommendation")).toHaveCount(0);
  await app.screenshot("index-down");
});

test("names not on the index are listed with their line numbers; the rest is analysed", async ({ page }) => {
  const app = await analyzeOn(page, "six==1.16.0\nno-such-project-basewise-test\n", [SLIM]);
  const problem = page.getByTestId("problem-unknown-packages");
  await expect(problem).toContainText("1 package is not on the package index");
  await expect(problem).toContainText("no-such-project-basewise-test (line 2): check the spelling");
  await expect(app.packageVerdict(app.targetCard(SLIM), "six")).toHaveAttribute("data-status", "wheel");
});

test("a 300-line requirements file completes", async ({ page }) => {
  test.setTimeout(120_000);
  const top = JSON.parse(readFileSync(path.join(__dirname, "../../shared/data/pypi/top-pypi-packages.json"), "utf8")) as { rows: { name: string }[] };
  const lines = top.rows.slice(0, 300).map((r) => r.name);
  expect(lines).toHaveLength(300);
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectOnly([SLIM]);
  await app.selectArchs(["amd64"]);
  await app.paste(lines.join("\n"));
  await app.analyzeButton.click();
  await expect(page.getByTestId("analysis-progress")).toBeVisible();
  await expect(app.baseCards).toHaveCount(1, { timeout: 90_000 });
  await expect(app.requirementRows).toHaveCount(300);
  expect(await app.verdictRows.count()).toBeGreaterThanOrEqual(300);
});

test("phone width, keyboard and dark theme: no sideways scrolling, Analyze reachable by keyboard, no serious accessibility violations", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectOnly([SLIM, ALPINE]);
  await app.requirements.fill("Django==4.2.7\npsycopg2==2.9.9\n");
  // Keyboard only: focus the Analyze button and press Enter.
  await app.analyzeButton.focus();
  await page.keyboard.press("Enter");
  await expect(app.baseCards).toHaveCount(2, { timeout: 60_000 });
  await page.getByRole("heading", { name: "Build time and image size" }).scrollIntoViewIfNeeded();
  await expect(page.getByTestId("charts")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await app.screenshot("phone");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);

  await page.getByTestId("theme-toggle").click(); // system → light
  await page.getByTestId("theme-toggle").click(); // light → dark
  await expect(page.locator("html")).toHaveClass(/dark/);
  const darkResults = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(darkResults.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.any[0]?.message ?? ""}`).slice(0, 6).join(" | ")}`)).toEqual([]);
  await app.screenshot("phone-dark");
});

test("the onboarding pages are linked from the results", async ({ page }) => {
  const app = await analyzeOn(page, DATA_SCIENCE, [ALPINE]);
  const link = app.targetCard(ALPINE).getByTestId("doc-link-why-alpine-compiles");
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why Alpine compiles");
  await page.goto("/docs");
  await expect(page.getByRole("link")).toContainText(["Wheels and sdists", "manylinux and musllinux", "Why Alpine compiles", "Multi-stage builds", "arm64 and emulation", "What the estimates assume"]);
});
