/**
 * Markers as lock files write them, made into the markers a requirement carries.
 * - PEP 751 markers may test `extras` and `dependency_groups`, which only the installer knows: they
 *   are decided here from the person's choices, and the rest of the marker is kept for the image.
 * - Markers met along dependency paths (uv.lock edges) are combined as "any path, all edges on it",
 *   in a bounded disjunctive form: past MAX_PATHS alternatives the package counts as always
 *   reachable (an over-approximation: it is analysed on an image where it might be skipped, never
 *   skipped where it is installed).
 */
import { markerToString, parseMarker, type Marker } from "@/lib/pep508";

export type Decided = { kind: "always" } | { kind: "never" } | { kind: "when"; marker: Marker };

/** Decides a PEP 751 marker's `extras` / `dependency_groups` tests; a marker that does not parse is an error. */
export function decideLockMarker(text: string, extras: ReadonlySet<string>, groups: ReadonlySet<string>): { ok: true; decided: Decided } | { ok: false; error: string } {
  const parsed = parseMarker(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, decided: decide(parsed.value, extras, groups) };
}

function decide(marker: Marker, extras: ReadonlySet<string>, groups: ReadonlySet<string>): Decided {
  if (marker.kind === "comparison") {
    const { left, right, operator } = marker;
    const variable = right.kind === "variable" ? right : left.kind === "variable" ? left : null;
    const value = right.kind === "value" ? right.value : left.kind === "value" ? left.value : null;
    if (variable && value !== null && (variable.name === "extras" || variable.name === "dependency_groups")) {
      const chosen = variable.name === "extras" ? extras : groups;
      const member = chosen.has(value);
      const holds = operator === "in" ? member : operator === "not in" ? !member : false;
      return holds ? { kind: "always" } : { kind: "never" };
    }
    return { kind: "when", marker };
  }
  const parts = marker.operands.map((m) => decide(m, extras, groups));
  if (marker.kind === "and") {
    if (parts.some((p) => p.kind === "never")) return { kind: "never" };
    const kept = parts.flatMap((p) => (p.kind === "when" ? [p.marker] : []));
    return combine("and", kept);
  }
  if (parts.some((p) => p.kind === "always")) return { kind: "always" };
  const kept = parts.flatMap((p) => (p.kind === "when" ? [p.marker] : []));
  return kept.length === 0 ? { kind: "never" } : combine("or", kept);
}

function combine(kind: "and" | "or", operands: Marker[]): Decided {
  if (operands.length === 0) return { kind: "always" };
  if (operands.length === 1) return { kind: "when", marker: operands[0] as Marker };
  return { kind: "when", marker: { kind, operands, parenthesized: false } };
}

export function decidedToString(decided: Decided): string | null {
  return decided.kind === "when" ? markerToString(decided.marker) : null;
}

/** Alternatives kept per package before it counts as always reachable. */
export const MAX_PATHS = 8;
/** Markers kept on one path; a longer path keeps its first ones (again an over-approximation). */
const MAX_PATH_LENGTH = 6;

/** "Any of these paths": each path is the markers on its edges, all of which must hold. [] = always. */
export type PathMarkers = string[][] | "always";

/** The paths to a child: each path to the parent, extended by the edge's marker. */
export function extend(parent: PathMarkers, edge: string | null): PathMarkers {
  if (parent === "always") return edge === null ? "always" : [[edge]];
  return parent.map((path) => (edge === null || path.includes(edge) || path.length >= MAX_PATH_LENGTH ? path : [...path, edge]));
}

/** Adds paths; returns the union and whether it changed. */
export function union(into: PathMarkers | undefined, more: PathMarkers): { value: PathMarkers; changed: boolean } {
  if (into === "always") return { value: "always", changed: false };
  if (more === "always" || more.some((p) => p.length === 0)) return { value: "always", changed: true };
  let value = into ? [...into] : [];
  let changed = into === undefined;
  for (const path of more) {
    // "a or (a and b)" is "a": a path that needs every marker of a shorter one adds nothing.
    if (value.some((kept) => kept.every((m) => path.includes(m)))) continue;
    value = value.filter((kept) => !path.every((m) => kept.includes(m)));
    value.push(path);
    changed = true;
  }
  if (value.length > MAX_PATHS) return { value: "always", changed: true };
  return { value, changed };
}


/** The marker a set of paths means, or null when some path is unconditional. */
export function pathsToMarker(paths: PathMarkers): string | null {
  if (paths === "always" || paths.length === 0 || paths.some((p) => p.length === 0)) return null;
  const conjunctions = paths.map((path) => path.map((m) => (path.length > 1 || paths.length > 1 ? `(${m})` : m)).join(" and "));
  return conjunctions.length === 1 ? (conjunctions[0] as string) : conjunctions.map((c) => (c.includes(" and ") ? `(${c})` : c)).join(" or ");
}

/** `a and b` of two optional markers. */
export function both(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null || a === b) return a;
  return `(${a}) and (${b})`;
}

/** `a or b or …`, null (always) when any is null. */
export function either(markers: readonly (string | null)[]): string | null {
  if (markers.length === 0 || markers.some((m) => m === null)) return null;
  const unique = [...new Set(markers as string[])];
  return unique.length === 1 ? (unique[0] as string) : unique.map((m) => `(${m})`).join(" or ");
}
