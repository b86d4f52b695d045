import { generateDockerfile, type GeneratedDockerfile } from "@/lib/dockerfile";
import { estimate, type Estimate, type EstimateParameters } from "@/lib/estimate";
import { nativeBuildFor, osPackagesFor } from "@/lib/native-builds";
import { isPurePythonTag, rankedTags } from "@/lib/tags";
import { listBaseImages, type BaseImage, type PackageManager, type Target } from "@/lib/targets";
import { tagTargetOf } from "./image-context";
import { systemDependencies, type CompileNeeds, type OsPackage, type SystemDependencies } from "./sysdeps";
import type { CompiledPackage, TargetPackage } from "./types";

// From one image's resolution to what building it takes: the OS packages (build and runtime), the
// time and size estimates, and the annotated Dockerfile.

export interface BuildPlan {
  sysdeps: SystemDependencies;
  estimate: Estimate;
  dockerfile: GeneratedDockerfile;
  /** Where the image has no shell or pip: the image the build runs in. */
  builder: string | null;
}

export interface Builder {
  reference: string;
  packageManager: "apt" | "apk" | "dnf";
  os: { id: string; codename?: string };
  /** Packages the builder needs for Python itself (a distro Python's venv module and headers). */
  python: { always: string[]; forCompiles: string[] };
  sizes: { uncompressedBytes: number | null; compressedBytes: number | null };
  why: string;
}

/** What compiling one release needs with one package manager (Debian names per release). */
export function needsFor(name: string, version: string | null, manager: PackageManager, os: { id?: string; codename?: string } = {}): CompileNeeds {
  const answer = nativeBuildFor(name, version);
  const packages = osPackagesFor(answer, manager, os);
  const pure = answer.kind === "pure";
  return {
    kind: answer.kind,
    build: pure ? [] : packages.build,
    runtime: packages.runtime,
    // Only what the recommended build sets; options stay in the table's notes.
    env: answer.env.filter((e) => e.set).map((e) => ({ name: e.name, value: e.value, why: e.effect })),
    basis: answer.basis,
    note: answer.note,
  };
}

export function buildPlan(target: Target, packages: readonly TargetPackage[], compiles: readonly CompiledPackage[], parameters: Partial<EstimateParameters>): BuildPlan {
  const { image } = target;
  const builder = builderFor(image);
  const buildManager = builder?.packageManager ?? image.packageManager;
  const buildOs = builder?.os ?? image.os;
  const forBuild = systemDependencies(compiles, buildManager, (n, v, m) => needsFor(n, v, m, buildOs));
  const forRuntime = systemDependencies(compiles, image.packageManager, (n, v, m) => needsFor(n, v, m, image.os));
  const distroless = image.packageManager === "none";
  const sysdeps: SystemDependencies = {
    ...forBuild,
    manager: buildManager,
    runtime: distroless ? [] : forRuntime.runtime,
    missingAtRuntime: distroless ? forBuild.runtime.filter((p) => !PRESENT_IN_DISTROLESS.has(p.name)) : [],
  };
  if (builder) {
    const names = [...builder.python.always, ...(compiles.length > 0 ? builder.python.forCompiles : [])];
    sysdeps.build.unshift(...names.map((name) => ({ name, neededBy: [`python3 -m venv in ${builder.reference}`] })));
  }
  withDistroPython(image, sysdeps, compiles.length > 0);

  const answers = new Map(compiles.map((c) => [`${c.name} ${c.version}`, nativeBuildFor(c.name, c.version)]));
  const sdistKind = (p: TargetPackage) => nativeBuildFor(p.name, p.version).kind !== "pure";
  // A wheel's tag is one of the image's own; matched on a none-any tag, it holds no compiled code.
  const imageTags = rankedTags(tagTargetOf(target)).byText;
  const compiledWheel = (p: TargetPackage) => {
    const tag = p.tag === null ? undefined : imageTags.get(p.tag);
    return tag === undefined || !isPurePythonTag(tag);
  };
  const est = estimate(
    {
      image: {
        reference: image.reference,
        packageManager: image.packageManager,
        hasCompiler: image.hasCompiler,
        uncompressedBytes: image.sizes.uncompressedBytes[target.arch] ?? null,
        compressedBytes: image.sizes.compressedBytes[target.arch] ?? null,
        arch: target.arch,
      },
      builder: builder ? { reference: builder.reference, packageManager: builder.packageManager, ...builder.sizes } : null,
      packages: packages.map((p) => ({
        name: p.name,
        version: p.version,
        kind: p.kind,
        compiled: p.kind === "wheel" ? compiledWheel(p) : p.kind === "sdist" ? sdistKind(p) : false,
        downloadBytes: p.sizeBytes,
        builtSizeHint: p.sizeHint?.bytes ?? null,
      })),
      compiles: compiles.map(({ name, version, buildRequirement }) => ({ name, version, buildRequirement, toolchains: answers.get(`${name} ${version}`)?.toolchains ?? ["c"] })),
      os: { build: sysdeps.build.map((p) => p.name), runtime: sysdeps.runtime.map((p) => p.name) },
    },
    { ...parameters, emulated: (parameters.emulated ?? false) && target.arch === "arm64" },
  );

  const dockerfile = generateDockerfile({
    image: {
      reference: image.reference,
      packageManager: image.packageManager,
      osId: image.os.id,
      pythonVersion: target.pythonVersion,
      hasShell: image.hasShell,
      hasPip: image.hasPip,
      hasCompiler: image.hasCompiler,
    },
    builder: builder ? { reference: builder.reference, packageManager: builder.packageManager, why: builder.why } : null,
    compiles: compiles.map(({ name, version, buildRequirement }) => ({ name, version, buildRequirement })),
    os: { build: sysdeps.build, runtime: sysdeps.runtime, missingAtRuntime: sysdeps.missingAtRuntime },
    env: sysdeps.env,
    requirementsFile: "requirements.txt",
  });
  return { sysdeps, estimate: est, dockerfile, builder: builder?.reference ?? null };
}

