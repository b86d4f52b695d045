/**
 * The recommended Dockerfile for one image and one resolved requirements set, each instruction
 * with the reason it is there. Rules: a pinned base; when anything compiles (or the final image
 * cannot run pip) a builder stage with exactly the packages the builds need, installing into a
 * virtualenv that the final stage copies; requirements copied before the source so the dependency
 * layers stay cached; pip's cache on a BuildKit cache mount; no compilers in the final stage; an
 * unprivileged user.
 */
import { installCommand, userSetup } from "./os-commands";
import type { DockerfileInput, DockerfileLine, DockerfileStage, GeneratedDockerfile, NeededPackage } from "./types";

const VENV = "/opt/venv";
const PIP_CACHE = "/root/.cache/pip";

export function generateDockerfile(input: DockerfileInput): GeneratedDockerfile {
  const lines: DockerfileLine[] = [];
  const warnings: string[] = [];
  const stages: DockerfileStage[] = [];
  const add = (text: string, note: string) => {
    lines.push({ text, note });
    const stage = stages.at(-1);
    if (stage && text !== "") stage.lastLine = lines.length - 1;
  };
  const gap = () => lines.push({ text: "", note: "" });
  const from: From = (stage, note) => {
    stages.push({ ...stage, firstLine: lines.length, lastLine: lines.length, osPackages: [] });
    add(`FROM ${stage.from}${stage.name ? ` AS ${stage.name}` : ""}`, note);
  };
  const install: Install = (manager, packages, note) => {
    add(`RUN ${installCommand(manager, packages.map((p) => p.name))}`, note);
    stages.at(-1)?.osPackages.push(...packages.map((p) => p.name));
  };
  const out: Out = { add, from, install };
  const { image } = input;
  const compiled = input.compiles.map(label);
  // An image whose Python comes from its package manager gets pip from the virtualenv it creates, so
  // it needs no builder unless something compiles.
  const needsBuilder = input.compiles.length > 0 || !image.hasShell || (!image.hasPip && !image.distroPython);

  add("# syntax=docker/dockerfile:1", "BuildKit's Dockerfile syntax: needed for the pip cache mount (RUN --mount=type=cache).");
  // A build known to fail comes first: nothing else about this Dockerfile matters until it is fixed.
  for (const reason of input.failingBuilds ?? []) warnings.push(`This build fails: ${reason}`);
  const unchecked = input.unchecked ?? [];
  const compilesAnyway = unchecked.filter((u) => u.alwaysCompiles).map((u) => u.name);
  if (compilesAnyway.length > 0) {
    warnings.push(
      `${listed(compilesAnyway)} could not be checked on the index, and Basewise's build table says ${compilesAnyway.length === 1 ? "it always compiles" : "they always compile"} on Linux: this Dockerfile installs nothing to build ${compilesAnyway.length === 1 ? "it" : "them"}, so the build may fail there.`,
    );
  }
  if (!needsBuilder) {
    singleStage(input, out);
  } else {
    builderStage(input, compiled, out);
    gap();
    finalStage(input, compiled, out, warnings);
  }
  return { text: render(lines), lines, warnings, stages, multiStage: needsBuilder };
}

type Add = (text: string, note: string) => void;
/** Starts a stage: its FROM line, and the stage's record. */
type From = (stage: Pick<DockerfileStage, "name" | "role" | "from">, note: string) => void;
/** A package-manager install, recorded on the current stage. */
type Install = (manager: "apt" | "apk" | "dnf", packages: readonly NeededPackage[], note: string) => void;
interface Out {
  add: Add;
  from: From;
  install: Install;
}

function singleStage(input: DockerfileInput, { add, from, install }: Out): void {
  const { image } = input;
  const unchecked = (input.unchecked ?? []).map((u) => u.name);
  // Never "nothing compiles" while a package could not be checked: that part is unknown.
  const why =
    unchecked.length === 0
      ? "nothing in these requirements compiles here, so one stage is enough and no compiler is ever installed."
      : `nothing Basewise could check compiles here, so one stage and no compiler; whether ${listed(unchecked)} compile${unchecked.length === 1 ? "s" : ""} is unknown (not checked on the index).`;
  from({ name: null, role: "final", from: image.reference }, `${image.reference}: ${why}${pinNote(image.reference)}`);
  if (image.osId === "rhel") add("USER 0", "dnf and the pip cache mount need root; the last USER line drops back to 1001.");
  add(
    `ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1 \\\n    PIP_DISABLE_PIP_VERSION_CHECK=1 \\\n    PIP_ROOT_USER_ACTION=ignore`,
    "No .pyc files written at run time (pip still compiles site-packages once, at install); logs unbuffered so they reach `docker logs` at once; no pip self-update check or root warning during the build.",
  );
  if (image.packageManager !== "none" && input.os.runtime.length > 0) {
    install(image.packageManager, input.os.runtime, runtimeNote(input.os.runtime, image));
  }
  if (image.distroPython) {
    add(`RUN python3 -m venv ${VENV}`, `${distroVenvWhy(image)}, so the packages go into a virtualenv; python3 -m venv gives it its own pip.`);
    add(`ENV PATH="${VENV}/bin:$PATH"`, "The virtualenv's python and pip come first on PATH.");
  }
  const user = userSetup(image);
  if (user.create) add(`RUN ${user.create}`, `Run as ${user.user}, not root: ${user.why}`);
  add("WORKDIR /app", "The application's directory.");
  add(`COPY ${input.requirementsFile} .`, "Only the requirements first: the install below is rebuilt only when they change, not on every source edit.");
  add(pipInstall(input.requirementsFile), `Every package installs from a wheel here; pip's cache lives on a BuildKit cache mount, so it speeds up rebuilds without being stored in the image.`);
  add("COPY . .", "The application source last: editing it reuses every layer above. Owned by root, so the app user can read but not change its code.");
  add(`USER ${user.user}`, `Drop root for the running container (${user.user}).`);
  add(`CMD ["python3", "-m", "app"]`, "Replace with your entry point (e.g. gunicorn or uvicorn with your module).");
}

