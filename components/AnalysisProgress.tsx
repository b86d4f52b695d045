import { useEffect, useState } from "react";
import { requestSummary } from "@/lib/present/analysis";
import { archsLabel } from "@/lib/present/architectures";
import { formatSeconds } from "@/lib/present/format";
import { requirementLineCount, type ShareState } from "@/lib/share/state";

// While the server resolves: what is being done, for how long so far, and a placeholder per image
// the size of its card, so nothing jumps when the results arrive. Part of the Analyzer's client
// island (it ticks a timer).

export function AnalysisProgress({ state }: { state: ShareState }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="grid gap-3" data-testid="analysis-progress" role="status">
      <p className="font-medium">
        Analysing {requestSummary(requirementLineCount(state), state.bases.length, state.archs)}… {seconds > 0 ? formatSeconds(seconds) : ""}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Resolving every dependency as pip would on each image, then the build environments of anything that compiles. A large file or a slow index can take
        up to half a minute.
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {state.bases.map((base) => (
          <li key={base} className="h-40 animate-pulse rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <span className="font-mono text-sm">{base}</span>
            <span className="mt-2 block text-xs text-slate-500 dark:text-slate-400">{archsLabel(state.archs)} · resolving…</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
