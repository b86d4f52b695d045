"use client";

import { useId, useMemo, useRef, useState } from "react";
import type { InputParameters } from "@/lib/contract/request";
import { MAX_INPUT_FILES } from "@/lib/contract/request-limits";
import { detectInputKind, INPUT_KINDS, kindFromName, maxInputBytes, readInput, type InputKind } from "@/lib/inputs";
import { diagnosticLine } from "@/lib/present/analysis";
import { counted } from "@/lib/present/format";
import { INPUT_KIND_LABEL } from "@/lib/present/inputs";
import { mainFileIndex } from "./input-files";

// The paste box: also takes dropped or opened files (a requirements file with the files its -r/-c
// lines name, a pyproject.toml, a lock file), says what kind of file it reads (the person may say
// otherwise), offers the extras and groups the file has, and shows each line's problems as you type,
// with its line number (the same reader the server uses).

/** What the file box holds beside the text; the request's input (see InputParameters). */
export type InputValue = InputParameters;

const ACCEPT = ".txt,.in,.toml,.lock,text/plain,application/toml";

export function RequirementsInput({ value, onChange, input, onInputChange }: { value: string; onChange: (text: string) => void; input: InputValue; onInputChange: (next: InputValue) => void }) {
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const detected = useMemo(() => detectInputKind({ name: input.fileName, text: value }), [input.fileName, value]);
  const read = useMemo(
    () => readInput({ name: input.fileName, text: value }, input.files, { ...(input.kind ? { kind: input.kind } : {}), extras: input.extras, groups: input.groups }),
    [value, input],
  );
  const diagnostics = useMemo(() => {
    if (!read.ok) return [{ key: "refused", text: diagnosticLine({ line: 1, severity: "error", message: read.error }), severity: "error" as const }];
    return read.input.file.diagnostics
      .filter((d) => d.severity !== "info")
      .slice(0, 20)
      .map((d, i) => ({ key: String(i), text: diagnosticLine(d), severity: d.severity }));
  }, [read]);
  const available = read.ok ? read.input.available : { extras: [], groups: [] };
  const lineCount = useMemo(() => value.split("\n").length, [value]);
  const kind = input.kind ?? detected;

  async function load(list: FileList | null | undefined) {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    // Each kind has its limit (a lock file's is larger); the name says the kind before the text is read.
    const limitOf = (file: File) => maxInputBytes(kindFromName(file.name) ?? "requirements");
    const tooBig = files.find((file) => file.size > limitOf(file));
    if (tooBig) {
      // Worded as the server words the same limit (lib/requirements-file/limits.ts: KiB printed as
      // "KB"), so the two messages agree until the limit is restated in decimal units.
      setFileNote(`${tooBig.name} is ${Math.ceil(tooBig.size / 1024)} KB; Basewise accepts at most ${limitOf(tooBig) / 1024} KB for it.`);
      return;
    }
    if (files.length > MAX_INPUT_FILES + 1) {
      setFileNote(`${files.length} files were given; Basewise reads one file and at most ${MAX_INPUT_FILES} more with it.`);
      return;
    }
    const texts = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
    const main = mainFileIndex(texts);
    const first = texts[main] as { name: string; text: string };
    onChange(first.text);
    onInputChange({ kind: null, fileName: first.name, extras: [], groups: [], files: texts.filter((_, i) => i !== main) });
    const others = texts.length > 1 ? `, with ${texts.filter((_, i) => i !== main).map((f) => f.name).join(", ")}` : "";
    setFileNote(`Loaded ${first.name} (${counted(first.text.split("\n").length, "line")})${others}.`);
  }

  const toggle = (what: "extras" | "groups", name: string, on: boolean) =>
    onInputChange({ ...input, [what]: on ? [...new Set([...input[what], name])].sort() : input[what].filter((n) => n !== name) });

  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <label htmlFor="requirements" className="font-medium">
          {input.fileName ?? INPUT_KIND_LABEL[kind]}
        </label>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {counted(lineCount, "line")} ·{" "}
          <button type="button" className="text-indigo-700 underline dark:text-indigo-300" onClick={() => fileInput.current?.click()} data-testid="open-files">
            open files
          </button>{" "}
          or drop them on the box (requirements*.txt, pyproject.toml, uv.lock, poetry.lock, pdm.lock, Pipfile.lock, pylock.toml)
        </span>
      </div>
      <textarea
        id="requirements"
        data-testid="requirements-input"
        aria-describedby={`${ids}-kind requirements-diagnostics`}
        className={`h-56 w-full rounded border bg-slate-50 p-2 font-mono text-sm dark:bg-slate-950 ${dragging ? "border-indigo-500 ring-2 ring-indigo-400" : "border-slate-300 dark:border-slate-700"}`}
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void load(event.dataTransfer.files);
        }}
      />
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={ACCEPT}
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          void load(event.target.files);
          // The same files chosen again are read again.
          event.target.value = "";
        }}
        data-testid="requirements-file"
      />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <label className="flex items-center gap-2">
          Read as
          <select
            className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            value={input.kind ?? ""}
            onChange={(event) => onInputChange({ ...input, kind: event.target.value === "" ? null : (event.target.value as InputKind) })}
            data-testid="input-kind"
          >
            <option value="">{INPUT_KIND_LABEL[detected]} (recognised)</option>
            {INPUT_KINDS.map((k) => (
              <option key={k} value={k}>
                {INPUT_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <span id={`${ids}-kind`} className="text-xs text-slate-600 dark:text-slate-400" data-testid="detected-kind" data-kind={detected}>
          {input.kind && input.kind !== detected ? `Basewise recognises ${INPUT_KIND_LABEL[detected]}; read as ${INPUT_KIND_LABEL[input.kind]}.` : `Recognised: ${INPUT_KIND_LABEL[detected]}.`}
        </span>
        {input.files.length > 0 ? (
          <span className="flex flex-wrap items-center gap-1 text-xs" data-testid="input-files">
            With:
            {input.files.map((file) => (
              <span key={file.name} className="inline-flex items-center gap-1 rounded border border-slate-300 px-1 dark:border-slate-700">
                <span className="font-mono">{file.name}</span>
                <button type="button" aria-label={`Remove ${file.name}`} className="text-slate-500 hover:text-red-700" onClick={() => onInputChange({ ...input, files: input.files.filter((f) => f.name !== file.name) })}>
                  ×
                </button>
              </span>
            ))}
          </span>
        ) : null}
        {input.fileName !== null ? (
          <button type="button" className="text-xs text-indigo-700 underline dark:text-indigo-300" onClick={() => onInputChange({ kind: null, fileName: null, extras: [], groups: [], files: [] })} data-testid="forget-file">
            forget the file name
          </button>
        ) : null}
      </div>
      {(["extras", "groups"] as const).map((what) =>
        available[what].length > 0 ? (
          <fieldset key={what} className="flex flex-wrap items-center gap-3 text-sm" data-testid={`input-${what}`}>
            <legend className="sr-only">{what === "extras" ? "Extras to include" : "Dependency groups to include"}</legend>
            <span aria-hidden="true" className="text-slate-600 dark:text-slate-400">
              {what === "extras" ? "Extras:" : "Groups:"}
            </span>
            {available[what].map((name) => (
              <label key={name} className="flex items-center gap-1">
                <input type="checkbox" checked={input[what].includes(name)} onChange={(event) => toggle(what, name, event.target.checked)} data-testid={`${what}-${name}`} />
                <span className="font-mono">{name}</span>
              </label>
            ))}
          </fieldset>
        ) : null,
      )}
      <div id="requirements-diagnostics" aria-live="polite" className="min-h-5 text-sm">
        {fileNote ? <p className="text-slate-600 dark:text-slate-400">{fileNote}</p> : null}
        {read.ok && read.input.translations.length > 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="input-translations">
            Poetry constraints read as PEP 440: {read.input.translations.map((t) => `${t.name} ${t.from} → ${t.to}`).join("; ")}
          </p>
        ) : null}
        {diagnostics.length > 0 ? (
          <ul className="grid gap-0.5">
            {diagnostics.map((d) => (
              <li key={d.key} data-testid="input-diagnostic" className={d.severity === "error" ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}>
                {d.text}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
