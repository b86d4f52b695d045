"""Regenerate the literal test vectors in this folder from the real Python tools.

Run:  python3 lib/tags/vectors/generate.py   (needs packaging and pip 23.2.1 importable)

The tests never run Python; they read the files this script writes. Ground truth:
- `packaging.tags.sys_tags()` (the installed packaging, 26.2 when written), run
  inside a faked Linux interpreter: we replace the pieces sys_tags() asks the
  running system (Python version, config vars, sysconfig platform, glibc / musl
  version) and let the real generator do the rest.
- the same with pip's vendored packaging (pip 23.2.1 -> packaging 21.3), to
  record where the pip we compare against differs.
- `pip._internal.utils.compatibility_tags.get_supported()`, which is what
  `pip download --platform P --python-version X.Y --implementation cp --abi cpXY`
  uses, to prove which --platform values reproduce each target.
- `packaging.utils.parse_wheel_filename` / `parse_sdist_filename` for the filename table.
"""

from __future__ import annotations

import hashlib
import json
import sys
import types
from pathlib import Path

import packaging
import packaging.tags as ptags
import packaging._manylinux as pmany
import packaging._musllinux as pmusl
import packaging.utils as putils
import pip
import pip._vendor.packaging as vpackaging
import pip._vendor.packaging.tags as vtags
import pip._vendor.packaging._manylinux as vmany
import pip._vendor.packaging._musllinux as vmusl
from pip._internal.utils import compatibility_tags

HERE = Path(__file__).parent


def fake_sys_tags(tags_mod, many_mod, musl_mod, py, free_threaded, libc, arch):
    """list(sys_tags()) as it would run inside a Linux CPython image."""
    return in_fake_image(
        tags_mod, many_mod, musl_mod, py, free_threaded, libc, arch,
        lambda: [str(t) for t in tags_mod.sys_tags()],
    )


def abi_flags(py, free_threaded):
    """The ABI suffix of a release build: "m" (pymalloc) before 3.8, "t" for free-threaded."""
    return "m" if py < (3, 8) else ("t" if free_threaded else "")


def in_fake_image(tags_mod, many_mod, musl_mod, py, free_threaded, libc, arch, run):
    """Call run() while tags_mod believes it is CPython `py` in a Linux image."""
    family, (lmaj, lmin) = libc
    config = {
        "py_version_nodot": f"{py[0]}{py[1]}",
        "Py_DEBUG": 0,
        "Py_GIL_DISABLED": 1 if free_threaded else 0,
        # CPython < 3.8 built with pymalloc (configure's default, docker-library's
        # builds) has the "m" ABI flag: cp37m. 3.8 dropped the flag.
        "WITH_PYMALLOC": 1 if py < (3, 8) else 0,
        "EXT_SUFFIX": f".cpython-{py[0]}{py[1]}{abi_flags(py, free_threaded)}-{arch}-linux-{'gnu' if family == 'glibc' else 'musl'}.so",
    }
    saved = (
        tags_mod._get_config_var,
        tags_mod.sys,
        tags_mod.sysconfig,
        many_mod._get_glibc_version,
        musl_mod._get_musl_version,
    )
    try:
        tags_mod._get_config_var = lambda name, warn=False: config.get(name)
        tags_mod.sys = types.SimpleNamespace(
            version_info=(py[0], py[1], 0, "final", 0),
            implementation=types.SimpleNamespace(name="cpython"),
            maxunicode=0x10FFFF,
            executable=sys.executable,
        )
        tags_mod.sysconfig = types.SimpleNamespace(
            get_platform=lambda: f"linux-{arch}",
            get_config_var=lambda name: config.get(name),
        )
        if family == "glibc":
            many_mod._get_glibc_version = lambda: many_mod._GLibCVersion(lmaj, lmin)
            musl_mod._get_musl_version = lambda exe: None
        else:
            many_mod._get_glibc_version = lambda: many_mod._GLibCVersion(-1, -1)
            musl_mod._get_musl_version = lambda exe: musl_mod._MuslVersion(lmaj, lmin)
        return run()
    finally:
        (
            tags_mod._get_config_var,
            tags_mod.sys,
            tags_mod.sysconfig,
            many_mod._get_glibc_version,
            musl_mod._get_musl_version,
        ) = saved


def platforms_of(tag_list, arch):
    """The platform list, in order, from the cpXY-cpXY-* prefix of a tag list."""
    first = tag_list[0].split("-")
    prefix = f"{first[0]}-{first[1]}-"
    return [t[len(prefix):] for t in tag_list if t.startswith(prefix)]


