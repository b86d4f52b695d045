import { parseImageReference } from "./reference";

// "Did you mean" for an unknown reference. A misspelt repository ("pyhton") is corrected first, then
// tags of that repository are ranked: those that extend what was typed ("3.12" → "3.12-slim") before
// those a few edits away ("3.12-slim-bookwrom" → "3.12-slim-bookworm").

export const MAX_SUGGESTIONS = 8;

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions (one typo, one edit). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

// How many edits still count as "close": about a third of what was typed, at least 2.
function tolerance(text: string): number {
  return Math.max(2, Math.ceil(text.length / 3));
}

interface Split {
  display: string;
  repository: string;
  tag: string;
}

function split(display: string): Split | null {
  const parsed = parseImageReference(display);
  return parsed ? { display, repository: parsed.repository, tag: parsed.tag } : null;
}

export function closeMatches(query: string, candidates: readonly string[], limit = MAX_SUGGESTIONS): string[] {
  const pool = candidates.map(split).filter((c): c is Split => c !== null);
  const parsed = parseImageReference(query);
  const typedRepository = parsed?.repository ?? query.trim().toLowerCase();
  // A reference without ":" gets tag "latest" from the parser; for ranking, what was typed is empty.
  const typedTag = parsed && query.includes(":") ? parsed.tag : "";

  const repositories = [...new Set(pool.map((c) => c.repository))];
  const nearest = repositories
    .map((repository) => ({ repository, distance: editDistance(typedRepository, repository) }))
    .sort((x, y) => x.distance - y.distance || x.repository.localeCompare(y.repository))[0];

  if (nearest && nearest.distance <= tolerance(typedRepository)) {
    const sameRepository = pool.filter((c) => c.repository === nearest.repository);
    return rank(sameRepository, (c) => c.tag, typedTag).slice(0, limit);
  }
  const typedWhole = parsed ? `${parsed.repository}:${typedTag}` : typedRepository;
  return rank(pool, (c) => `${c.repository}:${c.tag}`, typedWhole).slice(0, limit);
}

function rank(pool: Split[], text: (c: Split) => string, typed: string): string[] {
  const scored = pool
    .map((c) => {
      const candidate = text(c);
      const extendsTyped = candidate.startsWith(typed);
      return { display: c.display, extendsTyped, distance: editDistance(typed, candidate), length: candidate.length };
    })
    .filter((s) => s.extendsTyped || s.distance <= tolerance(typed));
  scored.sort(
    (x, y) =>
      Number(y.extendsTyped) - Number(x.extendsTyped) ||
      (x.extendsTyped ? x.length - y.length : x.distance - y.distance) ||
      x.length - y.length ||
      x.display.localeCompare(y.display),
  );
  return [...new Set(scored.map((s) => s.display))];
}
