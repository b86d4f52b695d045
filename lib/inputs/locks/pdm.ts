/**
 * pdm.lock (lock_version 4.x): `[metadata] groups` lists the groups the lock covers; each
 * `[[package]]` has its version, the `groups` that need it (lock_version 4.4 and later; earlier locks
 * install every package) and an environment `marker`. A package locked with extras appears once
 * more with `extras = [...]`: the same pin, read once. Installed: "default", the chosen groups.
 */
import { shorten } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { FileBuilder } from "../entries";
import { asArray, asString, asStrings, asTable, elementNameLines, readToml, type TomlTable } from "../toml";
import { StringLines } from "../toml-scan";
import type { InputChoices } from "../types";
import type { LockRead } from "./index";
import { addPin, capPackages, checkFormatVersion, generatedBy, normalizedSet } from "./pins";

export function readPdmLock(text: string, choices: InputChoices): LockRead {
  const toml = readToml(text);
  const builder = new FileBuilder();
  builder.file.diagnostics.push(...toml.diagnostics);
  const lines = new StringLines(toml.scan);
  const metadata = asTable(toml.value.metadata) ?? {};
  const formatVersion = asString(metadata.lock_version);
  checkFormatVersion(builder, lines.keyLine(["metadata", "lock_version"]), "pdm.lock", formatVersion, ["4"]);

  const packages = capPackages(builder, asArray(toml.value.package).flatMap((p) => (asTable(p) ? [asTable(p) as TomlTable] : [])));
  const nameLines = elementNameLines(toml, "package", packages);
  const groups = normalizedSet(["default", ...(choices.groups ?? [])]);
  const seen = new Set<string>();
  let pins = 0;
  for (const pkg of packages) {
    const name = asString(pkg.name) ?? "";
    const version = asString(pkg.version);
    const marker = asString(pkg.marker);
    const key = `${canonicalizeName(name)} ${version ?? ""} ${marker ?? ""}`;
    if (seen.has(key)) continue; // the same pin again, locked with extras
    seen.add(key);
    pins++;
    const packageGroups = asStrings(pkg.groups);
    if (packageGroups.length > 0 && !packageGroups.some((g) => groups.has(canonicalizeName(g)))) continue;
    const line = nameLines.get(pkg) ?? 1;
    const path = asString(pkg.path);
    if (path !== null || pkg.editable === true) {
      builder.report(line, "warning", `"${shorten(name, 80)}" comes from the local path "${shorten(path ?? "", 80)}"; its contents are not in the input, so Basewise cannot analyse it.`);
      continue;
    }
    const git = asString(pkg.git);
    const revision = asString(pkg.revision) ?? asString(pkg.ref);
    const subdirectory = asString(pkg.subdirectory);
    const url = git !== null ? `git+${git}${revision ? `@${revision}` : ""}${subdirectory ? `#subdirectory=${subdirectory}` : ""}` : asString(pkg.url);
    addPin(builder, { name, version, marker, line, url });
  }

  return {
    builder,
    available: { extras: [], groups: asStrings(metadata.groups).filter((g) => g !== "default") },
    lock: {
      kind: "pdm-lock",
      formatVersion,
      createdBy: generatedBy(text),
      requiresPython: asString(metadata.requires_python),
      pins,
      environments: asArray(metadata.targets).flatMap((t) => {
        const requires = asString(asTable(t)?.requires_python);
        return requires ? [requires] : [];
      }),
    },
  };
}
