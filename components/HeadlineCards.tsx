import { NO_SOLUTION_NOTE, compileCount, failsToBuildNote, headlineFacts, uncheckedNote, type Headline } from "@/lib/present/comparison";
import { formatRange } from "@/lib/present/format";
import { SIZE_UNKNOWN, STAGE_LABEL, imageSize, incompleteNote } from "@/lib/present/target";

// One card per base image: the numbers that decide, in the recommendation's order.

export function HeadlineCards({ headlines }: { headlines: Headline[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="base-cards">
      {headlines.map((h) => (
        <li
          key={h.key}
          data-testid="base-card"
          data-base={h.base}
          className={`grid gap-1 rounded-lg border bg-white p-3 dark:bg-slate-900 ${h.recommended ? "border-emerald-500 ring-1 ring-emerald-500" : "border-slate-200 dark:border-slate-800"}`}
        >
          <h3 className="flex flex-wrap items-baseline justify-between gap-1">
            <span className="break-all font-mono text-sm font-semibold">{h.base}</span>
            <span className="text-xs text-slate-500 dark:text-slate-400">
              #{h.rank}
              {h.recommended ? <span className="ml-1 rounded bg-emerald-100 px-1 font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">recommended</span> : null}
            </span>
          </h3>
          <p className="text-xs text-slate-500 dark:text-slate-400">{headlineFacts(h)}</p>
          <dl className="mt-1 grid grid-cols-2 gap-x-2 gap-y-1 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">Compiles</dt>
            <dd data-testid="card-compiles" className={h.compiling > 0 ? "font-semibold text-amber-800 dark:text-amber-300" : ""}>
              {compileCount(h)}
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">Build (cold)</dt>
            <dd data-testid="card-build">{formatRange(h.buildSeconds)}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Image</dt>
            <dd data-testid="card-size">
              {h.imageBytes.baseUnknown ? (
                SIZE_UNKNOWN
              ) : (
                <>
                  {imageSize(h.imageBytes, "multiStage")} <span className="text-xs text-slate-500 dark:text-slate-400">{STAGE_LABEL.multiStage}</span>
                  <br />
                  {imageSize(h.imageBytes, "singleStage")} <span className="text-xs text-slate-500 dark:text-slate-400">{STAGE_LABEL.singleStage}</span>
                </>
              )}
            </dd>
          </dl>
          {h.failsToBuild ? (
            <p className="text-sm font-semibold text-red-700 dark:text-red-300" data-testid="card-fails">
              {failsToBuildNote(h)}
            </p>
          ) : null}
          {h.noSolution ? <p className="text-sm text-red-700 dark:text-red-300">{NO_SOLUTION_NOTE}</p> : null}
          {h.incomplete ? (
            <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="card-incomplete">
              {incompleteNote(h.incomplete)}
            </p>
          ) : null}
          {uncheckedNote(h) ? <p className="text-sm text-amber-800 dark:text-amber-300">{uncheckedNote(h)}</p> : null}
        </li>
      ))}
    </ul>
  );
}
