#include "kembar/store/sqlite_store.h"

#include <simdjson.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kembar/io/digest.h"
#include "kembar/io/dossier_writer.h"
#include "kembar/io/json_scan.h"
#include "store/change_log.h"
#include "store/lines.h"
#include "store/migrations.h"
#include "store/record_codec.h"

namespace kembar::store {

namespace {

namespace dom = simdjson::dom;

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
  // For text that outlives the next Step (no copy).
  Stmt& BindStatic(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
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
  // A number, or nullopt for NULL or a value that is not a number.
  std::optional<double> OptDouble(int col) {
    const int type = sqlite3_column_type(stmt_, col);
    if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) return std::nullopt;
    return sqlite3_column_double(stmt_, col);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
};

int64_t DayNumber(Day d) { return d.time_since_epoch().count(); }

// Reads the records the store wrote (canonical dossier-v1 JSON of one region, one
// partnership without "events", one event) back into the model. They were validated
// when imported, so only their shape is checked: anything unexpected is reported as
// corruption, not as a schema diagnostic.
class RecordParser {
 public:
  bool ReadRegion(std::string_view json, Region* r) {
    dom::object obj;
    if (!Parse(json, &obj)) return false;
    for (auto [key, v] : obj) {
      if (key == "id") {
        ok_ &= Str(v, &r->id);
      } else if (key == "name") {
        ok_ &= Str(v, &r->name);
      } else if (key == "country") {
        ok_ &= Str(v, &r->country);
      } else if (key == "level") {
        ok_ &= Enum(v, &r->level);
      } else if (key == "names") {
        dom::object names;
        if (v.get_object().get(names)) return Fail();
        r->has_names = true;
        for (auto [lang, name] : names) {
          std::string s;
          ok_ &= Str(name, &s);
          r->names.emplace_back(std::string(lang), std::move(s));
        }
      } else if (key == "parent") {
        ok_ &= OptStr(v, &r->parent);
      } else if (key == "lat") {
        ok_ &= Num(v, &r->lat);
      } else if (key == "lon") {
        ok_ &= Num(v, &r->lon);
      } else if (key == "population") {
        ok_ &= Count(v, &r->population);
      } else if (key == "timezone") {
        ok_ &= OptStr(v, &r->timezone);
      } else if (key == "characteristics") {
        ok_ &= Strings(v, &r->characteristics);
      } else if (key == "strengths") {
        ok_ &= EnumSet(v, &r->strengths);
      } else if (key == "needs") {
        ok_ &= EnumSet(v, &r->needs);
      } else if (key == "profile") {
        // A profile kembar up to schema 5 kept unchecked (dossier-v1 had none then)
        // and that is not one is kept under another name, as the migration does.
        if (!Profile(v, &r->profile)) {
          r->profile.reset();
          Extra("profile_unchecked", v, &r->extra);
        }
      } else {
        Extra(key, v, &r->extra);
      }
    }
    return ok_;
  }

  // A partnership's own members; its events are read one by one with ReadEvent.
  bool ReadPartnership(std::string_view json, Partnership* p) {
    dom::object obj;
    if (!Parse(json, &obj)) return false;
    for (auto [key, v] : obj) {
      if (key == "id") {
        ok_ &= Str(v, &p->id);
      } else if (key == "kind") {
        ok_ &= Enum(v, &p->kind);
      } else if (key == "parties") {
        dom::array arr;
        if (v.get_array().get(arr) || arr.size() != 2) return Fail();
        ok_ &= Str(arr.at(0).value_unsafe(), &p->home);
        ok_ &= Str(arr.at(1).value_unsafe(), &p->partner);
      } else if (key == "title") {
        ok_ &= OptStr(v, &p->title);
      } else if (key == "fields") {
        ok_ &= EnumSet(v, &p->fields);
      } else if (key == "events") {
        return Fail();  // stored apart
      } else {
        Extra(key, v, &p->extra);
      }
    }
    return ok_;
  }

  bool ReadEvent(std::string_view json, Event* e) {
    dom::object obj;
    if (!Parse(json, &obj)) return false;
    std::string_view type_name;
    if (obj["type"].get_string().get(type_name)) return Fail();
    const auto type = ParseVocab<EventType>(type_name);
    if (!type) return Fail();
    e->details = MakeDetails(*type);
    for (auto [key, v] : obj) {
      if (key == "type") continue;
      if (key == "date") {
        std::string_view s;
        if (v.get_string().get(s)) return Fail();
        auto p = Period::Parse(s);
        if (!p.ok()) return Fail();
        e->date = *p;
      } else if (key == "id") {
        ok_ &= OptStr(v, &e->id);
      } else if (key == "side") {
        ok_ &= OptStr(v, &e->side);
      } else if (key == "title") {
        ok_ &= OptStr(v, &e->title);
      } else if (key == "description") {
        ok_ &= OptStr(v, &e->description);
      } else if (key == "source") {
        ok_ &= OptStr(v, &e->source);
      } else if (!std::visit(  // named copies: clang 14 cannot capture structured bindings
                     [&, k = key, val = v](auto& d) { return Member(k, val, &d); }, e->details)) {
        Extra(key, v, &e->extra);
      }
    }
    return ok_;
  }

 private:
  static EventDetails MakeDetails(EventType type) {
    static const auto kMakers = []<size_t... I>(std::index_sequence<I...>) {
      return std::array<EventDetails (*)(), sizeof...(I)>{
          +[]() { return EventDetails(std::in_place_index<I>); }...};
    }
    (std::make_index_sequence<std::variant_size_v<EventDetails>>{});
    return kMakers[static_cast<size_t>(type)]();
  }

  bool Parse(std::string_view json, dom::object* obj) {
    ok_ = true;
    // Stored text is not padded: copy it into a reused padded buffer.
    if (buf_.size() < json.size() + simdjson::SIMDJSON_PADDING) {
      buf_.resize(std::max(buf_.size() * 2, json.size() + simdjson::SIMDJSON_PADDING));
    }
    std::memcpy(buf_.data(), json.data(), json.size());
    dom::element root;
    big_.clear();
    if (auto err = parser_.parse(buf_.data(), json.size(), false).get(root); err) {
      // An unknown member may hold an integer beyond 64 bits, as written: parse
      // again with placeholders, which Extra puts back.
      if (err != simdjson::NUMBER_ERROR) return Fail();
      const io::JsonScanResult scan = io::ScanJson(json);
      if (scan.problem || scan.big_integers.empty()) return Fail();
      std::optional<std::string> text = big_.Substitute(json, scan.big_integers);
      if (!text) return Fail();
      substituted_ = simdjson::padded_string(*text);
      if (parser_.parse(substituted_).get(root)) return Fail();
    }
    if (root.get_object().get(*obj)) return Fail();
    return true;
  }
  bool Fail() { return ok_ = false; }

