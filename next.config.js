// @ts-check

// Security headers for every response. The CSP allows Next's inline bootstrap scripts and Tailwind's
// inline styles; nothing is ever loaded from another origin.
const isDev = process.env.NODE_ENV !== "production";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server in .next/standalone (server.js and only the node_modules files it uses),
  // for the container image (Dockerfile). `next start` still serves the build as before (it prints
  // a warning that it is not the standalone server, and otherwise works the same).
  output: "standalone",
  // The worker pool loads dist/analysis-worker.mjs by file name at run time; Piscina must stay a plain
  // Node package rather than be bundled into the route handlers.
  serverExternalPackages: ["piscina"],
  // What is loaded by file name at run time is invisible to the build's tracing: copy it into the
  // standalone output beside the routes that run analyses (the pool resolves the worker from the
  // server's working directory, which server.js sets to its own folder).
  outputFileTracingIncludes: {
    "/api/**": ["./dist/analysis-worker.mjs"],
  },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
