"use client";

import { useEffect, useRef } from "react";
import type { Report } from "@/lib/contract/report";
import { packageDetailByImage, type PackageOnImage } from "@/lib/present/package-detail";
import { BuildParts } from "./BuildParts";
import { ViabilityBody, ViabilityLabel } from "./BuildViability";
import { DocLink } from "./DocLink";

// One package across the compared images, each image's architectures side by side: why it compiles, the nearest version that would not, the
// OS packages it needs there, and what pulls it in. A modal dialog: Escape or Close returns focus.
// Loaded when a package is first opened (see VerdictMatrix), with the presenter it needs.

export default function PackageDetailDialog({ report, name, onClose }: { report: Report; name: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const images = packageDetailByImage(report, name);
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
          <li key={image.base} className="grid gap-1 rounded border border-slate-200 p-2 text-sm dark:border-slate-800" data-testid="package-detail-image" data-base={image.base} data-status={image.status}>
            <h3 className="font-mono font-semibold">
              {image.base}
              {image.targets.length === 1 && image.targets[0] ? <span className="font-sans font-normal text-slate-500 dark:text-slate-400"> ({image.targets[0].arch})</span> : null}
            </h3>
            <div className={image.targets.length > 1 ? "grid gap-3 md:grid-cols-2" : "grid"}>
              {image.targets.map((target) => (
                <ArchDetail key={target.key} detail={target} titled={image.targets.length > 1} />
              ))}
            </div>
          </li>
        ))}
      </ul>
      <p className="border-t border-slate-200 p-3 text-sm dark:border-slate-800">
        Background: <DocLink slug="wheels-and-sdists">wheels and sdists</DocLink> · <DocLink slug="manylinux-and-musllinux">manylinux and musllinux</DocLink>
      </p>
    </dialog>
  );
}

/** What pip does with the package on one architecture of an image. */
function ArchDetail({ detail, titled }: { detail: PackageOnImage; titled: boolean }) {
  return (
    <section className="grid min-w-0 content-start gap-1" data-testid="package-detail-arch" data-arch={detail.arch} data-status={detail.status}>
      {titled ? <h4 className="font-semibold">{detail.arch}</h4> : null}
      <p className="first-letter:uppercase">
        <span className="font-semibold">{detail.statusLine}</span>
        {detail.file ? <span className="break-all font-mono text-xs text-slate-600 dark:text-slate-400"> · {detail.file}</span> : null}
      </p>
      <p className="first-letter:uppercase">{detail.reason}</p>
      {detail.viability ? (
        <div className="grid gap-1" data-testid="detail-viability" data-viability={detail.viability.viability}>
          <p className="flex flex-wrap items-baseline gap-x-2">
            <ViabilityLabel view={detail.viability} />
            <span className="text-xs text-slate-600 first-letter:uppercase dark:text-slate-400">{detail.viability.why}</span>
          </p>
          <ViabilityBody view={detail.viability} sources />
        </div>
      ) : null}
      {detail.buildTable ? (
        <p data-testid="detail-build-table" className="text-slate-700 dark:text-slate-300">
          {detail.buildTable}
        </p>
      ) : null}
      {detail.closestMiss ? (
        <p data-testid="detail-closest-miss">
          <span className="font-semibold">Closest wheel that did not fit:</span> {detail.closestMiss}
        </p>
      ) : null}
      {detail.nearestWheelNote ? (
        <p data-testid="detail-nearest-wheel" className="text-emerald-800 first-letter:uppercase dark:text-emerald-300">
          {detail.nearestWheelNote}
        </p>
      ) : null}
      {detail.osNeeds.build ? (
        <p data-testid="detail-build-packages" className="first-letter:uppercase">
          {detail.osNeeds.build}
        </p>
      ) : null}
      {detail.osNeeds.runtime ? (
        <p data-testid="detail-runtime-packages" className="first-letter:uppercase">
          {detail.osNeeds.runtime}
        </p>
      ) : null}
      {detail.buildParts ? <BuildParts view={detail.buildParts} /> : null}
      {detail.insideBuilds ? <p className="first-letter:uppercase">{detail.insideBuilds}</p> : null}
      {detail.requiredBy.length > 0 ? (
        <p data-testid="detail-required-by">
          <span className="font-semibold">Required by:</span> {detail.requiredBy.join("; ")}
        </p>
      ) : null}
      {detail.chainNote ? (
        <p data-testid="detail-chain">
          <span className="font-semibold">Chain:</span> {detail.chainNote}
        </p>
      ) : null}
    </section>
  );
}
