import Fastify from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
} from "../src/lib/domain-errors.js";
import { installErrorHandling } from "../src/plugins/errors.js";
import { callJson, getJson, type RunningServer, startServer } from "./helpers.js";

let server: RunningServer;
let questionId: string;
const credentials = { practitioner: "", member: "", participant: "" };
let workspaceId: string;
let sessionId: string;

const send = (method: string, path: string, body?: unknown, bearer?: string) =>
  callJson(server.url, method, path, body, bearer);

beforeAll(async () => {
  server = await startServer();
  questionId = (await getJson(`${server.url}/api/questions`)).body.questions[0].id;
  credentials.practitioner = (await send("POST", "/api/practitioners")).body.key;
  const workspace = (await send("POST", "/api/workspaces", { name: "Panel", adminName: "Ada" })).body;
  workspaceId = workspace.workspace.id;
  credentials.member = (
    await send("POST", "/api/workspaces/sessions", { token: workspace.adminToken })
  ).body.credential;
  const session = (
    await send("POST", "/api/sessions", { questionId, hostName: "Hana", candidateName: "Cara" })
  ).body;
  sessionId = session.sessionId;
  credentials.participant = (
    await send("POST", "/api/sessions/exchange", { token: session.host.token })
  ).body.credential;
});

/** One authenticated route of each tree, with a body its schema refuses and one it accepts. */
const trees = [
  {
    tree: "practice",
    credential: () => credentials.practitioner,
    path: () => "/api/attempts",
    bad: { questionId: 42 },
    good: () => ({ questionId }),
    unauthorized: /practitioner key in an 'Authorization: Bearer <key>' header/,
  },
  {
    tree: "calibration",
    credential: () => credentials.member,
    path: () => `/api/workspaces/${workspaceId}/members`,
    bad: { name: "" },
    good: () => ({ name: "Ivo" }),
    unauthorized: /no session credential was sent/,
  },
  {
    tree: "sessions",
    credential: () => credentials.participant,
    path: () => `/api/sessions/${sessionId}/links`,
    bad: { role: "judge", name: "Jo" },
    good: () => ({ role: "observer", name: "Omar" }),
    unauthorized: /no session credential was sent/,
  },
];

describe.each(trees)("the $tree routes' authentication hook", (t) => {
  it("answers 401 with the tree's own message when no credential is sent", async () => {
    const res = await send("POST", t.path(), t.good());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "unauthorized", message: expect.stringMatching(t.unauthorized) });
  });

  it("checks the input before the credential, so a bad body without one is still a 400", async () => {
    const res = await send("POST", t.path(), t.bad);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_request");
  });

  it("hands the authenticated caller to the handler", async () => {
    const res = await send("POST", t.path(), t.good(), t.credential());
    expect(res.status).toBe(201);
  });
});

describe("a credential from another tree", () => {
  it("is not accepted: each tree resolves only its own", async () => {
    const asMember = await send("GET", "/api/attempts", undefined, credentials.member);
    expect(asMember.status).toBe(401);
    const asPractitioner = await send(
      "GET",
      `/api/workspaces/${workspaceId}`,
      undefined,
      credentials.practitioner,
    );
    expect(asPractitioner.status).toBe(401);
    const asParticipant = await send(
      "GET",
      `/api/workspaces/${workspaceId}`,
      undefined,
      credentials.participant,
    );
    expect(asParticipant.status).toBe(401);
  });
});

describe("domain errors", () => {
  const cases = [
    [new NotFoundError("No such thing."), 404, { error: "not_found", message: "No such thing." }],
    [new UnauthenticatedError("Sign in."), 401, { error: "unauthorized", message: "Sign in." }],
    [new ForbiddenError("Admins only."), 403, { error: "forbidden", message: "Admins only." }],
    [new ConflictError("Already done."), 409, { error: "conflict", message: "Already done." }],
    [
      new InvalidInputError("No question 'q'.", "items.0.questionId"),
      400,
      {
        error: "invalid_request",
        message: "No question 'q'.",
        issues: [{ path: "items.0.questionId", message: "No question 'q'." }],
      },
    ],
  ] as const;

  it.each(cases)(
    "%s is answered by the error plugin with its status and body",
    async (error, status, body) => {
      const app = Fastify();
      installErrorHandling(app);
      app.get("/throws", async () => {
        throw error;
      });
      const res = await app.inject({ method: "GET", url: "/throws" });
      expect(res.statusCode).toBe(status);
      expect(res.json()).toEqual(body);
      await app.close();
    },
  );

  it("keeps an ordinary error a logged 500", async () => {
    const app = Fastify();
    installErrorHandling(app);
    app.get("/throws", async () => {
      throw new Error("a bug");
    });
    const res = await app.inject({ method: "GET", url: "/throws" });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toBe("internal_error");
    await app.close();
  });
});
