import { describe, expect, it } from "vitest";
import { resolveBaseImage } from "./resolve";
import { makeTarget, markerEnvironment } from "./target";

// [reference as typed, canonical reference, python version, "family version" of the libc, resolvedFrom]
// resolvedFrom: a pattern the note must match, or null when the reference names the image directly.
type Resolves = [input: string, reference: string, python: string, libc: string, from: RegExp | null];

const CANONICAL: Resolves[] = [
  ["python:3.14-slim-bookworm", "python:3.14-slim-bookworm", "3.14.7", "glibc 2.36", null],
  ["python:3.13-slim-bookworm", "python:3.13-slim-bookworm", "3.13.14", "glibc 2.36", null],
  ["python:3.12-slim-bookworm", "python:3.12-slim-bookworm", "3.12.14", "glibc 2.36", null],
  ["python:3.11-slim-bookworm", "python:3.11-slim-bookworm", "3.11.16", "glibc 2.36", null],
  ["python:3.10-slim-bookworm", "python:3.10-slim-bookworm", "3.10.20", "glibc 2.36", null],
  ["python:3.9-slim-bookworm", "python:3.9-slim-bookworm", "3.9.21", "glibc 2.36", null],
  ["python:3.8-slim-bookworm", "python:3.8-slim-bookworm", "3.8.17", "glibc 2.36", null],
  ["python:3.14-slim-trixie", "python:3.14-slim-trixie", "3.14.7", "glibc 2.41", null],
  ["python:3.12-slim-trixie", "python:3.12-slim-trixie", "3.12.14", "glibc 2.41", null],
  ["python:3.12-trixie", "python:3.12-trixie", "3.12.14", "glibc 2.41", null],
  ["python:3.10-trixie", "python:3.10-trixie", "3.10.20", "glibc 2.41", null],
  ["python:3.14-bookworm", "python:3.14-bookworm", "3.14.7", "glibc 2.36", null],
  ["python:3.12-bookworm", "python:3.12-bookworm", "3.12.14", "glibc 2.36", null],
  ["python:3.12-slim-bullseye", "python:3.12-slim-bullseye", "3.12.7", "glibc 2.31", null],
  ["python:3.10-bullseye", "python:3.10-bullseye", "3.10", "glibc 2.31", null],
  ["python:3.13-bullseye", "python:3.13-bullseye", "3.13", "glibc 2.31", null],
  ["python:3.9-trixie", "python:3.9-trixie", "3.9", "glibc 2.41", null],
  ["python:3.14-alpine3.24", "python:3.14-alpine3.24", "3.14.7", "musl 1.2.6", null],
  ["python:3.12-alpine3.23", "python:3.12-alpine3.23", "3.12.14", "musl 1.2.5", null],
  ["python:3.12-alpine3.20", "python:3.12-alpine3.20", "3.12", "musl 1.2.5", null],
  ["python:3.12-alpine3.19", "python:3.12-alpine3.19", "3.12", "musl 1.2.4_git20230717", null],
  ["python:3.11-alpine3.18", "python:3.11-alpine3.18", "3.11", "musl 1.2.4", null],
  ["python:3.10-alpine3.17", "python:3.10-alpine3.17", "3.10", "musl 1.2.3", null],
  ["python:3.11-alpine3.15", "python:3.11-alpine3.15", "3.11", "musl 1.2.2", null],
  ["python:3.9-alpine3.13", "python:3.9-alpine3.13", "3.9", "musl 1.2.2", null],
  ["python:3.8-alpine3.12", "python:3.8-alpine3.12", "3.8", "musl 1.1.24", null],
  ["gcr.io/distroless/python3-debian12", "gcr.io/distroless/python3-debian12", "3.11.2", "glibc 2.36", null],
  ["gcr.io/distroless/python3-debian13", "gcr.io/distroless/python3-debian13", "3.13.5", "glibc 2.41", null],
  ["gcr.io/distroless/python3-debian13:latest", "gcr.io/distroless/python3-debian13", "3.13.5", "glibc 2.41", null],
  ["ubuntu:22.04", "ubuntu:22.04", "3.10", "glibc 2.35", null],
  ["ubuntu:24.04", "ubuntu:24.04", "3.12", "glibc 2.39", null],
  ["registry.access.redhat.com/ubi9/python-311", "registry.access.redhat.com/ubi9/python-311", "3.11", "glibc 2.34", null],
  ["registry.access.redhat.com/ubi9/python-312:latest", "registry.access.redhat.com/ubi9/python-312", "3.12", "glibc 2.34", null],
  ["cgr.dev/chainguard/python:latest", "cgr.dev/chainguard/python:latest", "3.14.7", "glibc 2.43", null],
  ["cgr.dev/chainguard/python", "cgr.dev/chainguard/python:latest", "3.14.7", "glibc 2.43", null],
  ["cgr.dev/chainguard/python:latest-dev", "cgr.dev/chainguard/python:latest-dev", "3.14.7", "glibc 2.43", null],
];

