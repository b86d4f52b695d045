/**
 * Suggestions for common mistakes in requirements and markers, so an error
 * can say "did you mean …?" instead of only "invalid".
 */
import type { MarkerVariable } from "./marker";

export const MARKER_VARIABLES: readonly MarkerVariable[] = [
  "python_version",
  "python_full_version",
  "os_name",
  "sys_platform",
  "platform_release",
  "platform_system",
  "platform_version",
  "platform_machine",
  "platform_python_implementation",
  "implementation_name",
  "implementation_version",
  "extra",
];

/** The variable someone probably meant by `word`, if any is close. */
export function closestMarkerVariable(word: string): MarkerVariable | null {
  const normalized = word.toLowerCase().replace(/[.-]/g, "_");
  const exact = MARKER_VARIABLES.find((name) => name === normalized);
  if (exact) return exact;
  if (normalized.length >= 4) {
    const completion = MARKER_VARIABLES.find((name) => name.startsWith(normalized));
    if (completion) return completion;
  }
  let best: MarkerVariable | null = null;
  let bestDistance = normalized.length > 8 ? 3 : 2;
  for (const name of MARKER_VARIABLES) {
    const distance = editDistance(normalized, name);
    if (distance <= bestDistance) {
      best = name;
      bestDistance = distance - 1;
    }
  }
  return best;
}

/** Marker operators people type from other languages. */
export function suggestMarkerOperator(upcoming: string): string | null {
  if (/^=(?!=)/.test(upcoming)) return '"=="';
  if (upcoming.startsWith("=>")) return '">="';
  if (upcoming.startsWith("=<")) return '"<="';
  if (upcoming.startsWith("<>")) return '"!="';
  if (/^~(?!=)/.test(upcoming)) return '"~="';
  if (/^is\s+not\b/.test(upcoming)) return '"!="';
  if (/^is\b/.test(upcoming)) return '"=="';
  return null;
}

/** How someone tried to join markers, if not with `and`/`or`. */
export function suggestBooleanOperator(upcoming: string): string | null {
  const symbol = /^(?:&&?|\|\|?)/.exec(upcoming)?.[0];
  if (symbol) return `Use "${symbol.startsWith("&") ? "and" : "or"}" instead of "${symbol}" to combine markers`;
  const keyword = /^(and|or)\b/i.exec(upcoming)?.[1];
  if (keyword) return `Marker keywords are lowercase: use "${keyword.toLowerCase()}", not "${keyword}"`;
  if (upcoming.startsWith(";")) return 'Only one ";" is allowed; join the markers with "and" or "or"';
  return null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
