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
        // Answers and feedback are read from the session's result JSON too, through views named as the tables were
        // (docs/store.md): storing them again as rows cost batch grading two fifths of its store writer's time
        // (docs/performance.md, "The store writer"). A row the JSON cannot give back byte for byte (a NUL character,
        // which SQLite's JSON functions cut text at) is kept in a table, `answer_verbatim` or `feedback_verbatim`,
        // and the view gives that row in place of the JSON's. Migrating keeps, of the rows stored before, exactly
        // those the JSON does not give back value for value (type included), so nothing a store held is lost. The
        // views are plain joins, not unions, so that SQLite merges them into a query that joins them to sessions and
        // finds a session's rows by its key. `answer_score` gains its answer's question, so that levels per question
        // need no join of two views (which reads each session's answers once for every answer: 2.7 times slower).
        migrator.registerMigration("v4: answers and feedback from the result JSON") { db in
            try db.execute(
                sql: """
                    ALTER TABLE answer RENAME TO answer_verbatim;
                    ALTER TABLE feedback RENAME TO feedback_verbatim;
                    DELETE FROM answer_verbatim AS r WHERE \(answers.givesBack);
                    DELETE FROM feedback_verbatim AS r WHERE \(feedback.givesBack);
                    CREATE VIEW answer (\(answers.names)) AS \(answers.view);
                    CREATE VIEW feedback (\(feedback.names)) AS \(feedback.view);
                    DROP VIEW answer_score;
                    CREATE VIEW answer_score (session_id, position, criterion, level, max, note, source, question) AS
                        SELECT s.id, a.key + 1, c.key, CAST(json_extract(c.value, '$.level') AS REAL),
                               json_extract(c.value, '$.max'), json_extract(c.value, '$.note'), 'auto',
                               json_extract(a.value, '$.question')
                        FROM session s, json_each(s.result, '$.answers') a, json_each(a.value, '$.scores') c;
                    """)
        }
        // Session-level `auto` levels (each criterion's mean over the session) are read from the result JSON too, as
        // per-answer levels have been since v3: writing them again as three or more rows a session, each with two
        // index entries, was 28% of batch grading's store writer (docs/performance.md, "The store writer"). `score`
        // becomes a view with the same columns: the rows kept in `score_stored` (self-assessment, coaches' reviews,
        // and any level the JSON does not give back value for value), then the JSON's means for which no stored
        // `auto` row of the same criterion exists, so a kept row wins. Migrating keeps exactly the rows the JSON does
        // not give back with the same value and type.
        migrator.registerMigration("v5: session-level means from the result JSON") { db in
            try db.execute(
                sql: """
                    ALTER TABLE score RENAME TO score_stored;
                    DELETE FROM score_stored AS r WHERE r.position IS NULL AND r.source = 'auto' AND \(means.givesBack);
                    CREATE VIEW score (session_id, position, criterion, level, max, note, source, review_id) AS
                        SELECT session_id, position, criterion, level, max, note, source, review_id FROM score_stored
                        UNION ALL
                        SELECT \(means.values(in: ["session_id", "position", "criterion", "level", "max", "note", "source", "review_id"]))
                        FROM \(means.from)
                        WHERE NOT EXISTS (
                            SELECT 1 FROM score_stored r
                            WHERE r.session_id = s.id AND r.position IS NULL AND r.source = 'auto' AND r.criterion = c.key);
                    """)
        }
        // The `score` view looks up, for each mean of each session, whether a kept `auto` row replaces it. Through
        // `score_by_criterion` that read every kept row of the criterion: with 20,000 kept means (a criterion of
        // more than 16 levels keeps every session's), the per-candidate means query took 31 s instead of 0.4 s.
        migrator.registerMigration("v6: kept means found by their session") { db in
            try db.execute(
                sql: """
                    CREATE INDEX score_auto_by_session ON score_stored(session_id, criterion)
                        WHERE position IS NULL AND source = 'auto';
                    """)
        }
        return migrator
    }

    /// A table's rows as the sessions' result JSON gives them: each column's SQL over the session `s` and the JSON
    /// item the row comes from; the first `key` columns identify a row. `answers` and `feedback` are part of the v4
    /// migration, so, like it, they are never edited once shipped: a change goes into a new migration.
    struct JSONRows {
        let columns: [(name: String, sql: String)]
        let key: Int
        /// The sessions and JSON items the rows come from, and which of the items are rows.
        let from: String
        let filter: String
        /// The table of rows kept as they are.
        let verbatim: String

        var names: String { columns.map(\.name).joined(separator: ", ") }

        /// The columns' SQL in the order of `names`, for a view whose columns are ordered otherwise.
        func values(in order: [String]) -> String {
            order.compactMap { name in columns.first { $0.name == name }?.sql }.joined(separator: ", ")
        }

        /// The view: the JSON's rows, each replaced by the verbatim table's row with the same key when there is one.
        var view: String {
            let values = columns.enumerated().map { index, column in
                index < key ? column.sql : "iif(r.rowid IS NULL, \(column.sql), r.\(column.name))"
            }
            let match = columns.prefix(key).map { "r.\($0.name) = \($0.sql)" }.joined(separator: " AND ")
            return "SELECT " + values.joined(separator: ", ")
                + " FROM \(from) LEFT JOIN \(verbatim) r ON \(match) WHERE \(filter)"
        }

        /// SQL that holds when its session's result JSON gives back the row `r`: a row with the same key, and the same
        /// value of the same type in every other column (text compared byte for byte). Read from the JSON in place,
        /// with no temporary table: those go to temporary files, which `secure_delete` does not overwrite.
        var givesBack: String {
            let same = columns.enumerated().map { index, column in
                index < key
                    ? "\(column.sql) = r.\(column.name)"
                    : "\(column.sql) IS r.\(column.name) AND typeof(\(column.sql)) = typeof(r.\(column.name))"
            }
            return "EXISTS (SELECT 1 FROM \(from) WHERE \(filter) AND " + same.joined(separator: " AND ") + ")"
        }
    }

    /// Each criterion's session-level `auto` level (its mean over the session), with the columns and types of the
    /// first schema's `score` table: part of the v5 migration, never edited once shipped.
    static let means = JSONRows(
        columns: [
            ("session_id", "s.id"), ("criterion", "c.key"), ("position", "NULL"),
            ("level", "CAST(json_extract(c.value, '$.level') AS REAL)"), ("max", "json_extract(c.value, '$.max')"),
            ("note", "NULL"), ("source", "'auto'"), ("review_id", "NULL"),
        ], key: 2, from: "session s JOIN json_each(s.result, '$.criteria') c", filter: "1", verbatim: "score_stored")

    /// Answers, with the columns and types of the first schema's `answer` table (seconds as reals, flags 0 or 1).
    static let answers = JSONRows(
        columns: [
            ("session_id", "s.id"), ("position", "a.key + 1"), ("question", "json_extract(a.value, '$.question')"),
            ("prompt", "json_extract(a.value, '$.prompt')"), ("text", "json_extract(a.value, '$.text')"),
            ("think_seconds", "CAST(json_extract(a.value, '$.think_seconds') AS REAL)"),
            ("seconds", "CAST(json_extract(a.value, '$.seconds') AS REAL)"),
            ("overtime", "json_extract(a.value, '$.overtime')"), ("skipped", "json_extract(a.value, '$.skipped')"),
        ], key: 2, from: "session s JOIN json_each(s.result, '$.answers') a", filter: "1", verbatim: "answer_verbatim")

    /// Feedback lines: the strengths, improvements and plan, each numbered from 1, with the columns of the first
    /// schema's `feedback` table.
    static let feedback = JSONRows(
        columns: [
            ("session_id", "s.id"),
            (
                "kind",
                "CASE k.key WHEN 'strengths' THEN 'strength' WHEN 'improvements' THEN 'improvement' ELSE 'plan' END"
            ),
            ("position", "f.key + 1"),
            ("criterion", "iif(f.type = 'object', json_extract(f.value, '$.criterion'), NULL)"),
            ("text", "iif(f.type = 'object', json_extract(f.value, '$.text'), f.value)"),
        ], key: 3,
        from: "session s JOIN json_each(s.result, '$.feedback') k JOIN json_each(k.value) f",
        filter: "k.key IN ('strengths', 'improvements', 'plan')", verbatim: "feedback_verbatim")
}
