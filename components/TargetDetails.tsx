import type { BuildEnvironment, TargetPackage, TargetReport } from "@/lib/contract/report";
import { DocLink } from "./DocLink";
import { DockerfileView } from "./DockerfileView";
import { EstimateSummary } from "./EstimateSummary";
import { statusLabel } from "./VerdictMatrix";

// One base image: its facts, then every package with pip's file and the reason in words.

function formatBytes(bytes: number | null): string {
  if (bytes === null) return "size unknown";
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function PackageItem({ pkg }: { pkg: TargetPackage }) {
  return (
    <li className="grid gap-0.5 border-b border-slate-100 py-2 dark:border-slate-900" data-testid="package-verdict" data-status={pkg.status}>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-mono font-semibold">{pkg.name}</span>
        {pkg.version ? <span className="font-mono">{pkg.version}</span> : null}
        <span className="text-xs font-semibold uppercase text-slate-500 dark:text-slate-400">{statusLabel(pkg.status)}</span>
        {pkg.line !== null ? <span className="text-xs text-slate-600 dark:text-slate-400">line {pkg.line}</span> : null}
      </p>
      {pkg.requested ? null : (
        <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="package-via">
          required by {pkg.requiredBy.map((r) => (r.project ? `${r.project} ${r.version ?? ""}`.trim() : "your file")).filter((v, i, a) => a.indexOf(v) === i).join(", ")}
          {pkg.via.length > 1 ? ` · chain: ${pkg.via.join(" → ")} → ${pkg.name}` : ""}
        </p>
      )}
      {pkg.filename ? (
        <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
          {pkg.filename} · {formatBytes(pkg.sizeBytes)}
        </p>
      ) : null}
      <p className="text-sm">{pkg.reason}</p>
      {pkg.dependenciesUnknown ? <p className="text-xs text-amber-800 dark:text-amber-300">Its dependencies are not known: {pkg.dependenciesUnknown}</p> : null}
      {pkg.alternative && pkg.status !== "wheel" ? (
        <p className="text-sm text-emerald-800 dark:text-emerald-300" data-testid="wheel-alternative">
          {pkg.alternative.satisfiesSpecifier ? "Would install from a wheel: " : "Nearest version with a wheel here (outside your specifier): "}
          <span className="font-mono">
            {pkg.name}=={pkg.alternative.version}
          </span>{" "}
          <span className="font-mono text-xs">({pkg.alternative.tag})</span>
        </p>
      ) : null}
    </li>
  );
}

function BuildItem({ build }: { build: BuildEnvironment }) {
  const compiled = build.packages.filter((p) => p.compiles);
  return (
    <li className="border-b border-slate-100 py-2 text-sm dark:border-slate-900" data-testid="build-environment">
      <p>
        Building <span className="font-mono font-semibold">{build.name} {build.version}</span>
        {build.insideBuildOf ? <> (inside the build of <span className="font-mono">{build.insideBuildOf}</span>)</> : null} first installs{" "}
        <span className="font-mono text-xs">{build.requires.join(", ")}</span>
      </p>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {build.basis === "sdist"
          ? `Read from ${build.source}.`
          : build.basis === "table"
            ? `From Basewise's build-requirements table (${build.confidence} confidence).`
            : "Not in Basewise's table: pip's default assumed."}{" "}
        {build.note}
      </p>
      {build.packages.length > 0 ? (
        <p className="text-xs">
          Resolves to:{" "}
          {build.packages.map((p) => (p.status === "unknown" ? `${p.name} (unknown: the index could not answer)` : `${p.name} ${p.version ?? ""} (${statusLabel(p.status)})`)).join(", ")}
        </p>
      ) : null}
      {build.explanation ? <p className="text-amber-800 dark:text-amber-300">This build environment cannot be set up: {build.explanation}</p> : null}
      {compiled.length > 0 ? (
        <p className="text-amber-800 dark:text-amber-300" data-testid="build-compiles">
          Compiled for this build: {compiled.map((p) => `${p.name} ${p.version ?? ""}`.trim()).join(", ")}
        </p>
      ) : null}
    </li>
  );
}

export function TargetDetails({ target }: { target: TargetReport }) {
  const { summary } = target;
  return (
    <article className="rounded border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900" data-testid="target-card">
      <h3 className="font-mono font-semibold">{target.base}</h3>
      {target.resolvedNote ? <p className="text-xs text-slate-500 dark:text-slate-400">{target.resolvedNote}</p> : null}
      <p className="text-sm">
        Python {target.python} · {target.libc.family} {target.libc.version} · {target.arch} · {target.os} · {target.packageManager}
      </p>
      {target.resolution.ok ? null : (
        <p className="mt-1 rounded bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200" data-testid="resolution-conflict">
          {target.resolution.explanation} Each line of your file is judged on its own below.
        </p>
      )}
      <p className="mt-1 text-sm" data-testid="target-summary">
        {summary.packages} packages · {summary.wheels} from wheels · {summary.sdists} to compile
        {summary.compiles > summary.sdists ? ` (${summary.compiles} compiles in all, build requirements included)` : ""}
        {summary.none ? ` · ${summary.none} not installable` : ""}
        {summary.unknown ? ` · ${summary.unknown} unknown` : ""}
        {summary.direct ? ` · ${summary.direct} direct links` : ""}
      </p>
      {target.libc.family === "musl" && summary.sdists > 0 ? (
        <p className="mt-1 text-sm">
          <DocLink slug="why-alpine-compiles">Why Alpine compiles</DocLink> · <DocLink slug="manylinux-and-musllinux">manylinux and musllinux</DocLink>
        </p>
      ) : null}
      {target.arch === "arm64" && summary.sdists > 0 ? (
        <p className="mt-1 text-sm">
          <DocLink slug="arm64-and-emulation">arm64 and emulation</DocLink>
        </p>
      ) : null}
      <EstimateSummary target={target} />
      <DockerfileView dockerfile={target.dockerfile} name={target.base.replace(/[^A-Za-z0-9.-]+/g, "_")} estimate={target.estimate} />
      <ul className="mt-2">
        {target.packages.map((pkg) => (
          <PackageItem key={pkg.name} pkg={pkg} />
        ))}
      </ul>
      {target.builds.length > 0 ? (
        <>
          <h4 className="mt-3 font-semibold">Build environments</h4>
          <ul>
            {target.builds.map((build) => (
              <BuildItem key={`${build.name} ${build.version} ${build.insideBuildOf ?? ""}`} build={build} />
            ))}
          </ul>
        </>
      ) : null}
      {target.skipped.length > 0 ? (
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
          Skipped here (marker is false): {target.skipped.map((s) => `${s.name} (line ${s.line}: ${s.marker})`).join(", ")}
        </p>
      ) : null}
    </article>
  );
}
