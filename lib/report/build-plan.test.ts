import { describe, expect, it } from "vitest";
import { argumentsOf, envOf, ruleViolations, runsOf, stagesOf, type Stage } from "@/lib/dockerfile/rules.test-support";
import { rankedTags } from "@/lib/tags";
import { resolveTarget } from "@/lib/targets";
import { buildPlan, type BuildPlan } from "./build-plan";
import { tagTargetOf } from "./image-context";
import type { CompiledPackage, TargetPackage } from "./types";

// Representative requirement sets, from resolution to Dockerfile: every generated Dockerfile is
// parsed with a real Dockerfile parser (dockerfile-ast) and checked against the rules, then against
// what this set needs.

function target(reference: string, arch: "amd64" | "arm64" = "amd64") {
  const resolved = resolveTarget(reference, arch);
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.target;
}

function pkg(name: string, version: string, kind: "wheel" | "sdist", tag: string | null = kind === "wheel" ? "py3-none-any" : null): TargetPackage {
  return {
    name, version, kind, status: kind, tag, matchedTag: null, filename: null, file: null, compiles: kind === "sdist", reason: "", miss: null, alternative: null, sizeBytes: 1_000_000,
    line: null, requested: true, requiredBy: [], via: [], dependenciesUnknown: null,
  };
}

function compile(name: string, version: string, buildRequirement = false): CompiledPackage {
  return { name, version, buildRequirement, forBuildOf: buildRequirement ? ["pandas 1.5.2"] : [] };
}

/** Each wheel's tag is given as text; a verdict carries it as one of the image's own tags (a value), as here. */
function plan(reference: string, packages: TargetPackage[], arch: "amd64" | "arm64" = "amd64"): BuildPlan {
  const image = target(reference, arch);
  const imageTags = rankedTags(tagTargetOf(image)).byText;
  const verdicts = packages.map((p) => (p.tag === null ? p : { ...p, matchedTag: imageTags.get(p.tag) ?? null }));
  const compiles = verdicts.filter((p) => p.kind === "sdist").map((p) => compile(p.name, p.version ?? ""));
  return buildPlan(image, verdicts, compiles, {});
}

/** The rules every generated Dockerfile keeps (parsed with dockerfile-ast); the stages to look into. */
function checkRules(generated: BuildPlan["dockerfile"], compiles: boolean): Stage[] {
  expect(ruleViolations(generated, { compiles })).toEqual([]);
  return stagesOf(generated.text);
}

const runs = runsOf;
const envs = envOf;
const args = argumentsOf;

