import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureIndex, type FixtureIndex } from "@/e2e/fixtures/fixture-index";
import { reportJsonSchema, type Report, type TargetPackage } from "@/lib/contract/report";
import { createIndexClient } from "@/lib/index";
import { analyze } from "./analyze";

// Real analyses against the fixture index carry their meaning as codes beside the words (schema
// version 3), and every report made here also validates against the published JSON Schema — the
// document GET /api/schema serves — not only against the zod schema assemble() checks it with.

let healthy: FixtureIndex;
let failing: FixtureIndex;
let bare: FixtureIndex;
beforeAll(async () => {
  healthy = await startFixtureIndex();
  failing = await startFixtureIndex({ failNames: ["numpy"] });
  // No JSON API (sdists' metadata unavailable) and six's PEP 658 metadata altered (digest mismatch).
  bare = await startFixtureIndex({ jsonApi: false, tamperedMetadata: ["six-1.16.0-py2.py3-none-any.whl"] });
});
afterAll(async () => {
  await Promise.all([healthy.close(), failing.close(), bare.close()]);
});

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(reportJsonSchema());
const reports: Report[] = [];

async function run(requirements: string, options: { bases?: string[]; index?: FixtureIndex; indexUrl?: string; noDeps?: boolean } = {}): Promise<Report> {
  const indexUrl = options.indexUrl ?? (options.index ?? healthy).url;
  const client = createIndexClient({ indexUrl, cacheDir: null, retries: 0, timeoutMs: 2000 });
  const result = await analyze({ requirements, bases: options.bases ?? ["python:3.12-slim-bookworm"], noDeps: options.noDeps }, { index: client, indexHost: "fixture" });
  if (!result.ok) throw new Error(result.error);
  reports.push(result.report);
  return result.report;
}

function byName(report: Report, target = 0): Record<string, TargetPackage> {
  return Object.fromEntries((report.targets[target]?.packages ?? []).map((p) => [p.name, p]));
}

describe("verdicts carry codes (since schema version 3)", () => {
  it("unknown packages say why as a code: not on the index, or the index failed", async () => {
    const report = await run("numpy\nsix\nno-such-project-anywhere\n", { index: failing });
    expect(report.schemaVersion).toBe(5);
    const packages = byName(report);
    expect(packages.numpy).toMatchObject({ status: "unknown", code: "index-error" });
    expect(packages["no-such-project-anywhere"]).toMatchObject({ status: "unknown", code: "not-on-index" });
    expect(packages.six).toMatchObject({ status: "wheel", code: null, dependenciesUnknownCode: null });
  });

  it("an unreachable index is an error with a code", async () => {
    const report = await run("six\ntomli\n", { indexUrl: "http://127.0.0.1:9/simple/" });
    expect(report.errors).toEqual([expect.objectContaining({ code: "index-unreachable", subject: "index" })]);
    expect(Object.values(byName(report)).map((p) => p.code)).toEqual(["index-error", "index-error"]);
  });

  it("an image not in the catalog is an error with a code; the other images are analysed", async () => {
    const report = await run("six\n", { bases: ["python:3.12-slim-bookworm", "nope:1"] });
    expect(report.errors).toEqual([expect.objectContaining({ code: "unknown-image", subject: "nope:1" })]);
    // The known image on both architectures (the default).
    expect(report.targets.map((t) => t.arch)).toEqual(["amd64", "arm64"]);
  });

  it("nothing installable: the code says which dead end, the target's blocker says the build fails", async () => {
    const report = await run("six==9.9\n");
    const [target] = report.targets;
    expect(target?.resolution).toMatchObject({ ok: false, code: "conflict" });
    expect(target?.packages[0]).toMatchObject({ status: "none", code: "no-matching-version", dependenciesUnknownCode: "not-resolved" });
    expect(target).toMatchObject({ blockerCode: "no-solution", blocker: expect.any(String) });
    expect(report.recommendation?.ranking[0]).toMatchObject({ outCode: "no-solution" });
    const onlyBinary = await run("--only-binary=:all:\npsycopg2\n");
    expect(byName(onlyBinary).psycopg2).toMatchObject({ status: "none", code: "no-compatible-wheel" });
  });

  it("direct references: not followed (a code, not only words); a wheel for another platform is refused with a code", async () => {
    const report = await run("six\nfoo @ https://example.com/foo-1.0.tar.gz\nbar @ https://example.com/bar-1.0-cp312-cp312-win_amd64.whl\n");
    const packages = byName(report);
    expect(packages.foo).toMatchObject({ status: "direct", code: null, dependenciesUnknownCode: "direct-reference" });
    expect(packages.bar).toMatchObject({ status: "none", code: "unsupported-wheel", miss: { kind: "platform-family" } });
    expect(report.targets[0]?.blockerCode).toBe("nothing-installable");
  });

  it("--no-deps: every package's dependencies are unknown for that reason", async () => {
    const report = await run("requests\nsix\n", { noDeps: true });
    expect(Object.values(byName(report)).map((p) => p.dependenciesUnknownCode)).toEqual(["no-deps", "no-deps"]);
  });

  it("a file's metadata the index cannot give: the index's reason, as a code", async () => {
    const report = await run("docopt\nsix\n", { index: bare });
    const packages = byName(report);
    expect(packages.docopt).toMatchObject({ status: "sdist", dependenciesUnknownCode: "metadata-unavailable", dependenciesUnknown: expect.any(String) });
    expect(packages.six).toMatchObject({ status: "wheel", dependenciesUnknownCode: "digest-mismatch" });
  });
});

describe("tags and Dockerfile stages travel as values", () => {
  it("the matched tag as its parts; an sdist has none", async () => {
    const report = await run("six\npsycopg2\ncryptography\n");
    const packages = byName(report);
    expect(packages.six).toMatchObject({ tag: "py3-none-any", tagParts: { interpreter: "py3", abi: "none", platform: "any" } });
    expect(packages.psycopg2).toMatchObject({ tag: null, tagParts: null });
    expect(packages.cryptography?.tagParts).toMatchObject({ interpreter: "cp37", abi: "abi3" });
    expect(packages.cryptography?.tagParts?.platform).toMatch(/^manylinux_2_\d+_x86_64$/);
  });

  it("a compile makes a builder and a final stage, each with the OS packages it installs", async () => {
    const report = await run("psycopg2==2.9.9\n");
    const dockerfile = report.targets[0]?.dockerfile;
    expect(dockerfile?.multiStage).toBe(true);
    expect(dockerfile?.stages.map((s) => [s.name, s.role, s.from])).toEqual([
      ["builder", "builder", "python:3.12-slim-bookworm"],
      [null, "final", "python:3.12-slim-bookworm"],
    ]);
    expect(dockerfile?.stages[0]?.osPackages).toContain("libpq-dev");
    expect(dockerfile?.stages[1]?.osPackages).toEqual(["libpq5"]);
    expect(dockerfile?.lines[dockerfile.stages[1]?.firstLine ?? -1]?.text).toBe("FROM python:3.12-slim-bookworm");
    const wheelsOnly = await run("six\n");
    expect(wheelsOnly.targets[0]?.dockerfile).toMatchObject({ multiStage: false, stages: [{ name: null, role: "final" }] });
  });
});

describe("the published JSON Schema", () => {
  it("validates every report made above", () => {
    expect(reports.length).toBeGreaterThanOrEqual(10);
    for (const report of reports) {
      const ok = validate(report);
      expect(ok ? [] : validate.errors).toEqual([]);
    }
  });
});
