/**
 * The report contract: the public shape of an analysis, as the API, the CLI's --json and share-link
 * pages hand it out. Defined once here, as a zod schema; the TypeScript types are inferred from it and
 * the JSON Schema at GET /api/schema (and `basewise schema`) is generated from it. Nothing here imports
 * the engine: lib/report/assemble.ts reshapes the engine's results into this shape, so refactoring the
 * engine never changes the JSON people script against.
 *
 * Versioning: schemaVersion changes when a field changes meaning or disappears; adding fields keeps it.
 * 3 (from 2) only adds: machine-readable codes beside every verdict's words, structured tags, the
 * Dockerfile's stages. Every v2 field keeps its name, place and meaning.
 * 4 (from 3): an analysis covers several architectures, so the recommendation is an image for all of
 * them: `recommendation.arch` becomes `archs`, and its ranking has one entry per image (`archs`,
 * `outArch`) instead of one per target. The estimate's `emulated` switch became a build host:
 * `estimateParameters.buildHost` (the request's), and each target's `estimate.parameters` has the
 * build host and whether that target runs emulated. Added: `archs` (asked for), `targets[].support`.
 * Targets keep their shape; an image's targets are side by side in `targets`, in `archs` order.
 * 5 (from 4): the input may be another file than a requirements.txt (a pyproject.toml, a lock file), so
 * `mode` may be "locked" (a lock's pins analysed as written, never re-resolved), and the top-level
 * `input` says what was read (kind, detected kind, lock summary, Poetry translations, extras and
 * groups chosen and offered); each target's `lock` lists the lock's pins its markers skip there and
 * those it selects there but not on another target; requirements and diagnostics name the included
 * file (-r/-c) they come from (`file`, null for the main file); each compile says what the listed OS
 * packages enable where parts of the build are optional (`enables`) and offers the packages for the
 * rest (`optionalParts`). Every v4 field keeps its name, place and meaning.
 *
 * Meaning travels as codes from closed sets (below, each with what it means); sentences (`reason`,
 * `explanation`, `message`, `blocker`) are for people, and a program should never parse them.
 */
import { z } from "zod";

export const REPORT_SCHEMA_VERSION = 5;

// Descriptions and names for the published JSON Schema. A registry of its own (not zod's global
// one): ids registered globally collide when a module is evaluated twice (hot reload, two bundles).
const registry = z.registry<{ id?: string; title?: string; description?: string }>();

function doc<T extends z.ZodType>(schema: T, description: string): T {
  registry.add(schema, { description });
  return schema;
}

function named<T extends z.ZodType>(id: string, schema: T, description: string): T {
  registry.add(schema, { id, description });
  return schema;
}

/** A closed set of codes, each with its meaning (published in the JSON Schema's description). */
function codes<const K extends string>(meanings: Record<K, string>, what: string) {
  const keys = Object.keys(meanings) as [K, ...K[]];
  const schema = z.enum(keys);
  registry.add(schema, { description: `${what}\n${keys.map((k) => `- ${k}: ${meanings[k]}`).join("\n")}` });
  return schema;
}

// ---------------------------------------------------------------------------------------------------
// The closed sets of codes. One code means the same thing wherever it appears.

/** packages[].code: why nothing is installable (status "none") or why the index could not say (status "unknown"). */
export const PACKAGE_CODES = {
  "no-files": "none: the index lists no files for the project.",
  "no-compatible-wheel": "none: its wheels are all for other platforms or Pythons, and no source distribution can be used here.",
  "requires-python": "none: the files that could fit declare a Requires-Python that excludes this image's Python.",
  "only-binary": "none: --only-binary forbids building its source distributions, and no wheel fits.",
  "no-binary": "none: --no-binary forbids its wheels, and there is no source distribution.",
  "no-usable-file": "none: none of its files is a wheel or source distribution pip can use.",
  "only-yanked": "none: every file matching the requirement is yanked (pip takes a yanked file only for an exact == pin).",
  "no-matching-version": "none: no version installable on this image matches the requirement.",
  "unsupported-wheel": "none: a wheel given by URL or path whose tags this image does not support; pip refuses it.",
  "not-on-index": "unknown: the index has no project by that name (HTTP 404 or 410, or not a valid project name).",
  "index-error": "unknown: the index could not be reached or answered with an error (connection failure, HTTP error status, a redirect not followed).",
  "index-unreadable": "unknown: the index's answer could not be read (malformed, or larger than Basewise reads).",
  timeout: "unknown: the index did not answer in time (one request's timeout, or the analysis deadline).",
  "too-many-projects": "unknown: not looked up; the analysis reached its cap on projects asked of the index.",
  "not-asked": "unknown: not looked up; the analysis never asked the index for it.",
} as const;
export type PackageCode = keyof typeof PACKAGE_CODES;

