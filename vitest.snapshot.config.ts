import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The snapshot suite: differential and calibration tests that need ../shared (the PyPI snapshot,
// its index server and the real pip). Run by .ci/run after the main suite.
export default defineConfig({
  // "server-only" throws outside Next's react-server condition; tests run server code on purpose.
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)), "server-only": fileURLToPath(new URL("./lib/server/server-only-empty.ts", import.meta.url)) } },
  test: {
    include: ["**/*.snapshot.test.ts"],
    exclude: ["node_modules/**"],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
