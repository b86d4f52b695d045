import path from "node:path";
import { parseArgs } from "node:util";
import { ARCHES, BUILD_HOSTS, DEFAULT_ARCHS, DEFAULT_ESTIMATE, ESTIMATE_LIMITS, MAX_BASES, MAX_INPUT_FILES, MAX_LOCK_BYTES } from "@/lib/contract/request-limits";
import type { AnalyzeRequest, FieldNaming, RequestField } from "@/lib/contract/request";
import { DEFAULT_BASES } from "@/lib/targets/defaults";
import { INPUT_KINDS } from "@/lib/inputs/types";
import { indexConfigFromEnv } from "@/lib/index/config";
import { AS_OF_FORMS, asOfFromFlag } from "./as-of";
import { EXIT } from "./exit-codes";
import { FAIL_ON, type FailOn, type FailOnCondition } from "./fail-on";
import { progressLine, type ProgressLine } from "./progress";

const { cores, networkMBps } = ESTIMATE_LIMITS;

const FORMATS = ["table", "json", "markdown"] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: basewise analyze [FILE] [--kind KIND] [--extra NAME…] [--group NAME…] [--base IMAGE…] [--arch amd64|arm64…]
                        [--as-of DATE] [--format table|json|markdown] [--fail-on compile|fails|unknown|none] [--index-url URL]
                        [--no-deps] [--cores N] [--network-mbps N] [--warm] [--build-host HOST] [--dockerfile IMAGE] [--fetch-sdists] [--link URL]
       basewise images  [--python X.Y] [--libc glibc|musl] [--family NAME] [--arch ARCH] [--supported] [--as-of DATE] [--format table|json]
       basewise schema  (prints the JSON Schema of the --format json report, as GET /api/schema serves it)

