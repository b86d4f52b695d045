// A stand-in analysis worker for the pool's tests: it does what the task's requirements text says.
//   "spin"      never yields (a stuck CPU loop: only ending the worker stops it)
//   "sleep N"   answers after N ms
//   "oom"       allocates until the heap limit ends the worker
//   anything else answers at once
export default async function run(task) {
  const [command, argument] = task.input.requirements.split(" ");
  if (command === "spin") for (;;);
  if (command === "sleep") await new Promise((resolve) => setTimeout(resolve, Number(argument)));
  if (command === "oom") {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  return { ok: true, json: JSON.stringify({ echo: task.input.requirements }), final: true, preview: { recommended: null, headlines: [] } };
}
