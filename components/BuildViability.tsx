import type { ViabilityView } from "@/lib/present/viability";
import { SOURCES_LABEL, WHY_UNVERIFIED } from "@/lib/present/viability";

// Whether one source build succeeds on an image: a failing build in red, with its label (never colour
// alone), its reason and its fix; an unverified one neutral, its reason on demand; a known-good one a
// small note. The words are lib/present/viability's. Used by the target details and the package dialog.

const LABEL_CLASS: Record<ViabilityView["viability"], string> = {
  fails: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  unknown: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  builds: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
};

export function ViabilityLabel({ view }: { view: ViabilityView }) {
  return (
    <span className={`w-fit rounded px-1.5 py-0.5 text-xs font-semibold ${LABEL_CLASS[view.viability]}`} data-testid="viability-label" title={view.viability === "fails" ? undefined : view.markTitle}>
      {view.label}
    </span>
  );
}

/** The reason, the fix and (with `sources`) where the answer comes from. */
export function ViabilityBody({ view, sources = false }: { view: ViabilityView; sources?: boolean }) {
  const fix = view.fix ? (
    <p className={view.viability === "fails" ? "font-semibold text-red-800 dark:text-red-200" : ""} data-testid="viability-fix">
      {view.fix}
    </p>
  ) : null;
  const list =
    sources && view.sources.length > 0 ? (
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="viability-sources">
        {SOURCES_LABEL}:{" "}
        {view.sources.map((source, i) => (
          <span key={source.text}>
            {i > 0 ? " · " : ""}
            {source.href ? (
              <a href={source.href} className="break-all text-indigo-700 underline dark:text-indigo-300" target="_blank" rel="noopener noreferrer">
                {source.text}
              </a>
            ) : (
              <span className="break-all">{source.text}</span>
            )}
          </span>
        ))}
      </p>
    ) : null;
  if (view.viability === "fails") {
    return (
      <div className="grid gap-0.5 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200" data-testid="viability-body">
        <p data-testid="viability-reason">{view.reason}</p>
        {fix}
        {list}
      </div>
    );
  }
  if (view.viability === "unknown") {
    return (
      <details className="text-xs text-slate-600 dark:text-slate-400" data-testid="viability-body">
        <summary className="cursor-pointer">{WHY_UNVERIFIED}</summary>
        <p data-testid="viability-reason">{view.reason}</p>
        {fix}
        {list}
      </details>
    );
  }
  return list || sources ? (
    <div className="grid gap-0.5 text-xs text-slate-600 dark:text-slate-400" data-testid="viability-body">
      <p data-testid="viability-reason">{view.reason}</p>
      {list}
    </div>
  ) : null;
}
