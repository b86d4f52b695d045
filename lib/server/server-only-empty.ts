// What `import "server-only"` resolves to outside Next.js: the esbuild bundles (the CLI and the
// analysis worker, both server code), vitest, and tsx (benches, the CLI's unbundled fallback) map the
// package here through tsconfig.json's "paths", bin/bundle.mjs and the vitest configs. The package
// itself throws unless resolved under the "react-server" condition, which only Next.js sets; inside
// Next, the build refuses any client component that reaches the import (lib/server/client-fence.test.ts
// checks the same thing in the unit suite).
export {};
