/**
 * The PEP 508 environment-marker tree, and printing it the way packaging's
 * `str(Marker)` does.
 */
import { quoteMarkerValue } from "./marker-strings";

/** Variable names after packaging's aliasing (`os.name` → `os_name`, `python_implementation` → `platform_python_implementation`). */
export type MarkerVariable =
  | "python_version"
  | "python_full_version"
  | "os_name"
  | "sys_platform"
  | "platform_release"
  | "platform_system"
  | "platform_version"
  | "platform_machine"
  | "platform_python_implementation"
  | "implementation_name"
  | "implementation_version"
  | "extra"
  // Only defined when evaluating lock files (PEP 751); parsed, never evaluated here.
  | "extras"
  | "dependency_groups";

export type MarkerOperator = "===" | "==" | "~=" | "!=" | "<=" | ">=" | "<" | ">" | "in" | "not in";

export type MarkerOperand =
  | { readonly kind: "variable"; readonly name: MarkerVariable }
  | { readonly kind: "value"; readonly value: string };

export interface MarkerComparison {
  readonly kind: "comparison";
  readonly left: MarkerOperand;
  readonly operator: MarkerOperator;
  readonly right: MarkerOperand;
}

/**
 * `and` binds tighter than `or` (PEP 508 grammar), so `a or b and c` is
 * or(a, and(b, c)). `parenthesized` records brackets the author wrote, so
 * printing keeps them as packaging does.
 */
export interface MarkerBoolean {
  readonly kind: "and" | "or";
  readonly operands: readonly Marker[];
  readonly parenthesized: boolean;
}

export type Marker = MarkerComparison | MarkerBoolean;

/**
 * packaging's `str(Marker)`: single spaces, values in double quotes, and the
 * author's brackets around and/or groups (none around the whole marker).
 * One deliberate difference: packaging drops the brackets of a doubly
 * bracketed group, printing `((a or b)) and c` as `a or b and c`, which means
 * something else; we print `(a or b) and c`.
 */
export function markerToString(marker: Marker): string {
  return format(marker, true);
}

function format(marker: Marker, outermost: boolean): string {
  if (marker.kind === "comparison") {
    return `${formatOperand(marker.left)} ${marker.operator} ${formatOperand(marker.right)}`;
  }
  const inner = marker.operands.map((operand) => format(operand, false)).join(` ${marker.kind} `);
  return marker.parenthesized && !outermost ? `(${inner})` : inner;
}

function formatOperand(operand: MarkerOperand): string {
  return operand.kind === "variable" ? operand.name : quoteMarkerValue(operand.value);
}
