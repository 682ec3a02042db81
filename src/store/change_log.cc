#include "store/change_log.h"

#include <algorithm>
#include <vector>

#include "kembar/io/digest.h"
#include "store/lines.h"

namespace kembar::store {

Status WriteFailure(sqlite3* db, int rc, const std::string& detail) {
  const int primary = rc & 0xff;
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  const std::string name = file && *file ? std::string(file) : std::string("(in memory)");
  // A full disk (ENOSPC) or a file that may not grow (EFBIG under `ulimit -f`):
  // SQLite rolls the transaction back, so nothing of the change was stored.
  if (primary == SQLITE_FULL || rc == SQLITE_IOERR_WRITE) {
    return Status::IoError(
        "cannot write to the database '" + name +
            "': the disk is full or the file may not grow (a file size limit) " + detail +
            "; nothing was changed: free some space and try again",
        "tidak dapat menulis ke basis data '" + name +
            "': disk penuh atau berkas tidak boleh bertambah besar (batas ukuran berkas) " +
            detail + "; tidak ada yang diubah: kosongkan sebagian ruang lalu coba lagi");
  }
  if (primary == SQLITE_READONLY) {
    return Status::IoError(
        "the database '" + name + "' is read-only for you " + detail +
            ": kembar cannot change it; ask for write access to the file, and to its folder "
            "(SQLite keeps its -wal and -shm files there, and needs them even to read a "
            "file it cannot find them for)",
        "basis data '" + name + "' hanya-baca bagi Anda " + detail +
            ": kembar tidak dapat mengubahnya; mintalah izin menulis untuk berkas itu dan "
            "foldernya (SQLite menyimpan berkas -wal dan -shm di sana, dan memerlukannya "
            "bahkan untuk membaca bila berkas itu belum ada)");
  }
  return Status::Ok();
}

namespace {

Status DbError(sqlite3* db, const std::string& what) {
  const int rc = sqlite3_errcode(db);
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT) {
    return Status::Corruption("the database is damaged (" + what + "): " + sqlite3_errmsg(db),
                              "basis data rusak (" + what + "): " + sqlite3_errmsg(db));
  }
  if (Status s = WriteFailure(db, sqlite3_extended_errcode(db),
                              "(" + what + ": " + sqlite3_errmsg(db) + ")");
      !s.ok()) {
    return s;
  }
  return Status::IoError("database error (" + what + "): " + sqlite3_errmsg(db));
}

// A statement finalized when it goes out of scope.
struct Prepared {
  Prepared(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &st, nullptr); }
  ~Prepared() { sqlite3_finalize(st); }
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  void Bind(int i, std::string_view s) {
    sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(st, i, v); }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(st, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(st, col)))
             : std::string();
  }
  sqlite3_stmt* st = nullptr;
};

}  // namespace

std::string ChangeChainHash(const std::string& prev, const ChangeRecord& c) {
  std::string buf;
  for (const std::string* f :
       {&prev, &c.at, &c.actor, &c.action, &c.record, &c.summary, &c.before, &c.after}) {
    buf += std::to_string(f->size()) + ":" + *f;
  }
  const std::string touched = Join(c.partnerships);
  buf += std::to_string(touched.size()) + ":" + touched + std::to_string(c.seq);
  // Fields added with schema 5: absent from the hash when empty (older entries).
  if (!c.address.empty()) buf += "|address " + std::to_string(c.address.size()) + ":" + c.address;
  if (!c.area.empty() && c.area != kRecordsArea) {
    buf += "|area " + std::to_string(c.area.size()) + ":" + c.area;
  }
  return io::Sha256Hex(buf);
}

