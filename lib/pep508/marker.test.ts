/**
 * Marker vectors. Expected values were generated once with Python `packaging`
 * 26.2 (`Marker(m).evaluate(env)`, `str(Marker(m))`) and written here
 * literally; no Python at test time. With extras, packaging was asked the
 * way pip asks: any(Marker(m).evaluate({**env, "extra": e}) for e in extras),
 * or extra "" for an empty list.
 */
import { describe, expect, it } from "vitest";
import { evaluateMarker, markerToString, MarkerEvaluationError, parseMarker, tryEvaluateMarker, type Marker, type MarkerEnvironment } from "./index";

// Docker-image environments: CPython 3.8/3.10/3.12/3.13 on x86_64 and aarch64,
// a 3.13 release candidate, PyPy, and an untagged build ("3.12.1+").
const ENVIRONMENTS: Record<string, MarkerEnvironment> = {
  cp38_x86_64: {"python_version": "3.8", "python_full_version": "3.8.18", "implementation_name": "cpython", "implementation_version": "3.8.18", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "6.8.0-1015-azure", "platform_version": "#15~22.04.1-Ubuntu SMP Mon Sep  2 13:35:53 UTC 2024", "os_name": "posix"},
  cp38_aarch64: {"python_version": "3.8", "python_full_version": "3.8.18", "implementation_name": "cpython", "implementation_version": "3.8.18", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "aarch64", "platform_release": "6.10.14-linuxkit", "platform_version": "#1 SMP Thu Oct 24 19:28:55 UTC 2024", "os_name": "posix"},
  cp310_x86_64: {"python_version": "3.10", "python_full_version": "3.10.15", "implementation_name": "cpython", "implementation_version": "3.10.15", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "5.15.0-122-generic", "platform_version": "#132-Ubuntu SMP Thu Aug 29 13:45:52 UTC 2024", "os_name": "posix"},
  cp310_aarch64: {"python_version": "3.10", "python_full_version": "3.10.15", "implementation_name": "cpython", "implementation_version": "3.10.15", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "aarch64", "platform_release": "6.1.0-26-cloud-arm64", "platform_version": "#1 SMP Debian 6.1.112-1 (2024-09-30)", "os_name": "posix"},
  cp312_x86_64: {"python_version": "3.12", "python_full_version": "3.12.7", "implementation_name": "cpython", "implementation_version": "3.12.7", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "6.8.0-1015-azure", "platform_version": "#15~22.04.1-Ubuntu SMP Mon Sep  2 13:35:53 UTC 2024", "os_name": "posix"},
  cp312_aarch64: {"python_version": "3.12", "python_full_version": "3.12.7", "implementation_name": "cpython", "implementation_version": "3.12.7", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "aarch64", "platform_release": "6.10.14-linuxkit", "platform_version": "#1 SMP Thu Oct 24 19:28:55 UTC 2024", "os_name": "posix"},
  cp313_x86_64: {"python_version": "3.13", "python_full_version": "3.13.0", "implementation_name": "cpython", "implementation_version": "3.13.0", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "5.15.0-122-generic", "platform_version": "#132-Ubuntu SMP Thu Aug 29 13:45:52 UTC 2024", "os_name": "posix"},
  cp313_aarch64: {"python_version": "3.13", "python_full_version": "3.13.0", "implementation_name": "cpython", "implementation_version": "3.13.0", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "aarch64", "platform_release": "6.1.0-26-cloud-arm64", "platform_version": "#1 SMP Debian 6.1.112-1 (2024-09-30)", "os_name": "posix"},
  cp313rc1_x86_64: {"python_version": "3.13", "python_full_version": "3.13.0rc1", "implementation_name": "cpython", "implementation_version": "3.13.0rc1", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "6.8.0-1015-azure", "platform_version": "#15~22.04.1-Ubuntu SMP", "os_name": "posix"},
  pypy310_x86_64: {"python_version": "3.10", "python_full_version": "3.10.14", "implementation_name": "pypy", "implementation_version": "7.3.17", "platform_python_implementation": "PyPy", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "6.8.0-1015-azure", "platform_version": "#15~22.04.1-Ubuntu SMP", "os_name": "posix"},
  cp312_untagged_x86_64: {"python_version": "3.12", "python_full_version": "3.12.1+", "implementation_name": "cpython", "implementation_version": "3.12.1", "platform_python_implementation": "CPython", "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "6.8", "platform_version": "#1", "os_name": "posix"},
};
const ENVIRONMENT_ORDER = ["cp38_x86_64", "cp38_aarch64", "cp310_x86_64", "cp310_aarch64", "cp312_x86_64", "cp312_aarch64", "cp313_x86_64", "cp313_aarch64", "cp313rc1_x86_64", "pypy310_x86_64", "cp312_untagged_x86_64"];

// [marker, extras (null = not given), one result per ENVIRONMENT_ORDER entry:
//  T = true, F = false, E = packaging raises (UndefinedComparison or KeyError)]
const EVALUATE: [string, string[] | null, string][] = [
  ["python_version >= \"3.9\"", null, "FFTTTTTTTTT"],
  ["python_version < \"3.10\"", null, "TTFFFFFFFFF"],
  ["python_version == \"3.8\"", null, "TTFFFFFFFFF"],
  ["python_version == \"3.1\"", null, "FFFFFFFFFFF"],
  ["python_version > \"3.10\"", null, "FFFFTTTTTFT"],
  ["python_version <= \"3.12\"", null, "TTTTTTFFFTT"],
  ["python_version != \"3.13\"", null, "TTTTTTFFFTT"],
  ["python_version == \"3.*\"", null, "TTTTTTTTTTT"],
  ["python_version == \"3.1*\"", null, "FFFFFFFFFFF"],
  ["python_version ~= \"3.10\"", null, "FFTTTTTTTTT"],
  ["python_version ~= \"3\"", null, "EEEEEEEEEEE"],
  ["python_version === \"3.12\"", null, "FFFFTTFFFFT"],
  ["python_version in \"3.8 3.9 3.10\"", null, "TTTTFFFFFTF"],
  ["python_version not in \"3.8, 3.9\"", null, "FFTTTTTTTTT"],
  ["python_version < \"3.10.0\"", null, "TTFFFFFFFFF"],
  ["\"3.10\" <= python_version", null, "FFTTTTTTTTT"],
  ["\"3.9\" > python_version", null, "TTFFFFFFFFF"],
  ["python_version < \"foo\"", null, "FFFFFFFFFFF"],
  ["python_version >= \"3.9.\"", null, "FFFFFFFFFFF"],
  ["python_full_version >= \"3.8.1\"", null, "TTTTTTTTTTT"],
  ["python_full_version >= \"3.13\"", null, "FFFFFFTTFFF"],
  ["python_full_version < \"3.13.0\"", null, "TTTTTTFFFTT"],
  ["python_full_version == \"3.12.1\"", null, "FFFFFFFFFFT"],
  ["python_full_version == \"3.12.1+local\"", null, "FFFFFFFFFFT"],
  ["python_full_version >= \"3.12.1\"", null, "FFFFTTTTTFT"],
  ["implementation_name == \"cpython\"", null, "TTTTTTTTTFT"],
  ["implementation_name != \"cpython\"", null, "FFFFFFFFFTF"],
  ["platform_python_implementation == \"CPython\"", null, "TTTTTTTTTFT"],
  ["python_implementation == \"PyPy\"", null, "FFFFFFFFFTF"],
  ["implementation_version >= \"3.11\"", null, "FFFFTTTTTTT"],
  ["implementation_version >= \"7\"", null, "FFFFFFFFFTF"],
  ["sys_platform == \"linux\"", null, "TTTTTTTTTTT"],
  ["sys_platform == \"win32\"", null, "FFFFFFFFFFF"],
  ["sys_platform != \"darwin\"", null, "TTTTTTTTTTT"],
  ["sys.platform == \"linux\"", null, "TTTTTTTTTTT"],
  ["platform_system == \"Linux\"", null, "TTTTTTTTTTT"],
  ["platform_system == \"linux\"", null, "FFFFFFFFFFF"],
  ["platform_machine == \"x86_64\"", null, "TFTFTFTFTTT"],
  ["platform_machine == \"aarch64\"", null, "FTFTFTFTFFF"],
  ["platform_machine in \"x86_64 AMD64\"", null, "TFTFTFTFTTT"],
  ["platform_machine not in \"arm64 aarch64\"", null, "TFTFTFTFTTT"],
  ["platform.machine == \"aarch64\"", null, "FTFTFTFTFFF"],
  ["os_name == \"posix\"", null, "TTTTTTTTTTT"],
  ["os.name == \"nt\"", null, "FFFFFFFFFFF"],
  ["os_name < \"z\"", null, "FFFFFFFFFFF"],
  ["os_name >= \"posix\"", null, "TTTTTTTTTTT"],
  ["os_name > \"nt\"", null, "FFFFFFFFFFF"],
  ["platform_release >= \"6\"", null, "FFFFFFFFFFT"],
  ["platform_release == \"6.8.0-1015-azure\"", null, "TFFFTFFFTTF"],
  ["platform_release < \"6.0\"", null, "FFFFFFFFFFF"],
  ["platform_version >= \"#1\"", null, "FFFFFFFFFFT"],
  ["\"linuxkit\" in platform_release", null, "FTFFFTFFFFF"],
  ["\"Debian\" in platform_version", null, "FFFTFFFTFFF"],
  ["os_name ~= \"posix\"", null, "EEEEEEEEEEE"],
  ["os_name === \"posix\"", null, "EEEEEEEEEEE"],
  ["\"a\" == \"b\"", null, "EEEEEEEEEEE"],
  ["\"posix\" == \"os_name\"", null, "TTTTTTTTTTT"],
  ["python_version == python_full_version", null, "FFFFFFFFFFF"],
  ["extras == \"x\"", null, "EEEEEEEEEEE"],
  ["python_version >= \"3.9\" and platform_machine == \"x86_64\"", null, "FFTFTFTFTTT"],
  ["python_version < \"3.9\" or platform_machine == \"aarch64\"", null, "TTFTFTFTFFF"],
  ["sys_platform == \"win32\" or python_version >= \"3.12\" and platform_machine == \"aarch64\"", null, "FFFFFTFTFFF"],
  ["(sys_platform == \"win32\" or python_version >= \"3.12\") and platform_machine == \"aarch64\"", null, "FFFFFTFTFFF"],
  ["implementation_name == \"pypy\" or (python_version < \"3.10\" and platform_machine != \"aarch64\")", null, "TFFFFFFFFTF"],
  ["python_version < \"3.9\" or os_name ~= \"posix\"", null, "EEEEEEEEEEE"],
  ["extra == \"test\"", null, "FFFFFFFFFFF"],
  ["extra == \"test\"", [], "FFFFFFFFFFF"],
  ["extra == \"test\"", ["test"], "TTTTTTTTTTT"],
  ["extra == \"test\"", ["docs", "test"], "TTTTTTTTTTT"],
  ["extra == \"test\"", ["docs"], "FFFFFFFFFFF"],
  ["extra == \"Test_Extra\"", ["test-extra"], "TTTTTTTTTTT"],
  ["extra == \"test-extra\"", ["Test.Extra"], "TTTTTTTTTTT"],
  ["\"test\" == extra", ["TEST"], "TTTTTTTTTTT"],
  ["extra != \"test\"", ["docs"], "TTTTTTTTTTT"],
  ["extra != \"test\"", ["test"], "FFFFFFFFFFF"],
  ["extra == \"a\" and extra == \"b\"", ["a", "b"], "FFFFFFFFFFF"],
  ["python_version >= \"3.10\" and extra == \"gpu\"", ["gpu"], "FFTTTTTTTTT"],
  ["extra == \"gpu\" or platform_machine == \"x86_64\"", [], "TFTFTFTFTTT"],
  ["extra in \"a b\"", ["a"], "TTTTTTTTTTT"],
  ["extra == \"\"", null, "TTTTTTTTTTT"],
];

// [marker, str(Marker(marker))]
const TO_STRING: [string, string][] = [
  ["python_version>=\"3.9\"", "python_version >= \"3.9\""],
  ["python_version >= '3.9'", "python_version >= \"3.9\""],
  ["os.name==\"posix\"", "os_name == \"posix\""],
  ["python_implementation == \"CPython\"", "platform_python_implementation == \"CPython\""],
  ["platform.python_implementation == \"CPython\"", "platform_python_implementation == \"CPython\""],
  ["\"3.9\" <= python_version", "\"3.9\" <= python_version"],
  ["python_version>\"3\"and(os_name==\"a\"or os_name==\"b\")", "python_version > \"3\" and (os_name == \"a\" or os_name == \"b\")"],
  ["(python_version > \"3\")", "python_version > \"3\""],
  ["((python_version > \"3\"))", "python_version > \"3\""],
  ["(os_name == \"a\" and os_name == \"b\") or os_name == \"c\"", "(os_name == \"a\" and os_name == \"b\") or os_name == \"c\""],
  ["os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")", "os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")"],
  ["os_name == \"a\" or os_name == \"b\" and os_name == \"c\"", "os_name == \"a\" or os_name == \"b\" and os_name == \"c\""],
  ["extra == \"Foo_Bar\"", "extra == \"foo-bar\""],
  ["\"Foo.Bar\" == extra", "\"foo-bar\" == extra"],
  ["os_name not   in \"nt\"", "os_name not in \"nt\""],
  ["os_name in 'posix nt'", "os_name in \"posix nt\""],
  ["python_version == \"3.8\" and ( extra == \"test\" )", "python_version == \"3.8\" and extra == \"test\""],
  ["sys_platform == \"linux\" and (platform_machine == \"x86_64\" or platform_machine == \"aarch64\") and python_version < \"3.13\"", "sys_platform == \"linux\" and (platform_machine == \"x86_64\" or platform_machine == \"aarch64\") and python_version < \"3.13\""],
  ["  os_name == \"posix\"  ", "os_name == \"posix\""],
];

