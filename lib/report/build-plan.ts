import { generateDockerfile, type GeneratedDockerfile } from "@/lib/dockerfile";
import { estimate, type Estimate, type EstimateOptions } from "@/lib/estimate";
import { nativeBuildFor, osPackagesFor } from "@/lib/native-builds";
import { isPurePythonTag } from "@/lib/tags";
import { baseImageBytes, type BaseImage, type PackageManager, type Target } from "@/lib/targets";
import { uncheckedPackages } from "./unchecked";
import type { CompileViability } from "./viability";
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
    enables: answer.enables.map(({ code, feature }) => ({ code, feature })),
    optional: pure ? [] : answer.optional.map(({ code, feature, os: packagesOf }) => ({ code, feature, ...osPackagesFor({ ...answer, os: packagesOf }, manager, os) })),
  };
}

export function buildPlan(
  target: Target,
  packages: readonly TargetPackage[],
  compiles: readonly (CompiledPackage & { viability?: CompileViability })[],
  parameters: Partial<EstimateOptions>,
): BuildPlan {
  const { image } = target;
  // Images without a shell or pip (distroless) build in the image the catalog names for them.
  const { builder } = image;
  const buildManager = builder?.packageManager ?? image.packageManager;
  const buildOs = builder?.os ?? image.os;
  const forBuild = systemDependencies(compiles, buildManager, (n, v, m) => needsFor(n, v, m, buildOs));
  const forRuntime = systemDependencies(compiles, image.packageManager, (n, v, m) => needsFor(n, v, m, image.os));
  const distroless = image.packageManager === "none";
  const sysdeps: SystemDependencies = {
    ...forBuild,
    manager: buildManager,
    runtime: distroless ? [] : forRuntime.runtime,
    // An optional part's build packages are the builder's names; its runtime packages the final image's.
    perPackage: forBuild.perPackage.map((p, i) => ({ ...p, optional: p.optional.map((part, j) => ({ ...part, runtime: forRuntime.perPackage[i]?.optional[j]?.runtime ?? [] })) })),
    missingAtRuntime: distroless ? forBuild.runtime.filter((p) => !image.carriedLibraries?.names.includes(p.name)) : [],
  };
  if (builder) {
    const names = [...builder.python.always, ...(compiles.length > 0 ? builder.python.forCompiles : [])];
    sysdeps.build.unshift(...names.map((name) => ({ name, neededBy: [`python3 -m venv in ${builder.reference}`] })));
  }
  withDistroPython(image, sysdeps, compiles.length > 0);

  const answers = new Map(compiles.map((c) => [`${c.name} ${c.version}`, nativeBuildFor(c.name, c.version)]));
  const sdistKind = (p: TargetPackage) => nativeBuildFor(p.name, p.version).kind !== "pure";
  // A wheel matched one of the image's own tags (its verdict carries it as a value); matched on a
  // none-any tag, it holds no compiled code. Without one, it is counted as compiled.
  const compiledWheel = (p: TargetPackage) => p.matchedTag === null || !isPurePythonTag(p.matchedTag);
  const baseSize = baseImageBytes(image, target.arch);
  const est = estimate(
    {
      image: {
        reference: image.reference,
        packageManager: image.packageManager,
        hasCompiler: image.hasCompiler,
        uncompressedBytes: baseSize?.bytes ?? null,
        uncompressedBasis: baseSize?.basis ?? null,
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
      distroPython: distroPythonSize(image),
    },
    parameters,
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
      ...(image.distroPython ? { distroPython: { packages: image.distroPython.packages.map((p) => p.name), externallyManaged: image.distroPython.externallyManaged ?? false } } : {}),
    },
    builder: builder ? { reference: builder.reference, packageManager: builder.packageManager, why: builder.why } : null,
    compiles: compiles.map(({ name, version, buildRequirement }) => ({ name, version, buildRequirement })),
    unchecked: uncheckedPackages(packages),
    failingBuilds: compiles.flatMap((c) => (c.viability?.viability === "fails" ? [c.viability.reason] : [])),
    // A build requirement's optional parts do not reach the image; parts another compile builds are installed already.
    optionalParts: compiles.flatMap((c, i) => {
      const parts = (sysdeps.perPackage[i]?.optional ?? []).filter((p) => !p.enabled && p.build.length > 0);
      return c.buildRequirement || parts.length === 0 ? [] : [{ build: c.version ? `${c.name} ${c.version}` : c.name, parts: parts.map(({ code, build, runtime }) => ({ code, build, runtime })) }];
    }),
    os: { build: sysdeps.build, runtime: sysdeps.runtime, missingAtRuntime: sysdeps.missingAtRuntime },
    env: sysdeps.env,
    requirementsFile: "requirements.txt",
  });
  return { sysdeps, estimate: est, dockerfile, builder: builder?.reference ?? null };
}

/** An image with no Python of its own (Ubuntu): apt brings it in both stages, and its headers when something compiles. */
function withDistroPython(image: BaseImage, sysdeps: SystemDependencies, compiles: boolean): void {
  if (!image.distroPython) return;
  const asNeeded = (p: { name: string; why: string }): OsPackage => ({ name: p.name, neededBy: [p.why] });
  const runtime = image.distroPython.packages.map(asNeeded);
  sysdeps.runtime.unshift(...runtime);
  sysdeps.build.unshift(...runtime, ...(compiles ? image.distroPython.forCompiles.map(asNeeded) : []));
}

/** What installing an image's distro Python adds to it (a part of its size); bytes null when the catalog does not know. */
function distroPythonSize(image: BaseImage): { packages: string[]; bytes: number | null; basis: string } | null {
  if (!image.distroPython) return null;
  const installed = image.distroPython.installed;
  return {
    packages: image.distroPython.packages.map((p) => p.name),
    bytes: installed?.bytes ?? null,
    basis: installed?.basis ?? `not known: the catalog has no installed size for ${image.reference}'s python3 and what it pulls in`,
  };
}
