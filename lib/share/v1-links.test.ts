import { describe, expect, it } from "vitest";
import { buildHostFromEmulated, requestParameters, type AnalyzeRequest } from "@/lib/contract/request";
import { decodeShareState } from "./decode";
import fixtures from "./fixtures/v1-links.json";
import { encodeShareState, requestFor, type ShareState } from "./state";

// Links people already hold: made by the v1 encoder (one arch, an "emulated" switch) and stored as
// text, so a change to the request contract or to decoding that would stop one opening, or open it
// to another analysis, fails here.

/** The v1 state as the encoder held it. */
interface V1State {
  requirements: string;
  bases: string[];
  arch: "amd64" | "arm64";
  noDeps: boolean;
  estimate: { cores: number; networkMBps: number; cache: "cold" | "warm"; emulated: boolean };
  asOf: string | null;
}

const links = fixtures.links as unknown as { name: string; link: string; state: V1State; request: AnalyzeRequest }[];

/** What a v1 state means today: its one arch, and the build host the switch described (see buildHostFromEmulated). */
function today(v1: V1State): ShareState {
  const { emulated, ...estimate } = v1.estimate;
  return { requirements: v1.requirements, bases: v1.bases, archs: [v1.arch], noDeps: v1.noDeps, estimate: { ...estimate, buildHost: buildHostFromEmulated(emulated) }, asOf: v1.asOf };
}

describe("v1 share links made before several architectures", () => {
  it.each(links.map((fixture) => [fixture.name, fixture] as const))("%s: opens to the same analysis", (_, fixture) => {
    const decoded = decodeShareState(fixture.link);
    expect(decoded).toEqual({ ok: true, state: today(fixture.state) });
    if (!decoded.ok) return;
    // The request it makes now and the one it made then have the same parameters once defaults apply.
    const { requirements, ...now } = requestFor(decoded.state);
    const { requirements: then, ...old } = fixture.request;
    expect(requirements).toBe(then);
    expect(requestParameters(now)).toEqual(requestParameters(old));
    expect(requestParameters(now).archs).toEqual([fixture.state.arch]);
  });

  it.each(links.map((fixture) => [fixture.name, fixture] as const))("%s: sharing it again gives a v2 link that opens to the same state", (_, fixture) => {
    const encoded = encodeShareState(today(fixture.state));
    expect(encoded).toMatchObject({ ok: true, param: expect.stringMatching(/^v2\./) });
    if (encoded.ok) expect(decodeShareState(encoded.param)).toEqual({ ok: true, state: today(fixture.state) });
  });

  it("the old switch keeps its meaning: emulated was arm64 built on an amd64 host, otherwise nothing emulated", () => {
    expect(buildHostFromEmulated(true)).toBe("ci-amd64");
    expect(buildHostFromEmulated(false)).toBe("native");
    const emulated = links.find((l) => l.state.estimate.emulated);
    expect(emulated && decodeShareState(emulated.link)).toMatchObject({ ok: true, state: { archs: ["arm64"], estimate: { buildHost: "ci-amd64" } } });
  });
});
