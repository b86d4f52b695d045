import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ARCHES, BUILD_HOSTS, DEFAULT_ARCHS, DEFAULT_ESTIMATE, ESTIMATE_LIMITS, MAX_BASES } from "@/lib/contract/request-limits";
import type { FieldNaming, RequestField } from "@/lib/contract/request";
import { indexConfigFromEnv } from "@/lib/index/config";

const { cores, networkMBps } = ESTIMATE_LIMITS;

const USAGE = `Usage: basewise analyze FILE --base IMAGE [--base IMAGE…] [--arch amd64|arm64…] [--index-url URL] [--no-deps] [--cores N] [--network-mbps N] [--warm] [--build-host HOST] [--dockerfile IMAGE] [--fetch-sdists] [--json]
       basewise schema   (prints the JSON Schema of the --json report, as GET /api/schema serves it)

Predicts, for each base image, which packages pip installs from a wheel and which it builds from source:
the whole install set as pip resolves it there, and the build requirements of every build.
  FILE            a requirements.txt ("-" reads standard input)
  --base IMAGE    a base image, e.g. python:3.12-slim-bookworm (repeatable, at most ${MAX_BASES}; default: a standard comparison)
  --arch ARCH     ${ARCHES.join(" or ")}; repeat it or write "amd64,arm64" for both (default: ${DEFAULT_ARCHS.join(" and ")})
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
  --json          print the report as JSON
`;

/** Runs the CLI; returns the process exit code (0 ok, 1 analysis found problems in input, 2 usage error). */
export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(t), err: (text: string) => void = (t) => process.stderr.write(t)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        base: { type: "string", multiple: true },
        arch: { type: "string", multiple: true },
        "index-url": { type: "string" },
        "no-deps": { type: "boolean" },
        "fetch-sdists": { type: "boolean" },
        cores: { type: "string" },
        "network-mbps": { type: "string" },
        warm: { type: "boolean" },
        "build-host": { type: "string" },
        emulated: { type: "boolean" },
        dockerfile: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const [command, file, ...extra] = positionals;
  // Loaded only for this command: the schema pulls in zod and the report contract.
  if (command === "schema" && positionals.length === 1) return (await import("./schema-command")).schemaCommand(out);
  if (command !== "analyze" || !file || extra.length > 0) {
    err(USAGE);
    return 2;
  }
  // Flags become a request (lib/contract), validated by the schema the API uses: the CLI refuses the
  // same values with the same sentences, naming its flags. Loaded here so --help does not load zod.
  const { requestSchema, requestOptionsSchema, describeIssues } = await import("@/lib/contract/request");
  const schema = requestSchema(FLAG_NAMING);
  const options = requestOptionsSchema(FLAG_NAMING).safeParse({
    bases: values.base,
    // "--arch amd64 --arch arm64" and "--arch amd64,arm64" are the same list.
    archs: values.arch?.flatMap((text) => text.split(",").map((arch) => arch.trim())),
    noDeps: values["no-deps"] ?? false,
    estimate: {
      ...(values.cores !== undefined ? { cores: numberFrom(values.cores) } : {}),
      ...(values["network-mbps"] !== undefined ? { networkMBps: numberFrom(values["network-mbps"]) } : {}),
      ...(values.warm ? { cache: "warm" } : {}),
      ...(values["build-host"] !== undefined ? { buildHost: values["build-host"] } : {}),
      ...(values.emulated ? { emulated: true } : {}),
    },
  });
  if (!options.success) {
    err(`${describeIssues(options.error)}\n`);
    return 2;
  }

  const config = indexConfigFromEnv();
  const indexUrl = values["index-url"] ?? config.indexUrl;
  if (!URL.canParse(indexUrl) || !/^https?:$/.test(new URL(indexUrl).protocol)) {
    err(`The index URL must be an http(s) URL, not "${indexUrl}".\n`);
    return 2;
  }

  let requirements: string;
  try {
    requirements = file === "-" ? await readStdin() : await readFile(file, "utf8");
  } catch (error) {
    err(`Cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const request = schema.safeParse({ ...options.data, requirements });
  if (!request.success) {
    err(`${file === "-" ? "standard input" : file}: ${describeIssues(request.error)}\n`);
    return 2;
  }

  // The engine is loaded only once there is something to analyse, so --help and usage errors answer at
  // once. It runs in this process, through the same entry as the server's analysis workers.
  const [{ runAnalysis }, { formatReportTable }] = await Promise.all([import("@/lib/server/analysis-entry"), import("./format-table")]);
  const result = await runAnalysis(request.data, { config: { ...config, indexUrl, fetchSdists: values["fetch-sdists"] ?? config.fetchSdists } });
  if (!result.ok) {
    err(`${result.error}\n`);
    return 2;
  }
  if (values.dockerfile !== undefined) {
    const wanted = values.dockerfile;
    // The first architecture asked for; another architecture's Dockerfile is asked for with --arch.
    const targets = result.report.targets.filter((t) => t.base === wanted || t.requestedAs === wanted);
    const [target] = targets;
    if (!target) {
      err(`--dockerfile ${wanted}: not among the analysed images (${[...new Set(result.report.targets.map((t) => t.base))].join(", ")}); pass it with --base too.\n`);
      return 2;
    }
    const differing = targets.filter((t) => t.dockerfile.text !== target.dockerfile.text).map((t) => t.arch);
    if (differing.length > 0) err(`This is ${target.base}'s Dockerfile for ${target.arch}; ${differing.join(" and ")} needs a different one (--arch ${differing[0]} prints it).\n`);
    out(target.dockerfile.text);
    return 0;
  }
  out(values.json ? `${JSON.stringify(result.report, null, 2)}\n` : formatReportTable(result.report));
  const hasErrors = result.report.errors.length > 0 || result.report.diagnostics.some((d) => d.severity === "error");
  return hasErrors ? 1 : 0;
}

/** The request's fields as this CLI's flags; a field with no flag keeps its JSON name. */
const FLAGS: Partial<Record<RequestField, string>> = {
  requirements: "FILE",
  bases: "--base",
  arch: "--arch",
  archs: "--arch",
  noDeps: "--no-deps",
  "estimate.cores": "--cores",
  "estimate.networkMBps": "--network-mbps",
  "estimate.cache": "--warm",
  "estimate.buildHost": "--build-host",
  "estimate.emulated": "--emulated",
};
const FLAG_NAMING: FieldNaming = { field: (field) => FLAGS[field] ?? `"${field}"`, value: (word) => word };

/** A flag's text as a number; text that is not one becomes NaN, which the schema refuses. */
function numberFrom(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
