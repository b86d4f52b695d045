import { describe, expect, it } from "vitest";
import { parseSdistFilename, SDIST_EXTENSIONS } from "@/lib/tags";
import { SDIST_PACKAGING_VECTORS } from "./vectors/filenames.vectors";

describe("without a project name: packaging.utils.parse_sdist_filename rules (last dash)", () => {
  // packaging accepts only .tar.gz/.zip; we also accept the legacy archives pip 23.2.1 installs.
  const packagingOnly = (f: string) => f.endsWith(".tar.gz") || f.endsWith(".zip");
  it.each(SDIST_PACKAGING_VECTORS.filter((v) => packagingOnly(v.filename)).map((v) => [v.filename, v] as const))("%j", (filename, v) => {
    const got = parseSdistFilename(filename);
    expect(got === null ? null : got.name).toBe(v.packaging === null ? null : v.packaging.name);
  });
});

describe("parseSdistFilename table", () => {
  it.each([
    // [filename, projectName, expected]
    ["foo-1.0.tar.gz", undefined, { name: "foo", version: "1.0" }],
    ["Foo_Bar-1.0.tar.gz", undefined, { name: "foo-bar", version: "1.0" }],
    ["foo.bar-2.0.zip", undefined, { name: "foo-bar", version: "2.0" }],
    ["foo-bar-1.0.tar.gz", undefined, { name: "foo-bar", version: "1.0" }],
    // A dash inside the version: only the project name can split it right (pip's way).
    ["foo-1.0-1.tar.gz", undefined, { name: "foo-1-0", version: "1" }],
    ["foo-1.0-1.tar.gz", "foo", { name: "foo", version: "1.0-1" }],
    ["foo-bar-1.0.tar.gz", "Foo_Bar", { name: "foo-bar", version: "1.0" }],
    ["foo-bar-1.0.tar.gz", "foo", null], // "bar-1.0" is not a version
    ["foo-1.0.tar.gz", "bar", null], // another project's file
    ["foo__bar-1.0.tar.gz", "foo-bar", { name: "foo-bar", version: "1.0" }],
    // Legacy archive formats pip 23.2.1 still builds from.
    ["foo-1.0.tgz", undefined, { name: "foo", version: "1.0" }],
    ["foo-1.0.tar", undefined, { name: "foo", version: "1.0" }],
    ["foo-1.0.tar.bz2", undefined, { name: "foo", version: "1.0" }],
    ["foo-1.0.tbz", undefined, { name: "foo", version: "1.0" }],
    ["foo-1.0.tar.xz", undefined, { name: "foo", version: "1.0" }],
    ["foo-1.0.txz", undefined, { name: "foo", version: "1.0" }],
    ["foo-1.0.tlz", undefined, { name: "foo", version: "1.0" }],
    ["foo-1.0.tar.lz", undefined, { name: "foo", version: "1.0" }],
    ["foo-1.0.tar.lzma", undefined, { name: "foo", version: "1.0" }],
    // Not source archives for pip.
    ["foo-1.0.TAR.GZ", undefined, null],
    ["foo-1.0.tar.zip", undefined, null], // pip's splitext makes this ".tar.zip"
    ["foo-1.0.tar.zst", undefined, null],
    ["foo-1.0.egg", undefined, null],
    ["foo-1.0.exe", undefined, null],
    ["foo-1.0-py3-none-any.whl", undefined, null],
    ["foo-1.0.rpm", undefined, null],
    [".tar.gz", undefined, null],
    // Name/version problems.
    ["foo.tar.gz", undefined, null],
    ["foo-.tar.gz", undefined, null],
    ["foo-bar.tar.gz", undefined, null],
    ["foo-v2.tar.gz", undefined, { name: "foo", version: "v2" }],
    ["foo-1!1.0.post2.tar.gz", undefined, { name: "foo", version: "1!1.0.post2" }],
    ["foo-2013b.tar.gz", undefined, { name: "foo", version: "2013b" }],
    ["foo-1.0.x.tar.gz", undefined, null], // LegacyVersion in pip 23.2.1; rejected by pip 24.1+ and packaging
    ["https://files.example/p/foo-1.0.tar.gz", undefined, { name: "foo", version: "1.0" }],
  ] as const)("%j (project %j)", (filename, project, expected) => {
    expect(parseSdistFilename(filename, project)).toEqual(expected);
  });

  it("lists every archive extension pip 23.2.1 unpacks except .whl", () => {
    expect([...SDIST_EXTENSIONS].sort()).toEqual(
      [".tar.bz2", ".tar.gz", ".tar.lz", ".tar.lzma", ".tar.xz", ".tar", ".tbz", ".tgz", ".tlz", ".txz", ".zip"].sort(),
    );
  });
});
