"use client";

import Link from "next/link";
import { ARCHES, ESTIMATE_LIMITS } from "@/lib/contract/request-limits";
import type { Arch, EstimateOptions } from "@/lib/contract/request";
import type { Preset } from "@/lib/targets/presets";
import { BasePicker, type BaseOption } from "./BasePicker";

// Which images to compare (presets per Python version, or any from the catalog), the CPU
// architecture, and the assumptions behind the build-time estimate. Ranges are the request contract's.

const { cores, networkMBps } = ESTIMATE_LIMITS;

export interface OptionsValue {
  python: string;
  bases: string[];
  arch: Arch;
  noDeps: boolean;
  estimate: EstimateOptions;
}

export function InputOptions({
  value,
  onChange,
  options,
  pythonVersions,
  presets,
}: {
  value: OptionsValue;
  onChange: (next: OptionsValue) => void;
  options: BaseOption[];
  pythonVersions: string[];
  presets: Record<string, Preset[]>;
}) {
  const set = (patch: Partial<OptionsValue>) => onChange({ ...value, ...patch });
  const setEstimate = (patch: Partial<EstimateOptions>) => set({ estimate: { ...value.estimate, ...patch } });
  const forPython = presets[value.python] ?? [];
  return (
    <div className="grid grid-cols-1 gap-4">
      <fieldset className="grid gap-2">
        <legend className="font-medium">Compare</legend>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-2 text-sm">
            Python
            <select
              className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              value={value.python}
              onChange={(event) => {
                const python = event.target.value;
                const first = presets[python]?.[0];
                set({ python, ...(first ? { bases: first.bases } : {}) });
              }}
              data-testid="python-version"
            >
              {pythonVersions.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          {forPython.map((preset) => (
            <button
              key={preset.id}
              type="button"
              className={`rounded border px-2 py-1 text-sm ${sameList(preset.bases, value.bases) ? "border-indigo-600 bg-indigo-50 dark:bg-indigo-950" : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"}`}
              aria-pressed={sameList(preset.bases, value.bases)}
              title={preset.note ?? preset.bases.join(", ")}
              onClick={() => set({ bases: preset.bases })}
            >
              {preset.label}
            </button>
          ))}
        </div>
        {forPython.find((p) => sameList(p.bases, value.bases))?.note ? <p className="text-xs text-slate-600 dark:text-slate-400">{forPython.find((p) => sameList(p.bases, value.bases))?.note}</p> : null}
      </fieldset>
      <BasePicker options={options} selected={value.bases} onChange={(bases) => set({ bases })} />
      <fieldset className="flex flex-wrap items-center gap-4">
        <legend className="mb-1 font-medium">CPU architecture</legend>
        {ARCHES.map((arch) => (
          <label key={arch} className="flex items-center gap-2">
            <input type="radio" name="arch" value={arch} checked={value.arch === arch} onChange={() => set({ arch })} />
            {arch}
          </label>
        ))}
        {value.arch === "arm64" ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={value.estimate.emulated} onChange={(event) => setEstimate({ emulated: event.target.checked })} />
            built on an amd64 machine under QEMU (compiles ×6–10,{" "}
            <Link className="underline" href="/docs/arm64-and-emulation">
              why
            </Link>
            )
          </label>
        ) : null}
      </fieldset>
      <details>
        <summary className="cursor-pointer font-medium">Estimate assumptions</summary>
        <div className="mt-2 flex flex-wrap items-center gap-4 text-sm">
          <label className="flex items-center gap-2">
            CPU cores
            <input
              type="number"
              min={cores.min}
              max={cores.max}
              className="w-20 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              value={value.estimate.cores}
              onChange={(event) => setEstimate({ cores: clamp(Math.round(Number(event.target.value)), cores) })}
            />
          </label>
          <label className="flex items-center gap-2">
            Network MB/s
            <input
              type="number"
              min={networkMBps.min}
              max={networkMBps.max}
              step="any"
              className="w-24 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              value={value.estimate.networkMBps}
              onChange={(event) => setEstimate({ networkMBps: clamp(Number(event.target.value), networkMBps) })}
            />
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={value.estimate.cache === "warm"} onChange={(event) => setEstimate({ cache: event.target.checked ? "warm" : "cold" })} />
            warm cache (rebuild after a requirements change)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={value.noDeps} onChange={(event) => set({ noDeps: event.target.checked })} />
            only the lines in the file (like pip --no-deps)
          </label>
          <Link className="text-indigo-700 underline dark:text-indigo-300" href="/docs/estimates">
            What the estimates assume
          </Link>
        </div>
      </details>
    </div>
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function clamp(n: number, { min, max }: { min: number; max: number }): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}
