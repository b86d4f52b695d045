/**
 * uv.lock (format version 1): every package of every fork is listed once per version, with its
 * dependency edges (each edge may carry a marker and extras) and, where the resolution forked,
 * `resolution-markers`. The installed set is what `uv sync` walks: from the project root (the
 * `editable`/`virtual` package at "."), its dependencies, the chosen extras' optional dependencies
 * and the chosen groups' `dev-dependencies`, transitively. A package's marker is then "any path from
 * the root, all edge markers on it" (bounded, see ./markers), and-ed with its resolution markers:
 * a package two versions appear for (disjoint markers) gives two pins.
 */
import { shorten } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { FileBuilder } from "../entries";
import { asArray, asString, asStrings, asTable, elementNameLines, readToml, type TomlTable } from "../toml";
import { StringLines } from "../toml-scan";
import type { InputChoices } from "../types";
import type { LockRead } from "./index";
import { both, either, extend, pathsToMarker, union, type PathMarkers } from "./markers";
import { addPin, capPackages, checkFormatVersion, normalizedSet } from "./pins";

const LOCAL_SOURCES = ["editable", "virtual", "directory", "path"];

interface Edge {
  name: string;
  version: string | null;
  marker: string | null;
  extras: string[];
}

export function readUvLock(text: string, choices: InputChoices): LockRead {
  const toml = readToml(text);
  const builder = new FileBuilder();
  builder.file.diagnostics.push(...toml.diagnostics);
  const lines = new StringLines(toml.scan);
  const value = toml.value;
  const formatVersion = value.version === undefined ? null : String(value.version);
  checkFormatVersion(builder, lines.keyLine(["version"]), "uv.lock", formatVersion, ["1"]);

  const packages = capPackages(builder, asArray(value.package).flatMap((p) => (asTable(p) ? [asTable(p) as TomlTable] : [])));
  const nameLines = elementNameLines(toml, "package", packages);
  const byName = new Map<string, TomlTable[]>();
  for (const pkg of packages) {
    const name = canonicalizeName(asString(pkg.name) ?? "");
    const list = byName.get(name);
    if (list) list.push(pkg);
    else byName.set(name, [pkg]);
  }
  const sourceKind = (pkg: TomlTable): string | null => Object.keys(asTable(pkg.source) ?? {})[0] ?? null;
  const isLocal = (pkg: TomlTable): boolean => LOCAL_SOURCES.includes(sourceKind(pkg) ?? "");
  const atRoot = packages.filter((p) => {
    const source = asTable(p.source) ?? {};
    return source.editable === "." || source.virtual === ".";
  });
  const members = asStrings(asTable(value.manifest)?.members).map(canonicalizeName);
  const roots = atRoot.length > 0 ? atRoot : packages.filter((p) => isLocal(p) && members.includes(canonicalizeName(asString(p.name) ?? "")));

  const extras = normalizedSet(choices.extras);
  const groups = normalizedSet(choices.groups);
  const available = {
    extras: [...new Set(roots.flatMap((r) => Object.keys(asTable(r["optional-dependencies"]) ?? {})))],
    groups: [...new Set(roots.flatMap((r) => Object.keys(asTable(r["dev-dependencies"]) ?? {})))],
  };

  const find = (edge: Edge): TomlTable | null => {
    const candidates = byName.get(canonicalizeName(edge.name)) ?? [];
    const matching = edge.version === null ? candidates : candidates.filter((c) => asString(c.version) === edge.version);
    return matching[0] ?? null;
  };

  const paths = new Map<TomlTable, PathMarkers>();
  const extrasOf = new Map<TomlTable, Set<string>>();
  const queue: TomlTable[] = [];
  for (const root of roots) {
    paths.set(root, "always");
    extrasOf.set(root, new Set(extras));
    queue.push(root);
  }
  const rootSet = new Set(roots);
  // Each package re-enters the queue only when its paths or its extras grow, both of which are bounded.
  for (let k = 0; k < queue.length; k++) {
    const pkg = queue[k] as TomlTable;
    const edges = edgesOf(pkg, extrasOf.get(pkg) ?? new Set(), rootSet.has(pkg) ? groups : new Set());
    for (const edge of edges) {
      const child = find(edge);
      if (!child) continue;
      const grown = union(paths.get(child), extend(paths.get(pkg) ?? "always", edge.marker));
      const childExtras = extrasOf.get(child) ?? new Set<string>();
      const newExtras = edge.extras.filter((e) => !childExtras.has(canonicalizeName(e)));
      for (const extra of newExtras) childExtras.add(canonicalizeName(extra));
      extrasOf.set(child, childExtras);
      if (grown.changed || newExtras.length > 0) {
        paths.set(child, grown.value);
        queue.push(child);
      }
    }
  }

  if (roots.length === 0) {
    builder.report(1, "warning", "The lock names no project root (a package with source editable or virtual \".\"), so every locked package is analysed, whatever group or marker it belongs to.");
  }
  let pins = 0;
  for (const pkg of packages) {
    if (isLocal(pkg)) continue;
    pins++;
    if (roots.length > 0 && !paths.has(pkg)) continue;
    const name = asString(pkg.name) ?? "";
    const line = nameLines.get(pkg) ?? 1;
    const forks = asStrings(pkg["resolution-markers"]);
    const reached = roots.length > 0 ? pathsToMarker(paths.get(pkg) ?? "always") : null;
    const marker = both(reached, forks.length > 0 ? either(forks) : null);
    const source = asTable(pkg.source) ?? {};
    const git = asString(source.git);
    const url = asString(source.url);
    addPin(builder, { name, version: asString(pkg.version), marker, line, url: git !== null ? gitRequirementUrl(git) : url });
  }
  for (const pkg of packages) {
    if (isLocal(pkg) && !rootSet.has(pkg) && paths.has(pkg)) {
      builder.report(nameLines.get(pkg) ?? 1, "warning", `"${shorten(asString(pkg.name) ?? "", 80)}" comes from a local directory (${sourceKind(pkg)}); its contents are not in the input, so Basewise cannot analyse it.`);
    }
  }

  return {
    builder,
    available,
    lock: {
      kind: "uv-lock",
      formatVersion,
      createdBy: "uv",
      requiresPython: asString(value["requires-python"]),
      pins,
      environments: asStrings(value["supported-markers"]).length > 0 ? asStrings(value["supported-markers"]) : asStrings(value["resolution-markers"]),
    },
  };
}

