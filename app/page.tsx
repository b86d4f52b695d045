import { Analyzer } from "@/components/Analyzer";
import { DEFAULT_BASES, listBaseImages } from "@/lib/targets";

export default function HomePage() {
  const bases = listBaseImages().map((image) => ({
    reference: image.reference,
    python: image.python.version,
    libc: `${image.libc.family} ${image.libc.version}`,
    variant: image.variant,
  }));
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-6">
        <h1 className="text-3xl font-bold tracking-tight">Basewise</h1>
        <p className="mt-2 max-w-3xl text-slate-600 dark:text-slate-400">
          Paste a <code>requirements.txt</code>, pick the Docker base images you are choosing between, and see which
          packages pip installs from a ready-made wheel and which it has to compile on each.
        </p>
      </header>
      <Analyzer bases={bases} defaultBases={DEFAULT_BASES} />
    </main>
  );
}
