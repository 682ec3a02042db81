// The Store on PostgreSQL (pg_store.h), through libpqxx.
#include "kembar/store/pg_store.h"

#include <simdjson.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "store/change_log.h"
#include "store/lines.h"
#include "store/migrations.h"
#include "store/pg_conn.h"
#include "store/record_codec.h"

namespace kembar::store {

namespace {

namespace dom = simdjson::dom;
using PartnershipModel = kembar::Partnership;

// Connections a store keeps at most (one per call in progress).
constexpr size_t kPoolSize = 8;
// Partnerships buffered before a bulk import sends them with COPY.
constexpr size_t kCopyBatch = 2000;

// Query parameters, numbered as they are added.
class Params {
 public:
  // "$n" for a new parameter with `value`.
  std::string Add(PgParam value) {
    values_.push_back(std::move(value));
    return "$" + std::to_string(values_.size());
  }
  const std::vector<PgParam>& values() const { return values_; }

 private:
  std::vector<PgParam> values_;
};

int64_t AsInt(const pqxx::field& f) {
  return f.is_null() ? 0 : std::strtoll(f.c_str(), nullptr, 10);
}
std::string AsText(const pqxx::field& f) {
  return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
}
std::string_view AsView(const pqxx::field& f) {
  return f.is_null() ? std::string_view() : std::string_view(f.c_str(), f.size());
}
std::optional<std::string> AsOpt(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return AsText(f);
}

Status Corrupt(const std::string& what) {
  return Status::Corruption("the stored " + what + " is malformed",
                            "data tersimpan " + what + " rusak");
}

Status NoPartnership(const std::string& id) {
  return Status::NotFound("no partnership has the id '" + id + "'",
                          "tidak ada kemitraan dengan id '" + id + "'");
}

Status NoRegion(const std::string& id) {
  return Status::NotFound("no region has the id '" + id + "'",
                          "tidak ada daerah dengan id '" + id + "'");
}

constexpr const char* kChangeColumns =
    "c.seq, c.at, c.actor, c.action, c.record, c.summary, c.before, c.after, c.touched, "
    "c.hash, c.address, c.area";

ChangeRecord RowToChange(const pqxx::row& r) {
  ChangeRecord c;
  c.seq = AsInt(r[0]);
  c.at = AsText(r[1]);
  c.actor = AsText(r[2]);
  c.action = AsText(r[3]);
  c.record = AsText(r[4]);
  c.summary = AsText(r[5]);
  c.before = AsText(r[6]);
  c.after = AsText(r[7]);
  c.partnerships = SplitLines(AsText(r[8]));
  c.hash = AsText(r[9]);
  c.address = AsText(r[10]);
  c.area = AsText(r[11]);
  return c;
}

// The summaries' query (as SqliteStore's), ordered byte-wise as SQLite orders text.
std::string SummarySql(const std::string& where, const std::string& tail) {
  return R"sql(
    SELECT p.id, p.kind, p.home, h.name, p.partner, q.name, q.country,
      (SELECT date FROM event e WHERE e.partnership_id = p.id ORDER BY first_day, last_day LIMIT 1),
      (SELECT date FROM event e WHERE e.partnership_id = p.id AND e.type = 'mou_signed'
         ORDER BY first_day LIMIT 1),
      (SELECT date FROM event e WHERE e.partnership_id = p.id
         ORDER BY last_day DESC, first_day DESC LIMIT 1),
      (SELECT count(*) FROM event e WHERE e.partnership_id = p.id)
    FROM partnership p JOIN region h ON h.id = p.home JOIN region q ON q.id = p.partner)sql" +
         where + R"sql( ORDER BY h.name COLLATE "C", q.name COLLATE "C", p.id COLLATE "C")sql" +
         tail;
}

void ReadSummaries(const pqxx::result& res, std::vector<PartnershipSummary>* out) {
  for (const pqxx::row& r : res) {
    PartnershipSummary s;
    s.id = AsText(r[0]);
    s.kind = ParseVocab<PartnershipKind>(AsText(r[1])).value_or(PartnershipKind::kSisterCity);
    s.home_id = AsText(r[2]);
    s.home_name = AsText(r[3]);
    s.partner_id = AsText(r[4]);
    s.partner_name = AsText(r[5]);
    s.partner_country = AsText(r[6]);
    s.first_date = AsOpt(r[7]);
    s.mou_date = AsOpt(r[8]);
    s.last_date = AsOpt(r[9]);
    s.events = static_cast<size_t>(AsInt(r[10]));
    out->push_back(std::move(s));
  }
}

class PgStore;

// Writes the records of one import inside its transaction. A first import (no
// partnership stored) sends partnerships, events and the regions they name with COPY
// in batches; otherwise each partnership is written (or replaced) at once.
class PgWriter final : public ImportSink {
 public:
  PgWriter(PgStore* store, PgConnection* c) : store_(store), c_(c) {}

  Status Prepare() {
    auto any = c_->Run("SELECT 1 FROM partnership LIMIT 1");
    if (!any.ok()) return any.status();
    bulk_ = any->empty();
    return Status::Ok();
  }

  Status PutRegion(const Region& r) override {
    auto res = c_->Run(
        "INSERT INTO region(id, name, country, level, doc) VALUES ($1,$2,$3,$4,$5) "
        "ON CONFLICT(id) DO UPDATE SET name=excluded.name, country=excluded.country, "
        "level=excluded.level, doc=excluded.doc RETURNING (xmax = 0)",
        {r.id, r.name, r.country, std::string(ToString(r.level)), StoredRegionJson(r)});
    if (!res.ok()) return res.status();
    const bool inserted = !res->empty() && AsText((*res)[0][0]) == "t";
    ++(inserted ? stats.regions_added : stats.regions_updated);
    ++regions_put;
    known_regions_.insert(r.id);
    return Status::Ok();
  }

