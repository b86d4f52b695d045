// Ports of the e2e servers, shared by playwright.config.ts and the specs.
export const APP_PORT = Number(process.env.BASEWISE_E2E_PORT ?? 3107);
/** The hand-written fixture index (the first app's index). */
export const INDEX_PORT = APP_PORT + 1;
/** The PyPI snapshot's index (../shared/tools/snapshot-index). */
export const SNAPSHOT_INDEX_PORT = APP_PORT + 2;
/** A second app over the snapshot: realistic requirement sets for the dashboard flows. */
export const SNAPSHOT_APP_PORT = APP_PORT + 3;
/** A third app whose index is down: nothing listens on DEAD_INDEX_PORT. */
export const INDEX_DOWN_APP_PORT = APP_PORT + 4;
export const DEAD_INDEX_PORT = APP_PORT + 5;
