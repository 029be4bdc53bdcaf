import type { Analyzer } from "../../lib/analysis/analysis-pool.js";
import { ForbiddenError } from "../../lib/domain-errors.js";
import { type IsoClock, isoClock } from "../../lib/iso-clock.js";
import type { CalibrationRepository, KeyedLocks, MemberRecord } from "../../storage/store.js";
import type { QuestionCatalog } from "../questions/catalog.js";

export interface CalibrationOptions {
  catalog: QuestionCatalog;
  repo: CalibrationRepository;
  /** Serialises read-modify-write of one record, across instances when there are several. */
  locks: KeyedLocks;
  analyzer: Analyzer;
  linkTtlDays: number;
  sessionTtlHours: number;
  now?: () => number;
}

/** What every calibration service starts from: its options, storage and a clock. */
export abstract class CalibrationPart {
  protected readonly iso: IsoClock;

  constructor(protected readonly options: CalibrationOptions) {
    this.iso = isoClock(options.now ?? Date.now);
  }

  protected get repo(): CalibrationRepository {
    return this.options.repo;
  }
}

export function requireAdmin(member: MemberRecord): void {
  if (member.role !== "admin") throw new ForbiddenError("Only the workspace admin can do this.");
}
