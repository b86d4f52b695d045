import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { BUILD_HOST_CODES, REPORT_CODES, REPORT_SCHEMA_VERSION, reportJsonSchema, reportJsonSchemaText, reportProblems } from "./report";
import { ARCHES, BUILD_HOSTS } from "./request-limits";
import { INPUT_KINDS, LOCK_KINDS } from "@/lib/inputs/types";

// The report contract on its own: it depends on nothing but zod, keeps every v2 field where v2 had it
// (except the three v4 replaced, each with why), publishes a JSON Schema that a standard validator
// compiles, and states its invariants.

type JsonSchema = { $schema?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; $ref?: string; anyOf?: JsonSchema[]; items?: JsonSchema; enum?: string[]; description?: string };

const schema = reportJsonSchema() as JsonSchema & { $defs: Record<string, JsonSchema> };

/** The object schema at a path of property names ("[]" steps into an array's items), through refs and nullables. */
function at(pathSteps: string[]): JsonSchema {
  let node: JsonSchema = schema;
  const deref = (n: JsonSchema): JsonSchema => {
    if (n.$ref) return deref(schema.$defs[n.$ref.replace("#/$defs/", "")] as JsonSchema);
    const object = n.anyOf?.find((a) => a.type !== "null");
    return object ? deref(object) : n;
  };
  node = deref(node);
  for (const step of pathSteps) {
    node = deref(step === "[]" ? (node.items as JsonSchema) : (node.properties?.[step] as JsonSchema));
    if (!node) throw new Error(`no ${pathSteps.join(".")}`);
  }
  return node;
}

// Every field of a v2 report (lib/report/types.ts at schema version 2), by the object that holds it.
const V2_FIELDS: Record<string, string[]> = {
  "": ["schemaVersion", "generatedAt", "asOf", "undatedFiles", "mode", "index", "requirements", "options", "diagnostics", "targets", "estimateParameters", "recommendation", "errors"],
  index: ["host"],
  "requirements.[]": ["line", "text", "name", "extras", "specifier", "marker", "origin", "editable", "hashes"],
  options: ["pre", "preferBinary", "onlyBinary", "noBinary", "requireHashes"],
  "diagnostics.[]": ["line", "severity", "message"],
  "targets.[]": ["base", "requestedAs", "resolvedNote", "arch", "python", "libc", "os", "packageManager", "resolution", "unreached", "packages", "skipped", "builds", "compiles", "summary", "sysdeps", "estimate", "dockerfile", "builder", "blocker"],
  "targets.[].libc": ["family", "version"],
  "targets.[].unreached.[]": ["name", "reason", "insideBuildOf"],
  "targets.[].packages.[]": ["name", "status", "kind", "version", "filename", "tag", "compiles", "reason", "miss", "alternative", "sizeBytes", "line", "requested", "requiredBy", "via", "dependenciesUnknown"],
  "targets.[].packages.[].miss": ["kind", "detail"],
  "targets.[].packages.[].alternative": ["version", "filename", "tag", "satisfiesSpecifier"],
  "targets.[].packages.[].requiredBy.[]": ["project", "version", "requirement"],
  "targets.[].skipped.[]": ["name", "line", "marker"],
  "targets.[].builds.[]": ["name", "version", "insideBuildOf", "requires", "dynamic", "backend", "basis", "source", "confidence", "note", "packages", "explanation"],
  "targets.[].compiles.[]": ["name", "version", "buildRequirement", "forBuildOf"],
  "targets.[].summary": ["packages", "wheels", "sdists", "none", "unknown", "direct", "compiles"],
  "targets.[].sysdeps": ["manager", "build", "runtime", "env", "missingAtRuntime", "perPackage"],
  "targets.[].estimate": ["parameters", "buildSeconds", "imageBytes", "breakdown", "notes"],
  "targets.[].estimate.breakdown.build.[]": ["part", "category", "lowSeconds", "highSeconds", "basis"],
  "targets.[].estimate.breakdown.size.[]": ["part", "category", "bytes", "stage", "basis"],
  "targets.[].dockerfile": ["text", "lines", "warnings"],
  "targets.[].dockerfile.lines.[]": ["text", "note"],
  estimateParameters: ["cores", "networkMBps", "cache", "emulated"],
  recommendation: ["base", "arch", "why", "ranking"],
  "recommendation.ranking.[]": ["base", "arch", "out"],
  "errors.[]": ["subject", "message"],
};

