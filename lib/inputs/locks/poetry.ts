/**
 * poetry.lock (lock-version 1.1, 2.0, 2.1): one `[[package]]` per package with its version, the
 * groups that need it (`groups`, or the older `category = "main" | "dev"`), its environment marker
 * (`markers`, a string or, in 2.1, a table per group) and `optional = true` for packages only an
 * extra installs (`[extras]` lists them). Installed: the "main" group, the chosen groups and the
 * optional packages of the chosen extras, each under its marker.
 */
import { shorten } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { FileBuilder } from "../entries";
import { asArray, asString, asStrings, asTable, elementNameLines, readToml, type TomlTable } from "../toml";
import { StringLines } from "../toml-scan";
import type { InputChoices } from "../types";
import type { LockRead } from "./index";
import { either } from "./markers";
import { addPin, capPackages, checkFormatVersion, generatedBy, normalizedSet } from "./pins";

export function readPoetryLock(text: string, choices: InputChoices): LockRead {
  const toml = readToml(text);
  const builder = new FileBuilder();
  builder.file.diagnostics.push(...toml.diagnostics);
  const lines = new StringLines(toml.scan);
  const metadata = asTable(toml.value.metadata) ?? {};
  const formatVersion = asString(metadata["lock-version"]);
  checkFormatVersion(builder, lines.keyLine(["metadata", "lock-version"]), "poetry.lock", formatVersion, ["1.1", "2.0", "2.1"]);

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
    const marker = perGroup ? either(selected.map((g) => asString(perGroup[g]))) : asString(markers);
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
