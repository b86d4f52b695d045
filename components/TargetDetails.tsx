import type { BuildEnvironment, CompiledPackage, TargetPackage, TargetReport } from "@/lib/contract/report";
import { chainTo, dependenciesUnknownNote, fileLine, nearestWheelNote, requiredByNote } from "@/lib/present/package";
import { STATUS_LABEL } from "@/lib/present/status";
import { EMULATED_NOTE } from "@/lib/present/architectures";
import { archHeading } from "@/lib/present/comparison";
import { imageSupportNotes } from "@/lib/present/support";
import { JUDGED_LINE_BY_LINE, buildBasisNote, buildBlockedNote, buildCompilesNote, buildHeadline, buildResolvesTo, imageFacts, installSetSummary, skippedNote } from "@/lib/present/target";
import { SOURCE_BUILDS_HEADING, buildTableNote, viabilityView } from "@/lib/present/viability";
import { buildPartsView } from "@/lib/present/build-parts";
import { BuildParts } from "./BuildParts";
import { ViabilityBody, ViabilityLabel } from "./BuildViability";
import { DocLink } from "./DocLink";
import { DockerfileView } from "./DockerfileView";
import { EstimateSummary } from "./EstimateSummary";

// One base image: its facts, its Dockerfile, then per architecture every package with pip's file and
// the reason in words. No state: rendered wherever its parent is (the Dockerfile is a client island).

function PackageItem({ pkg }: { pkg: TargetPackage }) {
  const file = fileLine(pkg);
  const unknownDependencies = dependenciesUnknownNote(pkg);
  const nearest = nearestWheelNote(pkg);
  const table = buildTableNote(pkg);
  return (
    <li className="grid gap-0.5 border-b border-slate-100 py-2 dark:border-slate-900" data-testid="package-verdict" data-status={pkg.status}>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-mono font-semibold">{pkg.name}</span>
        {pkg.version ? <span className="font-mono">{pkg.version}</span> : null}
        <span className="text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{STATUS_LABEL[pkg.status]}</span>
        {pkg.line !== null ? <span className="text-xs text-slate-600 dark:text-slate-400">line {pkg.line}</span> : null}
      </p>
      {pkg.requested ? null : (
        <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="package-via">
          {requiredByNote(pkg)}
          {pkg.via.length > 1 ? ` · chain: ${chainTo(pkg.name, pkg.via)}` : ""}
        </p>
      )}
      {file ? <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{file}</p> : null}
      <p className="text-sm">{pkg.reason}</p>
      {table ? (
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="build-table-note">
          {table}
        </p>
      ) : null}
      {unknownDependencies ? <p className="text-xs text-amber-800 first-letter:uppercase dark:text-amber-300">{unknownDependencies}</p> : null}
      {nearest ? (
        <p className="text-sm text-emerald-800 first-letter:uppercase dark:text-emerald-300" data-testid="wheel-alternative">
          {nearest}
        </p>
      ) : null}
    </li>
  );
}

/** One source build on this image: whether it succeeds here, why, and what fixes it. */
function CompileItem({ compile, manager }: { compile: CompiledPackage; manager: string }) {
  const view = viabilityView(compile, manager);
  const parts = buildPartsView(compile, manager);
  return (
    <li className="grid gap-0.5 border-b border-slate-100 py-2 text-sm dark:border-slate-900" data-testid="compile-viability" data-name={compile.name} data-viability={compile.viability}>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-mono font-semibold">{view.name}</span>
        <ViabilityLabel view={view} />
      </p>
      <ViabilityBody view={view} />
      {parts ? <BuildParts view={parts} /> : null}
    </li>
  );
}

function BuildItem({ build }: { build: BuildEnvironment }) {
  const resolvesTo = buildResolvesTo(build);
  const blocked = buildBlockedNote(build);
  const compiled = buildCompilesNote(build);
  return (
    <li className="border-b border-slate-100 py-2 text-sm dark:border-slate-900" data-testid="build-environment">
      <p>{buildHeadline(build)}</p>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {buildBasisNote(build)} {build.note}
      </p>
      {resolvesTo ? <p className="text-xs first-letter:uppercase">{resolvesTo}</p> : null}
      {blocked ? <p className="text-amber-800 first-letter:uppercase dark:text-amber-300">{blocked}</p> : null}
      {compiled ? (
        <p className="text-amber-800 first-letter:uppercase dark:text-amber-300" data-testid="build-compiles">
          {compiled}
        </p>
      ) : null}
    </li>
  );
}

