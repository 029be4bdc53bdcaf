import { ROLES, type SessionLinks } from "./load.js";

async function call<T>(
  url: string,
  init: { method?: string; body?: unknown; bearer?: string } = {},
): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = await response.json();
  if (!response.ok)
    throw new Error(`${init.method ?? "POST"} ${url}: ${response.status} ${JSON.stringify(body)}`);
  return body as T;
}

type Link = { token: string };

/**
 * `count` Loopwright sessions made the way the web app makes them: create
 * (host and candidate links), an observer link added by the host, and every
 * link exchanged for a credential.
 */
export async function createLoopwrightSessions(
  baseUrl: string,
  count: number,
  concurrency = 8,
): Promise<SessionLinks[]> {
  const { questions } = await call<{ questions: { id: string }[] }>(`${baseUrl}/api/questions`);
  const questionId = (questions[0] as { id: string }).id;
  const credential = async (token: string) =>
    (await call<{ credential: string }>(`${baseUrl}/api/sessions/exchange`, { body: { token } })).credential;
  const one = async (i: number): Promise<SessionLinks> => {
    const created = await call<{ sessionId: string; host: Link; candidate: Link }>(
      `${baseUrl}/api/sessions`,
      {
        body: { questionId, hostName: `Host ${i}`, candidateName: `Candidate ${i}` },
      },
    );
    const host = await credential(created.host.token);
    const observer = await call<Link>(`${baseUrl}/api/sessions/${created.sessionId}/links`, {
      body: { role: "observer", name: `Observer ${i}` },
      bearer: host,
    });
    return {
      id: created.sessionId,
      credentials: {
        host,
        candidate: await credential(created.candidate.token),
        observer: await credential(observer.token),
      },
    };
  };
  const links: SessionLinks[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        links[i] = await one(i);
      }
    }),
  );
  return links;
}

/** The baseline's rooms: it checks no credential, so one of a real credential's length stands in. */
export function bareSessions(count: number): SessionLinks[] {
  const stand_in = "x".repeat(43);
  return Array.from({ length: count }, (_, i) => ({
    id: `room-${i}`,
    credentials: Object.fromEntries(ROLES.map((role) => [role, stand_in])) as SessionLinks["credentials"],
  }));
}
