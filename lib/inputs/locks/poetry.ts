/**
 * poetry.lock (lock-version 1.0, 1.1, 2.0, 2.1): one `[[package]]` per package with its version and
 * `optional = true` for packages only an extra installs (`[extras]` lists them).
 * - Poetry 2 (lock 2.1) records the groups that need each package (`groups`) and its environment
 *   marker (`markers`: a string, or a table per group). Installed: "main", the chosen groups, the
 *   optional packages of the chosen extras, each under its marker.
 * - Earlier locks record neither (lock 1.1 has `category = "main" | "dev"`); the markers are on the
 *   dependency edges (`[package.dependencies]`). The lock does not name the project's own
 *   dependencies, so the packages nothing else depends on are taken as the roots, and each package's
 *   marker is "any path from a root, all edge markers on it" (see ./markers), as for uv.lock.
 */
import { shorten } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { FileBuilder } from "../entries";
import { asArray, asString, asStrings, asTable, elementNameLines, readToml, type TomlTable } from "../toml";
import { StringLines } from "../toml-scan";
import type { InputChoices } from "../types";
import type { LockRead } from "./index";
import { either, extend, pathsToMarker, union, type PathMarkers } from "./markers";
import { addPin, capPackages, checkFormatVersion, generatedBy, normalizedSet } from "./pins";

export function readPoetryLock(text: string, choices: InputChoices): LockRead {
  const toml = readToml(text);
  const builder = new FileBuilder();
  builder.file.diagnostics.push(...toml.diagnostics);
  const lines = new StringLines(toml.scan);
  const metadata = asTable(toml.value.metadata) ?? {};
  const formatVersion = asString(metadata["lock-version"]);
  checkFormatVersion(builder, lines.keyLine(["metadata", "lock-version"]), "poetry.lock", formatVersion, ["1.0", "1.1", "2.0", "2.1"]);

  const packages = capPackages(builder, asArray(toml.value.package).flatMap((p) => (asTable(p) ? [asTable(p) as TomlTable] : [])));
  const nameLines = elementNameLines(toml, "package", packages);
  const groups = normalizedSet(["main", ...(choices.groups ?? [])]);
  const chosenExtras = normalizedSet(choices.extras);
  const lockExtras = asTable(toml.value.extras) ?? {};
  const optionalWanted = new Set<string>();
  for (const [extra, members] of Object.entries(lockExtras)) {
    if (chosenExtras.has(canonicalizeName(extra))) for (const member of asStrings(members)) optionalWanted.add(canonicalizeName(member.split(/[\s[(<>=!~;]/)[0] ?? member));
  }
  const availableGroups = new Set<string>();
  // Poetry 2 writes `markers` (and `groups`); Poetry before 1.0 wrote `marker`; in between, neither.
  const recordsMarkers = packages.some((p) => p.markers !== undefined || p.marker !== undefined || p.groups !== undefined);
  const recordsGroups = packages.some((p) => p.groups !== undefined || p.category !== undefined);
  const reached = recordsMarkers ? null : markersFromEdges(packages);
  if (!recordsMarkers && packages.length > 0) {
    builder.report(
      lines.keyLine(["metadata", "lock-version"]),
      "info",
      `This lock records no marker per package: each package's marker is worked out from the dependency markers, starting at the packages nothing else depends on${recordsGroups ? "" : "; it records no groups either, so every package is analysed"}.`,
    );
  }

  for (const pkg of packages) {
    const name = asString(pkg.name) ?? "";
    const line = nameLines.get(pkg) ?? 1;
    const packageGroups = asStrings(pkg.groups);
    const category = asString(pkg.category);
    const memberOf = packageGroups.length > 0 ? packageGroups : category !== null ? [category] : ["main"];
    for (const group of memberOf) availableGroups.add(group);
    const selected = memberOf.filter((g) => groups.has(canonicalizeName(g)));
    if (selected.length === 0) continue;
    if (pkg.optional === true && !optionalWanted.has(canonicalizeName(name))) continue;

    const markers = pkg.markers;
    const perGroup = asTable(markers);
    // A group without its own marker entry installs the package everywhere.
    const marker = reached ? pathsToMarker(reached.get(pkg) ?? "always") : perGroup ? either(selected.map((g) => asString(perGroup[g]))) : (asString(markers) ?? asString(pkg.marker));
    const source = asTable(pkg.source);
    const type = asString(source?.type);
    if (type === "directory" || type === "file") {
      builder.report(line, "warning", `"${shorten(name, 80)}" comes from the local ${type} "${shorten(asString(source?.url) ?? "", 80)}"; its contents are not in the input, so Basewise cannot analyse it.`);
      continue;
    }
    let url: string | null = null;
    if (type === "git") {
      const reference = asString(source?.resolved_reference) ?? asString(source?.reference);
      const subdirectory = asString(source?.subdirectory);
      url = `git+${asString(source?.url) ?? ""}${reference ? `@${reference}` : ""}${subdirectory ? `#subdirectory=${subdirectory}` : ""}`;
    } else if (type === "url") {
      url = asString(source?.url);
    }
    addPin(builder, { name, version: asString(pkg.version), marker, line, url });
  }

  return {
    builder,
    available: { extras: Object.keys(lockExtras), groups: [...availableGroups].filter((g) => g !== "main") },
    lock: {
      kind: "poetry-lock",
      formatVersion,
      createdBy: generatedBy(text),
      requiresPython: asString(metadata["python-versions"]),
      pins: packages.length,
      environments: [],
    },
  };
}

/** Edge markers walked from the packages no (non-optional) edge points to. */
function markersFromEdges(packages: readonly TomlTable[]): Map<TomlTable, PathMarkers> {
  const byName = new Map(packages.map((p) => [canonicalizeName(asString(p.name) ?? ""), p]));
  const edges = new Map<TomlTable, { to: TomlTable; marker: string | null }[]>();
  const pointedTo = new Set<TomlTable>();
  for (const pkg of packages) {
    const list: { to: TomlTable; marker: string | null }[] = [];
    for (const [name, spec] of Object.entries(asTable(pkg.dependencies) ?? {})) {
      const to = byName.get(canonicalizeName(name));
      if (!to) continue;
      for (const one of Array.isArray(spec) ? spec : [spec]) {
        const table = asTable(one);
        if (table?.optional === true) continue; // only an extra of this package installs it
        list.push({ to, marker: asString(table?.markers) });
        pointedTo.add(to);
      }
    }
    edges.set(pkg, list);
  }
  const paths = new Map<TomlTable, PathMarkers>();
  const queue = packages.filter((p) => !pointedTo.has(p));
  for (const root of queue) paths.set(root, "always");
  for (let k = 0; k < queue.length; k++) {
    const pkg = queue[k] as TomlTable;
    for (const edge of edges.get(pkg) ?? []) {
      const grown = union(paths.get(edge.to), extend(paths.get(pkg) ?? "always", edge.marker));
      if (grown.changed) {
        paths.set(edge.to, grown.value);
        queue.push(edge.to);
      }
    }
  }
  return paths;
}
