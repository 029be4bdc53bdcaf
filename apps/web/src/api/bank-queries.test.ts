// @vitest-environment node
import { QueryObserver, type QueryObserverResult } from "@tanstack/react-query";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../../server/test/helpers";
import { bankQueries } from "./bank-queries";
import { createQueryClient } from "./query-client";

/**
 * The real server, reached through the relative paths the client uses; every
 * request the client itself makes is counted, so a second one would show.
 */
let server: RunningServer;
let requests: string[] = [];
const realFetch = globalThis.fetch;
beforeAll(async () => {
  server = await startServer();
  globalThis.fetch = (input, init) => {
    const path = typeof input === "string" ? input : input instanceof URL ? input.pathname : input.url;
    requests.push(path);
    return realFetch(new URL(path, server.url), init);
  };
});
afterAll(() => {
  globalThis.fetch = realFetch;
  globalThis.__loopwrightEarly = undefined;
});

async function firstQuestionId(): Promise<string> {
  const list = (await (await realFetch(`${server.url}/api/questions`)).json()) as {
    questions: { id: string }[];
  };
  const first = list.questions[0];
  if (!first) throw new Error("the bank is empty");
  return first.id;
}

/** What a page does on mount: subscribe, and wait for the answer. */
// Generic over the observer's key and data, so typed bank queries need no casts.
function mount<TData, TKey extends readonly unknown[]>(
  observer: QueryObserver<TData, Error, TData, TData, TKey>,
) {
  return new Promise<{ data: TData; unsubscribe: () => void }>((resolve, reject) => {
    const settle = (result: QueryObserverResult<TData, Error>) => {
      if (result.isSuccess) resolve({ data: result.data, unsubscribe });
      if (result.isError) reject(result.error);
    };
    const unsubscribe = observer.subscribe(settle);
    // An answer already in the cache renders at once, with no change to be told of.
    settle(observer.getCurrentResult());
  });
}

describe("a question page's first render", () => {
  it("takes the route-preload script's response, through the loader's prefetch, with no request of its own", async () => {
    const id = await firstQuestionId();
    const client = createQueryClient();
    // What the script in index.html does before the app's code has arrived.
    globalThis.__loopwrightEarly = new Map([
      [`GET /api/questions/${id}`, realFetch(`${server.url}/api/questions/${id}`)],
    ]);
    requests = [];

    // The route's loader, then the page mounting (twice, as React's strict mode does).
    void client.prefetchQuery(bankQueries.question(id));
    const page = new QueryObserver(client, bankQueries.question(id));
    // Strict mode subscribes, unsubscribes and subscribes again before the answer is in.
    page.subscribe(() => {})();
    const first = await mount(page);
    first.unsubscribe();
    const again = await mount(new QueryObserver(client, bankQueries.question(id)));
    again.unsubscribe();

    expect((first.data as { id: string }).id).toBe(id);
    expect(again.data).toBe(first.data);
    expect(requests).toEqual([]);
    expect(globalThis.__loopwrightEarly.size).toBe(0);
  });

  it("asks the server itself when nothing was preloaded, once for every reader of the same question", async () => {
    const id = await firstQuestionId();
    const client = createQueryClient();
    requests = [];
    const [a, b] = await Promise.all([
      mount(new QueryObserver(client, bankQueries.question(id))),
      mount(new QueryObserver(client, bankQueries.question(id))),
    ]);
    a.unsubscribe();
    b.unsubscribe();
    expect(requests).toEqual([`/api/questions/${encodeURIComponent(id)}`]);
  });
});
