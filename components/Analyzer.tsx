"use client";

import { useState } from "react";
import useSWR from "swr";
import { fetchReport, type AnalyzeRequestBody } from "./analyze-client";
import { BasePicker, type BaseOption } from "./BasePicker";
import { ResultsView } from "./ResultsView";

const EXAMPLE = `# A Django app with Postgres
Django~=4.2
psycopg2==2.9.9
pandas==1.5.2
numpy==1.23.5  # pinned for pandas
`;

export function Analyzer({ bases, defaultBases }: { bases: BaseOption[]; defaultBases: string[] }) {
  const [text, setText] = useState(EXAMPLE);
  const [selected, setSelected] = useState<string[]>(defaultBases);
  const [arch, setArch] = useState<"amd64" | "arm64">("amd64");
  const [request, setRequest] = useState<AnalyzeRequestBody | null>(null);

  // The request itself keys the cache: the same input is answered once.
  const { data, error, isLoading } = useSWR(request ? ["analyze", JSON.stringify(request)] : null, () =>
    fetchReport(request as AnalyzeRequestBody),
    { revalidateOnFocus: false, shouldRetryOnError: false },
  );

  return (
    <div className="grid gap-6">
      <form
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(event) => {
          event.preventDefault();
          setRequest({ requirements: text, bases: selected, arch });
        }}
      >
        <label className="grid gap-1">
          <span className="font-medium">requirements.txt</span>
          <textarea
            data-testid="requirements-input"
            className="h-56 w-full rounded border border-slate-300 bg-slate-50 p-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-950"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <BasePicker options={bases} selected={selected} onChange={setSelected} />
        <fieldset className="flex flex-wrap items-center gap-4">
          <legend className="sr-only">CPU architecture</legend>
          {(["amd64", "arm64"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="arch" value={value} checked={arch === value} onChange={() => setArch(value)} />
              {value}
            </label>
          ))}
        </fieldset>
        <div>
          <button
            type="submit"
            disabled={selected.length === 0 || isLoading}
            className="rounded bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-500 disabled:opacity-50"
          >
            {isLoading ? "Analyzing…" : "Analyze"}
          </button>
        </div>
      </form>

      <section aria-live="polite" data-testid="results" className="min-h-24">
        {error ? (
          <p role="alert" data-testid="analysis-error" className="rounded border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {error instanceof Error ? error.message : String(error)}
          </p>
        ) : null}
        {isLoading ? <p className="text-slate-500">Analyzing…</p> : null}
        {data && !error ? <ResultsView report={data} /> : null}
      </section>
    </div>
  );
}
