import { describe, expect, it } from "vitest";
import { onCores } from "./build-time";
import { compileCost } from "./compile-costs";
import { SEED_ALPINE, SEED_BULLSEYE } from "./fixtures/seed";
import { estimate, withDefaults } from "./index";
import type { EstimateInput } from "./types";

const part = (result: ReturnType<typeof estimate>, prefix: string) => result.breakdown.build.find((p) => p.part.startsWith(prefix));

describe("estimate", () => {
  it("gives a low–high build time made of its parts, and both image sizes", () => {
    const result = estimate(SEED_ALPINE);
    const sum = (key: "lowSeconds" | "highSeconds") => Math.round(result.breakdown.build.reduce((t, p) => t + p[key], 0));
    expect(result.buildSeconds).toEqual({ low: sum("lowSeconds"), high: sum("highSeconds") });
    expect(result.buildSeconds.low).toBeLessThan(result.buildSeconds.high);
    expect(result.breakdown.build.map((p) => p.part.split(": ")[0])).toEqual([
      "pull python:3.10.8-alpine3.17",
      "OS build dependencies",
      "OS runtime libraries (final stage)",
      "downloads",
      "install 8 package(s)",
      "build environments (3)",
      "compile numpy 1.21.6 (build requirement)",
      "compile numpy 1.23.5",
      "compile pandas 1.5.2",
    ]);
    const only = result.breakdown.size.filter((p) => p.stage === "single-stage only").reduce((t, p) => t + p.bytes, 0);
    expect(result.imageBytes.singleStage - result.imageBytes.multiStage).toBe(only);
    expect(result.breakdown.size.find((p) => p.part.startsWith("compilers"))?.bytes).toBeGreaterThan(100e6);
  });

  it("parallel builds scale with cores (a quarter stays serial); setuptools builds do not", () => {
    expect(onCores([100, 200], true, 4)).toEqual([100, 200]);
    expect(onCores([100, 200], true, 8)).toEqual([62.5, 125]);
    expect(onCores([100, 200], true, 1)).toEqual([325, 650]);
    expect(onCores([100, 200], false, 16)).toEqual([100, 200]);
    expect(compileCost("numpy", "1.23.5", ["c"])).toMatchObject({ parallel: false, measured: true });
    expect(compileCost("numpy", "2.0.0", ["c"])).toMatchObject({ parallel: true, measured: true });
    // Pillow's build_ext runs one compile job per CPU: its compile uses the cores given.
    expect(compileCost("Pillow", "10.4.0", ["c"])).toMatchObject({ parallel: true, measured: true });
    const pillow: EstimateInput = { ...SEED_BULLSEYE, compiles: [{ name: "pillow", version: "10.4.0", buildRequirement: false, toolchains: ["c"] }] };
    const onTwo = part(estimate(pillow, { cores: 2 }), "compile pillow 10.4.0");
    const onSixteen = part(estimate(pillow, { cores: 16 }), "compile pillow 10.4.0");
    expect(onSixteen?.highSeconds).toBeLessThan((onTwo?.highSeconds ?? 0) / 2);
  });

  it("unknown packages get a generic cost by their heaviest toolchain, labelled", () => {
    expect(compileCost("unheard-of", "1.0", ["c", "rust"])).toMatchObject({ measured: false, seconds: [60, 300] });
    expect(compileCost("unheard-of", "1.0", [])).toMatchObject({ measured: false, seconds: [2, 10] });
    const input: EstimateInput = { ...SEED_BULLSEYE, compiles: [{ name: "unheard-of", version: "1.0", buildRequirement: false, toolchains: ["c"] }] };
    expect(part(estimate(input), "compile unheard-of")?.basis).toMatch(/^no measurement: generic C extension/);
  });

  it("arm64 on an amd64 host is emulated: compiles ×6–10, said in the notes; the host's own arch is not", () => {
    const arm: EstimateInput = { ...SEED_ALPINE, image: { ...SEED_ALPINE.image, arch: "arm64" } };
    const native = estimate(arm);
    const emulated = estimate(arm, { buildHost: "ci-amd64" });
    expect(native.parameters).toMatchObject({ buildHost: "native", emulated: false });
    expect(emulated.parameters).toMatchObject({ buildHost: "ci-amd64", emulated: true });
    // Each host emulates exactly the other architecture.
    expect(estimate(arm, { buildHost: "ci-arm64" }).parameters.emulated).toBe(false);
    expect(estimate(arm, { buildHost: "mac-arm64" }).parameters.emulated).toBe(false);
    expect(estimate(SEED_ALPINE, { buildHost: "mac-arm64" }).parameters.emulated).toBe(true);
    expect(estimate(SEED_ALPINE, { buildHost: "ci-amd64" }).parameters.emulated).toBe(false);
    const n = part(native, "compile pandas");
    const e = part(emulated, "compile pandas");
    expect(e?.lowSeconds).toBeCloseTo((n?.lowSeconds ?? 0) * 6, 0);
    expect(e?.highSeconds).toBeCloseTo((n?.highSeconds ?? 0) * 10, 0);
    expect(emulated.notes.join(" ")).toMatch(/QEMU .* 6–10/);
    expect(part(emulated, "compile pandas")?.basis).toMatch(/×6–10 under emulation/);
  });

  it("warm cache: no pull, no OS packages, no downloads, no compiles — only the installs", () => {
    const warm = estimate(SEED_ALPINE, { cache: "warm" });
    expect(warm.breakdown.build.map((p) => p.part)).toEqual(["install 8 package(s)"]);
    expect(warm.buildSeconds.high).toBeLessThan(60);
    expect(warm.notes.join(" ")).toMatch(/Warm cache: the 3 wheel\(s\) pip built before/);
  });

  it("a slower network stretches pull and downloads", () => {
    const fast = estimate(SEED_BULLSEYE);
    const slow = estimate(SEED_BULLSEYE, { networkMBps: 5 });
    expect(part(slow, "pull")?.lowSeconds).toBeGreaterThan((part(fast, "pull")?.lowSeconds ?? 0) * 5);
    expect(part(slow, "downloads")?.lowSeconds).toBeCloseTo((part(fast, "downloads")?.lowSeconds ?? 0) * 10, 0);
  });

  it("sizes the index does not give are assumed, counted and said", () => {
    const input: EstimateInput = { ...SEED_BULLSEYE, packages: SEED_BULLSEYE.packages.map((p) => (p.name === "six" ? { ...p, downloadBytes: null } : p)) };
    const result = estimate(input);
    expect(part(result, "downloads")?.part).toContain("(1 size(s) estimated)");
    expect(result.notes.join(" ")).toMatch(/1 download size\(s\) not given by the index: 1 MB assumed/);
  });

  it("an image without size data: not counted, and said", () => {
    const input: EstimateInput = { ...SEED_BULLSEYE, image: { ...SEED_BULLSEYE.image, uncompressedBytes: null, compressedBytes: null } };
    const result = estimate(input);
    expect(result.breakdown.size[0]).toMatchObject({ bytes: 0, basis: "unknown: not counted" });
    expect(result.notes.join(" ")).toMatch(/no image size in the data/);
  });

  it("parameters: defaults, and out-of-range values clamped", () => {
    expect(withDefaults({})).toEqual({ cores: 4, networkMBps: 50, cache: "cold", buildHost: "native" });
    expect(withDefaults({ cores: 0, networkMBps: 1e9 })).toMatchObject({ cores: 1, networkMBps: 10_000 });
    expect(withDefaults({ cores: undefined })).toMatchObject({ cores: 4 });
  });
});