/** packages[].dependenciesUnknownCode: why a package's own dependencies are not known. */
export const DEPENDENCIES_UNKNOWN_CODES = {
  "metadata-unavailable": "the index offers no core metadata for the file (no PEP 658 metadata, no JSON API); its dependencies were not followed.",
  "index-error": "the index failed when asked for the file's metadata (connection failure, HTTP error status, a redirect not followed).",
  "index-unreadable": "the file's metadata could not be read (malformed, or larger than Basewise reads).",
  "digest-mismatch": "the metadata did not match the digest the index gives for it, so it was not used.",
  timeout: "the index did not answer for the metadata in time (one request's timeout, or the analysis deadline).",
  "no-deps": "--no-deps (mode \"direct\"): dependencies are not followed.",
  "direct-reference": "a URL or path: Basewise does not fetch it, so its dependencies are not followed.",
  "not-resolved": "the image's resolution failed or was stopped (see its resolution), so each line is judged on its own.",
} as const;
export type DependenciesUnknownCode = keyof typeof DEPENDENCIES_UNKNOWN_CODES;

/** targets[].resolution.code (the v2 set). */
export const RESOLUTION_CODES = {
  conflict: "pip finds no set of versions that works on this image.",
  "too-deep": "pip would still be backtracking after its round limit.",
  "work-budget": "Basewise stopped before it knew: the analysis's work budget ran out (see unreached).",
  deadline: "Basewise stopped before it knew: the analysis's deadline passed (see unreached).",
} as const;
export type ResolutionCode = keyof typeof RESOLUTION_CODES;

/** targets[].builds[].code: why pip could not set up a build environment. */
export const BUILD_ENVIRONMENT_CODES = {
  "unreadable-build-requirements": "the sdist's build requirements could not be read as requirements.",
  ...RESOLUTION_CODES,
} as const;
export type BuildEnvironmentCode = keyof typeof BUILD_ENVIRONMENT_CODES;

/** targets[].blockerCode and recommendation.ranking[].outCode: why the build fails on an image. */
export const BLOCKER_CODES = {
  "no-solution": "pip finds no set of versions that works on this image (resolution conflict or too-deep).",
  "nothing-installable": "at least one package has nothing installable on this image (status none).",
  "build-fails": "a source build is known to fail on this image (compiles[].viability fails): a newer CPython, a broken build requirement, a toolchain too old, a missing library (v4).",
  "build-environment": "a build environment pip needs cannot be set up (see builds[].code).",
} as const;
export type BlockerCode = keyof typeof BLOCKER_CODES;

/** compiles[].viabilityCode: what Basewise's build-viability table says about a source build on this image. */
export const VIABILITY_CODES = {
  "python-too-new": "the release predates a CPython change it does not survive (distutils' removal in 3.12, C-API changes, PyO3's newest Python).",
  "build-requirement-broken": "a build requirement pip installs breaks the build (PyYAML 5.4–6.0 with Cython 3).",
  "toolchain-too-old": "the distro's compiler toolchain is older than the build needs (Rust MSRV vs the distro's rustc).",
  "library-missing": "the build needs a library the distro does not ship.",
  "platform-unsupported": "the release does not build on this libc or CPU architecture.",
  "known-good": "the table has evidence that this release builds on this CPython.",
  "not-in-table": "the table has no evidence either way.",
} as const;
export type ViabilityCode = keyof typeof VIABILITY_CODES;