  static bool Str(dom::element v, std::string* out) {
    std::string_view s;
    if (v.get_string().get(s)) return false;
    out->assign(s);
    return true;
  }
  static bool OptStr(dom::element v, std::optional<std::string>* out) {
    std::string_view s;
    if (v.get_string().get(s)) return false;
    out->emplace(s);
    return true;
  }
  static bool Num(dom::element v, std::optional<double>* out) {
    switch (v.type()) {
      case dom::element_type::INT64:
        *out = static_cast<double>(v.get_int64().value_unsafe());
        return true;
      case dom::element_type::UINT64:
        *out = static_cast<double>(v.get_uint64().value_unsafe());
        return true;
      case dom::element_type::DOUBLE:
        *out = v.get_double().value_unsafe();
        return true;
      default:
        return false;
    }
  }
  static bool Count(dom::element v, std::optional<uint64_t>* out) {
    switch (v.type()) {
      case dom::element_type::UINT64:
        *out = v.get_uint64().value_unsafe();
        return true;
      case dom::element_type::INT64:
        if (v.get_int64().value_unsafe() < 0) return false;
        *out = static_cast<uint64_t>(v.get_int64().value_unsafe());
        return true;
      default:
        return false;
    }
  }
  template <typename E>
  static bool Enum(dom::element v, E* out) {
    std::string_view s;
    if (v.get_string().get(s)) return false;
    auto e = ParseVocab<E>(s);
    if (!e) return false;
    *out = *e;
    return true;
  }
  template <typename E>
  static bool OptEnum(dom::element v, std::optional<E>* out) {
    E e{};
    if (!Enum(v, &e)) return false;
    *out = e;
    return true;
  }
  template <typename E>
  static bool EnumSet(dom::element v, std::optional<std::vector<E>>* out) {
    dom::array arr;
    if (v.get_array().get(arr)) return false;
    std::vector<E> values;
    for (dom::element item : arr) {
      E e{};
      if (!Enum(item, &e)) return false;
      values.push_back(e);
    }
    *out = std::move(values);
    return true;
  }
  static bool Strings(dom::element v, std::optional<std::vector<std::string>>* out) {
    dom::array arr;
    if (v.get_array().get(arr)) return false;
    std::vector<std::string> values;
    for (dom::element item : arr) {
      std::string_view s;
      if (item.get_string().get(s)) return false;
      values.emplace_back(s);
    }
    *out = std::move(values);
    return true;
  }
  bool Profile(dom::element v, std::optional<RegionProfile>* out) {
    dom::object obj;
    if (v.get_object().get(obj)) return false;
    RegionProfile p;
    bool ok = true;
    for (auto [key, m] : obj) {
      if (key == "seeks") {
        ok &= EnumSet(m, &p.seeks);
      } else if (key == "offers") {
        ok &= EnumSet(m, &p.offers);
      } else if (key == "levels") {
        ok &= EnumSet(m, &p.levels);
      } else if (key == "countries") {
        ok &= Strings(m, &p.countries);
      } else if (key == "source") {
        ok &= OptStr(m, &p.source);
      } else if (key == "updated") {
        ok &= Date(m, &p.updated);
      } else if (key == "contact") {
        dom::object c;
        if (m.get_object().get(c)) return false;
        Contact& contact = p.contact.emplace();
        for (auto [ck, cv] : c) {
          std::optional<std::string>* slot = ck == "name"     ? &contact.name
                                             : ck == "office" ? &contact.office
                                             : ck == "email"  ? &contact.email
                                             : ck == "phone"  ? &contact.phone
                                             : ck == "url"    ? &contact.url
                                                              : nullptr;
          if (slot) {
            ok &= OptStr(cv, slot);
          } else {
            Extra(ck, cv, &contact.extra);
          }
        }
      } else {
        Extra(key, m, &p.extra);
      }
    }
    *out = std::move(p);
    return ok;
  }
  void Extra(std::string_view key, dom::element v, ExtraMembers* extra) {
    extra->emplace_back(std::string(key), big_.Restore(simdjson::minify(v)));
  }
  static bool Date(dom::element v, std::optional<PartialDate>* out) {
    std::string_view s;
    if (v.get_string().get(s)) return false;
    auto d = PartialDate::Parse(s);
    if (!d.ok()) return false;
    *out = *d;
    return true;
  }

  // Members of each event type beyond the common ones; false: not the type's own.
  template <typename T>
  bool Member(std::string_view, dom::element, T*) {
    return false;
  }
  bool Member(std::string_view key, dom::element v, Visit* d) {
    if (key == "from") return ok_ &= OptStr(v, &d->from), true;
    if (key == "to") return ok_ &= OptStr(v, &d->to), true;
    if (key == "participants") return ok_ &= Count(v, &d->participants), true;
    return false;
  }
  bool Member(std::string_view key, dom::element v, CentralConsultation* d) {
    if (key == "outcome") return ok_ &= OptEnum(v, &d->outcome), true;
    return false;
  }
  bool ValidityMember(std::string_view key, dom::element v, Validity* d) {
    if (key == "valid_years") return ok_ &= Num(v, &d->valid_years), true;
    if (key == "valid_until") return ok_ &= Date(v, &d->valid_until), true;
    return false;
  }
  bool Member(std::string_view key, dom::element v, MouSigned* d) {
    if (key == "fields") return ok_ &= EnumSet(v, &d->fields), true;
    return ValidityMember(key, v, &d->validity);
  }
  bool Member(std::string_view key, dom::element v, MouRenewed* d) {
    if (key == "fields") return ok_ &= EnumSet(v, &d->fields), true;
    return ValidityMember(key, v, &d->validity);
  }
  bool Member(std::string_view key, dom::element v, ActionPlan* d) {
    if (key == "fields") return ok_ &= EnumSet(v, &d->fields), true;
    if (key == "items") return ok_ &= Strings(v, &d->items), true;
    return false;
  }
  bool Member(std::string_view key, dom::element v, Activity* d) {
    if (key == "field") return ok_ &= OptEnum(v, &d->field), true;
    if (key == "provider") return ok_ &= OptStr(v, &d->provider), true;
    if (key == "beneficiary") return ok_ &= OptStr(v, &d->beneficiary), true;
    if (key == "host") return ok_ &= OptStr(v, &d->host), true;
    if (key == "participants") return ok_ &= Count(v, &d->participants), true;
    if (key == "sectors") return ok_ &= EnumSet(v, &d->sectors), true;
    if (key == "outputs") return ok_ &= Strings(v, &d->outputs), true;
    if (key == "outcomes") return ok_ &= Strings(v, &d->outcomes), true;
    if (key == "smart_dimension") return ok_ &= OptEnum(v, &d->smart_dimension), true;
    if (key == "budget") {
      dom::object obj;
      if (v.get_object().get(obj)) return ok_ = false, true;
      Budget b;
      for (auto [k, x] : obj) {
        if (k == "amount") {
          ok_ &= Num(x, &b.amount);
        } else if (k == "currency") {
          ok_ &= OptStr(x, &b.currency);
        } else if (k == "source") {
          ok_ &= OptEnum(x, &b.source);
        } else {
          Extra(k, x, &b.extra);
        }
      }
      d->budget = std::move(b);
      return true;
    }
    return false;
  }
  bool Member(std::string_view key, dom::element v, Communication* d) {
    if (key == "from") return ok_ &= OptStr(v, &d->from), true;
    if (key == "channel") return ok_ &= OptStr(v, &d->channel), true;
    if (key == "responded") {
      bool b = false;
      if (v.get_bool().get(b)) return ok_ = false, true;
      d->responded = b;
      return true;
    }
    return false;
  }
  bool Member(std::string_view key, dom::element v, LeaderChanged* d) {
    if (key == "name") return ok_ &= OptStr(v, &d->name), true;
    return false;
  }
  bool Member(std::string_view key, dom::element v, PolicyChange* d) {
    if (key == "level") return ok_ &= OptEnum(v, &d->level), true;
    return false;
  }
  bool Member(std::string_view key, dom::element v, ExternalShock* d) {
    if (key == "kind") return ok_ &= OptEnum(v, &d->kind), true;
    return false;
  }
  bool Member(std::string_view key, dom::element v, Suspended* d) {
    if (key == "reason") return ok_ &= OptStr(v, &d->reason), true;
    return false;
  }
  bool Member(std::string_view key, dom::element v, Terminated* d) {
    if (key == "reason") return ok_ &= OptStr(v, &d->reason), true;
    return false;
  }
  bool Member(std::string_view key, dom::element v, Evaluation* d) {
    if (key == "findings") return ok_ &= Strings(v, &d->findings), true;
    return false;
  }

