import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectInputKind, kindFromContent, kindFromName } from "./detect";
import type { InputKind } from "./types";

const fixture = (name: string): string => readFileSync(`lib/inputs/fixtures/${name}`, "utf8");

describe("kindFromName", () => {
  const vectors: [string | null, InputKind | null][] = [
    ["pyproject.toml", "pyproject"],
    ["backend/pyproject.toml", "pyproject"],
    ["uv.lock", "uv-lock"],
    ["poetry.lock", "poetry-lock"],
    ["pdm.lock", "pdm-lock"],
    ["Pipfile.lock", "pipfile-lock"],
    ["pipfile.lock", "pipfile-lock"],
    ["pylock.toml", "pylock"],
    ["pylock.dev.toml", "pylock"],
    ["pylock.with-gpu.toml", "pylock"],
    ["pylock.a.b.toml", null], // PEP 751: one name part between "pylock." and ".toml"
    ["pylock..toml", null],
    ["requirements.txt", "requirements"],
    ["requirements/dev.txt", "requirements"],
    ["C:\\project\\requirements-dev.txt", "requirements"],
    ["requirements.in", "requirements"],
    ["constraints.txt", "requirements"],
    ["Pipfile", null],
    ["setup.cfg", null],
    ["lockfile", null],
    [null, null],
  ];
  it.each(vectors)("%s → %s", (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });
});

describe("kindFromContent", () => {
  const vectors: [string, string, InputKind][] = [
    ["uv.lock fixture", fixture("uv.lock"), "uv-lock"],
    ["poetry.lock 2.1 fixture", fixture("poetry.lock"), "poetry-lock"],
    ["poetry.lock 2.0 fixture", fixture("poetry.v2-0.lock"), "poetry-lock"],
    ["pdm.lock fixture", fixture("pdm.lock"), "pdm-lock"],
    ["pylock.toml fixture", fixture("pylock.toml"), "pylock"],
    ["Pipfile.lock fixture", fixture("Pipfile.lock"), "pipfile-lock"],
    ["PEP 621 pyproject fixture", fixture("pyproject.pep621.toml"), "pyproject"],
    ["Poetry pyproject fixture", fixture("pyproject.poetry.toml"), "pyproject"],
    ["PEP 735 groups only", fixture("pyproject.pep735-cycle.toml"), "pyproject"],
    ["requirements", "numpy==2.0\nrequests>=2 ; python_version < '3.13'\n", "requirements"],
    ["requirements with options", "-r base.txt\n--only-binary :all:\nflask\n", "requirements"],
    ["empty", "", "requirements"],
    ["uv.lock without source tables", 'version = 1\nrequires-python = ">=3.12"\n\n[[package]]\nname = "a"\nversion = "1"\n', "uv-lock"],
    ["uv.lock by source table alone", '[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "https://pypi.org/simple" }\n', "uv-lock"],
    ["poetry.lock metadata only", '[metadata]\nlock-version = "2.1"\ncontent-hash = "x"\n', "poetry-lock"],
    ["pdm.lock metadata only", '[metadata]\ngroups = ["default"]\nlock_version = "4.5.0"\n', "pdm-lock"],
    ["pylock header only", 'lock-version = "1.0"\ncreated-by = "uv"\n', "pylock"],
    ["pylock packages only", '[[packages]]\nname = "a"\nversion = "1"\n', "pylock"],
    ["JSON that is not a Pipfile.lock", '{"dependencies": {}}', "requirements"],
    ["[tool.poetry] header with spaces", '[ tool.poetry ]\nname = "x"\n', "pyproject"],
    ["[build-system] only", '[build-system]\nrequires = ["setuptools"]\n', "pyproject"],
  ];
  it.each(vectors)("%s", (_label, text, kind) => {
    expect(kindFromContent(text)).toBe(kind);
  });
});

describe("detectInputKind", () => {
  it("trusts a name that says the format over the content", () => {
    expect(detectInputKind({ name: "requirements.txt", text: fixture("uv.lock") })).toBe("requirements");
    expect(detectInputKind({ name: "uv.lock", text: "numpy\n" })).toBe("uv-lock");
  });
  it("reads the content when the name says nothing or there is none", () => {
    expect(detectInputKind({ name: "lockfile", text: fixture("poetry.lock") })).toBe("poetry-lock");
    expect(detectInputKind({ name: null, text: fixture("Pipfile.lock") })).toBe("pipfile-lock");
    expect(detectInputKind({ name: null, text: fixture("pdm.lock") })).toBe("pdm-lock");
  });
  it("is linear: 2 MB of hostile text is classified quickly", () => {
    const hostile = `${"[".repeat(500_000)}\n${"version = 1".repeat(50_000)}\n${"a=".repeat(250_000)}`;
    const started = performance.now();
    expect(kindFromContent(hostile)).toBe("requirements");
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
