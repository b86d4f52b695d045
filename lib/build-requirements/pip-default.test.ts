import { describe, expect, it } from "vitest";
import { legacyPathNote, PIP_DEFAULT_BACKEND, pipDefaultRequires } from "./index";

describe("pip's default build requirements (no [build-system] table)", () => {
  it("is setuptools>=40.8.0 alone for pip >= 24.0 (pypa/pip#12449) and for an unknown pip", () => {
    expect(pipDefaultRequires()).toEqual(["setuptools>=40.8.0"]);
    expect(pipDefaultRequires("24.0")).toEqual(["setuptools>=40.8.0"]);
    expect(pipDefaultRequires("26.0.1")).toEqual(["setuptools>=40.8.0"]);
    expect(pipDefaultRequires("not a version")).toEqual(["setuptools>=40.8.0"]);
  });

  it("adds wheel before pip 24.0 (the pip 23.x in older python images)", () => {
    expect(pipDefaultRequires("23.0.1")).toEqual(["setuptools>=40.8.0", "wheel"]);
    expect(pipDefaultRequires("23.3.2")).toEqual(["setuptools>=40.8.0", "wheel"]);
    expect(pipDefaultRequires("24.0b1")).toEqual(["setuptools>=40.8.0", "wheel"]);
    expect(pipDefaultRequires(" 22.3.1 ")).toEqual(["setuptools>=40.8.0", "wheel"]);
  });

  it("uses setuptools' __legacy__ backend", () => {
    expect(PIP_DEFAULT_BACKEND).toBe("setuptools.build_meta:__legacy__");
  });

  it("warns about the non-isolated legacy path before pip 25.3 and when the pip is unknown", () => {
    expect(legacyPathNote("25.3")).toBe("");
    expect(legacyPathNote("26.1")).toBe("");
    expect(legacyPathNote("25.2")).toMatch(/run its setup\.py/);
    expect(legacyPathNote("23.0.1")).toMatch(/nothing is installed first/);
    expect(legacyPathNote()).not.toBe("");
    expect(legacyPathNote("garbage")).not.toBe("");
  });
});
