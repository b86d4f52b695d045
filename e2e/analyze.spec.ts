import { expect, test } from "@playwright/test";
import { AnalyzePage } from "./pages/analyze-page";

test("pasted requirements come back parsed, line by line", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  await app.screenshot("home");
  await app.analyze(["# web app", "Django~=4.2", "", "requests[socks]>=2.31 ; python_version >= \"3.8\"", "numpy==1.26.4"].join("\n"));

  await expect(app.requirementRows).toHaveCount(3);
  await expect(app.requirementRows.nth(0)).toContainText("django");
  await expect(app.requirementRows.nth(0)).toContainText("~=4.2");
  await expect(app.requirementRows.nth(1)).toContainText("4");
  await expect(app.requirementRows.nth(1)).toContainText("socks");
  await expect(app.requirementRows.nth(1)).toContainText('python_version >= "3.8"');
  await expect(app.requirementRows.nth(2)).toContainText("==1.26.4");
  await expect(app.targets.getByText(/Python 3\.\d+/).first()).toBeVisible();
  await app.screenshot("parsed-requirements");
});

test("a malformed line is reported with its line number and the rest is still parsed", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  await app.analyze("flask==3.0.0\nnumpy=1.2\nrequests\n");

  await expect(app.diagnostics.filter({ hasText: "line 2" })).toHaveCount(1);
  await expect(app.requirementRows).toHaveCount(2);
  await expect(app.requirementRows.nth(0)).toContainText("flask");
  await expect(app.requirementRows.nth(1)).toContainText("requests");
  await app.screenshot("malformed-line");
});

test("oversized input is refused with a message the person can read", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  // ~300 KB: over the 256 KB limit.
  const huge = Array.from({ length: 12_000 }, (_, i) => `package-number-${i}==1.0.0`).join("\n");
  await app.paste(huge);
  await expect(app.requirements).toHaveValue(huge);
  await app.analyzeButton.click();

  await expect(app.error).toBeVisible();
  await expect(app.error).toContainText(/at most 256 KB/);
  await expect(app.requirementRows).toHaveCount(0);
  await app.screenshot("oversized-input");
});

test("each base image shows which packages install from wheels and which compile, and why", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  // One architecture: the wheels named below are the x86_64 ones.
  await app.selectArchs(["amd64"]);
  await app.analyze("numpy==1.24.4\ncryptography==41.0.7\npsycopg2==2.9.9\n");

  const slim = app.targetCard("python:3.12-slim-bookworm");
  // cryptography brings cffi and pycparser: five packages in all.
  await expect(slim.getByTestId("target-summary")).toContainText("5 packages · 3 from wheels · 2 to compile");
  // numpy 1.24.4 has wheels for CPython 3.8–3.11 only; 1.26.4 has one for 3.12.
  const numpy = app.packageVerdict(slim, "numpy");
  await expect(numpy).toHaveAttribute("data-status", "sdist");
  await expect(numpy).toContainText("numpy-1.24.4.tar.gz");
  await expect(numpy).toContainText(/3\.12/);
  await expect(numpy.getByTestId("wheel-alternative")).toContainText("numpy==1.26.4");
  await expect(app.packageVerdict(slim, "cryptography")).toContainText("cp37-abi3-manylinux");
  await expect(app.packageVerdict(slim, "psycopg2")).toHaveAttribute("data-status", "sdist");

  // On Alpine the musllinux wheel fits.
  const alpine = app.targetCard("python:3.12-alpine3.24");
  await expect(app.packageVerdict(alpine, "cryptography")).toContainText("musllinux_1_1_x86_64");

  await expect(app.verdictRows.filter({ hasText: "psycopg2" })).toContainText("compiles");
  await app.screenshot("verdicts");
});

test("dependencies are shown with what pulls them in; a dependency that compiles on arm64 Alpine is found", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectArchs(["arm64"]);
  await app.analyze("cryptography==41.0.7\n");

  // cffi 1.16.0 has no musllinux aarch64 wheel in the index: it compiles, pulled in by cryptography.
  const alpine = app.targetCard("python:3.12-alpine3.24");
  const cffi = app.packageVerdict(alpine, "cffi");
  await expect(cffi).toHaveAttribute("data-status", "sdist");
  await expect(cffi.getByTestId("package-via")).toContainText("required by cryptography 41.0.7");
  await expect(app.packageVerdict(alpine, "pycparser").getByTestId("package-via")).toContainText("chain: cryptography 41.0.7 → cffi 1.16.0 → pycparser");
  await expect(alpine.getByTestId("build-environment").filter({ hasText: "cffi 1.16.0" })).toContainText("first installs");
  await expect(app.verdictRows.filter({ has: page.getByRole("rowheader", { name: /^cffi/ }) })).toContainText("via cryptography 41.0.7");
  await app.screenshot("dependencies-arm64");
});

test("a set pip cannot resolve is explained in words, and each line is still judged", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectArchs(["amd64"]);
  await app.analyze("requests==2.31.0\nurllib3<1.21\n");

  const slim = app.targetCard("python:3.12-slim-bookworm");
  await expect(slim.getByTestId("resolution-conflict")).toContainText("pip finds no set of versions");
  await expect(slim.getByTestId("resolution-conflict")).toContainText("urllib3");
  await expect(app.packageVerdict(slim, "requests")).toHaveAttribute("data-status", "wheel");

  // Every image fails the same way: nothing is recommended, and the box says what blocks them.
  const recommendation = page.getByTestId("recommendation");
  await expect(recommendation).toHaveAttribute("data-recommended", "false");
  await expect(recommendation).toContainText("No image can be recommended");
  await expect(recommendation).not.toContainText("Recommended:");
  await expect(recommendation).toContainText("The build fails on every image");
  await expect(recommendation).toContainText("Closest to building:");
});

test("the comparison recommends an image in one sentence, and each image has its estimate and an annotated Dockerfile", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectArchs(["amd64"]);
  await app.analyze("Django==4.2.7\npsycopg2==2.9.9\n");

  const recommendation = page.getByTestId("recommendation");
  await expect(recommendation).toContainText("Recommended:");
  await expect(recommendation).toContainText(/wins: .*builds in .* and the image is about/);

  // psycopg2 has no wheel for Python 3.12 here: slim compiles it, with libpq's headers, and keeps libpq at runtime.
  const slim = app.targetCard("python:3.12-slim-bookworm");
  await expect(slim.getByTestId("estimate-build")).toHaveText(/\d.*(s|min)$/);
  await expect(slim.getByTestId("sysdeps-build")).toContainText("libpq-dev");
  await expect(slim.getByTestId("sysdeps-runtime")).toContainText("libpq5");
  const dockerfile = slim.getByTestId("dockerfile");
  await dockerfile.locator("summary").click();
  await expect(dockerfile.getByTestId("dockerfile-line").filter({ hasText: "AS builder" })).toHaveCount(1);
  await expect(dockerfile.getByTestId("dockerfile-line").filter({ hasText: "libpq5" }).first()).toContainText("psycopg2");
  const download = dockerfile.getByTestId("dockerfile-download");
  expect(decodeURIComponent((await download.getAttribute("href")) ?? "")).toContain("# syntax=docker/dockerfile:1");
  await app.screenshot("recommendation-dockerfile");
});
