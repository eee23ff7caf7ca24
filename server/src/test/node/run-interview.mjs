// Runs the "interview" workflow end to end with LlamaIndex's TypeScript client, unchanged:
// start without waiting, stream its events over SSE, answer its question, read the result.
// Prints one line per step; TypeScriptClientTest asserts them. Usage: node run-interview.mjs BASE_URL
import {
  createClient,
  createConfig,
  getEventsByHandlerId,
  getHandlersByHandlerId,
  getResultsByHandlerId,
  getWorkflows,
  postEventsByHandlerId,
  postWorkflowsByNameRunNowait,
} from "@llamaindex/workflows-client";

const baseUrl = process.argv[2];
const client = createClient(createConfig({ baseUrl }));

function check(response, what) {
  if (response.error !== undefined || !response.response.ok) {
    throw new Error(`${what} failed: ${response.response?.status} ${JSON.stringify(response.error)}`);
  }
  return response.data;
}

const workflows = check(await getWorkflows({ client }), "GET /workflows");
console.log(`workflows ${workflows.workflows.join(",")}`);

const started = check(
  await postWorkflowsByNameRunNowait({ client, path: { name: "interview" }, body: { start_event: { topic: "types" } } }),
  "run-nowait",
);
console.log(`started ${started.status}`);

const { stream } = await getEventsByHandlerId({
  client,
  path: { handler_id: started.handler_id },
  query: { sse: true, after_sequence: -1 },
  sseMaxRetryAttempts: 1,
});
for await (const event of stream) {
  console.log(`event ${event.type} ${JSON.stringify(event.value)}`);
  if (event.types?.includes("InputRequiredEvent")) {
    const sent = check(
      await postEventsByHandlerId({
        client,
        path: { handler_id: started.handler_id },
        body: { event: { type: "Reply", value: { text: "from typescript" } } },
      }),
      "send event",
    );
    console.log(`sent ${sent.status}`);
  }
  if (event.types?.includes("StopEvent")) {
    break;
  }
}

const handler = check(await getHandlersByHandlerId({ client, path: { handler_id: started.handler_id } }), "handler");
console.log(`handler ${handler.status} ${handler.result.type} ${JSON.stringify(handler.result.value)}`);
const result = check(await getResultsByHandlerId({ client, path: { handler_id: started.handler_id } }), "result");
console.log(`result ${JSON.stringify(result.result)}`);
