/**
 * Pipfile.lock (JSON, pipfile-spec 6): `default` holds the packages `pipenv install --deploy`
 * installs, `develop` those `--dev` adds, and any other top-level key is a custom package category
 * (Pipenv 2022.10+). Each entry has `version` ("==1.2.3"), optional `markers` and `extras`, or a
 * `git`/`ref`, `file` or `path` source. Installed: `default` and the chosen categories.
 * A document that is not valid JSON gets a located error and is read entry by entry.
 */
import { shorten } from "@/lib/pep440";
import { canonicalizeName } from "@/lib/pep508";
import { FileBuilder } from "../entries";
import { lineAt, scanJsonMembers } from "../json-scan";
import type { InputChoices } from "../types";
import type { LockRead } from "./index";
import { addPin, capPackages, checkFormatVersion } from "./pins";

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

export function readPipfileLock(text: string, choices: InputChoices): LockRead {
  const builder = new FileBuilder();
  const members = scanJsonMembers(text);
  let document: Json = {};
  try {
    document = asObject(JSON.parse(text)) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const located = /line (\d+) column/.exec(message);
    const line = located ? Number(located[1]) : position ? lineAt(text, Number(position[1])) : 1;
    builder.report(line, "error", `This is not valid JSON: ${shorten(message, 120)}. The rest of the file is read where it can be.`);
    // Each entry on its own: a broken one costs that entry.
    for (const member of members) {
      if (member.end === -1) continue;
      try {
        const section = (document[member.section] ??= {}) as Json;
        section[member.key] = JSON.parse(text.slice(member.start, member.end));
      } catch {
        // reported above when it is the first error; later broken entries are skipped
      }
    }
  }
  const lineOf = new Map(members.map((m) => [`${m.section}\u001f${m.key}`, m.line]));
  const meta = asObject(document._meta) ?? {};
  const spec = meta["pipfile-spec"];
  const formatVersion = spec === undefined ? null : String(spec);
  checkFormatVersion(builder, lineOf.get(`_meta\u001fpipfile-spec`) ?? 1, "Pipfile.lock", formatVersion, ["6"]);
  const requires = asObject(meta.requires) ?? {};
  const requiresPython = typeof requires.python_full_version === "string" ? `==${requires.python_full_version}` : typeof requires.python_version === "string" ? `==${requires.python_version}.*` : null;

  const categories = Object.keys(document).filter((k) => k !== "_meta" && asObject(document[k]) !== null);
  const chosen = new Set((choices.groups ?? []).map(canonicalizeName));
  if (chosen.has("dev")) chosen.add("develop");
  const installed = categories.filter((c) => c === "default" || chosen.has(canonicalizeName(c)));
  let pins = 0;
  for (const category of categories) pins += Object.keys(asObject(document[category]) ?? {}).length;

  const seen = new Set<string>();
  for (const category of installed) {
    const entries = capPackages(builder, Object.entries(asObject(document[category]) ?? {}));
    for (const [name, raw] of entries) {
      const entry = asObject(raw);
      const line = lineOf.get(`${category}\u001f${name}`) ?? 1;
      if (!entry) {
        builder.report(line, "error", `"${shorten(name, 80)}" in "${shorten(category, 40)}" is not an object; it was skipped.`);
        continue;
      }
      // The same package in default and develop is one pin (pipenv keeps them consistent).
      const key = canonicalizeName(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const extras = Array.isArray(entry.extras) ? entry.extras.filter((e): e is string => typeof e === "string") : [];
      const nameWithExtras = extras.length > 0 ? `${name}[${extras.join(",")}]` : name;
      const marker = typeof entry.markers === "string" ? entry.markers : null;
      const local = typeof entry.path === "string" ? entry.path : typeof entry.file === "string" && !/^https?:/.test(entry.file) ? entry.file : null;
      if (local !== null) {
        builder.report(line, "warning", `"${shorten(name, 80)}" comes from the local path "${shorten(local, 80)}"; its contents are not in the input, so Basewise cannot analyse it.`);
        continue;
      }
      if (typeof entry.git === "string") {
        const ref = typeof entry.ref === "string" ? `@${entry.ref}` : "";
        addPin(builder, { name: nameWithExtras, version: null, marker, line, url: `${entry.git.startsWith("git+") ? "" : "git+"}${entry.git}${ref}` });
        continue;
      }
      if (typeof entry.file === "string") {
        addPin(builder, { name: nameWithExtras, version: null, marker, line, url: entry.file });
        continue;
      }
      const version = typeof entry.version === "string" ? entry.version : null;
      if (version === null || version === "*") {
        builder.report(line, "warning", `"${shorten(name, 80)}" has no pinned version in the lock; it was skipped.`);
        continue;
      }
      builder.add(`${nameWithExtras}${version}${marker ? ` ; ${marker}` : ""}`, line, "This pin");
    }
  }

  return {
    builder,
    available: { extras: [], groups: categories.filter((c) => c !== "default") },
    lock: { kind: "pipfile-lock", formatVersion, createdBy: "pipenv", requiresPython, pins, environments: [] },
  };
}