/** errors[].code: problems with the request as a whole or one of its images. */
export const ERROR_CODES = {
  "unknown-image": "the base image is not in Basewise's catalog (subject: the reference as given).",
  "arch-not-published": "the base image is not published for the requested architecture (subject: the reference as given).",
  "index-unreachable": "every project asked for failed at the index (not just not found): every package is unknown (subject: \"index\").",
  "as-of-undated": "the index gives no upload time for some files, so \"as of\" could not exclude them; they were all considered (subject: \"asOf\").",
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** targets[].unreached[].reason (the v2 set). */
export const UNREACHED_CODES = { "work-budget": RESOLUTION_CODES["work-budget"], deadline: RESOLUTION_CODES.deadline } as const;

/** packages[].miss.kind (the v2 set): the closest reason no wheel fits, in order of closeness. */
export const MISS_CODES = {
  python: "wheels only for other Python versions or interpreters.",
  abi: "wheels only for an ABI this image's Python does not load.",
  "platform-family": "wheels only for another platform family (Windows, macOS, manylinux on a musl image…).",
  "libc-too-old": "wheels need a newer glibc or musl than the image has.",
  arch: "wheels only for another CPU architecture.",
  "no-wheels": "no wheels are published for the release, only source.",
  "binary-not-allowed": "--no-binary is set for this package.",
} as const;

/** recommendation.ranking[].outCode: why an image cannot be recommended for every architecture asked for. */
export const RANKING_OUT_CODES = {
  ...BLOCKER_CODES,
  "arch-not-published": "the image is not published for one of the architectures asked for (outArch).",
} as const;
export type RankingOutCode = keyof typeof RANKING_OUT_CODES;

/** estimateParameters.buildHost: where `docker build` runs; a target of another architecture is emulated. */
export const BUILD_HOST_CODES = {
  native: "each architecture is built on its own hardware (an amd64 and an arm64 machine): nothing is emulated.",
  "mac-arm64": "Docker Desktop on an Apple-silicon Mac: amd64 targets are emulated.",
  "ci-amd64": "an amd64 CI runner: arm64 targets are emulated (QEMU).",
  "ci-arm64": "an arm64 CI runner: amd64 targets are emulated (QEMU).",
} as const;

/** Every code the report can carry, with its meaning, by the field that carries it. */
export const REPORT_CODES = {
  "packages[].code": PACKAGE_CODES,
  "packages[].dependenciesUnknownCode": DEPENDENCIES_UNKNOWN_CODES,
  "packages[].miss.kind": MISS_CODES,
  "targets[].resolution.code": RESOLUTION_CODES,
  "targets[].unreached[].reason": UNREACHED_CODES,
  "targets[].builds[].code": BUILD_ENVIRONMENT_CODES,
  "targets[].compiles[].viabilityCode": VIABILITY_CODES,
  "targets[].blockerCode": BLOCKER_CODES,
  "recommendation.ranking[].outCode": RANKING_OUT_CODES,
  "estimateParameters.buildHost": BUILD_HOST_CODES,
  "errors[].code": ERROR_CODES,
} as const;

// ---------------------------------------------------------------------------------------------------
// The shape.

// The request's ARCHES and BUILD_HOSTS (report.test.ts checks they are the same sets).
const arch = z.enum(["amd64", "arm64"]);
// lib/inputs' INPUT_KINDS and LOCK_KINDS (report.test.ts checks they are the same sets).
const inputKind = doc(
  z.enum(["requirements", "pyproject", "uv-lock", "poetry-lock", "pdm-lock", "pipfile-lock", "pylock"]),
  "requirements: a pip requirements file; pyproject: a pyproject.toml (PEP 621, PEP 735 groups, Poetry); uv-lock, poetry-lock, pdm-lock, pipfile-lock, pylock (PEP 751): a lock file.",
);
const lockKind = z.enum(["uv-lock", "poetry-lock", "pdm-lock", "pipfile-lock", "pylock"]);
const buildHost = codes(BUILD_HOST_CODES, "Where docker build runs.");
const count = () => z.int().nonnegative();
const line = doc(z.int().positive(), "1-based line in the requirements text.");

export const tagPartsSchema = named(
  "TagParts",
  z.strictObject({
    interpreter: doc(z.string(), 'e.g. "cp312", "py3"'),
    abi: doc(z.string(), 'e.g. "cp312", "abi3", "none"'),
    platform: doc(z.string(), 'e.g. "manylinux_2_17_x86_64", "any"'),
  }),
  "A PEP 425 compatibility tag as its three parts (lowercase, as pip compares them).",
);

const requirementOrigin = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("index") }),
  z.strictObject({ kind: z.literal("url"), url: z.string(), vcs: z.boolean() }),
  z.strictObject({ kind: z.literal("path"), path: z.string() }),
]);

export const requirementSummarySchema = named(
  "RequirementSummary",
  z.strictObject({
    line,
    text: z.string(),
    name: doc(z.string().nullable(), "PEP 503 normal form; null for an unnamed URL or path."),
    extras: z.array(z.string()),
    specifier: z.string(),
    marker: z.string().nullable(),
    origin: doc(requirementOrigin, "index: pip picks a file from the package index; url: a direct URL or VCS reference; path: a local directory or archive."),
    editable: z.boolean(),
    hashes: doc(count(), "How many --hash options the line has."),
    file: doc(z.string().nullable(), "The file the line is in when the main file includes it with -r (line is then that file's); null for the main file (v5)."),
  }),
  "One requirement line of the file.",
);

const diagnostic = z.strictObject({
  line,
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  file: doc(z.string().nullable(), "The included file (-r/-c) the line is in; null for the main file (v5)."),
});

const requirer = z.strictObject({
  project: doc(z.string().nullable(), "The requiring package (PEP 503 name); null for the requirements file itself."),
  version: z.string().nullable(),
  requirement: doc(z.string(), 'What it asked for, as written: "numpy>=1.21.0", "requests[socks]".'),
});

const miss = z.strictObject({
  kind: codes(MISS_CODES, "The closest reason no wheel of the release fits this image."),
  detail: z.string(),
});

const alternative = z.strictObject({
  version: z.string(),
  filename: z.string(),
  tag: z.string(),
  tagParts: doc(tagPartsSchema.nullable(), "tag as its parts; null when tag is empty."),
  satisfiesSpecifier: doc(z.boolean(), "The version also satisfies the requirement as written."),
});

