// What the index client's test files share: the fixture index and ad-hoc test servers they start,
// closed after each test, and the page out of a result that must have one.

import { afterEach } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { startTestServer, type TestServer } from "./test-http-server";
import type { ProjectPage, ProjectResult } from "./types";

/** Call at a test file's top level: what it registers is undone after each test, last first. */
export function indexTestResources() {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  return {
    /** Runs after the test, before anything registered earlier. */
    onCleanup(cleanup: () => Promise<void>): void {
      cleanups.push(cleanup);
    },
    async fixture(options: Parameters<typeof startFixtureIndex>[0] = {}): Promise<FixtureIndex> {
      const index = await startFixtureIndex(options);
      cleanups.push(() => index.close());
      return index;
    },
    async server(handler: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
      const started = await startTestServer(handler);
      cleanups.push(() => started.close());
      return started;
    },
  };
}

export function pageOf(result: ProjectResult): ProjectPage {
  if (!result.ok) throw new Error(`expected a page, got ${result.reason}: ${result.message}`);
  return result.page;
}
