// The records' schema versions, one list for both stores: entry i upgrades version i
// to i+1, in SQLite's dialect (PRAGMA user_version) and PostgreSQL's (the table
// kembar_schema). Forward-only: a database with a higher version than this build's
// is refused by both. A new version adds one entry with both texts. Private to src/.
#ifndef KEMBAR_SRC_STORE_MIGRATIONS_H_
#define KEMBAR_SRC_STORE_MIGRATIONS_H_

#include <iterator>

#include "kembar/store/sqlite_store.h"

namespace kembar::store {

struct Migration {
  const char* sqlite;
  const char* postgres;
};

inline constexpr Migration kMigrations[] = {
    // v0 -> v1: regions, partnerships, their events and the regions each names.
    {R"sql(
    CREATE TABLE region(
      id      TEXT PRIMARY KEY,
      name    TEXT NOT NULL,
      country TEXT NOT NULL,
      level   TEXT NOT NULL,
      doc     TEXT NOT NULL              -- canonical dossier-v1 JSON of the region
    );
    CREATE TABLE partnership(
      id      TEXT PRIMARY KEY,
      kind    TEXT NOT NULL,
      home    TEXT NOT NULL REFERENCES region(id),
      partner TEXT NOT NULL REFERENCES region(id),
      doc     TEXT NOT NULL              -- JSON without "events"
    );
    CREATE INDEX partnership_home ON partnership(home);
    CREATE INDEX partnership_partner ON partnership(partner);
    CREATE TABLE event(
      partnership_id TEXT NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
      seq       INTEGER NOT NULL,        -- position in the dossier's timeline
      type      TEXT NOT NULL,
      date      TEXT NOT NULL,           -- as written: YYYY, YYYY-MM or YYYY-MM-DD
      first_day INTEGER NOT NULL,        -- interval the date denotes, days since 1970-01-01
      last_day  INTEGER NOT NULL,
      doc       TEXT NOT NULL,
      PRIMARY KEY(partnership_id, seq)
    ) WITHOUT ROWID;
    -- Every region a partnership names (parties, sides, hosts...), for exports
    -- that must be self-contained.
    CREATE TABLE partnership_region(
      partnership_id TEXT NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
      region_id      TEXT NOT NULL REFERENCES region(id),
      PRIMARY KEY(partnership_id, region_id)
    ) WITHOUT ROWID;
    CREATE INDEX partnership_region_region ON partnership_region(region_id);
    CREATE TABLE import_log(
      id           INTEGER PRIMARY KEY,
      at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
      source       TEXT,
      regions      INTEGER NOT NULL,
      partnerships INTEGER NOT NULL,
      events       INTEGER NOT NULL
    );
    )sql",
     R"sql(
    CREATE TABLE region(
      ord     BIGSERIAL NOT NULL,        -- import order (SQLite: the rowid)
      id      TEXT PRIMARY KEY,
      name    TEXT NOT NULL,
      country TEXT NOT NULL,
      level   TEXT NOT NULL,
      doc     TEXT NOT NULL              -- canonical dossier-v1 JSON of the region
    );
    CREATE TABLE partnership(
      ord     BIGSERIAL NOT NULL,
      id      TEXT PRIMARY KEY,
      kind    TEXT NOT NULL,
      home    TEXT NOT NULL REFERENCES region(id),
      partner TEXT NOT NULL REFERENCES region(id),
      doc     TEXT NOT NULL              -- JSON without "events"
    );
    CREATE INDEX partnership_home ON partnership(home);
    CREATE INDEX partnership_partner ON partnership(partner);
    CREATE INDEX partnership_ord ON partnership(ord);
    -- Events and the regions a partnership names have no foreign key to it: the
    -- store deletes them with it, and checks the regions named, in the writers'
    -- one transaction at a time (a per-row check would double a bulk import).
    CREATE TABLE event(
      ord       BIGSERIAL NOT NULL,
      partnership_id TEXT NOT NULL,
      seq       INTEGER NOT NULL,
      type      TEXT NOT NULL,
      date      TEXT NOT NULL,
      first_day INTEGER NOT NULL,
      last_day  INTEGER NOT NULL,
      doc       TEXT NOT NULL,
      PRIMARY KEY(partnership_id, seq)
    );
    CREATE TABLE partnership_region(
      partnership_id TEXT NOT NULL,
      region_id      TEXT NOT NULL,
      PRIMARY KEY(partnership_id, region_id)
    );
    CREATE INDEX partnership_region_region ON partnership_region(region_id);
    CREATE TABLE import_log(
      id           BIGSERIAL PRIMARY KEY,
      at           TEXT NOT NULL
                   DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      source       TEXT,
      regions      BIGINT NOT NULL,
      partnerships BIGINT NOT NULL,
      events       BIGINT NOT NULL
    );
    )sql"},
    // v1 -> v2: top-level members a dossier carries beyond format/regions/partnerships
    // (attribution and licence lines), so that every export carries them on.
    {R"sql(
    CREATE TABLE document_member(
      key  TEXT PRIMARY KEY,
      json TEXT NOT NULL                 -- the member's value, minified JSON
    );
    )sql",
     R"sql(
    CREATE TABLE document_member(
      key  TEXT PRIMARY KEY,
      json TEXT NOT NULL
    );
    )sql"},
    // v2 -> v3: the change log, apart from the records, hash-chained.
    {R"sql(
    CREATE TABLE change_log(
      seq     INTEGER PRIMARY KEY,
      at      TEXT NOT NULL,
      actor   TEXT NOT NULL,
      action  TEXT NOT NULL,
      record  TEXT NOT NULL,
      summary TEXT NOT NULL,
      before  TEXT NOT NULL,
      after   TEXT NOT NULL,
      touched TEXT NOT NULL,             -- the partnerships changed, one per line
      hash    TEXT NOT NULL              -- SHA-256 of the previous hash and this entry
    );
    CREATE TABLE change_record(          -- which records each change touched
      seq       INTEGER NOT NULL REFERENCES change_log(seq),
      record_id TEXT NOT NULL,
      PRIMARY KEY(record_id, seq)
    ) WITHOUT ROWID;
    )sql",
     R"sql(
    CREATE TABLE change_log(
      seq     BIGINT PRIMARY KEY,
      at      TEXT NOT NULL,
      actor   TEXT NOT NULL,
      action  TEXT NOT NULL,
      record  TEXT NOT NULL,
      summary TEXT NOT NULL,
      before  TEXT NOT NULL,
      after   TEXT NOT NULL,
      touched TEXT NOT NULL,
      hash    TEXT NOT NULL
    );
    CREATE TABLE change_record(
      seq       BIGINT NOT NULL REFERENCES change_log(seq),
      record_id TEXT NOT NULL,
      PRIMARY KEY(record_id, seq)
    );
    )sql"},
    // v3 -> v4: the event id in its own column (no json_extract to find it), and events
    // in a rowid table, appended in import order, with their key as a separate index:
    // a bulk import no longer inserts 2M wide rows at random places of one B-tree.
    {R"sql(
    CREATE TABLE event_v4(
      partnership_id TEXT NOT NULL REFERENCES partnership(id) ON DELETE CASCADE,
      seq       INTEGER NOT NULL,        -- position in the dossier's timeline
      event_id  TEXT,                    -- the event's "id" member (as in doc)
      type      TEXT NOT NULL,
      date      TEXT NOT NULL,           -- as written: YYYY, YYYY-MM or YYYY-MM-DD
      first_day INTEGER NOT NULL,        -- interval the date denotes, days since 1970-01-01
      last_day  INTEGER NOT NULL,
      doc       TEXT NOT NULL
    );
    INSERT INTO event_v4(partnership_id, seq, event_id, type, date, first_day, last_day, doc)
      SELECT partnership_id, seq, json_extract(doc, '$.id'), type, date, first_day, last_day,
             doc FROM event ORDER BY partnership_id, seq;
    DROP TABLE event;
    ALTER TABLE event_v4 RENAME TO event;
    CREATE UNIQUE INDEX event_key ON event(partnership_id, seq);
    )sql",
     R"sql(
    ALTER TABLE event ADD COLUMN event_id TEXT;
    UPDATE event SET event_id = (doc::json)->>'id';
    )sql"},
    // v4 -> v5: the audit log is the change log, extended: the client's address, and
    // the area of each entry ('records', or 'accounts' for the server's logins, users
    // and tokens, which do not change the records' version).
    {R"sql(
    ALTER TABLE change_log ADD COLUMN address TEXT NOT NULL DEFAULT '';
    ALTER TABLE change_log ADD COLUMN area TEXT NOT NULL DEFAULT 'records';
    CREATE INDEX change_log_area ON change_log(area, seq);
    CREATE INDEX change_log_actor ON change_log(actor, seq);
    )sql",
     R"sql(
    ALTER TABLE change_log ADD COLUMN address TEXT NOT NULL DEFAULT '';
    ALTER TABLE change_log ADD COLUMN area TEXT NOT NULL DEFAULT 'records';
    CREATE INDEX change_log_area ON change_log(area, seq);
    CREATE INDEX change_log_actor ON change_log(actor, seq);
    )sql"},
    // v5 -> v6: regions' partner-wanted profiles (dossier-v1 region `profile`), kept in
    // the region's doc. kembar up to v5 kept a `profile` member it did not model
    // verbatim, unchecked: one that is not an object moves to `profile_unchecked`
    // (exported as it was); an object that is no valid profile is kept under that name
    // when read (RecordDecoder). The view lists the profiles for SQL readers
    // (dashboards, a read replica).
    {R"sql(
    UPDATE region SET doc = json_remove(
        json_set(doc, '$.profile_unchecked', json_extract(doc, '$.profile')), '$.profile')
      WHERE json_type(doc, '$.profile') <> 'object';
    CREATE VIEW region_profile AS
      SELECT id AS region_id, json_extract(doc, '$.profile') AS profile FROM region
      WHERE json_type(doc, '$.profile') = 'object';
    )sql",
     R"sql(
    UPDATE region SET doc = ((doc::jsonb - 'profile') ||
        jsonb_build_object('profile_unchecked', (doc::jsonb) -> 'profile'))::text
      WHERE jsonb_typeof((doc::jsonb) -> 'profile') <> 'object';
    CREATE VIEW region_profile AS
      SELECT id AS region_id, (doc::json) -> 'profile' AS profile FROM region
      WHERE json_typeof((doc::json) -> 'profile') = 'object';
    )sql"},
};

// The version this build writes (both stores).
inline constexpr int kSchemaVersion = static_cast<int>(std::size(kMigrations));
static_assert(kSchemaVersion == kSqliteSchemaVersion);

}  // namespace kembar::store

#endif  // KEMBAR_SRC_STORE_MIGRATIONS_H_
