// Times the shapes like JMH's average-time mode: warmup iterations, then measured iterations,
// each repeating the operation until its time is up; prints the mean time per operation.
// Usage: node bench.mjs [--warmup N] [--iterations N] [--seconds S]
// Prints one line per shape: RESULT <shape> <value> <unit>
import { parseArgs } from "node:util";
import { blocking, chain, fanOut, hitl, hitlCycle, runToStop } from "./shapes.mjs";

const { values } = parseArgs({
  options: {
    warmup: { type: "string", default: "5" },
    iterations: { type: "string", default: "5" },
    seconds: { type: "string", default: "2" },
  },
});
const warmup = Number(values.warmup);
const iterations = Number(values.iterations);
const iterationNanos = BigInt(Math.round(Number(values.seconds) * 1e9));

/** Mean nanoseconds per call of `op` over the measured iterations. */
async function measure(op) {
  const means = [];
  for (let i = 0; i < warmup + iterations; i++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    do {
      await op();
      calls++;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < iterationNanos);
    if (i >= warmup) {
      means.push(Number(elapsed) / calls);
    }
  }
  return means.reduce((a, b) => a + b, 0) / means.length;
}

function report(shape, value, unit) {
  console.log(`RESULT ${shape} ${value.toFixed(3)} ${unit}`);
}

const s1 = chain(10);
report("s1Chain", (await measure(async () => {
  const value = await runToStop(s1.workflow, s1.start.with(0), s1.stop);
  if (value !== 10) throw new Error(`chain ended with ${value}`);
})) / 10 / 1e3, "us/step");

const s2 = fanOut();
report("s2FanOut", (await measure(async () => {
  const count = await runToStop(s2.workflow, s2.start.with(10_000), s2.stop);
  if (count !== 10_000) throw new Error(`gathered ${count} of 10000`);
})) / 1e6, "ms/op");

const s3 = blocking(10);
report("s3Concurrent", (await measure(async () => {
  const runs = Array.from({ length: 1_000 }, (_, i) => runToStop(s3.workflow, s3.start.with(i), s3.stop));
  await Promise.all(runs);
})) / 1e6, "ms/op");

const s4 = hitl();
let tickets = 0;
report("s4Hitl", (await measure(async () => {
  const id = tickets++;
  const decision = await hitlCycle(s4, id);
  if (decision.ticket !== id || !decision.approved) throw new Error(`resumed run decided ${JSON.stringify(decision)}`);
})) / 1e3, "us/op");
