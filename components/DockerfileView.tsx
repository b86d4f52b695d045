"use client";

import { Suspense, lazy, useState } from "react";
import type { Arch } from "@/lib/contract/request";
import type { ReportDockerfile, ReportEstimate } from "@/lib/contract/report";
import { DOCKERFILE_ARCH_PICKER, identicalDockerfilesNote } from "@/lib/present/architectures";
import { dockerfileTitle } from "@/lib/present/target";

// The recommended Dockerfile of one image, folded: its lines, notes and buttons are drawn (and their
// code fetched) when a reader opens it, not for every image at first results. An image analysed on
// several architectures has one per architecture: pick one, or read that they are the same file.

const DockerfileBody = lazy(() => import("./DockerfileBody"));

export interface ArchDockerfile {
  arch: Arch;
  dockerfile: ReportDockerfile;
  imageBytes: ReportEstimate["imageBytes"];
  /** The build fails on this architecture (the file is then no recommendation). */
  blocked: boolean;
}

export function DockerfileView({ base, files }: { base: string; files: readonly ArchDockerfile[] }) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Arch | null>(null);
  const [first] = files;
  if (!first) return null;
  const identical = files.every((f) => f.dockerfile.text === first.dockerfile.text);
  const shown = files.find((f) => f.arch === picked) ?? first;
  return (
    <details className="mt-3" data-testid="dockerfile" data-arch={shown.arch} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold" data-testid="dockerfile-title">
        {dockerfileTitle(
          files.filter((f) => f.blocked).map((f) => f.arch),
          files.length,
        )}
      </summary>
      {open ? (
        <>
          {files.length > 1 ? (
            <div className="mt-1 flex flex-wrap items-center gap-3 text-sm">
              <div role="group" aria-label={DOCKERFILE_ARCH_PICKER} className="inline-flex overflow-hidden rounded border border-slate-300 dark:border-slate-700">
                {files.map((f) => (
                  <button
                    key={f.arch}
                    type="button"
                    aria-pressed={f.arch === shown.arch}
                    onClick={() => setPicked(f.arch)}
                    data-testid="dockerfile-arch"
                    className={`px-2 py-0.5 ${f.arch === shown.arch ? "bg-indigo-600 text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800"}`}
                  >
                    {f.arch}
                  </button>
                ))}
              </div>
              {identical ? (
                <span className="text-slate-600 dark:text-slate-400" data-testid="dockerfile-identical">
                  {identicalDockerfilesNote(files.map((f) => f.arch))}
                </span>
              ) : null}
            </div>
          ) : null}
          <Suspense fallback={<p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Loading…</p>}>
            <DockerfileBody dockerfile={shown.dockerfile} base={base} arch={files.length > 1 && !identical ? shown.arch : null} imageBytes={shown.imageBytes} />
          </Suspense>
        </>
      ) : null}
    </details>
  );
}
