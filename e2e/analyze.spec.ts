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
