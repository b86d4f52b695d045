import { useEffect, useState } from "react";
import type { TargetReport } from "@/lib/contract/report";
import type { Arch } from "@/lib/contract/request";
import { requestSummary } from "@/lib/present/analysis";
import { groupByImage } from "@/lib/present/architectures";
import { formatRange, formatSeconds } from "@/lib/present/format";
import { STAGE_LABEL, imageSize, installSetSummary, pythonAndLibc } from "@/lib/present/target";
import { requirementLineCount, type ShareState } from "@/lib/share/state";
import type { LiveAnalysis } from "./analyze-client";

// While the server resolves: what is being done and fetched, for how long so far, and a card per
// image the size of its final card, filled in architecture by architecture as the server streams each
// finished target (the final report then replaces all of it). Part of the Analyzer's client island
// (it ticks a timer).

export function AnalysisProgress({ state, live }: { state: ShareState; live: LiveAnalysis | null }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, []);
  // Before the server has said which images it resolved the request to, the ones asked for.
  const targets = live?.targets ?? state.bases.flatMap((base) => state.archs.map((arch) => ({ base, arch })));
  const images = groupByImage(
    targets.map((t, index) => ({ ...t, index })),
    state.archs,
  );
  const done = live ? Object.keys(live.finished).length : 0;
  return (
    <div className="grid gap-3" data-testid="analysis-progress" role="status">
      <p className="font-medium">
        Analysing {requestSummary(requirementLineCount(state), state.bases.length, state.archs)}… {seconds > 0 ? formatSeconds(seconds) : ""}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="progress-fetched">
        {fetchedWords(live, targets.length, done)}
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {images.map((image) => {
          const finished = image.targets.map((t) => live?.finished[t.index] ?? null);
          const complete = finished.every((t) => t !== null);
          return (
            <li
              key={image.base}
              data-testid="progress-image"
              data-base={image.base}
              data-state={complete ? "done" : "analysing"}
              className={`grid min-h-40 content-start gap-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900 ${complete ? "" : "animate-pulse"}`}
            >
              <span className="break-all font-mono text-sm font-semibold">{image.base}</span>
              <div className={`grid gap-3 ${image.targets.length > 1 ? "sm:grid-cols-2" : ""}`}>
                {image.targets.map((t, i) => (
                  <ArchProgress key={t.arch} arch={t.arch} target={finished[i] ?? null} />
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ArchProgress({ arch, target }: { arch: Arch; target: TargetReport | null }) {
  if (!target) {
    return (
      <section data-testid="progress-arch" data-arch={arch} data-state="analysing" className="grid content-start gap-1">
        <h4 className="text-sm font-semibold">{arch}</h4>
        <p className="text-xs text-slate-500 dark:text-slate-400">resolving…</p>
      </section>
    );
  }
  return (
    <section data-testid="progress-arch" data-arch={arch} data-state="done" className="grid content-start gap-1 text-sm">
      <h4 className="font-semibold">{arch}</h4>
      <p className="text-xs text-slate-500 dark:text-slate-400">{pythonAndLibc(target)}</p>
      <p data-testid="progress-summary">{installSetSummary(target.summary)}</p>
      <p>
        Build (cold) {formatRange(target.estimate.buildSeconds)} · {imageSize(target.estimate.imageBytes, "multiStage")} {STAGE_LABEL.multiStage}
      </p>
      {target.blocker ? <p className="font-semibold text-red-700 dark:text-red-300">{target.blocker}</p> : null}
    </section>
  );
}

/** "Fetched 12 projects and 30 files' metadata from the index (latest: numpy) · 2 of 4 targets finished" */
function fetchedWords(live: LiveAnalysis | null, targets: number, done: number): string {
  if (!live) return "Asking the server…";
  const parts: string[] = [];
  if (live.fetched) {
    const { projects, files, latest } = live.fetched;
    parts.push(`Fetched ${projects} project page${projects === 1 ? "" : "s"}${files > 0 ? ` and ${files} file${files === 1 ? "'s" : "s'"} metadata` : ""} from the index (latest: ${latest})`);
  } else {
    parts.push("Reading the package index…");
  }
  parts.push(`${done} of ${targets} ${archsWord(targets)} finished`);
  return parts.join(" · ");
}

function archsWord(targets: number): string {
  return targets === 1 ? "image and architecture" : "images and architectures";
}

