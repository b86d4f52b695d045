// A re-iterable sequence whose items are worked out as they are first read, and kept. pip's own
// candidate lists are lazy the same way (FoundCandidates over a generator, resolvelib reading the
// first few): the resolver almost always pins the newest version, so the rest of a project's
// thousands of files are never evaluated.

export class LazySequence<T> implements Iterable<T> {
  private readonly seen: T[] = [];
  private source: Iterator<T> | null;

  constructor(source: Iterable<T>) {
    this.source = source[Symbol.iterator]();
  }

  /** The item at `index`, reading the source only as far as that; undefined past the end. */
  at(index: number): T | undefined {
    while (this.seen.length <= index && this.source) {
      const next = this.source.next();
      if (next.done) this.source = null;
      else this.seen.push(next.value);
    }
    return this.seen[index];
  }

  isEmpty(): boolean {
    return this.at(0) === undefined;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let index = 0; ; index++) {
      if (index >= this.seen.length) this.at(index);
      if (index >= this.seen.length) return;
      yield this.seen[index] as T;
    }
  }

  /** Every item (reads the whole source). */
  toArray(): T[] {
    while (this.source) this.at(this.seen.length);
    return [...this.seen];
  }
}

/** A sequence the resolver may read more than once: an array, or a LazySequence. */
export type Sequence<T> = readonly T[] | LazySequence<T>;

export function isEmptySequence<T>(items: Sequence<T>): boolean {
  return items instanceof LazySequence ? items.isEmpty() : items.length === 0;
}

export function filterSequence<T>(items: Sequence<T>, keep: (item: T) => boolean): LazySequence<T> {
  return new LazySequence(
    (function* () {
      for (const item of items) if (keep(item)) yield item;
    })(),
  );
}

export function mapSequence<T, U>(items: Sequence<T>, map: (item: T) => U): LazySequence<U> {
  return new LazySequence(
    (function* () {
      for (const item of items) yield map(item);
    })(),
  );
}
