/**
 * Preset comparisons for a Python version ("Debian slim vs Alpine vs distroless for my Python"),
 * built from the base-image catalog so they only ever name images Basewise knows.
 */
import { listBaseImages } from "./catalog";
import type { BaseImage } from "./types";

export interface Preset {
  id: string;
  label: string;
  bases: string[];
  /** When a preset had to use an image with another Python, it says so. */
  note: string | null;
}

const minorOf = (version: string) => version.split(".").slice(0, 2).join(".");

/** Python minors the official python images cover, newest first. */
export function pythonVersions(images: readonly BaseImage[] = listBaseImages()): string[] {
  const minors = new Set(images.filter((i) => i.reference.startsWith("python:")).map((i) => minorOf(i.python.version)));
  return [...minors].sort((a, b) => Number(b.split(".")[1]) - Number(a.split(".")[1]));
}

export function presetsFor(python: string, images: readonly BaseImage[] = listBaseImages()): Preset[] {
  // The catalog lists the newest distro release first for each variant.
  const official = images.filter((i) => i.reference.startsWith("python:") && minorOf(i.python.version) === python);
  const first = (variant: string) => official.find((i) => i.variant === variant)?.reference;
  const samePython = (pick: (i: BaseImage) => boolean) => images.find((i) => pick(i) && minorOf(i.python.version) === python);
  const slim = first("slim");
  const full = first("full");
  const alpine = first("alpine");
  const alpines = official.filter((i) => i.variant === "alpine").slice(0, 3).map((i) => i.reference);
  const distrolessSame = samePython((i) => i.variant === "distroless" && i.os.id === "debian");
  const distroless = distrolessSame ?? images.find((i) => i.variant === "distroless" && i.os.id === "debian");
  const distrolessNote = distroless && !distrolessSame ? `No distroless image has Python ${python}; ${distroless.reference} has Python ${minorOf(distroless.python.version)}.` : null;
  const ubuntu = samePython((i) => i.os.id === "ubuntu");
  const ubi = samePython((i) => i.os.id === "rhel");
  const defined = (list: (string | undefined)[]) => list.filter((r): r is string => r !== undefined);

  const presets: Preset[] = [
    { id: "slim-alpine-distroless", label: "Debian slim vs Alpine vs distroless", bases: defined([slim, alpine, distroless?.reference]), note: distrolessNote },
    { id: "slim-full", label: "Slim vs full Debian", bases: defined([slim, full]), note: null },
    { id: "alpine-releases", label: "Alpine releases", bases: alpines, note: null },
    {
      id: "every-family",
      label: "Every family (Debian, Alpine, distroless, Ubuntu, UBI)",
      bases: defined([slim, full, alpine, distroless?.reference, ubuntu?.reference, ubi?.reference]),
      note: distrolessNote,
    },
  ];
  return presets.filter((p) => p.bases.length > 1);
}
