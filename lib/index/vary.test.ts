import { describe, expect, it } from "vitest";
import { selectingHeaders, varyMatches, varyNames } from "./vary";

const JSON_ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

describe("varyNames", () => {
  it.each<[string | undefined, string[] | "*"]>([
    [undefined, []],
    ["", []],
    ["Accept", ["accept"]],
    ["Accept-Encoding, Accept", ["accept-encoding", "accept"]],
    [" accept ,, ACCEPT ", ["accept"]],
    ["*", "*"],
    ["Accept, *", "*"],
  ])("%j → %j", (vary, expected) => {
    expect(varyNames(vary === undefined ? {} : { vary })).toEqual(expected);
  });
});

describe("a stored response answers a request only when the headers its Vary names match (RFC 9111 §4.1)", () => {
  // [what, response Vary, request it was stored for, later request, reusable]
  it.each<[string, string | undefined, Record<string, string>, Record<string, string>, boolean]>([
    ["no Vary: any request", undefined, { accept: "text/html" }, { accept: JSON_ACCEPT }, true],
    ["Vary: Accept, same Accept", "Accept", { accept: JSON_ACCEPT }, { accept: JSON_ACCEPT }, true],
    ["Vary: Accept, JSON stored, HTML asked", "Accept", { accept: JSON_ACCEPT }, { accept: "text/html" }, false],
    ["Vary: Accept, HTML stored, JSON asked", "Accept", { accept: "text/html" }, { accept: JSON_ACCEPT }, false],
    ["Vary names are case-insensitive", "ACCEPT", { accept: "text/html" }, { accept: "text/html" }, true],
    ["whitespace around list commas is normalised", "Accept", { accept: "a/b,c/d" }, { accept: "a/b , c/d" }, true],
    ["Vary: *, same request", "*", { accept: "text/html" }, { accept: "text/html" }, false],
    ["Vary: Accept, *", "Accept, *", { accept: "text/html" }, { accept: "text/html" }, false],
    ["Vary: Authorization, same credentials", "Authorization", { authorization: "Basic dTpw" }, { authorization: "Basic dTpw" }, true],
    ["Vary: Authorization, other credentials", "Authorization", { authorization: "Basic dTpw" }, { authorization: "Basic eDp5" }, false],
    ["Vary: Authorization, credentials then none", "Authorization", { authorization: "Basic dTpw" }, {}, false],
    ["Vary: Authorization, none then credentials", "Authorization", {}, { authorization: "Basic dTpw" }, false],
    ["Vary: Authorization, none both times", "Authorization", {}, {}, true],
    ["Vary: User-Agent, another client", "User-Agent", { "user-agent": "basewise" }, { "user-agent": "pip/24.0" }, false],
    ["Vary: Accept-Encoding, never sent by either", "Accept-Encoding", { accept: "text/html" }, { accept: JSON_ACCEPT }, true],
  ])("%s", (_, vary, storedFor, later, reusable) => {
    const headers: Record<string, string> = vary === undefined ? {} : { vary };
    const varying = selectingHeaders(headers, storedFor);
    if (varying === null) {
      expect(vary).toContain("*");
      expect(reusable).toBe(false);
      return;
    }
    expect(varyMatches({ headers, varying }, later)).toBe(reusable);
  });

  it("records only the headers Vary names, and credentials only as a digest", () => {
    const varying = selectingHeaders({ vary: "Accept, Authorization" }, { accept: "text/html", authorization: "Basic dTpw", "user-agent": "basewise" });
    expect(varying).toEqual({ accept: "text/html", authorization: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(JSON.stringify(varying)).not.toContain("dTpw");
  });

  it("Vary: * records nothing: the response is not to be stored", () => {
    expect(selectingHeaders({ vary: "*" }, { accept: "text/html" })).toBeNull();
  });
});
