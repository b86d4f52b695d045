/**
 * pylock.toml (PEP 751, lock-version 1.0). Each `[[packages]]` entry is one pinned package; its
 * `marker` decides whether it is installed, and may test `extras` and `dependency_groups`, which
 * the installer gets from the person: the chosen extras, and the chosen groups or else the lock's
 * `default-groups`. Those tests are decided here; the rest of the marker stays for each image.
 * A package from `vcs` or `archive` becomes a direct reference; one from `directory` is local.
 */
import { shorten } from "@/lib/pep440";
import { FileBuilder } from "../entries";
import { asArray, asString, asStrings, asTable, elementNameLines, readToml, type TomlTable } from "../toml";
import { StringLines } from "../toml-scan";
import type { InputChoices } from "../types";
import type { LockRead } from "./index";
import { decideLockMarker, decidedToString } from "./markers";
import { addPin, capPackages, checkFormatVersion } from "./pins";

export function readPylock(text: string, choices: InputChoices): LockRead {
  const toml = readToml(text);
  const builder = new FileBuilder();
  builder.file.diagnostics.push(...toml.diagnostics);
  const lines = new StringLines(toml.scan);
  const value = toml.value;
  const formatVersion = asString(value["lock-version"]);
  if (formatVersion === null || formatVersion.startsWith("1.")) {
    checkFormatVersion(builder, lines.keyLine(["lock-version"]), "pylock.toml", formatVersion, ["1.0"]);
  } else {
    // PEP 751: an installer must refuse a lock whose major version it does not support.
    builder.report(lines.keyLine(["lock-version"]), "error", `PEP 751 installers refuse lock-version ${shorten(formatVersion, 20)}; pip would not install this file.`);
  }

  const offeredExtras = asStrings(value.extras);
  const offeredGroups = asStrings(value["dependency-groups"]);
  // PEP 751 compares these names as written in the lock (they are normalised there).
  const extras = new Set(choices.extras ?? []);
  const groups = new Set(choices.groups && choices.groups.length > 0 ? choices.groups : asStrings(value["default-groups"]));

  const packages = capPackages(builder, asArray(value.packages).flatMap((p) => (asTable(p) ? [asTable(p) as TomlTable] : [])));
  const nameLines = elementNameLines(toml, "packages", packages);
  for (const pkg of packages) {
    const name = asString(pkg.name) ?? "";
    const line = nameLines.get(pkg) ?? 1;
    let marker: string | null = null;
    const written = asString(pkg.marker);
    if (written !== null) {
      const decided = decideLockMarker(written, extras, groups);
      if (!decided.ok) {
        builder.report(line, "error", `The marker of "${shorten(name, 80)}" does not parse: ${decided.error}; the package was skipped.`);
        continue;
      }
      if (decided.decided.kind === "never") continue;
      marker = decidedToString(decided.decided);
    }
    const vcs = asTable(pkg.vcs);
    const archive = asTable(pkg.archive);
    const directory = asTable(pkg.directory);
    if (directory) {
      builder.report(line, "warning", `"${shorten(name, 80)}" comes from the local directory "${shorten(asString(directory.path) ?? "", 80)}"; its contents are not in the input, so Basewise cannot analyse it.`);
      continue;
    }
    let url: string | null = null;
    if (vcs) {
      const commit = asString(vcs["commit-id"]) ?? asString(vcs["requested-revision"]);
      const subdirectory = asString(vcs.subdirectory);
      url = `${asString(vcs.type) ?? "git"}+${asString(vcs.url) ?? asString(vcs.path) ?? ""}${commit ? `@${commit}` : ""}${subdirectory ? `#subdirectory=${subdirectory}` : ""}`;
    } else if (archive) {
      url = asString(archive.url) ?? asString(archive.path);
    }
    addPin(builder, { name, version: asString(pkg.version), marker, line, url });
  }

  return {
    builder,
    available: { extras: offeredExtras, groups: offeredGroups },
    lock: {
      kind: "pylock",
      formatVersion,
      createdBy: asString(value["created-by"]),
      requiresPython: asString(value["requires-python"]),
      pins: packages.length,
      environments: asStrings(value.environments),
    },
  };
}
