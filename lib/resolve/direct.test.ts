import { describe, expect, it } from "vitest";
import { rankedTags, targetTags, tagToString, type TagTarget } from "@/lib/tags";
import { directVerdict } from "./direct";

const GLIBC_312: TagTarget = { pythonVersion: "3.12.4", implementation: "cp", libc: { family: "glibc", version: "2.36" }, arch: "x86_64" };
const MUSL_312: TagTarget = { ...GLIBC_312, libc: { family: "musl", version: "1.2" } };

describe("direct references", () => {
  it("a wheel URL that fits installs as that wheel", () => {
    const v = directVerdict("foo", { kind: "url", url: "https://x.org/dist/foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl#sha256=00", vcs: false }, GLIBC_312);
    expect(v).toMatchObject({ status: "wheel", version: "1.0", filename: "foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", tag: "cp312-cp312-manylinux_2_17_x86_64", compiles: false });
  });

  it("a wheel that fits carries the image's own tag as a value; a direct reference has no index file", () => {
    const v = directVerdict("foo", { kind: "url", url: "https://x.org/dist/foo-1.0-py2.py3-none-any.whl", vcs: false }, GLIBC_312);
    const py3 = rankedTags(GLIBC_312).byText.get("py3-none-any");
    expect(v).toMatchObject({ tag: "py3-none-any", file: null });
    expect(v.matchedTag).toBe(py3);
    expect(v.matchedTag?.priority).toBe(targetTags(GLIBC_312).findIndex((t) => tagToString(t) === "py3-none-any"));
    const refused = directVerdict("foo", { kind: "url", url: "https://x.org/dist/foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", vcs: false }, MUSL_312);
    expect(refused).toMatchObject({ status: "none", tag: null, matchedTag: null, file: null });
    expect(directVerdict("foo", { kind: "path", path: "./src/foo" }, GLIBC_312)).toMatchObject({ tag: null, matchedTag: null, file: null });
  });

  it("a wheel URL that does not fit is refused by pip, with the reason", () => {
    const v = directVerdict("foo", { kind: "url", url: "https://x.org/dist/foo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", vcs: false }, MUSL_312);
    expect(v.status).toBe("none");
    expect(v.miss?.kind).toBe("platform-family");
    expect(v.reason).toContain("not a supported wheel");
  });

  it("a local wheel path is judged the same way", () => {
    expect(directVerdict("foo", { kind: "path", path: "./wheels/foo-2.0-py3-none-any.whl" }, MUSL_312)).toMatchObject({ status: "wheel", tag: "py3-none-any" });
  });

  it.each([
    [{ kind: "url", url: "git+https://github.com/a/foo.git@v1#egg=foo", vcs: true }, "version-control checkout"],
    [{ kind: "url", url: "https://x.org/foo-1.0.tar.gz", vcs: false }, "source archive"],
    [{ kind: "path", path: "./src/foo" }, "local path"],
  ] as const)("%j is built from source and says Basewise cannot see inside", (origin, what) => {
    const v = directVerdict("foo", origin, GLIBC_312);
    expect(v).toMatchObject({ status: "direct", compiles: true, filename: null });
    expect(v.reason).toContain(what);
    expect(v.reason).toContain("does not fetch it");
  });
});
