import type { Participant } from "@loopwright/schema";

/** The stored state has its schema, version and migrations in packages/schema (room-state.ts). */
export type { RoomState } from "@loopwright/schema";

export interface RoomParticipant extends Participant {
  revoked: boolean;
  /** When the host last re-issued this participant's link: sockets from before it are closed. */
  linkReissuedAt?: string | null;
}