export const targetPackageSchema = named(
  "TargetPackage",
  z.strictObject({
    name: doc(z.string(), "PEP 503 normal form."),
    status: doc(
      z.enum(["wheel", "sdist", "none", "unknown", "direct"]),
      "wheel / sdist: pip's file; none: nothing installable; unknown: the index could not tell; direct: a source URL or path pip builds, not from the index.",
    ),
    kind: z.enum(["wheel", "sdist"]).nullable(),
    version: z.string().nullable(),
    filename: z.string().nullable(),
    tag: doc(z.string().nullable(), 'The compatibility tag the wheel matched, e.g. "cp312-cp312-manylinux_2_17_x86_64".'),
    tagParts: doc(tagPartsSchema.nullable(), "The matched tag as its parts (v3); null when tag is null."),
    compiles: doc(z.boolean(), "pip builds this package from source on this image."),
    reason: doc(z.string(), "Why, in words for a person."),
    code: doc(codes(PACKAGE_CODES, "Why, as a code, for status none or unknown.").nullable(), "Why, as a code (v3): set for status none and unknown, null for a wheel, a build or a direct reference."),
    miss: doc(miss.nullable(), "For sdists (and refused direct wheels): the closest wheel that did not fit."),
    alternative: doc(alternative.nullable(), "For sdists and dead ends: the nearest version that installs from a wheel here."),
    sizeBytes: doc(z.number().nonnegative().nullable(), "Download size from the index (PEP 700); null when it does not say."),
    sizeHint: doc(
      z.strictObject({ filename: z.string(), bytes: z.number().nonnegative() }).optional(),
      "For sdists: the same release's wheel for another platform, whose size stands in for what the build installs. Absent when there is none.",
    ),
    line: doc(line.nullable(), "Line of the requirement in the file (the first, when a name appears on several); null for a dependency."),
    requested: doc(z.boolean(), "Named in the requirements file, as opposed to pulled in by another package."),
    requiredBy: z.array(requirer),
    via: doc(z.array(z.string()), 'The shortest chain that pulls it in: ["fastapi 0.110.0", "pydantic 2.6.4"]; [] when requested.'),
    dependenciesUnknown: doc(z.string().nullable(), "Why its own dependencies are not known, when they are not."),
    dependenciesUnknownCode: doc(
      codes(DEPENDENCIES_UNKNOWN_CODES, "Why its own dependencies are not known, as a code.").nullable(),
      "The same as a code (v3); null exactly when dependenciesUnknown is null.",
    ),
    buildTable: doc(
      z.strictObject({
        kind: doc(z.enum(["native", "optional-native", "pure"]), "native: it compiles; optional-native: it compiles a speed-up with a pure-Python fallback; pure: nothing to compile."),
        everyRelease: doc(z.boolean(), "Every release range the table has is of this kind (native: it always compiles on Linux)."),
      }).nullable(),
      "For a package Basewise could not check (status unknown): what its curated native-build table says about the project, whatever the version (v4); null for every other status, or when the table does not know it.",
    ),
  }).superRefine((pkg, ctx) => {
    // Invariants the JSON Schema does not spell out; the server checks them on every report it validates.
    if (pkg.buildTable !== null && pkg.status !== "unknown") ctx.addIssue({ code: "custom", path: ["buildTable"], message: "set only for status unknown" });
    const coded = pkg.status === "none" || pkg.status === "unknown";
    if (coded !== (pkg.code !== null)) ctx.addIssue({ code: "custom", path: ["code"], message: `status ${pkg.status} ${coded ? "needs" : "has no"} code` });
    if ((pkg.dependenciesUnknown === null) !== (pkg.dependenciesUnknownCode === null)) ctx.addIssue({ code: "custom", path: ["dependenciesUnknownCode"], message: "set exactly when dependenciesUnknown is" });
    if ((pkg.tag === null) !== (pkg.tagParts === null)) ctx.addIssue({ code: "custom", path: ["tagParts"], message: "set exactly when tag is" });
  }),
  "One package on one image: what pip installs, whether it compiles, and why.",
);

const resolutionCode = codes(RESOLUTION_CODES, "Why there is no install set.");

export const buildEnvironmentSchema = named(
  "BuildEnvironment",
  z.strictObject({
    name: doc(z.string(), "The sdist being built."),
    version: z.string(),
    insideBuildOf: doc(z.string().nullable(), 'The build this one happens inside: null for a package of the image, "pandas 1.5.2" for a build requirement\'s own build.'),
    requires: doc(z.array(z.string()), "build-system.requires (or pip's default), as written."),
    dynamic: doc(z.array(z.strictObject({ requirement: z.string(), when: z.string() })), "What the backend may add once running, each with when; not resolved."),
    backend: z.string().nullable(),
    basis: doc(
      z.enum(["sdist", "table", "pip-default"]),
      "sdist: read from the sdist's own pyproject.toml; table: Basewise's curated table; pip-default: neither has it, pip's default is assumed.",
    ),
    source: z.string(),
    confidence: z.enum(["high", "medium", "low"]),
    note: z.string(),
    packages: doc(z.array(targetPackageSchema), "The build environment's install set; empty when it could not be resolved."),
    explanation: doc(z.string().nullable(), "Why pip could not set up this build environment, when it could not."),
    code: doc(codes(BUILD_ENVIRONMENT_CODES, "Why the build environment could not be set up.").nullable(), "The same as a code (v3); null exactly when explanation is null."),
  }).superRefine((build, ctx) => {
    if ((build.explanation === null) !== (build.code === null)) ctx.addIssue({ code: "custom", path: ["code"], message: "set exactly when explanation is" });
  }),
  "The isolated environment pip installs before it builds one sdist (PEP 517/518), resolved on the same image.",
);