const FLOATING: Resolves[] = [
  ["python:3.12-slim", "python:3.12-slim-trixie", "3.12.14", "glibc 2.41", /^python:3\.12-slim points at python:3\.12-slim-trixie as of 2026-09/],
  ["python:3.12", "python:3.12-trixie", "3.12.14", "glibc 2.41", /^python:3\.12 points at python:3\.12-trixie as of 2026-09/],
  ["python:3.12-alpine", "python:3.12-alpine3.24", "3.12.14", "musl 1.2.6", /points at python:3\.12-alpine3\.24/],
  ["python:3.10-slim", "python:3.10-slim-trixie", "3.10.20", "glibc 2.41", /trixie is the newest release/],
  ["python:3.13-alpine", "python:3.13-alpine3.24", "3.13.14", "musl 1.2.6", /as of 2026-09/],
  ["python:3-slim", "python:3.14-slim-trixie", "3.14.7", "glibc 2.41", /3\.14 is the newest stable CPython/],
  ["python:3", "python:3.14-trixie", "3.14.7", "glibc 2.41", /points at python:3\.14-trixie/],
  ["python:latest", "python:3.14-trixie", "3.14.7", "glibc 2.41", /^python:latest points at/],
  ["python", "python:3.14-trixie", "3.14.7", "glibc 2.41", /^python:latest points at/],
  ["python:slim", "python:3.14-slim-trixie", "3.14.7", "glibc 2.41", /points at/],
  ["python:alpine", "python:3.14-alpine3.24", "3.14.7", "musl 1.2.6", /points at/],
  ["python:3-alpine3.23", "python:3.14-alpine3.23", "3.14.7", "musl 1.2.5", /points at/],
  ["python:alpine3.21", "python:3.14-alpine3.21", "3.14", "musl 1.2.5", /points at/],
  ["python:bookworm", "python:3.14-bookworm", "3.14.7", "glibc 2.36", /points at/],
  ["python:3-slim-bookworm", "python:3.14-slim-bookworm", "3.14.7", "glibc 2.36", /points at/],
  ["python:3.8", "python:3.8-bookworm", "3.8", "glibc 2.36", /3\.8 is no longer published/],
  ["python:3.8-alpine", "python:3.8-alpine3.20", "3.8", "musl 1.2.5", /no longer published/],
  ["python:3.9-slim", "python:3.9-slim-trixie", "3.9", "glibc 2.41", /no longer published/],
  ["python:3.9-alpine", "python:3.9-alpine3.22", "3.9", "musl 1.2.5", /no longer published/],
  ["ubuntu:jammy", "ubuntu:22.04", "3.10", "glibc 2.35", /^ubuntu:jammy is ubuntu:22\.04/],
  ["ubuntu:noble", "ubuntu:24.04", "3.12", "glibc 2.39", /codename/],
  ["gcr.io/distroless/python3-debian12:nonroot", "gcr.io/distroless/python3-debian12", "3.11.2", "glibc 2.36", /uid 65532/],
  ["registry.redhat.io/ubi9/python-312", "registry.access.redhat.com/ubi9/python-312", "3.12", "glibc 2.34", /same UBI images/],
];

