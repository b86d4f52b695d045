import { formatBytes, formatRange } from "@/lib/report/recommend";
import type { TargetReport } from "@/lib/contract/report";

// Build time and image size for one image, with what they are made of and what the build needs.

export function EstimateSummary({ target }: { target: TargetReport }) {
  const { estimate, sysdeps } = target;
  return (
    <div className="mt-3 grid gap-2 text-sm" data-testid="estimate">
      <p>
        <span className="font-semibold">Build:</span> <span data-testid="estimate-build">{formatRange(estimate.buildSeconds)}</span> ·{" "}
        <span className="font-semibold">Image:</span> <span data-testid="estimate-size">{formatBytes(estimate.imageBytes.multiStage)}</span> multi-stage
        {estimate.imageBytes.singleStage > estimate.imageBytes.multiStage ? ` (${formatBytes(estimate.imageBytes.singleStage)} as a naive single stage)` : ""}
      </p>
      <details>
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">What the estimate is made of</summary>
        <table className="mt-1 w-full text-xs">
          <tbody>
            {estimate.breakdown.build.map((part) => (
              <tr key={`build ${part.part}`} className="border-b border-slate-100 dark:border-slate-900">
                <td className="py-0.5 pr-2">{part.part}</td>
                <td className="py-0.5 pr-2 whitespace-nowrap">{formatRange({ low: part.lowSeconds, high: part.highSeconds })}</td>
                <td className="py-0.5 text-slate-500 dark:text-slate-400">{part.basis}</td>
              </tr>
            ))}
            {estimate.breakdown.size.map((part) => (
              <tr key={`size ${part.part}`} className="border-b border-slate-100 dark:border-slate-900">
                <td className="py-0.5 pr-2">{part.part}</td>
                <td className="py-0.5 pr-2 whitespace-nowrap">{formatBytes(part.bytes)}</td>
                <td className="py-0.5 text-slate-500 dark:text-slate-400">{part.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {estimate.notes.length > 0 ? (
          <ul className="mt-1 list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
            {estimate.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </details>
      {sysdeps.build.length > 0 ? (
        <p data-testid="sysdeps-build">
          <span className="font-semibold">To compile ({sysdeps.manager}):</span> <span className="font-mono text-xs">{sysdeps.build.map((p) => p.name).join(" ")}</span>
        </p>
      ) : null}
      {sysdeps.runtime.length > 0 ? (
        <p data-testid="sysdeps-runtime">
          <span className="font-semibold">Kept at runtime:</span> <span className="font-mono text-xs">{sysdeps.runtime.map((p) => p.name).join(" ")}</span>
        </p>
      ) : null}
      {sysdeps.missingAtRuntime.length > 0 ? (
        <p className="text-amber-800 dark:text-amber-300" data-testid="sysdeps-missing">
          This image cannot install {sysdeps.missingAtRuntime.map((p) => `${p.name} (for ${p.neededBy.join(", ")})`).join(", ")}: copy the libraries from the builder, or use a wheel that bundles them.
        </p>
      ) : null}
    </div>
  );
}
