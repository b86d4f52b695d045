// Build-time and image-size estimates for one image's build, with their breakdown and basis.
import { buildTimeParts } from "./build-time";
import { imageSizeParts } from "./image-size";
import { runsEmulated } from "@/lib/contract/request-limits";
import { DEFAULT_PARAMETERS, PARAMETER_LIMITS, type EstimateOptions, type EstimateParameters } from "./parameters";
import type { Estimate, EstimateInput } from "./types";

export { compileCost, COMPILE_COST_TABLE, type CompileCost, type Toolchain } from "./compile-costs";
export { DEFAULT_PARAMETERS, PARAMETER_LIMITS, SOURCES as ESTIMATE_SOURCES, type EstimateOptions, type EstimateParameters } from "./parameters";
export type { Estimate, EstimateCompile, EstimateInput, EstimatePackage, SizeCategory, SizePart, TimeCategory, TimePart } from "./types";

export function estimate(input: EstimateInput, overrides: Partial<EstimateOptions> = {}): Estimate {
  const options = withDefaults(overrides);
  const parameters: EstimateParameters = { ...options, emulated: runsEmulated(options.buildHost, input.image.arch) };
  const time = buildTimeParts(input, parameters);
  const size = imageSizeParts(input);
  const sum = (key: "lowSeconds" | "highSeconds") => Math.round(time.parts.reduce((total, part) => total + part[key], 0));
  const multiStage = size.parts.filter((p) => p.stage === "both").reduce((total, p) => total + p.bytes, 0);
  const singleStage = size.parts.reduce((total, p) => total + p.bytes, 0);
  return {
    parameters,
    buildSeconds: { low: sum("lowSeconds"), high: sum("highSeconds") },
    // A base (or its distro Python) with no size: the sums leave it out, so they are no image size at all.
    imageBytes: input.image.uncompressedBytes === null || input.distroPython?.bytes === null ? { multiStage, singleStage, baseUnknown: true } : { multiStage, singleStage },
    breakdown: { build: time.parts, size: size.parts },
    notes: [...time.notes, ...size.notes],
  };
}

/** Defaults for what is not given; out-of-range values are clamped (the API validates first). */
export function withDefaults(overrides: Partial<EstimateOptions>): EstimateOptions {
  const merged = { ...DEFAULT_PARAMETERS, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as EstimateOptions;
  const clamp = (value: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, value));
  return { ...merged, cores: Math.round(clamp(merged.cores, PARAMETER_LIMITS.cores)), networkMBps: clamp(merged.networkMBps, PARAMETER_LIMITS.networkMBps) };
}
