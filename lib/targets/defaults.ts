// The comparison the UI starts with: one image per kind of trade-off, all buildable today.
// - python:3.12-slim-bookworm: the usual choice, measured in the data (glibc 2.36, no compiler);
// - python:3.12-bookworm: same Python and glibc with gcc and -dev packages, so sdists just build;
// - python:3.12-alpine3.24: musl, the newest Alpine docker-library builds, the case that compiles most;
// - gcr.io/distroless/python3-debian13: the smallest runtime without pip or shell. Debian 12's
//   distroless python3 was removed upstream on 2026-05-11, so Debian 13's (CPython 3.13) stands in.
export const DEFAULT_BASES: string[] = [
  "python:3.12-slim-bookworm",
  "python:3.12-bookworm",
  "python:3.12-alpine3.24",
  "gcr.io/distroless/python3-debian13",
];
