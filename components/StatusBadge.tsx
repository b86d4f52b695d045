import type { TargetPackage } from "@/lib/contract/report";
import { STATUS_LABEL } from "@/lib/present/status";

// What pip does with a package on an image, as a coloured label (the words are lib/present's).

const COLOUR: Record<TargetPackage["status"], string> = {
  wheel: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  sdist: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  none: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  unknown: "bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  direct: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
};

export function StatusBadge({ status }: { status: TargetPackage["status"] }) {
  return <span className={`w-fit rounded px-1.5 py-0.5 text-xs font-semibold ${COLOUR[status]}`}>{STATUS_LABEL[status]}</span>;
}
