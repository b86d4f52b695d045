import type { ReactNode } from "react";

// Short onboarding pages on the trade-offs behind the results, in plain language. Linked from the
// places in the results where a reader needs them (see DOC_LINKS).

export interface Article {
  slug: string;
  title: string;
  summary: string;
  body: ReactNode;
}

const P = ({ children }: { children: ReactNode }) => <p className="mt-3 leading-relaxed">{children}</p>;
const C = ({ children }: { children: ReactNode }) => <code className="rounded bg-slate-200 px-1 font-mono text-sm dark:bg-slate-800">{children}</code>;
const Pre = ({ children }: { children: string }) => (
  <pre className="mt-3 overflow-x-auto rounded bg-slate-200 p-3 font-mono text-sm dark:bg-slate-800">
    <code>{children}</code>
  </pre>
);

export const ARTICLES: readonly Article[] = [
  {
    slug: "wheels-and-sdists",
    title: "Wheels and sdists",
    summary: "Why one package installs in a second and another compiles for ten minutes.",
    body: (
      <>
        <P>
          A package on PyPI comes as one or more files. A <strong>wheel</strong> (<C>.whl</C>) is already built: pip unpacks it and is done. An{" "}
          <strong>sdist</strong> (<C>.tar.gz</C>) is source code: pip has to build it, and if the package contains C, C++, Fortran or Rust, that means running a
          compiler inside your <C>docker build</C>.
        </P>
        <P>
          Each wheel&apos;s file name says where it runs: <C>numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.whl</C> is for CPython 3.12 on glibc Linux,
          x86-64. pip takes the best wheel whose tags your image supports; only when none fits does it fall back to the sdist. Basewise reads the same file
          lists and applies the same rules, then tells you, per image, which file pip will take and — when it compiles — the closest wheel that did not fit.
        </P>
        <P>
          Compiling needs more than time: the compiler, the headers of every C library the package links (the <C>-dev</C> packages), and often the same
          libraries again at run time. That is what the &quot;builder installs&quot; and &quot;final image keeps&quot; lists are.
        </P>
      </>
    ),
  },
  {
    slug: "manylinux-and-musllinux",
    title: "manylinux and musllinux",
    summary: "The two Linux wheel families, and which images can use which.",
    body: (
      <>
        <P>
          Linux wheels are built against a C library. <strong>manylinux</strong> wheels need glibc (Debian, Ubuntu, UBI, distroless); the number in{" "}
          <C>manylinux_2_28</C> is the oldest glibc they accept. <strong>musllinux</strong> wheels need musl (Alpine); <C>musllinux_1_2</C> needs musl 1.2 or
          newer.
        </P>
        <P>
          The two do not mix: a manylinux wheel cannot load on Alpine, and a musllinux wheel cannot load on Debian. Many projects publish both, but not all, not
          for every release, and not always for arm64. An older pin is the usual reason: the release you pinned may predate the project&apos;s first musllinux
          wheel.
        </P>
      </>
    ),
  },
  {
    slug: "why-alpine-compiles",
    title: "Why Alpine compiles",
    summary: "Small base, long builds: where Alpine's size advantage goes.",
    body: (
      <>
        <P>
          Alpine&apos;s base image is a fraction of Debian slim&apos;s, but it uses musl. Every package without a musllinux wheel for your Python version is built
          from source: numpy, pandas and scipy on older pins take many minutes each, and some packages rebuild numpy again inside their isolated build
          environment.
        </P>
        <P>
          The compiled result is also not smaller than a wheel, and the runtime libraries (libstdc++, OpenBLAS, libgfortran) come back into the final image.
          Basewise shows both numbers side by side — build time and image size — so you can see whether Alpine&apos;s saving survives your requirements.
        </P>
      </>
    ),
  },
  {
    slug: "multi-stage-builds",
    title: "Multi-stage builds",
    summary: "Compile in one stage, ship only the result.",
    body: (
      <>
        <P>
          A single-stage Dockerfile that installs <C>gcc</C> and <C>libpq-dev</C> to build psycopg2 ships them too: hundreds of megabytes of compilers and headers
          nobody runs. A multi-stage build installs the toolchain in a <strong>builder</strong> stage, builds a virtualenv there, and copies only the virtualenv
          into a fresh final stage that installs just the runtime libraries (<C>libpq5</C>).
        </P>
        <P>
          The recommended Dockerfile also copies <C>requirements.txt</C> before your source (so dependency layers are reused when only code changes), keeps
          pip&apos;s cache in a BuildKit cache mount rather than the image, and runs as a non-root user. Both image sizes are shown so you can see what the second
          stage saves.
        </P>
      </>
    ),
  },
  {
    slug: "arm64-and-emulation",
    title: "arm64 and emulation",
    summary: "Graviton, Apple Silicon, and QEMU's 6–10× slowdown.",
    body: (
      <>
        <P>
          arm64 images need <C>aarch64</C> wheels. Most popular projects publish them for glibc; fewer do for musl, so Alpine on arm64 compiles the most.
        </P>
        <P>
          Building an arm64 image on an amd64 machine (<C>docker buildx --platform linux/arm64</C>) runs every compiler under QEMU emulation, typically 6–10×
          slower than native; pip and apt slow down 3–6×. The same happens the other way round: an amd64 image built on an Apple-silicon Mac with Docker
          Desktop is emulated too.
        </P>
        <P>
          Basewise analyses amd64 and arm64 side by side by default, since one Dockerfile usually ends up built for both: for arm64 on a laptop and for
          amd64 in CI. Pick the build host (each architecture on its own hardware, an Apple-silicon Mac, an amd64 or an arm64 CI runner) and the
          targets it emulates are marked &quot;emulated&quot;, with their slower build times. Build each architecture on a runner of its own (for
          example <C>docker buildx</C> with a native arm64 node) to avoid emulation altogether.
        </P>
      </>
    ),
  },
  {
    slug: "estimates",
    title: "What the estimates assume",
    summary: "Where the minutes and megabytes come from, and how far to trust them.",
    body: (
      <>
        <P>
          Build time adds up: pulling the base image, installing OS packages, downloading every file (sizes from the index; estimated and labelled when the
          index gives none), installing wheels, setting up build environments, and each compile. Compile costs come from published build measurements, scaled
          by CPU cores only for builds that use them. Defaults: 4 cores, 50 MB/s, a cold cache; change them in the options.
        </P>
        <P>
          Image size adds up the base image (uncompressed), runtime libraries and site-packages (wheel sizes times measured unpack ratios). The single-stage
          figure adds the compilers, <C>-dev</C> packages and pip cache a naive build leaves behind.
        </P>
        <P>
          Every figure is a range with its basis shown under &quot;What the estimate is made of&quot;. They are estimates: the calibration against published
          measurements puts most within a factor of 1.5, with a few outliers listed in the repository&apos;s calibration report.
        </P>
      </>
    ),
  },
  {
    slug: "api",
    title: "The HTTP API",
    summary: "The same analysis from a script: POST a requirements file, get the report as JSON.",
    body: (
      <>
        <P>
          Everything the page shows comes from one JSON report, and the server hands it to any client. The whole API is described by an OpenAPI 3.1
          document at <a href="/api/openapi.json" className="text-indigo-700 underline dark:text-indigo-300"><C>/api/openapi.json</C></a>, with real example
          answers; point a client generator or an API browser at it.
        </P>
        <P>
          <C>POST /api/analyze</C> takes a JSON body: the requirements text, and optionally the base images, the architectures, an <C>asOf</C> time and the
          estimate&apos;s parameters. It answers with the report:
        </P>
        <Pre>{`curl -sS http://localhost:3000/api/analyze \\
  -H 'content-type: application/json' \\
  -d '{"requirements": "numpy==2.1.3\\npsycopg2==2.9.10\\n", "bases": ["python:3.12-slim-bookworm", "python:3.12-alpine3.20"], "archs": ["amd64"]}'`}</Pre>
        <P>
          A refusal is a JSON object with one sentence in <C>error</C>: 400 for a body that is not a valid request, 413 for one too large, 429 when one client
          starts too many analyses (with <C>Retry-After</C>), 503 when every worker is busy or the analysis ran out of time. Give an <C>asOf</C> to get the same
          answer every time: files uploaded later are ignored.
        </P>
        <P>
          To watch an analysis as it happens, ask for a stream: with <C>Accept: application/x-ndjson</C> each line is an event (<C>start</C>, then{" "}
          <C>progress</C> and one <C>target</C> per image as it finishes, and the whole <C>report</C> last); <C>text/event-stream</C> sends the same events as
          server-sent events.
        </P>
        <Pre>{`curl -sS -N http://localhost:3000/api/analyze \\
  -H 'accept: application/x-ndjson' -H 'content-type: application/json' \\
  -d '{"requirements": "numpy==2.1.3\\n", "bases": ["python:3.12-slim-bookworm"]}'`}</Pre>
        <P>
          <C>GET /api/analyze?s=…</C> runs the analysis of a share link (the <C>s</C> parameter of the page&apos;s address). A link carries its <C>asOf</C>, so
          the answer never changes and may be cached for a year.
        </P>
        <P>
          <C>GET /api/schema</C> is the report&apos;s JSON Schema, to validate what you store; <C>GET /api/health</C> answers at once with the worker pool&apos;s
          load, for a load balancer or a container&apos;s health check.
        </P>
        <Pre>{`curl -sS http://localhost:3000/api/schema -o basewise-report.schema.json
curl -sS http://localhost:3000/api/health`}</Pre>
      </>
    ),
  },
  {
    slug: "ci",
    title: "Basewise in CI",
    summary: "The command line in a pipeline: a pull-request comment with the comparison, and a failed job when a chosen image would compile.",
    body: (
      <>
        <P>
          <C>basewise analyze FILE</C> runs the same analysis as the page on a <C>requirements.txt</C>, a <C>pyproject.toml</C> or a lock file (
          <C>uv.lock</C>, <C>poetry.lock</C>, <C>pdm.lock</C>, <C>Pipfile.lock</C>, <C>pylock.toml</C>), or on standard input. Name the images you ship
          with <C>--base</C> and the architectures you build with <C>--arch</C>. <C>--format markdown</C> prints the page&apos;s &quot;Copy as
          Markdown&quot;, <C>--format json</C> the report; <C>--as-of</C> fixes the index&apos;s date as a share link does (a date means 00:00 UTC that
          day), so a re-run gives the same answer. <C>basewise images</C> lists the images it knows, with filters such as <C>--python 3.12</C>,{" "}
          <C>--libc musl</C> and <C>--supported</C>.
        </P>
        <P>
          <C>--fail-on compile</C> makes the command exit 3 when any image and architecture analysed compiles something; <C>--fail-on fails</C> only when
          a build is known to fail, <C>--fail-on unknown</C> when a package could not be checked. Exit codes: 0 ok, 1 the input has problems (a malformed
          line, an unknown image), 2 a usage error, 3 a <C>--fail-on</C> condition holds. The reasons go to stderr, the answer to stdout.
        </P>
        <Pre>{`basewise analyze requirements.txt --base python:3.12-slim-bookworm --arch amd64 --arch arm64 \\
  --as-of "$(git log -1 --format=%cI)" --format markdown --fail-on compile > basewise.md`}</Pre>
        <P>
          The repository&apos;s <C>docs/github-actions/basewise.yml</C> is a GitHub Actions workflow to copy: on pull requests that touch requirements,{" "}
          <C>pyproject.toml</C> or lock files it runs that command, posts the Markdown as one pull-request comment (updated on each push, with{" "}
          <C>pull-requests: write</C> as its only write permission) and fails the job on exit 3.
        </P>
      </>
    ),
  },
];

export function articleBySlug(slug: string): Article | undefined {
  return ARTICLES.find((a) => a.slug === slug);
}