PYTHONS = [("3.6", False), ("3.7", False), ("3.8", False), ("3.10", False), ("3.12", False), ("3.13", False), ("3.13", True), ("3.14", False), ("3.14", True)]
LIBCS = [("glibc", "2.17"), ("glibc", "2.28"), ("glibc", "2.31"), ("glibc", "2.36"), ("glibc", "2.41"), ("musl", "1.1"), ("musl", "1.2")]
ARCHS = ["x86_64", "aarch64"]
FULL = {
    ("3.7", False, "glibc", "2.28", "x86_64"),
    ("3.8", False, "glibc", "2.17", "aarch64"),
    ("3.12", False, "musl", "1.1", "x86_64"),
    ("3.13", True, "musl", "1.2", "aarch64"),
    ("3.12", False, "glibc", "2.36", "x86_64"),
}


def sha256(lines):
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def probes(py, ft, arch, tag_list):
    """Tags whose positions the tests check (index or -1)."""
    nodot = f"{py[0]}{py[1]}"
    abi = f"cp{nodot}{abi_flags(py, ft)}"
    plat0 = platforms_of(tag_list, arch)[0]
    linux = f"linux_{arch}"
    names = [
        f"cp{nodot}-{abi}-{plat0}",
        f"cp{nodot}-{abi}-{linux}",
        f"cp{nodot}-{abi}-manylinux2014_{arch}",
        f"cp{nodot}-{abi}-manylinux2010_{arch}",
        f"cp{nodot}-{abi}-manylinux1_{arch}",
        f"cp{nodot}-{abi}-manylinux_2_17_{arch}",
        f"cp{nodot}-{abi}-manylinux_2_28_{arch}",
        f"cp{nodot}-{abi}-musllinux_1_1_{arch}",
        f"cp{nodot}-abi3-{plat0}",
        f"cp{nodot}-abi3t-{plat0}",
        f"cp{nodot}-none-{plat0}",
        f"cp{nodot}-none-{linux}",
        f"cp{py[0]}{py[1] - 1}-abi3-{plat0}",
        f"cp32-abi3-{linux}",
        f"cp32-abi3t-{linux}",
        f"cp31-abi3-{linux}",
        f"py{nodot}-none-{plat0}",
        f"py3-none-{plat0}",
        f"py30-none-{linux}",
        f"cp{nodot}-none-any",
        f"py{nodot}-none-any",
        "py3-none-any",
        "py30-none-any",
        "py2-none-any",
        f"cp{nodot}-cp{nodot}-{linux}",
        f"cp{nodot}-cp{nodot}t-{linux}",
        f"cp{nodot}-cp{nodot}m-{linux}",
    ]
    return {n: (tag_list.index(n) if n in tag_list else -1) for n in names}


def target_vectors():
    rows = []
    for pyv, ft in PYTHONS:
        py = tuple(int(x) for x in pyv.split("."))
        for family, lv in LIBCS:
            libc = (family, tuple(int(x) for x in lv.split(".")))
            for arch in ARCHS:
                cur = fake_sys_tags(ptags, pmany, pmusl, py, ft, libc, arch)
                pip_in_image = in_fake_image(
                    vtags, vmany, vmusl, py, ft, libc, arch,
                    lambda: [str(t) for t in compatibility_tags.get_supported()],
                )
                plats = platforms_of(cur, arch)
                abi = f"cp{py[0]}{py[1]}{abi_flags(py, ft)}"
                pip_list = [
                    str(t)
                    for t in compatibility_tags.get_supported(
                        version=f"{py[0]}{py[1]}", platforms=plats, impl="cp", abis=[abi]
                    )
                ]
                row = {
                    "target": {
                        "pythonVersion": pyv,
                        "freeThreaded": ft,
                        "libc": {"family": family, "version": lv},
                        "arch": arch,
                    },
                    "length": len(cur),
                    "sha256": sha256(cur),
                    "platforms": plats,
                    "first20": cur[:20],
                    "last20": cur[-20:],
                    "positions": probes(py, ft, arch, cur),
                    # pip 23.2.1 running INSIDE the image: get_supported() with no
                    # overrides, over its vendored packaging 21.3
                    "pipInImage": {
                        "sameList": pip_in_image == cur,
                        "onlyInPip": [t for t in pip_in_image if t not in set(cur)][:6],
                        "onlyInPipCount": len(set(pip_in_image) - set(cur)),
                        "missingInPip": [t for t in cur if t not in set(pip_in_image)][:6],
                        "missingInPipCount": len(set(cur) - set(pip_in_image)),
                    },
                    # pip 23.2.1 get_supported() with --platform = every platform of the target
                    "pipGetSupported": {
                        "platformArgs": plats,
                        "sameSet": set(pip_list) == set(cur),
                        "sameOrder": pip_list == cur,
                        "length": len(pip_list),
                        "sha256": sha256(pip_list),
                        "onlyInPipCount": len(set(pip_list) - set(cur)),
                        "missingInPipCount": len(set(cur) - set(pip_list)),
                    },
                }
                if (pyv, ft, family, lv, arch) in FULL:
                    row["full"] = cur
                rows.append(row)
    return rows


