import { EMULATED_NOTE } from "@/lib/present/architectures";
import { NO_SOLUTION_NOTE, archFacts, archHeading, compileCount, failsToBuildNote, uncheckedNote, type ArchColumn, type ImageHeadline } from "@/lib/present/comparison";
import { formatRange } from "@/lib/present/format";
import { SIZE_UNKNOWN, STAGE_LABEL, imageSize, incompleteNote } from "@/lib/present/target";

// One card per base image, in the recommendation's order: the numbers that decide, with a column per
// architecture side by side (stacked on a phone), an emulated build marked with what it costs, and
// the image's end of life when it has come or is near.

function ArchHalf({ column }: { column: ArchColumn }) {
  const h = column.headline;
  if (!h) {
    return (
      <section data-testid="card-arch" data-arch={column.arch} data-published="false" className="grid content-start gap-1">
        <h4 className="text-sm font-semibold">{column.arch}</h4>
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="card-not-published">
          {column.missing}
        </p>
      </section>
    );
  }
  return (
    <section data-testid="card-arch" data-arch={h.arch} data-emulated={h.emulated} className="grid content-start gap-1">
      <h4 className="text-sm font-semibold">
        {archHeading(h)}
      </h4>
      <p className="text-xs text-slate-500 dark:text-slate-400">{archFacts(h)}</p>
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
      {h.emulated ? (
        <p className="text-xs text-amber-800 first-letter:uppercase dark:text-amber-300" data-testid="card-emulated">
          {EMULATED_NOTE}
        </p>
      ) : null}
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
    </section>
  );
}

export function HeadlineCards({ cards }: { cards: ImageHeadline[] }) {
  const severalArchs = cards.some((c) => c.columns.length > 1);
  return (
    <ul className={`grid gap-3 ${severalArchs ? "lg:grid-cols-2" : "sm:grid-cols-2 lg:grid-cols-3"}`} data-testid="base-cards">
      {cards.map((card) => (
        <li
          key={card.key}
          data-testid="base-card"
          data-base={card.base}
          className={`grid content-start gap-2 rounded-lg border bg-white p-3 dark:bg-slate-900 ${card.recommended ? "border-emerald-500 ring-1 ring-emerald-500" : "border-slate-200 dark:border-slate-800"}`}
        >
          <h3 className="flex flex-wrap items-baseline justify-between gap-1">
            <span className="break-all font-mono text-sm font-semibold">{card.base}</span>
            <span className="text-xs text-slate-500 dark:text-slate-400">
              #{card.rank}
              {card.recommended ? <span className="ml-1 rounded bg-emerald-100 px-1 font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">recommended</span> : null}
            </span>
          </h3>
          {card.support.map((note) => (
            <p
              key={note.text}
              data-testid="card-support"
              data-kind={note.kind}
              className={`rounded px-2 py-1 text-sm ${note.kind === "ended" ? "bg-red-50 font-semibold text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
            >
              {note.text}
            </p>
          ))}
          <div className={`grid gap-3 ${card.columns.length > 1 ? "sm:grid-cols-2 sm:divide-x sm:divide-slate-200 sm:[&>*+*]:pl-3 dark:sm:divide-slate-800" : ""}`}>
            {card.columns.map((column) => (
              <ArchHalf key={column.arch} column={column} />
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}
