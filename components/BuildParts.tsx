import type { BuildPartsView } from "@/lib/present/build-parts";
import { OPTIONAL_PARTS_HEADING } from "@/lib/present/build-parts";

// A source build's optional native parts: what the listed OS packages enable, then each part they
// leave off with the packages that add it (or, built by another compile's packages, that it is built
// too). The words are lib/present/build-parts'. Used by the target details and the package dialog.

export function BuildParts({ view }: { view: BuildPartsView }) {
  return (
    <div className="grid gap-0.5 text-xs text-slate-700 dark:text-slate-300" data-testid="build-parts">
      {view.enables ? (
        <p className="first-letter:uppercase" data-testid="build-parts-enables">
          {view.enables}
        </p>
      ) : null}
      {view.optional.length > 0 ? (
        <>
          <p className="font-semibold">{OPTIONAL_PARTS_HEADING}</p>
          <ul className="list-disc pl-5">
            {view.optional.map((part) => (
              <li key={part.code} data-testid="optional-part" data-code={part.code} data-enabled={part.enabled}>
                {part.line}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
