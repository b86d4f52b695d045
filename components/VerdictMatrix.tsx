"use client";

import { Suspense, lazy, useMemo, useState } from "react";
import type { CompiledPackage, Report, TargetPackage, TargetReport } from "@/lib/contract/report";
import { dependencyNote } from "@/lib/present/package";
import { archHeading } from "@/lib/present/comparison";
import { groupByImage } from "@/lib/present/architectures";
import { ABSENCE_REASON, STATUS_LABEL } from "@/lib/present/status";
import { compileTally } from "@/lib/present/target";
import { VIABILITY_LABEL, VIABILITY_MARK, buildTableNote, compileOf } from "@/lib/present/viability";
import { StatusBadge } from "./StatusBadge";

// Packages down, base images across (each image's architectures as sub-columns side by side): at a
// glance, where pip compiles. Sortable, filterable to what
// compiles; a package's name opens its detail (a dialog, fetched the first time one is opened).

const PackageDetailDialog = lazy(() => import("./PackageDetailDialog"));

const MARK_CLASS: Record<CompiledPackage["viability"], string> = {
  fails: "rounded bg-red-100 px-1 font-semibold text-red-800 dark:bg-red-950 dark:text-red-200",
  unknown: "text-slate-500 dark:text-slate-400",
  builds: "text-emerald-800 dark:text-emerald-300",
};

/** Whether the package's source build succeeds here, as a compact mark; the reason is its title. */
function ViabilityMark({ compile }: { compile: CompiledPackage }) {
  const title = `${VIABILITY_LABEL[compile.viability]}: ${compile.viabilityReason}`;
  return (
    <span className={`w-fit text-[10px] ${MARK_CLASS[compile.viability]}`} title={title} aria-label={compile.viability === "unknown" ? title : undefined} data-testid="matrix-viability" data-viability={compile.viability}>
      {VIABILITY_MARK[compile.viability]}
    </span>
  );
}

function Cell({ pkg, skipped, compile }: { pkg: TargetPackage | undefined; skipped: boolean; compile: CompiledPackage | undefined }) {
  if (!pkg) {
    const absence = skipped ? "skipped" : "absent";
    return (
      <span className="text-slate-500 dark:text-slate-400" title={ABSENCE_REASON[absence]}>
        {STATUS_LABEL[absence]}
      </span>
    );
  }
  const table = buildTableNote(pkg);
  return (
    <span title={table ? `${pkg.reason}\n${table}` : pkg.reason} className="inline-flex flex-col gap-0.5">
      <StatusBadge status={pkg.status} />
      {pkg.compiles && compile ? <ViabilityMark compile={compile} /> : null}
      {pkg.status === "wheel" && pkg.tag ? <span className="font-mono text-[10px] text-slate-500 dark:text-slate-400">{pkg.tag}</span> : null}
      {pkg.version ? <span className="font-mono text-xs">{pkg.version}</span> : null}
    </span>
  );
}

interface Row {
  name: string;
  order: number;
  requested: boolean;
  via: string[];
  compilesOn: number;
}

type SortKey = "file" | "name" | "compiles";

function rows(targets: readonly TargetReport[]): Row[] {
  const byName = new Map<string, Row>();
  for (const target of targets) {
    for (const pkg of target.packages) {
      const known = byName.get(pkg.name) ?? { name: pkg.name, order: byName.size, requested: false, via: pkg.via, compilesOn: 0 };
      if (pkg.requested) known.requested = true;
      if (pkg.status === "sdist") known.compilesOn++;
      byName.set(pkg.name, known);
    }
  }
  return [...byName.values()];
}

const SORTS: Record<SortKey, (a: Row, b: Row) => number> = {
  file: (a, b) => Number(b.requested) - Number(a.requested) || a.order - b.order,
  name: (a, b) => a.name.localeCompare(b.name),
  compiles: (a, b) => b.compilesOn - a.compilesOn || a.name.localeCompare(b.name),
};

