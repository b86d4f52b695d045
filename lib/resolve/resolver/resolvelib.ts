// The backtracking algorithm pip resolves with: resolvelib 1.0.1 (pip 23.x vendors it), written again
// in TypeScript, step for step, so that the same provider gives the same answer. Differences: it is
// async (dependencies come from the network), candidate lists are arrays, not lazy views, and the
// states are not copied.
//
// resolvelib keeps a stack of states, each a full copy (mapping, criteria, backtrack causes) of the one
// below, made at the end of every round. Copying costs O(packages) a round, O(packages²) a resolution:
// 1 200 requirements took 97 s. Here there is one live state and, per stacked state, an undo log of
// what its round changed; popping a state replays its log backwards. Every read sees exactly what
// resolvelib's top state holds (dict insertion order included), and a round costs O(what it changed).

import { performance } from "node:perf_hooks";
import { isEmptySequence, type Sequence } from "../lazy-sequence";

export interface RequirementInformation<R, C> {
  requirement: R;
  /** The candidate whose dependency this is; null for a requirement the user wrote. */
  parent: C | null;
}

/** A read-only view by key (resolvelib hands the provider mapping views, never copies). */
export interface Lookup<V> {
  get(key: string): V | undefined;
}

/** What the algorithm needs from the packaging world (resolvelib's AbstractProvider). */
export interface Provider<R, C, P> {
  identify(requirementOrCandidate: R | C): string;
  getPreference(identifier: string, context: PreferenceContext<R, C>): P;
  comparePreferences(a: P, b: P): number;
  /** Candidates for `identifier` that satisfy every requirement given and are not incompatible, best first. */
  findMatches(identifier: string, requirements: Lookup<readonly R[]>, incompatibilities: Lookup<readonly C[]>): Sequence<C>;
  isSatisfiedBy(requirement: R, candidate: C): boolean;
  getDependencies(candidate: C): Promise<R[]>;
}

export interface PreferenceContext<R, C> {
  resolutions: Lookup<C>;
  information: Lookup<readonly RequirementInformation<R, C>[]>;
  backtrackCauses: readonly RequirementInformation<R, C>[];
}

/** Immutable, as resolvelib's are: a change makes a new one. */
interface Criterion<R, C> {
  /** Read lazily, best first: most pins take the first. */
  readonly candidates: Sequence<C>;
  readonly information: readonly RequirementInformation<R, C>[];
  readonly incompatibilities: readonly C[];
  /** information's requirements, kept so the provider's view needs no copy. */
  readonly requirements: readonly R[];
}

function criterionOf<R, C>(candidates: Sequence<C>, information: readonly RequirementInformation<R, C>[], incompatibilities: readonly C[]): Criterion<R, C> {
  return { candidates, information, incompatibilities, requirements: information.map((i) => i.requirement) };
}

/** One of resolvelib's stacked states, as what its round changed. */
interface Frame<R, C> {
  /** Criteria as they were before each change, in the order changed (undefined: the key did not exist). */
  criteriaLog: [string, Criterion<R, C> | undefined][];
  mappingLog: [string, Pin<C> | undefined][];
  /** The pin this state's round made; the last item of resolvelib's state.mapping. */
  pin: [string, C] | null;
  backtrackCauses: readonly RequirementInformation<R, C>[];
}

/** seq orders pins as resolvelib's OrderedDict does: a re-pin moves to the end. */
interface Pin<C> {
  candidate: C;
  seq: number;
}

export class ResolutionImpossible<R, C> extends Error {
  constructor(readonly causes: readonly RequirementInformation<R, C>[]) {
    super("resolution impossible");
  }
}

export class ResolutionTooDeep extends Error {
  constructor(readonly rounds: number) {
    super(`resolution did not finish within ${rounds} rounds`);
  }
}

export type StopReason = "work-budget" | "deadline";

/** The caller's work budget or deadline ran out before the resolution finished. */
export class ResolutionStopped extends Error {
  constructor(
    readonly reason: StopReason,
    /** Identifiers still without a satisfying pin, in the order the resolver met them. */
    readonly pending: readonly string[],
    readonly rounds: number,
  ) {
    super(reason === "deadline" ? `the deadline passed after ${rounds} rounds` : `the work budget ran out after ${rounds} rounds`);
  }
}

