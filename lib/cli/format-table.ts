import type { Report } from "@/lib/contract/report";
import { JUDGED_LINE_BY_LINE, RESOLUTION_SHORT, buildBasisNote, buildBlockedNote, buildCompilesNote, buildHeadline, builderInstallsNote, estimateLine, finalKeepsNote, imageLabel, incompleteNote, installSetTally, pythonAndLibc, skippedNote } from "@/lib/present/target";
import { diagnosticLine, recommendationWords } from "@/lib/present/analysis";
import { incompleteness } from "@/lib/present/comparison";
import { nearestWheelNote, viaNote } from "@/lib/present/package";
import { STATUS_LABEL, needsAttention, type PackageStatus } from "@/lib/present/status";
import { EMULATED_NOTE } from "@/lib/present/architectures";
import { supportNote } from "@/lib/present/support";
import { buildTableNote, compileName, compileOf, failingBuildLine } from "@/lib/present/viability";
import { enablesNote, optionalPartsNote } from "@/lib/present/build-parts";
import { LOCKED_MODE_NOTE, choiceLine, inputKindLine, lockDifferingLine, lockEnvironmentsLine, lockSkippedLine, lockSummaryLine, translationLine } from "@/lib/present/inputs";

// The CLI's human-readable view of a report: per base image, one line per package. Every fact is
// worded in lib/present; this lays the words out in columns. What needs attention (a compile, a
// package with nothing installable, a resolution that failed) is in capitals, the terminal's bold.

function statusColumn(status: PackageStatus): string {
  return needsAttention(status) ? STATUS_LABEL[status].toUpperCase() : STATUS_LABEL[status];
}

const STATUS_WIDTH = Math.max(...Object.values(STATUS_LABEL).map((label) => label.length));

export function formatReportTable(report: Report): string {
  const lines: string[] = [];
  for (const d of report.diagnostics) lines.push(diagnosticLine(d));
  for (const e of report.errors) lines.push(`error: ${e.message}`);
  if (lines.length > 0) lines.push("");
  const input = inputLines(report);
  if (input.length > 0) lines.push(...input, "");

  const recommendation = recommendationWords(report);
  if (recommendation) lines.push(`${recommendation.heading}. ${recommendation.why}`, "");

  for (const target of report.targets) {
    lines.push(`${imageLabel(target)} — ${pythonAndLibc(target)}`);
    if (target.resolvedNote) lines.push(`  ${target.resolvedNote}`);
    const support = supportNote(target, report.asOf);
    // An image past its end of life is in capitals, like everything else that needs attention.
    if (support) lines.push(`  ${support.kind === "ended" ? support.text.toUpperCase() : support.text}`);
    if (target.estimate.parameters.emulated) lines.push(`  ${EMULATED_NOTE}`);
    const incomplete = incompleteness(target);
    if (!target.resolution.ok) {
      lines.push(`  ${RESOLUTION_SHORT[target.resolution.code].toUpperCase()}: ${target.resolution.explanation}`, `  ${JUDGED_LINE_BY_LINE}`);
    } else if (incomplete) {
      lines.push(`  ${incompleteNote(incomplete)}`);
    }
    lines.push(`  ${installSetTally(target.summary)}`);
    const nameWidth = Math.max(8, ...target.packages.map((p) => p.name.length));
    const versionWidth = Math.max(7, ...target.packages.map((p) => (p.version ?? "-").length));
    const indent = "".padEnd(nameWidth + versionWidth + STATUS_WIDTH + 6);
    for (const p of target.packages) {
      const detail = p.status === "wheel" ? (p.tag ?? "") : p.reason;
      const via = p.requested ? "" : `  (${viaNote(p.via) ?? "via ?"})`;
      lines.push(`  ${p.name.padEnd(nameWidth)}  ${(p.version ?? "-").padEnd(versionWidth)}  ${statusColumn(p.status).padEnd(STATUS_WIDTH)}  ${detail}${via}`);
      const nearest = nearestWheelNote(p);
      if (nearest) lines.push(`  ${indent}${nearest}`);
      // A build known to fail needs attention: in capitals, with its reason and fix.
      const compile = p.compiles ? compileOf(target.compiles, p.name) : undefined;
      const fails = compile ? failingBuildLine(compile, target.sysdeps.manager) : null;
      if (fails) lines.push(`  ${indent}${fails}`);
      if (compile) for (const note of buildPartsNotes(compile, target.sysdeps.manager)) lines.push(`  ${indent}${note}`);
      const table = buildTableNote(p);
      if (table) lines.push(`  ${indent}${table}`);
    }
    for (const s of target.skipped) lines.push(`  ${s.name.padEnd(nameWidth)}  ${STATUS_LABEL.skipped}: ${skippedNote(s)}`);
    // A lock's pins its markers choose differently on this image than on another analysed one.
    for (const pin of target.lock?.skipped ?? []) lines.push(`  ${lockSkippedLine(pin)}`);
    for (const pin of target.lock?.differing ?? []) lines.push(`  ${lockDifferingLine(pin)}`);
    lines.push(`  estimate: ${estimateLine(target.estimate)}`);
    const builder = builderInstallsNote(target.sysdeps);
    if (builder) lines.push(`  ${builder}`);
    const keeps = finalKeepsNote(target.sysdeps);
    if (keeps) lines.push(`  ${keeps}`);
    for (const build of target.builds) {
      lines.push(`  ${buildHeadline(build)}. ${buildBasisNote(build)}`);
      for (const note of [buildBlockedNote(build), buildCompilesNote(build)]) if (note) lines.push(`    ${note}`);
    }
    // A build requirement compiled only inside another build, known to fail there.
    for (const c of target.compiles) {
      if (target.packages.some((p) => p.compiles && p.name === c.name)) continue;
      const fails = failingBuildLine(c, target.sysdeps.manager);
      if (fails) lines.push(`  ${fails}`);
      for (const note of buildPartsNotes(c, target.sysdeps.manager)) lines.push(`  ${compileName(c)}: ${note}`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

/** A compile's optional native parts: what the listed packages enable, then the packages for the rest. */
function buildPartsNotes(compile: Report["targets"][number]["compiles"][number], manager: string): string[] {
  return [enablesNote(compile), optionalPartsNote(compile, manager)].filter((note): note is string => note !== null);
}

/** What was read, when it is more than a plain requirements.txt: its kind, a lock's summary, Poetry's translations, extras and groups, the files given with it. */
function inputLines(report: Report): string[] {
  const { input } = report;
  const lines: string[] = [];
  if (input.kind !== "requirements" || input.detectedKind !== "requirements") lines.push(inputKindLine(input));
  if (input.files.length > 0) lines.push(`Files read with it: ${input.files.join(", ")}.`);
  if (input.lock) {
    lines.push(lockSummaryLine(input.lock));
    const environments = lockEnvironmentsLine(input.lock);
    if (environments) lines.push(environments);
  }
  if (report.mode === "locked") lines.push(LOCKED_MODE_NOTE);
  for (const what of ["extras", "groups"] as const) {
    const choice = choiceLine(what, input[what]);
    if (choice) lines.push(choice);
  }
  if (input.translations.length > 0) lines.push("Poetry constraints as PEP 440:", ...input.translations.map((t) => `  ${translationLine(t)}`));
  return lines;
}
