import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main } from "./main";

// docs/github-actions/basewise.yml, the example the docs page shows: parsed as YAML and its keys
// checked (actionlint is not installable on these machines), its shell blocks checked by `bash -n`,
// and every flag it gives the CLI checked against the CLI's own --help.

const TEXT = readFileSync(new URL("../../docs/github-actions/basewise.yml", import.meta.url), "utf8");

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: { pull_request: { paths: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { "runs-on": string; env: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(TEXT) as Workflow;
const job = Object.values(workflow.jobs)[0]!;
const steps = job.steps;
const analyse = steps.find((s) => s.id === "analyse");

async function help(): Promise<string> {
  let out = "";
  await main(["--help"], (t) => (out += t), () => {}, { stdin: Object.assign(Readable.from([]), { isTTY: true }), stderrIsTTY: false });
  return out;
}

describe("the GitHub Actions example", () => {
  it("runs on pull requests that touch requirements, pyproject or lock files", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.on.pull_request.paths).toEqual(expect.arrayContaining(["**/requirements*.txt", "requirements/**", "pyproject.toml", "uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "pylock*.toml"]));
  });

  it("asks for no more than reading the code and writing a pull-request comment", () => {
    expect(workflow.permissions).toEqual({ contents: "read", "pull-requests": "write" });
  });

  it("runs the CLI with --format markdown and --fail-on compile, keeping its exit code for the last step", () => {
    expect(analyse?.run).toBeDefined();
    const run = analyse!.run!;
    expect(run).toMatch(/node \.basewise\/bin\/basewise\.mjs analyze "\$BASEWISE_FILE"/);
    expect(run).toContain("--format markdown");
    expect(run).toContain("--fail-on compile");
    expect(run).toContain("--as-of");
    expect(run).toContain("> basewise.md");
    expect(run).toContain('echo "exit-code=$code" >> "$GITHUB_OUTPUT"');
    const gate = steps.at(-1)!;
    expect(gate.if).toBe("steps.analyse.outputs.exit-code != '0'");
    expect(gate.env?.CODE).toBe("${{ steps.analyse.outputs.exit-code }}");
    expect(gate.run).toMatch(/3\) echo "::error::A chosen base image would compile/);
    expect(gate.run?.trim().endsWith("exit 1")).toBe(true);
  });

  it("gives the CLI only flags it knows, and --as-of a value it accepts", async () => {
    const usage = await help();
    // The command from the CLI to its redirection, without the $(…) that computes --as-of.
    const command = analyse!.run!.slice(analyse!.run!.indexOf("basewise.mjs analyze"), analyse!.run!.indexOf("> basewise.md")).replace(/\$\([^)]*\)/g, "");
    const flags = [...command.matchAll(/\s(--[a-z-]+)/g)].map((m) => m[1]!);
    expect(flags).toEqual(["--base", "--arch", "--arch", "--as-of", "--format", "--fail-on"]);
    for (const flag of flags) expect(usage).toContain(`${flag} `);
    // `git log -1 --format=%cI` writes strict ISO 8601 with an offset.
    const { asOfFromFlag } = await import("./as-of");
    expect(asOfFromFlag("2026-12-02T18:04:11+01:00")).toBe("2026-12-02T17:04:11.000Z");
  });

  it("comments through actions/github-script, updating its one comment, and only where the token may write", () => {
    const comment = steps.find((s) => s.uses?.startsWith("actions/github-script@"));
    expect(comment?.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    const script = comment!.with!.script!;
    expect(script).toContain('readFileSync("basewise.md"');
    expect(script).toContain("github.rest.issues.updateComment");
    expect(script).toContain("github.rest.issues.createComment");
    // The script is JavaScript (github-script runs it as an async function body).
    expect(() => new Function("require", "github", "context", `return (async () => {${script}})`)).not.toThrow();
  });

  it("pins every action to a major version, and every shell block parses", () => {
    for (const step of steps) if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    for (const step of steps.filter((s) => s.run)) {
      const checked = spawnSync("bash", ["-n"], { input: step.run, encoding: "utf8" });
      expect(checked.stderr, step.name).toBe("");
      expect(checked.status, step.name).toBe(0);
    }
  });
});
