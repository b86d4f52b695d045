import { describe, expect, it } from "vitest";
import type { Arch, BuildHost } from "@/lib/contract/request";
import { BUILD_HOSTS } from "@/lib/contract/request-limits";
import type { TargetReport } from "@/lib/contract/report";
import { BUILD_HOST_LABEL, EMULATED_NOTE, archsLabel, buildHostBasis, buildHostHint, emulatedArchs, groupByImage, identicalDockerfilesNote, notPublishedNote } from "./architectures";
import { ENDING_SOON_DAYS, endOfLifeCause, imageSupportNotes, supportNote } from "./support";

// Several architectures in words, as vectors: where the build runs and what it emulates, an image's
// targets side by side, and an image's end of life.

const both: Arch[] = ["amd64", "arm64"];

describe("the build host", () => {
  const hints: [host: BuildHost, archs: Arch[], emulated: Arch[], hint: string][] = [
    ["native", both, [], "Nothing is emulated: each architecture builds on its own hardware."],
    ["native", ["arm64"], [], "Nothing is emulated: each architecture builds on its own hardware."],
    ["mac-arm64", both, ["amd64"], "amd64 is emulated on an Apple-silicon Mac (Docker Desktop): compiles ×6–10 under QEMU, pip and apt ×3–6."],
    ["mac-arm64", ["arm64"], [], "Nothing is emulated: arm64 builds natively on an Apple-silicon Mac (Docker Desktop)."],
    ["ci-amd64", both, ["arm64"], "arm64 is emulated on an amd64 CI runner: compiles ×6–10 under QEMU, pip and apt ×3–6."],
    ["ci-amd64", ["amd64"], [], "Nothing is emulated: amd64 builds natively on an amd64 CI runner."],
    ["ci-arm64", both, ["amd64"], "amd64 is emulated on an arm64 CI runner: compiles ×6–10 under QEMU, pip and apt ×3–6."],
    ["ci-arm64", ["amd64"], ["amd64"], "amd64 is emulated on an arm64 CI runner: compiles ×6–10 under QEMU, pip and apt ×3–6."],
  ];
  it.each(hints)("%s with %j: %j emulated", (host, archs, emulated, hint) => {
    expect(emulatedArchs(host, archs)).toEqual(emulated);
    expect(buildHostHint(host, archs)).toBe(hint);
  });

  it("every host has a label for the select, and the estimate's basis names the host only when it is not native", () => {
    expect(BUILD_HOSTS.map((h) => BUILD_HOST_LABEL[h])).toEqual(["Each architecture on its own hardware (no emulation)", "Apple-silicon Mac (Docker Desktop)", "amd64 CI runner", "arm64 CI runner"]);
    expect(buildHostBasis("native", both)).toBe("");
    expect(buildHostBasis("ci-amd64", both)).toBe(", built on an amd64 CI runner (arm64 emulated)");
    expect(buildHostBasis("ci-amd64", ["amd64"])).toBe(", built on an amd64 CI runner");
    expect(EMULATED_NOTE).toBe("emulated: compiles ×6–10 under QEMU, pip and apt ×3–6");
  });

  it("architectures in words", () => {
    expect(archsLabel(both)).toBe("amd64 + arm64");
    expect(archsLabel(["arm64"])).toBe("arm64");
    expect(notPublishedNote("arm64")).toBe("Not published for arm64");
    expect(identicalDockerfilesNote(both)).toBe("The amd64 and arm64 Dockerfiles are identical.");
  });
});

describe("groupByImage", () => {
  const t = (base: string, arch: Arch) => ({ base, arch });
  const cases: [name: string, targets: { base: string; arch: Arch }[], archs: Arch[], expected: string[][]][] = [
    ["adjacent, in archs order", [t("a", "amd64"), t("a", "arm64"), t("b", "amd64"), t("b", "arm64")], both, [["a/amd64", "a/arm64"], ["b/amd64", "b/arm64"]]],
    ["interleaved targets are gathered", [t("a", "amd64"), t("b", "amd64"), t("a", "arm64"), t("b", "arm64")], both, [["a/amd64", "a/arm64"], ["b/amd64", "b/arm64"]]],
    ["archs order wins over arrival", [t("a", "amd64"), t("a", "arm64")], ["arm64", "amd64"], [["a/arm64", "a/amd64"]]],
    ["an image without one arch", [t("a", "amd64"), t("old", "amd64"), t("a", "arm64")], both, [["a/amd64", "a/arm64"], ["old/amd64"]]],
    ["no archs given: as they came", [t("a", "arm64"), t("a", "amd64")], [], [["a/arm64", "a/amd64"]]],
    ["nothing", [], both, []],
  ];
  it.each(cases)("%s", (_name, targets, archs, expected) => {
    expect(groupByImage(targets, archs).map((g) => g.targets.map((x) => `${x.base}/${x.arch}`))).toEqual(expected);
  });
});

describe("end of life", () => {
  type Support = TargetReport["support"];
  const target = (support: Partial<Support>, python = "3.7.17", os = "Debian 10") => ({
    python,
    os,
    support: { endOfLife: null, ended: false, cause: null, successor: null, sources: [], ...support } as Support,
  });
  const AS_OF = "2026-12-02T12:00:00Z";

  const cases: [name: string, t: ReturnType<typeof target>, expected: ReturnType<typeof supportNote>][] = [
    [
      "CPython's end of life has passed",
      target({ endOfLife: "2023-06-27", ended: true, cause: "python", successor: "python:3.12-slim-bookworm" }),
      { kind: "ended", text: "End of life since 2023-06-27 (CPython 3.7) — move to python:3.12-slim-bookworm" },
    ],
    ["the OS's, without a successor", target({ endOfLife: "2024-06-30", ended: true, cause: "os" }, "3.11.9"), { kind: "ended", text: "End of life since 2024-06-30 (Debian 10)" }],
    ["both on the same day", target({ endOfLife: "2024-06-30", ended: true, cause: "both", successor: "python:3.12-slim-bookworm" }, "3.8.20"), { kind: "ended", text: "End of life since 2024-06-30 (CPython 3.8 and Debian 10) — move to python:3.12-slim-bookworm" }],
    ["ends within six months", target({ endOfLife: "2027-04-30", cause: "os", successor: "ubuntu:24.04" }, "3.10.12", "Ubuntu 22.04"), { kind: "ending", text: "Ends on 2027-04-30 (Ubuntu 22.04) — plan a move to ubuntu:24.04" }],
    ["ends later than that", target({ endOfLife: "2028-06-30", cause: "os" }, "3.12.14", "Debian 12"), null],
    ["no end of life announced", target({}), null],
  ];
  it.each(cases)("%s", (_name, t, expected) => {
    expect(supportNote(t, AS_OF)).toEqual(expected);
  });

  it("the soon window is about six months, counted from the analysis's date", () => {
    expect(ENDING_SOON_DAYS).toBe(183);
    const edge = target({ endOfLife: "2027-06-03", cause: "python" }, "3.10.0");
    expect(supportNote(edge, "2026-12-02T00:00:00Z")?.kind).toBe("ending");
    expect(supportNote(edge, "2026-12-01T00:00:00Z")).toBeNull();
    expect(endOfLifeCause(target({ cause: null }))).toBeNull();
  });

  it("an image's architectures share one note", () => {
    const t = target({ endOfLife: "2023-06-27", ended: true, cause: "python" });
    expect(imageSupportNotes([t, t], AS_OF)).toEqual([{ kind: "ended", text: "End of life since 2023-06-27 (CPython 3.7)" }]);
  });
});
