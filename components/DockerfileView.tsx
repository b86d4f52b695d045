"use client";

import { Suspense, lazy, useState } from "react";
import type { ReportDockerfile, ReportEstimate } from "@/lib/contract/report";

// The recommended Dockerfile, folded: its lines, notes and buttons are drawn (and their code
// fetched) when a reader opens it, not for every image at first results.

const DockerfileBody = lazy(() => import("./DockerfileBody"));

export function DockerfileView({ dockerfile, base, imageBytes }: { dockerfile: ReportDockerfile; base: string; imageBytes: ReportEstimate["imageBytes"] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-3" data-testid="dockerfile" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">Recommended Dockerfile</summary>
      {open ? (
        <Suspense fallback={<p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Loading…</p>}>
          <DockerfileBody dockerfile={dockerfile} base={base} imageBytes={imageBytes} />
        </Suspense>
      ) : null}
    </details>
  );
}
