/** The PEP 440 comparison operators, and splitting one off the front of a clause. */

export type SpecifierOperator = "~=" | "==" | "!=" | "<=" | ">=" | "<" | ">" | "===";

// Longest operators first so "===" is not read as "==" followed by "=1".
const OPERATORS: readonly SpecifierOperator[] = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"];

export function splitOperator(clause: string): { operator: SpecifierOperator; rest: string } | null {
  const operator = OPERATORS.find((op) => clause.startsWith(op));
  return operator ? { operator, rest: clause.slice(operator.length).trim() } : null;
}
