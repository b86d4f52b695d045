export { evaluateFiles, filesByVersion, requiresPythonAdmits, type Candidate, type Dropped, type Evaluated, type TargetTags } from "./candidates";
export { compareSortKeys, selectCandidate, type ChoicePolicy, type Selection } from "./choose";
export { explainNothingInstallable, explainSdist, nearestWheel, nothingInstallableCode, type Miss, type NothingInstallableCode, type WheelAlternative } from "./explain";
export { describeChoice, unknownVerdict, verdictFor, type ChosenFile, type PackageVerdict, type VerdictContext } from "./verdict";
export { directVerdict } from "./direct";
