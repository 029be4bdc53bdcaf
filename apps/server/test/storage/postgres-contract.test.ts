import { afterAll, beforeAll } from "vitest";
import { PostgresStore } from "../../src/storage/postgres/postgres-store.js";
import type { Store } from "../../src/storage/store.js";
import { startTestPostgres, type TestPostgres } from "../support/postgres-server.js";
import { registerStoreContractTests } from "./store-contract.js";

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(() => postgres?.stop());

const urls = new WeakMap<Store, string>();

// A real PostgreSQL server, a fresh database for every test.
registerStoreContractTests(
  "PostgreSQL",
  async () => {
    const connectionString = await postgres.createDatabase();
    const store = await PostgresStore.open({ connectionString });
    urls.set(store, connectionString);
    return store;
  },
  { sibling: async (store) => PostgresStore.open({ connectionString: urls.get(store) as string }) },
);
