/**
 * Ordered, append-only schema migrations. Never edit one that has shipped;
 * add a new entry instead.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    id: "0001-meta",
    sql: `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  },
  {
    id: "0002-practice",
    sql: `
      CREATE TABLE practitioners (
        id TEXT PRIMARY KEY,
        key_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE attempts (
        id TEXT PRIMARY KEY,
        practitioner_id TEXT NOT NULL REFERENCES practitioners(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        loop_id TEXT,
        loop_position INTEGER,
        status TEXT NOT NULL,
        clock_json TEXT NOT NULL,
        answer_text TEXT NOT NULL DEFAULT '',
        answer_revision INTEGER NOT NULL DEFAULT 0,
        answer_saved_at TEXT,
        self_scores_json TEXT,
        reflection TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT
      );
      CREATE INDEX attempts_by_practitioner ON attempts (practitioner_id, created_at);
      CREATE INDEX attempts_by_loop ON attempts (loop_id, loop_position);
    `,
  },
  {
    id: "0003-calibration",
    sql: `
      CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE members (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE member_sessions (
        credential_hash TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE loops (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        rounds_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE exercises (
        id TEXT PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        loop_id TEXT,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        round INTEGER NOT NULL,
        revealed_round INTEGER NOT NULL,
        items_json TEXT NOT NULL,
        interviewer_ids_json TEXT NOT NULL
      );
      CREATE TABLE exercise_scores (
        exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        dimension TEXT NOT NULL,
        score INTEGER NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (exercise_id, round, member_id, item_id, dimension)
      );
      CREATE TABLE exercise_submissions (
        exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        PRIMARY KEY (exercise_id, round, member_id)
      );
    `,
  },
  {
    id: "0004-peer-sessions",
    sql: `
      CREATE TABLE peer_sessions (
        id TEXT PRIMARY KEY,
        question_id TEXT NOT NULL,
        state_json TEXT NOT NULL,
        seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        previous_session_id TEXT
      );
      CREATE TABLE peer_participants (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES peer_sessions(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        previous_participant_id TEXT
      );
      CREATE TABLE peer_credentials (
        credential_hash TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES peer_participants(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE peer_events (
        session_id TEXT NOT NULL REFERENCES peer_sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        recipient_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        patch_json TEXT NOT NULL,
        PRIMARY KEY (session_id, recipient_id, seq)
      );
      CREATE TABLE peer_ops (
        session_id TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        op_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (session_id, participant_id, op_id)
      );
    `,
  },
  {
    // A change is stored once, as a diff of the room state, with a snapshot every few changes;
    // per-recipient view patches grew with the square of the notes. Old sessions keep their
    // latest state as their one snapshot, so a reconnect from before it gets a fresh view.
    id: "0005-peer-change-log",
    sql: `
      ALTER TABLE peer_sessions ADD COLUMN snapshot_seq INTEGER NOT NULL DEFAULT 0;
      UPDATE peer_sessions SET snapshot_seq = seq;
      CREATE TABLE peer_changes (
        session_id TEXT NOT NULL REFERENCES peer_sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        diff_json TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
      CREATE TABLE peer_snapshots (
        session_id TEXT NOT NULL REFERENCES peer_sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        state_json TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
      INSERT INTO peer_snapshots (session_id, seq, state_json) SELECT id, seq, state_json FROM peer_sessions;
      DROP TABLE peer_events;
    `,
  },
  {
    // A member's sign-in is a credential, not a session: "session" is the peer mock interview's word.
    id: "0006-member-credentials",
    sql: "ALTER TABLE member_sessions RENAME TO member_credentials;",
  },
  {
    // The host re-issues a lost link: the participant stays, its secrets change. The old ones
    // are remembered (hashes only) so a person opening a replaced link is told why it fails.
    id: "0007-peer-link-reissue",
    sql: `
      ALTER TABLE peer_participants ADD COLUMN link_reissued_at TEXT;
      CREATE TABLE peer_replaced_secrets (
        secret_hash TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES peer_participants(id) ON DELETE CASCADE,
        replaced_at TEXT NOT NULL
      );
    `,
  },
  {
    // A candidate keeps a peer session's released feedback in their practice history, once per session.
    id: "0008-peer-feedback-history",
    sql: `
      CREATE TABLE peer_feedback_entries (
        id TEXT PRIMARY KEY,
        practitioner_id TEXT NOT NULL REFERENCES practitioners(id) ON DELETE CASCADE,
        session_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        answer_text TEXT NOT NULL,
        feedback_json TEXT NOT NULL,
        session_date TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        UNIQUE (practitioner_id, session_id)
      );
    `,
  },
  {
    // A due date for the panel; a re-issued member link keeps its old hash only to say it was replaced.
    id: "0009-exercise-due-and-replaced-links",
    sql: `
      ALTER TABLE exercises ADD COLUMN due_at TEXT;
      CREATE TABLE member_replaced_links (
        token_hash TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        replaced_at TEXT NOT NULL
      );
    `,
  },
];
