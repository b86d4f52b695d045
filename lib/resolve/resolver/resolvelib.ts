// The backtracking algorithm pip resolves with: resolvelib 1.0.1 (pip 23.x vendors it), written again
// in TypeScript, step for step, so that the same provider gives the same answer. Differences: it is
// async (dependencies come from the network), and candidate lists are arrays, not lazy views.

export interface RequirementInformation<R, C> {
  requirement: R;
  /** The candidate whose dependency this is; null for a requirement the user wrote. */
  parent: C | null;
}

/** What the algorithm needs from the packaging world (resolvelib's AbstractProvider). */
export interface Provider<R, C, P> {
  identify(requirementOrCandidate: R | C): string;
  getPreference(identifier: string, context: PreferenceContext<R, C>): P;
  comparePreferences(a: P, b: P): number;
  /** Candidates for `identifier` that satisfy every requirement given and are not incompatible, best first. */
  findMatches(identifier: string, requirements: ReadonlyMap<string, readonly R[]>, incompatibilities: ReadonlyMap<string, readonly C[]>): C[];
  isSatisfiedBy(requirement: R, candidate: C): boolean;
  getDependencies(candidate: C): Promise<R[]>;
}

export interface PreferenceContext<R, C> {
  resolutions: ReadonlyMap<string, C>;
  information: ReadonlyMap<string, readonly RequirementInformation<R, C>[]>;
  backtrackCauses: readonly RequirementInformation<R, C>[];
}

interface Criterion<R, C> {
  candidates: C[];
  information: RequirementInformation<R, C>[];
  incompatibilities: C[];
}

interface State<R, C> {
  /** Insertion-ordered: backjumping undoes the last pin first. */
  mapping: Map<string, C>;
  criteria: Map<string, Criterion<R, C>>;
  backtrackCauses: RequirementInformation<R, C>[];
}

export class ResolutionImpossible<R, C> extends Error {
  constructor(readonly causes: RequirementInformation<R, C>[]) {
    super("resolution impossible");
  }
}

