import { AutosaveQueue, type DraftStorage, textDrafts, useAutosave } from "../../../lib/autosave";
import { practiceApi } from "../api";
import { draftStorageName } from "./autosave";
import { defaultStorage } from "./identity";

export function draftStorage(): DraftStorage {
  return defaultStorage();
}

/** The answer pad's autosave: kept on this device at once, PUT to the attempt after a pause in typing. */
export function useAnswerAutosave(
  practitionerKey: string,
  attemptId: string,
  server: { text: string; revision: number },
) {
  return useAutosave(
    () =>
      new AutosaveQueue<string>({
        server: { value: server.text, revision: server.revision },
        drafts: textDrafts(draftStorage(), draftStorageName(attemptId)),
        send: (draft) =>
          practiceApi.saveAnswer(practitionerKey, attemptId, { text: draft.value, revision: draft.revision }),
        isOnline: () => navigator.onLine,
      }),
    { warnBeforeLeaving: true },
  );
}
