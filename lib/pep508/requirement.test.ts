/**
 * Requirement vectors. Expected values (validity, name, extras, str(specifier),
 * url, str(marker)) were generated once with Python `packaging` 26.2's
 * `Requirement` and written here literally; no Python at test time. Extras
 * are shown normalised and sorted, as Requirement.extras is here. The
 * error-message fragments are ours: packaging only decides that the input is invalid.
 */
import { describe, expect, it } from "vitest";
import { canonicalizeName, markerToString, parseRequirement, requirementToString } from "./index";

type Expected = { name: string; normalizedName: string; extras: string[]; specifier: string; url: string | null; marker: string | null };

const VALID: [string, Expected][] = [
  ["requests", {"name": "requests", "normalizedName": "requests", "extras": [], "specifier": "", "url": null, "marker": null}],
  ["Requests", {"name": "Requests", "normalizedName": "requests", "extras": [], "specifier": "", "url": null, "marker": null}],
  ["pandas[performance]>=1.5,<2 ; python_version >= \"3.9\"", {"name": "pandas", "normalizedName": "pandas", "extras": ["performance"], "specifier": "<2,>=1.5", "url": null, "marker": "python_version >= \"3.9\""}],
  ["name @ https://x/y.whl ; os_name==\"posix\"", {"name": "name", "normalizedName": "name", "extras": [], "specifier": "", "url": "https://x/y.whl", "marker": "os_name == \"posix\""}],
  ["name @ https://x/y.whl;os_name==\"posix\"", {"name": "name", "normalizedName": "name", "extras": [], "specifier": "", "url": "https://x/y.whl;os_name==\"posix\"", "marker": null}],
  ["name (>=1.0)", {"name": "name", "normalizedName": "name", "extras": [], "specifier": ">=1.0", "url": null, "marker": null}],
  ["name ( >=1.0 , <2 )", {"name": "name", "normalizedName": "name", "extras": [], "specifier": "<2,>=1.0", "url": null, "marker": null}],
  ["name[Foo_Bar, baz] (>=1,<2) ; extra == \"Foo\"", {"name": "name", "normalizedName": "name", "extras": ["baz", "foo-bar"], "specifier": "<2,>=1", "url": null, "marker": "extra == \"foo\""}],
  ["numpy==1.26.4", {"name": "numpy", "normalizedName": "numpy", "extras": [], "specifier": "==1.26.4", "url": null, "marker": null}],
  ["numpy===1.0", {"name": "numpy", "normalizedName": "numpy", "extras": [], "specifier": "===1.0", "url": null, "marker": null}],
  ["numpy===", {"name": "numpy", "normalizedName": "numpy", "extras": [], "specifier": "===", "url": null, "marker": null}],
  ["numpy>=1.0,", {"name": "numpy", "normalizedName": "numpy", "extras": [], "specifier": ">=1.0", "url": null, "marker": null}],
  ["numpy>=1.0,;os_name==\"a\"", {"name": "numpy", "normalizedName": "numpy", "extras": [], "specifier": ">=1.0", "url": null, "marker": "os_name == \"a\""}],
  ["name; os_name==\"a\"and os_name==\"b\"", {"name": "name", "normalizedName": "name", "extras": [], "specifier": "", "url": null, "marker": "os_name == \"a\" and os_name == \"b\""}],
  ["foo_", {"name": "foo_", "normalizedName": "foo-", "extras": [], "specifier": "", "url": null, "marker": null}],
  ["name[]", {"name": "name", "normalizedName": "name", "extras": [], "specifier": "", "url": null, "marker": null}],
  ["name[ ]", {"name": "name", "normalizedName": "name", "extras": [], "specifier": "", "url": null, "marker": null}],
  ["name[a_b]", {"name": "name", "normalizedName": "name", "extras": ["a-b"], "specifier": "", "url": null, "marker": null}],
  ["django >= 4.2, < 5.0 ; python_version >= \"3.10\" and platform_machine == \"x86_64\"", {"name": "django", "normalizedName": "django", "extras": [], "specifier": "<5.0,>=4.2", "url": null, "marker": "python_version >= \"3.10\" and platform_machine == \"x86_64\""}],
  ["torch==2.1.0+cpu", {"name": "torch", "normalizedName": "torch", "extras": [], "specifier": "==2.1.0+cpu", "url": null, "marker": null}],
  ["torch==2.1.0+cpu ; sys_platform == \"linux\"", {"name": "torch", "normalizedName": "torch", "extras": [], "specifier": "==2.1.0+cpu", "url": null, "marker": "sys_platform == \"linux\""}],
  ["uvicorn[standard]", {"name": "uvicorn", "normalizedName": "uvicorn", "extras": ["standard"], "specifier": "", "url": null, "marker": null}],
  ["psycopg[binary,pool]>=3.1", {"name": "psycopg", "normalizedName": "psycopg", "extras": ["binary", "pool"], "specifier": ">=3.1", "url": null, "marker": null}],
  ["black ; python_version < \"3.13\" or implementation_name != \"cpython\"", {"name": "black", "normalizedName": "black", "extras": [], "specifier": "", "url": null, "marker": "python_version < \"3.13\" or implementation_name != \"cpython\""}],
  ["pkg; (os_name == \"a\" or os_name == \"b\") and python_version >= \"3\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "(os_name == \"a\" or os_name == \"b\") and python_version >= \"3\""}],
  ["pkg; ((os_name == \"a\"))", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "os_name == \"a\""}],
  ["pkg; os_name not  in \"nt\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "os_name not in \"nt\""}],
  ["pkg; 'linux' == sys_platform", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "\"linux\" == sys_platform"}],
  ["pkg; sys.platform == 'linux'", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "sys_platform == \"linux\""}],
  ["pkg; python_implementation == 'CPython'", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "platform_python_implementation == \"CPython\""}],
  ["pkg; extra == 'Test_Stuff'", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "extra == \"test-stuff\""}],
  ["pkg; extras == 'x'", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "extras == \"x\""}],
  ["pkg >= 1.0 ; extra == \"a\" or extra == \"b\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": ">=1.0", "url": null, "marker": "extra == \"a\" or extra == \"b\""}],
  ["pkg @ file:///tmp/x.tar.gz", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": "file:///tmp/x.tar.gz", "marker": null}],
  ["pkg @ https://x ; os_name == \"posix\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": "https://x", "marker": "os_name == \"posix\""}],
  ["pkg@https://x", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": "https://x", "marker": null}],
  ["pkg @ git+https://github.com/org/repo.git@v1.0#egg=pkg", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": "git+https://github.com/org/repo.git@v1.0#egg=pkg", "marker": null}],
  ["pkg==1.0 ;os_name==\"posix\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "==1.0", "url": null, "marker": "os_name == \"posix\""}],
  ["pkg==1.0;os_name==\"posix\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "==1.0", "url": null, "marker": "os_name == \"posix\""}],
  ["pkg==v1.0", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "==v1.0", "url": null, "marker": null}],
  ["pkg==1.0.post1.dev2", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "==1.0.post1.dev2", "url": null, "marker": null}],
  ["pkg!=1.5.*,>=1", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "!=1.5.*,>=1", "url": null, "marker": null}],
  ["pkg===foo-bar", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "===foo-bar", "url": null, "marker": null}],
  ["pkg<=1.0a1", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "<=1.0a1", "url": null, "marker": null}],
  ["pkg~=1.4.5a4", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "~=1.4.5a4", "url": null, "marker": null}],
  ["pkg>1.0 ,<2", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "<2,>1.0", "url": null, "marker": null}],
  ["  spaced-name  >=1.0  ", {"name": "spaced-name", "normalizedName": "spaced-name", "extras": [], "specifier": ">=1.0", "url": null, "marker": null}],
  ["pkg; \"a\" == \"b\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "\"a\" == \"b\""}],
  ["pkg; os_name == '\\x70osix'", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": "os_name == \"posix\""}],
  ["A.B-C_D[E.F]==1", {"name": "A.B-C_D", "normalizedName": "a-b-c-d", "extras": ["e-f"], "specifier": "==1", "url": null, "marker": null}],
  ["zope.interface>=5", {"name": "zope.interface", "normalizedName": "zope-interface", "extras": [], "specifier": ">=5", "url": null, "marker": null}],
  ["ruamel.yaml.clib", {"name": "ruamel.yaml.clib", "normalizedName": "ruamel-yaml-clib", "extras": [], "specifier": "", "url": null, "marker": null}],
  ["pkg[extra1,extra2,Extra1]", {"name": "pkg", "normalizedName": "pkg", "extras": ["extra1", "extra2"], "specifier": "", "url": null, "marker": null}],
  ["pkg == 1.0", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "==1.0", "url": null, "marker": null}],
  ["pkg>=1.0 ; python_full_version >= \"3.8.1\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": ">=1.0", "url": null, "marker": "python_full_version >= \"3.8.1\""}],
  ["pkg(>=1.0)", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": ">=1.0", "url": null, "marker": null}],
  ["pkg[a](>=1.0)", {"name": "pkg", "normalizedName": "pkg", "extras": ["a"], "specifier": ">=1.0", "url": null, "marker": null}],
  ["pkg[a] @ https://x.y/z.whl", {"name": "pkg", "normalizedName": "pkg", "extras": ["a"], "specifier": "", "url": "https://x.y/z.whl", "marker": null}],
  ["pkg (==1.0) ; os_name == \"posix\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "==1.0", "url": null, "marker": "os_name == \"posix\""}],
  ["pkg ( ) ", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": null}],
  ["pkg()", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "", "url": null, "marker": null}],
  ["pkg>=1.0,>=1.0.0,<2", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "<2,>=1.0", "url": null, "marker": null}],
  ["pkg>=1.0; python_version >= '3.8' and (os_name == 'posix' or sys_platform == 'win32') and extra == 'X'", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": ">=1.0", "url": null, "marker": "python_version >= \"3.8\" and (os_name == \"posix\" or sys_platform == \"win32\") and extra == \"x\""}],
  ["pkg>=1.0; python_version>=\"3.8\"or python_version<\"3\"", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": ">=1.0", "url": null, "marker": "python_version >= \"3.8\" or python_version < \"3\""}],
  ["cryptography>=41 ; platform_python_implementation != \"PyPy\"", {"name": "cryptography", "normalizedName": "cryptography", "extras": [], "specifier": ">=41", "url": null, "marker": "platform_python_implementation != \"PyPy\""}],
  ["scipy>=1.11.0; python_version>='3.9' and platform_machine!='armv7l'", {"name": "scipy", "normalizedName": "scipy", "extras": [], "specifier": ">=1.11.0", "url": null, "marker": "python_version >= \"3.9\" and platform_machine != \"armv7l\""}],
  ["pywin32>=306 ; sys_platform == \"win32\"", {"name": "pywin32", "normalizedName": "pywin32", "extras": [], "specifier": ">=306", "url": null, "marker": "sys_platform == \"win32\""}],
  ["numpy>=1.22.4; python_version < \"3.11\"", {"name": "numpy", "normalizedName": "numpy", "extras": [], "specifier": ">=1.22.4", "url": null, "marker": "python_version < \"3.11\""}],
  ["numpy>=1.23.2; python_version == \"3.11\"", {"name": "numpy", "normalizedName": "numpy", "extras": [], "specifier": ">=1.23.2", "url": null, "marker": "python_version == \"3.11\""}],
  ["numpy>=1.26.0; python_version >= \"3.12\"", {"name": "numpy", "normalizedName": "numpy", "extras": [], "specifier": ">=1.26.0", "url": null, "marker": "python_version >= \"3.12\""}],
  ["importlib-metadata>=4.6; python_version<\"3.10\"", {"name": "importlib-metadata", "normalizedName": "importlib-metadata", "extras": [], "specifier": ">=4.6", "url": null, "marker": "python_version < \"3.10\""}],
  ["typing_extensions>=4.0.1; python_version < \"3.11\"", {"name": "typing_extensions", "normalizedName": "typing-extensions", "extras": [], "specifier": ">=4.0.1", "url": null, "marker": "python_version < \"3.11\""}],
  ["tomli>=1.1.0; python_version < \"3.11\"", {"name": "tomli", "normalizedName": "tomli", "extras": [], "specifier": ">=1.1.0", "url": null, "marker": "python_version < \"3.11\""}],
  ["colorama; platform_system == \"Windows\"", {"name": "colorama", "normalizedName": "colorama", "extras": [], "specifier": "", "url": null, "marker": "platform_system == \"Windows\""}],
  ["uvloop!=0.15.0,!=0.15.1,>=0.14.0; (sys_platform != \"win32\" and sys_platform != \"cygwin\") and platform_python_implementation != \"PyPy\" and extra == \"standard\"", {"name": "uvloop", "normalizedName": "uvloop", "extras": [], "specifier": "!=0.15.0,!=0.15.1,>=0.14.0", "url": null, "marker": "(sys_platform != \"win32\" and sys_platform != \"cygwin\") and platform_python_implementation != \"PyPy\" and extra == \"standard\""}],
  ["pkg==1.0.*", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "==1.0.*", "url": null, "marker": null}],
  ["pkg~=3.0.0", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": "~=3.0.0", "url": null, "marker": null}],
  ["pkg>=2!1.0", {"name": "pkg", "normalizedName": "pkg", "extras": [], "specifier": ">=2!1.0", "url": null, "marker": null}],
];

