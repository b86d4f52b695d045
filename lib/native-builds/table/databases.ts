/**
 * Database drivers and ORMs. The client-library drivers (psycopg2, mysqlclient, pyodbc, pymssql)
 * link a C library that must stay in the final image; psycopg2 and mysqlclient publish no Linux
 * wheels, so they compile everywhere.
 */
import { LIB, TOOL } from "../os-packages";
import type { PackageNativeBuilds } from "../types";
import { compiled, project, pure } from "./compose";
import { atTag, externalDeps, readAt } from "./sources";

const PSYCOPG2_SETUP = readAt("psycopg/psycopg2", "3a6d9d6ddc6b53eaa80b712f5fa6b23abbdc38db", "setup.py");
const PSYCOPG2_INSTALL = "https://www.psycopg.org/docs/install.html#build-prerequisites";

export const PSYCOPG2: PackageNativeBuilds = project("psycopg2", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["pg_config"],
  os: compiled(["c"], LIB.libpq),
  confidence: "high",
  sources: [PSYCOPG2_SETUP, PSYCOPG2_INSTALL],
  note: "Needs pg_config (from libpq-dev) at build time and links against libpq at run time. psycopg2 publishes no wheels at all: it compiles on every image (psycopg2-binary is the wheel variant).",
});

export const PSYCOPG2_BINARY: PackageNativeBuilds = project("psycopg2-binary", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["pg_config"],
  os: compiled(["c"], LIB.libpq),
  confidence: "high",
  sources: [externalDeps("psycopg2-binary"), PSYCOPG2_INSTALL],
  note: "The same code as psycopg2: where no wheel matches (a new Python, musl on arm64), pip builds it like psycopg2 and then needs libpq-dev and pg_config.",
});

export const PSYCOPG: PackageNativeBuilds = project(
  "psycopg",
  pure("", {
    backend: "setuptools",
    runtime: LIB.libpqRuntime,
    confidence: "high",
    sources: [readAt("psycopg/psycopg", "c079c37c959a89a8684a3d3858cbaff7e5543e71", "psycopg/pyproject.toml"), "https://www.psycopg.org/psycopg3/docs/basic/install.html"],
    note: "psycopg 3 is pure Python and loads libpq through ctypes: the final image needs libpq unless psycopg[binary] or psycopg[c] is installed.",
  }),
);

export const PSYCOPG_C: PackageNativeBuilds = project("psycopg-c", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools (in-tree cython_backend)",
  tools: ["pg_config"],
  os: compiled(["c"], LIB.libpq),
  confidence: "high",
  sources: [readAt("psycopg/psycopg", "c079c37c959a89a8684a3d3858cbaff7e5543e71", "psycopg_c/pyproject.toml")],
  note: "C speed-ups for psycopg 3 (psycopg[c]); needs pg_config and links libpq.",
});

export const ASYNCPG: PackageNativeBuilds = project("asyncpg", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools + Cython",
  os: compiled(["c"]),
  confidence: "high",
  sources: [readAt("MagicStack/asyncpg", "db8ecc2a38e16fb0c090aef6f5506547c2831c24", "pyproject.toml")],
  note: "Implements the PostgreSQL protocol itself: no libpq.",
});

const MYSQLCLIENT_README = "https://github.com/PyMySQL/mysqlclient#install";

export const MYSQLCLIENT: PackageNativeBuilds = project(
  "mysqlclient",
  {
    versions: "<2.2",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools",
    tools: ["mysql_config"],
    os: compiled(["c"], LIB.mysqlClient),
    confidence: "medium",
    sources: [atTag("PyMySQL/mysqlclient", "v2.1.1", "setup_posix.py"), MYSQLCLIENT_README],
    note: "Finds the client library with mysql_config (mariadb_config on Alpine's mariadb-connector-c-dev). No Linux wheels: it always compiles.",
  },
  {
    versions: ">=2.2",
    kind: "native",
    toolchains: ["c"],
    backend: "setuptools",
    tools: ["pkg-config"],
    os: compiled(["c"], TOOL.pkgConfig, LIB.mysqlClient),
    env: [{ name: "MYSQLCLIENT_CFLAGS", value: "…", effect: "Compiler flags to use when pkg-config cannot find mysqlclient or libmariadb (with MYSQLCLIENT_LDFLAGS)." }],
    confidence: "high",
    sources: [readAt("PyMySQL/mysqlclient", "4742adc1248654222216cd34779bd6c92297df63", "setup.py"), MYSQLCLIENT_README],
    note: "Since 2.2 the flags come from pkg-config (mysqlclient.pc or libmariadb.pc), so pkg-config is required. No Linux wheels: it always compiles.",
  },
);

