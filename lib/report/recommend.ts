// Which base image to take for this requirements set, by a rule a person can check:
//   1. images where the build fails are out (pip finds no solution, or a package has nothing installable);
//      among them, the one with the fewest blockers comes first: it is the closest to building;
//   2. then fewer packages Basewise could not check (an unknown could hide a compile);
//   3. then the cold build time's upper bound, in whole minutes (minutes of compiling dominate);
//   4. then the recommended (multi-stage) image size; an image whose base size is unknown ranks after
//      those whose size is known (its size cannot be compared), and no sentence gives it a number.
// One sentence says why the first wins and what the runner-up would cost.

export interface RankInput {
  base: string;
  arch: "amd64" | "arm64";
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
}

export interface Recommendation {
  base: string;
  arch: "amd64" | "arm64";
  why: string;
  /** Every image in rank order; `out` says why one cannot be recommended. */
  ranking: { base: string; arch: "amd64" | "arm64"; out: string | null }[];
}

export const RANKING_RULE =
  "Images whose build fails are out; then fewer packages Basewise could not check; then the shortest cold build (upper bound, whole minutes); then the smallest multi-stage image (images of unknown size last).";

export function recommend(inputs: readonly RankInput[]): Recommendation | null {
  const ordered = [...inputs].sort(compareImages);
  const ranking = ordered.map(({ base, arch, blocker }) => ({ base, arch, out: blocker }));
  const [top, second] = ordered;
  if (!top) return null;
  if (top.blocker !== null) {
    return { base: top.base, arch: top.arch, why: `No image can be recommended: the build fails on every one (${top.base}: ${top.blocker}).`, ranking };
  }
  return { base: top.base, arch: top.arch, why: `${winReason(top)} ${runnerUp(top, second)}`.trim(), ranking };
}

function compareImages(a: RankInput, b: RankInput): number {
  if ((a.blocker === null) !== (b.blocker === null)) return a.blocker === null ? -1 : 1;
  const fewerBlockers = (a.blockers ?? 0) - (b.blockers ?? 0);
  if (fewerBlockers !== 0) return fewerBlockers;
  if (a.unknown !== b.unknown) return a.unknown - b.unknown;
  const minutes = Math.ceil(a.buildSeconds.high / 60) - Math.ceil(b.buildSeconds.high / 60);
  if (minutes !== 0) return minutes;
  if (a.imageBytes === null || b.imageBytes === null) return Number(a.imageBytes === null) - Number(b.imageBytes === null);
  return a.imageBytes - b.imageBytes;
}

function winReason(top: RankInput): string {
  const build = top.compiles.length === 0 ? "everything installs from wheels" : `${listNames(top.compiles)} compile${top.compiles.length === 1 ? "s" : ""}`;
  const unknown = top.unknown > 0 ? ` (${top.unknown} package${top.unknown === 1 ? "" : "s"} could not be checked)` : "";
  const size = top.imageBytes === null ? "its image size is unknown (no published size for the base image)" : `the image is about ${formatBytes(top.imageBytes)}`;
  return `${top.base} wins: ${build}${unknown}, it builds in ${formatRange(top.buildSeconds)} and ${size}.`;
}

function runnerUp(top: RankInput, second: RankInput | undefined): string {
  if (!second) return "";
  if (second.blocker !== null) return `The runner-up, ${second.base}, fails to build: ${second.blocker}`;
  const slower = { low: Math.max(0, second.buildSeconds.low - top.buildSeconds.low), high: Math.max(0, second.buildSeconds.high - top.buildSeconds.high) };
  const sizeDelta = top.imageBytes === null || second.imageBytes === null ? null : second.imageBytes - top.imageBytes;
  const time = slower.high < 30 ? "builds about as fast" : `takes ${formatRange(slower)} longer to build${second.compiles.length ? ` (${listNames(second.compiles)} compile${second.compiles.length === 1 ? "s" : ""})` : ""}`;
  const size =
    sizeDelta === null ? "(image sizes cannot be compared: a base image's size is unknown)" : Math.abs(sizeDelta) < 5 * 1e6 ? "with an image about the same size" : sizeDelta < 0 ? `but its image is about ${formatBytes(-sizeDelta)} smaller` : `and its image is about ${formatBytes(sizeDelta)} larger`;
  return `The runner-up, ${second.base}, ${time} ${size}.`;
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
