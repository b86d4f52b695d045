import type { ReportDockerfile, ReportEstimate } from "@/lib/contract/report";
import { dockerfileFilename, stagesNote } from "@/lib/present/target";
import { CopyButton } from "./CopyButton";
import { DocLink } from "./DocLink";

// The recommended Dockerfile, open: each line with why beside it, copy and download (annotations as
// comments), and what the multi-stage build saves over a naive single stage.

export default function DockerfileBody({ dockerfile, base, arch, imageBytes }: { dockerfile: ReportDockerfile; base: string; arch: string | null; imageBytes: ReportEstimate["imageBytes"] }) {
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(dockerfile.text)}`;
  return (
    <>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <CopyButton text={dockerfile.text} label="Copy Dockerfile" testId="dockerfile-copy" />
        <a className="text-sm text-indigo-700 underline dark:text-indigo-300" href={href} download={dockerfileFilename(base, arch)} data-testid="dockerfile-download">
          Download (annotations as comments)
        </a>
      </div>
      <p className="mt-2 text-sm" data-testid="dockerfile-stages">
        {stagesNote(dockerfile, imageBytes)} <DocLink slug="multi-stage-builds">Why multi-stage</DocLink>
      </p>
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
    </>
  );
}
