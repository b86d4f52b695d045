/**
 * JavaScript's `\s` (WhiteSpace and LineTerminator) as a code-unit test, for scans that replaced
 * regexes using `\s`: the same characters count, without a regex call per character.
 */
export function isWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
