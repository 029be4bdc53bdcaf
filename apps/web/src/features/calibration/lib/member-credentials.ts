import { type MemberSignIn, memberSignInSchema } from "@loopwright/schema";
import {
  type CredentialLookup,
  capabilityLink,
  credentialStore,
  type KeyValueStore,
} from "../../../lib/credential-store";

export { tokenFromHash } from "../../../lib/credential-store";

/**
 * A workspace member's sign-in on this browser: the credential their personal
 * link was traded for, who they are and when it expires, one per workspace.
 * ("Session" means only a peer interview.)
 */
export type MemberCredential = MemberSignIn;

export type MemberCredentialLookup = CredentialLookup<MemberCredential>;

/**
 * One sign-in per workspace. `save` returns false when storage refused it; the
 * sign-in then lasts for this page only.
 */
const {
  save: saveStored,
  load: loadMemberCredential,
  forget: forgetMemberCredential,
  list: listMemberCredentials,
} = credentialStore<MemberCredential>({
  prefix: "loopwright.calibration.member.",
  // Where sign-ins were kept before the rename; read once, then moved.
  legacyPrefix: "loopwright.calibration.session.",
  parse: (value) => {
    const parsed = memberSignInSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  },
  idOf: (credential) => credential.workspace.id,
  expiresAt: (credential) => credential.expiresAt,
  // Listed newest workspace first.
  sortKey: (credential) => credential.workspace.createdAt,
});

export { forgetMemberCredential, listMemberCredentials, loadMemberCredential };

/** Keeps a new sign-in; an earlier "your sign-in has ended" for that workspace no longer applies. */
export function saveMemberCredential(credential: MemberCredential, store?: KeyValueStore | null): boolean {
  clearSignInEnded(credential.workspace.id);
  return saveStored(credential, store);
}

/** The personal link a member opens to sign in. */
export function memberJoinLink(origin: string, token: string): string {
  return capabilityLink(origin, "/calibration/join", token);
}

const ENDED_PREFIX = "loopwright.calibration.ended.";

function tabStore(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Why this tab's sign-in ended (revoked, expired on the server). Kept for the
 * tab, so a reload after a background refresh signed the member out still says
 * why instead of "not signed in".
 */
export function rememberSignInEnded(workspaceId: string, reason: string): void {
  try {
    tabStore()?.setItem(ENDED_PREFIX + workspaceId, reason);
  } catch {
    // Storage refused: the page still shows the reason until it is reloaded.
  }
}

export function signInEndedReason(workspaceId: string): string | null {
  return tabStore()?.getItem(ENDED_PREFIX + workspaceId) ?? null;
}

export function clearSignInEnded(workspaceId: string): void {
  tabStore()?.removeItem(ENDED_PREFIX + workspaceId);
}
