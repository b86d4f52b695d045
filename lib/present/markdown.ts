/**
 * "Copy as Markdown": the comparison, the recommendation and the recommended Dockerfile, ready to
 * paste into an onboarding doc. Everything from the input or the index is escaped, so a crafted name
 * cannot become a link, an image or HTML in the doc it is pasted into.
 */
import { formatBytes, formatRange } from "@/lib/report/recommend";
import type { Report } from "@/lib/contract/report";
import { headlines } from "./comparison";

export function reportMarkdown(report: Report, shareUrl: string | null): string {
  const rows = headlines(report);
  const out: string[] = ["## Base image comparison (Basewise)", ""];
  if (report.recommendation) out.push(`**Recommended:** \`${code(report.recommendation.base)}\` (${report.recommendation.arch}). ${text(report.recommendation.why)}`, "");
  out.push("| Base image | Python | Compiles | Build time (cold) | Image (multi-stage) | Image (single-stage) | Notes |", "|---|---|---|---|---|---|---|");
  for (const h of rows) {
    const notes = [h.failsToBuild ? `fails to build: ${h.failsToBuild}` : "", h.noSolution ? "no solution" : "", h.incomplete ? `incomplete: ${h.incomplete.unreached.length} not resolved (${h.incomplete.reason})` : "", h.unknown ? `${h.unknown} unknown` : "", h.compilingForBuilds ? `+${h.compilingForBuilds} for builds` : ""].filter(Boolean).join("; ");
    out.push(`| \`${code(h.base)}\` (${h.arch}) | ${text(h.python)} | ${h.compiling} | ${formatRange(h.buildSeconds)} | ${formatBytes(h.imageBytes.multiStage)} | ${formatBytes(h.imageBytes.singleStage)} | ${cell(notes)} |`);
  }
  out.push("");
  const compiled = report.targets.filter((t) => t.compiles.length > 0);
  if (compiled.length > 0) {
    out.push("### What compiles", "");
    for (const t of compiled) {
      const list = t.compiles.map((c) => `${c.name}${c.version ? ` ${c.version}` : ""}${c.buildRequirement ? " (build requirement)" : ""}`).join(", ");
      out.push(`- \`${code(t.base)}\`: ${text(list)}${t.sysdeps.build.length ? `; needs ${t.sysdeps.manager} packages ${t.sysdeps.build.map((p) => `\`${code(p.name)}\``).join(" ")}` : ""}`);
    }
    out.push("");
  }
  const chosen = report.targets.find((t) => t.base === report.recommendation?.base && t.arch === report.recommendation?.arch);
  if (chosen) {
    const fence = fenceFor(chosen.dockerfile.text);
    out.push(`### Recommended Dockerfile for \`${code(chosen.base)}\``, "", `${fence}dockerfile`, chosen.dockerfile.text.trimEnd(), fence, "");
  }
  const basis = `Estimates for ${report.estimateParameters.cores} cores, ${report.estimateParameters.networkMBps} MB/s, ${report.estimateParameters.cache} cache; index ${text(report.index.host)} as of ${report.asOf}.`;
  out.push(`_${basis}_${shareUrl ? ` [Open this analysis](${shareUrl})` : ""}`, "");
  return out.join("\n");
}

/** Inline text: Markdown and HTML metacharacters escaped. */
function text(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

function cell(value: string): string {
  return text(value);
}

/** Inside a code span: backticks cannot close it early. */
function code(value: string): string {
  return value.replace(/`/g, "'").replace(/\r?\n/g, " ");
}

function fenceFor(body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}