/** One architecture of an image: its facts, what it installs, its estimate, each package and build. */
function TargetDetails({ target, several }: { target: TargetReport; several: boolean }) {
  const { summary } = target;
  const emulated = target.estimate.parameters.emulated;
  return (
    <section className="min-w-0" data-testid="target-arch" data-arch={target.arch} data-emulated={emulated}>
      {several ? <h4 className="font-semibold">{archHeading({ arch: target.arch, emulated })}</h4> : null}
      <p className="text-sm">{imageFacts(target)}</p>
      {emulated ? (
        <p className="text-xs text-amber-800 first-letter:uppercase dark:text-amber-300" data-testid="target-emulated">
          {EMULATED_NOTE}
        </p>
      ) : null}
      {target.resolution.ok ? null : (
        <p className="mt-1 rounded bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200" data-testid="resolution-conflict">
          {target.resolution.explanation} {JUDGED_LINE_BY_LINE}
        </p>
      )}
      <p className="mt-1 text-sm" data-testid="target-summary">
        {installSetSummary(summary)}
      </p>
      {target.libc.family === "musl" && summary.sdists > 0 ? (
        <p className="mt-1 text-sm">
          <DocLink slug="why-alpine-compiles">Why Alpine compiles</DocLink> · <DocLink slug="manylinux-and-musllinux">manylinux and musllinux</DocLink>
        </p>
      ) : null}
      {(target.arch === "arm64" || emulated) && summary.sdists > 0 ? (
        <p className="mt-1 text-sm">
          <DocLink slug="arm64-and-emulation">arm64 and emulation</DocLink>
        </p>
      ) : null}
      <EstimateSummary target={target} />
      <ul className="mt-2">
        {target.packages.map((pkg) => (
          <PackageItem key={pkg.name} pkg={pkg} />
        ))}
      </ul>
      {target.compiles.length > 0 ? (
        <>
          <h5 className="mt-3 font-semibold">{SOURCE_BUILDS_HEADING}</h5>
          <ul data-testid="source-builds">
            {target.compiles.map((compile) => (
              <CompileItem key={`${compile.name} ${compile.version ?? ""} ${compile.buildRequirement}`} compile={compile} manager={target.sysdeps.manager} />
            ))}
          </ul>
        </>
      ) : null}
      {target.builds.length > 0 ? (
        <>
          <h5 className="mt-3 font-semibold">Build environments</h5>
          <ul>
            {target.builds.map((build) => (
              <BuildItem key={`${build.name} ${build.version} ${build.insideBuildOf ?? ""}`} build={build} />
            ))}
          </ul>
        </>
      ) : null}
      {target.skipped.length > 0 ? (
        <ul className="mt-2 text-xs text-slate-500 dark:text-slate-400" data-testid="skipped">
          {target.skipped.map((s) => (
            <li key={`${s.name}:${s.line}`}>
              <span className="font-mono">{s.name}</span> {STATUS_LABEL.skipped}: {skippedNote(s)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * One base image: what it resolves to, its end of life when near, its Dockerfile (per architecture),
 * then each architecture side by side.
 */
export function ImageDetails({ base, targets, asOf }: { base: string; targets: readonly TargetReport[]; asOf: string }) {
  const [first] = targets;
  if (!first) return null;
  const several = targets.length > 1;
  return (
    <article className="min-w-0 rounded border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900" data-testid="target-card" data-base={base}>
      <h3 className="break-all font-mono font-semibold">{base}</h3>
      {first.resolvedNote ? <p className="text-xs text-slate-500 dark:text-slate-400">{first.resolvedNote}</p> : null}
      {imageSupportNotes(targets, asOf).map((note) => (
        <p
          key={note.text}
          data-testid="support-note"
          data-kind={note.kind}
          className={`mt-1 rounded px-2 py-1 text-sm ${note.kind === "ended" ? "bg-red-50 font-semibold text-red-800 dark:bg-red-950 dark:text-red-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
        >
          {note.text}
        </p>
      ))}
      <DockerfileView base={base} files={targets.map((t) => ({ arch: t.arch, dockerfile: t.dockerfile, imageBytes: t.estimate.imageBytes, blocked: t.blocker !== null }))} />
      <div className={several ? "mt-2 grid gap-4 md:grid-cols-2" : "mt-2"}>
        {targets.map((target) => (
          <TargetDetails key={target.arch} target={target} several={several} />
        ))}
      </div>
    </article>
  );
}