export const MARIADB: PackageNativeBuilds = project("mariadb", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  tools: ["mariadb_config"],
  os: compiled(["c"], LIB.mysqlClient),
  confidence: "high",
  sources: [readAt("mariadb-corporation/mariadb-connector-python", "0ce5a58b957204111d89c1360ac5fbca49b4b602", "setup.py")],
  note: "Needs mariadb_config from MariaDB Connector/C ≥ 3.3.",
});

export const MYSQL_CONNECTOR_PYTHON: PackageNativeBuilds = project(
  "mysql-connector-python",
  pure("", {
    backend: "setuptools",
    confidence: "high",
    sources: [readAt("mysql/mysql-connector-python", "a5fdd7135296462bfd44c0196ac549708461022a", "mysql-connector-python/setup.py")],
    note: "The sdist installs the pure-Python driver; the C extension is built only when asked for (MYSQL_CAPI).",
  }),
);

export const PYMSSQL: PackageNativeBuilds = project("pymssql", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  cython: true,
  backend: "setuptools + Cython",
  os: compiled(["c"], LIB.freetds),
  confidence: "high",
  sources: [readAt("pymssql/pymssql", "ae47ab8eadc1c5e95032d39901eaa233cdf983eb", "setup.py")],
  note: "Links FreeTDS (libsybdb), which stays at run time.",
});

export const PYODBC: PackageNativeBuilds = project("pyodbc", {
  versions: "",
  kind: "native",
  toolchains: ["c", "cxx"],
  backend: "setuptools",
  os: compiled(["c", "cxx"], LIB.unixodbc),
  confidence: "high",
  sources: [readAt("mkleehammer/pyodbc", "cfe0575cf069a180ea499556ca98cd774ed7ff7d", "setup.py")],
  note: "C++ sources linking unixODBC. The final image also needs an ODBC driver (e.g. Microsoft's msodbcsql18, from Microsoft's repository, not the distro's).",
});

export const PYMONGO: PackageNativeBuilds = project("pymongo", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true },
  toolchains: ["c"],
  backend: "hatchling (build hook running setuptools build_ext)",
  os: compiled(["c"]),
  env: [{ name: "PYMONGO_C_EXT_MUST_BUILD", value: "1", effect: "Fails the build instead of installing pure Python when the C extensions do not compile." }],
  confidence: "high",
  sources: [readAt("mongodb/mongo-python-driver", "ebc4bffcc842464e48a3edbd04802d1a42bc818a", "hatch_build.py"), readAt("mongodb/mongo-python-driver", "ebc4bffcc842464e48a3edbd04802d1a42bc818a", "_setup.py")],
  note: "bson/_cbson are optional: a failed compile prints a warning and installs pure Python. No musllinux wheels, so Alpine always builds it.",
});

export const SQLALCHEMY: PackageNativeBuilds = project(
  "SQLAlchemy",
  {
    versions: "<2",
    kind: "optional-native",
    fallback: { automatic: true, env: { name: "DISABLE_SQLALCHEMY_CEXT", value: "1" } },
    toolchains: ["c"],
    backend: "setuptools",
    os: compiled(["c"]),
    confidence: "medium",
    sources: [atTag("sqlalchemy/sqlalchemy", "rel_1_4_52", "setup.py")],
    note: "Plain C extensions; a failed compile installs pure Python unless REQUIRE_SQLALCHEMY_CEXT=1.",
  },
  {
    versions: ">=2",
    kind: "optional-native",
    fallback: { automatic: true, env: { name: "DISABLE_SQLALCHEMY_CEXT", value: "1" } },
    toolchains: ["c"],
    cython: true,
    backend: "setuptools + Cython",
    os: compiled(["c"]),
    confidence: "high",
    sources: [externalDeps("sqlalchemy"), readAt("sqlalchemy/sqlalchemy", "f35da7e2b9349a08b8de1f6bd3b07c8bf8616790", "setup.py")],
    note: "Cython extensions that degrade to pure Python when they do not compile, unless REQUIRE_SQLALCHEMY_CEXT=1. A py3-none-any wheel is also published.",
  },
);

