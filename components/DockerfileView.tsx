import type { GeneratedDockerfile } from "@/lib/dockerfile";

// The recommended Dockerfile: each line with why beside it, and the annotated text to download.

export function DockerfileView({ dockerfile, name }: { dockerfile: GeneratedDockerfile; name: string }) {
  const href = `data:text/plain;charset=utf-8,${encodeURIComponent(dockerfile.text)}`;
  return (
    <details className="mt-3" data-testid="dockerfile">
      <summary className="cursor-pointer font-semibold">Recommended Dockerfile</summary>
      <a className="mt-1 inline-block text-sm text-indigo-700 underline dark:text-indigo-300" href={href} download={`Dockerfile.${name}`} data-testid="dockerfile-download">
        Download (annotations as comments)
      </a>
      {dockerfile.warnings.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-sm text-amber-800 dark:text-amber-300" data-testid="dockerfile-warnings">
          {dockerfile.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <ol className="mt-2 grid gap-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-950">
        {dockerfile.lines.map((line, index) => (
          <li key={index} className="grid gap-x-4 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="dockerfile-line">
            <code className="whitespace-pre-wrap break-all font-mono">{line.text}</code>
            {line.note ? <span className="text-slate-600 dark:text-slate-400">{line.note}</span> : <span />}
          </li>
        ))}
      </ol>
    </details>
  );
}