export class ResolutionTooDeep extends Error {
  constructor(readonly rounds: number) {
    super(`resolution did not finish within ${rounds} rounds`);
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

// pip allows 200 000 rounds; an analysis must answer in seconds, so Basewise stops far earlier.
export const DEFAULT_MAX_ROUNDS = 5_000;

export async function resolve<R, C, P>(provider: Provider<R, C, P>, requirements: readonly R[], maxRounds = DEFAULT_MAX_ROUNDS): Promise<Resolution<R, C>> {
  const states: State<R, C>[] = [{ mapping: new Map(), criteria: new Map(), backtrackCauses: [] }];
  const state = () => states[states.length - 1] as State<R, C>;

  const pushNewState = () => {
    const base = state();
    states.push({ mapping: new Map(base.mapping), criteria: new Map(base.criteria), backtrackCauses: [...base.backtrackCauses] });
  };

  const requirementsOf = (criteria: ReadonlyMap<string, Criterion<R, C>>, extra?: [string, R]) => {
    const map = new Map<string, R[]>();
    for (const [key, criterion] of criteria) map.set(key, criterion.information.map((i) => i.requirement));
    if (extra) map.set(extra[0], [...(map.get(extra[0]) ?? []), extra[1]]);
    return map;
  };
  // Like resolvelib's IteratorMapping with `appends`: the extra entries are chained after the criterion's own.
  const incompatibilitiesOf = (criteria: ReadonlyMap<string, Criterion<R, C>>, extra?: [string, C[]]) => {
    const map = new Map<string, C[]>();
    for (const [key, criterion] of criteria) map.set(key, criterion.incompatibilities);
    if (extra) map.set(extra[0], [...(map.get(extra[0]) ?? []), ...extra[1]]);
    return map;
  };

  const addToCriteria = (criteria: Map<string, Criterion<R, C>>, requirement: R, parent: C | null) => {
    const identifier = provider.identify(requirement);
    const existing = criteria.get(identifier);
    const incompatibilities = existing ? [...existing.incompatibilities] : [];
    const matches = provider.findMatches(identifier, requirementsOf(criteria, [identifier, requirement]), incompatibilitiesOf(criteria, [identifier, incompatibilities]));
    const information = [...(existing?.information ?? []), { requirement, parent }];
    const criterion = { candidates: matches, information, incompatibilities };
    if (matches.length === 0) throw new RequirementsConflicted(criterion);
    criteria.set(identifier, criterion);
  };

  const removeInformationFromCriteria = (criteria: Map<string, Criterion<R, C>>, parents: ReadonlySet<string>) => {
    if (parents.size === 0) return;
    for (const [key, criterion] of criteria) {
      criteria.set(key, {
        candidates: criterion.candidates,
        information: criterion.information.filter((i) => i.parent === null || !parents.has(provider.identify(i.parent))),
        incompatibilities: criterion.incompatibilities,
      });
    }
  };

  const preference = (name: string) => {
    const current = state();
    const information = new Map<string, readonly RequirementInformation<R, C>[]>();
    for (const [key, criterion] of current.criteria) information.set(key, criterion.information);
    return provider.getPreference(name, { resolutions: current.mapping, information, backtrackCauses: current.backtrackCauses });
  };

  const isCurrentPinSatisfying = (name: string, criterion: Criterion<R, C>) => {
    const pin = state().mapping.get(name);
    return pin !== undefined && criterion.information.every((i) => provider.isSatisfiedBy(i.requirement, pin));
  };

  const getUpdatedCriteria = async (candidate: C) => {
    const criteria = new Map(state().criteria);
    for (const requirement of await provider.getDependencies(candidate)) addToCriteria(criteria, requirement, candidate);
    return criteria;
  };

  const attemptToPinCriterion = async (name: string): Promise<Criterion<R, C>[]> => {
    const criterion = state().criteria.get(name) as Criterion<R, C>;
    const causes: Criterion<R, C>[] = [];
    for (const candidate of criterion.candidates) {
      let criteria: Map<string, Criterion<R, C>>;
      try {
        criteria = await getUpdatedCriteria(candidate);
      } catch (error) {
        if (error instanceof RequirementsConflicted) {
          causes.push(error.criterion as Criterion<R, C>);
          continue;
        }
        throw error;
      }
      if (!criterion.information.every((i) => provider.isSatisfiedBy(i.requirement, candidate))) {
        throw new Error(`provider returned a candidate that does not satisfy ${name}`);
      }
      const current = state();
      for (const [key, value] of criteria) current.criteria.set(key, value);
      // The newest pin goes last: backjumping pops it first.
      current.mapping.delete(name);
      current.mapping.set(name, candidate);
      return [];
    }
    return causes;
  };

  const backjump = async (causes: RequirementInformation<R, C>[]): Promise<boolean> => {
    const incompatibleDeps = new Set<string>();
    for (const cause of causes) if (cause.parent !== null) incompatibleDeps.add(provider.identify(cause.parent));
    for (const cause of causes) incompatibleDeps.add(provider.identify(cause.requirement));
    while (states.length >= 3) {
      states.pop(); // the state that triggered backtracking
      let broken: State<R, C>;
      let name: string;
      let candidate: C;
      // Go back to a state whose pin is related to the incompatibility.
      for (;;) {
        const popped = states.pop();
        const last = popped ? [...popped.mapping].pop() : undefined;
        if (!popped || !last) throw new ResolutionImpossible(causes);
        popped.mapping.delete(last[0]);
        [name, candidate] = last;
        broken = popped;
        const dependencies = new Set((await provider.getDependencies(candidate)).map((d) => provider.identify(d)));
        if ([...dependencies].some((d) => incompatibleDeps.has(d))) break;
      }
      const fromBroken: [string, C[]][] = [...broken.criteria].map(([key, value]) => [key, [...value.incompatibilities]]);
      fromBroken.push([name, [candidate]]);

      pushNewState();
      const patched = (() => {
        const current = state();
        for (const [key, incompatibilities] of fromBroken) {
          if (incompatibilities.length === 0) continue;
          const criterion = current.criteria.get(key);
          if (!criterion) continue;
          const matches = provider.findMatches(key, requirementsOf(current.criteria), incompatibilitiesOf(current.criteria, [key, incompatibilities]));
          if (matches.length === 0) return false;
          incompatibilities.push(...criterion.incompatibilities);
          current.criteria.set(key, { candidates: matches, information: [...criterion.information], incompatibilities });
        }
        return true;
      })();
      if (patched) return true;
    }
    return false;
  };

  for (const requirement of requirements) {
    try {
      addToCriteria(state().criteria, requirement, null);
    } catch (error) {
      if (error instanceof RequirementsConflicted) throw new ResolutionImpossible((error.criterion as Criterion<R, C>).information);
      throw error;
    }
  }
  // The root state stays as a sentinel so the first pin has something to backtrack to.
  pushNewState();

  for (let round = 0; round < maxRounds; round++) {
    const unsatisfied = [...state().criteria].filter(([key, criterion]) => !isCurrentPinSatisfying(key, criterion)).map(([key]) => key);
    if (unsatisfied.length === 0) {
      return buildResult(state());
    }
    const satisfied = new Set([...state().criteria.keys()].filter((key) => !unsatisfied.includes(key)));

    // min() keeps the first of equal preferences, as Python's does.
    let name = unsatisfied[0] as string;
    let best = preference(name);
    for (const other of unsatisfied.slice(1)) {
      const p = preference(other);
      if (provider.comparePreferences(p, best) < 0) [name, best] = [other, p];
    }

    const failureCauses = await attemptToPinCriterion(name);
    if (failureCauses.length > 0) {
      const causes = failureCauses.flatMap((c) => c.information);
      const success = await backjump(causes);
      state().backtrackCauses.splice(0, Infinity, ...causes);
      if (!success) throw new ResolutionImpossible(state().backtrackCauses);
    } else {
      // Requirements from pins that no longer hold stop counting as information.
      const newlyUnsatisfied = new Set([...state().criteria].filter(([key, criterion]) => satisfied.has(key) && !isCurrentPinSatisfying(key, criterion)).map(([key]) => key));
      removeInformationFromCriteria(state().criteria, newlyUnsatisfied);
      pushNewState();
    }
  }
  throw new ResolutionTooDeep(maxRounds);
}

/**
 * resolvelib's _build_result: only pins with a chain of current pins back to the user's requirements
 * are installed. A pin whose every requirer was since re-pinned or dropped stays in the mapping but
 * is not part of the answer. Parents are matched by identity, as resolvelib does (id(parent)).
 */
function buildResult<R, C>(final: State<R, C>): Resolution<R, C> {
  const keyOf = new Map<C, string>();
  for (const [key, candidate] of final.mapping) keyOf.set(candidate, key);
  const connected = new Set<string | null>([null]);
  const hasRouteToRoot = (key: string, visiting: Set<string>): boolean => {
    if (connected.has(key)) return true;
    const criterion = final.criteria.get(key);
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
  for (const key of final.criteria.keys()) hasRouteToRoot(key, new Set());
  const mapping = new Map([...final.mapping].filter(([key]) => connected.has(key)));
  return { mapping, criteria: final.criteria };
}
