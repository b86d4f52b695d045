import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportMarkdown } from "@/lib/present/markdown";
import { asOfFromFlag } from "./as-of";
import { EXIT } from "./exit-codes";
import { progressLine } from "./progress";
import { cliHarness } from "./cli.test-support";

// The CLI in pipelines (issue 16): --as-of, --format, --fail-on and its exit codes, standard input,
// `basewise images`, and the progress line that only a terminal sees.

const cli = cliHarness("basewise-cli-pipeline-");
const { run, requirementsFile } = cli;

const SLIM = ["--base", "python:3.12-slim-bookworm", "--arch", "amd64"];

describe("--as-of", () => {
  it.each([
    ["2024-02-05", "2024-02-05T00:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
    ["2024-02-05T23:50:00Z", "2024-02-05T23:50:00.000Z"],
    ["2024-02-06T01:50:00+02:00", "2024-02-05T23:50:00.000Z"],
    ["2026-12-02T17:33:05.123Z", "2026-12-02T17:33:05.123Z"],
    ["2023-02-29", null],
    ["2024-13-01", null],
    ["2024-02-05T12:00", null],
    ["2024-02-05T24:00:00Z", null],
    ["2024-02-05T12:00:61Z", null],
    ["yesterday", null],
    ["", null],
  ])("%j is %j", (text, moment) => {
    expect(asOfFromFlag(text)).toBe(moment);
  });

  // The fixture index uploads numpy 1.26.4 (the first with a cp312 wheel) at 2024-02-05T23:48:03Z.
  it("leaves out files uploaded later; a date means its start (00:00 UTC), a date-time its moment", { timeout: 30_000 }, async () => {
    const file = await requirementsFile("numpy\n");
    const numpy = async (...asOf: string[]) => {
      const { code, out } = await run(["analyze", file, ...SLIM, "--format", "json", "--index-url", cli.indexUrl(), ...asOf]);
      expect(code).toBe(EXIT.ok);
      const report = JSON.parse(out);
      return { asOf: report.asOf, numpy: report.targets[0].packages.find((p: { name: string }) => p.name === "numpy") };
    };
    const now = await numpy();
    expect(now.numpy).toMatchObject({ version: "1.26.4", status: "wheel" });
    const thatDay = await numpy("--as-of", "2024-02-05");
    expect(thatDay.asOf).toBe("2024-02-05T00:00:00.000Z");
    expect(thatDay.numpy).toMatchObject({ version: "1.24.4", status: "sdist" });
    expect((await numpy("--as-of", "2024-02-06")).numpy).toMatchObject({ version: "1.26.4", status: "wheel" });
    // A share link's asOf as it is written, with its zone: the same moment in UTC.
    const moment = await numpy("--as-of", "2024-02-06T00:50:00+01:00");
    expect(moment.asOf).toBe("2024-02-05T23:50:00.000Z");
    expect(moment.numpy).toMatchObject({ version: "1.26.4" });
    expect((await numpy("--as-of", "2024-02-05T23:48:00Z")).numpy).toMatchObject({ version: "1.24.4" });
  });

  it("a value that is no date is a usage error naming both forms", async () => {
    const { code, err } = await run(["analyze", "x.txt", "--as-of", "2024-02-30"]);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain('--as-of must be a date (2026-03-01, meaning 00:00 UTC that day) or an ISO 8601 date-time with a zone');
  });
});

describe("--format", { timeout: 30_000 }, () => {
  const AS_OF = ["--as-of", "2024-06-01"];

  it("table (the default), json (--json the same) and markdown (the page's Copy as Markdown, without a link)", async () => {
    const file = await requirementsFile("psycopg2==2.9.9\nsix\n");
    const args = ["analyze", file, ...SLIM, "--index-url", cli.indexUrl(), ...AS_OF];
    const table = await run(args);
    expect(table.code).toBe(EXIT.ok);
    expect(table.out).toBe((await run([...args, "--format", "table"])).out);
    expect(table.out).toMatch(/psycopg2\s+2\.9\.9\s+COMPILES/);

    const json = await run([...args, "--format", "json"]);
    const report = JSON.parse(json.out);
    expect(report.asOf).toBe("2024-06-01T00:00:00.000Z");
    // --json and --format json print the same report (but for the moment it was made).
    const alias = JSON.parse((await run([...args, "--json"])).out);
    expect({ ...alias, generatedAt: null }).toEqual({ ...report, generatedAt: null });

    const markdown = await run([...args, "--format", "markdown"]);
    expect(markdown.code).toBe(EXIT.ok);
    expect(markdown.out).toBe(reportMarkdown(report, null));
    expect(markdown.out).toContain("## Base image comparison (Basewise)");
    expect(markdown.out).toContain("| `python:3.12-slim-bookworm` | amd64 |");
    expect(markdown.out).toContain("### What compiles");
    expect(markdown.out).not.toContain("Open this analysis");
  });

  it("--link ends the table and the Markdown with the page's share link, which opens to the same request at the same asOf", async () => {
    const file = await requirementsFile("six\n");
    const args = ["analyze", file, ...SLIM, "--index-url", cli.indexUrl(), "--link", "https://basewise.example.org/app/"];
    const markdown = await run([...args, "--format", "markdown"]);
    const url = /\[Open this analysis\]\((https:\/\/basewise\.example\.org\/app\/\?s=v2\.[\w-]+)\)/.exec(markdown.out)?.[1];
    expect(url).toBeDefined();
    const { decodeShareState } = await import("@/lib/share/decode");
    const decoded = decodeShareState(new URL(url!).searchParams.get("s")!);
    expect(decoded.ok && decoded.state).toMatchObject({ requirements: "six\n", bases: ["python:3.12-slim-bookworm"], archs: ["amd64"], noDeps: false, input: { fileName: path.basename(file) } });
    // Without --as-of the link holds the moment the analysis ran, the report's asOf.
    const report = JSON.parse((await run([...args, "--format", "json", "--as-of", "2024-06-01"])).out);
    expect(report.asOf).toBe("2024-06-01T00:00:00.000Z");
    const table = await run([...args, "--as-of", "2024-06-01"]);
    const tableUrl = /^Open this analysis: (\S+)$/m.exec(table.out)?.[1];
    const fixed = decodeShareState(new URL(tableUrl!).searchParams.get("s")!);
    expect(fixed.ok && fixed.state.asOf).toBe("2024-06-01T00:00:00.000Z");
    expect((await run(["analyze", file, "--link", "ftp://example.org/"])).err).toBe('--link must be the http(s) address of a Basewise page, not "ftp://example.org/".\n');
  });

  it.each([
    [["--format", "xml"], '--format must be table, json, markdown, not "xml".'],
    [["--format", "markdown", "--json"], "--json is --format json; it cannot go with --format markdown."],
    [["--format", "json", "--dockerfile", "python:3.12-slim-bookworm"], "Give --dockerfile (which prints one Dockerfile) or --format, not both."],
  ])("usage errors exit 2: %j", async (flags, message) => {
    const { code, err } = await run(["analyze", "x.txt", ...flags]);
    expect(code).toBe(EXIT.usage);
    expect(err).toBe(`${message}\n`);
  });
});

describe("--fail-on and exit codes", { timeout: 30_000 }, () => {
  // psycopg2 2.9.9 has no Linux wheel: it compiles (and builds); numpy 1.24.4 does not build on
  // CPython 3.12; the fixture index cannot answer for python-ldap, so it is unknown.
  const cases: [string, string[], number, RegExp | null][] = [
    ["six\n", ["compile"], EXIT.ok, null],
    ["psycopg2==2.9.9\n", ["none"], EXIT.ok, null],
    ["psycopg2==2.9.9\n", [], EXIT.ok, null],
    ["psycopg2==2.9.9\n", ["compile"], EXIT.failOn, /^--fail-on compile: python:3\.12-slim-bookworm \(amd64\) compiles psycopg2 2\.9\.9\.$/m],
    ["psycopg2==2.9.9\n", ["fails"], EXIT.ok, null],
    ["psycopg2==2.9.9\n", ["unknown"], EXIT.ok, null],
    ["numpy==1.24.4\n", ["fails"], EXIT.failOn, /^--fail-on fails: python:3\.12-slim-bookworm \(amd64\) fails to build: numpy 1\.24\.4 does not build on CPython 3\.12/m],
    ["numpy==1.24.4\n", ["compile"], EXIT.failOn, /^--fail-on compile: .* compiles numpy 1\.24\.4/m],
    ["python-ldap==3.4.4\n", ["unknown"], EXIT.failOn, /^--fail-on unknown: python:3\.12-slim-bookworm \(amd64\) could not check python-ldap\.$/m],
    ["python-ldap==3.4.4\n", ["fails,compile"], EXIT.ok, null],
    ["python-ldap==3.4.4\nnumpy==1.24.4\n", ["compile", "unknown"], EXIT.failOn, /compiles numpy[\s\S]*could not check python-ldap/],
  ];
  it.each(cases)("%j with --fail-on %j exits %i", async (text, conditions, code, reason) => {
    const file = await requirementsFile(text);
    const result = await run(["analyze", file, ...SLIM, "--index-url", cli.indexUrl(), ...conditions.flatMap((c) => ["--fail-on", c])]);
    expect(result.code).toBe(code);
    if (reason) expect(result.err).toMatch(reason);
    else expect(result.err).toBe("");
    // The reasons never go to stdout, which may be the Markdown a pipeline posts.
    expect(result.out).not.toContain("--fail-on");
  });

  it("input problems (1) win over a --fail-on condition (3), whose reasons are still given", async () => {
    const file = await requirementsFile("psycopg2==2.9.9\nnot a requirement!\n");
    const { code, err } = await run(["analyze", file, ...SLIM, "--index-url", cli.indexUrl(), "--fail-on", "compile"]);
    expect(code).toBe(EXIT.inputProblems);
    expect(err).toContain("--fail-on compile: python:3.12-slim-bookworm (amd64) compiles psycopg2 2.9.9.");
  });

  it("every analysed image and architecture counts, not only the recommended one", async () => {
    // numpy 1.26.4 has a musllinux wheel for x86_64 only: Alpine on arm64 compiles it.
    const file = await requirementsFile("numpy==1.26.4\n");
    const amd64 = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--base", "python:3.12-alpine3.24", "--arch", "amd64", "--fail-on", "compile", "--index-url", cli.indexUrl()]);
    expect(amd64.code).toBe(EXIT.ok);
    const both = await run(["analyze", file, "--base", "python:3.12-slim-bookworm", "--base", "python:3.12-alpine3.24", "--fail-on", "compile", "--index-url", cli.indexUrl()]);
    expect(both.code).toBe(EXIT.failOn);
    expect(both.err).toBe("--fail-on compile: python:3.12-alpine3.24 (arm64) compiles numpy 1.26.4.\n");
  });

  it.each([
    [["--fail-on", "warnings"], '--fail-on must be compile, fails, unknown, none, not "warnings".'],
    [["--fail-on", "none,compile"], "--fail-on none turns the gate off; it cannot go with another condition."],
  ])("usage errors exit 2: %j", async (flags, message) => {
    const { code, err } = await run(["analyze", "x.txt", ...flags]);
    expect(code).toBe(EXIT.usage);
    expect(err).toBe(`${message}\n`);
  });

  it("--help documents the exit codes", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^ {2}0 {2}ok$/m);
    expect(out).toMatch(/^ {2}1 {2}the report has errors/m);
    expect(out).toMatch(/^ {2}2 {2}usage/m);
    expect(out).toMatch(/^ {2}3 {2}a --fail-on condition holds$/m);
  });
});

