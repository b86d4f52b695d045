import { describe, expect, it } from "vitest";
import { onCores } from "./build-time";
import { compileCost, type Toolchain } from "./compile-costs";

/**
 * Rows recalibrated with bench/verify-builds (real builds in a Debian bookworm root on 2 cores,
 * 2026-12-02; bench/results/verify-builds-bookworm.md): [project, version, toolchains, 4-core
 * range, parallel, the harness figure on 2 cores (wall, or CPU seconds where the machine was
 * crowded)]. Every harness figure lies within its row's range brought to 2 cores.
 */
const HARNESS: readonly (readonly [string, string, readonly Toolchain[], [number, number], boolean, number])[] = [
  ["cffi", "1.15.1", ["c"], [6, 20], false, 6.6],
  ["PyYAML", "6.0.2", ["c"], [7, 26], false, 7],
  ["psycopg2", "2.9.10", ["c"], [12, 20], false, 12.5],
  ["MarkupSafe", "2.1.2", ["c"], [2, 17], false, 2.6],
  ["multidict", "6.4.3", ["c"], [4, 11], false, 4.1],
  ["aiohttp", "3.8.4", ["c"], [15, 40], false, 15.3],
  ["pyrsistent", "0.20.0", ["c"], [3, 20], false, 3.4],
  ["lxml", "4.9.2", ["c"], [87, 130], false, 121.1],
  ["Pillow", "9.4.0", ["c"], [17, 60], true, 30.9],
  // No CI figure before: the generic 10–60 s C estimate stood in for these.
  ["python-ldap", "3.4.4", ["c"], [5, 15], false, 5.2],
  ["mysqlclient", "1.4.6", ["c"], [2, 8], false, 2.4],
  ["dbus-python", "1.4.0", ["c"], [4, 15], true, 8.6],
  ["PyGObject", "3.42.2", ["c"], [19, 60], false, 19.4],
  ["netifaces", "0.11.0", ["c"], [9, 27], false, 8.9],
  ["uWSGI", "2.0.21", ["c"], [17, 60], true, 45.9],
  // gevent's note said "several minutes" while the generic 10–60 s stood in for it.
  ["gevent", "24.11.1", ["c"], [150, 450], false, 163.7],
  ["Brotli", "1.1.0", ["c"], [34, 100], false, 34.3],
  ["pykerberos", "1.1.14", ["c"], [4, 15], false, 4.8],
  // Above the CI range: libsodium's configure, make and make check ran serially.
  ["PyNaCl", "1.5.0", ["c"], [60, 600], false, 569.6],
  // pyodbc is C++: before, the generic C++ estimate (30–180 s).
  ["pyodbc", "5.2.0", ["cxx"], [11, 35], false, 11.3],
  ["ruamel.yaml.clib", "0.2.12", ["c"], [13, 40], false, 13.6],
];

describe("compile costs recalibrated with real builds", () => {
  it.each(HARNESS)("%s %s: its row, with the harness as the basis", (name, version, toolchains, seconds, parallel, measured) => {
    const cost = compileCost(name, version, toolchains);
    expect(cost).toMatchObject({ seconds, parallel, measured: true });
    expect(cost.basis).toMatch(/harness: [\d.]+ (?:CPU )?s for [^,]+, on 2 cores, bookworm, 2026-12-02/);
    const [low, high] = onCores(cost.seconds, cost.parallel, 2);
    // The figure the range was drawn from, within a rounding step.
    expect(measured).toBeGreaterThanOrEqual(Math.floor(low) - 1);
    expect(measured).toBeLessThanOrEqual(high);
  });

  it("sources that agree with the harness are kept beside it", () => {
    expect(compileCost("lxml", "4.9.2", ["c"]).basis).toMatch(/^CI 87–130 s; ≈ 109 s on Travis \(#41\); harness/);
    expect(compileCost("Pillow", "10.4.0", ["c"]).basis).toMatch(/^CI 28–59 s/);
  });

  it("projects the harness has not built keep their figures or the generic estimate", () => {
    expect(compileCost("regex", "2024.11.6", ["c"])).toMatchObject({ seconds: [15, 24], measured: true });
    expect(compileCost("unheard-of", "1.0", ["c"])).toMatchObject({ seconds: [10, 60], measured: false });
  });
});