function builderStage(input: DockerfileInput, compiled: string[], { add, from, install }: Out): void {
  const { image } = input;
  const builder = input.builder?.reference ?? image.reference;
  const manager = input.builder?.packageManager ?? (image.packageManager === "none" ? null : image.packageManager);
  const why =
    input.compiles.length > 0
      ? `Builder stage: pip compiles ${listed(compiled)} here, so compilers and -dev packages never reach the final image.`
      : `Builder stage: ${input.builder?.why ?? `${image.reference} cannot run pip`}`;
  from({ name: "builder", role: "builder", from: builder }, `${input.builder && input.compiles.length > 0 ? `${why} ${input.builder.why}` : why}${pinNote(builder)}`);
  if (input.builder === null && image.osId === "rhel") add("USER 0", "dnf needs root in the UBI image.");
  if (manager && input.os.build.length > 0) {
    install(manager, input.os.build, [buildNote(input.os.build), optionalNote(input.optionalParts ?? [])].filter(Boolean).join(" "));
  }
  for (const variable of input.env) {
    add(`ENV ${variable.name}=${variable.value}`, `${variable.why} (for ${listed(variable.neededBy)}).`);
  }
  add(
    `RUN python3 -m venv ${VENV}`,
    `Install into a virtualenv: the final stage copies this one directory.${input.builder === null && image.distroPython ? ` ${distroVenvWhy(image)}, so it could not go anywhere else.` : ""}`,
  );
  add(`ENV PATH="${VENV}/bin:$PATH" \\\n    PIP_CACHE_DIR=${PIP_CACHE} \\\n    PIP_DISABLE_PIP_VERSION_CHECK=1`, "The virtualenv's pip first on PATH; pip's cache at the cache mount below.");
  add(`COPY ${input.requirementsFile} .`, "Only the requirements: the install layer is rebuilt only when they change.");
  add(
    pipInstall(input.requirementsFile),
    input.compiles.length > 0
      ? `Builds ${listed(compiled)} from source and installs every wheel; the cache mount keeps downloads and the wheels pip built for the next build without storing them in the image.`
      : "Installs every package from a wheel; the cache mount keeps downloads for the next build without storing them in the image.",
  );
}

function finalStage(input: DockerfileInput, compiled: string[], { add, from, install }: Out, warnings: string[]): void {
  const { image } = input;
  const distroless = image.packageManager === "none";
  from(
    { name: null, role: "final", from: image.reference },
    (distroless
      ? `Final stage: ${image.reference} has no shell, pip or package manager, so nothing can be installed here — only copied in.`
      : `Final stage: a fresh ${image.reference} without compilers or -dev packages${image.hasCompiler ? " (this full image ships gcc itself; a -slim final stage would leave it out)" : ""}.`)
      + pinNote(image.reference),
  );
  add(
    `ENV PYTHONDONTWRITEBYTECODE=1 \\\n    PYTHONUNBUFFERED=1 \\\n    PATH="${VENV}/bin:$PATH"`,
    "No .pyc files written at run time; logs unbuffered; the copied virtualenv first on PATH.",
  );
  if (!distroless) {
    if (image.osId === "rhel") add("USER 0", "dnf needs root; the USER line below drops back to 1001.");
    if (input.os.runtime.length > 0) install(image.packageManager as "apt" | "apk" | "dnf", input.os.runtime, runtimeNote(input.os.runtime, image));
  }
  const user = userSetup(image);
  if (user.create) add(`RUN ${user.create}`, `Run as ${user.user}, not root: ${user.why}`);
  const missing = input.os.missingAtRuntime;
  if (missing.length > 0) {
    warnings.push(
      `${image.reference} cannot install ${missing.map((p) => p.name).join(", ")}, which ${listed(unique(missing.flatMap((p) => p.neededBy)))} load at run time: copy the libraries (and theirs) from the builder, or choose a release or package that ships a wheel bundling them (psycopg2-binary instead of psycopg2).`,
    );
  }
  add(
    `COPY --from=builder ${VENV} ${VENV}`,
    input.compiles.length > 0
      ? `Only the installed packages cross over: ${listed(compiled)} ${compiled.length === 1 ? "arrives" : "arrive"} compiled, without the toolchain that built them.${missing.length ? ` Missing at run time: ${missing.map((p) => p.name).join(", ")} (see the warning).` : ""}`
      : "Only the installed packages cross over.",
  );
  add("WORKDIR /app", "The application's directory.");
  add("COPY . .", "The application source last: editing it reuses every layer above. Owned by root, so the app user can read but not change its code.");
  add(`USER ${user.user}`, `Run as ${user.user}, not root: ${user.create ? "created above." : user.why}`);
  if (distroless || image.osId === "wolfi") {
    add(`ENTRYPOINT ["python3", "-m", "app"]`, "The image's entrypoint is its python; this runs the virtualenv's python (first on PATH). Replace app with your module.");
  } else {
    add(`CMD ["python3", "-m", "app"]`, "Replace with your entry point (e.g. gunicorn or uvicorn with your module).");
  }
}

