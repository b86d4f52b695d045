"use client";

import { Suspense, lazy } from "react";
import type { Report } from "@/lib/contract/report";
import { WhenVisible } from "../WhenVisible";

// Recharts is the heaviest part of the page: it and the charts' series (lib/present/charts) are
// fetched when the charts scroll into view, into a box of fixed height, so nothing moves.

const HEIGHT = 660;

const ComparisonCharts = lazy(() => import("./ComparisonCharts"));

export function LazyComparisonCharts({ report }: { report: Report }) {
  return (
    <WhenVisible minHeight={HEIGHT}>
      <Suspense fallback={<div style={{ height: HEIGHT }} aria-hidden="true" />}>
        <ComparisonCharts report={report} />
      </Suspense>
    </WhenVisible>
  );
}