const viabilityFix = z.strictObject({
  kind: doc(z.enum(["upgrade", "constrain-build-requirement", "install-package", "install-toolchain"]), "What fixes it."),
  version: doc(z.string().nullable(), "upgrade: the first release that fixes it; constrain-build-requirement: the release that builds without the constraint."),
  verified: doc(z.boolean(), "The table shows that version builds on this CPython (not only that it fixes this failure)."),
  constraint: doc(z.string().nullable(), 'A constraints-file line, e.g. "Cython<3".'),
  packages: doc(z.array(z.string()), "Distro packages that provide what is missing."),
});

const buildPartFields = {
  code: doc(z.string(), 'The part as a short code, stable within the project ("jpeg", "freetype", "libyaml"); not a closed set across projects.'),
  feature: doc(z.string(), 'The part in words ("FreeType (ImageFont)").'),
};

const enabledPart = z.strictObject(buildPartFields);

const optionalPart = z.strictObject({
  ...buildPartFields,
  packages: doc(
    z.strictObject({
      build: doc(z.array(z.string()), "What the builder stage would add (the image's build package manager's names)."),
      runtime: doc(z.array(z.string()), "What the final image would then keep (empty on distroless, which installs nothing)."),
    }),
    "The OS packages that turn the part on.",
  ),
  enabled: doc(z.boolean(), "The builder already installs every build package of the part for another compile, so this build turns it on too (and sysdeps.runtime keeps its runtime packages)."),
});

const compiledPackage = z.strictObject({
  name: z.string(),
  version: doc(z.string().nullable(), "null for a direct reference, whose version Basewise does not fetch to learn."),
  buildRequirement: doc(z.boolean(), "Compiled only as a build requirement of another sdist."),
  forBuildOf: doc(z.array(z.string()), 'The builds that need it ("pandas 1.5.2"); empty when only the image needs it.'),
  viability: doc(z.enum(["builds", "fails", "unknown"]), "Whether the build succeeds here (v4): builds only with evidence, fails when a sourced row says so, unknown otherwise."),
  viabilityCode: codes(VIABILITY_CODES, "Why the build succeeds, fails or is unknown, as a code (v4)."),
  viabilityReason: doc(z.string(), "The answer in words, with the fix when there is one (v4)."),
  viabilitySources: doc(z.array(z.string()), "Where the answer comes from (v4)."),
  fix: doc(viabilityFix.nullable(), "What makes it build, when the table knows (v4)."),
  enables: doc(
    z.array(enabledPart),
    "Where parts of the build are optional: what the OS packages Basewise lists for it turn on (Pillow: JPEG, PNG/zlib, the core formats; PyYAML: the libyaml binding). Empty when the build has no optional parts or Basewise does not know them (v5).",
  ),
  optionalParts: doc(
    z.array(optionalPart),
    "The optional parts those packages leave off, each with the OS packages that add it (Pillow: FreeType, WebP, TIFF, …; uWSGI: PCRE, SSL, XML). Empty when there are none or Basewise does not know them (v5).",
  ),
});

const osPackage = z.strictObject({ name: z.string(), neededBy: doc(z.array(z.string()), 'The compiles that need it: "psycopg2 2.9.9".') });
const envVariable = z.strictObject({ name: z.string(), value: z.string(), why: z.string(), neededBy: z.array(z.string()) });

const sysdeps = z.strictObject({
  manager: z.enum(["apt", "apk", "dnf", "none"]),
  build: doc(z.array(osPackage), "OS packages the builder stage installs."),
  runtime: doc(z.array(osPackage), "OS packages the final image keeps."),
  env: z.array(envVariable),
  missingAtRuntime: doc(z.array(osPackage), "Runtime libraries the final image needs but cannot install (distroless)."),
  perPackage: z.array(
    z.strictObject({
      name: z.string(),
      version: z.string().nullable(),
      kind: z.enum(["native", "optional-native", "pure"]),
      basis: doc(z.enum(["table", "generic"]), "table: curated facts; generic: not known, a C toolchain assumed."),
      note: z.string(),
    }),
  ),
});