  Status PutPartnership(const PartnershipModel& p) override {
    ++partnerships_put;
    const std::vector<std::string> named = NamedRegionIds(p);
    if (Status s = CheckRegions(p.id, named); !s.ok()) return s;
    if (bulk_ && put_ids_.insert(p.id).second) {
      ++stats.partnerships_added;
      Buffer(p, named);
      if (batch_partnerships_.size() >= kCopyBatch) return Flush();
      return Status::Ok();
    }
    if (Status s = Flush(); !s.ok()) return s;
    auto existed = c_->Run("SELECT 1 FROM partnership WHERE id = $1", {p.id});
    if (!existed.ok()) return existed.status();
    if (!existed->empty()) {
      ++stats.partnerships_updated;
      // The document holds the newer full record: its timeline replaces the stored one.
      for (const char* sql : {"DELETE FROM event WHERE partnership_id = $1",
                              "DELETE FROM partnership_region WHERE partnership_id = $1"}) {
        if (auto r = c_->Run(sql, {p.id}); !r.ok()) return r.status();
      }
    } else {
      ++stats.partnerships_added;
    }
    auto up = c_->Run(
        "INSERT INTO partnership(id, kind, home, partner, doc) VALUES ($1,$2,$3,$4,$5) "
        "ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, home=excluded.home, "
        "partner=excluded.partner, doc=excluded.doc",
        {p.id, std::string(ToString(p.kind)), p.home, p.partner, StoredPartnershipJson(p)});
    if (!up.ok()) return up.status();
    // Its events and named regions in one statement each.
    if (!p.events.empty()) {
      Params params;
      std::string sql =
          "INSERT INTO event(partnership_id, seq, event_id, type, date, first_day, last_day, "
          "doc) VALUES ";
      const std::string pid = params.Add(p.id);
      for (size_t seq = 0; seq < p.events.size(); ++seq) {
        const Event& e = p.events[seq];
        sql += (seq ? ",(" : "(") + pid + "," + params.Add(std::to_string(seq)) + "::integer," +
               params.Add(e.id) + "," + params.Add(std::string(ToString(e.type()))) + "," +
               params.Add(e.date.ToString()) + "," +
               params.Add(std::to_string(e.date.First().time_since_epoch().count())) +
               "::integer," + params.Add(std::to_string(e.date.Last().time_since_epoch().count())) +
               "::integer," + params.Add(StoredEventJson(e)) + ")";
        ++stats.events;
      }
      if (auto r = c_->Run(sql, params.values()); !r.ok()) return r.status();
    }
    {
      Params params;
      std::string sql = "INSERT INTO partnership_region(partnership_id, region_id) VALUES ";
      const std::string pid = params.Add(p.id);
      for (size_t i = 0; i < named.size(); ++i) {
        sql += (i ? ",(" : "(") + pid + "," + params.Add(named[i]) + ")";
      }
      if (auto r = c_->Run(sql, params.values()); !r.ok()) return r.status();
    }
    return Status::Ok();
  }

  Status PutMember(const std::string& key, const std::string& json) override {
    auto r = c_->Run(
        "INSERT INTO document_member(key, json) VALUES ($1,$2) "
        "ON CONFLICT(key) DO UPDATE SET json=excluded.json",
        {key, json});
    return r.ok() ? Status::Ok() : r.status();
  }

  Result<bool> HasRegion(const std::string& id) override {
    if (known_regions_.count(id)) return true;
    auto r = c_->Run("SELECT 1 FROM region WHERE id = $1", {id});
    if (!r.ok()) return r.status();
    if (r->empty()) return false;
    known_regions_.insert(id);
    return true;
  }

  Result<bool> StoresRegionAs(const Region& r) override {
    auto res = c_->Run("SELECT doc FROM region WHERE id = $1", {r.id});
    if (!res.ok()) return res.status();
    if (res->empty()) return false;
    return AsText((*res)[0][0]) == StoredRegionJson(r);
  }

  Result<std::optional<std::vector<std::string>>> StoredEventIds(const std::string& id) override;
  Result<std::optional<PartnershipModel>> StoredPartnership(const std::string& id) override;

  void SetChange(ChangeRecord change) override { change_ = std::move(change); }

  // Sends what is buffered (COPY).
  Status Flush() {
    if (batch_partnerships_.empty()) return Status::Ok();
    try {
      {
        pqxx::stream_to s(c_->tx(), "partnership",
                          std::vector<std::string>{"id", "kind", "home", "partner", "doc"});
        for (const auto& r : batch_partnerships_) {
          s << std::make_tuple(r[0].c_str(), r[1].c_str(), r[2].c_str(), r[3].c_str(),
                               r[4].c_str());
        }
        s.complete();
      }
      {
        pqxx::stream_to s(c_->tx(), "event",
                          std::vector<std::string>{"partnership_id", "seq", "event_id", "type",
                                                   "date", "first_day", "last_day", "doc"});
        for (const BufferedEvent& e : batch_events_) {
          s << std::make_tuple(e.pid.c_str(), e.seq.c_str(), e.id ? e.id->c_str() : nullptr,
                               e.type.c_str(), e.date.c_str(), e.first.c_str(), e.last.c_str(),
                               e.doc.c_str());
        }
        s.complete();
      }
      {
        pqxx::stream_to s(c_->tx(), "partnership_region",
                          std::vector<std::string>{"partnership_id", "region_id"});
        for (const auto& [pid, rid] : batch_named_) s << std::make_tuple(pid.c_str(), rid.c_str());
        s.complete();
      }
    } catch (const std::exception& e) {
      return c_->Fail("writing partnerships", e);
    }
    batch_partnerships_.clear();
    batch_events_.clear();
    batch_named_.clear();
    return Status::Ok();
  }