describe("standard input", { timeout: 30_000 }, () => {
  it('reads it when no FILE is given and it is not a terminal, as with "-"', async () => {
    const piped = await run(["analyze", ...SLIM, "--index-url", cli.indexUrl()], { stdin: "six==1.16.0\n" });
    expect(piped.code).toBe(EXIT.ok);
    expect(piped.out).toMatch(/six\s+1\.16\.0\s+wheel\s+py3-none-any/);
    const dash = await run(["analyze", "-", ...SLIM, "--index-url", cli.indexUrl()], { stdin: "six==1.16.0\n" });
    expect(dash.out).toBe(piped.out);
  });

  it("a terminal with no FILE is a usage error, not a wait; an empty pipe is refused as the API refuses it", async () => {
    const terminal = await run(["analyze", ...SLIM]);
    expect(terminal.code).toBe(EXIT.usage);
    expect(terminal.err).toContain("Usage: basewise analyze [FILE]");
    const empty = await run(["analyze", ...SLIM, "--index-url", cli.indexUrl()], { stdin: "" });
    expect(empty.code).toBe(EXIT.usage);
    expect(empty.err).toBe("standard input: Paste at least one requirement.\n");
  });
});

describe("the progress line", { timeout: 30_000 }, () => {
  it("is drawn on stderr when it is a terminal, erased before the answer, and never on stdout", async () => {
    const file = await requirementsFile("six\n");
    const { code, out, err } = await run(["analyze", file, ...SLIM, "--index-url", cli.indexUrl()], { tty: true });
    expect(code).toBe(EXIT.ok);
    expect(err).toMatch(/^\r\x1b\[2Kanalysing 1 image… /);
    // The engine tells the line how many targets there are and when each is done.
    expect(err).toContain("analysing 1 image… 0/1 targets");
    expect(err).toContain("analysing 1 image… 1/1 targets");
    expect(err.endsWith("\r\x1b[2K")).toBe(true);
    expect(out).not.toMatch(/analysing|\x1b/);
  });

  it("is not drawn when stderr is not a terminal: nothing on stderr at all", async () => {
    const file = await requirementsFile("six\n");
    const { code, err } = await run(["analyze", file, ...SLIM, "--index-url", cli.indexUrl(), "--format", "markdown", "--fail-on", "compile"]);
    expect(code).toBe(EXIT.ok);
    expect(err).toBe("");
  });

  it("counts targets and fetches when the engine reports them, with the elapsed seconds", () => {
    let written = "";
    let clock = 0;
    const line = progressLine((t) => (written += t), 12, () => clock);
    line.onStart(Array.from({ length: 24 }));
    clock = 7_400;
    for (let i = 0; i < 7; i++) line.onTarget();
    // Fetches come by the hundred: drawn at most every 100 ms.
    line.onFetched({ projects: 40, files: 3 });
    clock = 7_520;
    line.onFetched({ projects: 41, files: 3 });
    line.stop();
    line.onTarget();
    const drawn = written.split("\r\x1b[2K").filter(Boolean);
    expect(drawn[0]).toBe("analysing 12 images… 0 s");
    expect(drawn[1]).toBe("analysing 12 images… 0/24 targets, 0 s");
    expect(drawn.at(-1)).toBe("analysing 12 images… 7/24 targets, 41 projects fetched, 7 s");
    expect(written.endsWith("\r\x1b[2K")).toBe(true);
  });
});

describe("basewise images", () => {
  const images = async (...flags: string[]) => {
    const { code, out } = await run(["images", "--format", "json", ...flags]);
    expect(code).toBe(EXIT.ok);
    return JSON.parse(out) as { asOf: string; catalogAsOf: string; images: { reference: string; python: string; libc: { family: string }; os: { id: string }; variant: string; archs: string[]; endOfLife: string | null; ended: boolean }[] };
  };

  it("lists the catalog as a table with image, Python, libc, OS, archs, size and end of life", async () => {
    const { code, out } = await run(["images", "--python", "3.12", "--libc", "glibc", "--family", "slim", "--as-of", "2026-01-01"]);
    expect(code).toBe(EXIT.ok);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^IMAGE\s+PYTHON\s+LIBC\s+OS\s+ARCHS\s+SIZE \(amd64\)\s+END OF LIFE$/);
    expect(out).toMatch(/^python:3\.12-slim-bookworm\s+3\.12\.14\s+glibc 2\.36\s+debian 12 \(bookworm\)\s+amd64,arm64\s+120 MB\s+2028-06-30$/m);
    expect(out).toContain("end of life as of 2026-01-01");
    expect(out).not.toContain("alpine");
  });

  it("filters: --python, --libc, --family, --arch, --supported as of --as-of", async () => {
    const all = await images();
    const py312 = await images("--python", "3.12");
    expect(py312.images.length).toBeGreaterThan(0);
    expect(py312.images.every((i) => i.python === "3.12" || i.python.startsWith("3.12."))).toBe(true);
    const musl = await images("--libc", "musl");
    expect(musl.images.every((i) => i.libc.family === "musl")).toBe(true);
    expect(musl.images.map((i) => i.reference)).toContain("python:3.12-alpine3.24");
    const alpine = await images("--family", "alpine");
    expect(alpine.images.map((i) => i.reference)).toEqual(expect.arrayContaining(["python:3.12-alpine3.24", "alpine:3.24"]));
    const distroless = await images("--family", "distroless", "--family", "ubuntu");
    expect(new Set(distroless.images.map((i) => (i.os.id === "ubuntu" ? "ubuntu" : i.variant)))).toEqual(new Set(["distroless", "ubuntu"]));
    expect((await images("--arch", "arm64")).images.every((i) => i.archs.includes("arm64"))).toBe(true);
    // python:3.7 reached its end of life on 2023-06-27.
    const in2023 = await images("--python", "3.7", "--supported", "--as-of", "2023-06-26");
    expect(in2023.images.map((i) => i.reference)).toContain("python:3.7-slim-bookworm");
    const after = await images("--python", "3.7", "--supported", "--as-of", "2023-06-27");
    expect(after.images).toEqual([]);
    const today = await images("--supported");
    expect(today.images.every((i) => !i.ended)).toBe(true);
    expect(today.images.length).toBeLessThan(all.images.length);
    expect(all.images.some((i) => i.ended)).toBe(true);
  });

  it.each([
    [["--libc", "uclibc"], '--libc must be glibc, musl, not "uclibc".'],
    [["--family", "arch"], '--family must be debian, alpine, ubuntu, rhel, wolfi, full, slim, distroless, distro, not "arch".'],
    [["--arch", "riscv64"], '--arch must be amd64, arm64, not "riscv64".'],
    [["--python", "three"], '--python must be a version like 3.12 or 3.12.14, not "three".'],
    [["--format", "markdown"], '--format must be table, json, not "markdown".'],
    [["--as-of", "soon"], '--as-of must be a date (2026-03-01, meaning 00:00 UTC that day) or an ISO 8601 date-time with a zone (2026-03-01T12:30:00Z, as a share link\'s asOf), not "soon".'],
    [["--base", "python:3.12"], "--base is an option of basewise analyze, not of basewise images."],
  ])("usage errors exit 2: %j", async (flags, message) => {
    const { code, err } = await run(["images", ...flags]);
    expect(code).toBe(EXIT.usage);
    expect(err).toBe(`${message}\n`);
  });

  it("an analysis refuses the catalog's filters", async () => {
    const { code, err } = await run(["analyze", "x.txt", "--supported"]);
    expect(code).toBe(EXIT.usage);
    expect(err).toBe("--supported is an option of basewise images, not of basewise analyze.\n");
  });
});
