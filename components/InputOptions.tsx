"use client";

import Link from "next/link";
import { ARCHES, BUILD_HOSTS, ESTIMATE_LIMITS } from "@/lib/contract/request-limits";
import type { Arch, BuildHost, EstimateOptions } from "@/lib/contract/request";
import { ARCHS_REQUIRED, BUILD_HOST_LABEL, buildHostHint } from "@/lib/present/architectures";
import type { Preset } from "@/lib/targets/presets";
import { BasePicker, type BaseOption } from "./BasePicker";

// Which images to compare (presets per Python version, or any from the catalog), the CPU
// architectures and where the build runs, and the assumptions behind the build-time estimate.
// Ranges are the request contract's.

const { cores, networkMBps } = ESTIMATE_LIMITS;

export interface OptionsValue {
  python: string;
  bases: string[];
  /** In ARCHES order; empty only while the person unticks both (Analyze is then disabled). */
  archs: Arch[];
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
      {/* min-w-0: a fieldset is otherwise as wide as its widest option, wider than a phone. */}
      <fieldset className="grid min-w-0 grid-cols-1 gap-2">
        <legend className="mb-1 font-medium">CPU architectures</legend>
        <div className="flex flex-wrap items-center gap-4">
          {ARCHES.map((arch) => (
            <label key={arch} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="archs"
                value={arch}
                checked={value.archs.includes(arch)}
                onChange={(event) => set({ archs: ARCHES.filter((a) => (a === arch ? event.target.checked : value.archs.includes(a))) })}
                data-testid={`arch-${arch}`}
              />
              {arch}
            </label>
          ))}
          <label className="flex w-full min-w-0 items-center gap-2 text-sm sm:w-auto">
            Build host
            <select
              className="w-full min-w-0 rounded sm:w-auto border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
              value={value.estimate.buildHost}
              onChange={(event) => setEstimate({ buildHost: event.target.value as BuildHost })}
              data-testid="build-host"
            >
              {BUILD_HOSTS.map((host) => (
                <option key={host} value={host}>
                  {BUILD_HOST_LABEL[host]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {value.archs.length === 0 ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="archs-required">
            {ARCHS_REQUIRED}
          </p>
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="build-host-hint">
            {buildHostHint(value.estimate.buildHost, value.archs)}{" "}
            <Link className="underline" href="/docs/arm64-and-emulation">
              arm64 and emulation
            </Link>
          </p>
        )}
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
