import type { Report } from "@/lib/contract/report";
import { errorsToShow, rankingLines, recommendationWords } from "@/lib/present/analysis";
import { groupByImage } from "@/lib/present/architectures";
import { imageHeadlines } from "@/lib/present/comparison";
import { problemsOf } from "@/lib/present/problems";
import { RANKING_RULE } from "@/lib/report/recommend";
import { LazyComparisonCharts } from "./charts/LazyComparisonCharts";
import { DiagnosticsList } from "./DiagnosticsList";
import { DocLink } from "./DocLink";
import { HeadlineCards } from "./HeadlineCards";
import { InputSummary } from "./InputSummary";
import { RequirementsTable } from "./RequirementsTable";
import { ShareBar } from "./ShareBar";
import { ImageDetails } from "./TargetDetails";
import { VerdictMatrix } from "./VerdictMatrix";

// The report, rendered: the share bar, what went wrong, the recommendation, a card per image (its
// architectures side by side), the charts, the file's notes and lines, the matrix and each image in detail. No state and no browser
// API, so it renders anywhere; the interactive parts are client islands (share bar, charts, matrix
// and its package dialog, each Dockerfile), and the heavy ones load when first used.

export function ReportView({ report, shareUrl, shareError }: { report: Report; shareUrl: string | null; shareError: string | null }) {
  const cards = imageHeadlines(report);
  const images = groupByImage(report.targets, report.archs);
  const ranking = report.recommendation && report.recommendation.ranking.length > 1 ? rankingLines(report.recommendation) : [];
  const problems = problemsOf(report);
  const errors = errorsToShow(report);
  const unreachable = problems.some((p) => p.kind === "index-unreachable");
  const recommendation = recommendationWords(report);

  return (
    <div className="grid grid-cols-1 gap-6" data-testid="results-view">
      <ShareBar report={report} url={shareUrl} error={shareError} />

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
      {errors.length > 0 ? (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          <ul className="grid gap-1">
            {errors.map((error) => (
              <li key={`${error.subject}:${error.code}:${error.message}`}>{error.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {recommendation && !unreachable ? (
        <section
          className={`rounded border p-3 ${recommendation.recommended ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950" : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"}`}
          data-testid="recommendation"
          data-recommended={recommendation.recommended}
        >
          <h2 className="text-lg font-semibold">{recommendation.heading}</h2>
          <p className="text-sm">{recommendation.why}</p>
          {ranking.length > 0 ? (
            <ol className="mt-1 grid gap-0.5 text-sm" data-testid="ranking">
              {ranking.map((r) => (
                <li key={r.base} data-testid="ranking-entry" data-out={r.out} className={r.out ? "text-slate-700 dark:text-slate-300" : ""}>
                  {r.line}
                </li>
              ))}
            </ol>
          ) : null}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {RANKING_RULE} <DocLink slug="estimates">What the estimates assume</DocLink>
          </p>
        </section>
      ) : null}

      {unreachable ? null : (
        <>
          <HeadlineCards cards={cards} />
          <section aria-labelledby="charts-heading">
            <h2 id="charts-heading" className="mb-2 text-xl font-semibold">
              Build time and image size
            </h2>
            <LazyComparisonCharts report={report} />
          </section>
        </>
      )}
      <InputSummary report={report} />
      <DiagnosticsList diagnostics={report.diagnostics} />
      <RequirementsTable requirements={report.requirements} />
      <VerdictMatrix report={report} />
      <section>
        <h2 className="mb-2 text-xl font-semibold">Base images in detail</h2>
        <div className={`grid gap-3 ${images.some((i) => i.targets.length > 1) ? "" : "lg:grid-cols-2"}`} data-testid="targets">
          {images.map((image) => (
            <ImageDetails key={image.base} base={image.base} targets={image.targets} asOf={report.asOf} />
          ))}
        </div>
      </section>
    </div>
  );
}