def pip_single_platform_vectors():
    """What pip 23.2.1 makes of ONE --platform value (no expansion except manylinux2014/2010)."""
    out = []
    for plat in [
        "manylinux_2_36_x86_64",
        "manylinux2014_x86_64",
        "manylinux2014_aarch64",
        "manylinux2010_x86_64",
        "musllinux_1_2_aarch64",
        "linux_x86_64",
    ]:
        got = compatibility_tags._expand_allowed_platforms([plat])
        out.append({"arg": plat, "platforms": got})
    return out


WHEELS = [
    "foo-1.0-py3-none-any.whl",
    "Foo-1.0-py3-none-any.whl",
    "foo_bar-1.0-py3-none-any.whl",
    "foo.bar-1.0-py3-none-any.whl",
    "Foo.Bar_baz-2.0.0-py2.py3-none-any.whl",
    "foo__bar-1.0-py3-none-any.whl",
    "foo-1.0-1-py3-none-any.whl",
    "foo-1.0-1abc-py3-none-any.whl",
    "foo-1.0-12_x-py3-none-any.whl",
    "foo-1.0-abc-py3-none-any.whl",
    "foo-1.0--py3-none-any.whl",
    "numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.1.0-cp313-cp313t-musllinux_1_2_aarch64.whl",
    "cryptography-42.0.5-cp39-abi3-manylinux_2_28_aarch64.whl",
    "cryptography-42.0.5-cp37-abi3-macosx_10_12_universal2.whl",
    "psycopg2_binary-2.9.9-cp311-cp311-musllinux_1_1_x86_64.whl",
    "pydantic_core-2.16.3-pp310-pypy310_pp73-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
    "six-1.16.0-py2.py3-none-any.whl",
    "foo-1.0-py2.py3-cp36m.abi3-linux_x86_64.any.whl",
    "foo-1.0-PY3-NONE-ANY.whl",
    "foo-1.0-cp39-cp39-WIN_AMD64.whl",
    "foo-1!2.0-py3-none-any.whl",
    "foo-1.0a1-py3-none-any.whl",
    "foo-1.0.post1.dev2+local.7-py3-none-any.whl",
    "foo-1.0+ubuntu_1-py3-none-any.whl",
    "foo-v1.0-py3-none-any.whl",
    "foo-1.0_rc1-py3-none-any.whl",
    "foo-2013b-py3-none-any.whl",
    "foo-1.0.0.0.0.0-py3-none-any.whl",
    "foo-1.0-py3-none-any.WHL",
    "foo-1.0-py3-none-any",
    "foo-1.0-py3-none-any.zip",
    "foo-py3-none-any.whl",
    "foo-1.0-1-2-py3-none-any.whl",
    "foo-bar-1.0-py3-none-any.whl",
    "foo-1.0-none-any.whl",
    "foo-not_a_version-py3-none-any.whl",
    "foo-1.0-py3--any.whl",
    "foo+bar-1.0-py3-none-any.whl",
    "foo bar-1.0-py3-none-any.whl",
    "-1.0-py3-none-any.whl",
    "_foo_-1.0-py3-none-any.whl",
    "f\u00f6\u00f6-1.0-py3-none-any.whl",
    "foo-1.0.-py3-none-any.whl",
    "foo-.1.0-py3-none-any.whl",
    "foo-1..0-py3-none-any.whl",
    "foo-1.0-py3-none-any.tar.gz.whl",
    "foo-0-py3-none-any.whl",
    "foo-1.0-py3.py2-none-any.whl",
    "foo-1.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.musllinux_1_1_x86_64.whl",
    "foo-1.0-cp312.cp313-cp312.cp313-linux_x86_64.whl",
    "foo-1.0-py3-none-any.whl.metadata",
    "foo-1.0-0-py3-none-any.whl",
    "foo-1.0-007bar-py3-none-any.whl",
    "foo-1.0-\u0661-py3-none-any.whl",
]

