// The design's shapes written with @llamaindex/workflow-core, the way its README does:
// events from workflowEvent(), handlers registered with workflow.handle(), a run is a context
// whose stream is read until the stop event.
import { createWorkflow, workflowEvent } from "@llamaindex/workflow-core";
import { createStatefulMiddleware } from "@llamaindex/workflow-core/middleware/state";

/** Starts a run with `start` and resolves to the data of the first `stop` event on its stream. */
export async function runToStop(workflow, start, stop) {
  const { stream, sendEvent } = workflow.createContext();
  sendEvent(start);
  const events = await stream.until(stop).toArray();
  return events[events.length - 1].data;
}

/** S1: `steps` handlers in a line, each emitting the next event with the value plus one. */
export function chain(steps) {
  const events = Array.from({ length: steps + 1 }, () => workflowEvent());
  const workflow = createWorkflow();
  for (let i = 0; i < steps; i++) {
    const next = events[i + 1];
    workflow.handle([events[i]], (_context, event) => next.with(event.data + 1));
  }
  return { workflow, start: events[0], stop: events[steps] };
}

/** S2: the start handler sends `count` events, a handler maps each, a stateful gatherer counts them. */
export function fanOut() {
  const burst = workflowEvent();
  const item = workflowEvent();
  const mapped = workflowEvent();
  const gathered = workflowEvent();
  const { withState } = createStatefulMiddleware(() => ({ expected: 0, received: 0, sum: 0 }));
  const workflow = withState(createWorkflow());
  workflow.handle([burst], (context, event) => {
    context.state.expected = event.data;
    for (let i = 0; i < event.data; i++) {
      context.sendEvent(item.with(i));
    }
  });
  workflow.handle([item], (_context, event) => mapped.with(event.data * 2));
  workflow.handle([mapped], (context, event) => {
    const state = context.state;
    state.received++;
    state.sum += event.data;
    if (state.received === state.expected) {
      return gathered.with(state.received);
    }
  });
  return { workflow, start: burst, stop: gathered };
}

/** S3: three handlers whose middle one waits `blockMillis` (Node cannot block; it awaits a timer). */
export function blocking(blockMillis) {
  const request = workflowEvent();
  const call = workflowEvent();
  const reply = workflowEvent();
  const handled = workflowEvent();
  const workflow = createWorkflow();
  workflow.handle([request], (_context, event) => call.with(event.data));
  workflow.handle([call], async (_context, event) => {
    await new Promise((resolve) => setTimeout(resolve, blockMillis));
    return reply.with(event.data);
  });
  workflow.handle([reply], (_context, event) => handled.with(event.data));
  return { workflow, start: request, stop: handled };
}

/** The paused-run shape: the start handler returns a question, and the run waits for an answer. */
export function paused() {
  const ticket = workflowEvent();
  const question = workflowEvent();
  const answer = workflowEvent();
  const decision = workflowEvent();
  const workflow = createWorkflow();
  workflow.handle([ticket], (_context, event) => question.with(event.data));
  workflow.handle([answer], (_context, event) => decision.with(event.data));
  return { workflow, ticket, question, answer, decision };
}

/**
 * S4: the paused-run shape with the stateful middleware, whose snapshot/resume is the library's
 * human-in-the-loop persistence: the state (the ticket) and the unconsumed events go into the
 * snapshot, and resume() replays them into a fresh context of the same workflow.
 */
export function hitl() {
  const ticket = workflowEvent();
  const question = workflowEvent();
  const answer = workflowEvent();
  const decision = workflowEvent();
  const { withState } = createStatefulMiddleware(() => ({ ticket: 0 }));
  const workflow = withState(createWorkflow());
  workflow.handle([ticket], (context, event) => {
    context.state.ticket = event.data;
    return question.with(event.data);
  });
  workflow.handle([answer], (context, event) =>
    decision.with({ ticket: context.state.ticket, approved: event.data.approved }));
  return { workflow, ticket, question, answer, decision };
}

/**
 * One S4 cycle: run to the question, snapshot to JSON (which locks the paused context), resume a
 * new context from the decoded JSON, answer, and resolve to the decision.
 */
export async function hitlCycle({ workflow, ticket, question, answer, decision }, id) {
  const run = workflow.createContext();
  await new Promise((resolve) => { // the question: the run is paused
    const unsubscribe = run.stream.on(question, () => {
      unsubscribe();
      resolve();
    });
    run.sendEvent(ticket.with(id));
  });
  const json = JSON.stringify(await run.snapshot());
  const resumed = workflow.resume(JSON.parse(json));
  resumed.sendEvent(answer.with({ ticket: id, approved: true }));
  const events = await resumed.stream.until(decision).toArray();
  return events[events.length - 1].data;
}
