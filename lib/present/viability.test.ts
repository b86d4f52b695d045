import { describe, expect, it } from "vitest";
import type { CompiledPackage, ViabilityCode } from "@/lib/contract/report";
import { VIABILITY_CODES } from "@/lib/contract/report";
import {
  VIABILITY_CODE_PHRASE,
  VIABILITY_LABEL,
  VIABILITY_MARK,
  buildTableNote,
  buildTableWord,
  compileOf,
  failingBuildLine,
  failingBuildNote,
  fixNote,
  viabilitySources,
  viabilityView,
} from "./viability";
import { dockerfileTitle } from "./target";

// Whether a source build succeeds, in words: every viability code's presentation, each kind of fix,
// and what the build table says about a package the index could not answer for.

const NUMPY_REASON = "numpy 1.24.4 does not build on CPython 3.12: in 3.12 distutils was removed from the standard library (PEP 632); 1.26.0 builds here.";

function compile(over: Partial<CompiledPackage> = {}): CompiledPackage {
  return {
    name: "numpy",
    version: "1.24.4",
    buildRequirement: false,
    forBuildOf: [],
    viability: "fails",
    viabilityCode: "python-too-new",
    viabilityReason: NUMPY_REASON,
    viabilitySources: ["https://numpy.org/doc/stable/release/1.26.0-notes.html", "numpy's release notes"],
    fix: { kind: "upgrade", version: "1.26.0", verified: true, constraint: null, packages: [] },
    enables: [],
    optionalParts: [],
    ...over,
  };
}

describe("viability labels", () => {
  it("a failing build says so in words, not by colour alone", () => {
    expect(VIABILITY_LABEL).toEqual({ builds: "builds (known)", fails: "fails to build", unknown: "build not verified" });
    expect(VIABILITY_MARK.fails).toBe("✗ fails to build");
    expect(VIABILITY_MARK.builds).toBe("✓ builds");
  });

  // One vector per code: the view of a compile with that code.
  const vectors: [ViabilityCode, CompiledPackage["viability"], string][] = [
    ["python-too-new", "fails", "the release is older than this image's Python"],
    ["build-requirement-broken", "fails", "a build requirement pip installs breaks the build"],
    ["toolchain-too-old", "fails", "the distro's compiler toolchain is too old"],
    ["library-missing", "fails", "the distro does not ship a library it needs"],
    ["platform-unsupported", "fails", "the release does not build on this libc or CPU architecture"],
    ["known-good", "builds", "Basewise's build-viability table shows it builds on this Python"],
    ["not-in-table", "unknown", "Basewise's build-viability table has no evidence either way"],
  ];

  it("covers every code of the contract", () => {
    expect(vectors.map(([code]) => code).sort()).toEqual(Object.keys(VIABILITY_CODES).sort());
    expect(Object.keys(VIABILITY_CODE_PHRASE).sort()).toEqual(Object.keys(VIABILITY_CODES).sort());
  });

  it.each(vectors)("%s (%s): %s", (code, viability, why) => {
    const view = viabilityView(compile({ viabilityCode: code, viability, viabilityReason: "The reason.", fix: viability === "fails" ? compile().fix : null }));
    expect(view.why).toBe(why);
    expect(view.label).toBe(VIABILITY_LABEL[viability]);
    expect(view.markTitle).toBe(`${VIABILITY_LABEL[viability]}: The reason.`);
    expect(view.reason).toBe("The reason.");
    expect(view.fix).toBe(viability === "fails" ? "Fix: upgrade numpy to 1.26.0 or later (known to build here)." : null);
  });

  it("the numpy 1.24.4 build on CPython 3.12: name, reason, fix and sources", () => {
    const view = viabilityView(compile());
    expect(view.name).toBe("numpy 1.24.4");
    expect(view.markTitle).toBe(`fails to build: ${NUMPY_REASON}`);
    expect(view.sources).toEqual([
      { text: "https://numpy.org/doc/stable/release/1.26.0-notes.html", href: "https://numpy.org/doc/stable/release/1.26.0-notes.html" },
      { text: "numpy's release notes", href: null },
    ]);
  });

  it("a known-good build shows no fix even if one is given", () => {
    expect(viabilityView(compile({ viability: "builds", viabilityCode: "known-good" })).fix).toBeNull();
  });
});

