/**
 * "Copy as Markdown": the comparison, the recommendation and the recommended Dockerfile, ready to
 * paste into an onboarding doc. Everything from the input or the index is escaped, so a crafted name
 * cannot become a link, an image or HTML in the doc it is pasted into.
 */
import type { Report } from "@/lib/contract/report";
import { RECOMMENDED, estimateBasis, indexAsOf, recommendationWords } from "./analysis";
import { archsLabel, groupByImage, identicalDockerfilesNote } from "./architectures";
import { compileCount, headlineNotes, imageHeadlines } from "./comparison";
import { formatRange } from "./format";
import { inputKindLine, lockDifferingLine, lockSummaryLine } from "./inputs";
import { builderInstallsNote, compilesList, imageSize } from "./target";
import { enablesNote, optionalPartsNote } from "./build-parts";
import { compileName, failingBuildNote } from "./viability";

/** Rows per (image, architecture), an image's architectures together, images in the recommendation's order. */
export function reportMarkdown(report: Report, shareUrl: string | null): string {
  const cards = imageHeadlines(report);
  const out: string[] = ["## Base image comparison (Basewise)", ""];
  const recommendation = recommendationWords(report);
  if (report.recommendation && recommendation?.recommended) out.push(`**${RECOMMENDED}:** \`${code(report.recommendation.base)}\` (${archsLabel(report.recommendation.archs)}). ${text(recommendation.why)}`, "");
  else if (recommendation) out.push(`**${text(recommendation.heading)}.** ${text(recommendation.why)}`, "");
  out.push("| Base image | Arch | Python | Compiles | Build time (cold) | Image (multi-stage) | Image (single-stage) | Notes |", "|---|---|---|---|---|---|---|---|");
  for (const card of cards) {
    for (const column of card.columns) {
      const h = column.headline;
      if (!h) {
        out.push(`| \`${code(card.base)}\` | ${column.arch} | | | | | | ${text(column.missing)} |`);
        continue;
      }
      out.push(`| \`${code(h.base)}\` | ${h.arch} | ${text(h.python)} | ${compileCount(h)} | ${formatRange(h.buildSeconds)} | ${imageSize(h.imageBytes, "multiStage")} | ${imageSize(h.imageBytes, "singleStage")} | ${text(headlineNotes(h).join("; "))} |`);
    }
  }
  out.push("");
  const order = new Map(cards.map((c, i) => [c.base, i]));
  const compiled = report.targets.filter((t) => t.compiles.length > 0).sort((a, b) => (order.get(a.base) ?? 0) - (order.get(b.base) ?? 0));
  if (compiled.length > 0) {
    out.push("### What compiles", "");
    for (const t of compiled) {
      const needs = builderInstallsNote(t.sysdeps);
      out.push(`- \`${code(t.base)}\` (${t.arch}): ${text(compilesList(t.compiles))}${needs ? `; ${text(needs)}` : ""}`);
      for (const c of t.compiles) {
        const fails = failingBuildNote(c);
        if (fails) out.push(`  - **${text(fails)}**`);
        // Optional native parts: what the listed packages enable, and the packages for the rest.
        const parts = [enablesNote(c), optionalPartsNote(c, t.sysdeps.manager)].filter((note): note is string => note !== null);
        if (parts.length > 0) out.push(`  - ${text(compileName(c))}: ${text(parts.join(" "))}`);
      }
    }
    out.push("");
  }
  out.push(...inputMarkdown(report));
  const chosen = recommendation?.recommended ? groupByImage(report.targets, report.archs).find((g) => g.base === report.recommendation?.base) : undefined;
  if (chosen && chosen.targets.length > 0) {
    const [first] = chosen.targets;
    const identical = first !== undefined && chosen.targets.every((t) => t.dockerfile.text === first.dockerfile.text);
    const files = identical && first ? [{ label: archsLabel(chosen.targets.map((t) => t.arch)), text: first.dockerfile.text }] : chosen.targets.map((t) => ({ label: t.arch, text: t.dockerfile.text }));
    for (const file of files) {
      const fence = fenceFor(file.text);
      out.push(`### Recommended Dockerfile for \`${code(chosen.base)}\` (${file.label})`, "");
      if (identical && chosen.targets.length > 1) out.push(text(identicalDockerfilesNote(chosen.targets.map((t) => t.arch))), "");
      out.push(`${fence}dockerfile`, file.text.trimEnd(), fence, "");
    }
  }
  out.push(`_${text(`${estimateBasis(report.estimateParameters, report.archs)} ${indexAsOf(report)}.`)}_${shareUrl ? ` [Open this analysis](${shareUrl})` : ""}`, "");
  return out.join("\n");
}

/** For a pyproject.toml or a lock (or a kind the person chose): what was read, and where a lock's markers select other pins. */
function inputMarkdown(report: Report): string[] {
  const { input } = report;
  if (input.kind === "requirements" && input.detectedKind === "requirements") return [];
  const out = [`_${text(inputKindLine(input))}${input.lock ? ` ${text(lockSummaryLine(input.lock))}` : ""}_`, ""];
  const differing = report.targets.filter((t) => (t.lock?.differing.length ?? 0) > 0);
  if (differing.length > 0) {
    out.push("### Where the lock's markers select other packages", "");
    for (const t of differing) for (const pin of t.lock?.differing ?? []) out.push(`- \`${code(t.base)}\` (${t.arch}): ${text(lockDifferingLine(pin))}`);
    out.push("");
  }
  return out;
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
