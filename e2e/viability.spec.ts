import { expect, test } from "@playwright/test";
import { AnalyzePage } from "./pages/analyze-page";

// A source build known to fail, as a person sees it (over the fixture index): numpy 1.24.4 has no
// wheel for CPython 3.12 and its sdist does not build there (distutils is gone). The card says the
// image fails to build, the details show the failing build in red with its fix, the matrix marks it,
// the package dialog gives the reason and its sources, and nothing is recommended. The build's
// optional part (OpenBLAS) is offered with its packages.
// Screenshot: e2e/screenshots/viability-fails.png.

const SLIM = "python:3.12-slim-bookworm";

test("numpy 1.24.4 on CPython 3.12: the build fails, said in words and red, with 1.26.0 as the fix; nothing is recommended", async ({ page }) => {
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectOnly([SLIM]);
  await app.selectArchs(["amd64"]);
  await app.analyze("numpy==1.24.4\n");

  // The card: the image fails to build, and why.
  const card = app.cardArch(SLIM, "amd64");
  await expect(card.getByTestId("card-fails")).toContainText("Fails to build: numpy 1.24.4 does not build on CPython 3.12");
  await expect(app.baseCard(SLIM)).not.toContainText("recommended");

  // The details: the failing numpy build in red, labelled in words, with its reason and its fix.
  const details = app.targetArch(SLIM, "amd64");
  const numpy = details.locator('[data-testid="compile-viability"][data-name="numpy"]');
  await expect(numpy).toHaveAttribute("data-viability", "fails");
  await expect(numpy.getByTestId("viability-label")).toHaveText("fails to build");
  await expect(numpy.getByTestId("viability-label")).toHaveClass(/text-red-/);
  await expect(numpy.getByTestId("viability-body")).toHaveClass(/bg-red-/);
  await expect(numpy.getByTestId("viability-reason")).toContainText("distutils was removed");
  await expect(numpy.getByTestId("viability-fix")).toHaveText("Fix: upgrade numpy to 1.26.0 or later (known to build here).");
  // Its optional native part, offered with the packages that add it (not installed).
  await expect(numpy.locator('[data-testid="optional-part"][data-code="openblas"]')).toContainText("add libopenblas-dev (build), libopenblas0 (runtime)");

  // The matrix marks the compile with a compact label, its reason on hover.
  const mark = app.verdictRows.filter({ hasText: "numpy" }).getByTestId("matrix-viability");
  await expect(mark).toHaveText("✗ fails to build");
  await expect(mark).toHaveAttribute("title", /^fails to build: numpy 1\.24\.4 does not build on CPython 3\.12/);

  // Nothing is recommended.
  const recommendation = page.getByTestId("recommendation");
  await expect(recommendation).toHaveAttribute("data-recommended", "false");
  await expect(recommendation).toContainText("a source build is known to fail");
  // Not even on the Dockerfile: the file for an image whose build fails is no recommendation.
  await expect(page.getByText(/Recommended/)).toHaveCount(0);
  await expect(app.targetCard(SLIM).getByTestId("dockerfile-title")).toHaveText("Dockerfile (the build fails on this image)");

  // The package dialog: the same, with where the answer comes from.
  await app.verdictRows.filter({ hasText: "numpy" }).getByTestId("open-package").click();
  const dialog = page.getByTestId("package-detail");
  const viability = dialog.getByTestId("detail-viability");
  await expect(viability).toHaveAttribute("data-viability", "fails");
  await expect(viability.getByTestId("viability-fix")).toContainText("1.26.0");
  await expect(viability.getByTestId("viability-sources").getByRole("link").first()).toHaveAttribute("href", /^https:\/\//);
  await app.screenshot("viability-fails");
  await dialog.getByRole("button", { name: "Close" }).click();
});