// [invalid requirement, a fragment the error message must contain ("" = any message)]
const INVALID: [string, string][] = [
  ["numpy=1.2", "did you mean \"==1.2\"?"],
  ["numpy 1.2", "did you mean \"==1.2\"?"],
  ["numpy>=1.0 <2", "Expected \",\" before \"<2\""],
  ["numpy>=1.0 python_version<\"3.8\"", "Expected \";\" before the environment marker"],
  ["numpy>=1.0.*", "a \".*\" wildcard only works with == and !="],
  ["numpy~=1", "did you mean \"~=1.0\"?"],
  ["numpy==1.0abc", "\"1.0abc\" is not a valid PEP 440 version"],
  ["numpy>=1.0+local", "a local version label only works with == and !="],
  ["numpy>=1.0,,<2", "Expected another version specifier after \",\""],
  ["numpy ;", "Expected an environment marker after \";\""],
  ["numpy; python_version>\"3\"andx", "Expected \"and\", \"or\" or the end of the requirement"],
  ["foo-", "must end with a letter or digit"],
  ["foo.", "must end with a letter or digit"],
  ["café", "is not a valid package name"],
  ["foo-é", ""],
  ["name[a,]", "Expected an extra name after \",\""],
  ["name[a b]", "Expected \",\" between extra names"],
  ["name[a", "Missing \"]\""],
  ["name[_a]", "in the extras list"],
  ["name[a]b", ""],
  ["name (>=1.0", "Missing \")\" to close the \"(\" at column 6"],
  ["name (>=1.0))", ""],
  ["-e .", "is a pip option"],
  ["./local/path", "name @ file:///"],
  ["git+https://github.com/a/b.git", "write \"name @ git+https://github.com/a/b.git\""],
  ["https://example.com/pkg.whl", "for a URL write \"name @"],
  ["torch>=2.1.0+cpu", "local version label"],
  ["pkg; os_name notin \"nt\"", "Expected a comparison operator"],
  ["pkg; platform.release == '5'", "did you mean platform_release?"],
  ["pkg; python_version = \"3.8\"", "did you mean \"==\"?"],
  ["pkg; python_version >= 3.8", "did you mean \"3.8\"?"],
  ["pkg; python_ver >= \"3.8\"", "did you mean python_version?"],
  ["pkg; python_version >= \"3.8\" && os_name == \"posix\"", "Use \"and\" instead of \"&&\""],
  ["pkg; python_version >= \"3.8\" AND os_name == \"posix\"", "use \"and\", not \"AND\""],
  ["pkg; (python_version >= \"3.8\"", "Missing \")\""],
  ["pkg; python_version >= \"3.8\")", "without a matching \"(\""],
  ["pkg; python_version >= \"3.8", "never closed"],
  ["pkg @", "Expected a URL after \"@\""],
  ["pkg @ https://x ; ", "Expected an environment marker after \";\""],
  ["pkg==1.*.0", "\"*\" is only allowed as a final \".*\""],
  ["pkg^1.2", "did you mean \">=1.2,<2\"?"],
  ["pkg~1.2", "did you mean \"~=1.2\"?"],
  ["pkg=>1.2", "did you mean \">=1.2\"?"],
  ["pkg<>1.2", "did you mean \"!=1.2\"?"],
  ["pkg>=1.0;python_version>=\"3.8\";os_name==\"posix\"", "Only one \";\" is allowed"],
  ["pkg; os_name == \"posix\" ;", "Only one \";\" is allowed"],
  ["pkg==1.0 extra", "Expected \";\" before the environment marker"],
  ["pkg==1.0 == 2.0", "Expected \",\" before \"== 2.0\""],
  ["", "the requirement is empty"],
  ["   ", "the requirement is empty"],
  ["pkg @ https://x os_name == \"posix\"", "Expected \";\" before the environment marker after the URL"],
  ["pkg[a] [b]", ""],
  ["numpy=", "no version follows"],
  ["pkg; os_name == \"a\\\"", "never ends"],
  ["pkg; extra == 'x' extra == 'y'", "Expected \"and\", \"or\""],
  ["pkg; os_name in", "but the text ends here"],
  ["Django>=4.2<5", "\"4.2<5\" is not a valid PEP 440 version"],
  ["pkg>=1.0,<", "there is no version after \"<\""],
];

