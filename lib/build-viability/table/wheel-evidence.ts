/**
 * Projects for which the table has only wheel evidence: the first release the project's CI built
 * for each CPython minor (cpXY Linux wheels in ../shared/data/pypi/packages.jsonl.gz, up to
 * 2023-09-07). They answer "builds" from that release on, for that minor, and "unknown" otherwise.
 * Projects whose sdists need a library a distro may lack (pyogrio's GDAL, pillow-heif's libheif,
 * confluent-kafka's librdkafka) are left out on purpose: wheel evidence says nothing about those.
 */
import type { ProjectViability } from "../types";
import { wheelsFrom } from "./evidence";

const FIRST_WHEELS: readonly (readonly [name: string, pypi: string, byMinor: Readonly<Record<string, string>>])[] = [
  ["awscrt", "awscrt", { "3.9": "0.9.7", "3.10": "0.12.5", "3.11": "0.15.1" }],
  ["caio", "caio", { "3.9": "0.6.2", "3.10": "0.9.5", "3.11": "0.9.11" }],
  ["cbor2", "cbor2", { "3.9": "5.3.0", "3.10": "5.4.2.post1", "3.11": "5.4.4" }],
  ["fastavro", "fastavro", { "3.9": "1.1.0", "3.10": "1.4.7", "3.11": "1.7.0" }],
  ["geventhttpclient", "geventhttpclient", { "3.9": "1.5.0", "3.10": "1.5.0", "3.11": "2.0.1", "3.12": "2.0.10" }],
  ["h3", "h3", { "3.9": "3.7.0", "3.10": "3.7.4", "3.11": "3.7.6" }],
  ["JPype1", "jpype1", { "3.9": "1.0.1", "3.10": "1.4.0", "3.11": "1.4.1" }],
  ["ml-dtypes", "ml-dtypes", { "3.9": "0.0.2", "3.10": "0.0.2", "3.11": "0.0.2" }],
  ["murmurhash", "murmurhash", { "3.9": "1.0.3", "3.10": "1.0.6", "3.11": "1.0.8" }],
  ["optree", "optree", { "3.9": "0.1.0", "3.10": "0.1.0", "3.11": "0.3.0" }],
  ["oracledb", "oracledb", { "3.9": "1.0.0", "3.10": "1.0.0", "3.11": "1.2.0" }],
  ["reportlab", "reportlab", { "3.9": "3.5.54", "3.10": "3.6.2", "3.11": "3.6.12" }],
  ["scikit-image", "scikit-image", { "3.9": "0.18.0", "3.10": "0.19.0", "3.11": "0.20.0" }],
  ["sentencepiece", "sentencepiece", { "3.9": "0.1.94", "3.10": "0.1.96", "3.11": "0.1.98" }],
  ["setproctitle", "setproctitle", { "3.9": "1.2", "3.10": "1.2.3", "3.11": "1.3.2" }],
  ["spacy", "spacy", { "3.9": "2.3.3", "3.10": "2.3.8", "3.11": "2.3.8" }],
  ["tornado", "tornado", { "3.9": "6.1" }],
  ["zopfli", "zopfli", { "3.9": "0.1.7", "3.10": "0.1.9", "3.11": "0.2.2" }],
];

export const WHEEL_EVIDENCE: readonly ProjectViability[] = FIRST_WHEELS.map(([name, pypi, byMinor]) => ({
  name,
  python: Object.entries(byMinor)
    .sort(([a], [b]) => Number(a.split(".")[1]) - Number(b.split(".")[1]))
    .map(([python, version]) => wheelsFrom(pypi, python, version)),
  breakages: [],
}));
