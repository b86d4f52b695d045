import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DockerfileParser } from "dockerfile-ast";
import { INDEX_PORT } from "./ports";

// The container without a container runtime: what the Dockerfile's runtime stage holds — the
// standalone output of `npm run build`, plus the files its COPY lines add — laid out in a folder
// outside the repository (so nothing resolves from the repository's node_modules, as nothing can in
// the image), started as the image starts it (node server.js), over the test index. It must answer
// its health check (the Dockerfile's own HEALTHCHECK command), the page with its security headers
// and static files, an analysis (the worker pool loading dist/analysis-worker.mjs from the folder)
// and the OpenAPI document.

const REPO = process.cwd();
const INDEX_URL = `http://127.0.0.1:${INDEX_PORT}/simple/`;

interface RuntimeStage {
  /** COPY --from=build <source> <destination>: paths in the build stage's /app and the runtime's /app. */
  copies: { from: string; to: string }[];
  healthcheck: string[];
  command: string[];
}

async function runtimeStage(): Promise<RuntimeStage> {
  const instructions = DockerfileParser.parse(await readFile(path.join(REPO, "Dockerfile"), "utf8")).getInstructions();
  const last = instructions.map((i) => i.getKeyword()).lastIndexOf("FROM");
  const runtime = instructions.slice(last + 1);
  const copies = runtime
    .filter((i) => i.getKeyword() === "COPY")
    .map((i) => i.getTextContent().replace(/\\\n\s*/g, "").trim().split(/\s+/).slice(1))
    .map((args) => {
      const [from, to] = args.filter((a) => !a.startsWith("--"));
      if (!args.includes("--from=build") || !from?.startsWith("/app/") || !to) throw new Error(`unexpected COPY in the runtime stage: ${args.join(" ")}`);
      return { from: from.slice("/app/".length), to };
    });
  const exec = (keyword: string) => {
    const text = runtime.find((i) => i.getKeyword() === keyword)?.getTextContent().replace(/\\\n\s*/g, "") ?? "";
    return JSON.parse(text.slice(text.indexOf("["))) as string[];
  };
  return { copies, healthcheck: exec("HEALTHCHECK"), command: exec("CMD") };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let folder = "";
let server: ChildProcess | null = null;
let origin = "";
let stage: RuntimeStage;
let env = {} as NodeJS.ProcessEnv;
let output = "";
const timings: Record<string, number> = {};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const started = Date.now();
  stage = await runtimeStage();
  folder = await mkdtemp(path.join(tmpdir(), "basewise-standalone-"));
  // The image's /app: the standalone output first (COPY … ./), then what the other COPY lines add.
  for (const { from, to } of stage.copies) await cp(path.join(REPO, from), path.resolve(folder, to), { recursive: true });
  timings.layoutMs = Date.now() - started;

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // The image's environment, but the address (the image listens on every interface) and a small pool.
  env = { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOSTNAME: "127.0.0.1", BASEWISE_INDEX_URL: INDEX_URL, BASEWISE_CACHE_DIR: "off", BASEWISE_WORKERS: "1" };
  const [program, ...args] = stage.command;
  const spawnedAt = Date.now();
  const child = spawn(program === "node" ? process.execPath : program!, args, { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"] });
  server = child;
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the standalone server exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() - spawnedAt > 60_000) throw new Error(`the standalone server did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  timings.startMs = Date.now() - spawnedAt;
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  if (folder) await rm(folder, { recursive: true, force: true });
  console.log(`standalone server: laid out in ${timings.layoutMs} ms, answered its health check ${timings.startMs} ms after start, analysis in ${timings.analysisMs} ms`);
});

test("the standalone server answers as the container would", async ({ request }) => {
  await test.step("the Dockerfile's HEALTHCHECK command passes", () => {
    const [program, ...args] = stage.healthcheck.slice(stage.healthcheck.indexOf("CMD") + 1);
    const check = spawnSync(program === "node" ? process.execPath : program!, args, { env, timeout: 10_000 });
    expect(check.status, check.stderr?.toString()).toBe(0);
  });

  await test.step("GET /api/health", async () => {
    const response = await request.get(`${origin}/api/health`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", workers: 1 });
  });

  await test.step("GET / with the security headers, and its scripts from the copied static files", async () => {
    const response = await request.get(`${origin}/`);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    // A production server: no eval for React's development tools.
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-powered-by"]).toBeUndefined();
    const scripts = [...(await response.text()).matchAll(/\/_next\/static\/[^"']+\.js/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    const script = await request.get(`${origin}${scripts[0]}`);
    expect(script.status()).toBe(200);
    expect(script.headers()["content-type"]).toMatch(/javascript/);
  });

  await test.step("POST /api/analyze runs an analysis on the worker pool", async () => {
    const started = Date.now();
    const response = await request.post(`${origin}/api/analyze`, { data: { requirements: "psycopg2==2.9.9\nsix\n", bases: ["python:3.12-slim-bookworm"], archs: ["amd64"] } });
    timings.analysisMs = Date.now() - started;
    expect(response.status(), await response.text()).toBe(200);
    expect(response.headers()["x-basewise-report"]).toBe("worker");
    const report = await response.json();
    expect(report.index).toEqual({ host: `127.0.0.1:${INDEX_PORT}` });
    expect(report.targets.map((t: { base: string; arch: string }) => `${t.base} ${t.arch}`)).toEqual(["python:3.12-slim-bookworm amd64"]);
    expect(report.targets[0].compiles.map((c: { name: string }) => c.name)).toEqual(["psycopg2"]);
  });

  await test.step("GET /api/openapi.json", async () => {
    const response = await request.get(`${origin}/api/openapi.json`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/vnd\.oai\.openapi\+json/);
    expect((await response.json()).openapi).toBe("3.1.0");
  });
});