// Libraries distroless/python3 already carries (it is built from Debian's python3 and its
// dependencies): a compile that links them needs nothing copied.
const PRESENT_IN_DISTROLESS = new Set(["libssl3", "libssl3t64", "libffi8", "zlib1g", "libstdc++6"]);

/**
 * Images without a shell or pip cannot run `pip install`: the build runs in an image with the same
 * Python at the same path, so the virtualenv it makes runs unchanged in the final image —
 * Debian's own python3 for distroless (gcr.io/distroless/python3 is Debian's python3 package),
 * Chainguard's -dev variant for Chainguard.
 */
export function builderFor(image: BaseImage): Builder | null {
  if (image.packageManager !== "none") return null; // pip runs in the image itself
  if (image.os.id === "wolfi") {
    const dev = listBaseImages().find((c) => c.os.id === "wolfi" && c.hasPip && c.hasShell);
    if (!dev) return null;
    return {
      reference: dev.reference,
      packageManager: "apk",
      os: { id: "wolfi" },
      python: { always: [], forCompiles: [] },
      sizes: { uncompressedBytes: dev.sizes.uncompressedBytes.amd64 ?? null, compressedBytes: dev.sizes.compressedBytes.amd64 ?? null },
      why: `${image.reference} has no shell or pip; ${dev.reference} has the same Python with both.`,
    };
  }
  const reference = `debian:${image.os.version.split(".")[0]}-slim`;
  return {
    reference,
    packageManager: "apt",
    os: { id: "debian", ...(image.os.codename ? { codename: image.os.codename } : {}) },
    python: { always: ["python3", "python3-venv"], forCompiles: ["python3-dev"] },
    // debian:*-slim is not in the base-image catalog: its size is not counted.
    sizes: { uncompressedBytes: null, compressedBytes: null },
    why: `${image.reference} has no shell or pip; ${reference} with Debian's python3 is the same Python ${image.python.version} at the same path (/usr/bin/python3), so the virtualenv built there runs unchanged.`,
  };
}

/** Ubuntu's images have no Python: it comes from apt, and compiling against it needs its headers. */
function withDistroPython(image: BaseImage, sysdeps: SystemDependencies, compiles: boolean): void {
  if (image.os.id !== "ubuntu") return;
  const runtime: OsPackage[] = [{ name: "python3", neededBy: ["the image: ubuntu ships no Python"] }, { name: "python3-venv", neededBy: ["python3 -m venv"] }];
  sysdeps.runtime.unshift(...runtime);
  sysdeps.build.unshift(...runtime, ...(compiles ? [{ name: "python3-dev", neededBy: ["compiling against the distro Python's headers"] }] : []));
}
