import { describe, expect, it } from "vitest";
import { generateDockerfile, type DockerfileInput } from "./index";
import { ruleViolations, runsOf, stagesOf } from "./rules.test-support";

// Images whose Python is the OS's package (alpine:3.Y, debian:<codename>, ubuntu): the Dockerfile
// installs python3 with the OS's package manager in every stage that runs it, creates a virtualenv
// (PEP 668 where the OS marks its Python externally managed), and brings headers and compilers only
// into a builder, only when something compiles.

const alpine: DockerfileInput["image"] = {
  reference: "alpine:3.19",
  packageManager: "apk",
  osId: "alpine",
  pythonVersion: "3.11.14",
  hasShell: true,
  hasPip: false,
  hasCompiler: false,
  distroPython: { packages: ["python3"], externallyManaged: true },
};
const debian: DockerfileInput["image"] = {
  reference: "debian:bookworm-slim",
  packageManager: "apt",
  osId: "debian",
  pythonVersion: "3.11.2",
  hasShell: true,
  hasPip: false,
  hasCompiler: false,
  distroPython: { packages: ["python3", "python3-venv"], externallyManaged: true },
};
const bullseye: DockerfileInput["image"] = { ...debian, reference: "debian:bullseye-slim", pythonVersion: "3.9.2", distroPython: { packages: ["python3", "python3-venv"], externallyManaged: false } };

const need = (name: string, why: string) => ({ name, neededBy: [why] });
const pythonOf = (image: DockerfileInput["image"]) => (image.distroPython?.packages ?? []).map((name) => need(name, "the image ships no Python"));

function input(image: DockerfileInput["image"], compiles: boolean): DockerfileInput {
  const python = pythonOf(image);
  const toolchain = image.packageManager === "apk" ? ["gcc", "musl-dev", "libpq-dev"] : ["gcc", "libc6-dev", "libpq-dev"];
  const runtimeLib = image.packageManager === "apk" ? "libpq" : "libpq5";
  return {
    image,
    builder: null,
    compiles: compiles ? [{ name: "psycopg2", version: "2.9.9", buildRequirement: false }] : [],
    os: compiles
      ? { build: [...python, need("python3-dev", "headers"), ...toolchain.map((n) => need(n, "psycopg2 2.9.9"))], runtime: [...python, need(runtimeLib, "psycopg2 2.9.9")], missingAtRuntime: [] }
      : { build: [], runtime: python, missingAtRuntime: [] },
    env: [],
    requirementsFile: "requirements.txt",
  };
}

describe("Dockerfiles for a distro Python", () => {
  it.each([
    ["alpine:3.19", alpine, /^apk add --no-cache python3$/m],
    ["debian:bookworm-slim", debian, /apt-get install -y --no-install-recommends python3 python3-venv && rm -rf/],
  ] as const)("%s, nothing compiles: one stage installs python3, makes a virtualenv and runs pip in it", (_, image, installLine) => {
    const generated = generateDockerfile(input(image, false));
    expect(ruleViolations(generated, { compiles: false })).toEqual([]);
    expect(generated.multiStage).toBe(false);
    const [only] = stagesOf(generated.text);
    const runs = runsOf(only);
    expect(runs.split("\n")[0]).toMatch(installLine);
    expect(runs).toMatch(/python3 -m venv \/opt\/venv/);
    expect(runs).not.toMatch(/python3-dev|gcc|build-base/);
    // python3 comes first, then the virtualenv, then pip inside it.
    const text = generated.text;
    expect(text.indexOf("python3 -m venv")).toBeGreaterThan(text.indexOf(image.packageManager === "apk" ? "apk add" : "apt-get install"));
    expect(text.indexOf("pip install -r requirements.txt")).toBeGreaterThan(text.indexOf('ENV PATH="/opt/venv/bin:$PATH"'));
    expect(text).toMatch(/EXTERNALLY-MANAGED \(PEP 668\)/);
    expect(generated.stages[0]?.osPackages).toEqual(image.distroPython?.packages);
  });

  it.each([
    ["alpine:3.19", alpine, "apk add --no-cache python3 python3-dev gcc musl-dev libpq-dev", "apk add --no-cache python3 libpq"],
    ["debian:bookworm-slim", debian, "apt-get install -y --no-install-recommends python3 python3-venv python3-dev gcc libc6-dev libpq-dev", "apt-get install -y --no-install-recommends python3 python3-venv libpq5"],
  ] as const)("%s, psycopg2 compiles: headers and compilers in the builder only, python3 in both stages", (_, image, builderInstall, finalInstall) => {
    const generated = generateDockerfile(input(image, true));
    expect(ruleViolations(generated, { compiles: true })).toEqual([]);
    const [builder, final] = stagesOf(generated.text);
    expect([builder?.from, final?.from]).toEqual([image.reference, image.reference]);
    expect(runsOf(builder)).toContain(builderInstall);
    expect(runsOf(builder)).toMatch(/python3 -m venv \/opt\/venv/);
    expect(runsOf(final)).toContain(finalInstall);
    expect(runsOf(final)).not.toMatch(/-dev\b|gcc/);
    expect(generated.text).toMatch(/COPY --from=builder \/opt\/venv \/opt\/venv/);
  });

  it("says why a virtualenv where the OS does not mark its Python externally managed (bullseye)", () => {
    const generated = generateDockerfile(input(bullseye, false));
    expect(ruleViolations(generated, { compiles: false })).toEqual([]);
    const venv = generated.lines.find((l) => l.text.startsWith("RUN python3 -m venv"));
    expect(venv?.note).toMatch(/belongs to its package manager/);
    expect(venv?.note).not.toMatch(/PEP 668/);
  });

  it("notes the distro Python packages for what they are, not as libraries something loads", () => {
    const generated = generateDockerfile(input(debian, true));
    const finalInstall = generated.lines.filter((l) => l.text.startsWith("RUN apt-get")).at(-1);
    expect(finalInstall?.note).toMatch(/^python3: the image ships no Python; python3-venv: the image ships no Python; libpq5 stays: psycopg2 2\.9\.9 loads it at run time\.$/);
  });
});
