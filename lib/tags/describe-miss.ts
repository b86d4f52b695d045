import type { MissKind, TagMiss } from "./classify-tag";
import { interpreterAbi, parseLibcVersion, stableAbi, type TagTarget } from "./target-tags";

/** Why a wheel (or a release's wheels) cannot be installed on a target, in one plain-English line. */
export type MissReason = { kind: MissKind; detail: string };

/** Grammatical number: one wheel (matchWheel) or a release's wheels (closestMiss). */
export type Subject = "wheel" | "wheels";

const LIST_LIMIT = 4;
const NATURAL = new Intl.Collator("en", { numeric: true });

/**
 * Turns every tag miss of one kind into a concrete sentence naming tags and
 * versions, e.g. "wheels only for CPython 3.10, 3.11 (cp310, cp311); this image
 * runs Python 3.12". Misses of other kinds in `misses` are ignored.
 */
export function describeMiss(kind: MissKind, misses: readonly TagMiss[], target: TagTarget, subject: Subject): string {
  const needs = subject === "wheel" ? "needs" : "need";
  const image = imagePython(target);
  switch (kind) {
    case "python": {
      const python = misses.filter((m) => m.kind === "python");
      python.sort((a, b) => compareKeys(a.sortKey, b.sortKey));
      const groups = new Map<string, string[]>();
      for (const m of python) {
        const versions = groups.get(m.implementation) ?? [];
        if (m.version && !versions.includes(m.version)) versions.push(m.version);
        groups.set(m.implementation, versions);
      }
      const what = [...groups].map(([impl, versions]) => [impl, versions.join(", ")].filter(Boolean).join(" ")).join(", ");
      let text = `${subject} only for ${what} (${list(python.map((m) => m.code), true)}); this image runs ${image}`;
      // Say so when another Python would not help either: the platform is wrong too.
      if (python.every((m) => !m.platformFits)) {
        text += `, and ${subject === "wheel" ? "it is" : "they are"} for ${list(python.map((m) => m.tag.platform))}, not Linux ${target.arch} with ${target.libc.family} ${target.libc.version}`;
      }
      return text;
    }
    case "abi": {
      const abi = misses.filter((m) => m.kind === "abi");
      const specific = abi.filter((m) => !m.platformAny);
      if (specific.length === 0) {
        return `${subject} tagged ${list(abi.map((m) => `${m.pair}-any`))}: only "none"-ABI wheels may be platform-independent, so pip never accepts this`;
      }
      return `${subject} only for ABI ${list(specific.map((m) => m.abi))} (${list(specific.map((m) => m.pair))}); this image's ${image} loads only ${acceptedAbisText(target)}`;
    }
    case "platform-family": {
      const family = misses.filter((m) => m.kind === "platform-family");
      return `${subject} only for ${list(family.map((m) => m.family))} (${list(family.map((m) => m.tag.platform))}); this image is Linux ${target.arch} with ${target.libc.family} ${target.libc.version}`;
    }
    case "libc-too-old": {
      const old = misses.filter((m) => m.kind === "libc-too-old");
      // Prefer wheels for this CPU: "upgrade the base image" is only advice if it would help.
      const sameArch = old.filter((m) => m.arch === target.arch);
      const pool = sameArch.length > 0 ? sameArch : old;
      const oldest = pool.reduce((a, b) => (b.needs.major * 1000 + b.needs.minor < a.needs.major * 1000 + a.needs.minor ? b : a));
      const needed = `${oldest.needs.major}.${oldest.needs.minor}`;
      const examples = pool.filter((m) => m.needs.major === oldest.needs.major && m.needs.minor === oldest.needs.minor);
      const prefix = oldest.family === "glibc" ? "manylinux" : "musllinux";
      const have = parseLibcVersion(target);
      let text = `${prefix} ${subject} ${needs} ${oldest.family} ${needed} or newer (${list(examples.map((m) => m.tag.platform))}); this image has ${target.libc.family} ${have.major}.${have.minor}`;
      if (sameArch.length === 0) text += `, and ${subject === "wheel" ? "it is" : "they are"} built for ${list(old.map((m) => m.arch))} only while this image is ${target.arch}`;
      return text;
    }
    case "arch": {
      const arch = misses.filter((m) => m.kind === "arch");
      // A handful of CPUs at most: name them all, the reader looks for theirs.
      return `${subject} only for ${list(arch.map((m) => m.arch), false, Infinity)} (${list(arch.map((m) => m.tag.platform))}); this image is ${target.arch}`;
    }
  }
}

/** The ABIs a target loads: "cp312, abi3 or none". */
function acceptedAbisText(target: TagTarget): string {
  return `${interpreterAbi(target)}, ${stableAbi(target)} or none`;
}

function imagePython(target: TagTarget): string {
  return target.freeThreaded ? `free-threaded Python ${target.pythonVersion}` : `Python ${target.pythonVersion}`;
}

/** Distinct items in natural order (cp39 before cp311) so wheel order never shows; the first few spelled out. */
function list(items: readonly string[], keepOrder = false, limit = LIST_LIMIT): string {
  const distinct = [...new Set(items)];
  if (!keepOrder) distinct.sort(NATURAL.compare);
  if (distinct.length <= limit) return distinct.join(", ");
  return `${distinct.slice(0, limit).join(", ")} and ${distinct.length - limit} more`;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
