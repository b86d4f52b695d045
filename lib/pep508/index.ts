/**
 * PEP 508 dependency specifiers and environment markers, with the semantics
 * of Python's `packaging` 26.2 (`Requirement`, `Marker`).
 */
export { canonicalizeName } from "./names";
export { parseRequirement, requirementToString, type Requirement } from "./requirement";
export {
  markerToString,
  type Marker,
  type MarkerBoolean,
  type MarkerComparison,
  type MarkerOperand,
  type MarkerOperator,
  type MarkerVariable,
} from "./marker";
export { parseMarker } from "./marker-parser";
export {
  evaluateMarker,
  MarkerEvaluationError,
  tryEvaluateMarker,
  type MarkerEnvironment,
} from "./marker-evaluate";