const INVALID: [string, string][] = [
  ["", ""],
  ["python_version", ""],
  ["python_version >=", ""],
  ["python_version = \"3.8\"", ""],
  ["python_version >= 3.8", ""],
  ["python_ver >= \"3.8\"", ""],
  ["platform.release == \"5\"", ""],
  ["python_version >= \"3.8\" && os_name == \"posix\"", ""],
  ["python_version >= \"3.8\" AND os_name == \"posix\"", ""],
  ["(python_version >= \"3.8\"", ""],
  ["python_version >= \"3.8\")", ""],
  ["python_version >= \"3.8", ""],
  ["os_name notin \"nt\"", ""],
  ["os_name not\"nt\"", ""],
  ["os_name is \"posix\"", ""],
  ["os_name == \"posix\" and", ""],
  ["os_name == \"posix\" or or os_name == \"nt\"", ""],
  ["os_name == \"a\\\"", ""],
  ["os_name == 'a\nb'", ""],
  ["os_name =< \"x\"", ""],
  ["os_name <> \"x\"", ""],
  ["python_version >= \"3.8\";", ""],
  ["os_name == \"posix\" andx == \"1\"", ""],
  ["Python_Version >= \"3\"", ""],
];

function parsed(text: string): Marker {
  const result = parseMarker(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function outcome(marker: Marker, env: MarkerEnvironment, extras: string[] | null): string {
  try {
    return evaluateMarker(marker, env, extras ?? undefined) ? "T" : "F";
  } catch (error) {
    if (error instanceof MarkerEvaluationError) return "E";
    throw error;
  }
}

describe("evaluateMarker", () => {
  it.each(EVALUATE)("%s (extras %j)", (text, extras, expected) => {
    const marker = parsed(text);
    const results = ENVIRONMENT_ORDER.map((name) => outcome(marker, ENVIRONMENTS[name] as MarkerEnvironment, extras)).join("");
    expect(results).toBe(expected);
  });

  it("uses env.extra only when no extras are given", () => {
    const env = { ...(ENVIRONMENTS.cp312_x86_64 as MarkerEnvironment), extra: "Test" };
    const marker = parsed('extra == "test"');
    expect(evaluateMarker(marker, env)).toBe(true);
    expect(evaluateMarker(marker, env, [])).toBe(false);
    expect(evaluateMarker(marker, env, ["docs"])).toBe(false);
  });

  // PEP 685 says extras compare normalised. packaging 26.2 normalises only
  // top-level comparisons, so there `(extra == "Foo_Bar")` is false for the
  // extra "foo-bar"; we follow the PEP (deliberate difference).
  it("normalises extra names inside brackets too", () => {
    const env = ENVIRONMENTS.cp312_x86_64 as MarkerEnvironment;
    expect(evaluateMarker(parsed('(extra == "Foo_Bar")'), env, ["foo-bar"])).toBe(true);
    expect(evaluateMarker(parsed('os_name == "posix" and (extra == "Foo.Bar")'), env, ["FOO_BAR"])).toBe(true);
    expect(markerToString(parsed('(extra == "Foo_Bar")'))).toBe('extra == "foo-bar"');
  });

  it("reports an undefined comparison as a value through tryEvaluateMarker", () => {
    const env = ENVIRONMENTS.cp312_x86_64 as MarkerEnvironment;
    expect(tryEvaluateMarker(parsed('os_name ~= "posix"'), env)).toEqual({
      ok: false,
      error: 'Cannot evaluate os_name ~= "posix": "~=" compares versions, and "~=posix" is not a version comparison that applies here',
    });
    expect(tryEvaluateMarker(parsed('extras == "x"'), env)).toEqual({
      ok: false,
      error: 'Cannot evaluate extras == "x": "extras" is only defined when evaluating lock files (PEP 751)',
    });
    expect(tryEvaluateMarker(parsed('os_name == "posix"'), env)).toEqual({ ok: true, value: true });
  });
});

describe("markerToString", () => {
  it.each(TO_STRING)("%j", (text, expected) => {
    expect(markerToString(parsed(text))).toBe(expected);
  });

  // packaging prints ((a or b)) and c as "a or b and c", which changes its
  // meaning; we keep one pair of brackets (deliberate difference).
  it("keeps the brackets of a doubly bracketed group", () => {
    expect(markerToString(parsed('((os_name == "a" or os_name == "b")) and os_name == "c"'))).toBe(
      '(os_name == "a" or os_name == "b") and os_name == "c"',
    );
  });

  // packaging prints os_name == 'it"s' as os_name == "it"s", which does not
  // parse back; we switch quotes or escape instead (deliberate difference).
  it("round-trips values that need other quotes or escapes", () => {
    for (const text of ["os_name == 'it\"s'", 'os_name == "tab\\there"', "os_name == 'a\\\\b'"]) {
      const once = markerToString(parsed(text));
      expect(markerToString(parsed(once))).toBe(once);
    }
  });
});

describe("parseMarker", () => {
  it.each(INVALID)("rejects %j", (text) => {
    expect(parseMarker(text).ok).toBe(false);
  });

  it.each([
    ["python_version = \"3.8\"", 'did you mean "=="?'],
    ["python_version >= 3.8", 'Marker values must be quoted — did you mean "3.8"?'],
    ["python_ver >= \"3.8\"", "Unknown marker variable \"python_ver\" — did you mean python_version?"],
    ["Python_Version >= \"3\"", "did you mean python_version?"],
    ["python_version >= \"3.8\" && os_name == \"posix\"", 'Use "and" instead of "&&" to combine markers (column 25)'],
    ["(python_version >= \"3.8\"", 'Missing ")" to close the "(" at column 1'],
    ["os_name is \"posix\"", 'did you mean "=="?'],
    ["os_name not\"nt\"", 'Expected a space after "not"'],
    ["", "but the text ends here (column 1)"],
  ])("explains %j", (text, fragment) => {
    const result = parseMarker(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(fragment);
  });

  it("decodes escapes in quoted values like Python's literal_eval", () => {
    const marker = parsed("os_name == '\\x70osix'");
    expect(evaluateMarker(marker, ENVIRONMENTS.cp312_x86_64 as MarkerEnvironment)).toBe(true);
  });
});
