/**
 * pyproject.toml: PEP 621 `[project] dependencies` and chosen `[project.optional-dependencies]`
 * extras, PEP 735 `[dependency-groups]`, and Poetry's `[tool.poetry.dependencies]`,
 * `[tool.poetry.group.<g>.dependencies]` and `[tool.poetry.extras]`. Each dependency becomes one
 * requirement on the line its string (or, for Poetry, its key) is written on.
 */
import { shorten } from "@/lib/pep440";
import { canonicalizeName, parseRequirement } from "@/lib/pep508";
import { FileBuilder } from "./entries";
import { MAX_INCLUDE_DEPTH } from "./limits";
import { pythonConstraintMarker, translatePoetryConstraint } from "./poetry-constraint";
import { asArray, asString, asStrings, asTable, readToml, type TomlTable } from "./toml";
import { StringLines } from "./toml-scan";
import type { ConstraintTranslation, InputChoices } from "./types";

export interface PyprojectRead {
  builder: FileBuilder;
  translations: ConstraintTranslation[];
  available: { extras: string[]; groups: string[] };
}

export function readPyproject(text: string, choices: InputChoices): PyprojectRead {
  const toml = readToml(text);
  const builder = new FileBuilder();
  builder.file.diagnostics.push(...toml.diagnostics);
  const lines = new StringLines(toml.scan);
  const reader = new PyprojectReader(toml.value, builder, lines);
  reader.read(choices);
  return { builder, translations: reader.translations, available: reader.available() };
}

class PyprojectReader {
  readonly translations: ConstraintTranslation[] = [];
  private readonly project: TomlTable | null;
  private readonly poetry: TomlTable | null;
  private readonly groups: TomlTable | null;
  private readonly selfName: string | null;
  private readonly expandedExtras = new Set<string>();

  constructor(
    value: TomlTable,
    private readonly builder: FileBuilder,
    private readonly lines: StringLines,
  ) {
    this.project = asTable(value.project);
    this.poetry = asTable(asTable(value.tool)?.poetry);
    this.groups = asTable(value["dependency-groups"]);
    const name = asString(this.project?.name) ?? asString(this.poetry?.name);
    this.selfName = name ? canonicalizeName(name) : null;
  }

  available(): { extras: string[]; groups: string[] } {
    const extras = [...Object.keys(asTable(this.project?.["optional-dependencies"]) ?? {}), ...Object.keys(asTable(this.poetry?.extras) ?? {})];
    const groups = [...Object.keys(this.groups ?? {}), ...Object.keys(asTable(this.poetry?.group) ?? {})];
    if (asTable(this.poetry?.["dev-dependencies"])) groups.push("dev");
    return { extras: unique(extras), groups: unique(groups) };
  }

  read(choices: InputChoices): void {
    const available = this.available();
    const extras = (choices.extras ?? []).map(canonicalizeName);
    const groups = (choices.groups ?? []).map(canonicalizeName);
    for (const extra of extras) {
      if (!available.extras.some((e) => canonicalizeName(e) === extra)) this.builder.report(1, "warning", `The file offers no extra "${shorten(extra, 80)}"; it was ignored.`);
    }
    for (const group of groups) {
      if (!available.groups.some((g) => canonicalizeName(g) === group)) this.builder.report(1, "warning", `The file has no dependency group "${shorten(group, 80)}"; it was ignored.`);
    }
    if (!this.project && !this.poetry && !this.groups) {
      this.builder.report(1, "warning", "This pyproject.toml has no [project], [dependency-groups] or [tool.poetry] table, so it names no dependencies.");
    }
    this.readProject(extras);
    this.readDependencyGroups(groups);
    this.readPoetry(extras, groups);
  }

  private readProject(extras: readonly string[]): void {
    const project = this.project;
    if (!project) return;
    const dependencies = project.dependencies;
    if (dependencies === undefined && asStrings(project.dynamic).includes("dependencies")) {
      this.builder.report(this.lines.keyLine(["project", "dynamic"]), "warning", "[project] declares its dependencies dynamic: the build backend computes them, so they are not in this file.");
    }
    this.addStrings(dependencies, ["project", "dependencies"]);
    for (const extra of extras) this.expandExtra(extra);
  }