  ImportStats stats;
  size_t regions_put = 0, partnerships_put = 0;
  std::optional<ChangeRecord> change_;

 private:
  struct BufferedEvent {
    std::string pid, seq;
    std::optional<std::string> id;
    std::string type, date, first, last, doc;
  };

  void Buffer(const PartnershipModel& p, const std::vector<std::string>& named) {
    batch_partnerships_.push_back(
        {p.id, std::string(ToString(p.kind)), p.home, p.partner, StoredPartnershipJson(p)});
    for (size_t seq = 0; seq < p.events.size(); ++seq) {
      const Event& e = p.events[seq];
      batch_events_.push_back(
          {p.id, std::to_string(seq), e.id, std::string(ToString(e.type())), e.date.ToString(),
           std::to_string(e.date.First().time_since_epoch().count()),
           std::to_string(e.date.Last().time_since_epoch().count()), StoredEventJson(e)});
      ++stats.events;
    }
    for (const std::string& r : named) batch_named_.emplace_back(p.id, r);
  }

  // Every region a partnership names must be stored (no foreign key checks it).
  Status CheckRegions(const std::string& pid, const std::vector<std::string>& named) {
    for (const std::string& id : named) {
      auto has = HasRegion(id);
      if (!has.ok()) return has.status();
      if (!*has) {
        return Status::InvalidInput(
            "partnership '" + pid + "' names region '" + id + "', which is not stored",
            "kemitraan '" + pid + "' menyebut daerah '" + id + "', yang tidak tersimpan");
      }
    }
    return Status::Ok();
  }

  PgStore* store_;
  PgConnection* c_;
  bool bulk_ = false;
  std::unordered_set<std::string> known_regions_, put_ids_;
  std::vector<std::array<std::string, 5>> batch_partnerships_;
  std::vector<BufferedEvent> batch_events_;
  std::vector<std::pair<std::string, std::string>> batch_named_;
};

class PgStore final : public Store {
 public:
  explicit PgStore(std::string url) : url_(std::move(url)) {}

  // A connection of the pool, returned to it when done (rolled back if a transaction
  // is still open, dropped when broken).
  class Lease {
   public:
    Lease(PgStore* store, std::unique_ptr<PgConnection> c) : store_(store), c_(std::move(c)) {}
    Lease(Lease&& o) noexcept : store_(o.store_), c_(std::move(o.c_)) {}
    ~Lease() {
      if (c_) store_->Release(std::move(c_));
    }
    PgConnection* operator->() { return c_.get(); }
    PgConnection* get() { return c_.get(); }

   private:
    PgStore* store_;
    std::unique_ptr<PgConnection> c_;
  };

