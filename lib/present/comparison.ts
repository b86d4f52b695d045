/**
 * The comparison across base images, shaped for reading: one headline per image, in the
 * recommendation's order, and the notes each headline carries, worded once for the cards, the
 * Markdown export and the link preview. Pure functions of the report; the components only render
 * them. (The charts' series are in charts.ts, loaded with the charts.)
 */
import type { Arch } from "@/lib/contract/request";
import type { Report, TargetReport } from "@/lib/contract/report";
import { EMULATED, EMULATED_NOTE, groupByImage, notPublishedNote } from "./architectures";
import { formatRange } from "./format";
import { supportNote, type SupportNote } from "./support";
import { imageSize, incompleteNote, isNoSolution, libcLabel } from "./target";

export interface Headline {
  key: string;
  base: string;
  arch: Arch;
  python: string;
  libc: string;
  /** The image is the recommended one (for every architecture asked for). */
  recommended: boolean;
  /** This target's build runs under emulation (its architecture is not the build host's). */
  emulated: boolean;
  /** End of life reached, or soon after the analysis's date; null otherwise. */
  support: SupportNote | null;
  /** The image's rank by the recommendation rule, 1 = recommended; an image's architectures share it. */
  rank: number;
  packages: number;
  compiling: number;
  /** Compiled only inside another package's build (build isolation). */
  compilingForBuilds: number;
  notInstallable: number;
  unknown: number;
  buildSeconds: { low: number; high: number };
  /** baseUnknown: the base's size is not known; show imageSize(h.imageBytes, ...) ("size unknown"), never the sums. */
  imageBytes: { multiStage: number; singleStage: number; baseUnknown?: true };
  /** Why the build fails here, when it does. */
  failsToBuild: string | null;
  /** pip finds no set of versions here. */
  noSolution: string | null;
  /** Basewise stopped before the resolution finished (work budget or deadline): why, and what it did not reach. */
  incomplete: { reason: "work-budget" | "deadline"; explanation: string; unreached: string[] } | null;
}

/** What Basewise did not reach when the work budget or the deadline stopped it; null when it finished. */
export function incompleteness(t: TargetReport): Headline["incomplete"] {
  const stop = t.unreached[0];
  if (!stop) return null;
  const explanation = !t.resolution.ok && !isNoSolution(t.resolution.code) ? t.resolution.explanation : `Basewise stopped before resolving every build environment (${stop.reason}).`;
  return { reason: stop.reason, explanation, unreached: [...new Set(t.unreached.map((u) => u.name))] };
}

export function targetKey(target: Pick<TargetReport, "base" | "arch">): string {
  return `${target.base}/${target.arch}`;
}

/** One headline per target, images in the recommendation's order, an image's architectures side by side. */
export function headlines(report: Report): Headline[] {
  const ranking = report.recommendation?.ranking ?? [];
  const rankOf = (t: TargetReport) => {
    const index = ranking.findIndex((r) => r.base === t.base);
    return index === -1 ? ranking.length + 1 : index + 1;
  };
  // Recommended: the first-ranked image, when nothing rules it out on any architecture.
  const first = ranking[0];
  const recommendedBase = report.recommendation && first && first.outCode === null ? report.recommendation.base : null;
  return report.targets
    .map((t) => ({
      key: targetKey(t),
      base: t.base,
      arch: t.arch,
      python: t.python,
      libc: libcLabel(t.libc),
      recommended: recommendedBase === t.base && t.blocker === null,
      emulated: t.estimate.parameters.emulated,
      support: supportNote(t, report.asOf),
      rank: rankOf(t),
      packages: t.summary.packages,
      compiling: t.compiles.filter((c) => !c.buildRequirement).length,
      compilingForBuilds: t.compiles.filter((c) => c.buildRequirement).length,
      notInstallable: t.summary.none,
      unknown: t.summary.unknown,
      buildSeconds: t.estimate.buildSeconds,
      imageBytes: t.estimate.imageBytes,
      failsToBuild: t.blocker,
      noSolution: t.resolution.ok || !isNoSolution(t.resolution.code) ? null : t.resolution.explanation,
      incomplete: incompleteness(t),
    }))
    .sort((a, b) => a.rank - b.rank);
}

/** One card: an image, its rank, and a column per architecture asked for. */
export interface ImageHeadline {
  key: string;
  base: string;
  rank: number;
  recommended: boolean;
  /** Each support note of its targets, once. */
  support: SupportNote[];
  columns: ArchColumn[];
}

