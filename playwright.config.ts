import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { APP_PORT, DEAD_INDEX_PORT, INDEX_DOWN_APP_PORT, INDEX_PORT, SNAPSHOT_APP_PORT, SNAPSHOT_INDEX_PORT } from "./e2e/ports";

// The e2e suite drives the production build (npm run build first) in headless Chromium. Debian's
// /usr/bin/chromium is used when present, so no browser download is needed; otherwise Playwright's own.
const systemChromium = "/usr/bin/chromium";
// Three apps: over the fixture index, over the PyPI snapshot (../shared; realistic sets for the
// dashboard flows), and one whose index is down.

// Every analysis of the suite comes from one client (this machine): a burst of 60 covers the flows
// (about 25 new analyses per app), and a refill of one a minute lets e2e/server-limits.spec.ts empty
// a bucket of its own and be sure it stays empty while the page asks.
// Every app: a rate limit the suite stays under, and every report checked against the contract (lib/report/assemble.ts).
const SUITE_ENV = { BASEWISE_RATE_LIMIT_PER_MIN: "1", BASEWISE_RATE_LIMIT_BURST: "60", BASEWISE_VALIDATE_REPORTS: "1" };

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: "chromium",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      // As root Chromium needs --no-sandbox; the rest keep it off this closed network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [
    {
      // A small hand-written PEP 691 index: the app never needs the internet in tests.
      command: `npx tsx e2e/fixtures/fixture-index.ts --port ${INDEX_PORT}`,
      url: `http://127.0.0.1:${INDEX_PORT}/simple/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${APP_PORT}`,
      url: `http://127.0.0.1:${APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        BASEWISE_INDEX_URL: `http://127.0.0.1:${INDEX_PORT}/simple/`,
        BASEWISE_CACHE_DIR: "off",
        ...SUITE_ENV,
      },
    },
    {
      command: `python3 ../shared/tools/snapshot-index --port ${SNAPSHOT_INDEX_PORT}`,
      url: `http://127.0.0.1:${SNAPSHOT_INDEX_PORT}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${SNAPSHOT_APP_PORT}`,
      url: `http://127.0.0.1:${SNAPSHOT_APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { BASEWISE_INDEX_URL: `http://127.0.0.1:${SNAPSHOT_INDEX_PORT}/simple/`, BASEWISE_CACHE_DIR: "off", ...SUITE_ENV },
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${INDEX_DOWN_APP_PORT}`,
      url: `http://127.0.0.1:${INDEX_DOWN_APP_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { BASEWISE_INDEX_URL: `http://127.0.0.1:${DEAD_INDEX_PORT}/simple/`, BASEWISE_CACHE_DIR: "off", ...SUITE_ENV },
    },
  ],
});
