import { RANKING_RULE } from "@/lib/report/recommend";
import type { Report } from "@/lib/report/types";
import { DiagnosticsList } from "./DiagnosticsList";
import { RequirementsTable } from "./RequirementsTable";
import { TargetDetails } from "./TargetDetails";
import { VerdictMatrix } from "./VerdictMatrix";

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
      {report.recommendation ? (
        <section className="rounded border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950" data-testid="recommendation">
          <h2 className="text-lg font-semibold">
            Recommended: <span className="font-mono">{report.recommendation.base}</span> ({report.recommendation.arch})
          </h2>
          <p className="text-sm">{report.recommendation.why}</p>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{RANKING_RULE}</p>
        </section>
      ) : null}
      <DiagnosticsList diagnostics={report.diagnostics} />
      <RequirementsTable requirements={report.requirements} />
      <VerdictMatrix targets={report.targets} />
      <section>
        <h2 className="mb-2 text-xl font-semibold">Base images</h2>
        <div className="grid gap-3 lg:grid-cols-2" data-testid="targets">
          {report.targets.map((target) => (
            <TargetDetails key={`${target.base}/${target.arch}`} target={target} />
          ))}
        </div>
      </section>
    </div>
  );
}
