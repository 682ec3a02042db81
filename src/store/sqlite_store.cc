#include "kembar/store/sqlite_store.h"

#include <sqlite3.h>

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kembar/io/digest.h"
#include "kembar/io/dossier_writer.h"

namespace kembar::store {

namespace {

// Forward-only migrations: entry i upgrades user_version i to i+1.
constexpr const char* kMigrations[] = {
    // v0 -> v1: regions, partnerships, their events and the regions each names.
    R"sql(
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
    // v1 -> v2: top-level members a dossier carries beyond format/regions/partnerships
    // (attribution and licence lines), so that every export carries them on.
    R"sql(
    CREATE TABLE document_member(
      key  TEXT PRIMARY KEY,
      json TEXT NOT NULL                 -- the member's value, minified JSON
    );
    )sql",
    // v2 -> v3: the change log, apart from the records, hash-chained.
    R"sql(
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
};
static_assert(std::size(kMigrations) == kSqliteSchemaVersion);

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      error_ = sqlite3_errmsg(db);
    }
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  const std::string& error() const { return error_; }
  sqlite3_stmt* get() { return stmt_; }

  Stmt& Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::optional<std::string> OptText(int col) {
    if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
    return Text(col);
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

int64_t DayNumber(Day d) { return d.time_since_epoch().count(); }

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& x : v) out += (out.empty() ? "" : "\n") + x;
  return out;
}

