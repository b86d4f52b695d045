/**
 * Test support: the rules every generated Dockerfile keeps, checked on the parse tree of a real
 * Dockerfile parser (dockerfile-ast). Returns the violations in words; [] when all hold.
 */
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import type { GeneratedDockerfile } from "./types";

export interface Stage {
  from: string;
  name: string | null;
  instructions: Instruction[];
}

/** An instruction's arguments with its flags (RUN --mount=…), continuation lines joined. */
export function argumentsOf(instruction: Instruction): string {
  return instruction.getTextContent().replace(/^\w+\s+/, "").replace(/\\\n\s*/g, "");
}

export function stagesOf(text: string): Stage[] {
  const out: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === "FROM") {
      const [image, , name] = (instruction.getArgumentsContent() ?? "").split(/\s+/);
      out.push({ from: image ?? "", name: name ?? null, instructions: [] });
    } else {
      out.at(-1)?.instructions.push(instruction);
    }
  }
  return out;
}

export const runsOf = (stage: Stage | undefined) => (stage?.instructions ?? []).filter((i) => i.getKeyword() === "RUN").map(argumentsOf).join("\n");
export const envOf = (stage: Stage | undefined) => (stage?.instructions ?? []).filter((i) => i.getKeyword() === "ENV").map(argumentsOf).join("\n");

const COMPILER = /\b(gcc|g\+\+|gfortran|build-base|cargo|rustc|rust|musl-dev|libc6-dev|[\w.+-]+-dev|[\w.+-]+-devel)\b/;

export function ruleViolations(generated: GeneratedDockerfile, options: { compiles: boolean }): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const dockerfile = DockerfileParser.parse(generated.text);
  const directives = dockerfile.getDirectives().map((d) => `${d.getName()}=${d.getValue()}`);
  check(directives.join() === "syntax=docker/dockerfile:1", `parser directive: ${directives.join() || "none"}`);
  const stages = stagesOf(generated.text);
  const final = stages.at(-1);
  if (!final) return [...problems, "no FROM"];
  for (const stage of stages) {
    if (!stage.from.startsWith("cgr.dev/")) check(!/:latest$/.test(stage.from), `${stage.from}: :latest is not a pin`);
    const from = generated.lines.find((l) => l.text.startsWith(`FROM ${stage.from}`));
    if (!/:[^/]+$/.test(stage.from) && !stage.from.includes("@")) check(/pin it by digest/.test(from?.note ?? ""), `${stage.from}: no tag and no advice to pin it`);
  }
  // The stages the generator reports are the ones a Dockerfile parser finds.
  const reported = generated.stages.map((s) => ({ from: s.from, name: s.name }));
  check(JSON.stringify(reported) === JSON.stringify(stages.map((s) => ({ from: s.from, name: s.name }))), `reported stages ${JSON.stringify(reported)} are not the parsed ones`);
  check(generated.multiStage === stages.length > 1, `multiStage is ${generated.multiStage} with ${stages.length} stage(s)`);
  for (const stage of generated.stages) {
    check(generated.lines[stage.firstLine]?.text.startsWith(`FROM ${stage.from}`) === true, `stage ${stage.name ?? stage.from} does not start at its FROM line`);
    const next = generated.stages[generated.stages.indexOf(stage) + 1];
    check(stage.lastLine >= stage.firstLine && (next === undefined ? stage.lastLine === generated.lines.length - 1 : stage.lastLine < next.firstLine), `stage ${stage.name ?? stage.from} has lines ${stage.firstLine}–${stage.lastLine}`);
    for (const name of stage.osPackages) {
      const installs = generated.lines.slice(stage.firstLine, stage.lastLine + 1).some((l) => l.text.startsWith("RUN ") && l.text.split(/\s+/).includes(name));
      check(installs, `stage ${stage.name ?? stage.from} reports ${name} but does not install it`);
    }
  }
  if (options.compiles) {
    check(stages.length === 2, `${stages.length} stage(s) while something compiles`);
    check(stages[0]?.name === "builder", "the first stage is not named builder");
  }
  for (const run of final.instructions.filter((i) => i.getKeyword() === "RUN")) {
    const match = COMPILER.exec(argumentsOf(run));
    check(match === null, `the final stage installs ${match?.[0]}`);
  }
  const installing = stages.find((s) => s.instructions.some((i) => /pip install/.test(argumentsOf(i)))) ?? final;
  const texts = installing.instructions.map((i) => `${i.getKeyword()} ${argumentsOf(i)}`);
  const copyRequirements = texts.findIndex((t) => t.startsWith("COPY requirements.txt"));
  const pip = texts.findIndex((t) => /pip install -r requirements\.txt/.test(t));
  check(copyRequirements >= 0 && pip > copyRequirements, "requirements.txt is not copied before pip install");
  check(/--mount=type=cache,target=\/root\/\.cache\/pip/.test(texts[pip] ?? ""), "pip install has no BuildKit cache mount");
  const finalTexts = final.instructions.map((i) => `${i.getKeyword()} ${argumentsOf(i)}`);
  const copySource = finalTexts.indexOf("COPY . .");
  check(copySource >= 0 && (installing !== final || copySource > pip), "the source is not copied after the install");
  const user = final.instructions.filter((i) => i.getKeyword() === "USER").at(-1);
  check(/^(app|nonroot|1001)$/.test(user ? argumentsOf(user) : ""), `final user: ${user ? argumentsOf(user) : "root"}`);
  const env = envOf(final);
  check(env.includes("PYTHONDONTWRITEBYTECODE=1") && env.includes("PYTHONUNBUFFERED=1"), "PYTHONDONTWRITEBYTECODE/PYTHONUNBUFFERED not set in the final stage");
  for (const line of generated.lines.filter((l) => l.text !== "")) {
    check(line.note.length > 10, `no note for: ${line.text}`);
    if (!line.text.startsWith("# syntax")) check(generated.text.includes(`# ${line.note.split(" ").slice(0, 4).join(" ")}`), `note not in the text as a comment: ${line.text}`);
  }
  return problems;
}
