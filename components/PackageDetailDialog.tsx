"use client";

import { useEffect, useRef } from "react";
import type { Report } from "@/lib/contract/report";
import { packageDetail } from "@/lib/present/package-detail";
import { DocLink } from "./DocLink";

// One package across the compared images: why it compiles, the nearest version that would not, the
// OS packages it needs there, and what pulls it in. A modal dialog: Escape or Close returns focus.
// Loaded when a package is first opened (see VerdictMatrix), with the presenter it needs.

export default function PackageDetailDialog({ report, name, onClose }: { report: Report; name: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const images = packageDetail(report, name);
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
            <p className="first-letter:uppercase">
              <span className="font-semibold">{image.statusLine}</span>
              {image.file ? <span className="font-mono text-xs text-slate-600 dark:text-slate-400"> · {image.file}</span> : null}
            </p>
            <p className="first-letter:uppercase">{image.reason}</p>
            {image.closestMiss ? (
              <p data-testid="detail-closest-miss">
                <span className="font-semibold">Closest wheel that did not fit:</span> {image.closestMiss}
              </p>
            ) : null}
            {image.nearestWheelNote ? (
              <p data-testid="detail-nearest-wheel" className="text-emerald-800 first-letter:uppercase dark:text-emerald-300">
                {image.nearestWheelNote}
              </p>
            ) : null}
            {image.osNeeds.build ? (
              <p data-testid="detail-build-packages" className="first-letter:uppercase">
                {image.osNeeds.build}
              </p>
            ) : null}
            {image.osNeeds.runtime ? (
              <p data-testid="detail-runtime-packages" className="first-letter:uppercase">
                {image.osNeeds.runtime}
              </p>
            ) : null}
            {image.insideBuilds ? <p className="first-letter:uppercase">{image.insideBuilds}</p> : null}
            {image.requiredBy.length > 0 ? (
              <p data-testid="detail-required-by">
                <span className="font-semibold">Required by:</span> {image.requiredBy.join("; ")}
              </p>
            ) : null}
            {image.chainNote ? (
              <p data-testid="detail-chain">
                <span className="font-semibold">Chain:</span> {image.chainNote}
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