  /** Adds the dependencies of one `[project.optional-dependencies]` extra (PEP 685 names), once. */
  private expandExtra(extra: string): void {
    if (this.expandedExtras.has(extra)) return;
    this.expandedExtras.add(extra);
    const table = asTable(this.project?.["optional-dependencies"]) ?? {};
    const key = Object.keys(table).find((k) => canonicalizeName(k) === extra);
    if (key !== undefined) this.addStrings(table[key], ["project", "optional-dependencies", key]);
  }

  /**
   * Adds PEP 508 strings; one naming the project itself ("myproj[dev]") stands for those extras of
   * this same file, as pip reads it when installing the project.
   */
  private addStrings(value: unknown, path: string[]): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      this.builder.report(this.lines.keyLine(path), "error", `${path.join(".")} should be a list of requirement strings.`);
      return;
    }
    for (const item of value) {
      if (typeof item !== "string") {
        this.builder.report(this.lines.keyLine(path), "error", `${path.join(".")} holds a value that is not a requirement string; it was skipped.`);
        continue;
      }
      const line = this.lines.lineOf(path, item);
      const parsed = parseRequirement(item);
      if (parsed.ok && this.selfName !== null && parsed.value.normalizedName === this.selfName && parsed.value.url === null) {
        for (const extra of parsed.value.extras) this.expandExtra(extra);
        continue;
      }
      this.builder.add(item, line);
    }
  }

  private readDependencyGroups(chosen: readonly string[]): void {
    const table = this.groups;
    if (!table) return;
    const byName = new Map(Object.keys(table).map((k) => [canonicalizeName(k), k]));
    const done = new Set<string>();
    const include = (group: string, stack: string[]): void => {
      const key = byName.get(group);
      if (key === undefined) return;
      if (stack.includes(group)) {
        this.builder.report(this.lines.keyLine(["dependency-groups", key]), "error", `Dependency group "${shorten(key, 80)}" includes itself (${[...stack, group].join(" → ")}); PEP 735 makes this an error, so the cycle was not followed.`);
        return;
      }
      if (done.has(group)) return;
      if (stack.length >= MAX_INCLUDE_DEPTH) {
        this.builder.report(this.lines.keyLine(["dependency-groups", key]), "error", `Dependency groups include each other more than ${MAX_INCLUDE_DEPTH} deep; "${shorten(key, 80)}" was not followed.`);
        return;
      }
      done.add(group);
      const path = ["dependency-groups", key];
      for (const item of asArray(table[key])) {
        if (typeof item === "string") {
          this.addStrings([item], path);
          continue;
        }
        const included = asString(asTable(item)?.["include-group"]);
        if (included === null) {
          this.builder.report(this.lines.keyLine(path), "error", `Dependency group "${shorten(key, 80)}" holds an entry that is neither a requirement string nor {include-group = "…"}; it was skipped.`);
          continue;
        }
        const target = canonicalizeName(included);
        if (!byName.has(target)) {
          this.builder.report(this.lines.lineOf(path, included), "error", `Dependency group "${shorten(key, 80)}" includes "${shorten(included, 80)}", which is not defined.`);
          continue;
        }
        include(target, [...stack, group]);
      }
    };
    for (const group of chosen) include(group, []);
  }

  private readPoetry(extras: readonly string[], groups: readonly string[]): void {
    const poetry = this.poetry;
    if (!poetry) return;
    // Optional dependencies are installed only through an extra that lists them.
    const poetryExtras = asTable(poetry.extras) ?? {};
    const wanted = new Set<string>();
    for (const [name, members] of Object.entries(poetryExtras)) {
      if (extras.includes(canonicalizeName(name))) for (const member of asStrings(members)) wanted.add(canonicalizeName(member.split("[")[0] ?? member));
    }
    const main = asTable(poetry.dependencies);
    if (main && Array.isArray(this.project?.dependencies)) {
      // Poetry 2 installs [project] dependencies; tool.poetry.dependencies then only refines them.
      this.builder.report(this.lines.keyLine(["tool", "poetry", "dependencies"]), "info", "[project] dependencies are what Poetry 2 installs; [tool.poetry.dependencies] only refines them, so Basewise reads [project].");
    } else if (main) {
      this.addPoetryTable(main, ["tool", "poetry", "dependencies"], wanted);
    }
    const groupTables = asTable(poetry.group) ?? {};
    for (const [name, group] of Object.entries(groupTables)) {
      if (!groups.includes(canonicalizeName(name))) continue;
      const dependencies = asTable(asTable(group)?.dependencies);
      if (dependencies) this.addPoetryTable(dependencies, ["tool", "poetry", "group", name, "dependencies"], wanted);
    }
    const dev = asTable(poetry["dev-dependencies"]);
    if (dev && groups.includes("dev") && !("dev" in groupTables)) this.addPoetryTable(dev, ["tool", "poetry", "dev-dependencies"], wanted);
  }

  private addPoetryTable(table: TomlTable, path: string[], wanted: ReadonlySet<string>): void {
    for (const [name, spec] of Object.entries(table)) {
      if (canonicalizeName(name) === "python") continue; // the Python the project supports, not a package
      const line = this.lines.keyLine([...path, name]);
      const specs = Array.isArray(spec) ? spec : [spec];
      for (const one of specs) this.addPoetryDependency(name, one, line, wanted);
    }
  }

  private addPoetryDependency(name: string, spec: unknown, line: number, wanted: ReadonlySet<string>): void {
    const table = typeof spec === "string" ? { version: spec } : asTable(spec);
    if (!table) {
      this.builder.report(line, "error", `The Poetry dependency "${shorten(name, 80)}" is neither a version string nor a table; it was skipped.`);
      return;
    }
    if (table.optional === true && !wanted.has(canonicalizeName(name))) return;
    const extras = asStrings(table.extras);
    const nameWithExtras = extras.length > 0 ? `${name}[${extras.join(",")}]` : name;
    const markers: string[] = [];
    const python = asString(table.python);
    if (python !== null) {
      const marker = pythonConstraintMarker(python);
      if (!marker.ok) {
        this.builder.report(line, "error", `The python constraint of "${shorten(name, 80)}": ${marker.error}.`);
        return;
      }
      if (marker.pep440) markers.push(marker.pep440);
      this.recordTranslation(line, `${name} (python)`, python, marker.pep440);
    }
    const writtenMarkers = asString(table.markers);
    if (writtenMarkers) markers.push(writtenMarkers);
    const marker = markers.length === 0 ? "" : ` ; ${markers.length === 1 ? markers[0] : markers.map((m) => `(${m})`).join(" and ")}`;

    const git = asString(table.git);
    const url = asString(table.url);
    const path = asString(table.path);
    if (git !== null) {
      const reference = asString(table.rev) ?? asString(table.tag) ?? asString(table.branch);
      const subdirectory = asString(table.subdirectory);
      const location = `${git.startsWith("git+") ? git : `git+${git}`}${reference ? `@${reference}` : ""}${subdirectory ? `#subdirectory=${subdirectory}` : ""}`;
      this.builder.add(`${nameWithExtras} @ ${location}${marker}`, line);
      return;
    }
    if (url !== null) {
      this.builder.add(`${nameWithExtras} @ ${url}${marker}`, line);
      return;
    }
    if (path !== null) {
      this.builder.report(line, "warning", `"${shorten(name, 80)}" comes from the local path "${shorten(path, 80)}"; its contents are not in the input, so Basewise cannot analyse it.`);
      return;
    }
    const written = asString(table.version) ?? "*";
    const translated = translatePoetryConstraint(written);
    if (!translated.ok) {
      this.builder.report(line, "error", `The Poetry constraint of "${shorten(name, 80)}": ${translated.error}; the dependency was skipped.`);
      return;
    }
    this.recordTranslation(line, name, written, translated.pep440);
    this.builder.add(`${nameWithExtras}${translated.pep440}${marker}`, line);
  }

  private recordTranslation(line: number, name: string, from: string, to: string): void {
    if (from.trim() !== to) this.translations.push({ line, name, from, to });
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
