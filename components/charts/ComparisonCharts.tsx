"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis, LabelList } from "recharts";
import type { Report } from "@/lib/contract/report";
import { SIZE_CATEGORIES, TIME_CATEGORIES, buildTimeRows, buildTimeSummary, imageSizeRows, imageSizeSummary, megabytesValue, minutesValue, scatterSeries, tickImage, timeSizePoints, timeSizeSummary, type BarName } from "@/lib/present/charts";

// Build time and image size across the compared images, stacked by what they are made of, an
// image's architectures as adjacent bars (the axis names the image, then the arch), and the
// time-vs-size trade-off as a scatter with a series per architecture. Fixed heights: the page does
// not move when they draw.

const TIME_COLORS = ["#64748b", "#0ea5e9", "#22c55e", "#a855f7", "#f59e0b", "#ef4444"];
const SIZE_COLORS = ["#64748b", "#0ea5e9", "#22c55e", "#f97316"];
const ARCH_COLORS = ["#4f46e5", "#db2777"];
const ARCH_SHAPES = ["circle", "diamond"] as const;
const HEIGHT = 300;
const tick = { fontSize: 11 };

export default function ComparisonCharts({ report }: { report: Report }) {
  const time = buildTimeRows(report);
  const size = imageSizeRows(report);
  const points = timeSizePoints(report);
  const series = scatterSeries(report, points);
  const chartHeight = Math.max(HEIGHT, 60 + time.length * 48);
  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="charts">
      <StackedBars
        testId="chart-build-time"
        caption="Build time, minutes (stacked from the low estimate; the grey end reaches the high one)"
        summary={buildTimeSummary(time)}
        data={time}
        height={chartHeight}
        unit={minutesValue}
        bars={[
          ...TIME_CATEGORIES.map((c, i) => ({ key: c.key, label: c.label, fill: TIME_COLORS[i] ?? "#64748b" })),
          { key: "uncertainty", label: "Range (up to high estimate)", fill: "#cbd5e1", opacity: 0.6 },
        ]}
      />
      <StackedBars
        testId="chart-image-size"
        caption="Image size, MB (the orange end is what a single-stage build adds)"
        summary={imageSizeSummary(size)}
        data={size}
        height={chartHeight}
        unit={megabytesValue}
        bars={SIZE_CATEGORIES.map((c, i) => ({ key: c.key, label: c.label, fill: SIZE_COLORS[i] ?? "#64748b" }))}
      />
      <figure className="min-w-0 lg:col-span-2" data-testid="chart-scatter">
        <figcaption className="mb-1 text-sm font-semibold">Build time vs image size (lower left is better)</figcaption>
        <div style={{ height: HEIGHT }} role="img" aria-label={timeSizeSummary(points)}>
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ left: 8, right: 24, top: 16, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" dataKey="minutes" name="Build" unit=" min" tick={tick} />
              <YAxis type="number" dataKey="megabytes" name="Image" unit=" MB" tick={tick} width={70} />
              <ZAxis range={[80, 80]} />
              <Tooltip cursor={{ strokeDasharray: "3 3" }} />
              {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
              {series.map((s, i) => (
                <Scatter key={s.arch} name={s.name} data={s.points} fill={ARCH_COLORS[i] ?? "#4f46e5"} shape={ARCH_SHAPES[i] ?? "circle"} isAnimationActive={false}>
                  <LabelList dataKey="base" position="top" style={{ fontSize: 10 }} />
                </Scatter>
              ))}
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}

/** Horizontal bars, one per image, stacked by part; the box has a fixed height. */
function StackedBars({
  testId,
  caption,
  summary,
  data,
  height,
  unit,
  bars,
}: {
  testId: string;
  caption: string;
  summary: string;
  data: readonly BarName[];
  height: number;
  unit: (value: number) => string;
  bars: readonly { key: string; label: string; fill: string; opacity?: number }[];
}) {
  return (
    <figure className="min-w-0" data-testid={testId}>
      <figcaption className="mb-1 text-sm font-semibold">{caption}</figcaption>
      <div style={{ height }} role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[...data]} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={tick} />
            <YAxis type="category" dataKey="label" width={170} tick={<ImageArchTick rows={data} />} interval={0} />
            <Tooltip formatter={(v) => unit(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {bars.map((bar) => (
              <Bar key={bar.key} dataKey={bar.key} name={bar.label} stackId="stack" fill={bar.fill} fillOpacity={bar.opacity} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/**
 * An axis label in two lines: the image, then the architecture ("arm64 · emulated"); the image alone
 * when the report has one architecture, and only on an image's first bar, so its bars read as a group.
 */
function ImageArchTick({ rows, x, y, payload, index }: { rows: readonly BarName[]; x?: number | string; y?: number | string; payload?: { value?: unknown }; index?: number }) {
  const row = rows.find((r) => r.label === payload?.value) ?? (index !== undefined ? rows[index] : undefined);
  if (!row) return null;
  const i = rows.indexOf(row);
  const firstOfImage = i <= 0 || rows[i - 1]?.image !== row.image;
  const image = tickImage(row.image);
  return (
    <text x={Number(x ?? 0)} y={Number(y ?? 0)} textAnchor="end" fontSize={11} fill="currentColor">
      {row.archLine === null ? (
        <tspan x={Number(x ?? 0)} dy="0.32em">
          {image}
        </tspan>
      ) : (
        <>
          {firstOfImage ? (
            <tspan x={Number(x ?? 0)} dy="-0.3em">
              {image}
            </tspan>
          ) : null}
          <tspan x={Number(x ?? 0)} dy={firstOfImage ? "1.2em" : "0.32em"} fillOpacity={0.75}>
            {row.archLine}
          </tspan>
        </>
      )}
    </text>
  );
}