SDISTS = [
    "foo-1.0.tar.gz",
    "Foo_Bar-1.0.tar.gz",
    "foo.bar-2.0.zip",
    "foo-bar-1.0.tar.gz",
    "foo-1.0-1.tar.gz",
    "foo-1.0.tgz",
    "foo-1.0.tar.bz2",
    "foo-1.0.tar",
    "foo-1.0.tar.xz",
    "foo-1.0.TAR.GZ",
    "foo-1.0.egg",
    "foo-1.0.exe",
    "foo.tar.gz",
    "foo-.tar.gz",
    "foo-bar.tar.gz",
    "foo-1.0rc1.tar.gz",
    "foo-1!1.0.post2.tar.gz",
    "foo-v2.tar.gz",
    "-1.0.tar.gz",
    "foo-1.0.zip",
]

VERSIONS = [
    "1", "1.0", "1.0.0", "01.02", "v1", "V1.0", "1!2", "0!0", "1.0a", "1.0a1", "1.0alpha1", "1.0.a.1",
    "1.0-a-1", "1.0_a_1", "1.0b2", "1.0beta2", "1.0c3", "1.0rc3", "1.0pre3", "1.0preview3", "1.0RC1",
    "1.0.post1", "1.0post1", "1.0-post1", "1.0-1", "1.0.r1", "1.0rev1", "1.0.post", "1.0-", "1.0.dev",
    "1.0.dev1", "1.0dev1", "1.0-dev-1", "1.0a1.post2.dev3", "1.0a1-1", "1.0-1.dev1", "1.0+abc",
    "1.0+abc.7", "1.0+ABC-7_x", "1.0+", "1.0+abc..7", "1.0+.abc", "1.0+abc.", "1.0++abc", "1.0.x",
    "1..0", ".1", "1.", "a", "", " 1.0", "1.0 ", "1.0a1b1", "1.0.post1.post2", "1.0.dev1.dev2",
    "1.0alpha", "1.0-r", "1.0-rev", "1!", "!1", "1.0+abc+def", "1.0a-1", "1.0.a-1", "1.0_post_1",
    "1.0.rc.1", "1.0-rc-1", "1.0-c", "1.0dev", "1.0-dev", "1.0--1", "2013b", "1.0.0.0.0.1", "1e3",
    "1.0\u0661", "\u0661", "1.0+\u00e9", "1.0\u017f",
]


def wheel_vectors():
    rows = []
    for fn in WHEELS:
        try:
            name, ver, build, tags = putils.parse_wheel_filename(fn)
        except putils.InvalidWheelFilename as e:
            rows.append({"filename": fn, "valid": False, "why": str(e).split(":")[0]})
            continue
        stem = fn[:-4]
        parts = stem.split("-", stem.count("-") - 2)
        rows.append(
            {
                "filename": fn,
                "valid": True,
                "name": name,
                "version": parts[1],
                "normalizedVersion": str(ver),
                "build": list(build) if build else None,
                "tags": sorted(str(t) for t in tags),
            }
        )
    return rows


def sdist_vectors():
    rows = []
    for fn in SDISTS:
        try:
            name, ver = putils.parse_sdist_filename(fn)
            rows.append({"filename": fn, "packaging": {"name": name, "normalizedVersion": str(ver)}})
        except putils.InvalidSdistFilename:
            rows.append({"filename": fn, "packaging": None})
    return rows


def version_vectors():
    from packaging.version import InvalidVersion, Version

    rows = []
    for v in VERSIONS:
        try:
            Version(v)
            rows.append([v, True])
        except InvalidVersion:
            rows.append([v, False])
    return rows


