import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { create } from "tar";
import { afterAll, describe, expect, it } from "vitest";
import { readBuildSystemTable, readSdistBuildSystem } from "./sdist-build-system";

// Real archives, built here: a .tar.gz as `python -m build --sdist` writes it and a .zip as old sdists were.

const work = mkdtempSync(path.join(tmpdir(), "basewise-sdist-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tarGz(files: Record<string, string>): Uint8Array {
  const root = mkdtempSync(path.join(work, "src-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const file = path.join(root, "out.tar.gz");
  create({ gzip: true, cwd: root, sync: true, file, portable: true }, [...new Set(Object.keys(files).map((n) => n.split("/")[0]!))]);
  return readFileSync(file);
}

const PANDAS_LIKE = '[build-system]\nrequires = [\n  "setuptools>=51.0.0",\n  "wheel",\n  "Cython>=0.29.32,<3",\n  "oldest-supported-numpy>=2022.8.16",\n]\n# build-backend = "setuptools.build_meta"\n';

describe("readSdistBuildSystem", () => {
  it("reads build-system.requires from the top directory's pyproject.toml of a .tar.gz", () => {
    const body = tarGz({ "pandas-1.5.2/setup.py": "", "pandas-1.5.2/pyproject.toml": PANDAS_LIKE, "pandas-1.5.2/doc/pyproject.toml": '[build-system]\nrequires = ["decoy"]\n' });
    expect(readSdistBuildSystem(body, "pandas-1.5.2.tar.gz")).toEqual({
      ok: true,
      value: { declared: true, requires: ["setuptools>=51.0.0", "wheel", "Cython>=0.29.32,<3", "oldest-supported-numpy>=2022.8.16"], backend: null },
    });
  });

  it("reads a .zip sdist", () => {
    const body = zipSync({ "pkg-1.0/pyproject.toml": new TextEncoder().encode('[build-system]\nrequires = ["maturin>=1,<2"]\nbuild-backend = "maturin"\n') });
    expect(readSdistBuildSystem(body, "pkg-1.0.zip")).toEqual({ ok: true, value: { declared: true, requires: ["maturin>=1,<2"], backend: "maturin" } });
  });

  it("no pyproject.toml, or one without [build-system]: not declared (pip's default applies)", () => {
    expect(readSdistBuildSystem(tarGz({ "docopt-0.6.2/setup.py": "" }), "docopt-0.6.2.tar.gz")).toEqual({ ok: true, value: { declared: false, requires: null, backend: null } });
    expect(readSdistBuildSystem(tarGz({ "x-1/pyproject.toml": "[tool.black]\nline-length = 100\n" }), "x-1.tar.gz")).toEqual({ ok: true, value: { declared: false, requires: null, backend: null } });
  });

  it("[build-system] without requires is refused, as pip refuses it", () => {
    const reading = readBuildSystemTable('[build-system]\nbuild-backend = "flit_core.buildapi"\n', "x-1.tar.gz");
    expect(reading).toMatchObject({ ok: false, message: expect.stringContaining("requires") });
  });

  it("invalid TOML and a body that is not an archive say so", () => {
    expect(readBuildSystemTable("[build-system\nrequires = [", "x-1.tar.gz")).toMatchObject({ ok: false, message: expect.stringContaining("not valid TOML") });
    expect(readSdistBuildSystem(new TextEncoder().encode("<html>not found</html>"), "x-1.tar.gz")).toMatchObject({ ok: false, message: expect.stringContaining("could not be unpacked") });
    expect(readSdistBuildSystem(new TextEncoder().encode("PK broken"), "x-1.zip")).toMatchObject({ ok: false, message: expect.stringContaining("could not be unpacked") });
  });
});