const SPELLINGS: Resolves[] = [
  ["docker.io/library/python:3.12", "python:3.12-trixie", "3.12.14", "glibc 2.41", /^python:3\.12 points at/],
  ["library/python:3.12-slim-bookworm", "python:3.12-slim-bookworm", "3.12.14", "glibc 2.36", null],
  ["docker.io/python:3.11-slim-bookworm", "python:3.11-slim-bookworm", "3.11.16", "glibc 2.36", null],
  ["index.docker.io/library/python:3.13-alpine3.24", "python:3.13-alpine3.24", "3.13.14", "musl 1.2.6", null],
  ["registry-1.docker.io/library/python:3.12-bookworm", "python:3.12-bookworm", "3.12.14", "glibc 2.36", null],
  ["  PYTHON:3.12-SLIM-BOOKWORM  ", "python:3.12-slim-bookworm", "3.12.14", "glibc 2.36", null],
  ["docker.io/library/ubuntu:24.04", "ubuntu:24.04", "3.12", "glibc 2.39", null],
  ["python:3.12-slim-bookworm@sha256:0123abcd", "python:3.12-slim-bookworm", "3.12.14", "glibc 2.36", null],
  ["FROM --platform=linux/arm64 python:3.12-slim-bookworm AS build", "python:3.12-slim-bookworm", "3.12.14", "glibc 2.36", null],
];