class RequirementsConflicted<R, C> extends Error {
  constructor(readonly criterion: Criterion<R, C>) {
    super("requirements conflicted");
  }
}

export interface Resolution<R, C> {
  mapping: Map<string, C>;
  criteria: ReadonlyMap<string, { information: readonly RequirementInformation<R, C>[] }>;
}

/**
 * Work shared by every resolution of one analysis (all images, all build environments). One unit is
 * a round, a preference computed (a round computes one per unpinned name), a candidate tried, or a
 * requirement matched against the index's candidates: each is a small, bounded amount of CPU, so the
 * budget bounds the resolver's CPU where maxRounds alone does not (one round may try thousands of
 * candidates, or rank thousands of names).
 */
export class WorkBudget {
  private used = 0;
  constructor(readonly limit: number) {}
  spend(units: number): void {
    this.used += units;
  }
  get spent(): number {
    return this.used;
  }
  get exhausted(): boolean {
    return this.used > this.limit;
  }
}

export interface ResolveControl {
  maxRounds?: number;
  /** Aborted: stop at the next round (or candidate), with reason "deadline". */
  signal?: AbortSignal;
  budget?: WorkBudget;
  /** CPU time between chances for the event loop to run (timers, I/O, an abort), in ms. */
  yieldEveryMs?: number;
}

