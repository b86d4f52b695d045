// What compiling a project's sdist needs from the OS (toolchains, -dev packages, runtime
// libraries, environment variables), per release range, with sources.
export { nativeBuildFor, osPackagesFor } from "./lookup";
export { debianRuntimeName } from "./debian-releases";
export { NATIVE_BUILD_TABLE, findNativePackage } from "./table";
export type { BuildKind, Confidence, NativeBuildAnswer, NativeBuildEra, PackageManager, PackageNativeBuilds, Toolchain } from "./types";
