import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests: fast, hermetic, no network beyond servers the tests start on loopback.
export default defineConfig({
  // "server-only" throws outside Next's react-server condition; tests run server code on purpose.
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)), "server-only": fileURLToPath(new URL("./lib/server/server-only-empty.ts", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "bin/**/*.test.ts"],
    exclude: ["**/*.snapshot.test.ts", "node_modules/**"],
    environment: "node",
    globalSetup: ["./vitest.global-setup.ts"],
  },
});