const SNOWFLAKE = "snowflakedb/snowflake-connector-python";

export const SNOWFLAKE_CONNECTOR_PYTHON: PackageNativeBuilds = project(
  "snowflake-connector-python",
  pure("<2.3", {
    backend: "setuptools (setup.py, no build-backend)",
    confidence: "high",
    sources: [readAt(SNOWFLAKE, "dc31c582be713d73707331092a304928459f8411", "setup.py")],
    note: "The Arrow extensions are built only with ENABLE_EXT_MODULES=true (default false).",
  }),
  {
    versions: ">=2.3,<3.4",
    kind: "native",
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "setuptools",
    os: compiled(["c", "cxx"]),
    confidence: "high",
    sources: [readAt(SNOWFLAKE, "c2bfd527031ff0deb66f00d888233da79ea10f0e", "setup.py"), readAt(SNOWFLAKE, "c2bfd527031ff0deb66f00d888233da79ea10f0e", "pyproject.toml")],
    note: "Compiles the C++ Arrow result iterator against pyarrow's headers whenever Cython, pyarrow and numpy import, which the build requirements guarantee. build-system.requires pins an exact old pyarrow (0.17 at 2.3, 10.0 at 3.0), which itself has no wheel for newer Pythons and then compiles: pin a connector whose pyarrow has a wheel for the image.",
  },
  {
    versions: ">=3.4",
    kind: "optional-native",
    fallback: { automatic: false, env: { name: "SNOWFLAKE_DISABLE_COMPILE_ARROW_EXTENSIONS", value: "true" } },
    toolchains: ["c", "cxx"],
    cython: true,
    backend: "setuptools",
    os: compiled(["c", "cxx"]),
    confidence: "high",
    sources: [readAt(SNOWFLAKE, "bbf8aac1c060f212f3e27a146003c62d77d0adbb", "setup.py"), readAt(SNOWFLAKE, "57c450e444c2b49e85436b32fea50e361fbc67ed", "setup.py"), readAt(SNOWFLAKE, "57c450e444c2b49e85436b32fea50e361fbc67ed", "pyproject.toml")],
    note: "Compiles the C++ nanoarrow result iterator by default (3.5 dropped pyarrow from the build requirements; 3.4 still pinned it). SNOWFLAKE_DISABLE_COMPILE_ARROW_EXTENSIONS=true skips it: the install is then pure Python, without the compiled Arrow result iterator.",
  },
);

export const CONFLUENT_KAFKA: PackageNativeBuilds = project("confluent-kafka", {
  versions: "",
  kind: "native",
  toolchains: ["c"],
  backend: "setuptools",
  os: compiled(["c"], LIB.librdkafka),
  confidence: "medium",
  sources: [readAt("confluentinc/confluent-kafka-python", "8b1c7a613434eee3d0e1287d624d7af04932f410", "INSTALL.md")],
  note: "Needs librdkafka at least as new as the client's major.minor: Debian 12's 2.0.2 is older than current 2.x clients (use Confluent's repository).",
});

export const CASSANDRA_DRIVER: PackageNativeBuilds = project("cassandra-driver", {
  versions: "",
  kind: "optional-native",
  fallback: { automatic: true, env: { name: "CASS_DRIVER_NO_EXTENSIONS", value: "1" } },
  toolchains: ["c"],
  cython: true,
  backend: "setuptools",
  os: compiled(["c"]),
  optional: [{ code: "libev", feature: "the libev event loop reactor", packages: LIB.libev }],
  env: [{ name: "CASS_DRIVER_NO_CYTHON", value: "1", effect: "Skips the slow Cython modules." }],
  confidence: "high",
  sources: [readAt("datastax/python-driver", "dd2343d8fecead045245a6679d8de8194cea215f", "setup.py")],
  note: "Every extension degrades on a failed build. The Cython modules make this one of the slower optional builds.",
});