const estimateOptions = {
  cores: z.number(),
  networkMBps: z.number(),
  cache: z.enum(["cold", "warm"]),
  buildHost,
};

const estimateParameters = named(
  "EstimateParameters",
  z.strictObject(estimateOptions),
  "What the build-time estimates assume: CPU cores, download speed, cold or warm cache, and where docker build runs (v4: buildHost replaced emulated).",
);

const targetEstimateParameters = named(
  "TargetEstimateParameters",
  z.strictObject({ ...estimateOptions, emulated: doc(z.boolean(), "This target's architecture differs from the build host's, so its build runs under emulation.") }),
  "The estimate parameters as applied to one target.",
);

const range = z.strictObject({ low: z.number(), high: z.number() });

const estimate = z.strictObject({
  parameters: targetEstimateParameters,
  buildSeconds: range,
  imageBytes: doc(
    z.strictObject({
      multiStage: z.number(),
      singleStage: z.number(),
      baseUnknown: doc(z.literal(true), "Present when the base image's size is not known: the two sums leave the base out, so they are not the image's size and must be shown as 'size unknown'.").optional(),
    }),
    "Uncompressed image size; parts not known are left out and named in notes.",
  ),
  breakdown: z.strictObject({
    build: z.array(
      z.strictObject({
        part: z.string(),
        category: z.enum(["pull", "os-packages", "downloads", "installs", "build-environments", "compiles"]),
        lowSeconds: z.number(),
        highSeconds: z.number(),
        basis: z.string(),
      }),
    ),
    size: z.array(
      z.strictObject({
        part: z.string(),
        category: z.enum(["base", "runtime-libraries", "site-packages", "build-leftovers"]),
        bytes: z.number(),
        stage: z.enum(["both", "single-stage only"]),
        basis: z.string(),
      }),
    ),
  }),
  notes: z.array(z.string()),
});

const dockerfileStage = z.strictObject({
  name: doc(z.string().nullable(), 'The name later stages copy from ("builder"); null for the last stage.'),
  role: doc(z.enum(["builder", "final"]), "builder: where pip runs and compiles; final: the image that runs the application."),
  from: doc(z.string(), "The image the stage starts FROM."),
  firstLine: doc(count(), "Index in lines of the stage's FROM."),
  lastLine: doc(count(), "Index in lines of the stage's last instruction."),
  osPackages: doc(z.array(z.string()), "OS packages the stage installs with its package manager."),
});

const dockerfile = z.strictObject({
  text: doc(z.string(), "The downloadable Dockerfile: each instruction preceded by its note as # comments."),
  lines: doc(z.array(z.strictObject({ text: z.string(), note: z.string() })), "Each instruction (continuation lines included) and why it is there."),
  warnings: z.array(z.string()),
  stages: doc(z.array(dockerfileStage), "The build stages in order (v3)."),
  multiStage: doc(z.boolean(), "A builder stage and a final stage that copies its virtualenv (v3)."),
});

const blockerCode = codes(BLOCKER_CODES, "Why the build fails on an image.");

const lockPin = {
  name: doc(z.string(), "PEP 503 normal form."),
  version: doc(z.string().nullable(), "The pinned version; null when the lock pins no single version (a URL, a path)."),
  line: doc(line, "Line of the pin in the lock file."),
  marker: doc(z.string().nullable(), "The environment marker the lock gives the pin; null when it applies everywhere."),
};

const targetLock = named(
  "TargetLock",
  z.strictObject({
    skipped: doc(z.array(z.strictObject(lockPin)), "The lock's pins whose markers are false on this image: not installed here."),
    differing: doc(
      z.array(
        z.strictObject({
          ...lockPin,
          notOn: doc(z.array(z.strictObject({ base: z.string(), arch })), "The analysed targets where the lock's markers do not select this pin."),
        }),
      ),
      "The lock's pins its markers select on this image but not on another analysed target: the lock installs other packages (or other versions) there.",
    ),
  }),
  "What a lock file's markers choose on one image (v5).",
);

