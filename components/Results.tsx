"use client";

import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { buildTimeRows, headlines, imageSizeRows, timeSizePoints } from "@/lib/present/comparison";
import { reportMarkdown } from "@/lib/present/markdown";
import { packageDetail } from "@/lib/present/package-detail";
import { problemsOf } from "@/lib/present/problems";
import { RANKING_RULE } from "@/lib/report/recommend";
import type { Report } from "@/lib/contract/report";
import type { ShareLink } from "./Analyzer";
import { CopyButton } from "./CopyButton";
import { DiagnosticsList } from "./DiagnosticsList";
import { DocLink } from "./DocLink";
import { HeadlineCards } from "./HeadlineCards";
import { PackageDetailDialog } from "./PackageDetailDialog";
import { RequirementsTable } from "./RequirementsTable";
import { TargetDetails } from "./TargetDetails";
import { VerdictMatrix } from "./VerdictMatrix";
import { WhenVisible } from "./WhenVisible";

// Recharts is the heaviest part of the page: fetched when the charts scroll into view, into a box of
// fixed height.
const ComparisonCharts = dynamic(() => import("./charts/ComparisonCharts"), {
  ssr: false,
  loading: () => <div className="h-[660px]" aria-hidden="true" />,
});

export function Results({ report, link }: { report: Report; link: ShareLink | null }) {
  const [openPackage, setOpenPackage] = useState<string | null>(null);
  const cards = useMemo(() => headlines(report), [report]);
  const problems = useMemo(() => problemsOf(report), [report]);
  const charts = useMemo(() => ({ time: buildTimeRows(report), size: imageSizeRows(report), points: timeSizePoints(report) }), [report]);
  // Results render only in the browser (after the analysis answers), so the page's origin is known.
  const url = link?.ok ? new URL(link.path, window.location.origin).toString() : null;
  const markdown = useMemo(() => reportMarkdown(report, url), [report, url]);
  const unreachable = problems.some((p) => p.kind === "index-unreachable");

  return (
    <div className="grid grid-cols-1 gap-6" data-testid="results-view">
      <div className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900" data-testid="share-bar">
        {url ? (
          <>
            <CopyButton text={url} label="Copy link" testId="copy-link" />
            <label className="flex min-w-0 flex-1 items-center gap-2 text-xs">
              <span className="text-slate-600 dark:text-slate-400">Link</span>
              <input readOnly value={url} className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-1 font-mono dark:border-slate-700 dark:bg-slate-950" data-testid="share-url" onFocus={(e) => e.target.select()} />
            </label>
          </>
        ) : link && !link.ok ? (
          <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="share-refused">
            {link.error}
          </p>
        ) : null}
        <CopyButton text={markdown} label="Copy as Markdown" testId="copy-markdown" />
        <span className="text-xs text-slate-500 dark:text-slate-400">
          Index {report.index.host} as of {new Date(report.asOf).toISOString().slice(0, 16).replace("T", " ")} UTC
        </span>
      </div>

      {problems.length > 0 ? (
        <ul className="grid gap-2" data-testid="problems">
          {problems.map((p) => (
            <li key={p.kind} className={`rounded border p-3 ${p.kind === "index-unreachable" ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200" : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"}`} data-testid={`problem-${p.kind}`}>
              <div role="alert">
                <p className="font-semibold">{p.title}</p>
                <p className="text-sm">{p.detail}</p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {report.errors.filter((e) => e.subject !== "index").length > 0 ? (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          <ul className="grid gap-1">
            {report.errors
              .filter((e) => e.subject !== "index")
              .map((error) => (
                <li key={`${error.subject}:${error.message}`}>{error.message}</li>
              ))}
          </ul>
        </div>
      ) : null}

      {report.recommendation && !unreachable ? (
        <section className="rounded border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950" data-testid="recommendation">
          <h2 className="text-lg font-semibold">
            Recommended: <span className="font-mono">{report.recommendation.base}</span> ({report.recommendation.arch})
          </h2>
          <p className="text-sm">{report.recommendation.why}</p>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {RANKING_RULE} <DocLink slug="estimates">What the estimates assume</DocLink>
          </p>
        </section>
      ) : null}

      {unreachable ? null : (
        <>
          <HeadlineCards headlines={cards} />
          <section aria-labelledby="charts-heading">
            <h2 id="charts-heading" className="mb-2 text-xl font-semibold">
              Build time and image size
            </h2>
            <WhenVisible minHeight={660}>
              <ComparisonCharts time={charts.time} size={charts.size} points={charts.points} />
            </WhenVisible>
          </section>
        </>
      )}
      <DiagnosticsList diagnostics={report.diagnostics} />
      <RequirementsTable requirements={report.requirements} />
      <VerdictMatrix targets={report.targets} onOpen={setOpenPackage} />
      <section>
        <h2 className="mb-2 text-xl font-semibold">Base images in detail</h2>
        <div className="grid gap-3 lg:grid-cols-2" data-testid="targets">
          {report.targets.map((target) => (
            <TargetDetails key={`${target.base}/${target.arch}`} target={target} />
          ))}
        </div>
      </section>
      {openPackage ? <PackageDetailDialog name={openPackage} images={packageDetail(report, openPackage)} onClose={() => setOpenPackage(null)} /> : null}
    </div>
  );
}
