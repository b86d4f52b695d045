import type { Report } from "@/lib/contract/report";
import {
  choiceLine,
  inputKindLine,
  LOCKED_MODE_NOTE,
  lockDifferingLine,
  lockEnvironmentsLine,
  lockSkippedLine,
  lockSummaryLine,
  lockTargetHeading,
  translationLine,
} from "@/lib/present/inputs";

// What the input was: shown when it was more than a pasted requirements file (a named file, another
// kind, a lock, Poetry translations, extras or groups). For a lock, what its markers choose on each
// image: the pins skipped there, and those installed there but not on another image.

export function InputSummary({ report }: { report: Pick<Report, "input" | "mode" | "targets"> }) {
  const { input } = report;
  const plain = input.kind === "requirements" && input.kind === input.detectedKind && input.fileName === null && input.files.length === 0;
  if (plain) return null;
  const extras = choiceLine("extras", input.extras);
  const groups = choiceLine("groups", input.groups);
  const locked = input.lock !== null;
  const perTarget = report.targets.filter((t) => t.lock && (t.lock.differing.length > 0 || t.lock.skipped.length > 0));
  return (
    <section aria-labelledby="input-summary-heading" data-testid="input-summary" data-kind={input.kind} className="grid gap-1 rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
      <h3 id="input-summary-heading" className="font-semibold">
        The input
      </h3>
      <p data-testid="input-kind-read">{inputKindLine(input)}</p>
      {input.files.length > 0 ? <p>Files given with it: {input.files.join(", ")}.</p> : null}
      {input.lock ? (
        <>
          <p data-testid="lock-summary">{lockSummaryLine(input.lock)}</p>
          {lockEnvironmentsLine(input.lock) ? <p className="text-xs text-slate-600 dark:text-slate-400">{lockEnvironmentsLine(input.lock)}</p> : null}
        </>
      ) : null}
      {locked && report.mode === "locked" ? <p className="text-xs text-slate-600 dark:text-slate-400">{LOCKED_MODE_NOTE}</p> : null}
      {extras ? <p>{extras}</p> : null}
      {groups ? <p>{groups}</p> : null}
      {input.translations.length > 0 ? (
        <>
          <h4 className="mt-1 font-medium">Poetry constraints as PEP 440</h4>
          <ul data-testid="translations" className="font-mono text-xs">
            {input.translations.map((t) => (
              <li key={`${t.line}:${t.name}`}>{translationLine(t)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {perTarget.length > 0 ? (
        <details data-testid="lock-markers" open={perTarget.some((t) => (t.lock?.differing.length ?? 0) > 0)}>
          <summary className="cursor-pointer font-medium">What the lock&apos;s markers select, image by image</summary>
          {perTarget.map((t) => (
            <div key={`${t.base} ${t.arch}`} className="mt-2" data-testid="lock-target" data-base={t.base} data-arch={t.arch}>
              <h4 className="font-medium">{lockTargetHeading(t)}</h4>
              <ul className="text-xs">
                {t.lock?.differing.map((pin) => (
                  <li key={`d:${pin.line}`} data-testid="lock-differing">
                    {lockDifferingLine(pin)}
                  </li>
                ))}
                {t.lock?.skipped.map((pin) => (
                  <li key={`s:${pin.line}`} data-testid="lock-skipped" className="text-slate-600 dark:text-slate-400">
                    {lockSkippedLine(pin)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}
