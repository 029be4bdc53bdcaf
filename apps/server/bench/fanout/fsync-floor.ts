/**
 * How long this disk takes to make a small write durable: append a WAL-frame
 * sized block (4 KiB page + header) and fdatasync it, as SQLite does at every
 * COMMIT with synchronous=FULL. An acknowledged change has waited for one
 * (P-DUR-1), and a change that arrives while a group commit is syncing waits
 * for the rest of that one and then its own, so twice this is the floor under
 * the fan-out's delivery p99, whatever the server's own code costs.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { quantile } from "../harness.js";

const FRAME_BYTES = 4096 + 24;

export function fsyncLatencies(count: number): { p50: number; p99: number } {
  // The fan-out's server keeps its database under the same tmpdir, so on the same disk.
  const dir = mkdtempSync(path.join(tmpdir(), "loopwright-fsync-"));
  const fd = openSync(path.join(dir, "wal"), "a");
  const block = Buffer.alloc(FRAME_BYTES, 1);
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      writeSync(fd, block);
      const start = process.hrtime.bigint();
      fdatasyncSync(fd);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}
