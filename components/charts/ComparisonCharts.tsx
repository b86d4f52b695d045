"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis, LabelList } from "recharts";
import { SIZE_CATEGORIES, TIME_CATEGORIES, type ScatterPoint, type SizeRow, type TimeRow } from "@/lib/present/comparison";

// Build time and image size across the compared images, stacked by what they are made of, and the
// time-vs-size trade-off as a scatter. Fixed heights: the page does not move when they draw.

const TIME_COLORS = ["#64748b", "#0ea5e9", "#22c55e", "#a855f7", "#f59e0b", "#ef4444"];
const SIZE_COLORS = ["#64748b", "#0ea5e9", "#22c55e", "#f97316"];
const HEIGHT = 300;

export default function ComparisonCharts({ time, size, points }: { time: TimeRow[]; size: SizeRow[]; points: ScatterPoint[] }) {
  const tick = { fontSize: 11 };
  const chartHeight = Math.max(HEIGHT, 60 + time.length * 48);
  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="charts">
      <figure className="min-w-0" data-testid="chart-build-time">
        <figcaption className="mb-1 text-sm font-semibold">Build time, minutes (stacked from the low estimate; the grey end reaches the high one)</figcaption>
        <div style={{ height: chartHeight }} role="img" aria-label={time.map((r) => `${r.label}: ${sum(r).toFixed(1)} to ${(sum(r) + r.uncertainty).toFixed(1)} minutes`).join("; ")}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={time} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tick={tick} />
              <YAxis type="category" dataKey="label" width={150} tick={tick} />
              <Tooltip formatter={(v) => `${Number(v).toFixed(2)} min`} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {TIME_CATEGORIES.map((c, i) => (
                <Bar key={c.key} dataKey={c.key} name={c.label} stackId="t" fill={TIME_COLORS[i]} isAnimationActive={false} />
              ))}
              <Bar dataKey="uncertainty" name="Range (up to high estimate)" stackId="t" fill="#cbd5e1" fillOpacity={0.6} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="min-w-0" data-testid="chart-image-size">
        <figcaption className="mb-1 text-sm font-semibold">Image size, MB (the orange end is what a single-stage build adds)</figcaption>
        <div style={{ height: chartHeight }} role="img" aria-label={size.map((r) => `${r.label}: ${(r.base + r["runtime-libraries"] + r["site-packages"]).toFixed(0)} MB multi-stage`).join("; ")}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={size} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tick={tick} />
              <YAxis type="category" dataKey="label" width={150} tick={tick} />
              <Tooltip formatter={(v) => `${Number(v).toFixed(0)} MB`} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {SIZE_CATEGORIES.map((c, i) => (
                <Bar key={c.key} dataKey={c.key} name={c.label} stackId="s" fill={SIZE_COLORS[i]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="min-w-0 lg:col-span-2" data-testid="chart-scatter">
        <figcaption className="mb-1 text-sm font-semibold">Build time vs image size (lower left is better)</figcaption>
        <div style={{ height: HEIGHT }} role="img" aria-label={points.map((p) => `${p.base}: about ${p.minutes} minutes, ${p.megabytes.toFixed(0)} MB`).join("; ")}>
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ left: 8, right: 24, top: 16, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" dataKey="minutes" name="Build" unit=" min" tick={tick} />
              <YAxis type="number" dataKey="megabytes" name="Image" unit=" MB" tick={tick} width={70} />
              <ZAxis range={[80, 80]} />
              <Tooltip cursor={{ strokeDasharray: "3 3" }} />
              <Scatter data={points} fill="#4f46e5" isAnimationActive={false}>
                <LabelList dataKey="base" position="top" style={{ fontSize: 10 }} />
              </Scatter>
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}

function sum(r: TimeRow): number {
  return r.pull + r["os-packages"] + r.downloads + r.installs + r["build-environments"] + r.compiles;
}
