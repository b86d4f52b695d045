"use client";

import type { ReportDockerfile, ReportEstimate } from "@/lib/contract/report";
import { formatBytes } from "@/lib/report/recommend";
import { CopyButton } from "./CopyButton";
import { DocLink } from "./DocLink";

// The recommended Dockerfile: each line with why beside it, copy and download (annotations as
// comments), and what the multi-stage build saves over a naive single stage.

export function DockerfileView({ dockerfile, name, estimate }: { dockerfile: ReportDockerfile; name: string; estimate?: ReportEstimate }) {
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(dockerfile.text)}`;
  const { multiStage } = dockerfile;
  const saved = estimate ? estimate.imageBytes.singleStage - estimate.imageBytes.multiStage : 0;
  return (
    <details className="mt-3" data-testid="dockerfile">
      <summary className="cursor-pointer font-semibold">Recommended Dockerfile</summary>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <CopyButton text={dockerfile.text} label="Copy Dockerfile" testId="dockerfile-copy" />
        <a className="text-sm text-indigo-700 underline dark:text-indigo-300" href={href} download={`Dockerfile.${name}`} data-testid="dockerfile-download">
          Download (annotations as comments)
        </a>
      </div>
      {estimate ? (
        <p className="mt-2 text-sm" data-testid="dockerfile-stages">
          {multiStage
            ? `Two stages: the builder has the compilers and -dev packages; the final image gets only the virtualenv and runtime libraries — ${formatBytes(estimate.imageBytes.multiStage)} instead of ${formatBytes(estimate.imageBytes.singleStage)} for a naive single-stage build (${formatBytes(saved)} saved).`
            : `One stage is enough: nothing compiles, so there are no compilers to leave behind (${formatBytes(estimate.imageBytes.multiStage)}; pip's cache stays in a cache mount, not the image).`}{" "}
          <DocLink slug="multi-stage-builds">Why multi-stage</DocLink>
        </p>
      ) : null}
      {dockerfile.warnings.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-sm text-amber-800 dark:text-amber-300" data-testid="dockerfile-warnings">
          {dockerfile.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <ol className="mt-2 grid gap-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-950" aria-label="Dockerfile, each line with its reason" tabIndex={0}>
        {dockerfile.lines.map((line, index) => (
          <li key={index} className="grid gap-x-4 border-b border-slate-200 py-0.5 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] dark:border-slate-800" data-testid="dockerfile-line">
            <code className="whitespace-pre-wrap break-all font-mono">{line.text}</code>
            {line.note ? <span className="text-slate-600 dark:text-slate-400">{line.note}</span> : <span />}
          </li>
        ))}
      </ol>
    </details>
  );
}
