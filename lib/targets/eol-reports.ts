import type { Arch } from "./types";

// Size readings for end-of-life python: tags that the shared data does not cover: docker-library/repo-info
// repos/python/remote/<tag>.md at commit 72e4be79 (reports of 2023-01-24 builds). Remote reports give the
// compressed size per platform ("Total Size"); repo-info has no local (uncompressed) report of these tags,
// so the uncompressed size is estimated with python-images.json's own rule (× 2.735, the local/remote ratio
// of the 3.12 and 3.14 slim-bookworm reports). Tags not listed here have no published size at hand: the
// catalog leaves their sizes empty and says "size unknown".

export interface EolReport {
  tag: string;
  /** CPython of the reported build (older than the tag's last push). */
  pythonVersion: string;
  /** The report's platform list. */
  platforms: readonly string[];
  compressedBytes: Partial<Record<Arch, number>>;
  built: string;
  source: string;
}

const REMOTE_2023 = "docker-library/repo-info repos/python/remote";

export const EOL_UNCOMPRESSED_RATIO = 2.735;

export const EOL_REPORTS: ReadonlyMap<string, EolReport> = new Map(
  (
    [
      {
        tag: "python:3.7-slim-buster",
        pythonVersion: "3.7.16",
        platforms: ["linux/amd64", "linux/arm/v7", "linux/arm64/v8", "linux/386"],
        compressedBytes: { amd64: 43_785_201, arm64: 42_467_043 },
        built: "2023-01-24",
        source: `${REMOTE_2023}/3.7-slim-buster.md @72e4be79`,
      },
      {
        tag: "python:3.8-slim-buster",
        pythonVersion: "3.8.16",
        platforms: ["linux/amd64", "linux/arm/v7", "linux/arm64/v8", "linux/386"],
        compressedBytes: { amd64: 44_382_349, arm64: 43_032_483 },
        built: "2023-01-24",
        source: `${REMOTE_2023}/3.8-slim-buster.md @72e4be79`,
      },
      {
        tag: "python:3.9-slim-buster",
        pythonVersion: "3.9.16",
        platforms: ["linux/amd64", "linux/arm/v7", "linux/arm64/v8", "linux/386"],
        compressedBytes: { amd64: 44_660_887, arm64: 43_314_482 },
        built: "2023-01-24",
        source: `${REMOTE_2023}/3.9-slim-buster.md @72e4be79`,
      },
      {
        tag: "python:3.10-slim-buster",
        pythonVersion: "3.10.9",
        platforms: ["linux/amd64", "linux/arm/v7", "linux/arm64/v8", "linux/386"],
        compressedBytes: { amd64: 45_291_857, arm64: 43_931_801 },
        built: "2023-01-24",
        source: `${REMOTE_2023}/3.10-slim-buster.md @72e4be79`,
      },
      {
        tag: "python:3.11-slim-buster",
        pythonVersion: "3.11.1",
        platforms: ["linux/amd64", "linux/arm/v7", "linux/arm64/v8", "linux/386"],
        compressedBytes: { amd64: 45_751_204, arm64: 44_392_895 },
        built: "2023-01-24",
        source: `${REMOTE_2023}/3.11-slim-buster.md @72e4be79`,
      },
    ] satisfies EolReport[]
  ).map((report) => [report.tag, report]),
);
