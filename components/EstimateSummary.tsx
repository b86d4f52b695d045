import type { TargetReport } from "@/lib/contract/report";
import { formatBytes, formatRange } from "@/lib/present/format";
import { builderInstallsNote, finalKeepsNote, imageSizes, missingAtRuntimeNote } from "@/lib/present/target";

// Build time and image size for one image, with what they are made of and what the build needs.

export function EstimateSummary({ target }: { target: TargetReport }) {
  const { estimate, sysdeps } = target;
  const builder = builderInstallsNote(sysdeps);
  const keeps = finalKeepsNote(sysdeps);
  const missing = missingAtRuntimeNote(sysdeps);
  return (
    <div className="mt-3 grid gap-2 text-sm" data-testid="estimate">
      <p>
        <span className="font-semibold">Build:</span> <span data-testid="estimate-build">{formatRange(estimate.buildSeconds)}</span> ·{" "}
        <span className="font-semibold">Image:</span> <span data-testid="estimate-size">{imageSizes(estimate.imageBytes)}</span>
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
      {builder ? (
        <p className="first-letter:uppercase" data-testid="sysdeps-build">
          {builder}
        </p>
      ) : null}
      {keeps ? (
        <p className="first-letter:uppercase" data-testid="sysdeps-runtime">
          {keeps}
        </p>
      ) : null}
      {missing ? (
        <p className="text-amber-800 dark:text-amber-300" data-testid="sysdeps-missing">
          {missing}
        </p>
      ) : null}
    </div>
  );
}
