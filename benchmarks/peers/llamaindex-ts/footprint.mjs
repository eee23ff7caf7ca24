// Heap retained per idle paused run: `runs` contexts whose start handler returned a question and
// that wait for the answer. Same method as the Java footprint: growth of the heap that survives
// a full GC, divided by the number of runs. Run with --expose-gc.
// Prints: RESULT footprint <bytes> bytes/run
import { paused } from "./shapes.mjs";

if (typeof globalThis.gc !== "function") {
  throw new Error("Run footprint.mjs with node --expose-gc");
}
const runs = Number(process.argv[2] ?? 10_000);
const { workflow, ticket, question, answer, decision } = paused();

/** Starts a run and resolves once its question is on the stream, with the run's context. */
function pause(id) {
  return new Promise((resolve) => {
    const context = workflow.createContext();
    const unsubscribe = context.stream.on(question, () => {
      unsubscribe();
      resolve(context);
    });
    context.sendEvent(ticket.with(id));
  });
}

async function retainedHeap() {
  let used = Infinity;
  for (let round = 0; round < 4; round++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    used = Math.min(used, process.memoryUsage().heapUsed);
  }
  return used;
}

for (let i = 0; i < Math.min(runs, 1_000); i++) await pause(i); // warm up
const before = await retainedHeap();
const waiting = [];
for (let i = 0; i < runs; i++) waiting.push(await pause(i));
const after = await retainedHeap();
console.log(`RESULT footprint ${Math.round((after - before) / runs)} bytes/run`);
// Prove the runs were alive: answer one and see it finish.
const first = waiting[0];
first.sendEvent(answer.with(0));
const done = await first.stream.until(decision).toArray();
if (!decision.include(done[done.length - 1])) throw new Error("paused run did not finish");
