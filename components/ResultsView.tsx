import type { Report } from "@/lib/report/types";
import { DiagnosticsList } from "./DiagnosticsList";
import { RequirementsTable } from "./RequirementsTable";

export function ResultsView({ report }: { report: Report }) {
  return (
    <div className="grid gap-6">
      {report.errors.length > 0 ? (
        <ul role="alert" className="grid gap-1 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          {report.errors.map((error) => (
            <li key={`${error.subject}:${error.message}`}>{error.message}</li>
          ))}
        </ul>
      ) : null}
      <DiagnosticsList diagnostics={report.diagnostics} />
      <RequirementsTable requirements={report.requirements} />
      <section>
        <h2 className="mb-2 text-xl font-semibold">Base images</h2>
        <ul className="grid gap-2 sm:grid-cols-2" data-testid="targets">
          {report.targets.map((target) => (
            <li key={`${target.base}/${target.arch}`} className="rounded border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
              <p className="font-mono font-semibold">{target.base}</p>
              {target.resolvedNote ? <p className="text-xs text-slate-500">{target.resolvedNote}</p> : null}
              <p className="text-sm">
                Python {target.python} · {target.libc.family} {target.libc.version} · {target.arch} · {target.packageManager}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
