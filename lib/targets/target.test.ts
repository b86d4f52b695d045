import { describe, expect, it } from "vitest";
import { makeTarget, markerEnvironment, parseArch, resolveBaseImage, resolveTarget, type BaseImage } from "./index";

function image(reference: string): BaseImage {
  const resolved = resolveBaseImage(reference);
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.image;
}

// [reference, arch, python_version, python_full_version, platform_machine, libc]
const MARKERS: Array<[string, "amd64" | "arm64", string, string, "x86_64" | "aarch64", string]> = [
  ["python:3.12-slim-bookworm", "amd64", "3.12", "3.12.14", "x86_64", "glibc 2.36"],
  ["python:3.12-slim-bookworm", "arm64", "3.12", "3.12.14", "aarch64", "glibc 2.36"],
  ["python:3.10.8-alpine3.17", "amd64", "3.10", "3.10.8", "x86_64", "musl 1.2.3"],
  ["python:3.10.8-bullseye", "arm64", "3.10", "3.10.8", "aarch64", "glibc 2.31"],
  ["python:3.14-slim-trixie", "arm64", "3.14", "3.14.7", "aarch64", "glibc 2.41"],
  ["gcr.io/distroless/python3-debian12", "amd64", "3.11", "3.11.2", "x86_64", "glibc 2.36"],
  ["ubuntu:24.04", "arm64", "3.12", "3.12", "aarch64", "glibc 2.39"],
  ["python:3.9-alpine3.12", "amd64", "3.9", "3.9", "x86_64", "musl 1.1.24"],
];

describe("makeTarget and markerEnvironment", () => {
  it.each(MARKERS)("%s on %s", (reference, arch, pythonVersion, fullVersion, machine, libc) => {
    const made = makeTarget(image(reference), arch);
    if (!made.ok) throw new Error(made.error);
    expect(made.target.arch).toBe(arch);
    expect(made.target.machine).toBe(machine);
    expect(made.target.pythonVersion).toBe(fullVersion);
    expect(`${made.target.libc.family} ${made.target.libc.version}`).toBe(libc);
    expect(markerEnvironment(made.target)).toEqual({
      python_version: pythonVersion,
      python_full_version: fullVersion,
      implementation_name: "cpython",
      implementation_version: fullVersion,
      platform_python_implementation: "CPython",
      sys_platform: "linux",
      platform_system: "Linux",
      platform_machine: machine,
      platform_release: "",
      platform_version: "",
      os_name: "posix",
    });
  });

  it("refuses an arch the image is not published for", () => {
    const amd64Only: BaseImage = { ...image("python:3.12-slim-bookworm"), reference: "example/amd64-only:1", archs: ["amd64"], platforms: ["linux/amd64"] };
    expect(makeTarget(amd64Only, "arm64")).toEqual({ ok: false, error: "example/amd64-only:1 is not published for arm64 (published for: linux/amd64)." });
    expect(makeTarget(amd64Only, "amd64").ok).toBe(true);
  });

  it("takes the libc of the target's arch", () => {
    const split: BaseImage = { ...image("ubuntu:22.04"), libc: { family: "glibc", version: "2.35", byArch: { amd64: "2.35", arm64: "2.34" } } };
    const made = makeTarget(split, "arm64");
    expect(made.ok && made.target.libc).toEqual({ family: "glibc", version: "2.34" });
  });
});

describe("parseArch and resolveTarget", () => {
  it.each([
    ["amd64", "amd64"],
    ["x86_64", "amd64"],
    ["linux/amd64", "amd64"],
    ["ARM64", "arm64"],
    ["aarch64", "arm64"],
    ["linux/arm64/v8", "arm64"],
  ])("reads %s as %s", (input, arch) => {
    expect(parseArch(input)).toEqual({ ok: true, arch });
  });

  it.each(["riscv64", "armv7", "linux/arm/v7", "s390x", ""])("refuses %j", (input) => {
    const parsed = parseArch(input);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/Basewise predicts for amd64 \(x86_64\) and arm64 \(aarch64\)/);
  });

  it("resolves reference and arch together, keeping the floating-tag note", () => {
    const result = resolveTarget("python:3.12-slim", "aarch64");
    if (!result.ok) throw new Error(result.error);
    expect(result.target.image.reference).toBe("python:3.12-slim-trixie");
    expect(result.target.machine).toBe("aarch64");
    expect(result.resolvedFrom).toMatch(/as of 2026-09/);
  });

  it("reports an unknown reference or arch with suggestions", () => {
    expect(resolveTarget("python:3.12-slim-trixie", "riscv64")).toMatchObject({ ok: false, suggestions: ["amd64", "arm64"] });
    const unknown = resolveTarget("pyhton:3.12-slim", "amd64");
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.suggestions[0]).toBe("python:3.12-slim");
  });
});

