import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { SqliteStore } from "../../src/storage/sqlite/sqlite-store.js";
import { registerStoreContractTests } from "./store-contract.js";

const dir = mkdtempSync(path.join(tmpdir(), "loopwright-contract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

// A real file in WAL mode, as the server runs it, not :memory:.
registerStoreContractTests("SQLite", async () => new SqliteStore(path.join(dir, `store-${++n}.sqlite`)));