export const targetReportSchema = named(
  "TargetReport",
  z.strictObject({
    base: doc(z.string(), 'Canonical image reference, e.g. "python:3.12-slim-bookworm".'),
    requestedAs: doc(z.string(), 'What the person asked for, e.g. a floating tag like "python:3.12-slim".'),
    resolvedNote: z.string().nullable(),
    arch,
    python: z.string(),
    libc: z.strictObject({ family: z.enum(["glibc", "musl"]), version: z.string() }),
    os: z.string(),
    packageManager: z.enum(["apt", "apk", "dnf", "none"]),
    support: doc(
      z.strictObject({
        endOfLife: doc(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(), "YYYY-MM-DD: the earlier of the image's CPython end of life and its OS release's; null when neither is announced."),
        ended: doc(z.boolean(), "endOfLife is on or before the analysis's asOf: the image gets no security fixes."),
        cause: doc(z.enum(["python", "os", "both"]).nullable(), "Which end of life sets the date; null exactly when endOfLife is."),
        successor: doc(z.string().nullable(), "The nearest supported catalog image of the same kind (slim, full, Alpine…), to move to; null when none is needed or known."),
        sources: z.array(z.string()),
      }),
      "The image's support window (v4).",
    ),
    resolution: doc(
      z.discriminatedUnion("ok", [z.strictObject({ ok: z.literal(true) }), z.strictObject({ ok: z.literal(false), code: resolutionCode, explanation: z.string() })]),
      "Whether pip finds a set of versions that works here; if not, why, and packages are judged line by line.",
    ),
    unreached: doc(
      z.array(
        z.strictObject({
          name: z.string(),
          reason: codes(UNREACHED_CODES, "What stopped the resolution."),
          insideBuildOf: doc(z.string().nullable(), 'The build environment it was needed in ("pandas 1.5.2"); null for the image\'s own install set.'),
        }),
      ),
      "Projects not resolved when the analysis's work budget or deadline ran out; empty when it finished.",
    ),
    packages: doc(z.array(targetPackageSchema), "The install set (resolved mode), or the file's lines (--no-deps). Requested packages first, in file order."),
    skipped: doc(z.array(z.strictObject({ name: z.string(), line, marker: z.string() })), "Requirements whose environment marker is false on this image: pip skips them."),
    builds: doc(z.array(buildEnvironmentSchema), "One per sdist pip builds, build requirements' own sdists included."),
    compiles: doc(z.array(compiledPackage), "Every package compiled on the way to the image, build-isolation builds included."),
    summary: z.strictObject({ packages: count(), wheels: count(), sdists: count(), none: count(), unknown: count(), direct: count(), compiles: count() }),
    sysdeps: doc(sysdeps, "OS packages to build (builder stage) and to keep (final stage), each with the compiles that need it."),
    estimate: doc(estimate, "Build time and image size, with their breakdowns, for the report's estimate parameters."),
    dockerfile: doc(dockerfile, "The recommended Dockerfile: text to download, each line with why, its stages."),
    builder: doc(z.string().nullable(), "The image the build runs in when this one has no shell or pip (distroless); null otherwise."),
    blocker: doc(z.string().nullable(), "Why the build fails on this image, in words; null when nothing stops it."),
    blockerCode: doc(blockerCode.nullable(), "The same as a code (v3); null exactly when blocker is null."),
    lock: doc(targetLock.nullable(), "For a lock file (mode locked): the pins its markers skip here, and those selected here but not on another target (v5); null otherwise."),
  }).superRefine((target, ctx) => {
    if ((target.blocker === null) !== (target.blockerCode === null)) ctx.addIssue({ code: "custom", path: ["blockerCode"], message: "set exactly when blocker is" });
    if (target.dockerfile.multiStage !== target.dockerfile.stages.length > 1) ctx.addIssue({ code: "custom", path: ["dockerfile", "multiStage"], message: "true exactly when there is more than one stage" });
  }),
  "One (image, architecture) pair: the install set, the builds, what they need, the estimates and the Dockerfile.",
);

export const reportErrorSchema = named(
  "ReportError",
  z.strictObject({
    subject: doc(z.string(), 'What the error is about: a base image reference, "index", or "asOf".'),
    message: z.string(),
    code: codes(ERROR_CODES, "What the error is, as a code (v3)."),
  }),
  "A problem with the request as a whole or with one of its images; the rest of the report still stands.",
);

export const recommendationSchema = named(
  "Recommendation",
  z.strictObject({
    base: z.string(),
    archs: doc(z.array(arch), "The architectures the image was analysed on (v4; was arch)."),
    why: z.string(),
    ranking: doc(
      z.array(
        z.strictObject({
          base: z.string(),
          archs: doc(z.array(arch), "The architectures it was analysed on."),
          out: doc(z.string().nullable(), "Why it cannot be recommended (its first blocker, or an architecture it is not published for), in words."),
          outCode: doc(codes(RANKING_OUT_CODES, "Why an image is out.").nullable(), "The same as a code; null exactly when out is null."),
          outArch: doc(arch.nullable(), "The architecture of that first reason; null exactly when out is null."),
        }),
      ),
      "Every image in rank order, one entry per image (v4; was one per target).",
    ),
  }),
  "The image to take for every architecture asked for, by the stated rule, and why.",
);

