import { describe, expect, it } from "vitest";
import type { IndexFile, ProjectResult } from "./types";
import { asOfProject } from "./as-of";

function file(filename: string, uploadTime: string | null): IndexFile {
  return { filename, url: `https://files.example/${filename}`, hashes: {}, requiresPython: null, yanked: false, size: null, uploadTime, coreMetadata: false };
}

function project(files: IndexFile[]): ProjectResult {
  return { ok: true, page: { name: "demo", files, versions: null, apiVersion: "1.1", fetchedFrom: "network" } };
}

describe("asOfProject", () => {
  const files = [
    file("demo-1.0.tar.gz", "2022-01-01T00:00:00Z"),
    file("demo-1.1.tar.gz", "2022-12-06T17:30:00.000000Z"),
    file("demo-1.2.tar.gz", "2022-12-06T17:30:00.001000Z"), // one millisecond later (Date keeps milliseconds)
    file("demo-2.0.tar.gz", "2024-05-01T00:00:00Z"),
  ];

  it("keeps files uploaded at or before the moment and drops later ones", () => {
    const result = asOfProject(project(files), new Date("2022-12-06T17:30:00Z"));
    expect(result.project.ok && result.project.page.files.map((f) => f.filename)).toEqual(["demo-1.0.tar.gz", "demo-1.1.tar.gz"]);
    expect(result.undatedFiles).toBe(0);
  });

  it("keeps and counts files without a usable upload time", () => {
    const result = asOfProject(project([file("demo-0.9.tar.gz", null), file("demo-0.8.tar.gz", "yesterday"), ...files]), new Date("2023-01-01T00:00:00Z"));
    expect(result.project.ok && result.project.page.files.map((f) => f.filename)).toEqual(["demo-0.9.tar.gz", "demo-0.8.tar.gz", "demo-1.0.tar.gz", "demo-1.1.tar.gz", "demo-1.2.tar.gz"]);
    expect(result.undatedFiles).toBe(2);
  });

  it("passes failures through", () => {
    const failed: ProjectResult = { ok: false, reason: "timeout", message: "timed out" };
    expect(asOfProject(failed, new Date())).toEqual({ project: failed, undatedFiles: 0 });
  });
});
