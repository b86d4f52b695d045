import { expect, test } from "@playwright/test";
import { AnalyzePage } from "./pages/analyze-page";
import { SNAPSHOT_APP_PORT } from "./ports";

// amd64 and arm64 side by side, over the PyPI snapshot, as a person reads them: one card per image
// with a half per architecture, the matrix's columns grouped by image, the emulated architecture
// marked once a build host is picked, and a share link that brings back both architectures and the
// host. Screenshot: e2e/screenshots/two-arch-results.png.

const SNAPSHOT_APP = `http://127.0.0.1:${SNAPSHOT_APP_PORT}`;
test.use({ baseURL: SNAPSHOT_APP, permissions: ["clipboard-read", "clipboard-write"] });

const SLIM = "python:3.12-slim-bookworm";
const ALPINE = "python:3.12-alpine3.24";
// psycopg2 2.9.9 has no Linux wheel: it compiles on every target, so emulation shows in build times.
const REQUIREMENTS = "psycopg2==2.9.9\nrequests==2.31.0\n";
const CI_AMD64 = "amd64 CI runner";

test("two images × amd64 and arm64: side by side in cards and matrix, arm64 marked emulated, the link brings it all back", async ({ page, context }) => {
  test.setTimeout(120_000);
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectOnly([SLIM, ALPINE]);

  // Both architectures are asked for by default; at least one must stay ticked.
  const amd64 = page.getByRole("checkbox", { name: "amd64", exact: true });
  const arm64 = page.getByRole("checkbox", { name: "arm64", exact: true });
  await expect(amd64).toBeChecked();
  await expect(arm64).toBeChecked();
  await expect(page.getByTestId("build-host-hint")).toHaveText(/^Nothing is emulated/);
  await app.selectArchs([]);
  await expect(page.getByTestId("archs-required")).toHaveText("Pick at least one architecture.");
  await expect(app.analyzeButton).toBeDisabled();
  await app.selectArchs(["amd64", "arm64"]);
  await expect(page.getByTestId("archs-required")).toHaveCount(0);

  // On an amd64 CI runner the arm64 builds run under QEMU, and the form says what that costs.
  await app.selectBuildHost(CI_AMD64);
  await expect(page.getByTestId("build-host-hint")).toContainText("arm64 is emulated on an amd64 CI runner: compiles ×6–10 under QEMU");

  await app.analyze(REQUIREMENTS);
  await expect(app.baseCards).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId("recommendation")).toContainText(/Recommended: python:3\.12-\S+ \(amd64 \+ arm64\)/);

  // Cards: one per image, an amd64 half and an arm64 half next to each other; only arm64 is emulated.
  for (const base of [SLIM, ALPINE]) {
    const halves = app.baseCard(base).getByTestId("card-arch");
    await expect(halves).toHaveCount(2);
    await expect(halves.nth(0)).toHaveAttribute("data-arch", "amd64");
    await expect(halves.nth(1)).toHaveAttribute("data-arch", "arm64");
    await expect(app.cardArch(base, "amd64")).toHaveAttribute("data-emulated", "false");
    await expect(app.cardArch(base, "amd64").getByTestId("card-emulated")).toHaveCount(0);
    await expect(app.cardArch(base, "arm64")).toHaveAttribute("data-emulated", "true");
    await expect(app.cardArch(base, "arm64").getByRole("heading")).toHaveText("arm64 · emulated");
    await expect(app.cardArch(base, "arm64").getByTestId("card-emulated")).toHaveText("emulated: compiles ×6–10 under QEMU, pip and apt ×3–6");
    await expect(app.cardArch(base, "amd64").getByTestId("card-compiles")).toHaveText(/^1 of \d+/);
    await expect(app.cardArch(base, "arm64").getByTestId("card-compiles")).toHaveText(/^1 of \d+/);
    const left = await app.cardArch(base, "amd64").boundingBox();
    const right = await app.cardArch(base, "arm64").boundingBox();
    expect(left && right && Math.abs(left.y - right.y) < 2 && right.x > left.x + left.width / 2, `${base}: amd64 and arm64 side by side`).toBe(true);
  }

  // The matrix: one column group per image (its name spans both), an arch column each inside it.
  const groups = page.getByTestId("matrix-image");
  await expect(groups).toHaveCount(2);
  for (const group of await groups.all()) await expect(group).toHaveAttribute("colspan", "2");
  const columns = page.getByTestId("matrix-column");
  expect(await columns.evaluateAll((cells) => cells.map((c) => `${c.getAttribute("data-base")}/${c.getAttribute("data-arch")}`))).toEqual(
    (await groups.allInnerTexts()).flatMap((base) => [`${base.trim()}/amd64`, `${base.trim()}/arm64`]),
  );
  await expect(app.verdictRows.filter({ hasText: "psycopg2" }).getByText("compiles")).toHaveCount(4);

  // The details: each image's architectures side by side, the Dockerfile picked by architecture.
  await expect(app.targetArch(SLIM, "arm64").getByTestId("target-emulated")).toBeVisible();
  const dockerfile = app.targetCard(SLIM).getByTestId("dockerfile");
  await dockerfile.locator("summary").click();
  await expect(dockerfile.getByTestId("dockerfile-arch")).toHaveText(["amd64", "arm64"]);
  await dockerfile.getByTestId("dockerfile-arch").filter({ hasText: "arm64" }).click();
  await expect(dockerfile).toHaveAttribute("data-arch", "arm64");
  await expect(dockerfile.getByTestId("dockerfile-line").first()).toContainText("# syntax=docker/dockerfile:1");
  // A package's detail: per image, its architectures side by side.
  await app.verdictRows.getByRole("button", { name: "psycopg2", exact: true }).click();
  const slimDetail = page.getByTestId("package-detail-image").filter({ hasText: SLIM });
  await expect(slimDetail).toHaveAttribute("data-status", "sdist");
  await expect(slimDetail.getByTestId("package-detail-arch")).toHaveCount(2);
  await expect(slimDetail.getByTestId("package-detail-arch").nth(1)).toHaveAttribute("data-arch", "arm64");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("package-detail")).toHaveCount(0);

  await app.baseCards.first().scrollIntoViewIfNeeded();
  await app.screenshot("two-arch-results");

  // Copy as Markdown: a row per image and architecture, grouped by image.
  await page.getByTestId("copy-markdown").click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain("| Base image | Arch | Python | Compiles |");
  for (const base of [SLIM, ALPINE]) expect(markdown).toMatch(new RegExp(`\\| \`${base.replace(/\./g, "\\.")}\` \\| amd64 \\|.*\\n\\| \`${base.replace(/\./g, "\\.")}\` \\| arm64 \\|.*emulated`));
  expect(markdown).toMatch(/\*\*Recommended:\*\* `python:3\.12-\S+` \(amd64 \+ arm64\)/);

  // The link reproduces the same two-architecture analysis, with the form as it was.
  await page.getByTestId("copy-link").click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(new RegExp(`^${SNAPSHOT_APP}/\\?s=v2\\.[A-Za-z0-9_-]+$`));
  const before = await app.baseCards.allInnerTexts();
  const other = await context.newPage();
  const reopened = new AnalyzePage(other);
  await other.goto(link);
  await reopened.ready();
  await expect(reopened.baseCards).toHaveCount(2, { timeout: 60_000 });
  expect(await reopened.baseCards.allInnerTexts()).toEqual(before);
  await expect(other.getByRole("checkbox", { name: "amd64", exact: true })).toBeChecked();
  await expect(other.getByRole("checkbox", { name: "arm64", exact: true })).toBeChecked();
  await expect(other.getByLabel("Build host")).toHaveValue("ci-amd64");
  await expect(reopened.cardArch(SLIM, "arm64")).toHaveAttribute("data-emulated", "true");
  expect(await other.title()).toContain("on amd64 + arm64");
});

test("an image past its end of life says so on its card and in its details, with what to move to", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectOnly(["python:3.7-slim-buster"]);
  await app.analyze("six==1.16.0\n");
  await expect(app.baseCards).toHaveCount(1, { timeout: 60_000 });
  const note = app.baseCard("python:3.7-slim-buster").getByTestId("card-support");
  await expect(note).toHaveCount(1);
  await expect(note).toHaveAttribute("data-kind", "ended");
  await expect(note).toHaveText(/^End of life since \d{4}-\d{2}-\d{2} \(CPython 3\.7( and Debian 10)?\)( — move to \S+)?$/);
  await expect(app.targetCard("python:3.7-slim-buster").getByTestId("support-note")).toHaveText(await note.innerText());
});
