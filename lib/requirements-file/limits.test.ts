import { describe, expect, it } from "vitest";
import { requirementsTooLarge, MAX_REQUIREMENTS_BYTES } from "./limits";

describe("requirementsTooLarge", () => {
  it("counts UTF-8 bytes as Buffer does, without Buffer (it also runs in the browser)", () => {
    for (const text of ["abc", "é", "€", "😀", "a😀é€\n", "\ud800"]) {
      const fill = "x".repeat(MAX_REQUIREMENTS_BYTES - Buffer.byteLength(text, "utf8"));
      expect(requirementsTooLarge(fill + text)).toBeNull();
      expect(requirementsTooLarge(`${fill}${text}x`)).toMatch(/at most 256 KB/);
    }
  });
});
