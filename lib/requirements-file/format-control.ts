import { canonicalizeName } from "@/lib/pep508";

// pip's --only-binary / --no-binary bookkeeping (pip/_internal/models/format_control.py), reproduced
// so that the same sequence of options yields the same allowed formats per package.

export interface FormatControl {
  /** Canonical names, or ":all:". */
  noBinary: string[];
  onlyBinary: string[];
}

export type DistributionFormat = "binary" | "source";

export function emptyFormatControl(): FormatControl {
  return { noBinary: [], onlyBinary: [] };
}

/**
 * Applies one option value, e.g. `--only-binary=:all:` or `--no-binary numpy,scipy`.
 * Mirrors pip's handle_mutual_excludes: ":all:" clears both sets, ":none:" clears the target set,
 * and naming a package in one set removes it from the other.
 */
export function applyFormatOption(control: FormatControl, option: "no-binary" | "only-binary", value: string): FormatControl {
  const target = new Set(option === "no-binary" ? control.noBinary : control.onlyBinary);
  const other = new Set(option === "no-binary" ? control.onlyBinary : control.noBinary);
  let names = value.split(",");
  while (names.includes(":all:")) {
    other.clear();
    target.clear();
    target.add(":all:");
    names = names.slice(names.indexOf(":all:") + 1);
    // pip: without a later ":none:", ":all:" covers everything after it, so the rest is ignored.
    if (!names.includes(":none:")) return build(option, target, other);
  }
  for (const raw of names) {
    if (raw === ":none:") {
      target.clear();
      continue;
    }
    const name = canonicalizeName(raw);
    other.delete(name);
    target.add(name);
  }
  return build(option, target, other);
}

function build(option: "no-binary" | "only-binary", target: Set<string>, other: Set<string>): FormatControl {
  return option === "no-binary"
    ? { noBinary: [...target], onlyBinary: [...other] }
    : { noBinary: [...other], onlyBinary: [...target] };
}

/** pip's FormatControl.get_allowed_formats: a package named explicitly wins over ":all:". */
export function allowedFormats(control: FormatControl, canonicalName: string): DistributionFormat[] {
  if (control.onlyBinary.includes(canonicalName)) return ["binary"];
  if (control.noBinary.includes(canonicalName)) return ["source"];
  if (control.onlyBinary.includes(":all:")) return ["binary"];
  if (control.noBinary.includes(":all:")) return ["source"];
  return ["binary", "source"];
}