# Wheels whose best priority (min index in sys_tags) the tests check against packaging.
PRIORITY_WHEELS = [
    "a-1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "a-1-cp312-cp312-manylinux_2_28_x86_64.whl",
    "a-1-cp312-cp312-manylinux1_x86_64.whl",
    "a-1-cp312-cp312-linux_x86_64.whl",
    "a-1-cp39-abi3-manylinux_2_17_x86_64.whl",
    "a-1-cp312-abi3-manylinux_2_36_x86_64.whl",
    "a-1-cp312-none-manylinux_2_5_x86_64.whl",
    "a-1-py3-none-manylinux_2_17_x86_64.whl",
    "a-1-py312-none-linux_x86_64.whl",
    "a-1-cp312-none-any.whl",
    "a-1-py2.py3-none-any.whl",
    "a-1-py30-none-any.whl",
    "a-1-cp312-cp312-musllinux_1_1_x86_64.whl",
    "a-1-cp313-cp313t-manylinux_2_17_aarch64.whl",
    "a-1-cp313-abi3t-manylinux_2_28_aarch64.whl",
    "a-1-cp32-abi3-linux_aarch64.whl",
    "a-1-cp312-cp312-musllinux_1_2_aarch64.whl",
    "a-1-py3-none-musllinux_1_0_aarch64.whl",
]
PRIORITY_TARGETS = [
    ("3.12", False, "glibc", "2.36", "x86_64"),
    ("3.12", False, "musl", "1.2", "aarch64"),
    ("3.13", True, "glibc", "2.36", "aarch64"),
    ("3.13", False, "glibc", "2.28", "aarch64"),
]


def priority_vectors():
    rows = []
    for pyv, ft, family, lv, arch in PRIORITY_TARGETS:
        py = tuple(int(x) for x in pyv.split("."))
        cur = fake_sys_tags(ptags, pmany, pmusl, py, ft, (family, tuple(int(x) for x in lv.split("."))), arch)
        index = {t: i for i, t in enumerate(cur)}
        for fn in PRIORITY_WHEELS:
            _, _, _, tags = putils.parse_wheel_filename(fn)
            found = [index[str(t)] for t in tags if str(t) in index]
            rows.append(
                {
                    "target": {"pythonVersion": pyv, "freeThreaded": ft, "libc": {"family": family, "version": lv}, "arch": arch},
                    "filename": fn,
                    "priority": min(found) if found else None,
                }
            )
    return rows


def to_ts(value, indent=0):
    """JSON, one object key per line, arrays of strings on one line (long tag lists one per line)."""
    pad = "  " * (indent + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k)}: {to_ts(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        if all(isinstance(v, list) and not any(isinstance(x, (dict, list)) for x in v) for v in value):
            return "[\n" + ",\n".join(pad + json.dumps(v, ensure_ascii=False) for v in value) + "\n" + "  " * indent + "]"
        return "[\n" + ",\n".join(pad + to_ts(v, indent + 1) for v in value) + "\n" + "  " * indent + "]"
    if isinstance(value, list) and len(value) > 60:
        return "[\n" + ",\n".join(pad + json.dumps(v, ensure_ascii=False) for v in value) + "\n" + "  " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


def write_ts(path, header, exports):
    lines = [
        "// GENERATED by lib/tags/vectors/generate.py -- do not edit by hand; re-run the script.",
        f"// {header}",
        f"// packaging {packaging.__version__}, pip {pip.__version__} (vendored packaging {vpackaging.__version__}), Python {sys.version.split()[0]}.",
        "/* eslint-disable */",
        'import type { PriorityVector, SdistPackagingVector, TargetTagVector, WheelFilenameVector } from "./types";',
        "",
    ]
    for name, type_, value in exports:
        lines.append(f"export const {name}: {type_} = {to_ts(value)};")
        lines.append("")
    path.write_text("\n".join(lines))


if __name__ == "__main__":
    write_ts(
        HERE / "target-tags.vectors.ts",
        "Ordered tag lists of packaging.tags.sys_tags() inside faked Linux CPython images, and pip 23.2.1's view of them.",
        [
            ("TARGET_TAG_VECTORS", "readonly TargetTagVector[]", target_vectors()),
            ("PIP_SINGLE_PLATFORM_EXPANSION", "readonly { arg: string; platforms: string[] }[]", pip_single_platform_vectors()),
            ("PRIORITY_VECTORS", "readonly PriorityVector[]", priority_vectors()),
        ],
    )
    write_ts(
        HERE / "filenames.vectors.ts",
        "packaging.utils.parse_wheel_filename / parse_sdist_filename and packaging.version.Version validity.",
        [
            ("WHEEL_FILENAME_VECTORS", "readonly WheelFilenameVector[]", wheel_vectors()),
            ("SDIST_PACKAGING_VECTORS", "readonly SdistPackagingVector[]", sdist_vectors()),
            ("VERSION_VALIDITY_VECTORS", "readonly (readonly [string, boolean])[]", version_vectors()),
        ],
    )
