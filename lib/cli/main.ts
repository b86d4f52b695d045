import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { indexConfigFromEnv } from "@/lib/index/config";

const USAGE = `Usage: basewise analyze FILE --base IMAGE [--base IMAGE…] [--arch amd64|arm64] [--index-url URL] [--no-deps] [--cores N] [--network-mbps N] [--warm] [--emulated] [--dockerfile IMAGE] [--fetch-sdists] [--json]

Predicts, for each base image, which packages pip installs from a wheel and which it builds from source:
the whole install set as pip resolves it there, and the build requirements of every build.
  FILE            a requirements.txt ("-" reads standard input)
  --base IMAGE    a base image, e.g. python:3.12-slim-bookworm (repeatable; default: a standard comparison)
  --arch ARCH     amd64 (default) or arm64
  --index-url URL the package index (default: $BASEWISE_INDEX_URL or https://pypi.org/simple/)
  --no-deps       only the requirements written in the file, as pip --no-deps
  --cores N       CPU cores for the build-time estimate (default 4)
  --network-mbps N  download speed for the estimate, MB/s (default 50)
  --warm          estimate a rebuild with a warm cache (only the layers after requirements change)
  --emulated      arm64 built on an amd64 host under QEMU (compiles ×6–10)
  --dockerfile IMAGE  print only the recommended, annotated Dockerfile for IMAGE
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
        arch: { type: "string" },
        "index-url": { type: "string" },
        "no-deps": { type: "boolean" },
        "fetch-sdists": { type: "boolean" },
        cores: { type: "string" },
        "network-mbps": { type: "string" },
        warm: { type: "boolean" },
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
  if (command !== "analyze" || !file || extra.length > 0) {
    err(USAGE);
    return 2;
  }
  if (values.arch !== undefined && values.arch !== "amd64" && values.arch !== "arm64") {
    err(`--arch must be amd64 or arm64, not "${values.arch}".\n`);
    return 2;
  }

  const estimate: { cores?: number; networkMBps?: number; cache?: "cold" | "warm"; emulated?: boolean } = {};
  if (values.cores !== undefined) {
    const cores = Number(values.cores);
    if (!Number.isInteger(cores) || cores < 1 || cores > 256) {
      err(`--cores must be a whole number from 1 to 256, not "${values.cores}".\n`);
      return 2;
    }
    estimate.cores = cores;
  }
  if (values["network-mbps"] !== undefined) {
    const speed = Number(values["network-mbps"]);
    if (!Number.isFinite(speed) || speed < 0.1 || speed > 10_000) {
      err(`--network-mbps must be a number from 0.1 to 10000, not "${values["network-mbps"]}".\n`);
      return 2;
    }
    estimate.networkMBps = speed;
  }
  if (values.warm) estimate.cache = "warm";
  if (values.emulated) estimate.emulated = true;

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

  // The engine is loaded only once there is something to analyse, so --help and usage errors answer at once.
  const [{ createIndexClient }, { analyze }, { formatReportTable }] = await Promise.all([import("@/lib/index"), import("@/lib/report"), import("./format-table")]);
  const index = createIndexClient({ indexUrl, cacheDir: config.cacheDir, cacheMaxBytes: config.cacheMaxBytes, fetchSdists: values["fetch-sdists"] ?? config.fetchSdists });
  const result = await analyze(
    { requirements, bases: values.base, arch: values.arch as "amd64" | "arm64" | undefined, noDeps: values["no-deps"] ?? false, estimate },
    { index, indexHost: new URL(indexUrl).host },
  );
  if (!result.ok) {
    err(`${result.error}\n`);
    return 2;
  }
  if (values.dockerfile !== undefined) {
    const wanted = values.dockerfile;
    const target = result.report.targets.find((t) => t.base === wanted || t.requestedAs === wanted);
    if (!target) {
      err(`--dockerfile ${wanted}: not among the analysed images (${result.report.targets.map((t) => t.base).join(", ")}); pass it with --base too.\n`);
      return 2;
    }
    out(target.dockerfile.text);
    return 0;
  }
  out(values.json ? `${JSON.stringify(result.report, null, 2)}\n` : formatReportTable(result.report));
  const hasErrors = result.report.errors.length > 0 || result.report.diagnostics.some((d) => d.severity === "error");
  return hasErrors ? 1 : 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
