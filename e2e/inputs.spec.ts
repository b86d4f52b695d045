import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { AnalyzePage } from "./pages/analyze-page";

// The files teams have, dropped or opened as a person would: a uv.lock and a pyproject.toml give the
// same analysis (the same packages and verdicts on every image) as the equivalent requirements file,
// and the kind Basewise recognises can be overridden.

const FIXTURES = path.join(__dirname, "fixtures", "inputs");
const BASES = ["python:3.12-slim-bookworm", "python:3.12-alpine3.24"];

function fixture(name: string): { name: string; text: string } {
  return { name, text: readFileSync(path.join(FIXTURES, name), "utf8") };
}

/** Drops files on the box the way a browser does: one drop event carrying them. */
async function drop(page: Page, files: { name: string; text: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, text } of list) transfer.items.add(new File([text], name, { type: "text/plain" }));
    return transfer;
  }, files);
  await page.getByTestId("requirements-input").dispatchEvent("drop", { dataTransfer });
}

/** Opens files through the file picker the "open files" button opens. */
async function open(page: Page, names: string[]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("open-files").click();
  await (await chooser).setFiles(names.map((name) => path.join(FIXTURES, name)));
}

/** Every package's version and verdict, image by image, as the page shows them. */
async function verdicts(page: Page): Promise<Record<string, string[]>> {
  await expect(page.getByTestId("recommendation")).toBeVisible();
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const card of document.querySelectorAll<HTMLElement>('[data-testid="target-card"]')) {
      for (const arch of card.querySelectorAll<HTMLElement>('[data-testid="target-arch"]')) {
        out[`${card.dataset.base} ${arch.dataset.arch}`] = [...arch.querySelectorAll<HTMLElement>('[data-testid="package-verdict"]')]
          .map((li) => {
            const spans = li.querySelectorAll("p:first-child > span.font-mono");
            return `${spans[0]?.textContent ?? ""} ${spans[1]?.textContent ?? ""} ${li.dataset.status}`;
          })
          .sort();
      }
    }
    return out;
  });
}

async function prepare(page: Page): Promise<AnalyzePage> {
  const app = new AnalyzePage(page);
  await app.open();
  await app.selectOnly(BASES);
  return app;
}

let reference: Record<string, string[]>;

test.describe.configure({ mode: "serial" });

test("the requirements file, opened from disk: the reference analysis", async ({ page }) => {
  const app = await prepare(page);
  await open(page, ["requirements.txt"]);
  await expect(app.requirements).toHaveValue(fixture("requirements.txt").text);
  await expect(page.getByTestId("detected-kind")).toHaveAttribute("data-kind", "requirements");
  await app.analyzeButton.click();
  reference = await verdicts(page);
  expect(Object.keys(reference)).toEqual(["python:3.12-slim-bookworm amd64", "python:3.12-slim-bookworm arm64", "python:3.12-alpine3.24 amd64", "python:3.12-alpine3.24 arm64"]);
  for (const packages of Object.values(reference)) expect(packages).toHaveLength(6);
  expect(reference["python:3.12-slim-bookworm amd64"]).toContain("psycopg2 2.9.9 sdist");
});

test("a dropped uv.lock gives the same packages and verdicts on every image; its darwin-only pin is skipped", async ({ page }) => {
  const app = await prepare(page);
  await drop(page, [fixture("uv.lock")]);
  await expect(app.requirements).toHaveValue(fixture("uv.lock").text);
  await expect(page.getByTestId("detected-kind")).toHaveAttribute("data-kind", "uv-lock");
  await expect(page.getByTestId("input-kind")).toHaveValue("");
  await app.analyzeButton.click();
  expect(await verdicts(page)).toEqual(reference);

  const summary = page.getByTestId("input-summary");
  await expect(summary).toHaveAttribute("data-kind", "uv-lock");
  await expect(summary.getByTestId("input-kind-read")).toHaveText("Read as uv.lock.");
  await expect(summary.getByTestId("lock-summary")).toContainText("requires-python >=3.9");
  await expect(summary.getByTestId("lock-skipped").first()).toContainText("appnope 0.1.4");
  await app.screenshot("input-uv-lock");
});

test("a pyproject.toml opened with the file picker gives the same analysis; its extras are offered", async ({ page }) => {
  const app = await prepare(page);
  await open(page, ["pyproject.toml"]);
  await expect(page.getByTestId("detected-kind")).toHaveAttribute("data-kind", "pyproject");
  await expect(page.getByTestId("input-extras").getByRole("checkbox", { name: "science" })).not.toBeChecked();
  await app.analyzeButton.click();
  expect(await verdicts(page)).toEqual(reference);
  await expect(page.getByTestId("input-summary")).toContainText("Extras included: none (the file offers science).");
});

test("the kind recognised can be overridden, and the link keeps the choice", async ({ page }) => {
  const app = await prepare(page);
  // Pasted: no file name, so the content says it is a pyproject.toml.
  await app.paste(fixture("pyproject.toml").text);
  await expect(page.getByTestId("detected-kind")).toHaveAttribute("data-kind", "pyproject");
  await expect(page.getByTestId("input-diagnostic")).toHaveCount(0);

  // Read as a requirements file, its TOML lines are not requirements.
  await page.getByLabel("Read as").selectOption("requirements");
  await expect(page.getByTestId("detected-kind")).toContainText("Basewise recognises pyproject.toml; read as requirements.txt.");
  await expect(page.getByTestId("input-diagnostic").first()).toContainText("error");
  await app.analyzeButton.click();
  await expect(page.getByTestId("recommendation")).toBeVisible();
  await expect(page.getByTestId("input-kind-read")).toHaveText("Read as requirements.txt, as chosen; Basewise recognised pyproject.toml.");

  // The share link reproduces the override.
  await page.reload();
  await app.ready();
  await expect(page.getByTestId("input-kind")).toHaveValue("requirements");
  await expect(page.getByTestId("input-kind-read")).toHaveText("Read as requirements.txt, as chosen; Basewise recognised pyproject.toml.");

  // Back to what Basewise recognises: the pyproject's dependencies, the reference analysis.
  await page.getByLabel("Read as").selectOption("");
  await app.analyzeButton.click();
  await expect(page.getByTestId("input-kind-read")).toHaveText("Read as pyproject.toml.");
  expect(await verdicts(page)).toEqual(reference);
});
