# syntax=docker/dockerfile:1

# Basewise itself, by the rules it recommends for Python images: a stage per job (dependencies →
# build → runtime), dependency manifests copied before the source, a cache mount for the package
# manager (BuildKit's, hence the syntax line), a pinned base, a non-root user, a health check, and
# nothing in the final image but what runs.
#   docker build -t basewise .
#   docker run -p 3000:3000 -e BASEWISE_INDEX_URL=https://pypi.org/simple/ basewise
# compose.yaml does the same with an index URL from the environment and a volume for the index cache.

# Pinned to the Node.js release CI tests with (node -v: v20.20.2) on Debian 12 slim: glibc, so the
# prebuilt native packages (Next's SWC and Turbopack, sharp, lightningcss) are the -linux-*-gnu ones
# in package-lock.json. A full version tag, not a digest: pin it by digest for reproducible rebuilds
# (docker buildx imagetools inspect node:20.20.2-bookworm-slim). Node.js 20 is past its end of life
# (2026-04-30): move all three stages to the next LTS line together with CI's Node.js.
FROM node:20.20.2-bookworm-slim AS deps

# Every later path is relative to /app.
WORKDIR /app

# Only the manifests: this layer and npm ci's are reused until a dependency changes, whatever the source does.
COPY package.json package-lock.json ./

# Exactly the lock file's versions; npm's download cache stays in a BuildKit cache mount, not in a layer.
# --ignore-scripts: the package's own "prepare" (bin/bundle.mjs) needs the source, which is not here
# yet; the build stage runs it. No dependency needs an install script (native ones come prebuilt).
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund

# The build: the same base, so the traced native packages match the runtime's platform.
FROM node:20.20.2-bookworm-slim AS build

# The same working directory as the dependencies' stage.
WORKDIR /app

# No usage reports from inside a build.
ENV NEXT_TELEMETRY_DISABLED=1

# The installed dependencies first, then the source: a source change reuses the npm ci layer above.
COPY --from=deps /app/node_modules ./node_modules

# The source (.dockerignore keeps node_modules, build output, caches and test results out).
COPY . .

# bin/bundle.mjs (the CLI and dist/analysis-worker.mjs) and next build with output: "standalone".
# Turbopack's cache survives between builds in a cache mount.
RUN --mount=type=cache,target=/app/.next/cache npm run build

# The image that runs: the standalone server and nothing else (no npm install, no compilers, no source).
FROM node:20.20.2-bookworm-slim AS runtime

# Production mode; server.js listens on PORT on every interface (Docker sets HOSTNAME to the
# container's id, which would bind one address only); the index's HTTP cache in its own directory.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    BASEWISE_CACHE_DIR=/var/cache/basewise

# The standalone server's folder.
WORKDIR /app

# The index cache is the only place the server writes: owned by the unprivileged user (a named volume
# mounted there takes this ownership when first created). The application's files stay root's, read-only to it.
RUN mkdir -p /var/cache/basewise && chown node:node /var/cache/basewise

# server.js, the traced node_modules and dist/analysis-worker.mjs (next.config.js traces it in).
COPY --from=build /app/.next/standalone ./

# The browser's scripts and styles, which the standalone output leaves to a CDN or to this copy.
COPY --from=build /app/.next/static ./.next/static

# Files served as they are from the site's root.
COPY --from=build /app/public ./public

# The unprivileged user the node image ships (uid 1000): the server never runs as root.
USER node

# The port server.js listens on (PORT above).
EXPOSE 3000

# /api/health answers on the request thread without touching the index; the image has no curl, so Node's fetch asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# The standalone server; exec form, so it is PID 1 and gets docker stop's SIGTERM.
CMD ["node", "server.js"]
