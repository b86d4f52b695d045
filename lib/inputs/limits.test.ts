import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_LOCK_BYTES, MAX_REQUIREMENTS_BYTES } from "@/lib/contract/request-limits";
import { readInput } from "./index";
import { maxInputBytes } from "./limits";

// A real uv.lock lists every wheel's URL and hash: pad the fixture the way its file lists grow (a
// comment line per wheel keeps the TOML and the pins unchanged) past the requirements limit.
const uvLock = readFileSync("lib/inputs/fixtures/uv.lock", "utf8");
const WHEEL_LINE = `# { url = "https://files.pythonhosted.org/packages/00/00/numpy-2.4.1-cp314-cp314-manylinux_2_27_x86_64.whl", hash = "sha256:${"0".repeat(64)}" }\n`;
const padded = (bytes: number) => uvLock + WHEEL_LINE.repeat(Math.ceil((bytes - uvLock.length) / WHEEL_LINE.length));

describe("byte limits per input kind", () => {
  it("gives lock files the lock limit and every other kind the requirements limit", () => {
    expect(maxInputBytes("uv-lock")).toBe(MAX_LOCK_BYTES);
    expect(maxInputBytes("pylock")).toBe(MAX_LOCK_BYTES);
    expect(maxInputBytes("pipfile-lock")).toBe(MAX_LOCK_BYTES);
    expect(maxInputBytes("requirements")).toBe(MAX_REQUIREMENTS_BYTES);
    expect(maxInputBytes("pyproject")).toBe(MAX_REQUIREMENTS_BYTES);
  });

  it("reads a 1 MiB uv.lock (past the requirements limit) with the same pins as the small one", () => {
    const small = readInput({ name: "uv.lock", text: uvLock }, [], {});
    const large = readInput({ name: "uv.lock", text: padded(1024 * 1024) }, [], {});
    expect(small.ok && large.ok).toBe(true);
    if (!small.ok || !large.ok) return;
    expect(large.input.file.requirements.map((r) => r.text)).toEqual(small.input.file.requirements.map((r) => r.text));
    expect(large.input.file.requirements.length).toBeGreaterThan(5);
  });

  it("refuses a lock over its limit, naming it", () => {
    const result = readInput({ name: "uv.lock", text: padded(MAX_LOCK_BYTES + 1024) }, [], {});
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^The lock file is \d+ KB; Basewise accepts at most 4096 KB\.$/) });
  });

  it("holds the same text read as a requirements file to the requirements limit (the kind chosen decides)", () => {
    const result = readInput({ name: "uv.lock", text: padded(MAX_REQUIREMENTS_BYTES + 1024) }, [], { kind: "requirements" });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^The requirements text is \d+ KB; Basewise accepts at most 256 KB\.$/) });
  });
});