const PATCH_PINNED: Resolves[] = [
  ["python:3.10.8-alpine3.17", "python:3.10.8-alpine3.17", "3.10.8", "musl 1.2.3", null],
  ["python:3.10.8-bullseye", "python:3.10.8-bullseye", "3.10.8", "glibc 2.31", null],
  ["python:3.12.4-slim-bookworm", "python:3.12.4-slim-bookworm", "3.12.4", "glibc 2.36", null],
  ["docker.io/library/python:3.12.4-slim-bookworm", "python:3.12.4-slim-bookworm", "3.12.4", "glibc 2.36", null],
  ["python:3.8.10-alpine3.12", "python:3.8.10-alpine3.12", "3.8.10", "musl 1.1.24", null],
  ["python:3.13.2-slim-trixie", "python:3.13.2-slim-trixie", "3.13.2", "glibc 2.41", null],
  ["python:3.10.8", "python:3.10.8-bullseye", "3.10.8", "glibc 2.31", /^python:3\.10\.8 points at python:3\.10\.8-bullseye \(bullseye was the default Debian/],
  ["python:3.10.8-slim", "python:3.10.8-slim-bullseye", "3.10.8", "glibc 2.31", /^python:3\.10\.8-slim points at python:3\.10\.8-slim-bullseye/],
  ["python:3.11.3-slim", "python:3.11.3-slim-bullseye", "3.11.3", "glibc 2.31", /bullseye/],
  ["python:3.11.4-slim", "python:3.11.4-slim-bookworm", "3.11.4", "glibc 2.36", /bookworm was the default/],
  ["python:3.12.10", "python:3.12.10-bookworm", "3.12.10", "glibc 2.36", /bookworm/],
  ["python:3.12.11-slim", "python:3.12.11-slim-trixie", "3.12.11", "glibc 2.41", /trixie/],
  ["python:3.13.5-slim", "python:3.13.5-slim-bookworm", "3.13.5", "glibc 2.36", /bookworm/],
  ["python:3.13.6-slim", "python:3.13.6-slim-trixie", "3.13.6", "glibc 2.41", /trixie/],
  ["python:3.14.0", "python:3.14.0-trixie", "3.14.0", "glibc 2.41", /trixie/],
  ["python:3.8.20-slim", "python:3.8.20-slim-bookworm", "3.8.20", "glibc 2.36", /bookworm/],
  ["python:3.9.6", "python:3.9.6-bullseye", "3.9.6", "glibc 2.31", /bullseye/],
  ["python:3.10.8-alpine", "python:3.10.8-alpine3.17", "3.10.8", "musl 1.2.3", /^python:3\.10\.8-alpine points at python:3\.10\.8-alpine3\.17 \(its last push was on Alpine 3\.17/],
  ["python:3.12.0-alpine", "python:3.12.0-alpine3.18", "3.12.0", "musl 1.2.4", /last push was on Alpine 3\.18/],
  ["python:3.7.2-alpine", "python:3.7.2-alpine3.9", "3.7.2", "musl 1.1.20", /Alpine 3\.9/],
  ["python:3.8.5-slim", "python:3.8.5-slim-buster", "3.8.5", "glibc 2.28", /buster was the default Debian while 3\.8\.5/],
  ["python:3.7.9", "python:3.7.9-buster", "3.7.9", "glibc 2.28", /buster/],
  ["python:3.6.6-slim", "python:3.6.6-slim-stretch", "3.6.6", "glibc 2.24", /stretch/],
  ["python:3.6.15", "python:3.6.15-bullseye", "3.6.15", "glibc 2.31", /bullseye/],
  ["python:3.7.4-slim-buster", "python:3.7.4-slim-buster", "3.7.4", "glibc 2.28", null],
  ["registry.access.redhat.com/ubi9/python-311:1-77", "registry.access.redhat.com/ubi9/python-311", "3.11", "glibc 2.34", null],
];

// The old tags people paste from the Dockerfiles they debug.
const END_OF_LIFE: Resolves[] = [
  ["python:3.9-slim-buster", "python:3.9-slim-buster", "3.9.17", "glibc 2.28", null],
  ["python:3.8-alpine3.10", "python:3.8-alpine3.10", "3.8.3", "musl 1.1.22", null],
  ["python:3.8-alpine3.11", "python:3.8-alpine3.11", "3.8.7", "musl 1.1.24", null],
  ["python:3.7-alpine3.8", "python:3.7-alpine3.8", "3.7.3", "musl 1.1.19", null],
  ["python:3.6-alpine3.9", "python:3.6-alpine3.9", "3.6.10", "musl 1.1.20", null],
  ["python:3.6-stretch", "python:3.6-stretch", "3.6.14", "glibc 2.24", null],
  ["python:3.7-slim-stretch", "python:3.7-slim-stretch", "3.7.11", "glibc 2.24", null],
  ["python:3.11-buster", "python:3.11-buster", "3.11.4", "glibc 2.28", null],
  ["python:3.7-slim", "python:3.7-slim-bookworm", "3.7.17", "glibc 2.36", /^python:3\.7-slim points at python:3\.7-slim-bookworm as of 2026-09 \(3\.7 is no longer published/],
  ["python:3.7", "python:3.7-bookworm", "3.7.17", "glibc 2.36", /no longer published/],
  ["python:3.6-alpine", "python:3.6-alpine3.15", "3.6.15", "musl 1.2.2", /^python:3\.6-alpine points at python:3\.6-alpine3\.15/],
  ["python:3.6-slim", "python:3.6-slim-bullseye", "3.6.15", "glibc 2.31", /no longer published/],
  ["python:3.7-alpine", "python:3.7-alpine3.18", "3.7.17", "musl 1.2.4", /no longer published/],
  // -rc tags: the pre-release they carried last; python.version is its release part (what pip checks Requires-Python against).
  ["python:3.13-rc-slim", "python:3.13-rc-slim-bookworm", "3.13.0", "glibc 2.36", /^python:3\.13-rc-slim last pointed at python:3\.13-rc-slim-bookworm .*stopped moving when 3\.13 was released/],
  ["python:3.13-rc-alpine", "python:3.13-rc-alpine3.20", "3.13.0", "musl 1.2.5", /last pointed at python:3\.13-rc-alpine3\.20/],
  ["python:3.14-rc", "python:3.14-rc-trixie", "3.14.0", "glibc 2.41", /last pointed at python:3\.14-rc-trixie/],
  ["python:3.15-rc-slim", "python:3.15-rc-slim-trixie", "3.15.0", "glibc 2.41", /^python:3\.15-rc-slim points at python:3\.15-rc-slim-trixie as of 2026-08-13/],
  ["python:3.15-rc-alpine", "python:3.15-rc-alpine3.24", "3.15.0", "musl 1.2.6", /as of 2026-08-13/],
  ["python:3.12-rc-slim-buster", "python:3.12-rc-slim-buster", "3.12.0", "glibc 2.28", null],
];

describe("resolveBaseImage resolves", () => {
  it.each([...CANONICAL, ...FLOATING, ...SPELLINGS, ...PATCH_PINNED, ...END_OF_LIFE])("%s → %s (python %s, %s)", (input, reference, python, libc, from) => {
    const result = resolveBaseImage(input);
    if (!result.ok) throw new Error(result.error);
    expect(result.image.reference).toBe(reference);
    expect(result.image.python.version).toBe(python);
    expect(`${result.image.libc.family} ${result.image.libc.version}`).toBe(libc);
    if (from) expect(result.resolvedFrom).toMatch(from);
    else expect(result.resolvedFrom).toBeUndefined();
  });
});

// [reference, pattern the error must match, suggestions that must come first (in order)]
const UNKNOWN: Array<[input: string, error: RegExp, firstSuggestions: string[]]> = [
  ["pyhton:3.12", /^Unknown base image "pyhton:3\.12"\. Did you mean: python:3\.12, python:3\.12-slim, .*\?$/, ["python:3.12", "python:3.12-slim"]],
  ["pyhton:3.12-slim", /Did you mean: python:3\.12-slim/, ["python:3.12-slim", "python:3.12-slim-trixie"]],
  ["python:3.12-slim-bookwrom", /Did you mean/, ["python:3.12-slim-bookworm"]],
  ["python:3.12-alpine3.2", /Did you mean/, ["python:3.12-alpine3.20"]],
  ["pythn:3.11-bookworm", /Did you mean/, ["python:3.11-bookworm"]],
  ["python:3.5-slim", /CPython 3\.5 is not in the catalog \(it covers 3\.6–3\.14\)/, ["python:3.6-slim"]],
  ["python:3.5.9", /CPython 3\.5 is not in the catalog/, []],
  ["python:3.15-slim", /^Unknown base image "python:3\.15-slim": CPython 3\.15 is not in the catalog/, []],
  ["python:3.6.3", /pointed at Debian 8 jessie or older \(the default before 3\.6\.5\)/, []],
  ["python:3.6.4-alpine", /an Alpine older than 3\.8 \(before 3\.6\.6\)/, []],
  ["python:3.6-slim-jessie", /Debian jessie images are not in the catalog \(it covers stretch, buster, bullseye, bookworm, trixie\)/, []],
  ["python:3.6-alpine3.7", /Alpine 3\.7 is not in the catalog \(it covers 3\.8–3\.24\)/, []],
  ["python:3.12-alpine3.11", /python:3\.12 was never published on Alpine 3\.11/, []],
  ["python:3.12-slim-buster", /python:3\.12 was never published on Debian buster/, []],
  ["python:3.8-stretch", /python:3\.8 was never published on Debian stretch/, []],
  ["python:3.15-rc-alpine3.9", /no such release-candidate tag was ever published/, []],
  ["python:3.14-bullseye", /python:3\.14 was never published on Debian bullseye/, []],
  ["python:3.12-alpine3.16", /python:3\.12 was never published on Alpine 3\.16/, []],
  ["python:3.8-trixie", /never published on Debian trixie/, []],
  ["python:3.14.2-bullseye", /^Unknown base image "python:3\.14\.2-bullseye"/, []],
  ["ubuntu", /Did you mean: ubuntu:22\.04, ubuntu:24\.04/, ["ubuntu:22.04", "ubuntu:24.04"]],
  ["ubuntu:20.04", /Did you mean/, ["ubuntu:22.04"]],
  ["gcr.io/distroless/python3-debian11", /Did you mean/, ["gcr.io/distroless/python3-debian12"]],
  ["registry.access.redhat.com/ubi9/python-39", /Did you mean/, ["registry.access.redhat.com/ubi9/python-311"]],
  ["node:20", /^Unknown base image "node:20"\. The catalog has the official python images .*Chainguard python\.$/, []],
  ["", /^Unknown base image "": no image reference was given\.$/, []],
  ["python:3.12 slim", /not an image reference/, []],
];

describe("resolveBaseImage rejects", () => {
  it.each(UNKNOWN)("%s", (input, error, firstSuggestions) => {
    const result = resolveBaseImage(input);
    if (result.ok) throw new Error(`resolved to ${result.image.reference}`);
    expect(result.error).toMatch(error);
    expect(result.suggestions.length).toBeLessThanOrEqual(8);
    expect(result.suggestions.slice(0, firstSuggestions.length)).toEqual(firstSuggestions);
    for (const suggestion of result.suggestions) expect(resolveBaseImage(suggestion).ok).toBe(true);
  });
});

describe("resolveBaseImage notes and pinned details", () => {
  it("sets a digest aside and says so", () => {
    const result = resolveBaseImage("python:3.12-slim-bookworm@sha256:0123abcd");
    expect(result.ok && result.notes).toEqual(["digest @sha256:0123abcd ignored: the catalog knows tags, not individual builds"]);
  });

  it("says when a FROM line was read", () => {
    const result = resolveBaseImage("FROM python:3.11-slim-bookworm AS build");
    expect(result.ok && result.notes?.[0]).toBe("read the FROM line as python:3.11-slim-bookworm");
  });

  it("marks sizes of a pinned patch as borrowed unless it is the measured build", () => {
    const other = resolveBaseImage("python:3.12.4-slim-bookworm");
    const same = resolveBaseImage("python:3.12.14-slim-bookworm");
    if (!other.ok || !same.ok) throw new Error("should resolve");
    expect(other.image.sizes.estimated).toBe(true);
    expect(other.image.sizes.note).toMatch(/^sizes of python:3\.12-slim-bookworm \(CPython 3\.12\.14\)/);
    expect(other.image.builtOn).toBeUndefined();
    expect(same.image.sizes.estimated).toBe(false);
    expect(same.image.sizes.compressedBytes.amd64).toBe(45_437_565);
    expect(same.image.builtOn).toBe("2026-08-25");
  });

  it("drops the unknown-patch gap once the reference pins the patch", () => {
    const pinned = resolveBaseImage("python:3.10.8-alpine3.17");
    if (!pinned.ok) throw new Error(pinned.error);
    expect(pinned.image.python).toMatchObject({ version: "3.10.8", patchKnown: true });
    expect(pinned.image.gaps).toEqual([]);
    expect(pinned.image.aliases).toEqual([]);
  });

  it("notes a pinned patch newer than the data", () => {
    const result = resolveBaseImage("python:3.12.15-slim-bookworm");
    expect(result.ok && result.notes).toEqual(["3.12.15 is newer than the 3.12.14 the catalog knows (data as of 2026-09-19)"]);
  });

  it("names the history behind python:3.X.Y-alpine", () => {
    const result = resolveBaseImage("python:3.10.8-alpine");
    expect(result.ok && result.resolvedFrom).toMatch(/docker-library\/official-images library\/python history/);
  });

  it("notes that a UBI build tag is taken as the image", () => {
    const result = resolveBaseImage("registry.access.redhat.com/ubi9/python-311:1-77");
    expect(result.ok && result.notes).toEqual(["build tag :1-77 taken as the image itself: the catalog has no per-build facts for UBI"]);
  });

  it("never hands out the catalog's own objects for pinned references", () => {
    const pinned = resolveBaseImage("python:3.12.4-slim-bookworm");
    const canonical = resolveBaseImage("python:3.12-slim-bookworm");
    if (!pinned.ok || !canonical.ok) throw new Error("should resolve");
    expect(pinned.image).not.toBe(canonical.image);
    expect(canonical.image.python.version).toBe("3.12.14");
  });
});

describe("release-candidate images", () => {
  it("carry the pre-release as markers see it, and the release part for Requires-Python", () => {
    const result = resolveBaseImage("python:3.13-rc-slim");
    if (!result.ok) throw new Error(result.error);
    expect(result.image.python).toMatchObject({ version: "3.13.0", preRelease: "3.13.0rc3", patchKnown: true });
    expect(result.image.lifecycle).toBe("frozen");
    expect(result.image.support).toMatchObject({ endOfLife: "2024-10-01", cause: "python", successor: "python:3.13-slim-bookworm" });
    const made = makeTarget(result.image, "amd64");
    if (!made.ok) throw new Error(made.error);
    expect(made.target.pythonVersion).toBe("3.13.0");
    // packaging: python_full_version = platform.python_version(); implementation_version uses releaselevel's first letter.
    expect(markerEnvironment(made.target)).toMatchObject({ python_version: "3.13", python_full_version: "3.13.0rc3", implementation_version: "3.13.0c3" });
  });

  it("says when the pre-release may have moved on since the history read", () => {
    const result = resolveBaseImage("python:3.15-rc-slim");
    if (!result.ok) throw new Error(result.error);
    expect(result.image.python.preRelease).toBe("3.15.0rc1");
    expect(result.image.lifecycle).toBe("current");
    expect(result.image.support.endOfLife).toBeNull();
    expect(result.image.gaps).toContain("CPython pre-release: 3.15.0rc1 as of 2026-08-13, where the history read ends; a later pre-release may have been pushed since");
    expect(result.image.sizes.estimated).toBe(true);
    expect(result.image.sizes.note).toMatch(/^sizes of python:3\.14-slim-trixie/);
  });

  it("never hands out catalog objects", () => {
    const result = resolveBaseImage("python:3.14-rc-slim");
    if (!result.ok) throw new Error(result.error);
    expect(Object.isFrozen(result.image)).toBe(false);
    expect(resolveBaseImage("python:3.14-slim-trixie").ok && resolveBaseImage("python:3.14-slim-trixie")).not.toBe(result.image);
  });
});

// [reference, asOf, canonical, python, libc, resolvedFrom pattern or null]
const AS_OF: Array<[input: string, asOf: string, reference: string, python: string, libc: string, from: RegExp | null]> = [
  ["python:3.11-alpine", "2024-05-01", "python:3.11-alpine3.19", "3.11.9", "musl 1.2.4_git20230717", /^python:3\.11-alpine points at python:3\.11-alpine3\.19 as of 2024-05-01 \(docker-library\/official-images library\/python history: since 2023-12-08\)$/],
  ["python:3.11-alpine", "2024-05-22T12:00:00Z", "python:3.11-alpine3.20", "3.11.9", "musl 1.2.5", /as of 2024-05-22/],
  ["python:3.9-slim", "2021-05-01T10:00:00+02:00", "python:3.9-slim-buster", "3.9.4", "glibc 2.28", /points at python:3\.9-slim-buster as of 2021-05-01/],
  ["python:3.9-slim", "2021-09-01", "python:3.9-slim-bullseye", "3.9.7", "glibc 2.31", /since 2021-08-16/],
  ["python:3.9-slim", "2024-01-01", "python:3.9-slim-bookworm", "3.9.18", "glibc 2.36", /since 2023-06-13/],
  ["python:3.7", "2020-01-01", "python:3.7-buster", "3.7.6", "glibc 2.28", /python:3\.7 points at python:3\.7-buster as of 2020-01-01/],
  ["python:3.7", "2022-01-01", "python:3.7-bullseye", "3.7.12", "glibc 2.31", /since 2021-08-16/],
  ["python:3.7", "2018-12-01", "python:3.7-stretch", "3.7.1", "glibc 2.24", /since 2018-07-03/],
  ["python:slim", "2019-01-01", "python:3.7-slim-stretch", "3.7.2", "glibc 2.24", /python:slim points at python:3\.7-slim-stretch as of 2019-01-01/],
  ["python:latest", "2022-06-01", "python:3.10-bullseye", "3.10.4", "glibc 2.31", /as of 2022-06-01/],
  ["python:3.13-rc-slim", "2024-06-10", "python:3.13-rc-slim-bookworm", "3.13.0", "glibc 2.36", /as of 2024-06-10/],
  ["python:3.12-slim", "2026-09-19", "python:3.12-slim-trixie", "3.12.14", "glibc 2.41", /as of 2026-09-19/],
  // Canonical tags keep their OS; their CPython patch is the one pushed by then.
  ["python:3.9-slim-buster", "2021-05-01", "python:3.9-slim-buster", "3.9.4", "glibc 2.28", null],
  ["python:3.12-slim-bookworm", "2024-01-01", "python:3.12-slim-bookworm", "3.12.1", "glibc 2.36", null],
  // History not known: the catalog's date, said so.
  ["python:3.12-slim", "2020-01-01", "python:3.12-slim-trixie", "3.12.14", "glibc 2.41", /^python:3\.12-slim points at python:3\.12-slim-trixie as of 2026-09-19 \(history before that not known/],
  ["python:latest", "2017-01-01", "python:3.14-trixie", "3.14.7", "glibc 2.41", /as of 2026-09-19 \(history before that not known/],
  ["python:3.12-slim", "2030-01-01", "python:3.12-slim-trixie", "3.12.14", "glibc 2.41", /as of 2026-09-19 \(history after that not known/],
  ["ubuntu:noble", "2024-06-01", "ubuntu:24.04", "3.12", "glibc 2.39", /^ubuntu:noble is ubuntu:24\.04/],
];

describe("resolveBaseImage as of a date", () => {
  it.each(AS_OF)("%s as of %s → %s (python %s, %s)", (input, asOf, reference, python, libc, from) => {
    const result = resolveBaseImage(input, { asOf });
    if (!result.ok) throw new Error(result.error);
    expect(result.image.reference).toBe(reference);
    expect(result.image.python.version).toBe(python);
    expect(`${result.image.libc.family} ${result.image.libc.version}`).toBe(libc);
    if (from) expect(result.resolvedFrom).toMatch(from);
    else expect(result.resolvedFrom).toBeUndefined();
  });

  it("says which CPython the tag carried then, and keeps the catalog object untouched", () => {
    const dated = resolveBaseImage("python:3.11-alpine", { asOf: "2024-05-01" });
    if (!dated.ok) throw new Error(dated.error);
    expect(dated.notes).toEqual(["CPython 3.11.9 as of 2024-05-01; the catalog knows only 3.11 for the tag now"]);
    expect(dated.image.python.note).toMatch(/^the CPython python:3\.11-alpine3\.19 carried on 2024-05-01 \(pushed 2024-04-/);
    const now = resolveBaseImage("python:3.11-alpine3.19");
    expect(now.ok && now.image.python.version).toBe("3.11");
  });

  it("behaves as before without asOf, and notes a tag that did not exist yet", () => {
    expect(resolveBaseImage("python:3.12-slim")).toEqual(resolveBaseImage("python:3.12-slim", {}));
    const early = resolveBaseImage("python:3.12-slim-bookworm", { asOf: "2022-01-01" });
    expect(early.ok && early.notes).toEqual(["python:3.12-slim-bookworm was first published on 2023-10-02, after 2022-01-01; shown as it is now"]);
  });

  it("rejects an asOf that is not a date", () => {
    const result = resolveBaseImage("python:3.12-slim", { asOf: "yesterday" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe('asOf "yesterday" is not an ISO date or date-time');
  });
});
