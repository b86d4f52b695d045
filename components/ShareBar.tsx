"use client";

import type { Report } from "@/lib/contract/report";
import { indexAsOf } from "@/lib/present/analysis";
import { reportMarkdown } from "@/lib/present/markdown";
import { CopyButton } from "./CopyButton";

// The link to this analysis (copy it, or select it by hand), Copy as Markdown, and the index date
// the answer holds for. The Markdown is composed when copied, not on every render.

export function ShareBar({ report, url, error}: { report: Report; url: string | null; error: string | null }) {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900" data-testid="share-bar">
      {url ? (
        <>
          <CopyButton text={url} label="Copy link" testId="copy-link" />
          <label className="flex min-w-0 flex-1 items-center gap-2 text-xs">
            <span className="text-slate-600 dark:text-slate-400">Link</span>
            <input readOnly value={url} className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-1 font-mono dark:border-slate-700 dark:bg-slate-950" data-testid="share-url" onFocus={(e) => e.target.select()} />
          </label>
        </>
      ) : error ? (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="share-refused">
          {error}
        </p>
      ) : null}
      <CopyButton text={() => reportMarkdown(report, url)} label="Copy as Markdown" testId="copy-markdown" />
      <span className="text-xs text-slate-500 dark:text-slate-400">{indexAsOf(report)}</span>
    </div>
  );
}
