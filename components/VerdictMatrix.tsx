import type { TargetPackage, TargetReport } from "@/lib/report/types";

// Packages down, base images across: at a glance, where pip compiles.

const STATUS: Record<TargetPackage["status"], { label: string; className: string }> = {
  wheel: { label: "wheel", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  sdist: { label: "compiles", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  none: { label: "not installable", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
  unknown: { label: "unknown", className: "bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200" },
  direct: { label: "direct link", className: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200" },
};

export function statusLabel(status: TargetPackage["status"]): string {
  return STATUS[status].label;
}

function Cell({ pkg, skipped }: { pkg: TargetPackage | undefined; skipped: boolean }) {
  if (!pkg && skipped) return <span className="text-slate-400" title="Skipped: its environment marker is false on this image">skipped</span>;
  if (!pkg) return <span className="text-slate-400" title="Nothing on this image requires it">not needed</span>;
  const style = STATUS[pkg.status];
  return (
    <span title={pkg.reason} className="inline-flex flex-col gap-0.5">
      <span className={`w-fit rounded px-1.5 py-0.5 text-xs font-semibold ${style.className}`}>{style.label}</span>
      {pkg.version ? <span className="font-mono text-xs">{pkg.version}</span> : null}
    </span>
  );
}

interface Row {
  name: string;
  requested: boolean;
  /** For a dependency: what pulls it in (on the first image that installs it). */
  via: string[];
}

/** The file's packages first, then every dependency any image installs, by name. */
function rows(targets: readonly TargetReport[]): Row[] {
  const byName = new Map<string, Row>();
  for (const target of targets) {
    for (const pkg of target.packages) {
      const known = byName.get(pkg.name);
      if (!known) byName.set(pkg.name, { name: pkg.name, requested: pkg.requested, via: pkg.via });
      else if (pkg.requested) known.requested = true;
    }
  }
  return [...byName.values()].sort((a, b) => (a.requested === b.requested ? 0 : a.requested ? -1 : 1));
}

export function VerdictMatrix({ targets }: { targets: TargetReport[] }) {
  const all = rows(targets);
  if (targets.length === 0 || all.length === 0) return null;
  return (
    <section>
      <h2 className="mb-2 text-xl font-semibold">Wheel or compile, per base image</h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="verdict-matrix">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-1 pr-3">Package</th>
              {targets.map((t) => (
                <th key={`${t.base}/${t.arch}`} scope="col" className="py-1 pr-3 font-mono text-xs">
                  {t.base}
                  <span className="block font-sans font-normal text-slate-500">
                    {t.arch} · {t.resolution.ok ? `${t.summary.compiles} to compile` : "no solution"}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {all.map((row) => (
              <tr key={row.name} className="border-b border-slate-100 dark:border-slate-900" data-testid="verdict-row" data-requested={row.requested}>
                <th scope="row" className="py-1 pr-3 align-top font-mono font-normal">
                  {row.name}
                  {row.requested ? null : (
                    <span className="block font-sans text-xs text-slate-500">dependency{row.via.length ? ` · via ${row.via.join(" → ")}` : ""}</span>
                  )}
                </th>
                {targets.map((t) => (
                  <td key={`${t.base}/${t.arch}`} className="py-1 pr-3 align-top">
                    <Cell pkg={t.packages.find((p) => p.name === row.name)} skipped={t.skipped.some((s) => s.name === row.name)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
