"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import useSWR from "swr";
import { DEFAULT_ARCHS, DEFAULT_ESTIMATE } from "@/lib/contract/request-limits";
import { encodeShareState, NO_INPUT, requestFor, type ShareState } from "@/lib/share/state";
import type { Preset } from "@/lib/targets/presets";
import { fetchReport, nextLiveAnalysis, type LiveAnalysis } from "./analyze-client";
import { AnalysisProgress } from "./AnalysisProgress";
import type { BaseOption } from "./BasePicker";
import { InputOptions, type OptionsValue } from "./InputOptions";
import { RequirementsInput, type InputValue } from "./RequirementsInput";
import { Results } from "./Results";

const FIRST_EXAMPLE = `# A Django app with Postgres
Django~=4.2
psycopg2==2.9.9
pandas==1.5.2
numpy==1.23.5  # pinned for pandas
`;

/** The share link's path for a state (the page adds its origin), or why there cannot be one. */
export type ShareLink = { ok: true; path: string } | { ok: false; error: string };

export function Analyzer({
  bases,
  defaultBases,
  pythonVersions,
  presets,
  examples,
  initial,
  linkError,
}: {
  bases: BaseOption[];
  defaultBases: string[];
  pythonVersions: string[];
  presets: Record<string, Preset[]>;
  examples: readonly { id: string; label: string; text: string }[];
  initial: ShareState | null;
  linkError: string | null;
}) {
  const [text, setText] = useState(initial?.requirements ?? FIRST_EXAMPLE);
  // The file's name, kind override, extras, groups and the files dropped with it.
  const [input, setInput] = useState<InputValue>(initial?.input ?? NO_INPUT);
  const [options, setOptions] = useState<OptionsValue>(() => ({
    python: pythonOf(initial?.bases[0] ?? defaultBases[0] ?? "", bases, pythonVersions),
    bases: initial?.bases ?? defaultBases,
    archs: initial?.archs ?? [...DEFAULT_ARCHS],
    noDeps: initial?.noDeps ?? false,
    estimate: initial?.estimate ?? DEFAULT_ESTIMATE,
  }));
  // What was analysed: the SWR key, so the same state is answered once and a link reproduces it.
  const [submitted, setSubmitted] = useState<ShareState | null>(initial);
  const [link, setLink] = useState<ShareLink | null>(() => (initial ? linkFor(initial) : null));

  // False in the server's HTML, true once React runs here: until then Analyze is disabled, so an
  // early click cannot submit the form natively.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

  // Back and forward move between analyses: each history entry is a share link the server reads.
  useEffect(() => {
    const reload = () => window.location.reload();
    window.addEventListener("popstate", reload);
    return () => window.removeEventListener("popstate", reload);
  }, []);

  // The analysis as it streams in (each image as it finishes), until SWR has the report; keyed like SWR.
  const [live, setLive] = useState<LiveAnalysis | null>(null);
  const streaming = useRef<AbortController | null>(null);
  useEffect(() => () => streaming.current?.abort(), []);
  const requestKey = submitted ? JSON.stringify(requestFor(submitted)) : null;
  const { data, error, isLoading } = useSWR(requestKey ? ["analyze", requestKey] : null, () => {
    const state = submitted as ShareState;
    const key = requestKey as string;
    // A new analysis replaces the one still streaming: the server stops work no one will read.
    streaming.current?.abort();
    const controller = new AbortController();
    streaming.current = controller;
    return fetchReport(requestFor(state), linkParam(state), (event) => setLive((previous) => nextLiveAnalysis(previous, key, event)), controller.signal);
  }, {
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
    shouldRetryOnError: false,
    keepPreviousData: false,
  });

  function analyze() {
    // asOf fixes the index date, so opening the link later gives the same answer.
    const state: ShareState = { requirements: text, bases: options.bases, archs: options.archs, noDeps: options.noDeps, estimate: options.estimate, asOf: new Date().toISOString(), input };
    setSubmitted(state);
    const next = linkFor(state);
    setLink(next);
    if (next.ok) window.history.pushState(null, "", next.path);
  }

  return (
    <div className="grid grid-cols-1 gap-6">
      {linkError ? (
        <p role="alert" data-testid="link-error" className="rounded border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {linkError}
        </p>
      ) : null}
      <form
        aria-label="Analyse requirements"
        data-hydrated={hydrated}
        className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(event) => {
          event.preventDefault();
          analyze();
        }}
      >
        <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Examples">
          <span className="text-slate-600 dark:text-slate-400">Try an example:</span>
          {examples.map((example) => (
            <button key={example.id} type="button" className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800" onClick={() => {
                setText(example.text);
                setInput(NO_INPUT);
              }}>
              {example.label}
            </button>
          ))}
        </div>
        <RequirementsInput value={text} onChange={setText} input={input} onInputChange={setInput} />
        <InputOptions value={options} onChange={setOptions} options={bases} pythonVersions={pythonVersions} presets={presets} />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={!hydrated || options.bases.length === 0 || options.archs.length === 0 || isLoading} className="rounded bg-indigo-600 px-4 py-2 font-semibold text-white hover:bg-indigo-500 disabled:opacity-50">
            Analyze
          </button>
          {options.bases.length === 0 ? <span className="text-sm text-slate-600 dark:text-slate-400">Pick at least one base image.</span> : null}
        </div>
      </form>

      <section aria-live="polite" aria-busy={isLoading} data-testid="results" className="min-h-24">
        {error ? (
          <p role="alert" data-testid="analysis-error" className="rounded border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {error instanceof Error ? error.message : String(error)}
          </p>
        ) : null}
        {isLoading && submitted ? <AnalysisProgress state={submitted} live={live?.key === requestKey ? live : null} /> : null}
        {data && !error && !isLoading ? <Results report={data} link={link} /> : null}
      </section>
    </div>
  );
}

function noSubscription(): () => void {
  return () => {};
}

function linkFor(state: ShareState): ShareLink {
  const encoded = encodeShareState(state);
  if (!encoded.ok) return encoded;
  return { ok: true, path: `/?s=${encoded.param}` };
}

/** The Python picker's first value: the minor of the first image, from the catalog, if the picker offers it. */
function pythonOf(reference: string, bases: readonly BaseOption[], versions: readonly string[]): string {
  const minor = bases.find((b) => b.reference === reference)?.pythonMinor;
  return minor && versions.includes(minor) ? minor : (versions[0] ?? "3.12");
}

/** The state's share-link parameter, when it fits in a link: the analysis is then a cacheable GET. */
function linkParam(state: ShareState): string | null {
  const encoded = encodeShareState(state);
  return encoded.ok ? encoded.param : null;
}
