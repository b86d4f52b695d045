// --fail-on: what makes a pipeline fail (exit 3). Every analysed target counts, i.e. every --base on
// every --arch: in CI those are the images the team ships, so any of them compiling is what the gate
// is for. (The recommended image alone would pass as long as some other image is fine, which is the
// page's question, not a gate's.) Without --base the standard comparison is analysed, so a gate
// should always name its images. The findings are worded in present-report.ts, loaded with the engine.

/** The conditions, from the broadest: a build known to fail is a compile, and "none" turns the gate off. */
export const FAIL_ON = ["compile", "fails", "unknown", "none"] as const;
export type FailOn = (typeof FAIL_ON)[number];
export type FailOnCondition = Exclude<FailOn, "none">;
