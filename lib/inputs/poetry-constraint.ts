/**
 * Poetry's version constraints rewritten as PEP 440 specifier sets, with the meaning Poetry documents
 * (python-poetry.org/docs/dependency-specification, "Version constraints") and poetry-core implements
 * (`parse_single_constraint`, `Version.next_breaking`):
 *   ^1.2.3 → >=1.2.3,<2.0.0   ^1.2 → >=1.2,<2.0   ^1 → >=1,<2   ^0.2.3 → >=0.2.3,<0.3.0
 *   ^0.0.3 → >=0.0.3,<0.0.4   ^0.0 → >=0.0,<0.1   ^0 → >=0,<1
 *   ~1.2.3 → >=1.2.3,<1.3.0   ~1.2 → >=1.2,<1.3   ~1 → >=1,<2
 *   * → any   1.2.* → ==1.2.*   1.2.3 → ==1.2.3   ">= 1.2, < 1.5" and ">= 1.2 < 1.5" → >=1.2,<1.5
 * The upper bound is written with as many release parts as the constraint (PEP 440 pads with zeros,
 * so "<2.0.0" and "<2" are the same bound). Alternatives ("||") have no PEP 440 form: a dependency
 * constraint with one is refused with a reason; a `python` constraint with one becomes an "or" marker.
 */
import { parseSpecifierSet, parseVersion, shorten } from "@/lib/pep440";

export type Translated = { ok: true; pep440: string } | { ok: false; error: string };

const OPERATORS = ["===", "==", "!=", "~=", "<=", ">=", "<", ">", "^", "~", "="];

export function translatePoetryConstraint(written: string): Translated {
  const text = written.trim();
  if (text.includes("|")) {
    return { ok: false, error: `"${shorten(text, 80)}" offers alternatives ("||"), which a PEP 440 specifier cannot express` };
  }
  const clauses: string[] = [];
  for (const part of text.split(",")) {
    for (const single of singleConstraints(part)) {
      const translated = translateSingle(single);
      if (!translated.ok) return translated;
      if (translated.pep440) clauses.push(translated.pep440);
    }
  }
  const pep440 = clauses.join(",");
  const parsed = parseSpecifierSet(pep440);
  if (!parsed.ok) return { ok: false, error: `"${shorten(text, 80)}" is not a version constraint Basewise can read: ${parsed.error}` };
  return { ok: true, pep440 };
}

/** Splits "a || b" into its alternatives; a constraint without "||" is one alternative. */
export function poetryAlternatives(written: string): string[] {
  return written.split(/\|\|?/).map((a) => a.trim()).filter((a) => a.length > 0);
}

/**
 * A Poetry `python = "…"` constraint as a PEP 508 marker. Bounds on "3.8"-style versions compare
 * python_version; anything finer compares python_full_version, so "3.8.10" is judged on its patch.
 */
export function pythonConstraintMarker(written: string): Translated {
  const alternatives: string[] = [];
  for (const alternative of poetryAlternatives(written)) {
    const translated = translatePoetryConstraint(alternative);
    if (!translated.ok) return translated;
    if (translated.pep440 === "") return { ok: true, pep440: "" }; // one alternative admits every Python
    const comparisons = translated.pep440.split(",").map((clause) => {
      const operator = OPERATORS.find((op) => clause.startsWith(op)) ?? "==";
      const version = clause.slice(operator.length);
      const coarse = (operator === ">=" || operator === "<") && /^[0-9]+(\.[0-9]+)?$/.test(version);
      return `${coarse ? "python_version" : "python_full_version"} ${operator} "${version}"`;
    });
    alternatives.push(comparisons.join(" and "));
  }
  if (alternatives.length === 0) return { ok: true, pep440: "" };
  return { ok: true, pep440: alternatives.length === 1 ? (alternatives[0] as string) : alternatives.map((a) => `(${a})`).join(" or ") };
}

/** ">= 1.2 < 1.5" → [">=1.2", "<1.5"]: an operator written apart from its version joins it. */
function singleConstraints(part: string): string[] {
  const words = part.trim().split(/\s+/).filter((w) => w.length > 0);
  const singles: string[] = [];
  let pending = "";
  for (const word of words) {
    if (OPERATORS.includes(word)) {
      pending += word;
      continue;
    }
    singles.push(pending + word);
    pending = "";
  }
  if (pending) singles.push(pending);
  return singles;
}

function translateSingle(constraint: string): Translated {
  if (constraint === "*" || constraint === "") return { ok: true, pep440: "" };
  const operator = OPERATORS.find((op) => constraint.startsWith(op)) ?? "";
  const versionText = constraint.slice(operator.length).trim();
  if (operator === "^" || operator === "~") {
    const version = parseVersion(versionText);
    if (!version) return { ok: false, error: `"${shorten(constraint, 80)}": "${shorten(versionText, 40)}" is not a version` };
    const release = version.release.map((n) => (typeof n === "number" ? n : Number.NaN));
    if (release.some((n) => !Number.isSafeInteger(n))) return { ok: false, error: `"${shorten(constraint, 80)}" has a version part too large to bound` };
    const upper = operator === "^" ? nextBreaking(release) : nextTilde(release);
    const epoch = version.epoch === 0 ? "" : `${version.epoch}!`;
    return { ok: true, pep440: `>=${versionText},<${epoch}${upper.join(".")}` };
  }
  if (operator === "" || operator === "=") return { ok: true, pep440: `==${versionText}` };
  return { ok: true, pep440: `${operator}${versionText}` };
}

/** poetry-core's Version.next_breaking: the left-most non-zero part of major.minor.patch goes up. */
function nextBreaking(release: readonly number[]): number[] {
  const [major = 0, minor, patch] = release;
  if (major > 0 || minor === undefined) return bump(release, 0);
  if (minor > 0 || patch === undefined) return bump(release, 1);
  return bump(release, 2);
}

/** Tilde: a lone major allows minor updates; otherwise only patch updates. */
function nextTilde(release: readonly number[]): number[] {
  return bump(release, release.length === 1 ? 0 : 1);
}

/** Increments part `index` and zeroes the rest, keeping the written number of parts. */
function bump(release: readonly number[], index: number): number[] {
  const length = Math.max(release.length, index + 1);
  return Array.from({ length }, (_, k) => (k < index ? (release[k] ?? 0) : k === index ? (release[k] ?? 0) + 1 : 0));
}
