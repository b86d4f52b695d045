import { shorten } from "@/lib/pep440";

// The options pip accepts inside a requirements file (pip/_internal/req/req_file.py, SUPPORTED_OPTIONS
// and SUPPORTED_OPTIONS_REQ, pip 23–25), with how each takes its value.

export type OptionName =
  | "index-url" | "extra-index-url" | "no-index" | "constraint" | "requirement" | "editable" | "find-links"
  | "no-binary" | "only-binary" | "prefer-binary" | "require-hashes" | "pre" | "trusted-host" | "use-feature"
  | "hash" | "global-option" | "config-settings";

interface OptionSpec {
  name: OptionName;
  short?: string;
  takesValue: boolean;
  /** "requirement" options belong to the requirement on the same line; the rest are file-wide. */
  scope: "file" | "requirement";
}

const SPECS: OptionSpec[] = [
  { name: "index-url", short: "i", takesValue: true, scope: "file" },
  { name: "extra-index-url", takesValue: true, scope: "file" },
  { name: "no-index", takesValue: false, scope: "file" },
  { name: "constraint", short: "c", takesValue: true, scope: "file" },
  { name: "requirement", short: "r", takesValue: true, scope: "file" },
  { name: "editable", short: "e", takesValue: true, scope: "file" },
  { name: "find-links", short: "f", takesValue: true, scope: "file" },
  { name: "no-binary", takesValue: true, scope: "file" },
  { name: "only-binary", takesValue: true, scope: "file" },
  { name: "prefer-binary", takesValue: false, scope: "file" },
  { name: "require-hashes", takesValue: false, scope: "file" },
  { name: "pre", takesValue: false, scope: "file" },
  { name: "trusted-host", takesValue: true, scope: "file" },
  { name: "use-feature", takesValue: true, scope: "file" },
  { name: "hash", takesValue: true, scope: "requirement" },
  { name: "global-option", takesValue: true, scope: "requirement" },
  { name: "config-settings", takesValue: true, scope: "requirement" },
];

export interface ParsedOption {
  name: OptionName;
  scope: OptionSpec["scope"];
  value: string | null;
}

export type OptionsResult = { ok: true; options: ParsedOption[] } | { ok: false; error: string };

/** Parses option words the way Python's optparse does, including unambiguous long-option prefixes. */
export function parseOptionWords(words: readonly string[]): OptionsResult {
  const options: ParsedOption[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    let spec: OptionSpec | undefined;
    let inlineValue: string | null = null;
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const written = word.slice(2, eq === -1 ? undefined : eq);
      if (eq !== -1) inlineValue = word.slice(eq + 1);
      const found = findLongOption(written);
      if (!found.ok) return found;
      spec = found.spec;
    } else if (word.startsWith("-") && word.length > 1) {
      spec = SPECS.find((s) => s.short === word[1]);
      if (!spec) return { ok: false, error: `pip does not accept the option "${shorten(word)}" in a requirements file.` };
      if (word.length > 2) inlineValue = word.slice(2);
    } else {
      return { ok: false, error: `Unexpected "${shorten(word)}" after the options on this line.` };
    }

    if (!spec.takesValue) {
      if (inlineValue !== null) return { ok: false, error: `The option --${spec.name} takes no value.` };
      options.push({ name: spec.name, scope: spec.scope, value: null });
      continue;
    }
    let value = inlineValue;
    if (value === null) {
      const next = words[i + 1];
      if (next === undefined) return { ok: false, error: `The option --${spec.name} needs a value.` };
      value = next;
      i++;
    }
    options.push({ name: spec.name, scope: spec.scope, value });
  }
  return { ok: true, options };
}

function findLongOption(written: string): { ok: true; spec: OptionSpec } | { ok: false; error: string } {
  const exact = SPECS.find((s) => s.name === written);
  if (exact) return { ok: true, spec: exact };
  const prefixed = SPECS.filter((s) => s.name.startsWith(written));
  if (prefixed.length === 1) return { ok: true, spec: prefixed[0] as OptionSpec };
  if (prefixed.length > 1) {
    return { ok: false, error: `"--${shorten(written)}" is ambiguous: it could be ${prefixed.map((s) => `--${s.name}`).join(", ")}.` };
  }
  return { ok: false, error: `pip does not accept the option "--${shorten(written)}" in a requirements file.` };
}