// The lines of a newline-joined column (the inverse of Join).
std::vector<std::string> SplitLines(const std::string& joined) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < joined.size()) {
    size_t nl = joined.find('\n', pos);
    if (nl == std::string::npos) nl = joined.size();
    out.push_back(joined.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

// SHA-256 (hex) of the previous entry's hash and this entry's fields, each
// length-prefixed so that no two different entries hash alike.
std::string ChainHash(const std::string& prev, const ChangeRecord& c) {
  std::string buf;
  for (const std::string* f :
       {&prev, &c.at, &c.actor, &c.action, &c.record, &c.summary, &c.before, &c.after}) {
    buf += std::to_string(f->size()) + ":" + *f;
  }
  const std::string touched = Join(c.partnerships);
  buf += std::to_string(touched.size()) + ":" + touched + std::to_string(c.seq);
  return io::Sha256Hex(buf);
}

std::string RegionDoc(const Region& r) {
  std::string out;
  io::JsonWriter w(&out);
  io::WriteRegion(r, &w);
  return out;
}

std::string PartnershipDoc(const Partnership& p) {
  std::string out;
  io::JsonWriter w(&out);
  io::WritePartnership(p, false, &w);
  return out;
}

// Every region id a partnership names.
std::vector<std::string> NamedRegions(const Partnership& p) {
  std::vector<std::string> ids = {p.home, p.partner};
  auto add = [&](const std::optional<std::string>& id) {
    if (id && *id != kBothParties && *id != kOnlineHost) ids.push_back(*id);
  };
  for (const Event& e : p.events) {
    add(e.side);
    std::visit(
        [&](const auto& d) {
          using T = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<T, Visit>) {
            add(d.from);
            add(d.to);
          } else if constexpr (std::is_same_v<T, Communication>) {
            add(d.from);
          } else if constexpr (std::is_same_v<T, Activity>) {
            add(d.provider);
            add(d.beneficiary);
            add(d.host);
          }
        },
        e.details);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Init() {
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                               "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000"}) {
      if (Status s = Exec(pragma); !s.ok()) return s;
    }
    Stmt v(db_, "PRAGMA user_version");
    if (!v.ok() || v.Step() != SQLITE_ROW) return Error("cannot read the schema version");
    const int64_t version = v.Int(0);
    if (version > kSqliteSchemaVersion) {
      return Status::Unsupported("the database has schema version " + std::to_string(version) +
                                 "; this kembar understands up to " +
                                 std::to_string(kSqliteSchemaVersion) + ": upgrade kembar");
    }
    for (int64_t i = version; i < kSqliteSchemaVersion; ++i) {
      if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
      Status s = Exec(kMigrations[i]);
      if (s.ok()) s = Exec("PRAGMA user_version=" + std::to_string(i + 1));
      if (s.ok()) s = Exec("COMMIT");
      if (!s.ok()) {
        Exec("ROLLBACK");
        return s;
      }
    }
    return Status::Ok();
  }

  Result<ImportStats> Import(const ImportRequest& req) override {
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Result<ImportStats> r = ImportInTransaction(req);
    if (r.ok()) {
      if (Status s = Exec("COMMIT"); !s.ok()) {
        Exec("ROLLBACK");
        return s;
      }
    } else {
      Exec("ROLLBACK");
    }
    return r;
  }

  Result<Dossier> Export(const Selection& sel) override {
    std::string text;
    if (Status s = AssembleDossier(sel, &text); !s.ok()) return s;
    io::DossierReader reader;
    Dossier d;
    io::ReadReport rep = reader.Read(text, &d);
    if (!rep.schema_valid()) {
      return Status::Corruption("stored records do not form a valid dossier: " +
                                rep.errors.front().ToString());
    }
    if (!rep.ok()) {
      // Semantic problems can only come from records the importer wrote inconsistently.
      return Status::Corruption(rep.errors.front().ToString());
    }
    return d;
  }

  Result<std::vector<PartnershipSummary>> List(const Selection& sel) override {
    std::string sql = R"sql(
      SELECT p.id, p.kind, p.home, h.name, p.partner, q.name, q.country,
        (SELECT date FROM event e WHERE e.partnership_id = p.id ORDER BY first_day, last_day LIMIT 1),
        (SELECT date FROM event e WHERE e.partnership_id = p.id AND e.type = 'mou_signed'
           ORDER BY first_day LIMIT 1),
        (SELECT date FROM event e WHERE e.partnership_id = p.id ORDER BY last_day DESC, first_day DESC LIMIT 1),
        (SELECT count(*) FROM event e WHERE e.partnership_id = p.id)
      FROM partnership p JOIN region h ON h.id = p.home JOIN region q ON q.id = p.partner)sql";
    if (sel.partnership_id) sql += " WHERE p.id = ?1";
    if (sel.region_id) sql += " WHERE p.home = ?1 OR p.partner = ?1";
    sql += " ORDER BY h.name, q.name, p.id";
    Stmt st(db_, sql.c_str());
    if (!st.ok()) return Error(st.error());
    if (sel.partnership_id) st.Bind(1, *sel.partnership_id);
    if (sel.region_id) {
      if (Status s = RequireRegion(*sel.region_id); !s.ok()) return s;
      st.Bind(1, *sel.region_id);
    }
    std::vector<PartnershipSummary> out;
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      PartnershipSummary s;
      s.id = st.Text(0);
      s.kind = ParseVocab<PartnershipKind>(st.Text(1)).value_or(PartnershipKind::kSisterCity);
      s.home_id = st.Text(2);
      s.home_name = st.Text(3);
      s.partner_id = st.Text(4);
      s.partner_name = st.Text(5);
      s.partner_country = st.Text(6);
      s.first_date = st.OptText(7);
      s.mou_date = st.OptText(8);
      s.last_date = st.OptText(9);
      s.events = static_cast<size_t>(st.Int(10));
      out.push_back(std::move(s));
    }
    if (rc != SQLITE_DONE) return Error("listing partnerships");
    if (sel.partnership_id && out.empty()) {
      return Status::NotFound("no partnership has the id '" + *sel.partnership_id + "'");
    }
    return out;
  }

  Result<std::vector<RegionRow>> Regions() override {
    Stmt st(db_,
            "SELECT r.id, r.name, r.country, r.level, (SELECT group_concat(j.value, char(10)) "
            "FROM json_each(r.doc, '$.names') j) FROM region r ORDER BY r.name, r.id");
    if (!st.ok()) return Error(st.error());
    std::vector<RegionRow> out;
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      RegionRow r;
      r.id = st.Text(0);
      r.name = st.Text(1);
      r.country = st.Text(2);
      r.level = ParseVocab<Level>(st.Text(3)).value_or(Level::kOther);
      r.other_names = SplitLines(st.Text(4));
      out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return Error("reading regions");
    return out;
  }

  Result<std::vector<std::string>> KnownRegions(const std::vector<std::string>& ids) override {
    Stmt st(db_, "SELECT 1 FROM region WHERE id = ?1");
    if (!st.ok()) return Error(st.error());
    std::vector<std::string> known;
    for (const std::string& id : ids) {
      st.Reset();
      st.Bind(1, id);
      if (st.Step() == SQLITE_ROW) known.push_back(id);
    }
    return known;
  }

  Result<std::vector<std::pair<std::string, std::vector<std::string>>>> StoredEventIds(
      const std::vector<std::string>& ids) override {
    Stmt exists(db_, "SELECT 1 FROM partnership WHERE id = ?1");
    Stmt st(db_,
            "SELECT json_extract(doc, '$.id') FROM event WHERE partnership_id = ?1 AND "
            "json_extract(doc, '$.id') IS NOT NULL ORDER BY seq");
    if (!st.ok() || !exists.ok()) return Error(st.ok() ? exists.error() : st.error());
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const std::string& id : ids) {
      exists.Reset();
      exists.Bind(1, id);
      if (exists.Step() != SQLITE_ROW) continue;
      std::vector<std::string> events;
      st.Reset();
      st.Bind(1, id);
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) events.push_back(st.Text(0));
      if (rc != SQLITE_DONE) return Error("reading event ids");
      out.emplace_back(id, std::move(events));
    }
    return out;
  }

  Status DeletePartnership(const std::string& id, const ChangeRecord& change) override {
    return InTransaction([&]() -> Status {
      Stmt del(db_, "DELETE FROM partnership WHERE id = ?1");
      if (!del.ok()) return Error(del.error());
      del.Bind(1, id);
      if (del.Step() != SQLITE_DONE) return Error("deleting partnership '" + id + "'");
      if (sqlite3_changes(db_) == 0)
        return Status::NotFound("no partnership has the id '" + id + "'");
      return WriteChange(change);
    });
  }

  Status DeleteRegion(const std::string& id, const ChangeRecord& change) override {
    return InTransaction([&]() -> Status {
      if (Status s = RequireRegion(id); !s.ok()) return s;
      Stmt named(db_,
                 "SELECT partnership_id FROM partnership_region WHERE region_id = ?1 "
                 "ORDER BY partnership_id LIMIT 1");
      named.Bind(1, id);
      if (named.Step() == SQLITE_ROW) {
        return Status::InvalidInput("region '" + id + "' is still named by partnership '" +
                                    named.Text(0) + "': delete or change that first");
      }
      Stmt del(db_, "DELETE FROM region WHERE id = ?1");
      del.Bind(1, id);
      if (del.Step() != SQLITE_DONE) return Error("deleting region '" + id + "'");
      return WriteChange(change);
    });
  }

  Result<ImportStats> DeleteRecords(const std::vector<std::string>& partnerships,
                                    const std::vector<std::string>& regions,
                                    const ChangeRecord& change) override {
    ImportStats stats;
    Status s = InTransaction([&]() -> Status {
      Stmt del_p(db_, "DELETE FROM partnership WHERE id = ?1");
      Stmt named(db_,
                 "SELECT partnership_id FROM partnership_region WHERE region_id = ?1 "
                 "ORDER BY partnership_id LIMIT 1");
      Stmt del_r(db_, "DELETE FROM region WHERE id = ?1");
      if (!del_p.ok() || !named.ok() || !del_r.ok()) return Error("preparing deletes");
      for (const std::string& id : partnerships) {
        del_p.Reset();
        del_p.Bind(1, id);
        if (del_p.Step() != SQLITE_DONE) return Error("deleting partnership '" + id + "'");
        stats.partnerships_removed += static_cast<size_t>(sqlite3_changes(db_));
      }
      for (const std::string& id : regions) {
        named.Reset();
        named.Bind(1, id);
        if (named.Step() == SQLITE_ROW) {
          return Status::InvalidInput("region '" + id + "' is still named by partnership '" +
                                      named.Text(0) + "'");
        }
        del_r.Reset();
        del_r.Bind(1, id);
        if (del_r.Step() != SQLITE_DONE) return Error("deleting region '" + id + "'");
        stats.regions_removed += static_cast<size_t>(sqlite3_changes(db_));
      }
      return WriteChange(change);
    });
    if (!s.ok()) return s;
    return stats;
  }

  Result<std::vector<ChangeRecord>> History(const std::string& id) override {
    std::string sql =
        "SELECT c.seq, c.at, c.actor, c.action, c.record, c.summary, c.before, c.after, "
        "c.touched, c.hash FROM change_log c";
    if (!id.empty()) sql += " WHERE c.seq IN (SELECT seq FROM change_record WHERE record_id = ?1)";
    sql += " ORDER BY c.seq";
    Stmt st(db_, sql.c_str());
    if (!st.ok()) return Error(st.error());
    if (!id.empty()) st.Bind(1, id);
    std::vector<ChangeRecord> out;
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) out.push_back(RowToChange(st));
    if (rc != SQLITE_DONE) return Error("reading the change log");
    return out;
  }

  Status VerifyChangeLog() override {
    auto all = History("");
    if (!all.ok()) return all.status();
    std::string prev;
    for (const ChangeRecord& c : *all) {
      if (ChainHash(prev, c) != c.hash) {
        return Status::Corruption("the change log was altered at entry " + std::to_string(c.seq) +
                                  " (" + c.action + " " + c.record + ", " + c.at + ")");
      }
      prev = c.hash;
    }
    return Status::Ok();
  }

  Result<Counts> Count() override {
    Stmt st(db_,
            "SELECT (SELECT count(*) FROM region), (SELECT count(*) FROM partnership), "
            "(SELECT count(*) FROM event)");
    if (!st.ok() || st.Step() != SQLITE_ROW) return Error("counting records");
    return Counts{static_cast<size_t>(st.Int(0)), static_cast<size_t>(st.Int(1)),
                  static_cast<size_t>(st.Int(2))};
  }

 private:
  Status Error(const std::string& what) {
    return Status::IoError("database error (" + what + "): " + sqlite3_errmsg(db_));
  }

  Status Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Status::IoError("database error: " + msg);
    }
    return Status::Ok();
  }

  static ChangeRecord RowToChange(Stmt& st) {
    ChangeRecord c;
    c.seq = st.Int(0);
    c.at = st.Text(1);
    c.actor = st.Text(2);
    c.action = st.Text(3);
    c.record = st.Text(4);
    c.summary = st.Text(5);
    c.before = st.Text(6);
    c.after = st.Text(7);
    c.partnerships = SplitLines(st.Text(8));
    c.hash = st.Text(9);
    return c;
  }

  Status RequireRegion(const std::string& id) {
    Stmt st(db_, "SELECT 1 FROM region WHERE id = ?1");
    st.Bind(1, id);
    if (st.Step() != SQLITE_ROW) return Status::NotFound("no region has the id '" + id + "'");
    return Status::Ok();
  }

  Result<ImportStats> ImportInTransaction(const ImportRequest& req) {
    const Dossier& d = *req.dossier;
    ImportStats stats;
    {
      Stmt exists(db_, "SELECT 1 FROM region WHERE id = ?1");
      for (const io::ExternalRegionRef& ref : req.external_refs) {
        exists.Reset();
        exists.Bind(1, ref.id);
        if (exists.Step() != SQLITE_ROW) {
          return Status::InvalidInput(ref.path + ": region '" + ref.id +
                                      "' is neither defined in the document's regions nor "
                                      "known to the database");
        }
      }
    }
    Stmt region_exists(db_, "SELECT 1 FROM region WHERE id = ?1");
    Stmt upsert_region(db_,
                       "INSERT INTO region(id, name, country, level, doc) VALUES (?1,?2,?3,?4,?5) "
                       "ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                       "country=excluded.country, level=excluded.level, doc=excluded.doc");
    if (!upsert_region.ok()) return Error(upsert_region.error());
    for (const Region& r : d.regions) {
      region_exists.Reset();
      region_exists.Bind(1, r.id);
      const bool existed = region_exists.Step() == SQLITE_ROW;
      ++(existed ? stats.regions_updated : stats.regions_added);
      upsert_region.Reset();
      upsert_region.Bind(1, r.id).Bind(2, r.name).Bind(3, r.country).Bind(4, ToString(r.level));
      upsert_region.Bind(5, RegionDoc(r));
      if (upsert_region.Step() != SQLITE_DONE) return Error("writing region '" + r.id + "'");
    }

    Stmt partnership_exists(db_, "SELECT 1 FROM partnership WHERE id = ?1");
    Stmt upsert_partnership(
        db_,
        "INSERT INTO partnership(id, kind, home, partner, doc) VALUES (?1,?2,?3,?4,?5) "
        "ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, home=excluded.home, "
        "partner=excluded.partner, doc=excluded.doc");
    Stmt delete_events(db_, "DELETE FROM event WHERE partnership_id = ?1");
    Stmt delete_named(db_, "DELETE FROM partnership_region WHERE partnership_id = ?1");
    Stmt insert_event(db_,
                      "INSERT INTO event(partnership_id, seq, type, date, first_day, last_day, "
                      "doc) VALUES (?1,?2,?3,?4,?5,?6,?7)");
    Stmt insert_named(db_,
                      "INSERT INTO partnership_region(partnership_id, region_id) VALUES (?1,?2)");
    for (Stmt* s : {&partnership_exists, &upsert_partnership, &delete_events, &delete_named,
                    &insert_event, &insert_named}) {
      if (!s->ok()) return Error(s->error());
    }
    std::string doc;
    const size_t total = d.partnerships.size();
    for (size_t i = 0; i < total; ++i) {
      const Partnership& p = d.partnerships[i];
      partnership_exists.Reset();
      partnership_exists.Bind(1, p.id);
      const bool existed = partnership_exists.Step() == SQLITE_ROW;
      if (existed) {
        ++stats.partnerships_updated;
        // The document holds the newer full record: its timeline replaces the stored one.
        delete_events.Reset();
        delete_events.Bind(1, p.id);
        delete_named.Reset();
        delete_named.Bind(1, p.id);
        if (delete_events.Step() != SQLITE_DONE || delete_named.Step() != SQLITE_DONE) {
          return Error("replacing partnership '" + p.id + "'");
        }
      } else {
        ++stats.partnerships_added;
      }
      upsert_partnership.Reset();
      upsert_partnership.Bind(1, p.id).Bind(2, ToString(p.kind)).Bind(3, p.home);
      upsert_partnership.Bind(4, p.partner).Bind(5, PartnershipDoc(p));
      if (upsert_partnership.Step() != SQLITE_DONE)
        return Error("writing partnership '" + p.id + "'");
      for (const std::string& region : NamedRegions(p)) {
        insert_named.Reset();
        insert_named.Bind(1, p.id).Bind(2, region);
        if (insert_named.Step() != SQLITE_DONE) return Error("indexing partnership '" + p.id + "'");
      }
      for (size_t seq = 0; seq < p.events.size(); ++seq) {
        const Event& e = p.events[seq];
        doc.clear();
        io::JsonWriter w(&doc);
        io::WriteEvent(e, &w);
        insert_event.Reset();
        insert_event.Bind(1, p.id).Bind(2, static_cast<int64_t>(seq)).Bind(3, ToString(e.type()));
        insert_event.Bind(4, e.date.ToString()).Bind(5, DayNumber(e.date.First()));
        insert_event.Bind(6, DayNumber(e.date.Last())).Bind(7, doc);
        if (insert_event.Step() != SQLITE_DONE) return Error("writing an event of '" + p.id + "'");
        ++stats.events;
      }
      if (req.progress && ((i + 1) % 1000 == 0 || i + 1 == total)) req.progress(i + 1, total);
    }
    Stmt upsert_member(db_,
                       "INSERT INTO document_member(key, json) VALUES (?1,?2) "
                       "ON CONFLICT(key) DO UPDATE SET json=excluded.json");
    if (!upsert_member.ok()) return Error(upsert_member.error());
    for (const auto& [key, value] : d.extra) {
      upsert_member.Reset();
      upsert_member.Bind(1, key).Bind(2, value);
      if (upsert_member.Step() != SQLITE_DONE) return Error("writing member '" + key + "'");
    }
    if (req.log_import) {
      Stmt log(
          db_,
          "INSERT INTO import_log(source, regions, partnerships, events) VALUES (?1,?2,?3,?4)");
      log.Bind(1, req.source_name).Bind(2, static_cast<int64_t>(d.regions.size()));
      log.Bind(3, static_cast<int64_t>(total)).Bind(4, static_cast<int64_t>(stats.events));
      if (log.Step() != SQLITE_DONE) return Error("writing the import log");
    }
    if (req.change) {
      if (Status st = WriteChange(*req.change); !st.ok()) return st;
    }
    return stats;
  }

  // Appends `c` to the change log, chained to the last entry (inside a transaction).
  Status WriteChange(ChangeRecord c) {
    std::string prev;
    {
      Stmt last(db_, "SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1");
      if (!last.ok()) return Error(last.error());
      c.seq = 1;
      if (last.Step() == SQLITE_ROW) {
        c.seq = last.Int(0) + 1;
        prev = last.Text(1);
      }
    }
    {
      Stmt now(db_, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
      if (!now.ok() || now.Step() != SQLITE_ROW) return Error("reading the clock");
      c.at = now.Text(0);
    }
    c.hash = ChainHash(prev, c);
    Stmt ins(db_,
             "INSERT INTO change_log(seq, at, actor, action, record, summary, before, after, "
             "touched, hash) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)");
    if (!ins.ok()) return Error(ins.error());
    ins.Bind(1, c.seq).Bind(2, c.at).Bind(3, c.actor).Bind(4, c.action).Bind(5, c.record);
    ins.Bind(6, c.summary).Bind(7, c.before).Bind(8, c.after).Bind(9, Join(c.partnerships));
    ins.Bind(10, c.hash);
    if (ins.Step() != SQLITE_DONE) return Error("writing the change log");
    Stmt touch(db_, "INSERT OR IGNORE INTO change_record(seq, record_id) VALUES (?1,?2)");
    std::vector<std::string> ids = c.partnerships;
    ids.push_back(c.record);
    for (const std::string& id : ids) {
      touch.Reset();
      touch.Bind(1, c.seq).Bind(2, id);
      if (touch.Step() != SQLITE_DONE) return Error("indexing the change log");
    }
    return Status::Ok();
  }

  // Runs `body` in one transaction: committed when it succeeds, rolled back otherwise.
  template <typename F>
  Status InTransaction(F&& body) {
    if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = body();
    if (s.ok()) s = Exec("COMMIT");
    if (!s.ok()) Exec("ROLLBACK");
    return s;
  }

  // Builds the dossier text of the selection from the stored canonical JSON.
  Status AssembleDossier(const Selection& sel, std::string* out) {
    std::string where_p;  // filter on partnership p
    if (sel.partnership_id) {
      Stmt st(db_, "SELECT 1 FROM partnership WHERE id = ?1");
      st.Bind(1, *sel.partnership_id);
      if (st.Step() != SQLITE_ROW) {
        return Status::NotFound("no partnership has the id '" + *sel.partnership_id + "'");
      }
      where_p = " WHERE p.id = ?1";
    } else if (sel.region_id) {
      if (Status s = RequireRegion(*sel.region_id); !s.ok()) return s;
      where_p = " WHERE p.home = ?1 OR p.partner = ?1";
    }
    const std::string key = sel.partnership_id ? *sel.partnership_id
                            : sel.region_id    ? *sel.region_id
                                               : std::string();
    std::string regions_sql;
    if (where_p.empty()) {
      regions_sql = "SELECT doc FROM region ORDER BY rowid";
    } else {
      regions_sql =
          "SELECT r.doc FROM region r WHERE r.id IN (SELECT n.region_id FROM partnership_region "
          "n JOIN partnership p ON p.id = n.partnership_id" +
          where_p + ")";
      if (sel.region_id) regions_sql += " OR r.id = ?1";
      regions_sql += " ORDER BY r.rowid";
    }
    out->append("{\"format\":\"kembar-dossier/1\",\"regions\":[");
    {
      Stmt st(db_, regions_sql.c_str());
      if (!st.ok()) return Error(st.error());
      if (!key.empty()) st.Bind(1, key);
      bool first = true;
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        if (!first) out->push_back(',');
        first = false;
        out->append(reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 0)),
                    static_cast<size_t>(sqlite3_column_bytes(st.get(), 0)));
      }
      if (rc != SQLITE_DONE) return Error("reading regions");
    }
    out->append("],\"partnerships\":[");
    {
      // Partnerships in import order, each followed by its events in timeline order.
      const std::string sql =
          "SELECT p.id, p.doc, e.doc FROM partnership p LEFT JOIN event e ON e.partnership_id = "
          "p.id" +
          where_p + " ORDER BY p.rowid, e.seq";
      Stmt st(db_, sql.c_str());
      if (!st.ok()) return Error(st.error());
      if (!key.empty()) st.Bind(1, key);
      std::string current;
      bool first_p = true, first_e = true;
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 0));
        if (first_p || current != id) {
          if (!first_p) out->append("]}");
          if (!first_p) out->push_back(',');
          first_p = false;
          first_e = true;
          current = id;
          std::string_view pdoc(reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 1)),
                                static_cast<size_t>(sqlite3_column_bytes(st.get(), 1)));
          if (pdoc.size() < 2 || pdoc.back() != '}') {
            return Status::Corruption("partnership '" + current + "' is stored malformed");
          }
          pdoc.remove_suffix(1);
          out->append(pdoc);
          out->append(",\"events\":[");
        }
        if (sqlite3_column_type(st.get(), 2) != SQLITE_NULL) {
          if (!first_e) out->push_back(',');
          first_e = false;
          out->append(reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 2)),
                      static_cast<size_t>(sqlite3_column_bytes(st.get(), 2)));
        }
      }
      if (rc != SQLITE_DONE) return Error("reading partnerships");
      if (!first_p) out->append("]}");
    }
    out->push_back(']');
    {
      // Document-level members (attribution lines) travel with every export.
      Stmt st(db_, "SELECT key, json FROM document_member ORDER BY key");
      if (!st.ok()) return Error(st.error());
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        out->push_back(',');
        io::JsonWriter::AppendQuoted(st.Text(0), out);
        out->push_back(':');
        out->append(st.Text(1));
      }
      if (rc != SQLITE_DONE) return Error("reading document members");
    }
    out->push_back('}');
    return Status::Ok();
  }

  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IoError("cannot open the database '" + path + "': " + msg);
  }
  auto store = std::make_unique<SqliteStore>(db);
  if (Status s = store->Init(); !s.ok()) {
    return Status(s.code() == StatusCode::kIoError
                      ? Status::IoError("cannot use the database '" + path + "': " + s.message())
                      : s);
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace kembar::store
