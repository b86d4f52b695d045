import { describe, expect, it } from "vitest";
import type { ProjectResult } from "@/lib/index";
import { listBaseImages } from "@/lib/targets";
import { analyze } from "./analyze";

// Every image in the catalog, on both archs, yields a target the engine can work with: no catalog
// value (an odd libc version string, a Python without a patch level) may break an analysis.

const SIX: ProjectResult = {
  ok: true,
  page: {
    name: "six",
    versions: null,
    apiVersion: "1.0",
    fetchedFrom: "network",
    files: [
      { filename: "six-1.16.0-py2.py3-none-any.whl", url: "https://files.example/six-1.16.0-py2.py3-none-any.whl", hashes: {}, requiresPython: ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*", yanked: false, size: 11_053, uploadTime: null, coreMetadata: false },
    ],
  },
};

const SIX_ONLY = {
  getProject: async () => SIX,
  getCoreMetadata: async () => ({ ok: true as const, metadata: { name: "six", version: "1.16.0", requiresDist: [], requiresPython: null, providesExtra: [] }, source: "pep658" as const }),
};

describe.each(["amd64", "arm64"] as const)("every catalog image on %s", (arch) => {
  const images = listBaseImages().map((image) => image.reference);

  it.each(images)("%s", async (reference) => {
    const result = await analyze({ requirements: "six\n", bases: [reference], arch }, { index: SIX_ONLY, indexHost: "test" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { targets, errors } = result.report;
    // Either the image exists for this arch and six installs from its universal wheel, or the report says why not.
    if (targets.length === 1) expect(targets[0]?.packages[0]).toMatchObject({ status: "wheel", tag: "py3-none-any" });
    else expect(errors).toMatchObject([{ subject: reference, message: expect.stringContaining(arch) }]);
  });
});
