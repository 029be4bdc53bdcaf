import type { Member, MemberSignIn } from "@loopwright/schema";
import { ConflictError, NotFoundError, UnauthenticatedError } from "../../lib/domain-errors.js";
import { generateId, generateSecret, hashSecret } from "../../lib/secrets.js";
import type { MemberRecord } from "../../storage/store.js";
import { CalibrationPart, requireAdmin } from "./calibration-part.js";

const DAY = 86_400_000;

const toMember = (m: MemberRecord): Member => ({
  id: m.id,
  name: m.name,
  role: m.role,
  createdAt: m.createdAt,
  revoked: m.revokedAt !== null,
});

/** Team workspaces, their members' capability links, and signing in with them. */
export class WorkspaceService extends CalibrationPart {
  private newMember(workspaceId: string, name: string, role: MemberRecord["role"]): MemberRecord {
    return {
      id: generateId(),
      workspaceId,
      name,
      role,
      createdAt: this.iso(),
      revokedAt: null,
      expiresAt: this.iso(this.options.linkTtlDays * DAY),
    };
  }

  async createWorkspace(name: string, adminName: string) {
    const workspace = { id: generateId(), name, createdAt: this.iso() };
    const admin = this.newMember(workspace.id, adminName, "admin");
    const adminToken = generateSecret();
    await this.repo.createWorkspace(workspace, admin, hashSecret(adminToken));
    return { workspace, adminToken };
  }

  /** Swaps a link's token (from the URL fragment) for a session credential, so the link itself is sent once. */
  async exchange(token: string): Promise<MemberSignIn> {
    const tokenHash = hashSecret(token);
    const member = await this.repo.findMemberByTokenHash(tokenHash);
    if (!member) {
      const replaced = await this.repo.findReplacedLink(tokenHash);
      if (replaced && !replaced.member.revokedAt) {
        throw new UnauthenticatedError(
          "This link has been replaced: the workspace admin sent you a newer one. Open the latest link you were sent, or ask the admin to re-send it.",
        );
      }
      if (replaced) throw new UnauthenticatedError("This link has been revoked by the workspace admin.");
      throw new UnauthenticatedError("This link is not valid. Ask the workspace admin for a new one.");
    }
    if (member.revokedAt)
      throw new UnauthenticatedError("This link has been revoked by the workspace admin.");
    if (member.expiresAt <= this.iso())
      throw new UnauthenticatedError("This link has expired. Ask the workspace admin for a new one.");
    const workspace = await this.repo.getWorkspace(member.workspaceId);
    if (!workspace) throw new UnauthenticatedError("This link's workspace no longer exists.");
    const credential = generateSecret();
    const expiresAt = this.iso(this.options.sessionTtlHours * 3_600_000);
    await this.repo.createMemberCredential(hashSecret(credential), member.id, expiresAt);
    return { credential, expiresAt, member: toMember(member), workspace };
  }

  /** The member a session credential (null when none was sent) signs in to `workspaceId`. */
  async memberFor(credential: string | null, workspaceId: string): Promise<MemberRecord> {
    if (!credential) {
      throw new UnauthenticatedError(
        "Open your workspace link again to sign in: no session credential was sent.",
      );
    }
    const member = await this.repo.findCredentialMember(hashSecret(credential), this.iso());
    if (!member) {
      throw new UnauthenticatedError(
        "Your session has ended or your link was revoked. Open your workspace link again.",
      );
    }
    // A credential for another workspace gets the same answer as a missing workspace.
    if (member.workspaceId !== workspaceId) throw new NotFoundError("No such workspace.");
    return member;
  }

  async view(member: MemberRecord) {
    const workspace = await this.repo.getWorkspace(member.workspaceId);
    if (!workspace) throw new NotFoundError("No such workspace.");
    const members = member.role === "admin" ? await this.repo.listMembers(member.workspaceId) : [];
    return { workspace, members: members.map(toMember), me: toMember(member) };
  }

  async addMember(admin: MemberRecord, name: string) {
    requireAdmin(admin);
    const member = this.newMember(admin.workspaceId, name, "interviewer");
    const token = generateSecret();
    await this.repo.addMember(member, hashSecret(token));
    return { member: toMember(member), token };
  }

  /**
   * A new personal link for an interviewer who lost theirs: the old link stops working (and says
   * it was replaced), the interviewer is signed out everywhere, and the new secret is shown once.
   */
  async reissueLink(admin: MemberRecord, memberId: string) {
    requireAdmin(admin);
    if (memberId === admin.id) {
      throw new ConflictError(
        "You cannot re-issue your own admin link while signed in with it; it would sign you out.",
      );
    }
    const token = generateSecret();
    const changed = await this.repo.replaceMemberToken(
      admin.workspaceId,
      memberId,
      hashSecret(token),
      this.iso(this.options.linkTtlDays * DAY),
      this.iso(),
    );
    if (!changed) {
      throw new NotFoundError(
        "No active member with that id in this workspace; a revoked link cannot be re-issued, create a new one instead.",
      );
    }
    const member = (await this.repo.listMembers(admin.workspaceId)).find((m) => m.id === memberId);
    if (!member) throw new NotFoundError("No active member with that id in this workspace.");
    return { member: toMember(member), token };
  }

  async revokeMember(admin: MemberRecord, memberId: string): Promise<void> {
    requireAdmin(admin);
    if (memberId === admin.id) throw new ConflictError("You cannot revoke your own admin link.");
    const changed = await this.repo.revokeMember(admin.workspaceId, memberId, this.iso());
    if (!changed) throw new NotFoundError("No active member with that id in this workspace.");
  }
}
