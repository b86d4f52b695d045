import { mkdirSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";

// The analyze screen as a person uses it: paste, pick, press Analyze, read.
export class AnalyzePage {
  readonly requirements: Locator;
  readonly analyzeButton: Locator;
  readonly results: Locator;
  readonly error: Locator;
  readonly requirementRows: Locator;
  readonly diagnostics: Locator;
  readonly targets: Locator;
  readonly verdictRows: Locator;
  readonly baseCards: Locator;

  constructor(private readonly page: Page) {
    this.requirements = page.getByTestId("requirements-input");
    this.analyzeButton = page.getByRole("button", { name: "Analyze" });
    this.results = page.getByTestId("results");
    this.error = page.getByTestId("analysis-error");
    this.requirementRows = page.getByTestId("requirement-row");
    this.diagnostics = page.getByTestId("diagnostic");
    this.targets = page.getByTestId("targets");
    this.verdictRows = page.getByTestId("verdict-row");
    this.baseCards = page.getByTestId("base-card");
  }

  /** The card of one base image, by its canonical reference. */
  targetCard(reference: string): Locator {
    return this.page.getByTestId("target-card").filter({ has: this.page.getByRole("heading", { name: reference, exact: true }) });
  }

  /** The headline card of one base image. */
  baseCard(reference: string): Locator {
    return this.page.locator(`[data-testid="base-card"][data-base="${reference}"]`);
  }

  /** Ticks exactly these base images in the picker. */
  async selectOnly(references: string[]) {
    // The picker lists ticked images first, so rows move as boxes change: address them by reference.
    const ticked = this.page.locator('[data-testid="base-option"]:checked');
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    for (const reference of references) await this.page.locator(`[data-testid="base-option"][data-reference="${reference}"]`).check();
  }

  /** Ticks exactly these architectures (the form asks for both by default). */
  async selectArchs(archs: readonly ("amd64" | "arm64")[]) {
    for (const arch of ["amd64", "arm64"] as const) {
      const box = this.page.getByRole("checkbox", { name: arch, exact: true });
      if (archs.includes(arch)) await box.check();
      else await box.uncheck();
    }
  }

  /** Where docker build runs, by the select's option label. */
  async selectBuildHost(label: string) {
    await this.page.getByLabel("Build host").selectOption({ label });
  }

  /** One architecture's half of an image's headline card. */
  cardArch(reference: string, arch: "amd64" | "arm64"): Locator {
    return this.baseCard(reference).locator(`[data-testid="card-arch"][data-arch="${arch}"]`);
  }

  /** One architecture's details inside an image's detail card. */
  targetArch(reference: string, arch: "amd64" | "arm64"): Locator {
    return this.targetCard(reference).locator(`[data-testid="target-arch"][data-arch="${arch}"]`);
  }

  /** One package's verdict inside a base image's card. */
  packageVerdict(card: Locator, name: string): Locator {
    return card.getByTestId("package-verdict").filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async open(url = "/") {
    await this.page.goto(url);
    await this.ready();
  }

  /** Waits until React has hydrated the form: typing before that would be lost. */
  async ready() {
    await this.page.locator('form[data-hydrated="true"]').waitFor();
  }

  async analyze(requirementsText: string) {
    await this.requirements.fill(requirementsText);
    await this.analyzeButton.click();
  }

  /**
   * Puts a large text into the box the way a paste does (one input event). Playwright's fill() types
   * through Chromium's insertText, which grows quadratically with the line count (40 s for 4 000 lines).
   */
  async paste(text: string) {
    await this.requirements.evaluate((element, value) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
      setValue?.call(element, value);
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
  }

  async screenshot(name: string) {
    mkdirSync("e2e/screenshots", { recursive: true });
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  }
}
