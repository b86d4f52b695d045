import type { RequirementSummary } from "@/lib/contract/report";

export function RequirementsTable({ requirements }: { requirements: RequirementSummary[] }) {
  if (requirements.length === 0) {
    return <p data-testid="no-requirements">No requirements found in the text.</p>;
  }
  return (
    <section>
      <h2 className="mb-2 text-xl font-semibold">Requirements ({requirements.length})</h2>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Requirements (scrolls sideways)">
        <table className="w-full text-left text-sm" data-testid="requirements-table">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-1 pr-3">Line</th>
              <th scope="col" className="py-1 pr-3">Package</th>
              <th scope="col" className="py-1 pr-3">Version</th>
              <th scope="col" className="py-1 pr-3">Extras</th>
              <th scope="col" className="py-1 pr-3">Marker</th>
              <th scope="col" className="py-1">Source</th>
            </tr>
          </thead>
          <tbody>
            {requirements.map((r) => (
              <tr key={`${r.file ?? ""}:${r.line}`} className="border-b border-slate-100 font-mono dark:border-slate-900" data-testid="requirement-row">
                {/* A line of a file the main one includes (-r) is named with its file. */}
                <td className="py-1 pr-3">{r.file ? `${r.file}:${r.line}` : r.line}</td>
                <td className="py-1 pr-3">{r.name ?? "(unnamed)"}</td>
                <td className="py-1 pr-3">{r.specifier || "any"}</td>
                <td className="py-1 pr-3">{r.extras.join(", ")}</td>
                <td className="py-1 pr-3">{r.marker ?? ""}</td>
                <td className="py-1">{r.origin.kind === "index" ? "package index" : r.origin.kind === "url" ? r.origin.url : r.origin.path}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