export function VerdictMatrix({ report }: { report: Report }) {
  const images = useMemo(() => groupByImage(report.targets, report.archs), [report]);
  // Columns in the images' order, an image's architectures together.
  const targets = useMemo(() => images.flatMap((i) => i.targets), [images]);
  const severalArchs = images.some((i) => i.targets.length > 1);
  // The first column of each image opens with a rule, so an image's architectures read as one group.
  const groupStart = (t: TargetReport) => severalArchs && images.some((image) => image.targets[0] === t);
  const [openPackage, setOpenPackage] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>("file");
  const [onlyCompiling, setOnlyCompiling] = useState(false);
  const all = useMemo(() => rows(targets), [targets]);
  const shown = useMemo(() => all.filter((r) => !onlyCompiling || r.compilesOn > 0).sort(SORTS[sort]), [all, onlyCompiling, sort]);
  if (targets.length === 0 || all.length === 0) return null;
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading" className="mb-2 text-xl font-semibold">
        Wheel or compile, per base image
      </h2>
      <div className="mb-2 flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          Sort
          <select className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900" value={sort} onChange={(e) => setSort(e.target.value as SortKey)} data-testid="matrix-sort">
            <option value="file">as in the file, then dependencies</option>
            <option value="name">by name</option>
            <option value="compiles">most compiles first</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={onlyCompiling} onChange={(e) => setOnlyCompiling(e.target.checked)} data-testid="matrix-only-compiles" />
          only what compiles
        </label>
        <span className="text-slate-600 dark:text-slate-400">
          {shown.length} of {all.length} packages
        </span>
      </div>
      {/* Focusable so keyboard users can scroll a wide comparison sideways. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Package matrix (scrolls sideways)">
        <table className="w-full text-left text-sm" data-testid="verdict-matrix">
          <caption className="sr-only">For each package, what pip installs on each base image</caption>
          <thead>
            {severalArchs ? (
              <tr>
                <th scope="col" rowSpan={2} className="py-1 pr-3 align-bottom">
                  Package
                </th>
                {images.map((image) => (
                  <th key={image.base} scope="colgroup" colSpan={image.targets.length} className="border-l border-slate-200 px-2 pt-1 font-mono text-xs dark:border-slate-800" data-testid="matrix-image">
                    {image.base}
                  </th>
                ))}
              </tr>
            ) : null}
            <tr className="border-b border-slate-200 dark:border-slate-800">
              {severalArchs ? null : (
                <th scope="col" className="py-1 pr-3">
                  Package
                </th>
              )}
              {targets.map((t) => (
                <th
                  key={`${t.base}/${t.arch}`}
                  scope="col"
                  className={`py-1 pr-3 text-xs ${severalArchs ? "font-normal" : "font-mono"} ${groupStart(t) ? "border-l border-slate-200 pl-2 dark:border-slate-800" : ""}`}
                  data-testid="matrix-column"
                  data-base={t.base}
                  data-arch={t.arch}
                >
                  {severalArchs ? (
                    <span className="font-semibold">{archHeading({ arch: t.arch, emulated: t.estimate.parameters.emulated })}</span>
                  ) : (
                    t.base
                  )}
                  <span className="block font-sans font-normal text-slate-500 dark:text-slate-400">
                    {severalArchs ? compileTally(t) : `${t.arch} · ${compileTally(t)}`}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={targets.length + 1} className="py-2 text-slate-600 dark:text-slate-400">
                  Nothing compiles on any of these images.
                </td>
              </tr>
            ) : null}
            {shown.map((row) => (
              <tr key={row.name} className="border-b border-slate-100 dark:border-slate-900" data-testid="verdict-row" data-requested={row.requested}>
                <th scope="row" className="py-1 pr-3 align-top font-mono font-normal">
                  <button type="button" className="text-left text-indigo-700 underline dark:text-indigo-300" onClick={() => setOpenPackage(row.name)} data-testid="open-package">
                    {row.name}
                  </button>
                  {row.requested ? null : <span className="block font-sans text-xs text-slate-500 dark:text-slate-400">{dependencyNote(row.via)}</span>}
                </th>
                {targets.map((t) => (
                  <td key={`${t.base}/${t.arch}`} className={`py-1 pr-3 align-top ${groupStart(t) ? "border-l border-slate-200 pl-2 dark:border-slate-800" : ""}`} data-arch={t.arch}>
                    <Cell pkg={t.packages.find((p) => p.name === row.name)} skipped={t.skipped.some((s) => s.name === row.name)} compile={compileOf(t.compiles, row.name)} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {openPackage ? (
        <Suspense fallback={null}>
          <PackageDetailDialog report={report} name={openPackage} onClose={() => setOpenPackage(null)} />
        </Suspense>
      ) : null}
    </section>
  );
}
