import { describe, expect, it } from "vitest";
import { generateDockerfile, type DockerfileInput } from "./index";
import { ruleViolations, stagesOf } from "./rules.test-support";

// The generator reports the stages it lays out, so nothing downstream reads them back from the text;
// a real Dockerfile parser (dockerfile-ast, in ruleViolations) must find the same ones.

const slim: DockerfileInput["image"] = { reference: "python:3.12-slim-bookworm", packageManager: "apt", osId: "debian", pythonVersion: "3.12.7", hasShell: true, hasPip: true, hasCompiler: false };
const distroless: DockerfileInput["image"] = { reference: "gcr.io/distroless/python3-debian12:nonroot", packageManager: "none", osId: "debian", pythonVersion: "3.11.2", hasShell: false, hasPip: false, hasCompiler: false };

function input(image: DockerfileInput["image"], change: Partial<DockerfileInput> = {}): DockerfileInput {
  return { image, builder: null, compiles: [], os: { build: [], runtime: [], missingAtRuntime: [] }, env: [], requirementsFile: "requirements.txt", ...change };
}

const psycopg2 = {
  compiles: [{ name: "psycopg2", version: "2.9.9", buildRequirement: false }],
  os: { build: [{ name: "gcc", neededBy: ["psycopg2 2.9.9"] }, { name: "libpq-dev", neededBy: ["psycopg2 2.9.9"] }], runtime: [{ name: "libpq5", neededBy: ["psycopg2 2.9.9"] }], missingAtRuntime: [] },
};

describe("Dockerfile stages", () => {
  it.each([
    {
      name: "nothing compiles: one final stage",
      input: input(slim),
      stages: [{ name: null, role: "final", from: "python:3.12-slim-bookworm", osPackages: [] }],
      compiles: false,
    },
    {
      name: "a compile: a builder with the build packages, a final stage with the runtime ones",
      input: input(slim, psycopg2),
      stages: [
        { name: "builder", role: "builder", from: "python:3.12-slim-bookworm", osPackages: ["gcc", "libpq-dev"] },
        { name: null, role: "final", from: "python:3.12-slim-bookworm", osPackages: ["libpq5"] },
      ],
      compiles: true,
    },
    {
      name: "distroless, nothing compiles: still a builder, because the image cannot run pip",
      input: input(distroless, { builder: { reference: "debian:12-slim", packageManager: "apt", why: "no shell or pip" }, os: { build: [{ name: "python3", neededBy: ["venv"] }], runtime: [], missingAtRuntime: [] } }),
      stages: [
        { name: "builder", role: "builder", from: "debian:12-slim", osPackages: ["python3"] },
        { name: null, role: "final", from: "gcr.io/distroless/python3-debian12:nonroot", osPackages: [] },
      ],
      compiles: false,
    },
  ])("$name", ({ input: given, stages, compiles }) => {
    const generated = generateDockerfile(given);
    expect(generated.stages).toMatchObject(stages);
    expect(generated.multiStage).toBe(stages.length > 1);
    expect(generated.stages.map((s) => s.from)).toEqual(stagesOf(generated.text).map((s) => s.from));
    // Each stage's lines run from its FROM to its last instruction, and the stages cover every instruction.
    for (const [i, stage] of generated.stages.entries()) {
      expect(generated.lines[stage.firstLine]?.text).toMatch(/^FROM /);
      expect(generated.lines[stage.lastLine]?.text).not.toBe("");
      const next = generated.stages[i + 1];
      if (next) expect(generated.lines.slice(stage.lastLine + 1, next.firstLine).every((l) => l.text === "")).toBe(true);
    }
    expect(generated.stages.at(-1)?.lastLine).toBe(generated.lines.length - 1);
    expect(ruleViolations(generated, { compiles })).toEqual([]);
  });
});
