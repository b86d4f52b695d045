// Which base image to take for this requirements set, by a rule a person can check. An image is
// judged on every architecture asked for (a team builds the same Dockerfile for amd64 in CI and arm64
// on laptops and Graviton servers), so its figures are its worst architecture's:
//   1. images where the build fails on some architecture, or that are not published for one, are out;
//      among them, the one with the fewest blockers comes first: it is the closest to building;
//   2. then fewer packages Basewise could not check, over all architectures (an unknown could hide a compile);
//   3. then the slowest architecture's cold build time, upper bound, in whole minutes (compiling dominates);
//   4. then the recommended (multi-stage) image size, the largest architecture's; an image whose base
//      size is unknown ranks after those whose size is known, and no sentence gives it a number.
// One sentence says why the first wins and what the runner-up would cost, naming the architecture where
// the two differ.

type Arch = "amd64" | "arm64";

/** One (image, architecture) pair's figures. */
export interface RankInput {
  base: string;
  arch: Arch;
  /** Why the build fails here, when it does. */
  blocker: string | null;
  /** How many things stop the build (packages with nothing installable, build environments that cannot be set up; 1 for no solution); 0 when blocker is null. */
  blockers?: number;
  unknown: number;
  /** Packages compiled on the way (build requirements included), by name and version. */
  compiles: string[];
  buildSeconds: { low: number; high: number };
  /** The multi-stage image size; null when the base image's size is unknown (a sum without it would mislead). */
  imageBytes: number | null;
  /** Built under emulation (another architecture than the build host's). */
  emulated?: boolean;
}

/** Why an image is out: a blocker on some architecture, or no image published for it. */
export type OutReason = { kind: "blocker"; arch: Arch; text: string } | { kind: "not-published"; arch: Arch };

export interface RankedImage {
  base: string;
  /** The architectures it was analysed on. */
  archs: Arch[];
  /** Why it cannot be recommended, in words; null when it can. */
  out: string | null;
  /** What puts it out, first reason first; empty when it is not out. */
  outReasons: OutReason[];
}

export interface Recommendation {
  base: string;
  archs: Arch[];
  why: string;
  /** Every image in rank order. */
  ranking: RankedImage[];
}

export const RANKING_RULE =
  "Images whose build fails on an architecture asked for, or that are not published for it, are out; then fewer packages Basewise could not check; then the shortest cold build on the slowest architecture (upper bound, whole minutes); then the smallest multi-stage image (images of unknown size last).";

/** One image over the architectures asked for. */
interface ImageFigures {
  base: string;
  perArch: RankInput[];
  outReasons: OutReason[];
  blockers: number;
  unknown: number;
  slowest: RankInput;
  imageBytes: number | null;
}

/**
 * `archs`: the architectures asked for; `unpublished`: (image, architecture) pairs asked for that the
 * image is not published for. With one architecture the sentences are the single-architecture ones.
 */
export function recommend(inputs: readonly RankInput[], context: { archs?: readonly Arch[]; unpublished?: readonly { base: string; arch: Arch }[] } = {}): Recommendation | null {
  const images = figures(inputs, context.unpublished ?? []);
  const multiArch = (context.archs?.length ?? new Set(inputs.map((i) => i.arch)).size) > 1;
  const ordered = [...images].sort(compareImages);
  const ranking = ordered.map((image) => ({ base: image.base, archs: image.perArch.map((t) => t.arch), out: outText(image, multiArch), outReasons: image.outReasons }));
  const [top, second] = ordered;
  if (!top) return null;
  const archs = top.perArch.map((t) => t.arch);
  if (top.outReasons.length > 0) {
    return { base: top.base, archs, why: `No image can be recommended: the build fails on every one (${top.base}: ${outText(top, multiArch)}).`, ranking };
  }
  return { base: top.base, archs, why: `${winReason(top, multiArch)} ${runnerUp(top, second, multiArch)}`.trim(), ranking };
}

