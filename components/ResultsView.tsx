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