export const reportInputSchema = named(
  "ReportInput",
  z.strictObject({
    kind: doc(inputKind, "The kind read: the request's input.kind when given, else the detected one."),
    detectedKind: doc(inputKind, "What Basewise recognised from the file name and content."),
    fileName: doc(z.string().nullable(), "The main file's name as given; null for pasted text."),
    files: doc(z.array(z.string()), "The names of the files given with the main one (for its -r/-c lines)."),
    lock: doc(
      z
        .strictObject({
          kind: lockKind,
          formatVersion: doc(z.string().nullable(), "The lock's format version as written (uv.lock version, poetry.lock lock-version…)."),
          createdBy: doc(z.string().nullable(), "The tool that wrote it, when the file says."),
          requiresPython: doc(z.string().nullable(), "The requires-python the lock records."),
          pins: doc(count(), "Pinned packages in the file, before markers choose per image."),
          environments: doc(z.array(z.string()), "The environments the lock was resolved for, as PEP 508 markers; empty when not recorded."),
        })
        .nullable(),
      "What a lock file says about itself; null for any other kind.",
    ),
    translations: doc(
      z.array(z.strictObject({ line, name: z.string(), from: doc(z.string(), 'As written, e.g. "^1.2".'), to: doc(z.string(), 'The PEP 440 specifier set it means, e.g. ">=1.2,<2.0".') })),
      "Poetry constraints rewritten as PEP 440 (caret, tilde), each with its line.",
    ),
    extras: doc(z.strictObject({ chosen: z.array(z.string()), available: z.array(z.string()) }), "pyproject.toml extras: those included, and those the file offers."),
    groups: doc(z.strictObject({ chosen: z.array(z.string()), available: z.array(z.string()) }), "Dependency groups: those included, and those the file offers or the lock records."),
  }),
  "What the input was and what went with it (v5).",
);

export const reportSchema = named(
  "Report",
  z.strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    generatedAt: doc(z.string(), "ISO 8601."),
    asOf: doc(z.string(), "ISO 8601: files uploaded after it were not considered."),
    undatedFiles: doc(count(), 'Files the index gave no upload time for: "as of" could not check them, so they were all considered.'),
    mode: doc(
      z.enum(["resolved", "direct", "locked"]),
      "resolved: every dependency, as pip resolves them; direct: only the requirements written in the file, like pip --no-deps; locked: a lock file's pins as written, each image taking those its markers select, never re-resolved (like pip install --no-deps of the whole pinned set) (v5).",
    ),
    input: reportInputSchema,
    index: z.strictObject({ host: z.string() }),
    requirements: z.array(requirementSummarySchema),
    options: z.strictObject({
      pre: z.boolean(),
      preferBinary: z.boolean(),
      onlyBinary: z.array(z.string()),
      noBinary: z.array(z.string()),
      requireHashes: z.boolean(),
    }),
    diagnostics: doc(z.array(diagnostic), "Problems in the requirements text, by line."),
    archs: doc(z.array(arch), "The architectures asked for (v4): every image is analysed on each it is published for."),
    targets: doc(z.array(targetReportSchema), "One per (image, architecture) pair; an image's architectures are next to each other, in archs order."),
    estimateParameters,
    recommendation: doc(recommendationSchema.nullable(), "null when no image was analysed."),
    errors: z.array(reportErrorSchema),
  }),
  "A Basewise report: for each base image, which packages pip installs from wheels and which it compiles, what that needs, how long it takes, how big the image is, and the Dockerfile to write.",
);

export type Report = z.infer<typeof reportSchema>;
export type ReportInput = z.infer<typeof reportInputSchema>;
export type TargetLock = z.infer<typeof targetLock>;
export type TargetReport = z.infer<typeof targetReportSchema>;
export type TargetPackage = z.infer<typeof targetPackageSchema>;
export type BuildEnvironment = z.infer<typeof buildEnvironmentSchema>;
export type RequirementSummary = z.infer<typeof requirementSummarySchema>;
export type ReportError = z.infer<typeof reportErrorSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type TagParts = z.infer<typeof tagPartsSchema>;
export type CompiledPackage = TargetReport["compiles"][number];
export type UnreachedPackage = TargetReport["unreached"][number];
export type DockerfileStage = TargetReport["dockerfile"]["stages"][number];
export type ReportDockerfile = TargetReport["dockerfile"];
export type ReportEstimate = TargetReport["estimate"];

/** Where a value differs from the contract, in one line per problem; [] when it conforms. */
export function reportProblems(value: unknown): string[] {
  const result = reportSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(report)"}: ${issue.message}`);
}

let published: Record<string, unknown> | null = null;

/**
 * The contract as JSON Schema (draft 2020-12), for GET /api/schema and `basewise schema`. Objects
 * leave additionalProperties open: fields added within schema version 3 must not fail a consumer's
 * validation (the server's own check, reportProblems, is strict). The invariants between fields
 * (a code exactly when the words are there) are stated in the descriptions.
 */
export function reportJsonSchema(): Record<string, unknown> {
  if (!published) {
    const { $schema, ...rest } = z.toJSONSchema(reportSchema, {
      metadata: registry,
      override: ({ jsonSchema }) => {
        if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      },
    });
    published = { $schema, title: `Basewise report, schema version ${REPORT_SCHEMA_VERSION}`, ...rest };
  }
  return structuredClone(published);
}

/** The published JSON Schema as the route and the CLI send it: two-space indented, ending in a newline. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
