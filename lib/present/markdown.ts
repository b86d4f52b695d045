/**
 * "Copy as Markdown": the comparison, the recommendation and the recommended Dockerfile, ready to
 * paste into an onboarding doc. Everything from the input or the index is escaped, so a crafted name
 * cannot become a link, an image or HTML in the doc it is pasted into.
 */
import type { Report } from "@/lib/contract/report";
import { RECOMMENDED, estimateBasis, indexAsOf, recommendationWords } from "./analysis";
import { compileCount, headlineNotes, headlines } from "./comparison";
import { formatRange } from "./format";
import { builderInstallsNote, compilesList, imageSize } from "./target";

export function reportMarkdown(report: Report, shareUrl: string | null): string {
  const rows = headlines(report);
  const out: string[] = ["## Base image comparison (Basewise)", ""];
  const recommendation = recommendationWords(report);
  if (report.recommendation && recommendation?.recommended) out.push(`**${RECOMMENDED}:** \`${code(report.recommendation.base)}\` (${report.recommendation.arch}). ${text(recommendation.why)}`, "");
  else if (recommendation) out.push(`**${text(recommendation.heading)}.** ${text(recommendation.why)}`, "");
  out.push("| Base image | Python | Compiles | Build time (cold) | Image (multi-stage) | Image (single-stage) | Notes |", "|---|---|---|---|---|---|---|");
  for (const h of rows) {
    out.push(`| \`${code(h.base)}\` (${h.arch}) | ${text(h.python)} | ${compileCount(h)} | ${formatRange(h.buildSeconds)} | ${imageSize(h.imageBytes, "multiStage")} | ${imageSize(h.imageBytes, "singleStage")} | ${text(headlineNotes(h).join("; "))} |`);
  }
  out.push("");
  const compiled = report.targets.filter((t) => t.compiles.length > 0);
  if (compiled.length > 0) {
    out.push("### What compiles", "");
    for (const t of compiled) {
      const needs = builderInstallsNote(t.sysdeps);
      out.push(`- \`${code(t.base)}\`: ${text(compilesList(t.compiles))}${needs ? `; ${text(needs)}` : ""}`);
    }
    out.push("");
  }
  const chosen = recommendation?.recommended ? report.targets.find((t) => t.base === report.recommendation?.base && t.arch === report.recommendation?.arch) : undefined;
  if (chosen) {
    const fence = fenceFor(chosen.dockerfile.text);
    out.push(`### Recommended Dockerfile for \`${code(chosen.base)}\``, "", `${fence}dockerfile`, chosen.dockerfile.text.trimEnd(), fence, "");
  }
  out.push(`_${text(`${estimateBasis(report.estimateParameters)} ${indexAsOf(report)}.`)}_${shareUrl ? ` [Open this analysis](${shareUrl})` : ""}`, "");
  return out.join("\n");
}

/** Inline text: Markdown and HTML metacharacters escaped. */
function text(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

/** Inside a code span: backticks cannot close it early. */
function code(value: string): string {
  return value.replace(/`/g, "'").replace(/\r?\n/g, " ");
}

function fenceFor(body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}