// pip allows 200 000 rounds; an analysis must answer in seconds, so Basewise stops far earlier.
export const DEFAULT_MAX_ROUNDS = 5_000;
// Long enough that the cost of yielding (~0.05 ms) is lost in the noise, short enough that a timer
// or an abort is seen within a frame.
export const DEFAULT_YIELD_EVERY_MS = 10;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function resolve<R, C, P>(provider: Provider<R, C, P>, requirements: readonly R[], control: ResolveControl | number = {}): Promise<Resolution<R, C>> {
  const { maxRounds = DEFAULT_MAX_ROUNDS, signal, budget, yieldEveryMs = DEFAULT_YIELD_EVERY_MS } = typeof control === "number" ? { maxRounds: control } : control;

  // The live state: what resolvelib's top state holds.
  const criteria = new Map<string, Criterion<R, C>>();
  const mapping = new Map<string, Pin<C>>();
  /** Criteria keys without a pin that satisfies them (resolvelib recomputes this each round). */
  const unsatisfied = new Set<string>();
  /** Criteria keys with incompatibilities: what backjumping carries from a broken state. */
  const withIncompatibilities = new Set<string>();
  /** Position of each criteria key in resolvelib's dict (insertion order; updates keep it). */
  const keyOrder = new Map<string, number>();
  let nextKey = 0;
  let nextPin = 0;
  /** Parent identifier → criteria keys that ever had information from it (a superset is enough). */
  const requiredBy = new Map<string, Set<string>>();
  // Criteria are immutable and candidates interned, so "does this pin satisfy this criterion" is asked once.
  const satisfaction = new WeakMap<Criterion<R, C>, { pin: C; ok: boolean }>();

  const frames: Frame<R, C>[] = [];
  const top = () => frames[frames.length - 1] as Frame<R, C>;
  const pushFrame = () => frames.push({ criteriaLog: [], mappingLog: [], pin: null, backtrackCauses: frames.length ? top().backtrackCauses : [] });

  const pinSatisfies = (criterion: Criterion<R, C>, pin: C) => {
    const known = satisfaction.get(criterion);
    if (known && known.pin === pin) return known.ok;
    const ok = criterion.requirements.every((r) => provider.isSatisfiedBy(r, pin));
    satisfaction.set(criterion, { pin, ok });
    return ok;
  };
  const refresh = (key: string) => {
    const criterion = criteria.get(key);
    const pin = mapping.get(key);
    if (criterion && !(pin && pinSatisfies(criterion, pin.candidate))) unsatisfied.add(key);
    else unsatisfied.delete(key);
  };
  const rawSetCriterion = (key: string, criterion: Criterion<R, C> | undefined) => {
    if (criterion === undefined) {
      criteria.delete(key);
      keyOrder.delete(key);
    } else {
      if (!keyOrder.has(key)) keyOrder.set(key, nextKey++);
      criteria.set(key, criterion);
    }
    if (criterion && criterion.incompatibilities.length > 0) withIncompatibilities.add(key);
    else withIncompatibilities.delete(key);
  };
  const setCriterion = (key: string, criterion: Criterion<R, C>) => {
    top().criteriaLog.push([key, criteria.get(key)]);
    rawSetCriterion(key, criterion);
    refresh(key);
  };
  const setPin = (key: string, candidate: C) => {
    top().mappingLog.push([key, mapping.get(key)]);
    mapping.set(key, { candidate, seq: nextPin++ });
    top().pin = [key, candidate];
    refresh(key);
  };
  /** Drops the top state: the live state becomes the one below it. */
  const popFrame = () => {
    const frame = frames.pop() as Frame<R, C>;
    const touched = new Set<string>();
    for (let i = frame.criteriaLog.length - 1; i >= 0; i--) {
      const [key, previous] = frame.criteriaLog[i] as [string, Criterion<R, C> | undefined];
      rawSetCriterion(key, previous);
      touched.add(key);
    }
    for (let i = frame.mappingLog.length - 1; i >= 0; i--) {
      const [key, previous] = frame.mappingLog[i] as [string, Pin<C> | undefined];
      if (previous === undefined) mapping.delete(key);
      else mapping.set(key, previous);
      touched.add(key);
    }
    for (const key of touched) refresh(key);
  };

  const requirementsView: Lookup<readonly R[]> = { get: (key) => criteria.get(key)?.requirements };
  const preferenceContext: PreferenceContext<R, C> = {
    resolutions: { get: (key) => mapping.get(key)?.candidate },
    information: { get: (key) => criteria.get(key)?.information },
    get backtrackCauses() {
      return top().backtrackCauses;
    },
  };

  let rounds = 0;
  let lastYield = performance.now();
  // Unsatisfied keys in criteria order. The live criteria map iterates in that order (an undone
  // insertion is deleted; a key added again goes last, as in a copied dict), so a scan needs no sort;
  // when few keys are unsatisfied among many, sorting those few is cheaper than the scan.
  const pending = () => {
    if (unsatisfied.size * 16 < criteria.size) return [...unsatisfied].sort((a, b) => (keyOrder.get(a) as number) - (keyOrder.get(b) as number));
    const names: string[] = [];
    for (const key of criteria.keys()) if (unsatisfied.has(key)) names.push(key);
    return names;
  };
  const checkStop = async () => {
    if (performance.now() - lastYield >= yieldEveryMs) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    if (signal?.aborted) throw new ResolutionStopped("deadline", pending(), rounds);
    if (budget?.exhausted) throw new ResolutionStopped("work-budget", pending(), rounds);
  };
  // An index request can outlast the deadline; the resolution does not wait for it.
  let aborted: Promise<void> | null = null;
  const onAbort = { resolve: () => {} };
  if (signal) {
    aborted = new Promise<void>((resolve) => (onAbort.resolve = resolve));
    signal.addEventListener("abort", onAbort.resolve, { once: true });
  }
  const dependenciesOf = async (candidate: C): Promise<R[]> => {
    const dependencies = provider.getDependencies(candidate);
    if (!aborted) return dependencies;
    const first = await Promise.race([dependencies, aborted]);
    if (signal?.aborted) throw new ResolutionStopped("deadline", pending(), rounds);
    return first as R[];
  };

  /** Adds a requirement to the criteria as `overlay` (changes not yet made) over the live state would have them. */
  const addToCriteria = (overlay: Map<string, Criterion<R, C>>, requirement: R, parent: C | null) => {
    budget?.spend(1);
    const identifier = provider.identify(requirement);
    const current = (key: string) => overlay.get(key) ?? criteria.get(key);
    const existing = current(identifier);
    const incompatibilities = existing ? existing.incompatibilities : [];
    const matches = provider.findMatches(
      identifier,
      { get: (key) => (key === identifier ? [...(existing?.requirements ?? []), requirement] : current(key)?.requirements) },
      { get: (key) => current(key)?.incompatibilities },
    );
    if (parent !== null) {
      const parentKey = provider.identify(parent);
      let keys = requiredBy.get(parentKey);
      if (!keys) requiredBy.set(parentKey, (keys = new Set()));
      keys.add(identifier);
    }
    const criterion = criterionOf(matches, [...(existing?.information ?? []), { requirement, parent }], incompatibilities);
    if (isEmptySequence(matches)) throw new RequirementsConflicted(criterion);
    overlay.set(identifier, criterion);
  };

  // resolvelib's _remove_information_from_criteria, over only the criteria those parents ever added to.
  const removeInformationFromCriteria = (parents: ReadonlySet<string>) => {
    const keys = new Set<string>();
    for (const parent of parents) for (const key of requiredBy.get(parent) ?? []) keys.add(key);
    for (const key of keys) {
      const criterion = criteria.get(key);
      if (!criterion) continue;
      const information = criterion.information.filter((i) => i.parent === null || !parents.has(provider.identify(i.parent)));
      if (information.length !== criterion.information.length) setCriterion(key, criterionOf(criterion.candidates, information, criterion.incompatibilities));
    }
  };

  /** Pins `name` to its first candidate whose dependencies fit; returns why none did, or the keys newly unsatisfied. */
  const attemptToPinCriterion = async (name: string): Promise<{ causes: Criterion<R, C>[]; newlyUnsatisfied: Set<string> }> => {
    const criterion = criteria.get(name) as Criterion<R, C>;
    const causes: Criterion<R, C>[] = [];
    for (const candidate of criterion.candidates) {
      budget?.spend(1);
      await checkStop();
      const overlay = new Map<string, Criterion<R, C>>();
      try {
        for (const requirement of await dependenciesOf(candidate)) addToCriteria(overlay, requirement, candidate);
      } catch (error) {
        if (error instanceof RequirementsConflicted) {
          causes.push(error.criterion as Criterion<R, C>);
          continue;
        }
        throw error;
      }
      if (!criterion.requirements.every((r) => provider.isSatisfiedBy(r, candidate))) {
        throw new Error(`provider returned a candidate that does not satisfy ${name}`);
      }
      // resolvelib's state.criteria.update(criteria): new keys land in the order they were added.
      const wasSatisfied: string[] = [];
      for (const [key, value] of overlay) {
        if (criteria.has(key) && !unsatisfied.has(key)) wasSatisfied.push(key);
        setCriterion(key, value);
      }
      // The newest pin goes last: backjumping pops it first.
      setPin(name, candidate);
      return { causes: [], newlyUnsatisfied: new Set(wasSatisfied.filter((key) => unsatisfied.has(key))) };
    }
    return { causes, newlyUnsatisfied: new Set() };
  };

  const backjump = async (causes: readonly RequirementInformation<R, C>[]): Promise<boolean> => {
    const incompatibleDeps = new Set<string>();
    for (const cause of causes) if (cause.parent !== null) incompatibleDeps.add(provider.identify(cause.parent));
    for (const cause of causes) incompatibleDeps.add(provider.identify(cause.requirement));
    while (frames.length >= 3) {
      popFrame(); // the state that triggered backtracking
      let name: string;
      let candidate: C;
      let fromBroken: [string, C[]][];
      // Go back to a state whose pin is related to the incompatibility.
      for (;;) {
        const broken = frames[frames.length - 1];
        if (!broken || !broken.pin) throw new ResolutionImpossible(causes);
        [name, candidate] = broken.pin;
        const dependencies = await dependenciesOf(candidate);
        const related = dependencies.some((d) => incompatibleDeps.has(provider.identify(d)));
        // The broken state's incompatibilities, read before its changes are undone.
        if (related) fromBroken = [...withIncompatibilities].map((key) => [key, [...(criteria.get(key) as Criterion<R, C>).incompatibilities]]);
        popFrame();
        if (related) break;
      }
      fromBroken!.push([name, [candidate]]);

      pushFrame();
      const patched = (() => {
        for (const [key, incompatibilities] of fromBroken!) {
          if (incompatibilities.length === 0) continue;
          const criterion = criteria.get(key);
          if (!criterion) continue;
          budget?.spend(1);
          const matches = provider.findMatches(key, requirementsView, {
            get: (other) => (other === key ? [...(criteria.get(key)?.incompatibilities ?? []), ...incompatibilities] : criteria.get(other)?.incompatibilities),
          });
          if (isEmptySequence(matches)) return false;
          incompatibilities.push(...criterion.incompatibilities);
          setCriterion(key, criterionOf(matches, criterion.information, incompatibilities));
        }
        return true;
      })();
      if (patched) return true;
    }
    return false;
  };

  try {
    pushFrame();
    for (const requirement of requirements) {
      const overlay = new Map<string, Criterion<R, C>>();
      try {
        addToCriteria(overlay, requirement, null);
      } catch (error) {
        if (error instanceof RequirementsConflicted) throw new ResolutionImpossible((error.criterion as Criterion<R, C>).information);
        throw error;
      }
      for (const [key, value] of overlay) setCriterion(key, value);
    }
    // The root state stays as a sentinel so the first pin has something to backtrack to.
    pushFrame();

    for (; rounds < maxRounds; rounds++) {
      if (unsatisfied.size === 0) return buildResult(criteria, mapping);
      budget?.spend(1);
      await checkStop();

      // min() keeps the first of equal preferences, as Python's does; getPreference is called in
      // resolvelib's order (criteria order) because pip's provider remembers depths between calls.
      const names = pending();
      budget?.spend(names.length);
      let name = names[0] as string;
      let best = provider.getPreference(name, preferenceContext);
      for (let i = 1; i < names.length; i++) {
        const other = names[i] as string;
        const p = provider.getPreference(other, preferenceContext);
        if (provider.comparePreferences(p, best) < 0) [name, best] = [other, p];
      }

      const { causes: failureCauses, newlyUnsatisfied } = await attemptToPinCriterion(name);
      if (failureCauses.length > 0) {
        const causes = failureCauses.flatMap((c) => c.information);
        const success = await backjump(causes);
        top().backtrackCauses = causes;
        if (!success) throw new ResolutionImpossible(causes);
      } else {
        // Requirements from pins that no longer hold stop counting as information.
        if (newlyUnsatisfied.size > 0) removeInformationFromCriteria(newlyUnsatisfied);
        pushFrame();
      }
    }
    throw new ResolutionTooDeep(maxRounds);
  } finally {
    signal?.removeEventListener("abort", onAbort.resolve);
  }
}