describe("fixes", () => {
  const fix = (over: Partial<NonNullable<CompiledPackage["fix"]>>) => ({ kind: "upgrade" as const, version: null, verified: false, constraint: null, packages: [], ...over });

  it("upgrade: to a version known to build here, or one that only fixes this failure", () => {
    expect(fixNote("numpy", fix({ version: "1.26.0", verified: true }))).toBe("Fix: upgrade numpy to 1.26.0 or later (known to build here).");
    expect(fixNote("numpy", fix({ version: "1.26.0" }))).toBe("Fix: upgrade numpy to 1.26.0 or later (it fixes this failure; not yet known to build here).");
    expect(fixNote("numpy", fix({}))).toBe("Fix: upgrade numpy to a newer release.");
  });

  it("constrain a build requirement, or upgrade to the release that builds without it", () => {
    expect(fixNote("pyyaml", fix({ kind: "constrain-build-requirement", constraint: "Cython<3", version: "6.0.1" }))).toBe(
      'Fix: constrain its build requirement with "Cython<3" in a constraints file (PIP_CONSTRAINT), or upgrade pyyaml to 6.0.1, which builds without it.',
    );
    expect(fixNote("scikit-learn", fix({ kind: "constrain-build-requirement", constraint: "Cython<3" }))).toBe('Fix: constrain its build requirement with "Cython<3" in a constraints file (PIP_CONSTRAINT).');
  });

  it("install a package (with the image's package manager) or a toolchain", () => {
    expect(fixNote("cryptography", fix({ kind: "install-package", packages: ["rustc-web", "cargo-web"] }), "apt")).toBe("Fix: install rustc-web cargo-web in the builder (apt).");
    expect(fixNote("cryptography", fix({ kind: "install-package", packages: ["rustc-web"] }))).toBe("Fix: install rustc-web in the builder.");
    expect(fixNote("orjson", fix({ kind: "install-toolchain" }))).toBe("Fix: install a newer toolchain than the distro ships (for Rust, rustup).");
    expect(fixNote("orjson", null)).toBeNull();
  });
});

describe("failing builds in the CLI table and the Markdown export", () => {
  it("the CLI's line is in capitals, with the reason and the fix", () => {
    expect(failingBuildLine(compile())).toBe(`FAILS TO BUILD: ${NUMPY_REASON} Fix: upgrade numpy to 1.26.0 or later (known to build here).`);
    expect(failingBuildLine(compile({ fix: null }))).toBe(`FAILS TO BUILD: ${NUMPY_REASON}`);
    expect(failingBuildLine(compile({ viability: "unknown", viabilityCode: "not-in-table" }))).toBeNull();
  });

  it("the Markdown note", () => {
    expect(failingBuildNote(compile())).toBe(`fails to build: ${NUMPY_REASON}`);
    expect(failingBuildNote(compile({ viability: "builds" }))).toBeNull();
  });

  it("a package's own compile comes before one made only for another build", () => {
    const forBuild = compile({ buildRequirement: true, version: "1.23.5", forBuildOf: ["pandas 1.5.2"] });
    const own = compile();
    expect(compileOf([forBuild, own], "numpy")).toBe(own);
    expect(compileOf([forBuild], "numpy")).toBe(forBuild);
    expect(compileOf([own], "pandas")).toBeUndefined();
  });

  it("only web addresses become links", () => {
    expect(viabilitySources(["http://example.org/x", "javascript:alert(1)", "PEP 632"]).map((s) => s.href)).toEqual(["http://example.org/x", null, null]);
  });
});

describe("the build table, for a package the index could not answer for", () => {
  it.each([
    ["native", true, "always compiles on Linux"],
    ["native", false, "usually compiles on Linux (its recent releases do)"],
    ["optional-native", true, "has an optional C extension (with a pure-Python fallback)"],
    ["optional-native", false, "its recent releases have an optional C extension"],
    ["pure", true, "pure Python (nothing to compile)"],
    ["pure", false, "its recent releases are pure Python"],
  ] as const)("%s, every release %s: %s", (kind, everyRelease, word) => {
    expect(buildTableWord({ kind, everyRelease })).toBe(word);
  });

  it("the note, or nothing when the table does not know the project", () => {
    expect(buildTableNote({ buildTable: { kind: "native", everyRelease: true } })).toBe("Basewise's build table: always compiles on Linux");
    expect(buildTableNote({ buildTable: null })).toBeNull();
  });
});

describe("the Dockerfile's title", () => {
  it("is no recommendation where the build fails", () => {
    expect(dockerfileTitle([], 2)).toBe("Recommended Dockerfile");
    expect(dockerfileTitle(["amd64"], 1)).toBe("Dockerfile (the build fails on this image)");
    expect(dockerfileTitle(["arm64"], 2)).toBe("Dockerfile (the build fails on arm64)");
  });
});
