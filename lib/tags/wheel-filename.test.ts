import { describe, expect, it } from "vitest";
import { parseVersion } from "@/lib/pep440";
import { parseWheelFilename, tagToString } from "@/lib/tags";
import { VERSION_VALIDITY_VECTORS, WHEEL_FILENAME_VECTORS } from "./vectors/filenames.vectors";

// Expected values come from packaging 26.2's parse_wheel_filename (vectors/generate.py).
describe("parseWheelFilename agrees with packaging.utils.parse_wheel_filename", () => {
  it.each(WHEEL_FILENAME_VECTORS.map((v) => [v.filename, v] as const))("%j", (filename, v) => {
    const got = parseWheelFilename(filename);
    if (!v.valid) {
      expect(got).toBeNull();
      return;
    }
    expect(got).not.toBeNull();
    expect(got?.name).toBe(v.name);
    expect(got?.version).toBe(v.version);
    expect(got?.build ? [got.build.number, got.build.tag] : null).toEqual(v.build);
    expect(got?.tags.map(tagToString).sort()).toEqual(v.tags);
  });
});

describe("PEP 440 validity agrees with packaging.version.Version", () => {
  it.each(VERSION_VALIDITY_VECTORS.map(([v, ok]) => [v, ok] as const))("%j -> %s", (version, ok) => {
    expect(parseVersion(version) !== null).toBe(ok);
    // Through a filename too, when the version has no dash to upset the split.
    if (!version.includes("-")) expect(parseWheelFilename(`foo-${version}-py3-none-any.whl`) !== null).toBe(ok);
  });
});

describe("parseWheelFilename shape", () => {
  it("expands every combination of a compressed tag set, lowercased, interpreter-major order", () => {
    expect(parseWheelFilename("Foo-1.0-PY2.py3-None-ANY.manylinux1_x86_64.whl")?.tags.map(tagToString)).toEqual([
      "py2-none-any",
      "py2-none-manylinux1_x86_64",
      "py3-none-any",
      "py3-none-manylinux1_x86_64",
    ]);
  });

  it("keeps the version as written (normalising is lib/pep440's job)", () => {
    expect(parseWheelFilename("foo-1.0_RC1-py3-none-any.whl")?.version).toBe("1.0_RC1");
  });

  it("splits the build tag into number and rest", () => {
    expect(parseWheelFilename("foo-1.0-007bar-py3-none-any.whl")?.build).toEqual({ number: 7, tag: "bar" });
    expect(parseWheelFilename("foo-1.0-py3-none-any.whl")?.build).toBeNull();
  });

  it("deduplicates repeated tags", () => {
    expect(parseWheelFilename("foo-1.0-py3.py3-none-any.whl")?.tags).toEqual([{ interpreter: "py3", abi: "none", platform: "any" }]);
  });
});
