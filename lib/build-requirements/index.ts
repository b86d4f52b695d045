// PEP 517/518 build requirements per project and release: what pip installs, for the same
// target, into the isolated environment before it builds an sdist (these can compile too).
export { buildRequirementsFor } from "./lookup";
export { BACKEND, familyDynamicRequirements } from "./backends";
export { legacyPathNote, PIP_DEFAULT_BACKEND, PIP_DEFAULT_SOURCE, pipDefaultRequires } from "./pip-default";
export { BUILD_SYSTEM_TABLE, findPackage, type IndexedEra, type IndexedPackage } from "./table";
export {
  NO_BUILD_SYSTEM,
  type BackendFamily,
  type BuildRequirements,
  type BuildSystemEra,
  type Confidence,
  type DynamicRequirement,
  type LookupOptions,
  type PackageBuildSystems,
} from "./types";