// Single-character edits of VALID rows: [text, packaging accepts it]
const EDITED: [string, boolean][] = [
  ["pkg ([ ) ", false],
  ["requets", true],
  ["p0kg>=2!1.0", true],
  ["name (>=1.0-)", false],
  ["pkg[a] @ https://x.y/z.[whl", true],
  ["p'kg; extra == 'Test_Stuff'", false],
  ["pg==1.0.*", true],
  ["A.BC_D[E.F]==1", true],
  ["pkg; os_name not  in *\"nt\"", false],
  ["nump>=1.0,", true],
  ["zope.int,erface>=5", false],
  ["pkg; ((os_name == \"a\")", false],
  ["pg[extra1,extra2,Extra1]", true],
  ["pkg>=1.0; python_*version >= '3.8' and (os_name == 'posix' or sys_platform == 'win32') and extra == 'X'", false],
  ["foo_a", true],
  ["pkg; (;(os_name == \"a\"))", false],
  ["name[a_b", false],
  ["cryptgraphy>=41 ; platform_python_implementation != \"PyPy\"", true],
  ["numpy>=1.23..2; python_version == \"3.11\"", false],
  ["pkg; (os_nae == \"a\" or os_name == \"b\") and python_version >= \"3\"", false],
  ["django >= 4.2, < 5.0 ;python_version >= \"3.10\" and platform_machine == \"x86_64\"", true],
  ["_name (>=1.0)", false],
  ["pk>=2!1.0", true],
  ["co-lorama; platform_system == \"Windows\"", true],
  ["ruamel.'yaml.clib", false],
  ["name (>=1.0_)", false],
  ["pywin32>=306 ; sys_platform == \"win32", false],
  ["numpya>=1.0,", true],
  ["  spaced-name ] >=1.0  ", false],
  ["c0olorama; platform_system == \"Windows\"", true],
  ["]pkg===foo-bar", false],
  ["pkg; sys.platf;orm == 'linux'", false],
  ["pkg=,=v1.0", false],
  ["name @ https://x/y.whl ;os_name==\"posix\"", true],
  ["pkg>=1.0 ; python_full_version <>= \"3.8.1\"", false],
  ["toml<i>=1.1.0; python_version < \"3.11\"", false],
  ["numpy>=1.0,;os_name==\"a\"~", false],
  ["typing_extensions>=4.0.=1; python_version < \"3.11\"", false],
  ["uvicorn[[standard]", false],
  ["pkg @file:///tmp/x.tar.gz", true],
  ["pk,g>=2!1.0", false],
  ["pkg[a]@ https://x.y/z.whl", true],
  ["pkg==1.0 ;os_name==~\"posix\"", false],
  ["pkg @ git>+https://github.com/org/repo.git@v1.0#egg=pkg", true],
  ["nme[a_b]", true],
  ["pkg==1.0 ;os_name==\"po*six\"", true],
  ["pkg[] @ https://x.y/z.whl", true],
  ["A.B-CD[E.F]==1", true],
  ["pkg@https://", true],
  ["pkg>=2!,1.0", false],
  ["pkg@http1s://x", true],
  ["nupy===", true],
  ["pkg; sys.platform == 'linux['", true],
  ["pkg)", false],
  ["numpy>=1.26.0; python_ve\"rsion >= \"3.12\"", false],
  ["pkg>=1.0,>=1.0.0,<", false],
  ["nump>=1.23.2; python_version == \"3.11\"", true],
  ["name @ https://x/y.whl ; os_name==\"poix\"", true],
  ["pkg(>=1.'0)", false],
  ["colorama; platform_system == \"Windws\"", true],
];