// What v4 replaced (an analysis covers several architectures), and by what.
const REPLACED_IN_V4: Record<string, { field: string; by: string; why: string }[]> = {
  estimateParameters: [{ field: "emulated", by: "buildHost", why: "emulation follows per target from where the build runs" }],
  recommendation: [{ field: "arch", by: "archs", why: "the recommended image is for every architecture asked for" }],
  "recommendation.ranking.[]": [{ field: "arch", by: "archs", why: "one entry per image, not per target" }],
};

describe("the report contract", () => {
  it("imports nothing but zod: the engine can change without changing the JSON", () => {
    const source = readFileSync(path.join(__dirname, "report.ts"), "utf8");
    const imports = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toEqual(["zod"]);
  });

  it("names the request's architectures and build hosts, no more and no fewer", () => {
    expect(at(["archs", "[]"]).enum).toEqual([...ARCHES]);
    expect(Object.keys(BUILD_HOST_CODES)).toEqual([...BUILD_HOSTS]);
    expect(at(["estimateParameters", "buildHost"]).enum).toEqual([...BUILD_HOSTS]);
  });

  it.each(Object.entries(V2_FIELDS))("keeps every v2 field of %s, required, under its v2 name (but what v4 replaced)", (where, fields) => {
    const node = at(where === "" ? [] : where.split("."));
    const replaced = REPLACED_IN_V4[where] ?? [];
    for (const field of fields) {
      const replacement = replaced.find((r) => r.field === field);
      if (replacement) {
        expect(node.required, `${where}.${field} → ${replacement.by}`).not.toContain(field);
        expect(node.required, `${where}.${replacement.by}`).toContain(replacement.by);
      } else expect(node.required, `${where}.${field}`).toContain(field);
    }
  });

  it("keeps v2's optional sizeHint optional", () => {
    const pkg = at(["targets", "[]", "packages", "[]"]);
    expect(pkg.properties).toHaveProperty("sizeHint");
    expect(pkg.required).not.toContain("sizeHint");
  });

  it("names the input formats lib/inputs reads, no more and no fewer", () => {
    expect(at(["input", "kind"]).enum).toEqual([...INPUT_KINDS]);
    expect(at(["input", "detectedKind"]).enum).toEqual([...INPUT_KINDS]);
    expect(at(["input", "lock", "kind"]).enum).toEqual([...LOCK_KINDS]);
  });

  it("is schema version 5, which adds the input, the locked mode, each target's lock and each compile's optional parts, and keeps every v4 field", () => {
    expect(REPORT_SCHEMA_VERSION).toBe(5);
    expect(at(["schemaVersion"])).toMatchObject({ const: 5 });
    expect(at(["mode"]).enum).toEqual(["resolved", "direct", "locked"]);
    expect(at([]).required).toContain("input");
    expect(at(["input"]).required).toEqual(["kind", "detectedKind", "fileName", "files", "lock", "translations", "extras", "groups"]);
    expect(at(["targets", "[]"]).required).toContain("lock");
    expect(at(["requirements", "[]"]).required).toContain("file");
    expect(at(["diagnostics", "[]"]).required).toContain("file");
    expect(at(["targets", "[]"]).required).toEqual(expect.arrayContaining(["support", "blockerCode", "compiles"]));
    expect(at(["targets", "[]", "compiles", "[]"]).required).toEqual(expect.arrayContaining(["enables", "optionalParts"]));
    expect(at(["targets", "[]", "compiles", "[]", "enables", "[]"]).required).toEqual(["code", "feature"]);
    expect(at(["targets", "[]", "compiles", "[]", "optionalParts", "[]"]).required).toEqual(["code", "feature", "packages", "enabled"]);
    expect(at(["targets", "[]", "compiles", "[]", "optionalParts", "[]", "packages"]).required).toEqual(["build", "runtime"]);
  });

  it("publishes every closed set of codes as an enum, each code with its meaning", () => {
    const enums: { values: string[]; description: string }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const record = node as Record<string, unknown>;
        if (Array.isArray(record.enum)) enums.push({ values: record.enum as string[], description: String(record.description ?? "") });
        Object.values(record).forEach(walk);
      }
    };
    walk(schema);
    for (const [field, codes] of Object.entries(REPORT_CODES)) {
      const keys = Object.keys(codes).sort().join(" ");
      const published = enums.filter((e) => [...e.values].sort().join(" ") === keys);
      expect(published.length, field).toBeGreaterThan(0);
      for (const { description } of published) for (const [code, meaning] of Object.entries(codes)) expect(description, field).toContain(`- ${code}: ${meaning}`);
    }
  });

  it("compiles with a standard JSON Schema (2020-12) validator in strict mode", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(() => new Ajv2020({ strict: true }).compile(reportJsonSchema())).not.toThrow();
    expect(JSON.parse(reportJsonSchemaText())).toEqual(reportJsonSchema());
  });
});

