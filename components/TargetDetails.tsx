import type { TargetPackage, TargetReport } from "@/lib/report/types";
import { statusLabel } from "./VerdictMatrix";

// One base image: its facts, then every package with pip's file and the reason in words.

function formatBytes(bytes: number | null): string {
  if (bytes === null) return "size unknown";
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function PackageItem({ pkg }: { pkg: TargetPackage }) {
  return (
    <li className="grid gap-0.5 border-b border-slate-100 py-2 dark:border-slate-900" data-testid="package-verdict" data-status={pkg.status}>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-mono font-semibold">{pkg.name}</span>
        {pkg.version ? <span className="font-mono">{pkg.version}</span> : null}
        <span className="text-xs font-semibold uppercase text-slate-500">{statusLabel(pkg.status)}</span>
        {pkg.line !== null ? <span className="text-xs text-slate-400">line {pkg.line}</span> : null}
      </p>
      {pkg.filename ? (
        <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
          {pkg.filename} · {formatBytes(pkg.sizeBytes)}
        </p>
      ) : null}
      <p className="text-sm">{pkg.reason}</p>
      {pkg.alternative && pkg.status !== "wheel" ? (
        <p className="text-sm text-emerald-800 dark:text-emerald-300" data-testid="wheel-alternative">
          {pkg.alternative.satisfiesSpecifier ? "Would install from a wheel: " : "Nearest version with a wheel here (outside your specifier): "}
          <span className="font-mono">
            {pkg.name}=={pkg.alternative.version}
          </span>{" "}
          <span className="font-mono text-xs">({pkg.alternative.tag})</span>
        </p>
      ) : null}
    </li>
  );
}

export function TargetDetails({ target }: { target: TargetReport }) {
  const { summary } = target;
  return (
    <article className="rounded border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900" data-testid="target-card">
      <h3 className="font-mono font-semibold">{target.base}</h3>
      {target.resolvedNote ? <p className="text-xs text-slate-500">{target.resolvedNote}</p> : null}
      <p className="text-sm">
        Python {target.python} · {target.libc.family} {target.libc.version} · {target.arch} · {target.os} · {target.packageManager}
      </p>
      <p className="mt-1 text-sm" data-testid="target-summary">
        {summary.wheels} from wheels · {summary.sdists} to compile
        {summary.none ? ` · ${summary.none} not installable` : ""}
        {summary.unknown ? ` · ${summary.unknown} unknown` : ""}
        {summary.direct ? ` · ${summary.direct} direct links` : ""}
      </p>
      <ul className="mt-2">
        {target.packages.map((pkg) => (
          <PackageItem key={pkg.name} pkg={pkg} />
        ))}
      </ul>
      {target.skipped.length > 0 ? (
        <p className="mt-2 text-xs text-slate-500">
          Skipped here (marker is false): {target.skipped.map((s) => `${s.name} (line ${s.line}: ${s.marker})`).join(", ")}
        </p>
      ) : null}
    </article>
  );
}
