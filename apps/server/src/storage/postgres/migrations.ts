import type { Migration } from "../sqlite/migrations.js";

/*
 * Every text column compares byte by byte ("C"), as SQLite does: timestamps are
 * ISO strings compared with < and >, and list orders must not depend on the
 * server's locale.
 */
const T = 'TEXT COLLATE "C"';

/**
 * PostgreSQL's schema, in the same final shape as SQLite's after all of its
 * migrations. Append-only, like SQLite's: never edit one that has shipped.
 */
export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    id: "0001-schema",
    sql: `
      CREATE TABLE practitioners (
        id ${T} PRIMARY KEY,
        key_hash ${T} NOT NULL UNIQUE,
        created_at ${T} NOT NULL
      );
      CREATE TABLE attempts (
        id ${T} PRIMARY KEY,
        practitioner_id ${T} NOT NULL REFERENCES practitioners(id) ON DELETE CASCADE,
        question_id ${T} NOT NULL,
        loop_id ${T},
        loop_position INTEGER,
        status ${T} NOT NULL,
        clock_json ${T} NOT NULL,
        answer_text ${T} NOT NULL DEFAULT '',
        answer_revision INTEGER NOT NULL DEFAULT 0,
        answer_saved_at ${T},
        self_scores_json ${T},
        reflection ${T},
        created_at ${T} NOT NULL,
        completed_at ${T}
      );
      CREATE INDEX attempts_by_practitioner ON attempts (practitioner_id, created_at);
      CREATE INDEX attempts_by_loop ON attempts (loop_id, loop_position);

      CREATE TABLE workspaces (id ${T} PRIMARY KEY, name ${T} NOT NULL, created_at ${T} NOT NULL);
      CREATE TABLE members (
        id ${T} PRIMARY KEY,
        workspace_id ${T} NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name ${T} NOT NULL,
        role ${T} NOT NULL,
        token_hash ${T} NOT NULL UNIQUE,
        created_at ${T} NOT NULL,
        expires_at ${T} NOT NULL,
        revoked_at ${T}
      );
      CREATE INDEX members_by_workspace ON members (workspace_id);
      CREATE TABLE member_sessions (
        credential_hash ${T} PRIMARY KEY,
        member_id ${T} NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        expires_at ${T} NOT NULL
      );
      CREATE TABLE loops (
        id ${T} PRIMARY KEY,
        workspace_id ${T} NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name ${T} NOT NULL,
        rounds_json ${T} NOT NULL,
        created_at ${T} NOT NULL
      );
      CREATE TABLE exercises (
        id ${T} PRIMARY KEY,
        workspace_id ${T} NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        loop_id ${T},
        name ${T} NOT NULL,
        created_at ${T} NOT NULL,
        round INTEGER NOT NULL,
        revealed_round INTEGER NOT NULL,
        items_json ${T} NOT NULL,
        interviewer_ids_json ${T} NOT NULL
      );
      CREATE TABLE exercise_scores (
        exercise_id ${T} NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        member_id ${T} NOT NULL,
        item_id ${T} NOT NULL,
        dimension ${T} NOT NULL,
        score INTEGER NOT NULL,
        comment ${T} NOT NULL DEFAULT '',
        PRIMARY KEY (exercise_id, round, member_id, item_id, dimension)
      );
      CREATE TABLE exercise_submissions (
        exercise_id ${T} NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
        round INTEGER NOT NULL,
        member_id ${T} NOT NULL,
        submitted_at ${T} NOT NULL,
        PRIMARY KEY (exercise_id, round, member_id)
      );

      CREATE TABLE peer_sessions (
        id ${T} PRIMARY KEY,
        question_id ${T} NOT NULL,
        state_json ${T} NOT NULL,
        snapshot_seq INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        created_at ${T} NOT NULL,
        expires_at ${T} NOT NULL,
        previous_session_id ${T}
      );
      CREATE TABLE peer_participants (
        id ${T} PRIMARY KEY,
        -- SQLite lists participants in insertion order by rowid; this is that order here.
        position BIGSERIAL NOT NULL,
        session_id ${T} NOT NULL REFERENCES peer_sessions(id) ON DELETE CASCADE,
        name ${T} NOT NULL,
        role ${T} NOT NULL,
        token_hash ${T} NOT NULL UNIQUE,
        created_at ${T} NOT NULL,
        revoked_at ${T},
        previous_participant_id ${T}
      );
      CREATE INDEX peer_participants_by_session ON peer_participants (session_id);
      CREATE TABLE peer_credentials (
        credential_hash ${T} PRIMARY KEY,
        participant_id ${T} NOT NULL REFERENCES peer_participants(id) ON DELETE CASCADE,
        expires_at ${T} NOT NULL
      );
      CREATE TABLE peer_ops (
        session_id ${T} NOT NULL,
        participant_id ${T} NOT NULL,
        op_id ${T} NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (session_id, participant_id, op_id)
      );
      CREATE TABLE peer_changes (
        session_id ${T} NOT NULL REFERENCES peer_sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind ${T} NOT NULL,
        diff_json ${T} NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
      CREATE TABLE peer_snapshots (
        session_id ${T} NOT NULL REFERENCES peer_sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        state_json ${T} NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
    `,
  },
  {
    // A member's sign-in is a credential, not a session: "session" is the peer mock interview's word.
    id: "0002-member-credentials",
    sql: "ALTER TABLE member_sessions RENAME TO member_credentials;",
  },
  {
    // As SQLite's 0007: re-issued links, and the hashes they replaced.
    id: "0003-peer-link-reissue",
    sql: `
      ALTER TABLE peer_participants ADD COLUMN link_reissued_at ${T};
      CREATE TABLE peer_replaced_secrets (
        secret_hash ${T} PRIMARY KEY,
        participant_id ${T} NOT NULL REFERENCES peer_participants(id) ON DELETE CASCADE,
        replaced_at ${T} NOT NULL
      );
    `,
  },
  {
    // As SQLite's 0008: released peer feedback kept in the practice history.
    id: "0004-peer-feedback-history",
    sql: `
      CREATE TABLE peer_feedback_entries (
        id ${T} PRIMARY KEY,
        practitioner_id ${T} NOT NULL REFERENCES practitioners(id) ON DELETE CASCADE,
        session_id ${T} NOT NULL,
        question_id ${T} NOT NULL,
        answer_text ${T} NOT NULL,
        feedback_json ${T} NOT NULL,
        session_date ${T} NOT NULL,
        saved_at ${T} NOT NULL,
        UNIQUE (practitioner_id, session_id)
      );
    `,
  },
  {
    // As SQLite's 0009: a due date for the panel, and the hashes of replaced member links.
    id: "0005-exercise-due-and-replaced-links",
    sql: `
      ALTER TABLE exercises ADD COLUMN due_at ${T};
      CREATE TABLE member_replaced_links (
        token_hash ${T} PRIMARY KEY,
        member_id ${T} NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        replaced_at ${T} NOT NULL
      );
    `,
  },
];
