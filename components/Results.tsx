"use client";

import { memo } from "react";
import type { Report } from "@/lib/contract/report";
import type { ShareLink } from "./Analyzer";
import { ReportView } from "./ReportView";

// The analysis's answer in the browser: the share link needs the page's origin, which only the
// browser knows (results arrive by fetch, after Analyze). Memoised: typing in the box re-renders the
// Analyzer, not the report.

export const Results = memo(function Results({ report, link }: { report: Report; link: ShareLink | null }) {
  const url = link?.ok ? new URL(link.path, window.location.origin).toString() : null;
  return <ReportView report={report} shareUrl={url} shareError={link && !link.ok ? link.error : null} />;
});
