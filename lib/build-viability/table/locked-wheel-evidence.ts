/**
 * Projects for which the table has wheel evidence from the lock-file harvest
 * (../shared/data/pypi/lockfile-releases.jsonl.gz, releases pinned by public uv/poetry/pdm lock
 * files, 2021–2026, each with all its wheels): per CPython minor, the oldest harvested release with
 * a manylinux/musllinux cpXY wheel, i.e. the project's CI built that release from source there.
 * They answer "builds" from that release on, for that minor, and "unknown" otherwise. The 2023
 * snapshot (packages.jsonl.gz) has no wheel list for these projects, hence the harvest.
 *
 * Only projects whose wheels are tagged per CPython minor (not abi3) are here, and only projects
 * whose sdist needs nothing but a compiler, Rust, or what it bundles or downloads itself:
 * confluent-kafka (librdkafka) and llvmlite (one LLVM major) carry their wheel evidence together
 * with their library rows in c-extensions.ts.
 */
import type { ProjectViability } from "../types";
import { lockedWheelsFrom } from "./evidence";

const OLDEST_LOCKED_WHEELS: readonly (readonly [name: string, pypi: string, byMinor: Readonly<Record<string, string>>])[] = [
  ["brotli", "brotli", { "3.9": "1.0.9", "3.10": "1.0.9", "3.11": "1.0.9", "3.12": "1.1.0", "3.13": "1.1.0", "3.14": "1.2.0" }],
  ["chardet", "chardet", { "3.10": "7.0.1", "3.11": "7.0.1", "3.12": "7.0.1", "3.13": "7.0.1", "3.14": "7.0.1" }],
  ["contourpy", "contourpy", { "3.9": "1.0.5", "3.10": "1.0.5", "3.11": "1.0.5", "3.12": "1.1.1", "3.13": "1.3.0", "3.14": "1.3.3" }],
  ["Cython", "cython", { "3.9": "0.29.21", "3.10": "0.29.32", "3.11": "0.29.32", "3.12": "0.29.37", "3.13": "3.0.11", "3.14": "3.1.3" }],
  ["debugpy", "debugpy", { "3.9": "1.3.0", "3.10": "1.5.0", "3.11": "1.7.0", "3.12": "1.8.1", "3.13": "1.8.7", "3.14": "1.8.17" }],
  ["dulwich", "dulwich", { "3.9": "0.20.35", "3.10": "0.20.35", "3.11": "0.20.46", "3.12": "0.21.7", "3.13": "0.22.6", "3.14": "1.1.0" }],
  ["grpcio-tools", "grpcio-tools", { "3.9": "1.45.0", "3.10": "1.45.0", "3.11": "1.49.1", "3.12": "1.59.0", "3.13": "1.66.2", "3.14": "1.75.1" }],
  ["librt", "librt", { "3.9": "0.6.3", "3.10": "0.6.3", "3.11": "0.6.3", "3.12": "0.6.3", "3.13": "0.6.3", "3.14": "0.6.3" }],
  ["litellm", "litellm", { "3.10": "1.92.0", "3.11": "1.92.0", "3.12": "1.92.0", "3.13": "1.92.0", "3.14": "1.93.0" }],
  ["MarkupSafe", "markupsafe", { "3.9": "1.1.1", "3.10": "2.0.1", "3.11": "2.1.2", "3.12": "2.1.3", "3.13": "3.0.0", "3.14": "3.0.3" }],
  ["matplotlib", "matplotlib", { "3.9": "3.3.3", "3.10": "3.5.0", "3.11": "3.6.1", "3.12": "3.7.3", "3.13": "3.9.2", "3.14": "3.10.5" }],
  ["pendulum", "pendulum", { "3.9": "2.1.2", "3.10": "3.0.0", "3.11": "3.0.0", "3.12": "3.0.0", "3.13": "3.1.0" }],
  ["propcache", "propcache", { "3.9": "0.2.0", "3.10": "0.2.0", "3.11": "0.2.0", "3.12": "0.2.0", "3.13": "0.2.0", "3.14": "0.4.0" }],
  ["pymongo", "pymongo", { "3.9": "4.3.3", "3.10": "4.3.3", "3.11": "4.3.3", "3.12": "4.5.0", "3.13": "4.9.1", "3.14": "4.15.2" }],
  ["pytokens", "pytokens", { "3.9": "0.4.0", "3.10": "0.4.0", "3.11": "0.4.0", "3.12": "0.4.0", "3.13": "0.4.0", "3.14": "0.4.0" }],
  ["RapidFuzz", "rapidfuzz", { "3.9": "2.13.2", "3.10": "2.13.2", "3.11": "2.13.2", "3.12": "3.4.0", "3.13": "3.9.6", "3.14": "3.14.0" }],
  ["regex", "regex", { "3.9": "2020.9.27", "3.10": "2021.8.21", "3.11": "2022.9.11", "3.12": "2023.10.3", "3.13": "2024.9.11", "3.14": "2025.7.31" }],
  ["safetensors", "safetensors", { "3.9": "0.2.4", "3.10": "0.2.4", "3.11": "0.2.7", "3.12": "0.4.0", "3.13": "0.4.2" }],
  ["snowflake-connector-python", "snowflake-connector-python", { "3.9": "2.4.6", "3.10": "2.7.3", "3.11": "3.0.0", "3.12": "3.7.0", "3.13": "3.14.1", "3.14": "4.4.0" }],
  ["SQLAlchemy", "sqlalchemy", { "3.9": "1.3.20", "3.10": "1.4.26", "3.11": "1.4.41", "3.12": "1.4.49", "3.13": "2.0.36", "3.14": "2.0.45" }],
  ["tree-sitter", "tree-sitter", { "3.9": "0.20.4", "3.10": "0.20.4", "3.11": "0.20.4", "3.12": "0.20.4", "3.13": "0.23.2", "3.14": "0.25.2" }],
  ["uuid-utils", "uuid-utils", { "3.9": "0.6.1", "3.10": "0.6.1", "3.11": "0.6.1", "3.12": "0.6.1", "3.13": "0.15.0", "3.14": "0.15.0" }],
  ["websockets", "websockets", { "3.9": "9.0.1", "3.10": "10.1", "3.11": "10.4", "3.12": "12.0", "3.13": "13.0", "3.14": "16.0" }],
  ["wrapt", "wrapt", { "3.9": "1.13.1", "3.10": "1.13.3", "3.11": "1.14.1", "3.12": "1.16.0", "3.13": "1.17.0", "3.14": "1.17.3" }],
  ["xxhash", "xxhash", { "3.9": "3.0.0", "3.10": "3.0.0", "3.11": "3.2.0", "3.12": "3.4.1", "3.13": "3.5.0", "3.14": "3.6.0" }],
  ["zope.interface", "zope-interface", { "3.9": "5.4.0", "3.10": "5.5.0", "3.11": "5.5.0", "3.12": "6.1", "3.13": "6.4", "3.14": "8.1" }],
];

export const LOCKED_WHEEL_EVIDENCE: readonly ProjectViability[] = OLDEST_LOCKED_WHEELS.map(([name, pypi, byMinor]) => ({
  name,
  python: Object.entries(byMinor)
    .sort(([a], [b]) => Number(a.split(".")[1]) - Number(b.split(".")[1]))
    .map(([python, version]) => lockedWheelsFrom(pypi, python, version)),
  breakages: [],
}));
