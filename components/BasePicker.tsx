// Which catalog images to compare: a checkbox per image, ticked ones first. Rendered inside
// InputOptions (a client component), which owns the selection.

export interface BaseOption {
  reference: string;
  /** "3.12": the Python minor the image carries (catalog data), for the Python picker. */
  pythonMinor: string;
  /** "Python 3.12.14, glibc 2.36" */
  facts: string;
}

export function BasePicker({
  options,
  selected,
  onChange,
}: {
  options: BaseOption[];
  selected: string[];
  onChange: (next: string[]) => void;
}) {
  const toggle = (reference: string) =>
    onChange(selected.includes(reference) ? selected.filter((r) => r !== reference) : [...selected, reference]);
  // Selected bases first, so the current comparison is visible without scrolling the list.
  const ordered = [...options].sort(
    (a, b) => Number(selected.includes(b.reference)) - Number(selected.includes(a.reference)),
  );
  return (
    <fieldset className="grid gap-2">
      <legend className="font-medium">Base images to compare ({selected.length} selected)</legend>
      <div className="grid max-h-48 gap-1 overflow-y-auto rounded border border-slate-200 p-2 sm:grid-cols-2 dark:border-slate-800">
        {ordered.map((option) => (
          <label key={option.reference} className="flex flex-wrap items-center gap-x-2 text-sm">
            <input
              type="checkbox"
              data-testid="base-option"
              data-reference={option.reference}
              checked={selected.includes(option.reference)}
              onChange={() => toggle(option.reference)}
            />
            <span className="break-all font-mono">{option.reference}</span>
            <span className="text-slate-500 dark:text-slate-400">{option.facts}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
