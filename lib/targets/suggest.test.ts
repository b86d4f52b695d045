import { describe, expect, it } from "vitest";
import { closeMatches, editDistance } from "./suggest";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["python", "python", 0],
    ["pyhton", "python", 1],
    ["pytho", "python", 1],
    ["pythonn", "python", 1],
    ["bookwrom", "bookworm", 1],
    ["3.12", "3.21", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%j → %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closeMatches", () => {
  const pool = ["python:3.12", "python:3.12-slim", "python:3.12-slim-bookworm", "python:3.11-slim", "ubuntu:22.04", "ubuntu:24.04"];

  it("corrects the repository, then prefers tags that extend what was typed", () => {
    expect(closeMatches("pyhton:3.12", pool)).toEqual(["python:3.12", "python:3.12-slim", "python:3.12-slim-bookworm"]);
    expect(closeMatches("pyhton:3.13", pool)).toEqual(["python:3.12"]);
  });

  it("falls back to tags a few edits away", () => {
    expect(closeMatches("python:3.12-slim-bookwrom", pool)[0]).toBe("python:3.12-slim-bookworm");
  });

  it("offers every tag of the repository when none was typed", () => {
    expect(closeMatches("ubuntu", pool)).toEqual(["ubuntu:22.04", "ubuntu:24.04"]);
  });

  it("returns nothing for a repository far from all of them", () => {
    expect(closeMatches("node:20", pool)).toEqual([]);
  });

  it("stops at the limit", () => {
    expect(closeMatches("python:3", pool, 2)).toHaveLength(2);
  });
});