function edgesOf(pkg: TomlTable, extras: ReadonlySet<string>, groups: ReadonlySet<string>): Edge[] {
  const lists: unknown[] = [pkg.dependencies];
  const optional = asTable(pkg["optional-dependencies"]) ?? {};
  for (const [extra, list] of Object.entries(optional)) if (extras.has(canonicalizeName(extra))) lists.push(list);
  const dev = asTable(pkg["dev-dependencies"]) ?? {};
  for (const [group, list] of Object.entries(dev)) if (groups.has(canonicalizeName(group))) lists.push(list);
  return lists.flatMap((list) =>
    asArray(list).flatMap((item) => {
      const edge = asTable(item);
      const name = asString(edge?.name);
      if (!edge || name === null) return [];
      return [{ name, version: asString(edge.version), marker: asString(edge.marker), extras: asStrings(edge.extra) }];
    }),
  );
}

/** uv writes git sources as "https://host/repo?rev=main#<commit>"; pip wants "git+https://host/repo@<commit>". */
function gitRequirementUrl(source: string): string {
  const hash = source.indexOf("#");
  const commit = hash === -1 ? null : source.slice(hash + 1);
  const withoutCommit = hash === -1 ? source : source.slice(0, hash);
  const query = withoutCommit.indexOf("?");
  const base = query === -1 ? withoutCommit : withoutCommit.slice(0, query);
  const subdirectory = query === -1 ? null : new URLSearchParams(withoutCommit.slice(query + 1)).get("subdirectory");
  return `git+${base}${commit ? `@${commit}` : ""}${subdirectory ? `#subdirectory=${subdirectory}` : ""}`;
}
