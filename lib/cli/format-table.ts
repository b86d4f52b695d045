import type { Report, TargetPackage } from "@/lib/contract/report";
import { formatBytes, formatRange } from "@/lib/report/recommend";

// The CLI's human-readable view of a report: per base image, one line per package.

const STATUS_LABEL: Record<TargetPackage["status"], string> = {
  wheel: "wheel",
  sdist: "COMPILES",
  none: "NO DIST",
  unknown: "unknown",
  direct: "direct",
};

const BASIS_LABEL = { sdist: "the sdist's pyproject.toml", table: "build-requirements table", "pip-default": "pip's default, assumed" } as const;

export function formatReportTable(report: Report): string {
  const lines: string[] = [];
  for (const d of report.diagnostics) lines.push(`line ${d.line}: ${d.severity}: ${d.message}`);
  for (const e of report.errors) lines.push(`error: ${e.message}`);
  if (lines.length > 0) lines.push("");

  if (report.recommendation) lines.push(`Recommended: ${report.recommendation.base} (${report.recommendation.arch}). ${report.recommendation.why}`, "");

  for (const target of report.targets) {
    const { summary } = target;
    lines.push(`${target.base} (${target.arch}) — Python ${target.python}, ${target.libc.family} ${target.libc.version}`);
    if (target.resolvedNote) lines.push(`  ${target.resolvedNote}`);
    if (!target.resolution.ok) {
      const stopped = target.resolution.code === "work-budget" || target.resolution.code === "deadline";
      lines.push(`  ${stopped ? `STOPPED (${target.resolution.code})` : "NO SOLUTION"}: ${target.resolution.explanation}`, "  Each line judged on its own:");
    } else if (target.unreached.length > 0) {
      lines.push(`  INCOMPLETE: build environments not resolved (${target.unreached[0]?.reason}): ${[...new Set(target.unreached.map((u) => u.name))].join(", ")}`);
    }
    lines.push(
      `  ${summary.packages} package(s): ${summary.wheels} wheel(s), ${summary.sdists} built from source, ${summary.none} not installable, ${summary.unknown} unknown` +
        (summary.compiles > summary.sdists ? `; ${summary.compiles} compiled in all, build requirements included` : ""),
    );
    const nameWidth = Math.max(8, ...target.packages.map((p) => p.name.length));
    const versionWidth = Math.max(7, ...target.packages.map((p) => (p.version ?? "-").length));
    for (const p of target.packages) {
      const detail = p.status === "wheel" ? (p.tag ?? "") : p.reason;
      const via = p.requested ? "" : `  (via ${p.via.length ? p.via.join(" → ") : "?"})`;
      lines.push(`  ${p.name.padEnd(nameWidth)}  ${(p.version ?? "-").padEnd(versionWidth)}  ${STATUS_LABEL[p.status].padEnd(8)}  ${detail}${via}`);
      if (p.alternative && p.status !== "wheel") {
        const where = p.alternative.satisfiesSpecifier ? "within your specifier" : "outside your specifier";
        lines.push(`  ${"".padEnd(nameWidth + versionWidth + 12)}  nearest wheel here: ${p.name}==${p.alternative.version} (${p.alternative.tag}, ${where})`);
      }
    }
    for (const s of target.skipped) lines.push(`  ${s.name.padEnd(nameWidth)}  skipped: marker ${s.marker} is false here`);
    const { estimate } = target;
    lines.push(
      `  estimate: build ${formatRange(estimate.buildSeconds)}; image ${formatBytes(estimate.imageBytes.multiStage)} multi-stage, ${formatBytes(estimate.imageBytes.singleStage)} single-stage`,
    );
    if (target.sysdeps.build.length) lines.push(`  builder installs (${target.sysdeps.manager}): ${target.sysdeps.build.map((p) => p.name).join(" ")}`);
    if (target.sysdeps.runtime.length) lines.push(`  final image keeps: ${target.sysdeps.runtime.map((p) => p.name).join(" ")}`);
    for (const build of target.builds) {
      const where = build.insideBuildOf ? ` (inside the build of ${build.insideBuildOf})` : "";
      const compiled = build.packages.filter((p) => p.compiles).map((p) => `${p.name} ${p.version ?? ""}`.trim());
      lines.push(`  build of ${build.name} ${build.version}${where}: installs ${build.requires.join(", ")} [${BASIS_LABEL[build.basis]}]`);
      if (build.explanation) lines.push(`    cannot be set up: ${build.explanation}`);
      if (compiled.length) lines.push(`    compiles for this build: ${compiled.join(", ")}`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}