describe("recommended Dockerfiles", () => {
  it("a pure-Python Flask app on slim: one stage, nothing compiled", () => {
    const result = plan("python:3.12-slim-bookworm", [pkg("flask", "3.0.0", "wheel"), pkg("werkzeug", "3.0.1", "wheel"), pkg("jinja2", "3.1.2", "wheel")]);
    const all = checkRules(result.dockerfile, false);
    expect(all).toHaveLength(1);
    expect(all[0]?.from).toBe("python:3.12-slim-bookworm");
    expect(runs(all[0])).not.toMatch(/apt-get/);
    expect(result.sysdeps.build).toEqual([]);
    expect(result.estimate.imageBytes.multiStage).toBeLessThan(result.estimate.imageBytes.singleStage);
  });

  it("Django + psycopg2 on slim: builder with libpq-dev and gcc, libpq5 stays, with the reason", () => {
    const result = plan("python:3.12-slim-bookworm", [pkg("django", "4.2.7", "wheel"), pkg("psycopg2", "2.9.9", "sdist")]);
    const [builder, final] = checkRules(result.dockerfile, true);
    expect(runs(builder)).toMatch(/apt-get install -y --no-install-recommends .*\bgcc\b.*\blibpq-dev\b/s);
    expect(runs(final)).toMatch(/apt-get install -y --no-install-recommends libpq5\b/);
    const runtimeLine = result.dockerfile.lines.find((l) => /libpq5/.test(l.text));
    expect(runtimeLine?.note).toContain("libpq5 stays: psycopg2 2.9.9 loads it at run time");
    expect(result.dockerfile.text).toContain("COPY --from=builder /opt/venv /opt/venv");
  });

  it("Django + psycopg2 on Alpine: apk names, libpq at run time", () => {
    const result = plan("python:3.12-alpine3.20", [pkg("django", "4.2.7", "wheel"), pkg("psycopg2", "2.9.9", "sdist")]);
    const [builder, final] = checkRules(result.dockerfile, true);
    expect(runs(builder)).toMatch(/apk add --no-cache .*\bgcc\b.*\bmusl-dev\b.*\blibpq-dev\b/);
    expect(runs(final)).toMatch(/^apk add --no-cache libpq$/m);
  });

  it("pandas and scipy on Alpine: C++, Fortran and OpenBLAS to build; their runtimes stay", () => {
    const result = plan("python:3.12-alpine3.20", [pkg("numpy", "1.26.4", "sdist"), pkg("pandas", "2.2.2", "sdist"), pkg("scipy", "1.13.1", "sdist")]);
    const [builder, final] = checkRules(result.dockerfile, true);
    expect(runs(builder)).toMatch(/\bg\+\+/);
    expect(runs(builder)).toMatch(/\bgfortran\b/);
    expect(runs(builder)).toMatch(/\bopenblas-dev\b/);
    expect(runs(final)).toMatch(/\blibstdc\+\+/);
    expect(runs(final)).toMatch(/\bopenblas\b/);
    expect(runs(final)).toMatch(/\blibgfortran\b/);
    expect(result.estimate.buildSeconds.high).toBeGreaterThan(10 * 60);
  });

  it("cryptography 3.4.x on Alpine: CRYPTOGRAPHY_DONT_BUILD_RUST in the builder, no Rust installed", () => {
    const result = plan("python:3.12-alpine3.20", [pkg("cryptography", "3.4.8", "sdist"), pkg("cffi", "1.16.0", "sdist")]);
    const [builder, final] = checkRules(result.dockerfile, true);
    expect(envs(builder)).toContain("CRYPTOGRAPHY_DONT_BUILD_RUST=1");
    expect(envs(final)).not.toContain("CRYPTOGRAPHY_DONT_BUILD_RUST");
    expect(runs(builder)).not.toMatch(/\bcargo\b|\brust\b/);
    expect(runs(builder)).toMatch(/\bopenssl-dev\b/);
    expect(runs(builder)).toMatch(/\blibffi-dev\b/);
  });

  it("cryptography 42 on Alpine: Rust, and no CRYPTOGRAPHY_DONT_BUILD_RUST (35.0 removed it)", () => {
    const result = plan("python:3.12-alpine3.20", [pkg("cryptography", "42.0.5", "sdist")]);
    const [builder] = checkRules(result.dockerfile, true);
    expect(runs(builder)).toMatch(/\bcargo\b/);
    expect(result.dockerfile.text).not.toContain("CRYPTOGRAPHY_DONT_BUILD_RUST");
  });

  it("a FastAPI app on arm64 Alpine where pydantic-core compiles: Rust in the builder only", () => {
    const result = plan("python:3.12-alpine3.20", [pkg("fastapi", "0.110.0", "wheel"), pkg("pydantic", "2.6.4", "wheel"), pkg("pydantic-core", "2.16.3", "sdist")], "arm64");
    const [builder, final] = checkRules(result.dockerfile, true);
    expect(runs(builder)).toMatch(/\bcargo\b/);
    expect(runs(final)).not.toMatch(/\bcargo\b/);
    const emulated = buildPlan(target("python:3.12-alpine3.20", "arm64"), [pkg("pydantic-core", "2.16.3", "sdist")], [compile("pydantic-core", "2.16.3")], { buildHost: "ci-amd64" });
    const native = buildPlan(target("python:3.12-alpine3.20", "arm64"), [pkg("pydantic-core", "2.16.3", "sdist")], [compile("pydantic-core", "2.16.3")], {});
    expect(emulated.estimate.buildSeconds.low).toBeGreaterThan(native.estimate.buildSeconds.low * 4);
    expect(emulated.estimate.notes.join(" ")).toMatch(/QEMU/);
  });

  it("an ML app (numpy, scikit-learn wheels) on distroless: built with Debian's python3, copied in, runs as nonroot", () => {
    const result = plan("gcr.io/distroless/python3-debian12", [pkg("numpy", "1.26.4", "wheel", "cp311-cp311-manylinux_2_17_x86_64"), pkg("scikit-learn", "1.4.2", "wheel", "cp311-cp311-manylinux_2_17_x86_64")]);
    const [builder, final] = checkRules(result.dockerfile, false);
    expect(builder?.from).toBe("debian:12-slim");
    expect(builder?.name).toBe("builder");
    expect(runs(builder)).toMatch(/python3-venv/);
    expect(runs(builder)).not.toMatch(/python3-dev|gcc/);
    expect(final?.from).toBe("gcr.io/distroless/python3-debian12");
    expect(runs(final)).toBe("");
    expect(result.dockerfile.text).toContain('ENTRYPOINT ["python3", "-m", "app"]');
    expect(result.dockerfile.warnings).toEqual([]);
  });

  it("psycopg2 on distroless: compiled in the builder, and a warning that libpq5 cannot be installed", () => {
    const result = plan("gcr.io/distroless/python3-debian12", [pkg("psycopg2", "2.9.9", "sdist")]);
    checkRules(result.dockerfile, true);
    expect(result.sysdeps.missingAtRuntime.map((p) => p.name)).toContain("libpq5");
    expect(result.dockerfile.warnings.join(" ")).toMatch(/libpq5.*psycopg2-binary/);
  });

  it("Ubuntu 24.04: Python from apt into a virtualenv (PEP 668); one stage when nothing compiles", () => {
    const result = plan("ubuntu:24.04", [pkg("requests", "2.31.0", "wheel")]);
    const [only, ...more] = checkRules(result.dockerfile, false);
    expect(more).toEqual([]);
    expect(runs(only)).toMatch(/install -y --no-install-recommends python3 python3-venv/);
    expect(runs(only)).toMatch(/python3 -m venv \/opt\/venv/);
  });

  it("UBI 9 with psycopg2: dnf names, root only to install, uid 1001 at the end", () => {
    const result = plan("registry.access.redhat.com/ubi9/python-312", [pkg("psycopg2", "2.9.9", "sdist")]);
    const [builder, final] = checkRules(result.dockerfile, true);
    expect(runs(builder)).toMatch(/dnf install -y .*libpq-devel/s);
    expect(runs(final)).toMatch(/dnf install -y libpq/);
    expect(final?.instructions.filter((i) => i.getKeyword() === "USER").map(args)).toEqual(["0", "1001"]);
  });

  it("mysqlclient 2.2 on slim: pkg-config and the MariaDB client library", () => {
    const result = plan("python:3.12-slim-bookworm", [pkg("mysqlclient", "2.2.4", "sdist")]);
    const [builder, final] = checkRules(result.dockerfile, true);
    expect(runs(builder)).toMatch(/\bpkgconf\b/);
    expect(runs(builder)).toMatch(/default-libmysqlclient-dev/);
    expect(runs(final)).toMatch(/libmariadb3/);
  });

  it("Debian release names: bullseye keeps libssl1.1, trixie libssl3t64", () => {
    const bullseye = plan("python:3.11-slim-bullseye", [pkg("cryptography", "42.0.5", "sdist")]);
    const trixie = plan("python:3.13-slim-trixie", [pkg("cryptography", "42.0.5", "sdist")]);
    expect(bullseye.sysdeps.runtime.map((p) => p.name)).toContain("libssl1.1");
    expect(trixie.sysdeps.runtime.map((p) => p.name)).toContain("libssl3t64");
  });

  it("wheels count as compiled code by the tag they matched: platform or ABI tags yes, none-any no", () => {
    const sitePackages = (reference: string, tag: string) => {
      const { estimate } = plan(reference, [pkg("example", "1.0", "wheel", tag)]);
      const part = (name: string) => estimate.breakdown.size.find((p) => p.part === `site-packages: ${name} packages`)?.bytes;
      return { compiled: part("compiled"), pure: part("pure-Python") };
    };
    for (const tag of ["cp312-cp312-manylinux_2_17_x86_64", "cp312-abi3-manylinux_2_17_x86_64", "cp312-none-manylinux_2_17_x86_64", "py3-none-linux_x86_64"]) {
      expect(sitePackages("python:3.12-slim-bookworm", tag)).toMatchObject({ pure: 0 });
      expect(sitePackages("python:3.12-slim-bookworm", tag).compiled).toBeGreaterThan(0);
    }
    for (const tag of ["py3-none-any", "cp312-none-any", "py312-none-any"]) {
      expect(sitePackages("python:3.12-slim-bookworm", tag)).toMatchObject({ compiled: 0 });
      expect(sitePackages("python:3.12-slim-bookworm", tag).pure).toBeGreaterThan(0);
    }
    expect(sitePackages("python:3.12-alpine3.20", "cp312-cp312-musllinux_1_2_x86_64").compiled).toBeGreaterThan(0);
  });

  it("takes the builder, the libraries distroless carries and Ubuntu's python3 from the catalog entry", () => {
    const distroless = plan("gcr.io/distroless/python3-debian13", [pkg("psycopg2", "2.9.9", "sdist"), pkg("cffi", "1.16.0", "sdist"), pkg("cryptography", "3.3", "sdist")]);
    expect(distroless.builder).toBe("debian:13-slim");
    const missing = distroless.sysdeps.missingAtRuntime.map((p) => p.name);
    expect(missing).toContain("libpq5");
    expect(missing).not.toContain("libffi8");
    expect(missing).not.toContain("libssl3t64");
    expect(distroless.sysdeps.build.slice(0, 3).map((p) => p.name)).toEqual(["python3", "python3-venv", "python3-dev"]);
    const chainguard = plan("cgr.dev/chainguard/python:latest", [pkg("psycopg2", "2.9.9", "sdist")]);
    expect(chainguard.builder).toBe("cgr.dev/chainguard/python:latest-dev");
    expect(chainguard.sysdeps.manager).toBe("apk");
    const ubuntu = plan("ubuntu:22.04", [pkg("psycopg2", "2.9.9", "sdist")]);
    expect(ubuntu.builder).toBeNull();
    expect(ubuntu.sysdeps.runtime.slice(0, 2)).toEqual([{ name: "python3", neededBy: ["the image: ubuntu ships no Python"] }, { name: "python3-venv", neededBy: ["python3 -m venv"] }]);
    expect(ubuntu.sysdeps.build.slice(0, 3).map((p) => p.name)).toEqual(["python3", "python3-venv", "python3-dev"]);
  });

  it("an unknown package that compiles: a C toolchain, labelled as assumed", () => {
    const result = plan("python:3.12-slim-bookworm", [pkg("some-unknown-extension", "1.0", "sdist")]);
    checkRules(result.dockerfile, true);
    expect(result.sysdeps.build.map((p) => p.name)).toEqual(["gcc", "libc6-dev"]);
    expect(result.sysdeps.perPackage[0]).toMatchObject({ basis: "generic" });
    expect(result.sysdeps.perPackage[0]?.note).toMatch(/C toolchain is assumed/);
  });
});