function figures(inputs: readonly RankInput[], unpublished: readonly { base: string; arch: Arch }[]): ImageFigures[] {
  const byBase = new Map<string, RankInput[]>();
  for (const input of inputs) byBase.set(input.base, [...(byBase.get(input.base) ?? []), input]);
  const images: ImageFigures[] = [];
  for (const [base, perArch] of byBase) {
    const outReasons: OutReason[] = [
      ...perArch.filter((t) => t.blocker !== null).map((t) => ({ kind: "blocker" as const, arch: t.arch, text: t.blocker as string })),
      ...unpublished.filter((u) => u.base === base).map((u) => ({ kind: "not-published" as const, arch: u.arch })),
    ];
    const slowest = perArch.reduce((worst, t) => (t.buildSeconds.high > worst.buildSeconds.high ? t : worst));
    const sizes = perArch.map((t) => t.imageBytes);
    images.push({
      base,
      perArch,
      outReasons,
      blockers: perArch.reduce((sum, t) => sum + (t.blocker === null ? 0 : (t.blockers ?? 1)), 0) + outReasons.filter((r) => r.kind === "not-published").length,
      unknown: perArch.reduce((sum, t) => sum + t.unknown, 0),
      slowest,
      imageBytes: sizes.some((s) => s === null) ? null : Math.max(...(sizes as number[])),
    });
  }
  // An image not published for any architecture asked for has no target; it is still ranked, out.
  for (const { base, arch } of unpublished) {
    if (byBase.has(base)) continue;
    const existing = images.find((i) => i.base === base && i.perArch.length === 0);
    if (existing) existing.outReasons.push({ kind: "not-published", arch });
    // No figures at all: it can only be out, and ranks after every image that has some.
    else images.push({ base, perArch: [], outReasons: [{ kind: "not-published", arch }], blockers: Number.MAX_SAFE_INTEGER, unknown: 0, slowest: emptyInput(base, arch), imageBytes: null });
  }
  return images;
}

function emptyInput(base: string, arch: Arch): RankInput {
  return { base, arch, blocker: null, unknown: 0, compiles: [], buildSeconds: { low: 0, high: 0 }, imageBytes: null };
}

function compareImages(a: ImageFigures, b: ImageFigures): number {
  const aOut = a.outReasons.length > 0;
  if (aOut !== b.outReasons.length > 0) return aOut ? 1 : -1;
  if (a.blockers !== b.blockers) return a.blockers - b.blockers;
  if (a.unknown !== b.unknown) return a.unknown - b.unknown;
  const minutes = Math.ceil(a.slowest.buildSeconds.high / 60) - Math.ceil(b.slowest.buildSeconds.high / 60);
  if (minutes !== 0) return minutes;
  if (a.imageBytes === null || b.imageBytes === null) return Number(a.imageBytes === null) - Number(b.imageBytes === null);
  return a.imageBytes - b.imageBytes;
}

/** The first reason, prefixed with its architecture when several were asked for. */
function outText(image: ImageFigures, multiArch: boolean): string | null {
  const [first] = image.outReasons;
  if (!first) return null;
  if (first.kind === "not-published") return `not published for ${first.arch}`;
  // The same blocker on every architecture needs no architecture.
  const everywhere = image.outReasons.length === image.perArch.length && image.outReasons.every((r) => r.kind === "blocker" && r.text === first.text);
  return multiArch && !everywhere ? `on ${first.arch}: ${first.text}` : first.text;
}

/** What compiles; never "everything installs from wheels" while a package could not be checked. */
function compilePhrase(t: Pick<RankInput, "compiles" | "unknown">): string {
  if (t.compiles.length > 0) return `${listNames(t.compiles)} compile${new Set(t.compiles).size === 1 ? "s" : ""}`;
  return t.unknown > 0 ? "everything Basewise could check installs from wheels" : "everything installs from wheels";
}