/** An architecture's half of a card: its headline, or why there is none ("Not published for arm64"). */
export type ArchColumn = { arch: Arch; headline: Headline; missing: null } | { arch: Arch; headline: null; missing: string };

/** The cards: one per image in the recommendation's order, with a column per architecture asked for. */
export function imageHeadlines(report: Report): ImageHeadline[] {
  const asked = report.archs;
  return groupByImage(headlines(report), asked).map(({ base, targets }) => {
    const archs = [...asked, ...targets.map((h) => h.arch).filter((a) => !asked.includes(a))];
    const support = new Map<string, SupportNote>();
    for (const h of targets) if (h.support) support.set(h.support.text, h.support);
    return {
      key: base,
      base,
      rank: targets[0]?.rank ?? 0,
      recommended: targets.some((h) => h.recommended),
      support: [...support.values()],
      columns: archs.map((arch): ArchColumn => {
        const headline = targets.find((h) => h.arch === arch);
        return headline ? { arch, headline, missing: null } : { arch, headline: null, missing: notPublishedNote(arch) };
      }),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// A headline's words.

/** "Python 3.12.14, glibc 2.36": an architecture column's facts (its title is the arch). */
export function archFacts(h: Pick<Headline, "python" | "libc">): string {
  return `Python ${h.python}, ${h.libc}`;
}

/** The arch column's title: "arm64", "arm64 · emulated". */
export function archHeading(h: Pick<Headline, "arch" | "emulated">): string {
  return h.emulated ? `${h.arch} · ${EMULATED}` : h.arch;
}

/** "amd64 · Python 3.12.14, glibc 2.36" (the arch first: the card's title is the image). */
export function headlineFacts(h: Pick<Headline, "arch" | "python" | "libc">): string {
  return `${h.arch} · Python ${h.python}, ${h.libc}`;
}

/** "2 of 25 (+1 for builds)": the image's own compiles among its packages, and those only builds need. */
export function compileCount(h: Pick<Headline, "compiling" | "packages" | "compilingForBuilds">): string {
  return `${h.compiling} of ${h.packages}${h.compilingForBuilds > 0 ? ` (+${h.compilingForBuilds} for builds)` : ""}`;
}

export const NO_SOLUTION_NOTE = "pip finds no set of versions here.";

/** "Fails to build: …", or null when nothing stops the build. */
export function failsToBuildNote(h: Pick<Headline, "failsToBuild">): string | null {
  return h.failsToBuild ? `Fails to build: ${h.failsToBuild}` : null;
}

/** "1 not installable · 2 unknown", or null when every package was judged installable. */
export function uncheckedNote(h: Pick<Headline, "notInstallable" | "unknown">): string | null {
  const parts = [h.notInstallable > 0 ? `${h.notInstallable} not installable` : "", h.unknown > 0 ? `${h.unknown} unknown` : ""].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

/** Every note a headline carries, in the order the card shows them (the Markdown table joins them). */
export function headlineNotes(h: Headline): string[] {
  return [
    h.support?.text ?? null,
    h.emulated ? EMULATED_NOTE : null,
    failsToBuildNote(h),
    h.noSolution ? NO_SOLUTION_NOTE : null,
    h.incomplete ? incompleteNote(h.incomplete) : null,
    uncheckedNote(h),
  ].filter((n): n is string => n !== null);
}

/** The link preview's line for one target: "fails to build · 2 of 25 compile · 20–25 min · 190 MB". */
export function previewLine(h: Headline): string {
  return [h.failsToBuild ? "fails to build" : null, `${h.compiling} of ${h.packages} compile`, formatRange(h.buildSeconds), imageSize(h.imageBytes, "multiStage")].filter((p): p is string => p !== null).join(" · ");
}

/**
 * The link preview's line for an image on several architectures, shorter per arch:
 * "amd64: 2/25 compile, 3–5 min, 190 MB · arm64: fails to build". One architecture reads as previewLine.
 */
export function previewImageLine(targets: readonly Headline[]): string {
  const [only] = targets;
  if (targets.length === 1 && only) return previewLine(only);
  return targets
    .map((h) => `${h.arch}: ${h.failsToBuild ? "fails to build" : `${h.compiling}/${h.packages} compile, ${formatRange(h.buildSeconds)}, ${imageSize(h.imageBytes, "multiStage")}`}`)
    .join(" · ");
}
