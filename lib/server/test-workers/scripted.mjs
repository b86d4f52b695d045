// A stand-in analysis worker for the pool's tests: it does what the task's requirements text says.
//   "spin"      never yields (a stuck CPU loop: only ending the worker stops it)
//   "sleep N"   answers after N ms
//   "oom"       allocates until the heap limit ends the worker
//   "events N"  sends a start and N targets on the task's port (when it asks for events), then answers
//   "wait-abort" answers only once the port says "abort" (echo "aborted")
//   anything else answers at once
// Like the real worker, it ends the task's port with { type: "end" }.
export default async function run(task) {
  try {
    return await answer(task);
  } finally {
    task.port?.postMessage({ type: "end" });
    task.port?.close();
  }
}

async function answer(task) {
  const [command, argument] = task.input.requirements.split(" ");
  if (command === "events" && task.events) {
    const targets = Array.from({ length: Number(argument) }, (_, i) => ({ base: `image-${i}`, arch: "amd64" }));
    task.port.postMessage({ type: "start", targets });
    targets.forEach((target, index) => task.port.postMessage({ type: "target", index, json: JSON.stringify(target) }));
  }
  if (command === "wait-abort") {
    await new Promise((resolve) => task.port.on("message", (message) => message.type === "abort" && resolve()));
    return { ok: true, json: JSON.stringify({ echo: "aborted" }), final: false, preview: { recommended: null, headlines: [] } };
  }
  if (command === "spin") for (;;);
  if (command === "sleep") await new Promise((resolve) => setTimeout(resolve, Number(argument)));
  if (command === "oom") {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  return { ok: true, json: JSON.stringify({ echo: task.input.requirements, port: task.port !== undefined }), final: true, preview: { recommended: null, headlines: [] } };
}