Status AppendChange(sqlite3* db, ChangeRecord* c) {
  if (c->area.empty()) c->area = std::string(kRecordsArea);
  std::string prev;
  {
    Prepared last(db, "SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1");
    if (!last.st) return DbError(db, "reading the change log");
    c->seq = 1;
    const int rc = sqlite3_step(last.st);
    if (rc == SQLITE_ROW) {
      c->seq = sqlite3_column_int64(last.st, 0) + 1;
      prev = last.Text(1);
    } else if (rc != SQLITE_DONE) {
      return DbError(db, "reading the change log");
    }
  }
  if (c->at.empty()) {
    Prepared now(db, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    if (!now.st || sqlite3_step(now.st) != SQLITE_ROW) return DbError(db, "reading the clock");
    c->at = now.Text(0);
  }
  c->hash = ChangeChainHash(prev, *c);
  {
    Prepared ins(db,
                 "INSERT INTO change_log(seq, at, actor, address, area, action, record, summary, "
                 "before, after, touched, hash) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
    if (!ins.st) return DbError(db, "writing the change log");
    ins.Bind(1, c->seq);
    ins.Bind(2, c->at);
    ins.Bind(3, c->actor);
    ins.Bind(4, c->address);
    ins.Bind(5, c->area);
    ins.Bind(6, c->action);
    ins.Bind(7, c->record);
    ins.Bind(8, c->summary);
    ins.Bind(9, c->before);
    ins.Bind(10, c->after);
    ins.Bind(11, Join(c->partnerships));
    ins.Bind(12, c->hash);
    if (sqlite3_step(ins.st) != SQLITE_DONE) return DbError(db, "writing the change log");
  }
  if (c->area != kRecordsArea) return Status::Ok();
  Prepared touch(db, "INSERT OR IGNORE INTO change_record(seq, record_id) VALUES (?1,?2)");
  if (!touch.st) return DbError(db, "indexing the change log");
  std::vector<std::string> ids = c->partnerships;
  ids.push_back(c->record);
  for (const std::string& id : ids) {
    sqlite3_reset(touch.st);
    touch.Bind(1, c->seq);
    touch.Bind(2, id);
    if (sqlite3_step(touch.st) != SQLITE_DONE) return DbError(db, "indexing the change log");
  }
  return Status::Ok();
}

Status AppendChange(SqlConnection& db, ChangeRecord* c) {
  auto fail = [&](const std::string& what) {
    return Status::IoError("database error (" + what + "): " + db.LastError());
  };
  if (c->area.empty()) c->area = std::string(kRecordsArea);
  std::string prev;
  {
    auto last = db.Prepare("SELECT seq, hash FROM change_log ORDER BY seq DESC LIMIT 1");
    if (!last) return fail("reading the change log");
    c->seq = 1;
    const int rc = last->Step();
    if (rc == kSqlRow) {
      c->seq = last->Int(0) + 1;
      prev = last->Text(1);
    } else if (rc != kSqlDone) {
      return fail("reading the change log");
    }
  }
  if (c->at.empty()) {
    auto now = db.Prepare(db.dialect() == SqlDialect::kSqlite
                              ? "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                              : "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                                "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    if (!now || now->Step() != kSqlRow) return fail("reading the clock");
    c->at = now->Text(0);
  }
  c->hash = ChangeChainHash(prev, *c);
  {
    auto ins = db.Prepare(
        "INSERT INTO change_log(seq, at, actor, address, area, action, record, summary, "
        "before, after, touched, hash) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
    if (!ins) return fail("writing the change log");
    ins->Bind(1, c->seq);
    ins->Bind(2, c->at);
    ins->Bind(3, c->actor);
    ins->Bind(4, c->address);
    ins->Bind(5, c->area);
    ins->Bind(6, c->action);
    ins->Bind(7, c->record);
    ins->Bind(8, c->summary);
    ins->Bind(9, c->before);
    ins->Bind(10, c->after);
    ins->Bind(11, Join(c->partnerships));
    ins->Bind(12, c->hash);
    if (ins->Step() != kSqlDone) return fail("writing the change log");
  }
  if (c->area != kRecordsArea) return Status::Ok();
  std::vector<std::string> ids = c->partnerships;
  ids.push_back(c->record);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (const std::string& id : ids) {
    auto touch = db.Prepare("INSERT INTO change_record(seq, record_id) VALUES (?1,?2)");
    if (!touch) return fail("indexing the change log");
    touch->Bind(1, c->seq);
    touch->Bind(2, id);
    if (touch->Step() != kSqlDone) return fail("indexing the change log");
  }
  return Status::Ok();
}

Status VerifyChain(const std::vector<ChangeRecord>& all) {
  std::string prev;
  int64_t expected = 1;
  for (const ChangeRecord& c : all) {
    if (c.seq != expected) {
      const std::string entry = std::to_string(expected);
      const std::string next = std::to_string(c.seq);
      return Status::Corruption(
          "the change log was altered: entry " + entry + " was removed (before entry " + next + ")",
          "log perubahan telah diubah: entri " + entry + " dihapus (sebelum entri " + next + ")");
    }
    if (ChangeChainHash(prev, c) != c.hash) {
      const std::string entry =
          std::to_string(c.seq) + " (" + c.action + " " + c.record + ", " + c.at + ")";
      return Status::Corruption("the change log was altered at entry " + entry,
                                "log perubahan telah diubah pada entri " + entry);
    }
    prev = c.hash;
    ++expected;
  }
  return Status::Ok();
}

}  // namespace kembar::store
