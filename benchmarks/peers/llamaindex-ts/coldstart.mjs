// S5: a fresh Node process runs a two-handler workflow once and exits.
import { chain, runToStop } from "./shapes.mjs";

const { workflow, start, stop } = chain(2);
console.log(await runToStop(workflow, start.with(0), stop));
