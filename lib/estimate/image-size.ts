/**
 * Image size, uncompressed: the base, the runtime libraries and site-packages in the recommended
 * multi-stage image; plus compilers, -dev packages and pip's cache in a naive single-stage one.
 */
import { osBytes } from "./build-time";
import { INSTALL, MB, OS_INSTALL, SOURCES, UNPACK_RATIO } from "./parameters";
import type { EstimateInput, SizePart } from "./types";

export function imageSizeParts(input: EstimateInput): { parts: SizePart[]; notes: string[] } {
  const parts: SizePart[] = [];
  const notes: string[] = [];
  const base = input.image.uncompressedBytes;
  if (base === null) notes.push(`${input.image.reference}: no uncompressed size in the data: the image size is unknown (the figures count only what is added to it).`);
  parts.push({ category: "base", part: `base image ${input.image.reference}`, bytes: base ?? 0, stage: "both", basis: base === null ? "unknown: not counted" : input.image.uncompressedBasis ?? "uncompressed size from the base-image catalog" });

  // The OS's own Python is part of what the image is before pip runs: counted with the base, by its
  // own installed size, never as a generic runtime library.
  const distro = input.distroPython ?? null;
  if (distro) {
    const named = `${distro.packages.join(", ")} (${input.image.packageManager})`;
    if (distro.bytes === null) notes.push(`${input.image.reference}: the size of its Python once installed (${named}) is not known: the image size is unknown (the figures count only the rest).`);
    parts.push({ category: "base", part: `distro Python: ${named}`, bytes: distro.bytes ?? 0, stage: "both", basis: distro.bytes === null ? `unknown: not counted (${distro.basis})` : distro.basis });
  }
  const runtime = input.os.runtime.filter((name) => !distro?.packages.includes(name));
  if (runtime.length > 0) {
    const bytes = runtime.reduce((sum, name) => sum + (OS_INSTALL.knownRuntimeBytes[name] ?? OS_INSTALL.runtimeLibraryBytes), 0);
    parts.push({ category: "runtime-libraries", part: `runtime libraries: ${runtime.join(", ")}`, bytes, stage: "both", basis: SOURCES.runtimeLibraries });
  }

  let compiled = 0;
  let pure = 0;
  let guessed = 0;
  for (const p of input.packages) {
    if (p.kind === null) continue;
    if (p.kind === "sdist") {
      if (p.builtSizeHint === null) guessed++;
      const wheelLike = p.builtSizeHint ?? (p.downloadBytes ?? INSTALL.unknownDownloadBytes) * 2;
      compiled += wheelLike * (p.compiled ? UNPACK_RATIO.compiled : UNPACK_RATIO.pure);
      continue;
    }
    if (p.downloadBytes === null) guessed++;
    const bytes = p.downloadBytes ?? INSTALL.unknownDownloadBytes;
    if (p.compiled) compiled += bytes * UNPACK_RATIO.compiled;
    else pure += bytes * UNPACK_RATIO.pure;
  }
  parts.push({ category: "site-packages", part: "site-packages: compiled packages", bytes: compiled, stage: "both", basis: `${SOURCES.installedSize} ${SOURCES.builtSize}` });
  parts.push({ category: "site-packages", part: "site-packages: pure-Python packages", bytes: pure, stage: "both", basis: SOURCES.installedSize });
  if (guessed > 0) notes.push(`${guessed} package size(s) not known from the index: ${INSTALL.unknownDownloadBytes / MB} MB download assumed for each.`);

  // The distro Python's packages are in the builder's list too; they are counted above, not as leftovers.
  const build = input.os.build.filter((name) => !distro?.packages.includes(name));
  const buildOs = build.length > 0 && !input.builder ? osBytes({ ...input, os: { ...input.os, build } }, "build") : 0;
  if (buildOs > 0) parts.push({ category: "build-leftovers", part: "compilers and -dev packages left behind", bytes: buildOs, stage: "single-stage only", basis: SOURCES.toolchainSize });
  const cache = input.packages.reduce((sum, p) => sum + (p.kind === null ? 0 : (p.downloadBytes ?? INSTALL.unknownDownloadBytes) + (p.kind === "sdist" ? p.builtSizeHint ?? 0 : 0)), 0);
  if (cache > 0) parts.push({ category: "build-leftovers", part: "pip cache (/root/.cache/pip)", bytes: cache, stage: "single-stage only", basis: SOURCES.pipCache });
  if (input.builder) notes.push(`${input.image.reference} cannot run pip: a single-stage build is not possible there; the single-stage figure is the same packages in ${input.builder.reference}.`);
  return { parts: parts.map((p) => ({ ...p, bytes: Math.round(p.bytes) })), notes };
}
