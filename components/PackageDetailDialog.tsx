"use client";

import { useEffect, useRef } from "react";
import type { PackageOnImage } from "@/lib/present/package-detail";
import { DocLink } from "./DocLink";

// One package across the compared images: why it compiles, the nearest version that would not, the
// OS packages it needs there, and what pulls it in. A modal dialog: Escape or Close returns focus.

const STATUS_WORDS: Record<string, string> = {
  wheel: "installs from a wheel",
  sdist: "compiles from source",
  none: "cannot be installed",
  unknown: "could not be checked",
  direct: "built from a direct link",
  absent: "not needed here",
};

export function PackageDetailDialog({ name, images, onClose }: { name: string; images: PackageOnImage[]; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="package-detail-title"
      data-testid="package-detail"
      className="m-auto max-h-[90vh] w-[min(56rem,95vw)] overflow-y-auto rounded-lg border border-slate-300 bg-white p-0 text-slate-900 backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="sticky top-0 flex items-center justify-between gap-2 border-b border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="package-detail-title" className="font-mono text-lg font-semibold">
          {name}
        </h2>
        <button type="button" className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700" onClick={() => dialog.current?.close()} autoFocus>
          Close
        </button>
      </div>
      <ul className="grid gap-3 p-3">
        {images.map((image) => (
          <li key={image.key} className="grid gap-1 rounded border border-slate-200 p-2 text-sm dark:border-slate-800" data-testid="package-detail-image" data-status={image.status}>
            <h3 className="font-mono font-semibold">
              {image.base} <span className="font-sans font-normal text-slate-500 dark:text-slate-400">({image.arch})</span>
            </h3>
            <p>
              <span className="font-semibold">{image.version ? `${image.version} ` : ""}{STATUS_WORDS[image.status] ?? image.status}</span>
              {image.file ? <span className="font-mono text-xs text-slate-600 dark:text-slate-400"> · {image.file}</span> : null}
            </p>
            <p>{image.reason}</p>
            {image.closestMiss ? (
              <p data-testid="detail-closest-miss">
                <span className="font-semibold">Closest wheel that did not fit:</span> {image.closestMiss}
              </p>
            ) : null}
            {image.nearestWheel && image.status !== "wheel" ? (
              <p data-testid="detail-nearest-wheel" className="text-emerald-800 dark:text-emerald-300">
                <span className="font-semibold">Nearest version with a wheel here:</span>{" "}
                <span className="font-mono">
                  {name}=={image.nearestWheel.version}
                </span>{" "}
                ({image.nearestWheel.tag}){image.nearestWheel.allowedByRequirement ? "" : " — outside your requirement"}
              </p>
            ) : null}
            {image.buildPackages.length > 0 ? (
              <p data-testid="detail-build-packages">
                <span className="font-semibold">To build ({image.manager}):</span> <span className="font-mono">{image.buildPackages.join(" ")}</span>
              </p>
            ) : null}
            {image.runtimePackages.length > 0 ? (
              <p data-testid="detail-runtime-packages">
                <span className="font-semibold">Kept at run time:</span> <span className="font-mono">{image.runtimePackages.join(" ")}</span>
              </p>
            ) : null}
            {image.forBuildOf.length > 0 ? <p>Compiled inside the build of {image.forBuildOf.join(", ")} (build isolation).</p> : null}
            {image.requiredBy.length > 0 ? (
              <p data-testid="detail-required-by">
                <span className="font-semibold">Required by:</span> {image.requiredBy.join("; ")}
              </p>
            ) : null}
            {image.chain.length > 0 ? (
              <p data-testid="detail-chain">
                <span className="font-semibold">Chain:</span> your file → {image.chain.join(" → ")} → {name}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="border-t border-slate-200 p-3 text-sm dark:border-slate-800">
        Background: <DocLink slug="wheels-and-sdists">wheels and sdists</DocLink> · <DocLink slug="manylinux-and-musllinux">manylinux and musllinux</DocLink>
      </p>
    </dialog>
  );
}