  dom::parser parser_;
  std::vector<char> buf_;
  io::BigIntegers big_;
  simdjson::padded_string substituted_;
  bool ok_ = true;
};

std::string RegionDoc(const Region& r) {
  std::string out;
  io::JsonWriter w(&out);
  io::WriteRegion(r, &w);
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

// The day after the YYYY-MM-DD day `s`, in the same form.
std::string NextDay(const std::string& s) {
  const std::chrono::year_month_day ymd{std::chrono::year(std::stoi(s.substr(0, 4))),
                                        std::chrono::month(std::stoul(s.substr(5, 2))),
                                        std::chrono::day(std::stoul(s.substr(8, 2)))};
  const std::chrono::year_month_day next{std::chrono::sys_days(ymd) + std::chrono::days(1)};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(next.year()),
                static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
  return buf;
}

constexpr int kBusyTimeoutMs = 5000;

// A failed SQLite call as a Status: a file that is not a database, or whose pages are
// damaged, is corruption (exit 6); a full disk and a read-only file say so (exit 5);
// anything else (locked, ...) is I/O.
Status DbStatus(sqlite3* db, int rc, const std::string& detail) {
  const int primary = rc & 0xff;
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
    // The file named: a damaged page may first be read long after the open.
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    const std::string name = file && *file ? "'" + std::string(file) + "' " : std::string();
    return Status::Corruption(
        "the file " + name + "is not a kembar database or is damaged " + detail,
        "berkas " + (name.empty() ? std::string("ini ") : name) +
            "bukan basis data kembar atau sudah rusak " + detail);
  }
  if (Status s = WriteFailure(db, rc, detail); !s.ok()) return s;
  return Status::IoError("database error " + detail);
}

Status ExecOn(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err); rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return DbStatus(db, sqlite3_extended_errcode(db), "(" + msg + ")");
  }
  return Status::Ok();
}