/**
 * resolvelib's _build_result: only pins with a chain of current pins back to the user's requirements
 * are installed. A pin whose every requirer was since re-pinned or dropped stays in the mapping but
 * is not part of the answer. Parents are matched by identity, as resolvelib does (id(parent)).
 */
function buildResult<R, C>(criteria: ReadonlyMap<string, Criterion<R, C>>, pins: ReadonlyMap<string, Pin<C>>): Resolution<R, C> {
  const ordered = [...pins].sort(([, a], [, b]) => a.seq - b.seq);
  const keyOf = new Map<C, string>();
  for (const [key, { candidate }] of ordered) keyOf.set(candidate, key);
  const connected = new Set<string | null>([null]);
  const hasRouteToRoot = (key: string, visiting: Set<string>): boolean => {
    if (connected.has(key)) return true;
    const criterion = criteria.get(key);
    if (!criterion || visiting.has(key)) return false;
    visiting.add(key);
    for (const { parent } of criterion.information) {
      const parentKey = parent === null ? null : keyOf.get(parent);
      if (parentKey === undefined) continue;
      if (parentKey === null || connected.has(parentKey) || hasRouteToRoot(parentKey, visiting)) {
        connected.add(key);
        return true;
      }
    }
    return false;
  };
  for (const key of criteria.keys()) hasRouteToRoot(key, new Set());
  const mapping = new Map(ordered.filter(([key]) => connected.has(key)).map(([key, { candidate }]) => [key, candidate] as const));
  return { mapping, criteria };
}
