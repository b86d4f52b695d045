import { readFileSync } from "node:fs";
import { DockerfileParser } from "dockerfile-ast";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { argumentsOf, envOf, ruleViolations, runsOf, stagesOf, type Stage } from "./rules.test-support";
import type { DockerfileLine, DockerfileStage, GeneratedDockerfile } from "./types";

// Basewise's own Dockerfile (the repository's root) kept to the rules every Dockerfile Basewise
// generates is checked with (rules.test-support.ts), on the parse tree of the same parser. The rules
// that are about Python (requirements.txt, pip, PYTHON* variables, a virtualenv's source copy) are
// listed below with why they do not apply, and each has its Node.js counterpart checked here instead.
// There is no container runtime on CI machines: e2e/standalone-server.spec.ts runs what the image runs.

const TEXT = readFileSync("Dockerfile", "utf8");
const COMPOSE = parse(readFileSync("compose.yaml", "utf8")) as Record<string, unknown>;

/** The Dockerfile as the generator describes one: each instruction with the comment right above it as its note. */
function asGenerated(text: string): GeneratedDockerfile {
  const dockerfile = DockerfileParser.parse(text);
  const source = text.split("\n");
  const commentAbove = (line: number) => {
    const notes: string[] = [];
    for (let i = line - 1; i >= 0 && source[i]!.startsWith("#"); i--) notes.unshift(source[i]!.replace(/^#\s?/, ""));
    return notes.join(" ");
  };
  const lines: DockerfileLine[] = [];
  const stages: DockerfileStage[] = [];
  for (const directive of dockerfile.getDirectives()) {
    const at = directive.getRange().start.line;
    // A directive's note is the first comment after it (a comment right below would be read as another directive).
    let first = at + 1;
    while (first < source.length && source[first] === "") first++;
    const after: string[] = [];
    for (let i = first; i < source.length && source[i]!.startsWith("#"); i++) after.push(source[i]!.replace(/^#\s?/, ""));
    lines.push({ text: source[at]!, note: after.join(" ") });
  }
  for (const instruction of dockerfile.getInstructions()) {
    const { start, end } = instruction.getRange();
    if (instruction.getKeyword() === "FROM") {
      const [from = "", , name = null] = (instruction.getArgumentsContent() ?? "").split(/\s+/);
      const previous = stages.at(-1);
      if (previous) previous.lastLine = lines.length - 1;
      stages.push({ name, role: "final", from, firstLine: lines.length, lastLine: lines.length, osPackages: [] });
    }
    lines.push({ text: source.slice(start.line, end.line + 1).join("\n"), note: commentAbove(start.line) });
  }
  stages.at(-1)!.lastLine = lines.length - 1;
  return { text, lines, warnings: [], stages, multiStage: stages.length > 1 };
}

const generated = asGenerated(TEXT);
const stages = stagesOf(TEXT);
const byName = (name: string): Stage => stages.find((s) => s.name === name)!;
const texts = (stage: Stage) => stage.instructions.map((i) => `${i.getKeyword()} ${argumentsOf(i)}`);

/** The rules about Python images, and why each does not fit a Node.js server. */
const PYTHON_ONLY = {
  "requirements.txt is not copied before pip install": "no pip: package.json and package-lock.json come before npm ci (checked below)",
  "pip install has no BuildKit cache mount": "no pip: npm ci has npm's cache mounted (checked below)",
  "the source is not copied after the install": "the final stage copies the build's output, not the source; the source comes after npm ci in the build stage (checked below)",
  "final user: node": "the node image's own unprivileged user (uid 1000) rather than one named app or nonroot (checked below)",
  "PYTHONDONTWRITEBYTECODE/PYTHONUNBUFFERED not set in the final stage": "no Python: NODE_ENV=production instead (checked below)",
};

describe("Basewise's Dockerfile keeps the rules of the Dockerfiles it generates", () => {
  it("every rule holds but the Python ones", () => {
    expect(ruleViolations(generated, { compiles: false })).toEqual(Object.keys(PYTHON_ONLY));
  });

  it("three stages: dependencies, build, runtime, all FROM one pinned slim Node.js image", () => {
    expect(stages.map((s) => s.name)).toEqual(["deps", "build", "runtime"]);
    expect(new Set(stages.map((s) => s.from))).toEqual(new Set([expect.stringMatching(/^node:20\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/)]));
  });

  it("the manifests are copied before npm ci, which has npm's cache mounted; the source only after the dependencies", () => {
    const deps = texts(byName("deps"));
    const manifests = deps.findIndex((t) => /^COPY package\.json package-lock\.json \.\/$/.test(t));
    const install = deps.findIndex((t) => /^RUN .*npm ci\b/.test(t));
    expect(manifests).toBeGreaterThanOrEqual(0);
    expect(install).toBeGreaterThan(manifests);
    expect(deps[install]).toMatch(/--mount=type=cache,target=\/root\/\.npm\b/);
    expect(deps.filter((t) => t.startsWith("COPY"))).toHaveLength(1);
    const build = texts(byName("build"));
    expect(build.indexOf("COPY . .")).toBeGreaterThan(build.indexOf("COPY --from=deps /app/node_modules ./node_modules"));
    expect(build.indexOf("COPY --from=deps /app/node_modules ./node_modules")).toBeGreaterThanOrEqual(0);
    expect(runsOf(byName("build"))).toMatch(/npm run build/);
  });

  it("the runtime stage holds the standalone server only, runs it unprivileged in production mode, and checks its health without curl", () => {
    const runtime = byName("runtime");
    const copies = texts(runtime).filter((t) => t.startsWith("COPY"));
    expect(copies).toEqual(["COPY --from=build /app/.next/standalone ./", "COPY --from=build /app/.next/static ./.next/static", "COPY --from=build /app/public ./public"]);
    expect(runsOf(runtime)).not.toMatch(/npm|apt-get|curl/);
    const user = runtime.instructions.filter((i) => i.getKeyword() === "USER").at(-1);
    expect(user && argumentsOf(user)).toBe("node");
    expect(envOf(runtime)).toMatch(/NODE_ENV=production/);
    expect(envOf(runtime)).toMatch(/HOSTNAME=0\.0\.0\.0/);
    const health = runtime.instructions.find((i) => i.getKeyword() === "HEALTHCHECK");
    expect(health && argumentsOf(health)).toMatch(/CMD \["node", "-e", "fetch\('http:\/\/127\.0\.0\.1:' \+ \(process\.env\.PORT \|\| 3000\) \+ '\/api\/health'\)/);
    const cmd = runtime.instructions.find((i) => i.getKeyword() === "CMD");
    expect(cmd && argumentsOf(cmd)).toBe('["node", "server.js"]');
  });

  it("the index cache directory is the one the volume mounts, and the unprivileged user's", () => {
    const runtime = byName("runtime");
    expect(envOf(runtime)).toMatch(/BASEWISE_CACHE_DIR=\/var\/cache\/basewise/);
    expect(runsOf(runtime)).toMatch(/chown node:node \/var\/cache\/basewise/);
  });

  it(".dockerignore keeps installed packages, build output and secrets out of the context", () => {
    const ignored = readFileSync(".dockerignore", "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", ".next", "dist", ".basewise-cache", ".git", ".env"]));
  });
});

describe("compose.yaml", () => {
  const services = COMPOSE.services as Record<string, Record<string, unknown>>;
  const basewise = services.basewise!;

  it("builds this Dockerfile and publishes the server's port", () => {
    expect(Object.keys(COMPOSE).sort()).toEqual(["services", "volumes"]);
    expect(Object.keys(services)).toEqual(["basewise"]);
    expect(basewise.build).toBe(".");
    expect(basewise.ports).toEqual(["3000:3000"]);
  });

  it("configures the index URL from the environment, and the cache on a named volume at the image's cache directory", () => {
    const environment = basewise.environment as Record<string, string>;
    expect(environment.BASEWISE_INDEX_URL).toBe("${BASEWISE_INDEX_URL:-https://pypi.org/simple/}");
    expect(environment.BASEWISE_CACHE_DIR).toBe("/var/cache/basewise");
    expect(basewise.volumes).toEqual(["basewise-cache:/var/cache/basewise"]);
    expect(COMPOSE.volumes).toEqual({ "basewise-cache": null });
  });

  it("sets only variables the server reads", () => {
    const read = new Set(["BASEWISE_INDEX_URL", "BASEWISE_CACHE_DIR", "BASEWISE_CACHE_MAX_MB", "BASEWISE_FETCH_SDISTS", "BASEWISE_WORKERS", "BASEWISE_ANALYSES_PER_WORKER", "BASEWISE_MAX_QUEUE", "BASEWISE_ANALYSIS_TIMEOUT_S", "BASEWISE_RATE_LIMIT_PER_MIN", "BASEWISE_RATE_LIMIT_BURST", "BASEWISE_TRUST_PROXY", "BASEWISE_REPORT_CACHE_MB"]);
    const unknown = Object.keys(basewise.environment as object).filter((name) => !read.has(name));
    expect(unknown).toEqual([]);
    // Each of those is read from the environment by the server's configuration.
    const config = readFileSync("lib/server/config.ts", "utf8") + readFileSync("lib/index/config.ts", "utf8");
    expect([...read].filter((name) => !config.includes(name))).toEqual([]);
  });

  it("drops every capability and privilege escalation", () => {
    expect(basewise.cap_drop).toEqual(["ALL"]);
    expect(basewise.security_opt).toEqual(["no-new-privileges:true"]);
  });
});
