import { describe, expect, it } from "vitest";
import { reportJsonSchema } from "@/lib/contract/report";
import { schemaCommand } from "@/lib/cli/schema-command";
import { GET } from "./route";

// GET /api/schema and `basewise schema` publish the same document: the report contract as JSON Schema.

function get(headers: Record<string, string> = {}) {
  return GET(new Request("http://localhost/api/schema", { headers }));
}

describe("GET /api/schema", () => {
  it("serves the report's JSON Schema, byte for byte what `basewise schema` prints", async () => {
    const response = get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/schema+json; charset=utf-8");
    const body = await response.text();
    let printed = "";
    expect(schemaCommand((text) => (printed += text))).toBe(0);
    expect(body).toBe(printed);
    expect(JSON.parse(body)).toEqual(reportJsonSchema());
    expect(JSON.parse(body)).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", title: "Basewise report, schema version 5" });
  });

  it("is cacheable, and revalidates by ETag", async () => {
    const response = get();
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = get({ "if-none-match": `W/${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(get({ "if-none-match": '"something-else"' }).status).toBe(200);
  });
});
