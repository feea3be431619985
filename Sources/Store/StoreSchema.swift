import GRDB

/// The store's schema, as named migrations. A shipped migration is never edited: changes go in a new one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sessions, answers, scores, feedback, reviews") { db in
            try db.execute(
                sql: """
                    CREATE TABLE scenario (
                        sha256 TEXT PRIMARY KEY,
                        id TEXT NOT NULL,
                        title TEXT NOT NULL,
                        version TEXT,
                        path TEXT NOT NULL,
                        source TEXT NOT NULL
                    );
                    CREATE INDEX scenario_by_id ON scenario(id);

                    CREATE TABLE candidate (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE
                    );

                    CREATE TABLE session (
                        id TEXT PRIMARY KEY,
                        candidate_id INTEGER REFERENCES candidate(id) ON DELETE CASCADE,
                        scenario_sha256 TEXT NOT NULL REFERENCES scenario(sha256),
                        scenario_id TEXT NOT NULL,
                        seed TEXT NOT NULL,
                        mode TEXT NOT NULL CHECK (mode IN ('live', 'replay', 'example')),
                        started_at TEXT,
                        stored_at TEXT NOT NULL,
                        completed INTEGER NOT NULL,
                        overall REAL,
                        input_sha256 TEXT,
                        result TEXT NOT NULL
                    );
                    CREATE UNIQUE INDEX session_by_input ON session(scenario_sha256, input_sha256)
                        WHERE input_sha256 IS NOT NULL;
                    CREATE INDEX session_by_candidate ON session(candidate_id, stored_at);
                    CREATE INDEX session_by_scenario ON session(scenario_id, stored_at);
                    CREATE INDEX session_by_time ON session(stored_at);

                    CREATE TABLE answer (
                        session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        question TEXT NOT NULL,
                        prompt TEXT NOT NULL,
                        text TEXT NOT NULL,
                        think_seconds REAL,
                        seconds REAL,
                        overtime INTEGER NOT NULL,
                        skipped INTEGER NOT NULL,
                        PRIMARY KEY (session_id, position)
                    );

                    CREATE TABLE review (
                        id INTEGER PRIMARY KEY,
                        session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        rater TEXT NOT NULL,
                        note TEXT,
                        created_at TEXT NOT NULL,
                        UNIQUE (session_id, rater)
                    );

                    CREATE TABLE score (
                        session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        position INTEGER,
                        criterion TEXT NOT NULL,
                        level REAL NOT NULL,
                        max INTEGER NOT NULL,
                        note TEXT,
                        source TEXT NOT NULL,
                        review_id INTEGER REFERENCES review(id) ON DELETE CASCADE
                    );
                    CREATE INDEX score_by_session ON score(session_id);
                    CREATE INDEX score_by_criterion ON score(criterion, source);

                    CREATE TABLE review_comment (
                        review_id INTEGER NOT NULL REFERENCES review(id) ON DELETE CASCADE,
                        criterion TEXT NOT NULL,
                        text TEXT NOT NULL,
                        PRIMARY KEY (review_id, criterion)
                    );

                    CREATE TABLE note (
                        session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        text TEXT NOT NULL
                    );

                    CREATE TABLE feedback (
                        session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL CHECK (kind IN ('strength', 'improvement', 'plan')),
                        position INTEGER NOT NULL,
                        criterion TEXT,
                        text TEXT NOT NULL
                    );
                    CREATE INDEX feedback_by_session ON feedback(session_id);
                    """)
        }
        // Per-answer levels are read through their session; only session-level levels (the rubric's means,
        // self-assessment, coaches' reviews) are looked up by criterion across sessions. Indexing every per-answer
        // level cost batch grading a fifth of its store writer's time.
        migrator.registerMigration("v2: index session-level scores by criterion only") { db in
            try db.execute(
                sql: """
                    DROP INDEX score_by_criterion;
                    CREATE INDEX score_by_criterion ON score(criterion, source) WHERE position IS NULL;
                    """)
        }
        // Per-answer levels are read from the session's result JSON, where they always were too, through the
        // `answer_score` view: storing them again as rows (three or more for every answer) cost batch grading a fifth
        // of its store writer's time, and no command reads them (docs/store.md). Only the rows the view gives back
        // value for value go; a row that differs (changed by hand, or a note with a NUL character, which SQLite's
        // JSON functions cut) stays in `score`.
        migrator.registerMigration("v3: per-answer levels from the result JSON") { db in
            try db.execute(
                sql: """
                    CREATE VIEW answer_score (session_id, position, criterion, level, max, note, source) AS
                        SELECT s.id, a.key + 1, c.key, CAST(json_extract(c.value, '$.level') AS REAL),
                               json_extract(c.value, '$.max'), json_extract(c.value, '$.note'), 'auto'
                        FROM session s, json_each(s.result, '$.answers') a, json_each(a.value, '$.scores') c;
                    CREATE TEMP TABLE stored_level AS
                        SELECT session_id, position, criterion, level, max, note FROM answer_score;
                    CREATE INDEX temp.stored_level_key ON stored_level(session_id, position, criterion);
                    DELETE FROM score
                    WHERE position IS NOT NULL AND source = 'auto' AND review_id IS NULL AND EXISTS (
                        SELECT 1 FROM temp.stored_level v
                        WHERE v.session_id = score.session_id AND v.position = score.position
                            AND v.criterion = score.criterion AND v.level = score.level AND v.max = score.max
                            AND v.note IS score.note);
                    DROP TABLE temp.stored_level;
                    """)
        }
        return migrator
    }
}
