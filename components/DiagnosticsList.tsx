import type { Report } from "@/lib/contract/report";
import { diagnosticLine } from "@/lib/present/analysis";

type Diagnostic = Report["diagnostics"][number];

const STYLE: Record<Diagnostic["severity"], string> = {
  error: "text-red-700 dark:text-red-300",
  warning: "text-amber-700 dark:text-amber-300",
  info: "text-slate-600 dark:text-slate-400",
};

export function DiagnosticsList({ diagnostics }: { diagnostics: Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <section>
      <h2 className="mb-2 text-xl font-semibold">Notes on your file</h2>
      <ul className="grid gap-1" data-testid="diagnostics">
        {diagnostics.map((d, index) => (
          <li key={index} className={`text-sm ${STYLE[d.severity]}`} data-testid="diagnostic">
            {diagnosticLine(d)}
          </li>
        ))}
      </ul>
    </section>
  );
}