  Result<Lease> Acquire() {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !idle_.empty() || open_ < kPoolSize; });
      if (!idle_.empty()) {
        auto c = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(c));
      }
      ++open_;
    }
    auto c = PgConnection::Open(url_);
    if (!c.ok()) {
      std::lock_guard lock(mu_);
      --open_;
      cv_.notify_one();
      return c.status();
    }
    return Lease(this, std::move(*c));
  }

  void Release(std::unique_ptr<PgConnection> c) {
    if (c->in_transaction()) c->Rollback();
    std::lock_guard lock(mu_);
    if (c->is_open()) {
      idle_.push_back(std::move(c));
    } else {
      --open_;
    }
    cv_.notify_one();
  }

  Status Init() {
    auto c = Acquire();
    if (!c.ok()) return c.status();
    PgConnection* conn = c->get();
    // The version read without the write lock (a read replica can be opened); a
    // migration takes it, and reads the version again under it.
    auto version = ReadVersion(conn);
    if (!version.ok()) return version.status();
    if (Status s = CheckVersion(*version); !s.ok()) return s;
    if (*version == kSchemaVersion) return Status::Ok();
    if (Status s = conn->BeginWrite(); !s.ok()) return s;
    Status s = [&]() -> Status {
      // Read again under the lock: another process may have migrated meanwhile.
      auto now = ReadVersion(conn);
      if (!now.ok()) return now.status();
      if (Status t = CheckVersion(*now); !t.ok()) return t;
      if (*now == kSchemaVersion) return Status::Ok();
      if (Status t =
              conn->Exec("CREATE TABLE IF NOT EXISTS kembar_schema(version INTEGER NOT NULL)");
          !t.ok()) {
        return t;
      }
      for (int64_t v = *now; v < kSchemaVersion; ++v) {
        if (Status t = conn->Exec(kMigrations[v].postgres); !t.ok()) return t;
      }
      if (Status t = conn->Exec("DELETE FROM kembar_schema"); !t.ok()) return t;
      return conn->Exec("INSERT INTO kembar_schema(version) VALUES (" +
                        std::to_string(kSchemaVersion) + ")");
    }();
    if (s.ok()) return conn->Commit();
    conn->Rollback();
    return s;
  }

  static Result<int64_t> ReadVersion(PgConnection* c) {
    auto exists = c->Run("SELECT to_regclass('kembar_schema') IS NOT NULL");
    if (!exists.ok()) return exists.status();
    if (AsText((*exists)[0][0]) != "t") {
      // No kembar tables: a new database. Tables of another application are left alone.
      auto region = c->Run("SELECT to_regclass('region') IS NOT NULL");
      if (!region.ok()) return region.status();
      if (AsText((*region)[0][0]) == "t") {
        return Status::Corruption(
            "the database has a table 'region' but no kembar_schema: it is not a kembar "
            "database, or was damaged",
            "basis data ini memiliki tabel 'region' tetapi tidak ada kembar_schema: ini bukan "
            "basis data kembar, atau sudah rusak");
      }
      return 0;
    }
    auto v = c->Run("SELECT max(version), count(*) FROM kembar_schema");
    if (!v.ok()) return v.status();
    if (AsInt((*v)[0][1]) != 1) {
      return Status::Corruption("the table kembar_schema must hold one row",
                                "tabel kembar_schema harus berisi satu baris");
    }
    return AsInt((*v)[0][0]);
  }

  static Status CheckVersion(int64_t version) {
    const std::string v = std::to_string(version), max = std::to_string(kSchemaVersion);
    if (version < 0) {
      return Status::Corruption("the schema version (kembar_schema) is " + v +
                                    ", which no kembar writes (0 to " + max + ")",
                                "versi skema (kembar_schema) adalah " + v +
                                    ", yang tidak pernah ditulis kembar (0 sampai " + max + ")");
    }
    if (version > kSchemaVersion) {
      return Status::Unsupported("the database has schema version " + v +
                                     "; this kembar understands up to " + max + ": upgrade kembar",
                                 "basis data ini memakai skema versi " + v +
                                     "; kembar ini hanya memahami sampai versi " + max +
                                     ": perbarui kembar");
    }
    return Status::Ok();
  }

  // Runs `body(conn)` in one snapshot.
  template <typename T, typename F>
  Result<T> Read(F&& body) {
    auto c = Acquire();
    if (!c.ok()) return c.status();
    if (Status s = (*c)->BeginRead(); !s.ok()) return s;
    Result<T> r = body(c->get());
    (*c)->Commit();
    return r;
  }

  // Runs `body(conn)` in one write transaction: committed when it succeeds.
  template <typename F>
  Status Write(F&& body) {
    auto c = Acquire();
    if (!c.ok()) return c.status();
    if (Status s = (*c)->BeginWrite(); !s.ok()) return s;
    Status s = body(c->get());
    if (s.ok()) return (*c)->Commit();
    (*c)->Rollback();
    return s;
  }

  Result<ImportStats> Import(const ImportRequest& req) override {
    ImportStats out;
    Status s = Write([&](PgConnection* c) -> Status {
      auto r = ImportIn(c, req);
      if (!r.ok()) return r.status();
      out = *r;
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return out;
  }

  Result<ImportStats> ImportIn(PgConnection* c, const ImportRequest& req) {
    PgWriter w(this, c);
    if (Status s = w.Prepare(); !s.ok()) return s;
    w.change_ = req.change;
    if (req.precondition) {
      if (Status s = req.precondition(w); !s.ok()) return s;
    }
    if (req.stream) {
      if (Status s = req.stream(w); !s.ok()) return s;
    } else {
      const Dossier& d = *req.dossier;
      for (const io::ExternalRegionRef& ref : req.external_refs) {
        auto known = w.HasRegion(ref.id);
        if (!known.ok()) return known.status();
        if (!*known) {
          return Status::InvalidInput(ref.path + ": region '" + ref.id +
                                          "' is neither defined in the document's regions nor "
                                          "known to the database",
                                      ref.path + ": daerah '" + ref.id +
                                          "' tidak didefinisikan dalam regions dokumen dan "
                                          "tidak dikenal di basis data");
        }
      }
      for (const Region& r : d.regions) {
        if (Status s = w.PutRegion(r); !s.ok()) return s;
      }
      const size_t total = d.partnerships.size();
      for (size_t i = 0; i < total; ++i) {
        if (Status s = w.PutPartnership(d.partnerships[i]); !s.ok()) return s;
        if (req.progress && ((i + 1) % 1000 == 0 || i + 1 == total)) req.progress(i + 1, total);
      }
      for (const auto& [key, value] : d.extra) {
        if (Status s = w.PutMember(key, value); !s.ok()) return s;
      }
    }
    if (Status s = w.Flush(); !s.ok()) return s;
    if (req.log_import) {
      auto r = c->Run(
          "INSERT INTO import_log(source, regions, partnerships, events) VALUES ($1,$2,$3,$4)",
          {req.source_name, std::to_string(w.regions_put), std::to_string(w.partnerships_put),
           std::to_string(w.stats.events)});
      if (!r.ok()) return r.status();
    }
    if (w.change_) {
      ChangeRecord change = *w.change_;
      change.area = std::string(kRecordsArea);
      if (Status s = AppendChange(*c, &change); !s.ok()) return s;
    }
    return w.stats;
  }

  Result<Dossier> Export(const Selection& sel) override {
    if (sel.partnership_id) return Partnership(*sel.partnership_id);
    if (sel.region_id) return RegionPartnerships(*sel.region_id);
    return Read<Dossier>([&](PgConnection* c) { return ExportAll(c); });
  }

  Result<Dossier> Partnership(const std::string& id) override {
    return Read<Dossier>([&](PgConnection* c) { return ExportPartnerships(c, id, std::nullopt); });
  }

  Result<Dossier> RegionPartnerships(const std::string& region_id) override {
    return Read<Dossier>(
        [&](PgConnection* c) { return ExportPartnerships(c, std::nullopt, region_id); });
  }

  Result<std::vector<PartnershipSummary>> List(const Selection& sel) override {
    return Read<std::vector<PartnershipSummary>>(
        [&](PgConnection* c) -> Result<std::vector<PartnershipSummary>> {
          Params params;
          std::string where;
          if (sel.partnership_id) where = " WHERE p.id = " + params.Add(*sel.partnership_id);
          if (sel.region_id) {
            if (Status s = RequireRegion(c, *sel.region_id); !s.ok()) return s;
            const std::string r = params.Add(*sel.region_id);
            where = " WHERE p.home = " + r + " OR p.partner = " + r;
          }
          auto res = c->Run(SummarySql(where, ""), params.values());
          if (!res.ok()) return res.status();
          std::vector<PartnershipSummary> out;
          ReadSummaries(*res, &out);
          if (sel.partnership_id && out.empty()) return NoPartnership(*sel.partnership_id);
          return out;
        });
  }

  Result<SummaryPage> Summaries(const SummaryQuery& q) override {
    return Read<SummaryPage>([&](PgConnection* c) -> Result<SummaryPage> {
      Params params;
      std::string where = " WHERE true";
      if (q.region_id) {
        if (Status s = RequireRegion(c, *q.region_id); !s.ok()) return s;
        const std::string r = params.Add(*q.region_id);
        where += " AND (p.home = " + r + " OR p.partner = " + r + ")";
      }
      std::string text = q.text;
      for (char& ch : text) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
      if (!text.empty()) {
        const std::string t = params.Add(text);
        // ASCII case folding only, as SQLite's lower().
        auto fold = [](const std::string& col) {
          return "translate(" + col +
                 ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
        };
        where += " AND (strpos(" + fold("p.id") + ", " + t + ") > 0 OR strpos(" + fold("h.name") +
                 ", " + t + ") > 0 OR strpos(" + fold("q.name") + ", " + t + ") > 0 OR " +
                 fold("q.country") + " = " + t + ")";
      }
      auto count = c->Run(
          "SELECT count(*) FROM partnership p JOIN region h ON h.id = p.home JOIN region q ON "
          "q.id = p.partner" +
              where,
          params.values());
      if (!count.ok()) return count.status();
      Params page_params = params;
      const std::string limit =
          page_params.Add(std::to_string(std::min<size_t>(q.limit, INT64_MAX)));
      const std::string offset =
          page_params.Add(std::to_string(std::min<size_t>(q.offset, INT64_MAX)));
      auto res =
          c->Run(SummarySql(where, " LIMIT " + limit + "::bigint OFFSET " + offset + "::bigint"),
                 page_params.values());
      if (!res.ok()) return res.status();
      SummaryPage page;
      page.total = static_cast<size_t>(AsInt((*count)[0][0]));
      ReadSummaries(*res, &page.items);
      return page;
    });
  }

  Result<int64_t> Version() override {
    return Read<int64_t>([&](PgConnection* c) -> Result<int64_t> {
      auto r = c->Run("SELECT coalesce(max(seq), 0) FROM change_log WHERE area = 'records'");
      if (!r.ok()) return r.status();
      return AsInt((*r)[0][0]);
    });
  }

  Result<std::vector<std::string>> ChangedSince(int64_t version) override {
    return Read<std::vector<std::string>>([&](PgConnection* c) -> Result<std::vector<std::string>> {
      auto r = c->Run(
          "SELECT touched FROM change_log WHERE seq > $1::bigint AND area = 'records' "
          "ORDER BY seq",
          {std::to_string(version)});
      if (!r.ok()) return r.status();
      std::set<std::string> ids;
      for (const pqxx::row& row : *r) {
        for (std::string& id : SplitLines(AsText(row[0]))) ids.insert(std::move(id));
      }
      return std::vector<std::string>(ids.begin(), ids.end());
    });
  }

  Result<std::vector<RegionRow>> Regions() override {
    return Read<std::vector<RegionRow>>([&](PgConnection* c) -> Result<std::vector<RegionRow>> {
      auto res = c->Run(
          "SELECT id, name, country, level, doc FROM region "
          "ORDER BY name COLLATE \"C\", id COLLATE \"C\"");
      if (!res.ok()) return res.status();
      std::vector<RegionRow> out;
      dom::parser parser;
      for (const pqxx::row& row : *res) {
        RegionRow r;
        r.id = AsText(row[0]);
        r.name = AsText(row[1]);
        r.country = AsText(row[2]);
        r.level = ParseVocab<Level>(AsText(row[3])).value_or(Level::kOther);
        const simdjson::padded_string doc(AsView(row[4]));
        dom::object obj;
        if (!parser.parse(doc).get_object().get(obj)) {
          dom::object names;
          if (!obj["names"].get_object().get(names)) {
            for (auto [tag, value] : names) {
              std::string_view name;
              if (value.get_string().get(name)) continue;
              r.other_names.emplace_back(name);
              r.names.emplace_back(std::string(tag), std::string(name));
            }
          }
          std::string_view parent;
          if (!obj["parent"].get_string().get(parent)) r.parent = std::string(parent);
          double v = 0;
          if (!obj["lat"].get_double().get(v)) r.lat = v;
          if (!obj["lon"].get_double().get(v)) r.lon = v;
          int64_t i = 0;
          if (!r.lat && !obj["lat"].get_int64().get(i)) r.lat = static_cast<double>(i);
          if (!r.lon && !obj["lon"].get_int64().get(i)) r.lon = static_cast<double>(i);
        }
        std::sort(r.names.begin(), r.names.end());
        out.push_back(std::move(r));
      }
      return out;
    });
  }

  Result<std::vector<std::string>> KnownRegions(const std::vector<std::string>& ids) override {
    return Read<std::vector<std::string>>([&](PgConnection* c) -> Result<std::vector<std::string>> {
      std::vector<std::string> known;
      for (const std::string& id : ids) {
        auto r = c->Run("SELECT 1 FROM region WHERE id = $1", {id});
        if (!r.ok()) return r.status();
        if (!r->empty()) known.push_back(id);
      }
      return known;
    });
  }

  Result<Counts> Count() override {
    return Read<Counts>([&](PgConnection* c) -> Result<Counts> {
      auto r = c->Run(
          "SELECT (SELECT count(*) FROM region), (SELECT count(*) FROM partnership), "
          "(SELECT count(*) FROM event)");
      if (!r.ok()) return r.status();
      return Counts{static_cast<size_t>(AsInt((*r)[0][0])), static_cast<size_t>(AsInt((*r)[0][1])),
                    static_cast<size_t>(AsInt((*r)[0][2]))};
    });
  }

  // The stored event ids of one partnership (nullopt when it is not stored).
  static Result<std::optional<std::vector<std::string>>> EventIds(PgConnection* c,
                                                                  const std::string& id) {
    auto exists = c->Run("SELECT 1 FROM partnership WHERE id = $1", {id});
    if (!exists.ok()) return exists.status();
    if (exists->empty()) return std::optional<std::vector<std::string>>();
    auto r = c->Run(
        "SELECT event_id FROM event WHERE partnership_id = $1 AND event_id IS NOT NULL "
        "ORDER BY seq",
        {id});
    if (!r.ok()) return r.status();
    std::vector<std::string> events;
    for (const pqxx::row& row : *r) events.push_back(AsText(row[0]));
    return std::optional<std::vector<std::string>>(std::move(events));
  }

  Result<std::vector<std::pair<std::string, std::vector<std::string>>>> StoredEventIds(
      const std::vector<std::string>& ids) override {
    using Out = std::vector<std::pair<std::string, std::vector<std::string>>>;
    return Read<Out>([&](PgConnection* c) -> Result<Out> {
      Out out;
      for (const std::string& id : ids) {
        auto events = EventIds(c, id);
        if (!events.ok()) return events.status();
        if (*events) out.emplace_back(id, std::move(**events));
      }
      return out;
    });
  }

  Status DeletePartnership(const std::string& id, const ChangeRecord& change,
                           const DeleteCheck& precondition) override {
    return Write([&](PgConnection* c) -> Status {
      if (precondition) {
        auto stored = ExportPartnerships(c, id, std::nullopt);
        if (!stored.ok()) return stored.status();
        if (Status s = precondition(*stored); !s.ok()) return s;
      }
      auto n = DeletePartnershipRows(c, id);
      if (!n.ok()) return n.status();
      if (*n == 0) return NoPartnership(id);
      return AppendRecords(c, change);
    });
  }

  Status DeleteRegion(const std::string& id, const ChangeRecord& change,
                      const DeleteCheck& precondition) override {
    return Write([&](PgConnection* c) -> Status {
      if (Status s = RequireRegion(c, id); !s.ok()) return s;
      if (precondition) {
        auto stored = ExportPartnerships(c, std::nullopt, id);
        if (!stored.ok()) return stored.status();
        Dossier alone;
        for (Region& r : stored->regions) {
          if (r.id == id) alone.regions.push_back(std::move(r));
        }
        if (Status s = precondition(alone); !s.ok()) return s;
      }
      if (Status s = RegionUnnamed(c, id, true); !s.ok()) return s;
      if (auto r = c->Run("DELETE FROM region WHERE id = $1", {id}); !r.ok()) return r.status();
      return AppendRecords(c, change);
    });
  }

  Result<ImportStats> DeleteRecords(const std::vector<std::string>& partnerships,
                                    const std::vector<std::string>& regions,
                                    const ChangeRecord& change) override {
    ImportStats stats;
    Status s = Write([&](PgConnection* c) -> Status {
      for (const std::string& id : partnerships) {
        auto n = DeletePartnershipRows(c, id);
        if (!n.ok()) return n.status();
        stats.partnerships_removed += static_cast<size_t>(*n);
      }
      for (const std::string& id : regions) {
        if (Status t = RegionUnnamed(c, id, false); !t.ok()) return t;
        auto r = c->Run("DELETE FROM region WHERE id = $1", {id});
        if (!r.ok()) return r.status();
        stats.regions_removed += static_cast<size_t>(r->affected_rows());
      }
      return AppendRecords(c, change);
    });
    if (!s.ok()) return s;
    return stats;
  }

  Result<std::vector<ChangeRecord>> History(const std::string& id) override {
    return Read<std::vector<ChangeRecord>>(
        [&](PgConnection* c) { return HistoryIn(c, id, /*all_areas=*/false); });
  }

  Status VerifyChangeLog() override {
    auto all = Read<std::vector<ChangeRecord>>(
        [&](PgConnection* c) { return HistoryIn(c, "", /*all_areas=*/true); });
    if (!all.ok()) return all.status();
    return VerifyChain(*all);
  }

  Result<size_t> ChangeLogSize() override {
    return Read<size_t>([&](PgConnection* c) -> Result<size_t> {
      auto r = c->Run("SELECT count(*) FROM change_log");
      if (!r.ok()) return r.status();
      return static_cast<size_t>(AsInt((*r)[0][0]));
    });
  }

  Result<ChangePage> ChangeLog(const ChangeQuery& q) override {
    for (const std::string* d : {&q.from, &q.to}) {
      if (!d->empty() && !ParseDay(*d).ok()) {
        return Status::InvalidInput("a date is YYYY-MM-DD, not \"" + *d + "\"",
                                    "tanggal ditulis TTTT-BB-HH, bukan \"" + *d + "\"");
      }
    }
    return Read<ChangePage>([&](PgConnection* c) -> Result<ChangePage> {
      Params params;
      std::string where = " WHERE true";
      if (!q.actor.empty()) where += " AND c.actor = " + params.Add(q.actor);
      if (!q.region_id.empty()) {
        const std::string r = params.Add(q.region_id);
        where +=
            " AND c.area = 'records' AND c.seq IN (SELECT seq FROM change_record WHERE "
            "record_id = " +
            r + " OR record_id IN (SELECT id FROM partnership WHERE home = " + r +
            " OR partner = " + r + "))";
      }
      if (!q.from.empty()) where += " AND c.at >= " + params.Add(q.from) + " COLLATE \"C\"";
      if (!q.to.empty()) where += " AND c.at < " + params.Add(DayAfter(q.to)) + " COLLATE \"C\"";
      if (!q.action.empty()) {
        const std::string a = params.Add(q.action);
        where += " AND substr(c.action, 1, length(" + a + ")) = " + a;
      }
      auto count = c->Run("SELECT count(*) FROM change_log c" + where, params.values());
      if (!count.ok()) return count.status();
      Params page_params = params;
      const std::string limit =
          page_params.Add(std::to_string(std::min<size_t>(q.limit, INT64_MAX)));
      const std::string offset =
          page_params.Add(std::to_string(std::min<size_t>(q.offset, INT64_MAX)));
      auto res = c->Run(std::string("SELECT ") + kChangeColumns + " FROM change_log c" + where +
                            " ORDER BY c.seq DESC LIMIT " + limit + "::bigint OFFSET " + offset +
                            "::bigint",
                        page_params.values());
      if (!res.ok()) return res.status();
      ChangePage page;
      page.total = static_cast<size_t>(AsInt((*count)[0][0]));
      for (const pqxx::row& row : *res) page.items.push_back(RowToChange(row));
      return page;
    });
  }

  // For PgWriter: reads inside the import's transaction.
  Result<std::optional<PartnershipModel>> StoredIn(PgConnection* c, const std::string& id) {
    auto d = ExportPartnerships(c, id, std::nullopt, /*with_regions=*/false);
    if (!d.ok()) {
      if (d.status().code() == StatusCode::kNotFound) return std::optional<PartnershipModel>();
      return d.status();
    }
    return std::optional<PartnershipModel>(std::move(d->partnerships.front()));
  }

 private:
  static Status RequireRegion(PgConnection* c, const std::string& id) {
    auto r = c->Run("SELECT 1 FROM region WHERE id = $1", {id});
    if (!r.ok()) return r.status();
    return r->empty() ? NoRegion(id) : Status::Ok();
  }

  // InvalidInput when a partnership still names region `id`.
  static Status RegionUnnamed(PgConnection* c, const std::string& id, bool hint) {
    auto named = c->Run(
        "SELECT partnership_id FROM partnership_region WHERE region_id = $1 "
        "ORDER BY partnership_id COLLATE \"C\" LIMIT 1",
        {id});
    if (!named.ok()) return named.status();
    if (named->empty()) return Status::Ok();
    const std::string pid = AsText((*named)[0][0]);
    return Status::InvalidInput("region '" + id + "' is still named by partnership '" + pid + "'" +
                                    (hint ? ": delete or change that first" : ""),
                                "daerah '" + id + "' masih disebut oleh kemitraan '" + pid + "'" +
                                    (hint ? ": hapus atau ubah kemitraan itu dulu" : ""));
  }

  // Deletes a partnership with its events and named regions: how many were deleted.
  static Result<int64_t> DeletePartnershipRows(PgConnection* c, const std::string& id) {
    for (const char* sql : {"DELETE FROM event WHERE partnership_id = $1",
                            "DELETE FROM partnership_region WHERE partnership_id = $1"}) {
      if (auto r = c->Run(sql, {id}); !r.ok()) return r.status();
    }
    auto r = c->Run("DELETE FROM partnership WHERE id = $1", {id});
    if (!r.ok()) return r.status();
    return static_cast<int64_t>(r->affected_rows());
  }

  static Status AppendRecords(PgConnection* c, ChangeRecord change) {
    change.area = std::string(kRecordsArea);
    return AppendChange(*c, &change);
  }

  static Result<std::vector<ChangeRecord>> HistoryIn(PgConnection* c, const std::string& id,
                                                     bool all_areas) {
    Params params;
    std::string sql = std::string("SELECT ") + kChangeColumns + " FROM change_log c WHERE true";
    if (!id.empty()) {
      sql +=
          " AND c.seq IN (SELECT seq FROM change_record WHERE record_id = " + params.Add(id) + ")";
    }
    if (!all_areas) sql += " AND c.area = 'records'";
    sql += " ORDER BY c.seq";
    auto res = c->Run(sql, params.values());
    if (!res.ok()) return res.status();
    std::vector<ChangeRecord> out;
    out.reserve(res->size());
    for (const pqxx::row& row : *res) out.push_back(RowToChange(row));
    return out;
  }

  static Status ReadMembers(PgConnection* c, Dossier* d) {
    auto r = c->Run("SELECT key, json FROM document_member ORDER BY key COLLATE \"C\"");
    if (!r.ok()) return r.status();
    for (const pqxx::row& row : *r) d->extra.emplace_back(AsText(row[0]), AsText(row[1]));
    return Status::Ok();
  }

  // Every stored record, in import order; the events through a cursor, in batches.
  Result<Dossier> ExportAll(PgConnection* c) {
    Dossier d;
    RecordDecoder decoder;
    {
      auto r = c->Run("SELECT id, doc FROM region ORDER BY ord");
      if (!r.ok()) return r.status();
      for (const pqxx::row& row : *r) {
        if (!decoder.ReadRegion(AsView(row[1]), &d.regions.emplace_back())) {
          return Corrupt("region '" + AsText(row[0]) + "'");
        }
      }
    }
    std::unordered_map<std::string_view, size_t> index;
    {
      auto r = c->Run("SELECT id, doc FROM partnership ORDER BY ord");
      if (!r.ok()) return r.status();
      d.partnerships.reserve(r->size());
      for (const pqxx::row& row : *r) {
        if (!decoder.ReadPartnership(AsView(row[1]), &d.partnerships.emplace_back())) {
          return Corrupt("partnership '" + AsText(row[0]) + "'");
        }
      }
      index.reserve(d.partnerships.size());
      for (size_t i = 0; i < d.partnerships.size(); ++i) index.emplace(d.partnerships[i].id, i);
    }
    {
      auto cur = c->Run(
          "DECLARE kembar_events NO SCROLL CURSOR FOR "
          "SELECT partnership_id, seq, doc FROM event ORDER BY partnership_id, seq");
      if (!cur.ok()) return cur.status();
      while (true) {
        auto r = c->Run("FETCH 20000 FROM kembar_events");
        if (!r.ok()) return r.status();
        if (r->empty()) break;
        for (const pqxx::row& row : *r) {
          auto it = index.find(AsView(row[0]));
          if (it == index.end()) return Corrupt("event of '" + AsText(row[0]) + "'");
          PartnershipModel& p = d.partnerships[it->second];
          if (AsInt(row[1]) != static_cast<int64_t>(p.events.size()) ||
              !decoder.ReadEvent(AsView(row[2]), &p.events.emplace_back())) {
            return Corrupt("event " + AsText(row[1]) + " of '" + p.id + "'");
          }
        }
      }
      if (auto r = c->Run("CLOSE kembar_events"); !r.ok()) return r.status();
    }
    if (Status s = ReadMembers(c, &d); !s.ok()) return s;
    return d;
  }

  // One partnership, or the partnerships where a region is a party, with the regions
  // they name (and the region itself).
  Result<Dossier> ExportPartnerships(PgConnection* c,
                                     const std::optional<std::string>& partnership_id,
                                     const std::optional<std::string>& region_id,
                                     bool with_regions = true) {
    Dossier d;
    RecordDecoder decoder;
    if (!partnership_id) {
      if (Status s = RequireRegion(c, *region_id); !s.ok()) return s;
    }
    Result<pqxx::result> rows =
        partnership_id
            ? c->Run("SELECT id, doc FROM partnership p WHERE p.id = $1", {*partnership_id})
            : c->Run(
                  "SELECT id, doc FROM partnership p WHERE p.home = $1 OR p.partner = $1 "
                  "ORDER BY p.ord",
                  {*region_id});
    if (!rows.ok()) return rows.status();
    for (const pqxx::row& row : *rows) {
      if (!decoder.ReadPartnership(AsView(row[1]), &d.partnerships.emplace_back())) {
        return Corrupt("partnership '" + AsText(row[0]) + "'");
      }
    }
    if (partnership_id && d.partnerships.empty()) return NoPartnership(*partnership_id);
    for (PartnershipModel& p : d.partnerships) {
      auto r = c->Run("SELECT doc FROM event WHERE partnership_id = $1 ORDER BY seq", {p.id});
      if (!r.ok()) return r.status();
      for (const pqxx::row& row : *r) {
        if (!decoder.ReadEvent(AsView(row[0]), &p.events.emplace_back())) {
          return Corrupt("event " + std::to_string(p.events.size() - 1) + " of '" + p.id + "'");
        }
      }
    }
    if (!with_regions) return d;
    std::set<std::string> ids;
    if (region_id) ids.insert(*region_id);
    for (const PartnershipModel& p : d.partnerships) {
      auto r = c->Run("SELECT region_id FROM partnership_region WHERE partnership_id = $1", {p.id});
      if (!r.ok()) return r.status();
      for (const pqxx::row& row : *r) ids.insert(AsText(row[0]));
    }
    std::vector<std::pair<int64_t, std::string>> regions;  // (ord, doc): import order
    for (const std::string& id : ids) {
      auto r = c->Run("SELECT ord, doc FROM region WHERE id = $1", {id});
      if (!r.ok()) return r.status();
      if (!r->empty()) regions.emplace_back(AsInt((*r)[0][0]), AsText((*r)[0][1]));
    }
    std::sort(regions.begin(), regions.end());
    for (const auto& [ord, doc] : regions) {
      if (!decoder.ReadRegion(doc, &d.regions.emplace_back())) return Corrupt("region");
    }
    if (Status s = ReadMembers(c, &d); !s.ok()) return s;
    return d;
  }

  std::string url_;
  std::mutex mu_;  // guards idle_ and open_
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  size_t open_ = 0;
};

Result<std::optional<std::vector<std::string>>> PgWriter::StoredEventIds(const std::string& id) {
  if (bulk_) return std::optional<std::vector<std::string>>();
  return PgStore::EventIds(c_, id);
}

Result<std::optional<PartnershipModel>> PgWriter::StoredPartnership(const std::string& id) {
  if (bulk_) return std::optional<PartnershipModel>();
  return store_->StoredIn(c_, id);
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPgStore(const std::string& url) {
  auto store = std::make_unique<PgStore>(url);
  if (Status s = store->Init(); !s.ok()) {
    if (s.code() == StatusCode::kCorruption) {
      return Status::Corruption(
          "the database " + RedactUrl(url) + " is not usable: " + s.message(),
          "basis data " + RedactUrl(url) + " tidak dapat dipakai: " + s.message(Lang::kId));
    }
    return s;
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace kembar::store