// [name, packaging.utils.canonicalize_name(name)]
const NAMES: [string, string][] = [
  ["Django", "django"],
  ["oslo.concurrency", "oslo-concurrency"],
  ["requests", "requests"],
  ["Foo.Bar__baz", "foo-bar-baz"],
  ["A-_.-B", "a-b"],
  ["zope.interface", "zope-interface"],
  ["ruamel.yaml.clib", "ruamel-yaml-clib"],
  ["PyYAML", "pyyaml"],
  ["typing_extensions", "typing-extensions"],
  ["scikit-learn", "scikit-learn"],
  ["Scikit_Learn", "scikit-learn"],
  ["a...b", "a-b"],
  ["-leading", "-leading"],
  ["trailing_", "trailing-"],
  ["Pillow", "pillow"],
  ["mxnet-cu118", "mxnet-cu118"],
];

describe("parseRequirement", () => {
  it.each(VALID)("%j", (text, expected) => {
    const result = parseRequirement(text);
    if (!result.ok) throw new Error(result.error);
    const { name, normalizedName, extras, specifier, url, marker } = result.value;
    expect({ name, normalizedName, extras, specifier: specifier.text, url, marker: marker && markerToString(marker) }).toEqual(expected);
  });

  it.each(INVALID)("rejects %j", (text, fragment) => {
    const result = parseRequirement(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(fragment);
  });

  it.each(EDITED)("%j valid: %s", (text, valid) => {
    expect(parseRequirement(text).ok).toBe(valid);
  });

  it("points at the mistake with a column", () => {
    expect(parseRequirement("numpy=1.2")).toEqual({
      ok: false,
      error: 'Expected a version specifier after "numpy", found "=1.2": PEP 440 has no "=" operator — did you mean "==1.2"? (column 6)',
    });
  });

  it("prints like packaging's str(Requirement)", () => {
    for (const [text, printed] of [
      ['name[Foo_Bar, baz] (>=1,<2) ; extra == "Foo"', 'name[baz,foo-bar]<2,>=1; extra == "foo"'],
      ["pkg @ https://x ; os_name == 'posix'", 'pkg @ https://x ; os_name == "posix"'],
      ["  spaced-name  >=1.0  ", "spaced-name>=1.0"],
    ] as const) {
      const result = parseRequirement(text);
      if (!result.ok) throw new Error(result.error);
      expect(requirementToString(result.value)).toBe(printed);
    }
  });
});

describe("canonicalizeName", () => {
  it.each(NAMES)("%j → %j", (name, expected) => {
    expect(canonicalizeName(name)).toBe(expected);
  });
});
