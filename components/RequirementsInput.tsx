"use client";

import { useMemo, useRef, useState } from "react";
import { MAX_REQUIREMENTS_BYTES } from "@/lib/contract/request-limits";
import { diagnosticLine } from "@/lib/present/analysis";
import { counted } from "@/lib/present/format";
import { parseRequirementsFile } from "@/lib/requirements-file";

// The paste box: also takes a dropped or opened file, and shows each line's problems as you type,
// with its line number (the same parser the server uses).

export function RequirementsInput({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const diagnostics = useMemo(() => {
    const parsed = parseRequirementsFile(value);
    if (!parsed.ok) return [{ line: 1, severity: "error" as const, message: parsed.error }];
    return parsed.file.diagnostics.filter((d) => d.severity !== "info").slice(0, 20);
  }, [value]);
  const lineCount = useMemo(() => value.split("\n").length, [value]);

  async function load(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_REQUIREMENTS_BYTES) {
      // Worded as the server words the same limit (lib/requirements-file/limits.ts: 256 KiB, printed
      // as "256 KB"), so the two messages agree until the limit is restated in decimal units.
      setFileNote(`${file.name} is ${Math.ceil(file.size / 1024)} KB; Basewise accepts at most ${MAX_REQUIREMENTS_BYTES / 1024} KB.`);
      return;
    }
    const text = await file.text();
    onChange(text);
    setFileNote(`Loaded ${file.name} (${counted(text.split("\n").length, "line")}).`);
  }

  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <label htmlFor="requirements" className="font-medium">
          requirements.txt
        </label>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {counted(lineCount, "line")} ·{" "}
          <button type="button" className="text-indigo-700 underline dark:text-indigo-300" onClick={() => fileInput.current?.click()}>
            open a file
          </button>{" "}
          or drop one on the box
        </span>
      </div>
      <textarea
        id="requirements"
        data-testid="requirements-input"
        aria-describedby="requirements-diagnostics"
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
          void load(event.dataTransfer.files[0]);
        }}
      />
      <input ref={fileInput} type="file" accept=".txt,.in,text/plain" className="sr-only" tabIndex={-1} aria-hidden="true" onChange={(event) => void load(event.target.files?.[0])} data-testid="requirements-file" />
      <div id="requirements-diagnostics" aria-live="polite" className="min-h-5 text-sm">
        {fileNote ? <p className="text-slate-600 dark:text-slate-400">{fileNote}</p> : null}
        {diagnostics.length > 0 ? (
          <ul className="grid gap-0.5">
            {diagnostics.map((d, i) => (
              <li key={i} data-testid="input-diagnostic" className={d.severity === "error" ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}>
                {diagnosticLine(d)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
