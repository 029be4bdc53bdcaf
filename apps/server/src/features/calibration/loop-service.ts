import { type Loop, type LoopBody, loopCoverage } from "@loopwright/schema";
import { InvalidInputError, NotFoundError } from "../../lib/domain-errors.js";
import { generateId } from "../../lib/secrets.js";
import type { LoopRecord, MemberRecord } from "../../storage/store.js";
import { CalibrationPart, requireAdmin } from "./calibration-part.js";

export const noSuchLoop = () => new NotFoundError("No loop with that id in this workspace.");

const toLoop = (record: LoopRecord): Loop => ({
  id: record.id,
  name: record.name,
  createdAt: record.createdAt,
  rounds: record.rounds as Loop["rounds"],
  coverage: loopCoverage(record.rounds),
});

/** A workspace's interview loops: which questions each round asks, and what the loop covers. */
export class LoopService extends CalibrationPart {
  private validate(body: LoopBody): void {
    body.rounds.forEach((round, i) => {
      round.questionIds.forEach((id, j) => {
        if (!this.options.catalog.get(id)) {
          throw new InvalidInputError(
            `Round ${i + 1}: no question has the id '${id}'.`,
            `rounds.${i}.questionIds.${j}`,
          );
        }
      });
    });
  }

  async create(admin: MemberRecord, body: LoopBody): Promise<Loop> {
    requireAdmin(admin);
    this.validate(body);
    const record: LoopRecord = {
      id: generateId(),
      workspaceId: admin.workspaceId,
      createdAt: this.iso(),
      ...body,
    };
    await this.repo.saveLoop(record);
    return toLoop(record);
  }

  async update(admin: MemberRecord, id: string, body: LoopBody): Promise<Loop> {
    requireAdmin(admin);
    const existing = await this.repo.getLoop(admin.workspaceId, id);
    if (!existing) throw noSuchLoop();
    this.validate(body);
    const record = { ...existing, ...body };
    await this.repo.saveLoop(record);
    return toLoop(record);
  }

  async list(member: MemberRecord): Promise<Loop[]> {
    return (await this.repo.listLoops(member.workspaceId)).map(toLoop);
  }

  async get(member: MemberRecord, id: string): Promise<Loop> {
    const loop = await this.repo.getLoop(member.workspaceId, id);
    if (!loop) throw noSuchLoop();
    return toLoop(loop);
  }

  async delete(admin: MemberRecord, id: string): Promise<void> {
    requireAdmin(admin);
    if (!(await this.repo.deleteLoop(admin.workspaceId, id))) throw noSuchLoop();
  }
}