// The names (tables, indexes) of kembar's schema after migrations [0, version): made
// by running them on an empty database in memory, so that it cannot drift from them.
std::vector<std::set<std::string>> SchemaNamesByVersion() {
  std::vector<std::set<std::string>> out;
  sqlite3* mem = nullptr;
  if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    sqlite3_close_v2(mem);
    return out;
  }
  auto names = [&] {
    std::set<std::string> set;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(mem, "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", -1,
                       &st, nullptr);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
      set.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    }
    sqlite3_finalize(st);
    return set;
  };
  out.push_back(names());
  for (const Migration& migration : kMigrations) {
    if (!ExecOn(mem, migration.sqlite).ok()) break;
    out.push_back(names());
  }
  sqlite3_close_v2(mem);
  return out;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  ~SqliteStore() override { sqlite3_close_v2(db_); }

  Status Init() {
    std::lock_guard lock(mu_);
    // The busy handler before anything touches the file: every statement below may
    // meet another connection's lock and must wait for it, not fail.
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    // A 128 MiB page cache (allocated as used): a bulk import keeps the indexes it
    // inserts into in memory instead of spilling pages to the WAL again and again.
    for (const char* pragma :
         {"PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-262144"}) {
      if (Status s = Exec(pragma); !s.ok()) return s;
    }
    if (Status s = EnsureWal(); !s.ok()) return s;
    while (true) {
      // The version and the tables read in one transaction, so that they agree even
      // while another process creates or migrates the file.
      int64_t version = 0;
      if (Status s = Exec("BEGIN"); !s.ok()) return s;
      Status s = ReadVersion(&version);
      if (s.ok()) s = CheckVersion(version);
      Exec("COMMIT");
      if (!s.ok()) return s;
      if (version == kSqliteSchemaVersion) return Status::Ok();
      // One migration, under the write lock; another process may have run it since.
      if (Status b = Exec("BEGIN IMMEDIATE"); !b.ok()) return b;
      int64_t now = 0;
      s = ReadVersion(&now);
      if (s.ok() && now == version) {
        s = Exec(kMigrations[version].sqlite);
        if (s.ok()) s = Exec("PRAGMA user_version=" + std::to_string(version + 1));
      }
      if (s.ok()) s = Exec("COMMIT");
      if (!s.ok()) {
        Exec("ROLLBACK");
        return s;
      }
    }
  }

  // WAL lets readers read while a writer writes. The mode is kept in the file: set it
  // on a new file, or one an interrupted bulk import left in rollback mode. Never
  // waits: when another connection holds the file (a bulk import in rollback mode),
  // this one reads in the file's mode rather than fail.
  Status EnsureWal() {
    {
      Stmt mode(db_, "PRAGMA journal_mode");
      if (!mode.ok()) return Error(mode.error());
      const int rc = mode.Step();
      if (rc != SQLITE_ROW) return Error("reading the journal mode");
      if (mode.Text(0) == "wal") return Status::Ok();
    }
    sqlite3_busy_timeout(db_, 0);
    Status s = Exec("PRAGMA journal_mode=WAL");
    const int rc = sqlite3_errcode(db_) & 0xff;
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    if (!s.ok() && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_READONLY)) {
      return Status::Ok();
    }
    return s;
  }

  Status ReadVersion(int64_t* version) {
    Stmt v(db_, "PRAGMA user_version");
    if (!v.ok()) return Error(v.error());
    if (v.Step() != SQLITE_ROW) return Error("reading the schema version");
    *version = v.Int(0);
    return Status::Ok();
  }  // finalized: a migration may drop tables

  // A version this kembar can use or migrate from, with the tables it implies.
  Status CheckVersion(int64_t version) {
    if (version < 0) {
      // Never an index into the migrations: a version below 0 is no kembar's.
      const std::string v = std::to_string(version), max = std::to_string(kSqliteSchemaVersion);
      return Status::Corruption("the schema version (PRAGMA user_version) is " + v +
                                    ", which no kembar writes (0 to " + max +
                                    "): the file was altered or is damaged",
                                "versi skema (PRAGMA user_version) adalah " + v +
                                    ", yang tidak pernah ditulis kembar (0 sampai " + max +
                                    "): berkas ini telah diubah atau rusak");
    }
    if (version > kSqliteSchemaVersion) {
      return Status::Unsupported("the database has schema version " + std::to_string(version) +
                                     "; this kembar understands up to " +
                                     std::to_string(kSqliteSchemaVersion) + ": upgrade kembar",
                                 "basis data ini memakai skema versi " + std::to_string(version) +
                                     "; kembar ini hanya memahami sampai versi " +
                                     std::to_string(kSqliteSchemaVersion) + ": perbarui kembar");
    }
    return CheckSchemaMatches(version);
  }

  // The tables and indexes must be those of `version` (0 <= version <= current): a
  // user_version that was changed by hand would otherwise run migrations over tables
  // they already made ("table document_member already exists"), or worse, over data.
  // Refused as corruption, nothing written: which version the file really has is the
  // owner's to decide (restore a backup, or set user_version back), not kembar's guess.
  Status CheckSchemaMatches(int64_t version) {
    static const std::vector<std::set<std::string>> kNames = SchemaNamesByVersion();
    if (kNames.size() != static_cast<size_t>(kSqliteSchemaVersion) + 1) {
      return Status::IoError("cannot build the reference schema");
    }
    const std::set<std::string>& all = kNames.back();
    std::set<std::string> actual;
    {
      Stmt st(db_, "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
      if (!st.ok()) return Error(st.error());
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        if (std::string n = st.Text(0); all.count(n)) actual.insert(std::move(n));
      }
      if (rc != SQLITE_DONE) return Error("reading the schema");
    }
    const std::set<std::string>& expected = kNames[static_cast<size_t>(version)];
    if (actual == expected) return Status::Ok();
    std::string odd;  // the first name that should not be there, or should
    for (const std::string& n : actual) {
      if (!expected.count(n)) {
        odd = "'" + n + "' exists";
        break;
      }
    }
    if (odd.empty()) {
      for (const std::string& n : expected) {
        if (!actual.count(n)) {
          odd = "'" + n + "' is missing";
          break;
        }
      }
    }
    std::string odd_id = odd;
    if (const auto p = odd_id.rfind(" exists"); p != std::string::npos) {
      odd_id.replace(p, std::string::npos, " ada");
    } else if (const auto q = odd_id.rfind(" is missing"); q != std::string::npos) {
      odd_id.replace(q, std::string::npos, " tidak ada");
    }
    std::string hint, hint_id;
    for (size_t v = 0; v < kNames.size(); ++v) {
      if (kNames[v] == actual) {
        hint = "; its tables are those of version " + std::to_string(v);
        hint_id = "; tabelnya adalah tabel versi " + std::to_string(v);
      }
    }
    const std::string v = std::to_string(version);
    return Status::Corruption(
        "the schema does not match its version (PRAGMA user_version = " + v + "): " + odd + hint +
            ". The file was altered or is damaged; restore it from a backup",
        "skema tidak sesuai dengan versinya (PRAGMA user_version = " + v + "): " + odd_id +
            hint_id + ". Berkas ini telah diubah atau rusak; pulihkan dari cadangan");
  }

  Result<ImportStats> Import(const ImportRequest& req) override {
    std::lock_guard lock(mu_);
    // A bulk import into a database without partnerships (a first import) is written
    // with a rollback journal: the new pages are then written once, to the database,
    // instead of to the WAL and again at the checkpoint. All or nothing still holds
    // (the journal restores the original pages and size). Needs the file to itself:
    // when another connection has it open, the import simply stays in WAL mode.
    // Its foreign keys are not checked row by row either (two million look-ups of the
    // partnership an event belongs to): the writer inserts each partnership before
    // its events and checks the regions it names itself (Writer::CheckRegions).
    bool journal = false, bulk = false;
    if (req.stream) {
      Stmt any(db_, "SELECT 1 FROM partnership LIMIT 1");
      if (any.ok() && any.Step() == SQLITE_DONE) {
        any.Reset();
        bulk = Exec("PRAGMA foreign_keys=OFF").ok();
        sqlite3_busy_timeout(db_, 0);
        Stmt mode(db_, "PRAGMA journal_mode=DELETE");
        journal = mode.ok() && mode.Step() == SQLITE_ROW && mode.Text(0) == "delete";
        sqlite3_busy_timeout(db_, kBusyTimeoutMs);
      }
    }
    Result<ImportStats> r = [&]() -> Result<ImportStats> {
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
    }();
    if (bulk) {
      if (Status s = Exec("PRAGMA foreign_keys=ON"); !s.ok() && r.ok()) return s;
    }
    if (journal) {
      if (Status s = Exec("PRAGMA journal_mode=WAL"); !s.ok() && r.ok()) return s;
    }
    return r;
  }

  Result<Dossier> Export(const Selection& sel) override {
    std::lock_guard lock(mu_);
    if (sel.partnership_id) return ExportPartnerships(sel.partnership_id, std::nullopt);
    if (sel.region_id) return ExportPartnerships(std::nullopt, sel.region_id);
    return ReadTransaction<Dossier>([&] { return ExportAll(); });
  }

  Result<Dossier> Partnership(const std::string& id) override {
    std::lock_guard lock(mu_);
    return ExportPartnerships(id, std::nullopt);
  }

  Result<Dossier> RegionPartnerships(const std::string& region_id) override {
    std::lock_guard lock(mu_);
    return ExportPartnerships(std::nullopt, region_id);
  }

  Result<std::vector<PartnershipSummary>> List(const Selection& sel) override {
    std::lock_guard lock(mu_);
    std::string where;
    if (sel.partnership_id) where = " WHERE p.id = ?1";
    if (sel.region_id) {
      if (Status s = RequireRegion(*sel.region_id); !s.ok()) return s;
      where = " WHERE p.home = ?1 OR p.partner = ?1";
    }
    Stmt st(db_, SummarySql(where, "").c_str());
    if (!st.ok()) return Error(st.error());
    if (sel.partnership_id) st.Bind(1, *sel.partnership_id);
    if (sel.region_id) st.Bind(1, *sel.region_id);
    std::vector<PartnershipSummary> out;
    if (Status s = ReadSummaries(st, &out); !s.ok()) return s;
    if (sel.partnership_id && out.empty()) {
      return Status::NotFound("no partnership has the id '" + *sel.partnership_id + "'",
                              "tidak ada kemitraan dengan id '" + *sel.partnership_id + "'");
    }
    return out;
  }

  Result<SummaryPage> Summaries(const SummaryQuery& q) override {
    std::lock_guard lock(mu_);
    std::string where = " WHERE 1";
    if (q.region_id) {
      if (Status s = RequireRegion(*q.region_id); !s.ok()) return s;
      where += " AND (p.home = ?1 OR p.partner = ?1)";
    }
    std::string text = q.text;
    for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (!text.empty()) {
      where +=
          " AND (instr(lower(p.id), ?2) > 0 OR instr(lower(h.name), ?2) > 0 OR "
          "instr(lower(q.name), ?2) > 0 OR lower(q.country) = ?2)";
    }
    return ReadTransaction<SummaryPage>([&]() -> Result<SummaryPage> {
      SummaryPage page;
      Stmt count(db_, ("SELECT count(*) FROM partnership p JOIN region h ON h.id = p.home JOIN "
                       "region q ON q.id = p.partner" +
                       where)
                          .c_str());
      Stmt st(db_, SummarySql(where, " LIMIT ?3 OFFSET ?4").c_str());
      if (!count.ok() || !st.ok()) return Error(count.ok() ? st.error() : count.error());
      for (Stmt* s : {&count, &st}) {
        if (q.region_id) s->Bind(1, *q.region_id);
        if (!text.empty()) s->Bind(2, text);
      }
      st.Bind(3, static_cast<int64_t>(std::min<size_t>(q.limit, INT64_MAX)));
      st.Bind(4, static_cast<int64_t>(std::min<size_t>(q.offset, INT64_MAX)));
      if (count.Step() != SQLITE_ROW) return Error("counting partnerships");
      page.total = static_cast<size_t>(count.Int(0));
      if (Status s = ReadSummaries(st, &page.items); !s.ok()) return s;
      return page;
    });
  }

  Result<int64_t> Version() override {
    std::lock_guard lock(mu_);
    Stmt st(db_, "SELECT coalesce(max(seq), 0) FROM change_log WHERE area = 'records'");
    if (!st.ok() || st.Step() != SQLITE_ROW) return Error("reading the version");
    return st.Int(0);
  }

  Result<std::vector<std::string>> ChangedSince(int64_t version) override {
    std::lock_guard lock(mu_);
    Stmt st(db_, "SELECT touched FROM change_log WHERE seq > ?1 AND area = 'records' ORDER BY seq");
    if (!st.ok()) return Error(st.error());
    st.Bind(1, version);
    std::set<std::string> ids;
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      for (std::string& id : SplitLines(st.Text(0))) ids.insert(std::move(id));
    }
    if (rc != SQLITE_DONE) return Error("reading the change log");
    return std::vector<std::string>(ids.begin(), ids.end());
  }

  Result<std::vector<RegionRow>> Regions() override {
    std::lock_guard lock(mu_);
    Stmt st(db_,
            "SELECT r.id, r.name, r.country, r.level, json_extract(r.doc, '$.names'), "
            "json_extract(r.doc, '$.parent'), json_extract(r.doc, '$.lat'), "
            "json_extract(r.doc, '$.lon') FROM region r ORDER BY r.name, r.id");
    if (!st.ok()) return Error(st.error());
    std::vector<RegionRow> out;
    dom::parser parser;
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      RegionRow r;
      r.id = st.Text(0);
      r.name = st.Text(1);
      r.country = st.Text(2);
      r.level = ParseVocab<Level>(st.Text(3)).value_or(Level::kOther);
      if (std::optional<std::string> names = st.OptText(4)) {
        const simdjson::padded_string padded(*names);
        dom::object obj;
        if (!parser.parse(padded).get_object().get(obj)) {
          for (auto [tag, value] : obj) {
            std::string_view name;
            if (value.get_string().get(name)) continue;
            r.other_names.emplace_back(name);
            r.names.emplace_back(std::string(tag), std::string(name));
          }
        }
      }
      std::sort(r.names.begin(), r.names.end());
      r.parent = st.OptText(5);
      r.lat = st.OptDouble(6);
      r.lon = st.OptDouble(7);
      out.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE) return Error("reading regions");
    return out;
  }

  Result<std::vector<std::string>> KnownRegions(const std::vector<std::string>& ids) override {
    std::lock_guard lock(mu_);
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
    std::lock_guard lock(mu_);
    EventIdReader reader(db_);
    if (!reader.ok()) return Error("preparing the event id queries");
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const std::string& id : ids) {
      auto events = reader.Read(id);
      if (!events.ok()) return Error("reading event ids");
      if (*events) out.emplace_back(id, std::move(**events));
    }
    return out;
  }

  Status DeletePartnership(const std::string& id, const ChangeRecord& change,
                           const DeleteCheck& precondition) override {
    std::lock_guard lock(mu_);
    return InTransaction([&]() -> Status {
      if (precondition) {
        auto stored = ExportPartnerships(id, std::nullopt);
        if (!stored.ok()) return stored.status();
        if (Status s = precondition(*stored); !s.ok()) return s;
      }
      Stmt del(db_, "DELETE FROM partnership WHERE id = ?1");
      if (!del.ok()) return Error(del.error());
      del.Bind(1, id);
      if (del.Step() != SQLITE_DONE) return Error("deleting partnership '" + id + "'");
      if (sqlite3_changes(db_) == 0)
        return Status::NotFound("no partnership has the id '" + id + "'",
                                "tidak ada kemitraan dengan id '" + id + "'");
      return WriteChange(change);
    });
  }

  Status DeleteRegion(const std::string& id, const ChangeRecord& change,
                      const DeleteCheck& precondition) override {
    std::lock_guard lock(mu_);
    return InTransaction([&]() -> Status {
      if (Status s = RequireRegion(id); !s.ok()) return s;
      if (precondition) {
        auto stored = ExportPartnerships(std::nullopt, id);
        if (!stored.ok()) return stored.status();
        Dossier alone;
        for (Region& r : stored->regions) {
          if (r.id == id) alone.regions.push_back(std::move(r));
        }
        if (Status s = precondition(alone); !s.ok()) return s;
      }
      Stmt named(db_,
                 "SELECT partnership_id FROM partnership_region WHERE region_id = ?1 "
                 "ORDER BY partnership_id LIMIT 1");
      named.Bind(1, id);
      if (named.Step() == SQLITE_ROW) {
        return Status::InvalidInput("region '" + id + "' is still named by partnership '" +
                                        named.Text(0) + "': delete or change that first",
                                    "daerah '" + id + "' masih disebut oleh kemitraan '" +
                                        named.Text(0) + "': hapus atau ubah kemitraan itu dulu");
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
    std::lock_guard lock(mu_);
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
          return Status::InvalidInput(
              "region '" + id + "' is still named by partnership '" + named.Text(0) + "'",
              "daerah '" + id + "' masih disebut oleh kemitraan '" + named.Text(0) + "'");
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
    std::lock_guard lock(mu_);
    return HistoryLocked(id);
  }

  Status VerifyChangeLog() override {
    std::lock_guard lock(mu_);
    auto all = ReadTransaction<std::vector<ChangeRecord>>(
        [&] { return HistoryLocked("", /*all_areas=*/true); });
    if (!all.ok()) return all.status();
    return VerifyChain(*all);
  }

  Result<size_t> ChangeLogSize() override {
    std::lock_guard lock(mu_);
    Stmt st(db_, "SELECT count(*) FROM change_log");
    if (!st.ok() || st.Step() != SQLITE_ROW) return Error("counting the change log");
    return static_cast<size_t>(st.Int(0));
  }

  Result<ChangePage> ChangeLog(const ChangeQuery& q) override {
    for (const std::string* d : {&q.from, &q.to}) {
      if (!d->empty() && !ParseDay(*d).ok()) {
        return Status::InvalidInput("a date is YYYY-MM-DD, not \"" + *d + "\"",
                                    "tanggal ditulis TTTT-BB-HH, bukan \"" + *d + "\"");
      }
    }
    std::lock_guard lock(mu_);
    // ?1 actor, ?2 region, ?3 from, ?4 to (the day after, exclusive), ?5 action prefix.
    std::string where = " WHERE 1";
    if (!q.actor.empty()) where += " AND c.actor = ?1";
    if (!q.region_id.empty()) {
      where +=
          " AND c.area = 'records' AND c.seq IN (SELECT seq FROM change_record WHERE record_id = "
          "?2 OR record_id IN (SELECT id FROM partnership WHERE home = ?2 OR partner = ?2))";
    }
    if (!q.from.empty()) where += " AND c.at >= ?3";
    if (!q.to.empty()) where += " AND c.at < ?4";
    if (!q.action.empty()) where += " AND substr(c.action, 1, length(?5)) = ?5";
    return ReadTransaction<ChangePage>([&]() -> Result<ChangePage> {
      Stmt count(db_, ("SELECT count(*) FROM change_log c" + where).c_str());
      Stmt st(db_, (std::string("SELECT ") + kChangeColumns + " FROM change_log c" + where +
                    " ORDER BY c.seq DESC LIMIT ?6 OFFSET ?7")
                       .c_str());
      if (!count.ok() || !st.ok()) return Error(count.ok() ? st.error() : count.error());
      for (Stmt* s : {&count, &st}) {
        if (!q.actor.empty()) s->Bind(1, q.actor);
        if (!q.region_id.empty()) s->Bind(2, q.region_id);
        if (!q.from.empty()) s->Bind(3, q.from);
        if (!q.to.empty()) s->Bind(4, NextDay(q.to));
        if (!q.action.empty()) s->Bind(5, q.action);
      }
      st.Bind(6, static_cast<int64_t>(std::min<size_t>(q.limit, INT64_MAX)));
      st.Bind(7, static_cast<int64_t>(std::min<size_t>(q.offset, INT64_MAX)));
      if (count.Step() != SQLITE_ROW) return Error("counting the change log");
      ChangePage page;
      page.total = static_cast<size_t>(count.Int(0));
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) page.items.push_back(RowToChange(st));
      if (rc != SQLITE_DONE) return Error("reading the change log");
      return page;
    });
  }

  Result<Counts> Count() override {
    std::lock_guard lock(mu_);
    Stmt st(db_,
            "SELECT (SELECT count(*) FROM region), (SELECT count(*) FROM partnership), "
            "(SELECT count(*) FROM event)");
    if (!st.ok() || st.Step() != SQLITE_ROW) return Error("counting records");
    return Counts{static_cast<size_t>(st.Int(0)), static_cast<size_t>(st.Int(1)),
                  static_cast<size_t>(st.Int(2))};
  }

 private:
  using PartnershipModel = kembar::Partnership;  // the member function hides the type

  // The stored event ids of one partnership (nullopt when it is not stored).
  class EventIdReader {
   public:
    explicit EventIdReader(sqlite3* db)
        : exists_(db, "SELECT 1 FROM partnership WHERE id = ?1"),
          ids_(db,
               "SELECT event_id FROM event WHERE partnership_id = ?1 AND event_id IS NOT NULL "
               "ORDER BY seq") {}
    bool ok() const { return exists_.ok() && ids_.ok(); }
    Result<std::optional<std::vector<std::string>>> Read(const std::string& id) {
      exists_.Reset();
      exists_.Bind(1, id);
      if (exists_.Step() != SQLITE_ROW) return std::optional<std::vector<std::string>>();
      std::vector<std::string> events;
      ids_.Reset();
      ids_.Bind(1, id);
      int rc;
      while ((rc = ids_.Step()) == SQLITE_ROW) events.push_back(ids_.Text(0));
      if (rc != SQLITE_DONE) return Status::IoError("reading event ids");
      return std::optional<std::vector<std::string>>(std::move(events));
    }

   private:
    Stmt exists_, ids_;
  };

  // Writes records inside an open transaction, with statements prepared once.
  class Writer final : public ImportSink {
   public:
    explicit Writer(SqliteStore* store)
        : store_(store),
          db_(store->db_),
          region_exists_(db_, "SELECT 1 FROM region WHERE id = ?1"),
          upsert_region_(db_,
                         "INSERT INTO region(id, name, country, level, doc) VALUES "
                         "(?1,?2,?3,?4,?5) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                         "country=excluded.country, level=excluded.level, doc=excluded.doc"),
          partnership_exists_(db_, "SELECT 1 FROM partnership WHERE id = ?1"),
          upsert_partnership_(
              db_,
              "INSERT INTO partnership(id, kind, home, partner, doc) VALUES (?1,?2,?3,?4,?5) "
              "ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, home=excluded.home, "
              "partner=excluded.partner, doc=excluded.doc"),
          delete_events_(db_, "DELETE FROM event WHERE partnership_id = ?1"),
          delete_named_(db_, "DELETE FROM partnership_region WHERE partnership_id = ?1"),
          insert_event_(db_,
                        "INSERT INTO event(partnership_id, seq, event_id, type, date, "
                        "first_day, last_day, doc) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"),
          insert_named_(db_,
                        "INSERT INTO partnership_region(partnership_id, region_id) VALUES "
                        "(?1,?2)"),
          upsert_member_(db_,
                         "INSERT INTO document_member(key, json) VALUES (?1,?2) "
                         "ON CONFLICT(key) DO UPDATE SET json=excluded.json"),
          event_ids_(db_) {}

    Status Prepare() {
      for (Stmt* s :
           {&region_exists_, &upsert_region_, &partnership_exists_, &upsert_partnership_,
            &delete_events_, &delete_named_, &insert_event_, &insert_named_, &upsert_member_}) {
        if (!s->ok()) return store_->Error(s->error());
      }
      if (!event_ids_.ok()) return store_->Error("preparing the event id queries");
      // Nothing stored yet (a first import): no partnership can be replaced, so the
      // per-partnership look-ups are skipped.
      Stmt any(db_, "SELECT 1 FROM partnership LIMIT 1");
      if (!any.ok()) return store_->Error(any.error());
      no_partnerships_ = any.Step() != SQLITE_ROW;
      return Status::Ok();
    }

    Status PutRegion(const Region& r) override {
      region_exists_.Reset();
      region_exists_.Bind(1, r.id);
      const bool existed = region_exists_.Step() == SQLITE_ROW;
      ++(existed ? stats.regions_updated : stats.regions_added);
      ++regions_put;
      upsert_region_.Reset();
      upsert_region_.Bind(1, r.id).Bind(2, r.name).Bind(3, r.country).Bind(4, ToString(r.level));
      upsert_region_.Bind(5, RegionDoc(r));
      if (upsert_region_.Step() != SQLITE_DONE) {
        return store_->Error("writing region '" + r.id + "'");
      }
      return Status::Ok();
    }

    Status PutPartnership(const PartnershipModel& p) override {
      bool existed = false;
      if (!no_partnerships_) {
        partnership_exists_.Reset();
        partnership_exists_.Bind(1, p.id);
        existed = partnership_exists_.Step() == SQLITE_ROW;
      }
      ++partnerships_put;
      if (existed) {
        ++stats.partnerships_updated;
        // The document holds the newer full record: its timeline replaces the stored one.
        delete_events_.Reset();
        delete_events_.Bind(1, p.id);
        delete_named_.Reset();
        delete_named_.Bind(1, p.id);
        if (delete_events_.Step() != SQLITE_DONE || delete_named_.Step() != SQLITE_DONE) {
          return store_->Error("replacing partnership '" + p.id + "'");
        }
      } else {
        ++stats.partnerships_added;
      }
      doc_.clear();
      {
        io::JsonWriter w(&doc_);
        io::WritePartnership(p, false, &w);
      }
      upsert_partnership_.Reset();
      upsert_partnership_.Bind(1, p.id).Bind(2, ToString(p.kind)).Bind(3, p.home);
      upsert_partnership_.Bind(4, p.partner).Bind(5, doc_);
      if (upsert_partnership_.Step() != SQLITE_DONE)
        return store_->Error("writing partnership '" + p.id + "'");
      const std::vector<std::string> named = NamedRegions(p);
      if (Status s = CheckRegions(p.id, named); !s.ok()) return s;
      for (const std::string& region : named) {
        insert_named_.Reset();
        insert_named_.Bind(1, p.id).Bind(2, region);
        if (insert_named_.Step() != SQLITE_DONE)
          return store_->Error("indexing partnership '" + p.id + "'");
      }
      for (size_t seq = 0; seq < p.events.size(); ++seq) {
        const Event& e = p.events[seq];
        doc_.clear();
        io::JsonWriter w(&doc_);
        io::WriteEvent(e, &w);
        const std::string date = e.date.ToString();
        // Unlike Reset, sqlite3_reset keeps the bindings: each is set again below.
        sqlite3_reset(insert_event_.get());
        insert_event_.BindStatic(1, p.id).Bind(2, static_cast<int64_t>(seq));
        if (e.id) {
          insert_event_.BindStatic(3, *e.id);
        } else {
          insert_event_.BindNull(3);
        }
        insert_event_.BindStatic(4, ToString(e.type())).BindStatic(5, date);
        insert_event_.Bind(6, DayNumber(e.date.First())).Bind(7, DayNumber(e.date.Last()));
        insert_event_.BindStatic(8, doc_);
        if (insert_event_.Step() != SQLITE_DONE)
          return store_->Error("writing an event of '" + p.id + "'");
        ++stats.events;
      }
      return Status::Ok();
    }

    // Without foreign key checks (a bulk import), every region a partnership names
    // must be stored: checked here, once per region.
    Status CheckRegions(const std::string& pid, const std::vector<std::string>& named) {
      int fk = 1;
      if (sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_FKEY, -1, &fk) != SQLITE_OK || fk) {
        return Status::Ok();  // SQLite checks them
      }
      for (const std::string& id : named) {
        if (checked_regions_.count(id)) continue;
        auto has = HasRegion(id);
        if (!has.ok()) return has.status();
        if (!*has) {
          return Status::InvalidInput("partnership '" + pid + "' names region '" + id +
                                      "', which is not stored");
        }
        checked_regions_.insert(id);
      }
      return Status::Ok();
    }

    Status PutMember(const std::string& key, const std::string& json) override {
      upsert_member_.Reset();
      upsert_member_.Bind(1, key).Bind(2, json);
      if (upsert_member_.Step() != SQLITE_DONE)
        return store_->Error("writing member '" + key + "'");
      return Status::Ok();
    }

    Result<bool> StoresRegionAs(const Region& r) override {
      Stmt st(db_, "SELECT doc FROM region WHERE id = ?1");
      if (!st.ok()) return store_->Error(st.error());
      st.Bind(1, r.id);
      const int rc = st.Step();
      if (rc == SQLITE_DONE) return false;
      if (rc != SQLITE_ROW) return store_->Error("reading region '" + r.id + "'");
      return st.Text(0) == RegionDoc(r);
    }

    Result<bool> HasRegion(const std::string& id) override {
      region_exists_.Reset();
      region_exists_.Bind(1, id);
      return region_exists_.Step() == SQLITE_ROW;
    }

    Result<std::optional<std::vector<std::string>>> StoredEventIds(const std::string& id) override {
      if (no_partnerships_) return std::optional<std::vector<std::string>>();
      return event_ids_.Read(id);
    }

    Result<std::optional<PartnershipModel>> StoredPartnership(const std::string& id) override {
      if (no_partnerships_) return std::optional<PartnershipModel>();
      auto d = store_->ExportPartnerships(id, std::nullopt, /*with_regions=*/false);
      if (!d.ok()) {
        if (d.status().code() == StatusCode::kNotFound) return std::optional<PartnershipModel>();
        return d.status();
      }
      return std::optional<PartnershipModel>(std::move(d->partnerships.front()));
    }

    void SetChange(ChangeRecord change) override { change_ = std::move(change); }
    bool no_partnerships() const { return no_partnerships_; }

    ImportStats stats;
    size_t regions_put = 0, partnerships_put = 0;
    std::optional<ChangeRecord> change_;

   private:
    SqliteStore* store_;
    sqlite3* db_;
    Stmt region_exists_, upsert_region_, partnership_exists_, upsert_partnership_, delete_events_,
        delete_named_, insert_event_, insert_named_, upsert_member_;
    EventIdReader event_ids_;
    bool no_partnerships_ = false;
    std::string doc_;
    std::unordered_set<std::string> checked_regions_;
  };

  Status Error(const std::string& what) {
    return DbStatus(db_, sqlite3_extended_errcode(db_), "(" + what + "): " + sqlite3_errmsg(db_));
  }

  Status Exec(const std::string& sql) { return ExecOn(db_, sql); }

  // Runs `body` in one read transaction, so that its queries see one state of the file.
  template <typename T, typename F>
  Result<T> ReadTransaction(F&& body) {
    if (!sqlite3_get_autocommit(db_)) return body();  // already in one (an import)
    if (Status s = Exec("BEGIN"); !s.ok()) return s;
    Result<T> r = body();
    Exec("COMMIT");
    return r;
  }

  static std::string SummarySql(const std::string& where, const std::string& tail) {
    return R"sql(
      SELECT p.id, p.kind, p.home, h.name, p.partner, q.name, q.country,
        (SELECT date FROM event e WHERE e.partnership_id = p.id ORDER BY first_day, last_day LIMIT 1),
        (SELECT date FROM event e WHERE e.partnership_id = p.id AND e.type = 'mou_signed'
           ORDER BY first_day LIMIT 1),
        (SELECT date FROM event e WHERE e.partnership_id = p.id ORDER BY last_day DESC, first_day DESC LIMIT 1),
        (SELECT count(*) FROM event e WHERE e.partnership_id = p.id)
      FROM partnership p JOIN region h ON h.id = p.home JOIN region q ON q.id = p.partner)sql" +
           where + " ORDER BY h.name, q.name, p.id" + tail;
  }

  Status ReadSummaries(Stmt& st, std::vector<PartnershipSummary>* out) {
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
      out->push_back(std::move(s));
    }
    if (rc != SQLITE_DONE) return Error("listing partnerships");
    return Status::Ok();
  }

  // The records' change records that touched `id` (all of them when empty), oldest
  // first; with `all_areas`, the accounts' entries too.
  Result<std::vector<ChangeRecord>> HistoryLocked(const std::string& id, bool all_areas = false) {
    std::string sql = std::string("SELECT ") + kChangeColumns + " FROM change_log c WHERE 1";
    if (!id.empty()) sql += " AND c.seq IN (SELECT seq FROM change_record WHERE record_id = ?1)";
    if (!all_areas) sql += " AND c.area = 'records'";
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

  static constexpr const char* kChangeColumns =
      "c.seq, c.at, c.actor, c.action, c.record, c.summary, c.before, c.after, c.touched, "
      "c.hash, c.address, c.area";

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
    c.address = st.Text(10);
    c.area = st.Text(11);
    return c;
  }

  Status RequireRegion(const std::string& id) {
    Stmt st(db_, "SELECT 1 FROM region WHERE id = ?1");
    st.Bind(1, id);
    if (st.Step() != SQLITE_ROW) {
      return Status::NotFound("no region has the id '" + id + "'",
                              "tidak ada daerah dengan id '" + id + "'");
    }
    return Status::Ok();
  }

  Result<ImportStats> ImportInTransaction(const ImportRequest& req) {
    Writer w(this);
    if (Status s = w.Prepare(); !s.ok()) return s;
    w.change_ = req.change;
    if (req.precondition) {
      if (Status s = req.precondition(w); !s.ok()) return s;
    }
    size_t events = 0;
    if (req.stream) {
      // A bulk load into a database without partnerships: the events' key index is
      // built once at the end (a sort) instead of by two million insertions.
      const bool bulk = w.no_partnerships();
      if (bulk) {
        if (Status s = Exec("DROP INDEX event_key"); !s.ok()) return s;
      }
      if (Status s = req.stream(w); !s.ok()) return s;
      if (bulk) {
        if (Status s = Exec("CREATE UNIQUE INDEX event_key ON event(partnership_id, seq)");
            !s.ok()) {
          return s;
        }
      }
      events = w.stats.events;
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
      events = w.stats.events;
    }
    if (req.log_import) {
      Stmt log(
          db_,
          "INSERT INTO import_log(source, regions, partnerships, events) VALUES (?1,?2,?3,?4)");
      log.Bind(1, req.source_name).Bind(2, static_cast<int64_t>(w.regions_put));
      log.Bind(3, static_cast<int64_t>(w.partnerships_put)).Bind(4, static_cast<int64_t>(events));
      if (log.Step() != SQLITE_DONE) return Error("writing the import log");
    }
    if (w.change_) {
      if (Status st = WriteChange(*w.change_); !st.ok()) return st;
    }
    return w.stats;
  }

  // Appends `c` to the change log, chained to the last entry (inside a transaction).
  Status WriteChange(ChangeRecord c) {
    c.area = std::string(kRecordsArea);
    return AppendChange(db_, &c);
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

  static std::string_view ColumnView(Stmt& st, int col) {
    const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), col));
    return t ? std::string_view(t, static_cast<size_t>(sqlite3_column_bytes(st.get(), col)))
             : std::string_view();
  }

  Status Corrupt(const std::string& what) {
    return Status::Corruption("the stored " + what + " is malformed");
  }

  // Document-level members (attribution lines) travel with every export.
  Status ReadMembers(Dossier* d) {
    Stmt st(db_, "SELECT key, json FROM document_member ORDER BY key");
    if (!st.ok()) return Error(st.error());
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) d->extra.emplace_back(st.Text(0), st.Text(1));
    if (rc != SQLITE_DONE) return Error("reading document members");
    return Status::Ok();
  }

  // Every stored record, regions and partnerships in import order, each timeline in
  // its order: built from the rows, without assembling and re-reading a document.
  Result<Dossier> ExportAll() {
    Dossier d;
    RecordParser parser;
    {
      Stmt st(db_, "SELECT id, doc FROM region ORDER BY rowid");
      if (!st.ok()) return Error(st.error());
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        if (!parser.ReadRegion(ColumnView(st, 1), &d.regions.emplace_back())) {
          return Corrupt("region '" + st.Text(0) + "'");
        }
      }
      if (rc != SQLITE_DONE) return Error("reading regions");
    }
    std::unordered_map<std::string_view, size_t> index;
    {
      Stmt st(db_, "SELECT id, doc FROM partnership ORDER BY rowid");
      if (!st.ok()) return Error(st.error());
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        PartnershipModel& p = d.partnerships.emplace_back();
        if (!parser.ReadPartnership(ColumnView(st, 1), &p)) {
          return Corrupt("partnership '" + st.Text(0) + "'");
        }
      }
      if (rc != SQLITE_DONE) return Error("reading partnerships");
      index.reserve(d.partnerships.size());
      for (size_t i = 0; i < d.partnerships.size(); ++i) index.emplace(d.partnerships[i].id, i);
    }
    {
      // Events in the order they were written: each partnership's timeline is written
      // at once, in order, so it arrives as one run; a run out of order (not written
      // by this version) is read again by its key.
      Stmt st(db_, "SELECT partnership_id, seq, doc FROM event ORDER BY rowid");
      if (!st.ok()) return Error(st.error());
      std::vector<bool> reread(d.partnerships.size(), false);
      std::string current;
      PartnershipModel* p = nullptr;
      size_t pi = 0;
      int rc;
      while ((rc = st.Step()) == SQLITE_ROW) {
        const std::string_view id = ColumnView(st, 0);
        if (p == nullptr || id != current) {
          auto it = index.find(id);
          if (it == index.end()) return Corrupt("event of '" + std::string(id) + "'");
          pi = it->second;
          p = &d.partnerships[pi];
          current.assign(id);
        }
        if (reread[pi]) continue;
        if (st.Int(1) != static_cast<int64_t>(p->events.size())) {
          reread[pi] = true;
          continue;
        }
        if (!parser.ReadEvent(ColumnView(st, 2), &p->events.emplace_back())) {
          return Corrupt("event " + std::to_string(st.Int(1)) + " of '" + current + "'");
        }
      }
      if (rc != SQLITE_DONE) return Error("reading events");
      for (size_t i = 0; i < reread.size(); ++i) {
        if (!reread[i]) continue;
        d.partnerships[i].events.clear();
        if (Status s = ReadEvents(&parser, &d.partnerships[i]); !s.ok()) return s;
      }
    }
    if (Status s = ReadMembers(&d); !s.ok()) return s;
    return d;
  }

  // One partnership's timeline, by its key.
  Status ReadEvents(RecordParser* parser, PartnershipModel* p) {
    Stmt st(db_, "SELECT doc FROM event WHERE partnership_id = ?1 ORDER BY seq");
    if (!st.ok()) return Error(st.error());
    st.Bind(1, p->id);
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      if (!parser->ReadEvent(ColumnView(st, 0), &p->events.emplace_back())) {
        return Corrupt("event " + std::to_string(p->events.size() - 1) + " of '" + p->id + "'");
      }
    }
    if (rc != SQLITE_DONE) return Error("reading events");
    return Status::Ok();
  }

  // One partnership, or the partnerships where a region is a party, with the regions
  // they name (and the region itself), through the keys: no scan of the tables.
  Result<Dossier> ExportPartnerships(const std::optional<std::string>& partnership_id,
                                     const std::optional<std::string>& region_id,
                                     bool with_regions = true) {
    return ReadTransaction<Dossier>([&]() -> Result<Dossier> {
      Dossier d;
      RecordParser parser;
      std::string sql = "SELECT id, doc FROM partnership p";
      if (partnership_id) {
        sql += " WHERE p.id = ?1";
      } else {
        if (Status s = RequireRegion(*region_id); !s.ok()) return s;
        sql += " WHERE p.home = ?1 OR p.partner = ?1 ORDER BY p.rowid";
      }
      {
        Stmt st(db_, sql.c_str());
        if (!st.ok()) return Error(st.error());
        st.Bind(1, partnership_id ? *partnership_id : *region_id);
        int rc;
        while ((rc = st.Step()) == SQLITE_ROW) {
          if (!parser.ReadPartnership(ColumnView(st, 1), &d.partnerships.emplace_back())) {
            return Corrupt("partnership '" + st.Text(0) + "'");
          }
        }
        if (rc != SQLITE_DONE) return Error("reading partnerships");
      }
      if (partnership_id && d.partnerships.empty()) {
        return Status::NotFound("no partnership has the id '" + *partnership_id + "'",
                                "tidak ada kemitraan dengan id '" + *partnership_id + "'");
      }
      for (PartnershipModel& p : d.partnerships) {
        if (Status s = ReadEvents(&parser, &p); !s.ok()) return s;
      }
      if (!with_regions) return d;
      std::set<std::string> ids;
      if (region_id) ids.insert(*region_id);
      {
        Stmt named(db_, "SELECT region_id FROM partnership_region WHERE partnership_id = ?1");
        if (!named.ok()) return Error(named.error());
        for (const PartnershipModel& p : d.partnerships) {
          named.Reset();
          named.Bind(1, p.id);
          int rc;
          while ((rc = named.Step()) == SQLITE_ROW) ids.insert(named.Text(0));
          if (rc != SQLITE_DONE) return Error("reading the regions named");
        }
      }
      std::vector<std::pair<int64_t, std::string>> rows;  // (rowid, doc): import order
      {
        Stmt st(db_, "SELECT rowid, doc FROM region WHERE id = ?1");
        if (!st.ok()) return Error(st.error());
        for (const std::string& id : ids) {
          st.Reset();
          st.Bind(1, id);
          if (st.Step() == SQLITE_ROW) rows.emplace_back(st.Int(0), st.Text(1));
        }
      }
      std::sort(rows.begin(), rows.end());
      for (const auto& [rowid, doc] : rows) {
        if (!parser.ReadRegion(doc, &d.regions.emplace_back())) return Corrupt("region");
      }
      if (Status s = ReadMembers(&d); !s.ok()) return s;
      return d;
    });
  }

  std::mutex mu_;  // guards db_: every public method holds it
  sqlite3* db_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      // No SQLite mutex: the store's own serialises every use of the connection.
      sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::IoError("cannot open the database '" + path + "': " + msg,
                           "tidak dapat membuka basis data '" + path + "': " + msg);
  }
  auto store = std::make_unique<SqliteStore>(db);
  if (Status s = store->Init(); !s.ok()) {
    if (s.code() == StatusCode::kIoError) {
      return Status::IoError(
          "cannot use the database '" + path + "': " + s.message(),
          "tidak dapat memakai basis data '" + path + "': " + s.message(Lang::kId));
    }
    if (s.code() == StatusCode::kCorruption) {
      return Status::Corruption("the database '" + path + "' is corrupt: " + s.message(),
                                "basis data '" + path + "' rusak: " + s.message(Lang::kId));
    }
    return s;
  }
  return std::unique_ptr<Store>(std::move(store));
}

class RecordDecoder::Impl : public RecordParser {};

RecordDecoder::RecordDecoder() : impl_(std::make_unique<Impl>()) {}
RecordDecoder::~RecordDecoder() = default;
bool RecordDecoder::ReadRegion(std::string_view json, Region* r) {
  return impl_->ReadRegion(json, r);
}
bool RecordDecoder::ReadPartnership(std::string_view json, kembar::Partnership* p) {
  return impl_->ReadPartnership(json, p);
}
bool RecordDecoder::ReadEvent(std::string_view json, Event* e) { return impl_->ReadEvent(json, e); }

std::string StoredRegionJson(const Region& r) { return RegionDoc(r); }

std::string StoredPartnershipJson(const kembar::Partnership& p) {
  std::string out;
  io::JsonWriter w(&out);
  io::WritePartnership(p, false, &w);
  return out;
}

std::string StoredEventJson(const Event& e) {
  std::string out;
  io::JsonWriter w(&out);
  io::WriteEvent(e, &w);
  return out;
}

std::vector<std::string> NamedRegionIds(const kembar::Partnership& p) { return NamedRegions(p); }

std::string DayAfter(const std::string& s) { return NextDay(s); }

}  // namespace kembar::store
