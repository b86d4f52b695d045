import { describe, expect, it } from "vitest";
import { indexVersionedTable, rangeFor, releaseOf } from ".";

const table = [{ name: "Foo_Bar", eras: [{ versions: "<2" }, { versions: ">=2" }] }];

describe("versioned tables", () => {
  it("index by PEP 503 name and match releases by their release number", () => {
    const index = indexVersionedTable(table, "test table");
    const foo = index.get("foo-bar");
    expect(foo?.entry.name).toBe("Foo_Bar");
    expect(releaseOf("2.0.0rc1")).toBe("2.0.0");
    expect(releaseOf("1!3.1.post2+local")).toBe("1!3.1");
    expect(releaseOf("not a version")).toBeNull();
    expect(rangeFor(foo?.eras ?? [], releaseOf("2.0.0rc1") ?? "")?.era.versions).toBe(">=2");
    expect(rangeFor(foo?.eras ?? [], "1.9")?.era.versions).toBe("<2");
  });

  it("refuse a name listed twice and a range that does not parse", () => {
    expect(() => indexVersionedTable([...table, { name: "foo.bar", eras: [] }], "test table")).toThrow("test table: foo.bar is listed twice");
    expect(() => indexVersionedTable([{ name: "x", eras: [{ versions: "=>1" }] }], "test table")).toThrow(/test table: x range "=>1"/);
  });
});
