/**
 * An image's support window in words: it has reached its end of life (no more security fixes) and
 * what to move to, or it reaches it soon after the analysis's date. From the report's
 * `targets[].support` values; the dates and their sources are lib/targets'.
 */
import type { TargetReport } from "@/lib/contract/report";

/** How far ahead an end of life is worth a note: about six months after the analysis's date. */
export const ENDING_SOON_DAYS = 183;

export interface SupportNote {
  /** ended: on or before the analysis's date; ending: within ENDING_SOON_DAYS after it. */
  kind: "ended" | "ending";
  text: string;
}

type Supported = Pick<TargetReport, "support" | "python" | "os">;

/** "CPython 3.7", "Debian 10", "CPython 3.7 and Debian 10": what ends. */
export function endOfLifeCause(target: Supported): string | null {
  const python = `CPython ${target.python.split(".").slice(0, 2).join(".")}`;
  switch (target.support.cause) {
    case "python":
      return python;
    case "os":
      return target.os;
    case "both":
      return `${python} and ${target.os}`;
    case null:
      return null;
  }
}

/**
 * "End of life since 2023-06-27 (CPython 3.7) — move to python:3.12-slim-bookworm", or
 * "Ends on 2026-10-31 (CPython 3.10) — plan a move to …" when that is within ENDING_SOON_DAYS of
 * `asOf`; null when the image is supported beyond that, or no end of life is announced.
 */
export function supportNote(target: Supported, asOf: string): SupportNote | null {
  const { endOfLife, ended, successor } = target.support;
  if (endOfLife === null) return null;
  const cause = endOfLifeCause(target);
  const what = cause ? ` (${cause})` : "";
  if (ended) return { kind: "ended", text: `End of life since ${endOfLife}${what}${successor ? ` — move to ${successor}` : ""}` };
  const days = (Date.parse(`${endOfLife}T00:00:00Z`) - Date.parse(asOf)) / 86_400_000;
  if (!(days <= ENDING_SOON_DAYS)) return null;
  return { kind: "ending", text: `Ends on ${endOfLife}${what}${successor ? ` — plan a move to ${successor}` : ""}` };
}

/** The notes of an image's targets, each said once (an image's architectures usually share one). */
export function imageSupportNotes(targets: readonly Supported[], asOf: string): SupportNote[] {
  const seen = new Map<string, SupportNote>();
  for (const t of targets) {
    const note = supportNote(t, asOf);
    if (note && !seen.has(note.text)) seen.set(note.text, note);
  }
  return [...seen.values()];
}