Predicts, for each base image, which packages pip installs from a wheel and which it builds from source:
the whole install set as pip resolves it there, and the build requirements of every build.
  FILE            a requirements.txt, pyproject.toml, uv.lock, poetry.lock, pdm.lock, Pipfile.lock or pylock.toml, known by
                  its name, else its content; "-", or no FILE with standard input not a terminal, reads standard input.
                  The files its -r/-c lines name are read too, relative to it (inside its directory, at most ${MAX_INPUT_FILES})
  --kind KIND     read FILE as ${INPUT_KINDS.join(", ")} (default: detected)
  --extra NAME    a pyproject.toml extra to include (repeatable)
  --group NAME    a dependency group to include: pyproject.toml [dependency-groups] or Poetry groups, a lock's groups (repeatable)
  --base IMAGE    a base image, e.g. python:3.12-slim-bookworm (repeatable, at most ${MAX_BASES}; default: ${DEFAULT_BASES.join(", ")})
  --arch ARCH     ${ARCHES.join(" or ")}; repeat it or write "amd64,arm64" for both (default: ${DEFAULT_ARCHS.join(" and ")})
  --as-of DATE    the index as of then: files uploaded later are ignored, floating tags point where they did, end of
                  life is judged then (a share link's asOf). ${AS_OF_FORMS}
                  (default: now)
  --format F      table (default), json (the versioned report; --json is the same) or markdown (the page's "Copy as Markdown")
  --fail-on WHAT  exit ${EXIT.failOn} when, on any analysed image and architecture (each --base on each --arch):
                    compile  something compiles from source (a build known to fail included)
                    fails    a build is known to fail (compiles[].viability "fails", blocker build-fails)
                    unknown  a package could not be checked (status unknown, or not reached before the deadline)
                    none     never (the default)
                  repeat it or write "fails,unknown" for several; the reasons go to stderr
  --index-url URL the package index (default: $BASEWISE_INDEX_URL or https://pypi.org/simple/)
  --no-deps       only the requirements written in the file, as pip --no-deps
  --cores N       CPU cores for the build-time estimate, ${cores.min} to ${cores.max} (default ${DEFAULT_ESTIMATE.cores})
  --network-mbps N  download speed for the estimate, MB/s, ${networkMBps.min} to ${networkMBps.max} (default ${DEFAULT_ESTIMATE.networkMBps})
  --warm          estimate a rebuild with a warm cache (only the layers after requirements change)
  --build-host HOST  where docker build runs: ${BUILD_HOSTS.join(", ")} (default ${DEFAULT_ESTIMATE.buildHost});
                  a target of another architecture than the host's is emulated (compiles ×6–10)
  --emulated      the older form of --build-host ci-amd64 (arm64 built on an amd64 host under QEMU)
  --dockerfile IMAGE  print only the recommended, annotated Dockerfile for IMAGE (for the first --arch)
  --fetch-sdists  download sdists that will be built to read their pyproject.toml (default: $BASEWISE_FETCH_SDISTS, else off)
  --link URL      a Basewise page's address (https://basewise.example.org/): the table and the Markdown end with this
                  analysis's share link, fixed at its as-of so that it opens to the same answer

basewise images lists the catalog --base accepts (image, Python, libc, OS, archs, size, end of life):
  --python X.Y    that Python (3.12, or 3.12.14)     --libc glibc|musl     --arch ARCH   published for it
  --family NAME   an OS (debian, alpine, ubuntu, rhel, wolfi) or a kind of image (full, slim, distroless, distro)
  --supported     only images not past their end of life as of --as-of (default: now)
  Each filter may be repeated (any of its values); different filters must all hold.

While it works, a progress line is drawn on stderr when stderr is a terminal (never otherwise, never on stdout).

Exit codes:
  ${EXIT.ok}  ok
  ${EXIT.inputProblems}  the report has errors: a malformed line, an unknown image, an as-of the index cannot honour (wins over ${EXIT.failOn})
  ${EXIT.usage}  usage: a bad flag or value, a file that cannot be read, an input refused before analysis
  ${EXIT.failOn}  a --fail-on condition holds
`;

/** Where the CLI reads standard input and whether stderr is a terminal; the process's own by default. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** A progress line is drawn only when this is true. */
  stderrIsTTY: boolean;
}

function processIo(): CliIo {
  return {
    // A getter: touching process.stdin opens it, which --help and usage errors need not do.
    get stdin() {
      return process.stdin;
    },
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Flags of one command only; given to another, they are a usage error rather than ignored. */
const ANALYZE_ONLY = ["kind", "extra", "group", "base", "index-url", "no-deps", "fetch-sdists", "cores", "network-mbps", "warm", "build-host", "emulated", "dockerfile", "fail-on", "link"] as const;
const IMAGES_ONLY = ["python", "libc", "family", "supported"] as const;

/** Runs the CLI; returns the process exit code (EXIT: 0 ok, 1 the input has problems, 2 usage, 3 a --fail-on condition holds). */
export async function main(
  argv: string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
  io: CliIo = processIo(),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kind: { type: "string" },
        extra: { type: "string", multiple: true },
        group: { type: "string", multiple: true },
        base: { type: "string", multiple: true },
        arch: { type: "string", multiple: true },
        "as-of": { type: "string" },
        format: { type: "string" },
        json: { type: "boolean" },
        "fail-on": { type: "string", multiple: true },
        "index-url": { type: "string" },
        "no-deps": { type: "boolean" },
        "fetch-sdists": { type: "boolean" },
        cores: { type: "string" },
        "network-mbps": { type: "string" },
        warm: { type: "boolean" },
        "build-host": { type: "string" },
        emulated: { type: "boolean" },
        dockerfile: { type: "string" },
        link: { type: "string" },
        python: { type: "string", multiple: true },
        libc: { type: "string", multiple: true },
        family: { type: "string", multiple: true },
        supported: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return EXIT.ok;
  }
  const usage = (message: string) => {
    err(`${message}\n`);
    return EXIT.usage;
  };
  const [command, file, ...extra] = positionals;
  const foreign = (flags: readonly string[]) => flags.find((flag) => (values as Record<string, unknown>)[flag] !== undefined);
  // Loaded only for this command: the schema pulls in zod and the report contract.
  if (command === "schema" && positionals.length === 1) return (await import("./schema-command")).schemaCommand(out);
  if (command === "images" && positionals.length === 1) {
    const wrong = foreign(ANALYZE_ONLY);
    return wrong ? usage(`--${wrong} is an option of basewise analyze, not of basewise images.`) : imagesCommand(values, out, usage);
  }
  if (command !== "analyze" || extra.length > 0) {
    err(USAGE);
    return EXIT.usage;
  }
  const wrong = foreign(IMAGES_ONLY);
  if (wrong) return usage(`--${wrong} is an option of basewise images, not of basewise analyze.`);

  const format = formatFrom(values.format, values.json);
  if (typeof format !== "string") return usage(format.error);
  if (values.dockerfile !== undefined && values.format !== undefined) return usage("Give --dockerfile (which prints one Dockerfile) or --format, not both.");
  const failOn = failOnFrom(values["fail-on"]);
  if (!Array.isArray(failOn)) return usage(failOn.error);
  let asOf: string | undefined;
  if (values["as-of"] !== undefined) {
    const moment = asOfFromFlag(values["as-of"]);
    if (moment === null) return usage(`--as-of must be ${AS_OF_FORMS}, not "${values["as-of"]}".`);
    asOf = moment;
  }
  // No FILE: standard input, unless it is a terminal (nobody would know to type a file there).
  const fromStdin = file === "-" || (file === undefined && io.stdin.isTTY !== true);
  if (file === undefined && !fromStdin) {
    err(USAGE);
    return EXIT.usage;
  }

  // Flags become a request (lib/contract), validated by the schema the API uses: the CLI refuses the
  // same values with the same sentences, naming its flags. Loaded here so --help does not load zod.
  const { requestSchema, requestOptionsSchema, describeIssues } = await import("@/lib/contract/request");
  const chosen = {
    ...(values.kind !== undefined ? { kind: values.kind } : {}),
    ...(values.extra ? { extras: listFrom(values.extra) } : {}),
    ...(values.group ? { groups: listFrom(values.group) } : {}),
  };
  const choices = Object.keys(chosen).length > 0 ? chosen : undefined;
  const schema = requestSchema(FLAG_NAMING);
  const options = requestOptionsSchema(FLAG_NAMING).safeParse({
    bases: values.base,
    // "--arch amd64 --arch arm64" and "--arch amd64,arm64" are the same list.
    archs: listFrom(values.arch),
    noDeps: values["no-deps"] ?? false,
    ...(asOf !== undefined ? { asOf } : {}),
    ...(choices !== undefined ? { input: choices } : {}),
    estimate: {
      ...(values.cores !== undefined ? { cores: numberFrom(values.cores) } : {}),
      ...(values["network-mbps"] !== undefined ? { networkMBps: numberFrom(values["network-mbps"]) } : {}),
      ...(values.warm ? { cache: "warm" } : {}),
      ...(values["build-host"] !== undefined ? { buildHost: values["build-host"] } : {}),
      ...(values.emulated ? { emulated: true } : {}),
    },
  });
  if (!options.success) return usage(describeIssues(options.error));

  const config = indexConfigFromEnv();
  const indexUrl = values["index-url"] ?? config.indexUrl;
  if (!URL.canParse(indexUrl) || !/^https?:$/.test(new URL(indexUrl).protocol)) return usage(`The index URL must be an http(s) URL, not "${indexUrl}".`);
  const link = values.link;
  if (link !== undefined && (!URL.canParse(link) || !/^https?:$/.test(new URL(link).protocol))) return usage(`--link must be the http(s) address of a Basewise page, not "${link}".`);

  // FILE's base name lets lib/inputs know it by name (uv.lock, pyproject.toml); the files its -r/-c
  // lines name are read from disk here, since the engine reads nothing but the request.
  const source = fromStdin ? "standard input" : (file as string);
  const { readBoundedFile, readBoundedStream, readIncludedFiles } = await import("./input-files");
  let requirements: string;
  try {
    // Read up to the largest kind's limit (a lock's); the engine then holds the text to its own kind's.
    requirements = fromStdin ? await readBoundedStream(io.stdin, MAX_LOCK_BYTES) : await readBoundedFile(file as string, MAX_LOCK_BYTES);
  } catch (error) {
    return usage(`Cannot read ${source}: ${(error as Error).message}`);
  }
  const fileName = fromStdin ? undefined : path.basename(file as string);
  const { detectInputKind } = await import("@/lib/inputs/detect");
  const kind = options.data.input?.kind ?? detectInputKind({ name: fileName ?? null, text: requirements });
  let files: { name: string; text: string }[] = [];
  if (!fromStdin && kind === "requirements") {
    const included = await readIncludedFiles(file as string, requirements);
    files = included.files;
    for (const note of included.notes) err(`${note}\n`);
  }
  const input = { ...options.data.input, ...(fileName !== undefined ? { fileName } : {}), ...(files.length > 0 ? { files } : {}) };
  const request = schema.safeParse({ ...options.data, requirements, ...(Object.keys(input).length > 0 ? { input } : {}) });
  if (!request.success) return usage(`${source}: ${describeIssues(request.error)}`);

  // The engine is loaded only once there is something to analyse, so --help and usage errors answer at
  // once. It runs in this process, through the same entry as the server's analysis workers.
  const [{ runAnalysis }, present] = await Promise.all([import("@/lib/server/analysis-entry"), import("./present-report")]);
  const progress: ProgressLine | null = io.stderrIsTTY ? progressLine(err, request.data.bases?.length ? request.data.bases.length : DEFAULT_BASES.length) : null;
  let result;
  try {
    result = await runAnalysis(request.data, { config: { ...config, indexUrl, fetchSdists: values["fetch-sdists"] ?? config.fetchSdists }, ...progressOption(progress) });
  } finally {
    progress?.stop();
  }
  if (!result.ok) return usage(result.error);
  const { report } = result;

  if (values.dockerfile !== undefined) {
    const wanted = values.dockerfile;
    // The first architecture asked for; another architecture's Dockerfile is asked for with --arch.
    const targets = report.targets.filter((t) => t.base === wanted || t.requestedAs === wanted);
    const [target] = targets;
    if (!target) return usage(`--dockerfile ${wanted}: not among the analysed images (${[...new Set(report.targets.map((t) => t.base))].join(", ")}); pass it with --base too.`);
    const differing = targets.filter((t) => t.dockerfile.text !== target.dockerfile.text).map((t) => t.arch);
    if (differing.length > 0) err(`This is ${target.base}'s Dockerfile for ${target.arch}; ${differing.join(" and ")} needs a different one (--arch ${differing[0]} prints it).\n`);
    out(target.dockerfile.text);
  } else {
    const shared = link !== undefined ? await shareLink(link, requirements, request.data, report.asOf) : null;
    if (shared && !shared.ok) err(`--link: ${shared.error}\n`);
    out(present.formatReport(report, format, shared?.ok ? shared.url : null));
  }
  const hasErrors = report.errors.length > 0 || report.diagnostics.some((d) => d.severity === "error");
  const findings = present.failOnFindings(report, failOn);
  for (const line of findings) err(`${line}\n`);
  return hasErrors ? EXIT.inputProblems : findings.length > 0 ? EXIT.failOn : EXIT.ok;
}

/** --format, with --json as its older spelling; an error when they disagree or the format is unknown. */
function formatFrom(format: string | undefined, json: boolean | undefined, allowed: readonly Format[] = FORMATS): Format | { error: string } {
  if (format === undefined) return json ? "json" : "table";
  if (!(allowed as readonly string[]).includes(format)) return { error: `--format must be ${allowed.join(", ")}, not "${format}".` };
  if (json && format !== "json") return { error: `--json is --format json; it cannot go with --format ${format}.` };
  return format as Format;
}

/** --fail-on's values (repeated or comma-separated), each once; "none" alone means no gate. */
function failOnFrom(given: string[] | undefined): FailOnCondition[] | { error: string } {
  const words = listFrom(given) ?? [];
  const unknown = words.find((word) => !(FAIL_ON as readonly string[]).includes(word));
  if (unknown !== undefined) return { error: `--fail-on must be ${FAIL_ON.join(", ")}, not "${unknown}".` };
  if (words.includes("none") && words.length > 1) return { error: "--fail-on none turns the gate off; it cannot go with another condition." };
  return [...new Set(words as FailOn[])].filter((word): word is FailOnCondition => word !== "none");
}

/** A repeatable flag whose values may also be comma-separated: "--arch amd64 --arch arm64" is "--arch amd64,arm64". */
function listFrom(given: string[] | undefined): string[] | undefined {
  return given?.flatMap((text) => text.split(",").map((word) => word.trim()));
}

type Values = Record<string, string | boolean | string[] | undefined>;

async function imagesCommand(values: Values, out: (text: string) => void, usage: (message: string) => number): Promise<number> {
  const format = formatFrom(values.format as string | undefined, values.json as boolean | undefined, ["table", "json"]);
  if (typeof format !== "string") return usage(format.error);
  const asOf = values["as-of"] === undefined ? new Date().toISOString() : asOfFromFlag(values["as-of"] as string);
  if (asOf === null) return usage(`--as-of must be ${AS_OF_FORMS}, not "${values["as-of"] as string}".`);
  const { IMAGE_FAMILIES, IMAGE_LIBCS, catalogImages, imagesJson, imagesTable } = await import("./images-command");
  const checked = <T extends string>(flag: string, allowed: readonly T[]): T[] | string => {
    const list = listFrom(values[flag] as string[] | undefined) ?? [];
    const bad = list.find((word) => !(allowed as readonly string[]).includes(word));
    return bad === undefined ? (list as T[]) : `--${flag} must be ${allowed.join(", ")}, not "${bad}".`;
  };
  const libc = checked("libc", IMAGE_LIBCS);
  if (typeof libc === "string") return usage(libc);
  const family = checked("family", IMAGE_FAMILIES);
  if (typeof family === "string") return usage(family);
  const archs = checked("arch", ARCHES);
  if (typeof archs === "string") return usage(archs);
  const python = listFrom(values.python as string[] | undefined) ?? [];
  const badPython = python.find((v) => !/^\d+\.\d+(\.\d+)?$/.test(v));
  if (badPython !== undefined) return usage(`--python must be a version like 3.12 or 3.12.14, not "${badPython}".`);
  const images = catalogImages({ python, libc, family, archs, supported: values.supported === true, asOf });
  out(format === "json" ? imagesJson(images, asOf) : imagesTable(images, asOf, archs[0] ?? "amd64"));
  return EXIT.ok;
}

/** The request's fields as this CLI's flags; a field with no flag keeps its JSON name. */
const FLAGS: Partial<Record<RequestField, string>> = {
  requirements: "FILE",
  bases: "--base",
  arch: "--arch",
  archs: "--arch",
  asOf: "--as-of",
  noDeps: "--no-deps",
  "estimate.cores": "--cores",
  "estimate.networkMBps": "--network-mbps",
  "estimate.cache": "--warm",
  "estimate.buildHost": "--build-host",
  "estimate.emulated": "--emulated",
  "input.kind": "--kind",
  "input.fileName": "FILE's name",
  "input.extras": "--extra",
  "input.groups": "--group",
  "input.files": "the files FILE's -r/-c lines name",
};
const FLAG_NAMING: FieldNaming = { field: (field) => FLAGS[field] ?? `"${field}"`, value: (word) => word };

/** A flag's text as a number; text that is not one becomes NaN, which the schema refuses. */
function numberFrom(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** The page's share link for this analysis (lib/share), at the report's asOf: the same request, so the same answer. */
async function shareLink(page: string, requirements: string, request: Omit<AnalyzeRequest, "requirements">, asOf: string): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
  const [{ requestParameters }, { encodeShareState }] = await Promise.all([import("@/lib/contract/request"), import("@/lib/share/state")]);
  const parameters = requestParameters(request);
  const encoded = encodeShareState({ requirements, bases: parameters.bases ?? DEFAULT_BASES, archs: parameters.archs, noDeps: parameters.noDeps, estimate: parameters.estimate, asOf, input: parameters.input });
  return encoded.ok ? { ok: true, url: new URL(`?s=${encoded.param}`, page).href } : encoded;
}

/** The engine's progress listener (lib/report's onStart, onFetched, onTarget) for the line on stderr; none without a line. */
function progressOption(progress: ProgressLine | null): { progress?: ProgressLine } {
  return progress ? { progress } : {};
}
