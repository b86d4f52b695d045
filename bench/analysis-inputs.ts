// Inputs shared by the analysis benchmarks: the bench's 12 images and requirements files of real names.
import { REQUIREMENTS_CORPUS } from "@/e2e/fixtures/requirements-corpus";

export const BENCH_BASES = [
  "python:3.12-slim-bookworm", "python:3.12-bookworm", "python:3.12-alpine3.20", "python:3.13-slim-trixie",
  "python:3.13-alpine3.22", "python:3.11-slim-bookworm", "python:3.11-alpine3.19", "python:3.10-bookworm",
  "python:3.10-slim-bullseye", "python:3.9-slim-bookworm", "gcr.io/distroless/python3-debian13", "ubuntu:24.04",
];

/** The first `count` distinct projects of the realistic corpus, unpinned, as a team's combined file would list them. */
export function benchRequirements(count: number): string {
  const names: string[] = [];
  for (const file of REQUIREMENTS_CORPUS) {
    for (const line of file.text.split("\n")) {
      const name = line.split(/[\s;<>=~![]/)[0]?.toLowerCase();
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names.slice(0, count).join("\n");
}
