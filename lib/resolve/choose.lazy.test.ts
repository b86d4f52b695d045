import { describe, expect, it } from "vitest";
import type { IndexFile } from "@/lib/index";
import { parseSpecifierSet, type SpecifierSet } from "@/lib/pep440";
import { targetTags, tagToString, type TagTarget } from "@/lib/tags";
import type { TargetTags } from "./candidates";
import { selectCandidate, type ChoicePolicy } from "./choose";
import { selectCandidateEager } from "./choose.reference.test-support";

// The lazy selection (versions visited newest first, files evaluated when reached) must give exactly
// the list the eager one gives (every file evaluated, filtered and sorted as pip does), on projects
// built to hit every rule at once: pre-releases, dev and post releases, versions equal under PEP 440
// ("1.0" and "1.0.0"), yanked files, Requires-Python, build tags, incompatible wheels, invalid
// versions, --pre, --prefer-binary, --only-binary and --no-binary.

const TARGET: TagTarget = { pythonVersion: "3.11.4", implementation: "cp", libc: { family: "glibc", version: "2.36" }, arch: "x86_64" };
const TAGS: TargetTags = { priority: new Map(targetTags(TARGET).map((tag, i) => [tagToString(tag), i] as const)), pythonFullVersion: TARGET.pythonVersion };

const VERSIONS = ["0.9", "1.0", "1.0.0", "1.0.post1", "1.1a1", "1.1b2", "1.1rc1", "1.1", "1.1.dev3", "2.0", "2.0.0rc1", "2.1.dev1", "3.0a1", "not.a.version"];
const WHEEL_TAGS = ["py3-none-any", "py2.py3-none-any", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", "cp311-abi3-manylinux_2_28_x86_64", "cp312-cp312-manylinux_2_17_x86_64", "cp311-cp311-musllinux_1_1_x86_64", "cp311-cp311-win_amd64"];
const SPECIFIERS = ["", ">=1", "<2", "==1.0", "==1.0.0", "===1.0", "==1.*", ">=1.1a1", "!=1.1", "~=1.0", ">=1,<1.1", "==2.0", ">3", "==1.1rc1", "<1.1"];
const REQUIRES_PYTHON = [null, null, null, ">=3.12", ">=3.8", "<3"];

// A small deterministic generator (mulberry32), so a failure names a seed that reproduces it.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function project(seed: number): IndexFile[] {
  const next = random(seed);
  const files: IndexFile[] = [];
  const count = 1 + Math.floor(next() * 14);
  for (let i = 0; i < count; i++) {
    const version = pick(next, VERSIONS);
    const sdist = next() < 0.3;
    const build = !sdist && next() < 0.15 ? `-${1 + Math.floor(next() * 3)}${next() < 0.5 ? "x" : ""}` : "";
    const filename = sdist ? `demo-${version}.tar.gz` : `demo-${version}${build}-${pick(next, WHEEL_TAGS)}.whl`;
    const yanked = next() < 0.2 ? (next() < 0.5 ? "broken" : "") : false;
    files.push({ filename, url: `https://files.example/${i}/${filename}`, hashes: {}, requiresPython: pick(next, REQUIRES_PYTHON), yanked, size: 1, uploadTime: null, coreMetadata: false });
  }
  return files;
}

function specifier(text: string): SpecifierSet {
  const parsed = parseSpecifierSet(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}

const POLICIES: ChoicePolicy[] = [
  { formats: ["binary", "source"], preferBinary: false, pre: false },
  { formats: ["binary", "source"], preferBinary: true, pre: false },
  { formats: ["binary", "source"], preferBinary: false, pre: true },
  { formats: ["binary"], preferBinary: false, pre: false },
  { formats: ["source"], preferBinary: true, pre: false },
];

describe("lazy selection equals the eager one", () => {
  it("on 400 generated projects × 15 specifiers × 5 policies", () => {
    let compared = 0;
    let nonEmpty = 0;
    const mismatches: { seed: number; text: string; policy: ChoicePolicy; eager: string[]; lazy: string[] }[] = [];
    const urls = (list: readonly { file: IndexFile }[]) => list.map((c) => c.file.url);
    for (let seed = 1; seed <= 400; seed++) {
      // Fresh arrays for each side keep the caches (keyed by the list) apart.
      const files = project(seed);
      for (const text of SPECIFIERS) {
        for (const policy of POLICIES) {
          const eager = selectCandidateEager(files, "demo", specifier(text), TAGS, policy);
          const lazy = selectCandidate([...files], "demo", specifier(text), TAGS, policy);
          const [e, l] = [urls(eager.applicable), urls(lazy.applicable.toArray())];
          if (e.join(" ") !== l.join(" ") || (eager.chosen?.file.url ?? null) !== (lazy.chosen?.file.url ?? null)) mismatches.push({ seed, text, policy, eager: e, lazy: l });
          compared++;
          if (e.length > 0) nonEmpty++;
        }
      }
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(compared).toBe(400 * SPECIFIERS.length * POLICIES.length);
    // The generator must make real choices, not mostly empty ones.
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  }, 60_000);

  it("reads only as far as it is asked: the newest version's files, not the old ones'", () => {
    // Each file counts the reads of its name: grouping by version reads every name once, evaluating reads it again.
    const reads = new Map<string, number>();
    const files: IndexFile[] = [];
    for (let minor = 0; minor < 200; minor++) {
      for (const tag of WHEEL_TAGS) {
        const filename = `demo-1.${minor}-${tag}.whl`;
        const file: IndexFile = { filename, url: `https://files.example/${filename}`, hashes: {}, requiresPython: null, yanked: false, size: 1, uploadTime: null, coreMetadata: false };
        files.push(
          new Proxy(file, {
            get(target, property, receiver) {
              if (property === "filename") reads.set(filename, (reads.get(filename) ?? 0) + 1);
              return Reflect.get(target, property, receiver);
            },
          }),
        );
      }
    }
    const selection = selectCandidate(files, "demo", specifier(""), TAGS, POLICIES[0] as ChoicePolicy);
    expect(selection.chosen?.file.url).toBe("https://files.example/demo-1.199-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
    const evaluated = [...reads].filter(([, count]) => count > 1).map(([name]) => name);
    expect(evaluated.length).toBe(WHEEL_TAGS.length);
    expect(evaluated.every((name) => name.startsWith("demo-1.199-"))).toBe(true);
    // Read through, the list still holds every version's compatible wheels (4 of the 7 tags fit cp311 glibc).
    expect(selection.applicable.toArray().length).toBe(200 * 4);
  });
});
