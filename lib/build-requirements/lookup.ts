/**
 * buildRequirementsFor: what pip installs into the isolated environment before building one
 * sdist — the table's row for that release, or pip's default when the table has none.
 */
import { rangeFor, releaseOf } from "@/lib/versioned-table";
import { canonicalizeName, parseRequirement } from "@/lib/pep508";
import { familyDynamicRequirements } from "./backends";
import { legacyPathNote, PIP_DEFAULT_BACKEND, PIP_DEFAULT_SOURCE, pipDefaultRequires } from "./pip-default";
import { findPackage, type IndexedPackage } from "./table";
import {
  NO_BUILD_SYSTEM,
  type BackendFamily,
  type BuildRequirements,
  type BuildSystemEra,
  type DynamicRequirement,
  type LookupOptions,
} from "./types";

export function buildRequirementsFor(name: string, version: string, options: LookupOptions = {}): BuildRequirements {
  const pkg = findPackage(name);
  if (!pkg) {
    return pipDefault(`Basewise's build-requirements table does not know ${name}; assuming it has no [build-system] table, so pip's default applies.`, options);
  }
  const release = releaseOf(version);
  if (release === null) {
    return pipDefault(`"${version}" is not a PEP 440 version, so the table's ranges for ${pkg.entry.name} cannot be applied; assuming pip's default.`, options);
  }
  const found = rangeFor(pkg.eras, release);
  if (!found) {
    return pipDefault(
      `The table knows ${pkg.entry.name} only for ${describeRanges(pkg)}; ${version} is outside them, so pip's default is assumed (it may be wrong for this release).`,
      options,
    );
  }
  return fromEra(found.era, options);
}

function fromEra(era: BuildSystemEra, options: LookupOptions): BuildRequirements {
  const declared = era.requires !== NO_BUILD_SYSTEM;
  const requires = era.requires === NO_BUILD_SYSTEM ? pipDefaultRequires(options.pipVersion) : [...era.requires];
  const notes: string[] = [];
  if (era.note) notes.push(era.note);
  if (!declared) {
    notes.push("This sdist has no [build-system] table, so pip uses its default build requirements.");
    const legacy = legacyPathNote(options.pipVersion);
    if (legacy) notes.push(legacy);
  }
  return {
    requires,
    dynamic: dynamicFor(era.family, era.dynamic ?? [], requires),
    backend: era.backend,
    declared,
    source: declared ? era.source : `${era.source}; ${PIP_DEFAULT_SOURCE}`,
    confidence: era.confidence,
    basis: "table",
    note: notes.join(" "),
  };
}

// The backend's own additions, minus anything `requires` already names (e.g. wheel).
function dynamicFor(family: BackendFamily, own: readonly DynamicRequirement[], requires: readonly string[]): DynamicRequirement[] {
  const named = new Set(requires.map(requirementName));
  return [...familyDynamicRequirements(family), ...own]
    .filter((d) => !named.has(requirementName(d.requirement)))
    .map((d) => ({ ...d }));
}

function pipDefault(reason: string, options: LookupOptions): BuildRequirements {
  const legacy = legacyPathNote(options.pipVersion);
  const requires = pipDefaultRequires(options.pipVersion);
  return {
    requires,
    dynamic: dynamicFor("setuptools", [], requires),
    backend: PIP_DEFAULT_BACKEND,
    declared: null,
    source: PIP_DEFAULT_SOURCE,
    confidence: "low",
    basis: "pip-default",
    note: legacy ? `${reason} ${legacy}` : reason,
  };
}

function describeRanges(pkg: IndexedPackage): string {
  return pkg.eras.map(({ era }) => era.versions || "every release").join(" | ");
}

// PEP 503 name of a requirement string (all table strings parse; the table test checks).
function requirementName(requirement: string): string {
  const parsed = parseRequirement(requirement);
  return parsed.ok ? parsed.value.normalizedName : canonicalizeName(requirement);
}
