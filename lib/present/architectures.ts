/**
 * Several CPU architectures in one analysis, in words: which were asked for, where `docker build`
 * runs and which targets that emulates (and what emulation costs), and an image's targets gathered
 * side by side. Small and free of the report's engine: the form (a client island) reads it too.
 */
import type { Arch, BuildHost } from "@/lib/contract/request";
import { BUILD_HOST_ARCH, runsEmulated } from "@/lib/contract/request-limits";
import { EMULATION } from "@/lib/estimate/parameters";

/** "amd64 and arm64" inside a sentence. */
function both(archs: readonly Arch[]): string {
  return archs.join(" and ");
}

/** "amd64 + arm64", "arm64" */
export function archsLabel(archs: readonly Arch[]): string {
  return archs.join(" + ");
}

/** Said beside the architecture checkboxes when none is ticked. */
export const ARCHS_REQUIRED = "Pick at least one architecture.";

/** The build host select's options. */
export const BUILD_HOST_LABEL: Record<BuildHost, string> = {
  native: "Each architecture on its own hardware (no emulation)",
  "mac-arm64": "Apple-silicon Mac (Docker Desktop)",
  "ci-amd64": "amd64 CI runner",
  "ci-arm64": "arm64 CI runner",
};

/** The host inside a sentence: "built on an amd64 CI runner". */
export const BUILD_HOST_PHRASE: Record<BuildHost, string> = {
  native: "each architecture's own hardware",
  "mac-arm64": "an Apple-silicon Mac (Docker Desktop)",
  "ci-amd64": "an amd64 CI runner",
  "ci-arm64": "an arm64 CI runner",
};

const [compileLow, compileHigh] = EMULATION.compile;
const [otherLow, otherHigh] = EMULATION.other;

/** What emulation costs, from the estimate's measured factors (lib/estimate/parameters.ts). */
export const EMULATION_COST = `compiles ×${compileLow}–${compileHigh} under QEMU, pip and apt ×${otherLow}–${otherHigh}`;

/** The word that marks an emulated target. */
export const EMULATED = "emulated";

/** An emulated target's mark with its cost: "emulated: compiles ×6–10 under QEMU, pip and apt ×3–6". */
export const EMULATED_NOTE = `${EMULATED}: ${EMULATION_COST}`;

/** The architectures that run under emulation on this host, in the order asked. */
export function emulatedArchs(host: BuildHost, archs: readonly Arch[]): Arch[] {
  return archs.filter((arch) => runsEmulated(host, arch));
}

/**
 * The build host select's one-line hint: which of the ticked architectures are emulated there, and
 * what that costs. "arm64 is emulated on an amd64 CI runner: compiles ×6–10 under QEMU, pip and apt ×3–6."
 */
export function buildHostHint(host: BuildHost, archs: readonly Arch[]): string {
  const emulated = emulatedArchs(host, archs);
  if (emulated.length === 0) {
    const hostArch = BUILD_HOST_ARCH[host];
    return hostArch === null || archs.length === 0 ? "Nothing is emulated: each architecture builds on its own hardware." : `Nothing is emulated: ${both(archs)} build${archs.length === 1 ? "s" : ""} natively on ${BUILD_HOST_PHRASE[host]}.`;
  }
  return `${both(emulated)} ${emulated.length === 1 ? "is" : "are"} emulated on ${BUILD_HOST_PHRASE[host]}: ${EMULATION_COST}.`;
}

/** The end of "Estimates for 4 cores, …": where the build runs, when it matters; "" when nothing is emulated on a native host. */
export function buildHostBasis(host: BuildHost, archs: readonly Arch[]): string {
  if (host === "native") return "";
  const emulated = emulatedArchs(host, archs);
  return `, built on ${BUILD_HOST_PHRASE[host]}${emulated.length ? ` (${both(emulated)} emulated)` : ""}`;
}

/** An image and its targets, one per architecture, in the order the architectures were asked for. */
export interface ImageGroup<T> {
  base: string;
  targets: T[];
}

/**
 * Targets gathered by image, images in the order they first appear, each image's targets in `archs`
 * order (then any other, as they came). The report already keeps an image's targets adjacent; this
 * does not rely on it.
 */
export function groupByImage<T extends { base: string; arch: Arch }>(targets: readonly T[], archs: readonly Arch[] = []): ImageGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const t of targets) groups.set(t.base, [...(groups.get(t.base) ?? []), t]);
  const order = (arch: Arch) => {
    const i = archs.indexOf(arch);
    return i === -1 ? archs.length : i;
  };
  return [...groups].map(([base, list]) => ({ base, targets: list.map((t, i) => ({ t, i })).sort((a, b) => order(a.t.arch) - order(b.t.arch) || a.i - b.i).map(({ t }) => t) }));
}

/** "Not published for arm64": an image without a target for an architecture asked for. */
export function notPublishedNote(arch: Arch): string {
  return `Not published for ${arch}`;
}

/** The Dockerfile view's note when every architecture gets the same file: "The amd64 and arm64 Dockerfiles are identical." */
export function identicalDockerfilesNote(archs: readonly Arch[]): string {
  return `The ${archs.join(" and ")} Dockerfiles are identical.`;
}

/** The arch picker's accessible name, e.g. "Dockerfile for which architecture". */
export const DOCKERFILE_ARCH_PICKER = "Dockerfile for which architecture";