/** "on amd64 and arm64" when the architectures agree; otherwise each architecture's phrase. */
function perArchPhrase(image: ImageFigures, multiArch: boolean, phrase: (t: RankInput) => string): string {
  const phrases = image.perArch.map(phrase);
  if (!multiArch) return phrases[0] ?? "";
  if (phrases.every((p) => p === phrases[0])) return `${phrases[0]} on ${joinAnd(image.perArch.map((t) => t.arch))}`;
  return joinAnd(image.perArch.map((t, i) => `${phrases[i]} on ${t.arch}`));
}

function buildTime(t: RankInput): string {
  return `${formatRange(t.buildSeconds)}${t.emulated ? " under emulation" : ""}`;
}

function winReason(top: ImageFigures, multiArch: boolean): string {
  const build = perArchPhrase(top, multiArch, compilePhrase);
  const unknown = top.unknown > 0 ? ` (${top.unknown} package${top.unknown === 1 ? "" : "s"} could not be checked)` : "";
  const times = perArchPhrase(top, multiArch, buildTime);
  const size = top.imageBytes === null ? "its image size is unknown (no published size for the base image)" : `the image is about ${formatBytes(top.imageBytes)}`;
  return `${top.base} wins: ${build}${unknown}, it builds in ${times} and ${size}.`;
}

function runnerUp(top: ImageFigures, second: ImageFigures | undefined, multiArch: boolean): string {
  if (!second) return "";
  const out = outText(second, multiArch);
  if (out !== null) return second.outReasons[0]?.kind === "not-published" ? `The runner-up, ${second.base}, is ${out}.` : `The runner-up, ${second.base}, fails to build: ${out}`;
  // The architecture where the runner-up loses most time against the winner on the same architecture.
  const deltas = second.perArch.map((t) => {
    const mine = top.perArch.find((w) => w.arch === t.arch) ?? top.slowest;
    return { t, slower: { low: Math.max(0, t.buildSeconds.low - mine.buildSeconds.low), high: Math.max(0, t.buildSeconds.high - mine.buildSeconds.high) } };
  });
  const worst = deltas.reduce((a, b) => (b.slower.high > a.slower.high ? b : a));
  const slowerEverywhere = deltas.every((d) => formatRange(d.slower) === formatRange(worst.slower));
  const where = !multiArch ? "" : slowerEverywhere ? ` on ${joinAnd(deltas.map((d) => d.t.arch))}` : ` on ${worst.t.arch}`;
  const sizeDelta = top.imageBytes === null || second.imageBytes === null ? null : second.imageBytes - top.imageBytes;
  const time =
    worst.slower.high < 30
      ? "builds about as fast"
      : `takes ${formatRange(worst.slower)} longer to build${where}${worst.t.compiles.length ? ` (${listNames(worst.t.compiles)} compile${new Set(worst.t.compiles).size === 1 ? "s" : ""})` : ""}`;
  const size =
    sizeDelta === null ? "(image sizes cannot be compared: a base image's size is unknown)" : Math.abs(sizeDelta) < 5 * 1e6 ? "with an image about the same size" : sizeDelta < 0 ? `but its image is about ${formatBytes(-sizeDelta)} smaller` : `and its image is about ${formatBytes(sizeDelta)} larger`;
  return `The runner-up, ${second.base}, ${time} ${size}.`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function listNames(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 3 ? unique.join(", ").replace(/, ([^,]*)$/, " and $1") : `${unique.slice(0, 3).join(", ")} and ${unique.length - 3} more`;
}

/** "40 s–1 min", "20–25 min": ranges, never false precision. */
export function formatRange({ low, high }: { low: number; high: number }): string {
  if (high < 90) return `${Math.round(low)}–${Math.round(high)} s`;
  return `${Math.max(1, Math.round(low / 60))}–${Math.max(1, Math.round(high / 60))} min`;
}

export function formatBytes(bytes: number): string {
  const mb = bytes / 1e6;
  if (mb >= 1000) return `${(mb / 1000).toFixed(1)} GB`;
  return `${mb >= 100 ? Math.round(mb / 10) * 10 : Math.round(mb)} MB`;
}
