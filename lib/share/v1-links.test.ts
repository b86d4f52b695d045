import { describe, expect, it } from "vitest";
import { decodeShareState } from "./decode";
import fixtures from "./fixtures/v1-links.json";
import { encodeShareState, requestFor, type ShareState } from "./state";

// Links people already hold: made by the v1 encoder and stored as text, so a change to the request
// contract or to decoding that would stop one opening, or open it differently, fails here.

const links = fixtures.links as { name: string; link: string; state: ShareState; request: unknown }[];

describe("v1 share links made before the request contract", () => {
  it.each(links.map((fixture) => [fixture.name, fixture] as const))("%s: opens to the same state and the same API request", (_, fixture) => {
    const decoded = decodeShareState(fixture.link);
    expect(decoded).toEqual({ ok: true, state: fixture.state });
    if (!decoded.ok) return;
    expect(requestFor(decoded.state)).toEqual(fixture.request);
  });

  it.each(links.map((fixture) => [fixture.name, fixture] as const))("%s: encoding the state again gives the same link", (_, fixture) => {
    expect(encodeShareState(fixture.state)).toEqual({ ok: true, param: fixture.link });
  });
});