/** References without a tag float (an implicit :latest): say how to pin them. */
export function pinNote(reference: string): string {
  const name = reference.split("/").at(-1) ?? reference;
  if (name.includes(":") || reference.includes("@")) return "";
  return " It has no version tag: pin it by digest (FROM image@sha256:…, from `docker buildx imagetools inspect`) so rebuilds get the same image.";
}

function pipInstall(requirements: string): string {
  return `RUN --mount=type=cache,target=${PIP_CACHE} \\\n    pip install -r ${requirements}`;
}

function buildNote(packages: readonly NeededPackage[]): string {
  return `Build dependencies, each for the builds that need it: ${packages.map((p) => `${p.name} (${listed(p.neededBy)})`).join("; ")}.`;
}

/** "Optional parts left off (…): pillow 9.4.0 freetype (libfreetype-dev / libfreetype6), …"; "" when none. */
function optionalNote(compiles: NonNullable<DockerfileInput["optionalParts"]>): string {
  const named = compiles.filter((c) => c.parts.length > 0);
  if (named.length === 0) return "";
  const part = (p: { code: string; build: string[]; runtime: string[] }) => `${p.code} (${p.build.join(" ")}${p.runtime.length > 0 ? ` / ${p.runtime.join(" ")}` : ""})`;
  return `Optional parts left off, with the build / runtime packages that turn each on (add them here and in the final stage): ${named.map((c) => `${c.build} ${c.parts.map(part).join(", ")}`).join("; ")}.`;
}

function runtimeNote(packages: readonly NeededPackage[], image: DockerfileInput["image"]): string {
  const python = new Set(image.distroPython?.packages ?? []);
  return (
    packages
      .map((p) => (python.has(p.name) ? `${p.name}: ${p.neededBy.join("; ")}` : `${p.name} stays: ${listed(p.neededBy)} ${p.neededBy.length > 1 ? "load" : "loads"} it at run time`))
      .join("; ") + "."
  );
}

/** Why pip runs in a virtualenv on an image whose Python is the OS's. */
function distroVenvWhy(image: DockerfileInput["image"]): string {
  const os = image.osId === "alpine" ? "Alpine" : image.osId === "ubuntu" ? "Ubuntu" : "Debian";
  return image.distroPython?.externallyManaged
    ? `${os} marks its Python EXTERNALLY-MANAGED (PEP 668): pip refuses to install into it`
    : `${os}'s Python belongs to its package manager: pip installing into it could clash with its own python3 packages`;
}


function label(compile: DockerfileInput["compiles"][number]): string {
  const name = compile.version ? `${compile.name} ${compile.version}` : compile.name;
  return compile.buildRequirement ? `${name} (a build requirement)` : name;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function listed(items: readonly string[]): string {
  const all = unique(items);
  if (all.length <= 1) return all[0] ?? "";
  if (all.length <= 4) return `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
  return `${all.slice(0, 3).join(", ")} and ${all.length - 3} more`;
}

/** Notes become `#` comments above their instruction, wrapped at 100 columns. */
export function render(lines: readonly DockerfileLine[]): string {
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    // The parser directive must stay the very first line.
    if (i > 0 && line.note) out.push(...wrap(line.note, 98).map((part) => `# ${part}`));
    out.push(line.text);
  }
  return `${out.join("\n")}\n`;
}

function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/);
  const rows: string[] = [];
  let row = "";
  for (const word of words) {
    if (row && row.length + 1 + word.length > width) {
      rows.push(row);
      row = word;
    } else row = row ? `${row} ${word}` : word;
  }
  if (row) rows.push(row);
  return rows;
}