describe("validation", () => {
  const pkg = {
    name: "six", status: "wheel", kind: "wheel", version: "1.16.0", filename: "six-1.16.0-py2.py3-none-any.whl",
    tag: "py3-none-any", tagParts: { interpreter: "py3", abi: "none", platform: "any" }, compiles: false,
    reason: "pip installs the py3-none-any wheel of 1.16.0.", code: null, miss: null, alternative: null, sizeBytes: 11000,
    line: 1, requested: true, requiredBy: [{ project: null, version: null, requirement: "six" }], via: [],
    dependenciesUnknown: null, dependenciesUnknownCode: null, buildTable: null,
  };
  const unknown = { ...pkg, status: "unknown", kind: null, version: null, filename: null, tag: null, tagParts: null, reason: "unknown: timeout", code: "timeout", sizeBytes: null };
  const dockerfile = { text: "FROM x\n", lines: [{ text: "FROM x", note: "" }], warnings: [], stages: [{ name: null, role: "final", from: "x", firstLine: 0, lastLine: 0, osPackages: [] }], multiStage: false };
  const estimate = {
    parameters: { cores: 4, networkMBps: 50, cache: "cold", buildHost: "native", emulated: false }, buildSeconds: { low: 1, high: 2 },
    imageBytes: { multiStage: 1, singleStage: 1 }, breakdown: { build: [], size: [] }, notes: [],
  };
  const target = {
    base: "python:3.12-slim-bookworm", requestedAs: "python:3.12-slim-bookworm", resolvedNote: null, arch: "amd64", python: "3.12.7",
    libc: { family: "glibc", version: "2.36" }, os: "debian 12", packageManager: "apt",
    support: { endOfLife: "2028-06-30", ended: false, cause: "os", successor: null, sources: ["Debian LTS"] }, resolution: { ok: true }, unreached: [],
    packages: [pkg, unknown], skipped: [], builds: [], compiles: [],
    summary: { packages: 2, wheels: 1, sdists: 0, none: 0, unknown: 1, direct: 0, compiles: 0 },
    sysdeps: { manager: "apt", build: [], runtime: [], env: [], missingAtRuntime: [], perPackage: [] },
    estimate, dockerfile, builder: null, blocker: null, blockerCode: null, lock: null,
  };
  const input = { kind: "requirements", detectedKind: "requirements", fileName: null, files: [], lock: null, translations: [], extras: { chosen: [], available: [] }, groups: { chosen: [], available: [] } };
  const lockInput = {
    ...input, kind: "uv-lock", detectedKind: "uv-lock", fileName: "uv.lock",
    lock: { kind: "uv-lock", formatVersion: "1", createdBy: null, requiresPython: ">=3.9", pins: 3, environments: [] },
  };
  const targetLock = {
    skipped: [{ name: "appnope", version: "0.1.4", line: 12, marker: "sys_platform == 'darwin'" }],
    differing: [{ name: "numpy", version: "1.26.4", line: 20, marker: "python_version < '3.13'", notOn: [{ base: "python:3.13-slim-bookworm", arch: "amd64" }] }],
  };
  const report = {
    schemaVersion: 5, generatedAt: "2026-01-01T00:00:00.000Z", asOf: "2026-01-01T00:00:00.000Z", undatedFiles: 0, mode: "resolved", input,
    index: { host: "pypi.org" }, requirements: [], options: { pre: false, preferBinary: false, onlyBinary: [], noBinary: [], requireHashes: false },
    diagnostics: [], archs: ["amd64"], targets: [target], estimateParameters: { cores: 4, networkMBps: 50, cache: "cold", buildHost: "native" }, recommendation: null, errors: [],
  };
  const withTarget = (change: Record<string, unknown>) => ({ ...report, targets: [{ ...target, ...change }] });
  const withPackage = (change: Record<string, unknown>) => withTarget({ packages: [{ ...pkg, ...change }] });

  it("accepts a well-formed report", () => {
    expect(reportProblems(report)).toEqual([]);
  });

  it("accepts a lock file's report: mode locked, its summary, each target's pins", () => {
    expect(reportProblems({ ...withTarget({ lock: targetLock }), mode: "locked", input: lockInput })).toEqual([]);
  });

  it.each([
    { what: "a v3 report", value: { ...report, schemaVersion: 3 }, at: "schemaVersion" },
    { what: "a v4 report (no input)", value: { ...report, schemaVersion: 4, input: undefined }, at: "schemaVersion" },
    { what: "an input kind outside the closed set", value: { ...report, input: { ...input, kind: "setup.py" } }, at: "input.kind" },
    { what: "a lock summary of a kind that is no lock", value: { ...report, input: { ...lockInput, lock: { ...lockInput.lock, kind: "pyproject" } } }, at: "input.lock.kind" },
    { what: "a target without its lock field", value: withTarget({ lock: undefined }), at: "targets.0.lock" },
    { what: "the v3 emulated switch instead of a build host", value: { ...report, estimateParameters: { cores: 4, networkMBps: 50, cache: "cold", emulated: false } }, at: "estimateParameters.buildHost" },
    { what: "a build host outside the closed set", value: { ...report, estimateParameters: { ...report.estimateParameters, buildHost: "raspberry-pi" } }, at: "estimateParameters.buildHost" },
    {
      what: "a v3 recommendation (one arch)",
      value: { ...report, recommendation: { base: "python:3.12-slim-bookworm", arch: "amd64", why: "", ranking: [] } },
      at: "recommendation.archs",
    },
    { what: "an unknown package without a code", value: withPackage({ ...unknown, code: null }), at: "targets.0.packages.0.code" },
    { what: "a wheel with a code", value: withPackage({ code: "timeout" }), at: "targets.0.packages.0.code" },
    { what: "a code outside the closed set", value: withPackage({ ...unknown, code: "flaky" }), at: "targets.0.packages.0.code" },
    { what: "dependencies unknown without a code", value: withPackage({ dependenciesUnknown: "the index offers no metadata" }), at: "targets.0.packages.0.dependenciesUnknownCode" },
    { what: "a tag without its parts", value: withPackage({ tagParts: null }), at: "targets.0.packages.0.tagParts" },
    { what: "the build table's word on a package that was checked", value: withPackage({ buildTable: { kind: "native", everyRelease: true } }), at: "targets.0.packages.0.buildTable" },
    { what: "a blocker without a code", value: withTarget({ blocker: "pip finds no set of versions that works here" }), at: "targets.0.blockerCode" },
    { what: "multiStage that is not the stages", value: withTarget({ dockerfile: { ...dockerfile, multiStage: true } }), at: "targets.0.dockerfile.multiStage" },
    { what: "a field the contract does not have (an engine detail leaking out)", value: withPackage({ specifierSet: {} }), at: "targets.0.packages.0" },
  ])("refuses $what", ({ value, at: where }) => {
    expect(reportProblems(value).map((p) => p.split(":")[0])).toContain(where);
  });

  it("the published schema accepts fields added later within version 5, which the server's own check refuses", () => {
    const validate = new Ajv2020({ strict: true }).compile(reportJsonSchema());
    const later = withPackage({ addedInThreePointOne: true });
    expect(validate(report)).toBe(true);
    expect(validate(later)).toBe(true);
    expect(reportProblems(later)).not.toEqual([]);
  });
});
