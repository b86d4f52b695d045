import { describe, expect, it } from "vitest";
import { INPUT_KINDS } from "@/lib/inputs/types";
import { choiceLine, INPUT_KIND_LABEL, inputKindLine, lockDifferingLine, lockSkippedLine, lockSummaryLine, translationLine } from "./inputs";

describe("words for the input", () => {
  it("every kind has a label", () => {
    expect(INPUT_KINDS.map((k) => INPUT_KIND_LABEL[k])).toEqual(["requirements.txt", "pyproject.toml", "uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "pylock.toml (PEP 751)"]);
  });

  it.each([
    [{ kind: "uv-lock", detectedKind: "uv-lock", fileName: "uv.lock" }, "Read as uv.lock."],
    [{ kind: "requirements", detectedKind: "requirements", fileName: "requirements/dev.txt" }, "Read as requirements.txt (requirements/dev.txt)."],
    [{ kind: "requirements", detectedKind: "pyproject", fileName: null }, "Read as requirements.txt, as chosen; Basewise recognised pyproject.toml."],
  ] as const)("%o: %s", (input, line) => {
    expect(inputKindLine(input)).toBe(line);
  });

  it("a lock, its pins and its markers", () => {
    expect(lockSummaryLine({ kind: "pylock", formatVersion: "1.0", createdBy: "uv", requiresPython: ">=3.9", pins: 12, environments: [] })).toBe("pylock.toml (PEP 751) format 1.0 · written by uv · 12 pinned packages · requires-python >=3.9.");
    expect(lockSummaryLine({ kind: "uv-lock", formatVersion: null, createdBy: null, requiresPython: null, pins: 1, environments: [] })).toBe("uv.lock · 1 pinned package.");
    expect(lockSkippedLine({ name: "appnope", version: "0.1.4", line: 7, marker: 'sys_platform == "darwin"' })).toBe('appnope 0.1.4 (line 7) is skipped here: its marker sys_platform == "darwin" is false.');
    expect(lockDifferingLine({ name: "tomli", version: "2.0.1", line: 9, marker: 'python_version < "3.11"', notOn: [{ base: "python:3.12-slim-bookworm", arch: "amd64" }] })).toBe(
      'tomli 2.0.1 (line 9) is installed here (python_version < "3.11") but not on python:3.12-slim-bookworm amd64.',
    );
  });

  it("Poetry translations and the extras and groups chosen", () => {
    expect(translationLine({ line: 4, name: "requests", from: "^2.31", to: ">=2.31,<3.0" })).toBe("line 4: requests ^2.31 means >=2.31,<3.0");
    expect(choiceLine("extras", { chosen: [], available: [] })).toBeNull();
    expect(choiceLine("groups", { chosen: ["dev"], available: ["dev", "docs"] })).toBe("Dependency groups included: dev (the file offers dev, docs).");
  });
});
