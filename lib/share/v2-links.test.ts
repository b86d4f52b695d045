import { describe, expect, it } from "vitest";
import { requestParameters, type AnalyzeRequest } from "@/lib/contract/request";
import { decodeShareState } from "./decode";
import fixtures from "./fixtures/v2-links.json";
import { encodeShareState, requestFor, type ShareState } from "./state";

// Links people already hold: made by the v2 encoder before a link could say what kind of file its
// text is (and carry extras, groups and the files given with it), stored as text. Adding the input
// must not stop one opening, open it to another analysis, or change the link made for the same state.

const links = fixtures.links as unknown as { name: string; link: string; state: ShareState; request: AnalyzeRequest }[];

describe("v2 share links made before the input's description", () => {
  it.each(links.map((fixture) => [fixture.name, fixture] as const))("%s: opens to the same state and the same request parameters", (_, fixture) => {
    const decoded = decodeShareState(fixture.link);
    expect(decoded).toEqual({ ok: true, state: fixture.state });
    if (!decoded.ok) return;
    expect(requestFor(decoded.state)).toEqual(fixture.request);
    const { requirements, ...now } = requestFor(decoded.state);
    const { requirements: then, ...old } = fixture.request;
    expect(requirements).toBe(then);
    expect(requestParameters(now)).toEqual(requestParameters(old));
    expect(requestParameters(now).input).toEqual({ kind: null, fileName: null, extras: [], groups: [], files: [] });
  });

  it.each(links.map((fixture) => [fixture.name, fixture] as const))("%s: sharing it again gives the same link", (_, fixture) => {
    expect(encodeShareState(fixture.state)).toEqual({ ok: true, param: fixture.link });
  });
});
