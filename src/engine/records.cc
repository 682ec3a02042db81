#include "engine/records.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "kembar/io/digest.h"
#include "kembar/io/dossier_writer.h"
#include "kembar/store/bulk_import.h"

namespace kembar::engine {

namespace {

using nlohmann::json;

// The next free stable id of the form "<partnership>.NN".
std::string NextEventId(const std::string& pid, const std::unordered_set<std::string>& taken) {
  long max = 0;
  const std::string prefix = pid + ".";
  for (const std::string& id : taken) {
    if (id.size() <= prefix.size() || id.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string tail = id.substr(prefix.size());
    if (tail.size() > 9 ||
        !std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    max = std::max(max, std::stol(tail));
  }
  for (long n = max + 1;; ++n) {
    std::string id = prefix + (n < 10 ? "0" : "") + std::to_string(n);
    if (!taken.count(id)) return id;
  }
}

// Replaces the document-level prefix of a path in `message` with the name a person
// editing one event knows: "partnerships[0].events[4].date" -> "event.date".
std::string Relocate(std::string message, const std::string& from, const std::string& to) {
  for (size_t pos = message.find(from); pos != std::string::npos; pos = message.find(from, pos)) {
    message.replace(pos, from.size(), to);
    pos += to.size();
  }
  return message;
}

// Sets the plain members of `fields` on the event object `patch`; a member given
// both ways is refused rather than silently preferring one.
Status SetFields(const EventFields& f, json* patch) {
  auto set = [&](const char* key, json value) -> Status {
    if (patch->contains(key)) {
      const std::string at = std::string("event.") + key;
      return Status::InvalidInput(at + ": given both in the JSON and on its own; give it once",
                                  at + ": diberikan dua kali, di JSON dan sebagai opsi; berikan "
                                       "sekali saja");
    }
    (*patch)[key] = std::move(value);
    return Status::Ok();
  };
  const std::pair<const char*, const std::string*> strings[] = {{"type", &f.type},
                                                                {"date", &f.date},
                                                                {"title", &f.title},
                                                                {"description", &f.description},
                                                                {"field", &f.field},
                                                                {"from", &f.from},
                                                                {"to", &f.to},
                                                                {"side", &f.side},
                                                                {"provider", &f.provider},
                                                                {"beneficiary", &f.beneficiary},
                                                                {"host", &f.host},
                                                                {"source", &f.source}};
  for (const auto& [key, value] : strings) {
    if (value->empty()) continue;
    if (Status s = set(key, *value); !s.ok()) return s;
  }
  if (f.participants) {
    if (Status s = set("participants", *f.participants); !s.ok()) return s;
  }
  if (!f.sectors.empty()) {
    if (Status s = set("sectors", f.sectors); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<store::ImportStats> Import(store::Store& store, const io::ReadOptions& read,
                                  const ImportParams& params) {
  // The file is read once: checked, digested and written from these bytes (not
  // zero-filled first: they are all read over). An upload is used as it is.
  std::unique_ptr<char[]> buffer;
  std::string_view bytes;
  if (params.content) {
    if (params.content->size() > read.max_bytes) {
      io::DossierReader reader(read);
      return reader.Read(*params.content, nullptr).ToStatus();
    }
    bytes = *params.content;
  } else {
    {
      std::error_code ec;
      const bool regular = std::filesystem::is_regular_file(params.file, ec);
      const uintmax_t size = regular ? std::filesystem::file_size(params.file, ec) : 0;
      std::ifstream f;
      if (regular && !ec && size <= read.max_bytes) f.open(params.file, std::ios::binary);
      if (f) {
        buffer.reset(new char[size + 1]);
        f.read(buffer.get(), static_cast<std::streamsize>(size));
        bytes = std::string_view(buffer.get(), static_cast<size_t>(size));
      }
      if (!f || f.gcount() != static_cast<std::streamsize>(size)) {
        // Missing, unreadable or over the limit: in the reader's words.
        io::DossierReader reader(read);
        io::ReadReport report = reader.ReadFile(params.file, nullptr);
        if (!report.ok()) return report.ToStatus();
        return Status::IoError("cannot read '" + params.file + "'");
      }
    }
  }
  std::future<std::string> digest =
      std::async(std::launch::async, [bytes] { return io::Sha256Hex(bytes); });
  static constexpr const char* kModes[] = {"refuse drops", "merge", "replace"};
  auto make_change = [&](size_t regions, std::vector<std::string> ids, size_t events) {
    store::ChangeRecord change;
    change.actor = params.actor.name;
    change.address = params.actor.address;
    change.action = "import";
    change.record = params.file;
    change.summary = "sha256:" + digest.get() + ", " + std::to_string(regions) + " regions, " +
                     std::to_string(ids.size()) + " partnerships, " + std::to_string(events) +
                     " events (" + kModes[static_cast<int>(params.mode)] + ")";
    change.partnerships = std::move(ids);
    return change;
  };

  // What the import decides for one partnership, given what is stored of it: the
  // drops it would cause (kRefuseDrops), its merged timeline (kMerge), and stable ids
  // for its events without one, never one already stored.
  Message problems;  // the refused partnerships, for the message
  size_t refused = 0;
  auto prepare = [&](size_t index, Partnership& p,
                     const std::optional<std::vector<std::string>>& stored,
                     const std::function<Result<std::optional<Partnership>>()>& load) -> Status {
    if (params.mode == ImportMode::kRefuseDrops && stored) {
      std::unordered_set<std::string> in_doc;
      for (const Event& e : p.events) {
        if (e.id) in_doc.insert(*e.id);
      }
      std::vector<std::string> lost;
      for (const std::string& id : *stored) {
        if (!in_doc.count(id)) lost.push_back(id);
      }
      if (!lost.empty() && ++refused <= 20) {
        const std::string where = "\n  partnerships[" + std::to_string(index) + "] '" + p.id + "' ";
        const std::string count = std::to_string(lost.size());
        const std::string of = std::to_string(stored->size());
        const std::string ids = " (" + lost.front() + (lost.size() > 1 ? ", ..." : "") + ")";
        problems.en += where + "would lose " + count + " of its " + of + " stored events" + ids;
        problems.id +=
            where + "akan kehilangan " + count + " dari " + of + " peristiwa yang tersimpan" + ids;
      }
    } else if (params.mode == ImportMode::kMerge && stored) {
      auto old = load();
      if (!old.ok()) return old.status();
      if (*old) {
        std::vector<Event> merged = std::move((*old)->events);
        std::unordered_map<std::string, size_t> at;
        for (size_t i = 0; i < merged.size(); ++i) {
          if (merged[i].id) at.emplace(*merged[i].id, i);
        }
        for (Event& e : p.events) {
          auto it = e.id ? at.find(*e.id) : at.end();
          if (it != at.end()) {
            merged[it->second] = std::move(e);  // a known id: the document's version
          } else {
            merged.push_back(std::move(e));  // new: no id, or an id not stored
          }
        }
        p.events = std::move(merged);
      }
    }
    std::unordered_set<std::string> taken;
    for (const Event& e : p.events) {
      if (e.id) taken.insert(*e.id);
    }
    if (stored) taken.insert(stored->begin(), stored->end());
    for (Event& e : p.events) {
      if (e.id) continue;
      e.id = NextEventId(p.id, taken);
      taken.insert(*e.id);
    }
    return Status::Ok();
  };
  auto refusal = [&] {
    const std::string more = std::to_string(refused - 20);
    return Status::InvalidInput(
        "the document would drop events already stored" + problems.en +
            (refused > 20 ? "\n  (and " + more + " more partnerships)" : "") +
            "\nimport with --merge to add the new events and update the known ones, or with "
            "--replace to replace these timelines",
        "dokumen ini akan menghapus peristiwa yang sudah tersimpan" + problems.id +
            (refused > 20 ? "\n  (dan " + more + " kemitraan lainnya)" : "") +
            "\nimpor dengan --merge untuk menambahkan peristiwa baru dan memperbarui yang sudah "
            "ada, atau dengan --replace untuk mengganti linimasa tersebut");
  };
  auto unknown_region = [](const std::string& path, const std::string& id) {
    return Status::InvalidInput(
        path + ": region '" + id +
            "' is neither defined in the document's regions nor known to the database",
        path + ": daerah '" + id +
            "' tidak didefinisikan dalam regions dokumen dan tidak dikenal di basis data");
  };

  // A large document is read and written in batches of partnerships, without the
  // whole model in memory: first the rest of the document (regions, members), then
  // each batch as a small document of its own. Anything unusual (any problem at all,
  // or a layout the outline does not cover) falls back to reading the document whole
  // below, which then reports exactly what it always did.
  // A principal with a scope is checked record by record against what is stored,
  // inside the transaction: its (bounded) upload is read whole.
  const bool scoped = params.actor.may_write_partnership || params.actor.may_write_region;
  std::optional<store::DossierOutline> outline;
  if (!scoped) outline = store::OutlineDossier(bytes);
  if (outline) {
    bool fallback = false;
    const Status give_up = Status::InvalidInput("read whole");
    store::ImportRequest req;
    req.source_name = params.file;
    req.stream = [&](store::ImportSink& sink) -> Status {
      io::ReadOptions batch_options = read;
      batch_options.allow_external_refs = true;  // a batch holds no regions
      io::DossierReader reader(batch_options);
      Dossier rest;
      if (!reader.Read(outline->Rest(bytes), &rest).ok() || !rest.partnerships.empty()) {
        fallback = true;
        return give_up;
      }
      std::unordered_set<std::string_view> defined;
      for (const Region& r : rest.regions) {
        defined.insert(r.id);
        if (Status s = sink.PutRegion(r); !s.ok()) return s;
      }
      std::unordered_map<std::string, bool> known;  // external region id -> stored
      std::optional<Status> dangling;               // the first unknown region
      std::unordered_set<std::string> seen;
      std::vector<std::string> ids;
      ids.reserve(outline->partnerships.size());
      size_t events = 0;
      const size_t total = outline->partnerships.size();

      // Two threads: this one writes batch k while the other reads batch k+1.
      struct Batch {
        size_t first = 0;
        Dossier dossier;
        std::vector<io::ExternalRegionRef> external_refs;
        bool ok = true;
      };
      constexpr size_t kBatch = 500, kQueued = 2;
      std::mutex mu;
      std::condition_variable changed;
      std::deque<Batch> queue;
      bool stop = false;
      std::thread producer([&] {
        std::string text;
        for (size_t first = 0; first < total; first += kBatch) {
          const size_t last = std::min(total, first + kBatch) - 1;
          text.assign(R"({"format":"kembar-dossier/1","regions":[],"partnerships":[)");
          text.append(bytes.substr(
              outline->partnerships[first].first,
              outline->partnerships[last].second - outline->partnerships[first].first));
          text.append("]}");
          Batch batch;
          batch.first = first;
          io::ReadReport report = reader.Read(text, &batch.dossier);
          batch.ok = report.ok();
          batch.external_refs = std::move(report.external_refs);
          std::unique_lock lock(mu);
          changed.wait(lock, [&] { return stop || queue.size() < kQueued; });
          if (stop) return;
          const bool ok = batch.ok;
          queue.push_back(std::move(batch));
          changed.notify_all();
          if (!ok) return;
        }
      });
      auto consume = [&]() -> Status {
        for (size_t done = 0; done < total;) {
          Batch batch;
          {
            std::unique_lock lock(mu);
            changed.wait(lock, [&] { return !queue.empty(); });
            batch = std::move(queue.front());
            queue.pop_front();
            changed.notify_all();
          }
          if (!batch.ok) {
            fallback = true;
            return give_up;
          }
          const size_t first = batch.first;
          for (const io::ExternalRegionRef& ref : batch.external_refs) {
            if (defined.count(ref.id)) continue;
            if (!read.allow_external_refs) {
              fallback = true;
              return give_up;
            }
            auto it = known.find(ref.id);
            if (it == known.end()) {
              auto has = sink.HasRegion(ref.id);
              if (!has.ok()) return has.status();
              it = known.emplace(ref.id, *has).first;
            }
            if (!it->second && !dangling) {
              // "partnerships[<in batch>]..." -> the index in the document.
              const size_t open = ref.path.find('['), close = ref.path.find(']');
              const size_t local = std::stoul(ref.path.substr(open + 1, close - open - 1));
              dangling = unknown_region(
                  "partnerships[" + std::to_string(first + local) + ref.path.substr(close), ref.id);
            }
          }
          std::vector<Partnership>& partnerships = batch.dossier.partnerships;
          for (size_t i = 0; i < partnerships.size(); ++i) {
            Partnership& p = partnerships[i];
            if (!seen.insert(p.id).second) {  // the same id in two batches
              fallback = true;
              return give_up;
            }
            std::optional<std::vector<std::string>> stored;
            if (params.mode != ImportMode::kReplace) {
              auto s = sink.StoredEventIds(p.id);
              if (!s.ok()) return s.status();
              stored = std::move(*s);
            }
            if (Status s =
                    prepare(first + i, p, stored, [&] { return sink.StoredPartnership(p.id); });
                !s.ok()) {
              return s;
            }
            events += p.events.size();
            ids.push_back(p.id);
            if (!dangling && refused == 0) {
              if (Status s = sink.PutPartnership(p); !s.ok()) return s;
            }
          }
          done += partnerships.size();
          if (params.progress) params.progress(done, total);
          if (partnerships.empty()) break;  // cannot happen: a batch is never empty
        }
        return Status::Ok();
      };
      Status consumed = consume();
      {
        std::lock_guard lock(mu);
        stop = true;
        changed.notify_all();
      }
      producer.join();
      if (!consumed.ok()) return consumed;
      if (dangling) return *dangling;
      if (refused > 0) return refusal();
      for (const auto& [key, value] : rest.extra) {
        if (Status s = sink.PutMember(key, value); !s.ok()) return s;
      }
      sink.SetChange(make_change(rest.regions.size(), std::move(ids), events));
      return Status::Ok();
    };
    auto stats = store.Import(req);
    if (!fallback) return stats;
    problems = Message{};
    refused = 0;
  }

  io::DossierReader reader(read);
  Dossier d;
  io::ReadReport report = reader.Read(bytes, &d);
  if (!report.ok()) return report.ToStatus();
  // The document's own errors first: region ids it names that nobody defines.
  if (!report.external_refs.empty()) {
    std::vector<std::string> named;
    for (const io::ExternalRegionRef& ref : report.external_refs) named.push_back(ref.id);
    auto known = store.KnownRegions(named);
    if (!known.ok()) return known.status();
    const std::unordered_set<std::string> ok(known->begin(), known->end());
    for (const io::ExternalRegionRef& ref : report.external_refs) {
      if (!ok.count(ref.id)) return unknown_region(ref.path, ref.id);
    }
  }

  std::vector<std::string> ids;
  ids.reserve(d.partnerships.size());
  for (const Partnership& p : d.partnerships) ids.push_back(p.id);
  std::unordered_map<std::string, std::vector<std::string>> stored;
  if (params.mode != ImportMode::kReplace) {
    auto s = store.StoredEventIds(ids);
    if (!s.ok()) return s.status();
    for (auto& [id, events] : *s) stored.emplace(id, std::move(events));
  }
  size_t events = 0;
  for (size_t i = 0; i < d.partnerships.size(); ++i) {
    Partnership& p = d.partnerships[i];
    std::optional<std::vector<std::string>> known;
    if (auto it = stored.find(p.id); it != stored.end()) known = it->second;
    auto load = [&]() -> Result<std::optional<Partnership>> {
      auto old = store.Partnership(p.id);
      if (!old.ok()) return old.status();
      return std::optional<Partnership>(std::move(old->partnerships.front()));
    };
    if (Status s = prepare(i, p, known, load); !s.ok()) return s;
    events += p.events.size();
  }
  if (refused > 0) return refusal();

  store::ImportRequest req;
  req.dossier = &d;
  req.external_refs = std::move(report.external_refs);
  req.source_name = params.file;
  req.progress = params.progress;
  req.change = make_change(d.regions.size(), std::move(ids), events);
  if (scoped) {
    req.precondition = [&](store::ImportSink& sink) -> Status {
      for (size_t i = 0; params.actor.may_write_region && i < d.regions.size(); ++i) {
        auto same = sink.StoresRegionAs(d.regions[i]);
        if (!same.ok()) return same.status();
        if (*same) continue;  // repeated unchanged: not a change
        if (Status s = params.actor.may_write_region(d.regions[i].id); !s.ok()) {
          return Status::PermissionDenied(
              "regions[" + std::to_string(i) + "]: " + s.message(Lang::kEn),
              "regions[" + std::to_string(i) + "]: " + s.message(Lang::kId));
        }
      }
      for (size_t i = 0; params.actor.may_write_partnership && i < d.partnerships.size(); ++i) {
        auto stored = sink.StoredPartnership(d.partnerships[i].id);
        if (!stored.ok()) return stored.status();
        const Partnership* before = *stored ? &**stored : nullptr;
        if (Status s = params.actor.may_write_partnership(before, &d.partnerships[i]); !s.ok()) {
          return Status::PermissionDenied(
              "partnerships[" + std::to_string(i) + "]: " + s.message(Lang::kEn),
              "partnerships[" + std::to_string(i) + "]: " + s.message(Lang::kId));
        }
      }
      return Status::Ok();
    };
  }
  return store.Import(req);
}

std::string PartnershipVersion(const Partnership& p) {
  std::string text;
  io::JsonWriter w(&text);
  io::WritePartnership(p, true, &w);
  return io::Sha256Hex(text);
}

Result<PartnershipRecord> GetPartnership(store::Store& store, const std::string& id) {
  auto d = store.Partnership(id);
  if (!d.ok()) return d.status();
  PartnershipRecord record;
  record.version = PartnershipVersion(d->partnerships.front());
  record.dossier = std::move(*d);
  return record;
}

namespace {

// "event.edit surabaya-liverpool.03: date title".
std::string Summary(const std::string& action, const std::string& id,
                    const std::vector<std::string>& changed) {
  std::string out = action + " " + id;
  if (!changed.empty()) out += ":";
  for (const std::string& m : changed) out += " " + m;
  return out;
}

Status ConflictWith(const std::string& id) {
  return Status::Conflict(
      "partnership '" + id +
          "' was changed by someone else since you read it: reload it and make your change "
          "again",
      "kemitraan '" + id +
          "' telah diubah orang lain sejak Anda membukanya: muat ulang lalu ulangi perubahan "
          "Anda");
}

// How an edit of a partnership guards its write: the version its author read
// (`if_match`, may be empty) and the version the edit itself read (`read`, empty
// when the partnership was not stored). Inside the write's transaction, the stored
// version must still be `read`; when it is not and no if_match was given, `*stale`
// is set so that the edit is made again on the new version (nothing is overwritten
// silently either way). Then the principal's scope is checked.
struct WriteGuard {
  std::string id;
  std::string if_match;
  std::string read;
  const store::Principal* actor = nullptr;
  bool* stale = nullptr;

  // Before anything is computed: the author's version against the one just read.
  Status CheckRead() const {
    if (!if_match.empty() && if_match != read) return ConflictWith(id);
    return Status::Ok();
  }
  Status Check(store::ImportSink& sink, const Partnership* after) const {
    auto stored = sink.StoredPartnership(id);
    if (!stored.ok()) return stored.status();
    const Partnership* before = *stored ? &**stored : nullptr;
    if ((before ? PartnershipVersion(*before) : std::string()) != read) {
      if (if_match.empty() && stale) *stale = true;
      return ConflictWith(id);
    }
    if (actor && actor->may_write_partnership) return actor->may_write_partnership(before, after);
    return Status::Ok();
  }
};

// Runs an edit until it is not overtaken by another writer between its read and its
// write; then the Conflict is returned. Writers that overtook each other wait a random
// while, growing with each attempt (1 to 64 ms), before reading again: without it, a
// few writers of one partnership kept overtaking each other in lockstep: under the
// sanitizers, with six writers on two partnerships, an edit lost five attempts in a
// row and answered 409 to a client that had sent no version at all.
template <typename F>
Result<EditResult> Retrying(F once) {
  constexpr int kAttempts = 12;
  thread_local std::minstd_rand jitter(std::random_device{}());
  for (int attempt = 0;; ++attempt) {
    bool stale = false;
    Result<EditResult> r = once(&stale);
    if (r.ok() || !stale || attempt + 1 == kAttempts) return r;
    const int most_ms = 1 << std::min(attempt, 6);
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<int>(100, most_ms * 1000)(jitter)));
  }
}

// Validates `doc` (the one record being edited, as it would be stored) by the import's
// rules and writes it with `change` in one transaction, after `guard` (when set)
// allowed it. Errors name the path as the person editing knows it (`relocate`:
// "partnerships[0].events[4]" -> "event"). `*version` gets the partnership's new version.
Status WriteEdited(store::Store& store, const io::ReadOptions& read, const json& doc,
                   store::ChangeRecord change,
                   const std::function<std::string(const std::string&)>& relocate,
                   const WriteGuard* guard = nullptr, std::string* version = nullptr) {
  io::DossierReader reader(read);
  Dossier updated;
  io::ReadReport report = reader.Read(doc.dump(), &updated);
  if (!report.ok()) {
    Message message;
    std::vector<Problem> problems;
    for (const io::Diagnostic& d : report.errors) {
      const bool first = message.en.empty();
      message.en += (first ? "" : "; ") + relocate(d.ToString(Lang::kEn));
      message.id += (first ? "" : "; ") + relocate(d.ToString(Lang::kId));
      problems.push_back({relocate(d.path), {d.message, d.message_id}});
    }
    return Status::InvalidInput(std::move(message)).WithProblems(std::move(problems));
  }
  store::ImportRequest req;
  req.dossier = &updated;
  req.external_refs = std::move(report.external_refs);
  req.log_import = false;
  req.change = std::move(change);
  if (guard) {
    const Partnership* after = updated.partnerships.empty() ? nullptr : &updated.partnerships[0];
    req.precondition = [guard, after](store::ImportSink& sink) {
      return guard->Check(sink, after);
    };
  }
  auto stats = store.Import(req);
  if (stats.ok()) {
    if (version && !updated.partnerships.empty()) {
      *version = PartnershipVersion(updated.partnerships[0]);
    }
    return Status::Ok();
  }
  // A region the record names that is not stored: say it at the record's path.
  const Status& s = stats.status();
  if (s.code() != StatusCode::kInvalidInput) return s;
  return Status::InvalidInput(relocate(s.message(Lang::kEn)), relocate(s.message(Lang::kId)));
}

}  // namespace

namespace {

Result<EditResult> EditEventOnce(store::Store& store, const io::ReadOptions& read,
                                 const EventEdit& edit, bool* stale) {
  auto current = store.Partnership(edit.partnership_id);
  if (!current.ok()) return current.status();
  const WriteGuard guard{edit.partnership_id, edit.if_match,
                         PartnershipVersion(current->partnerships.front()), &edit.actor, stale};
  if (Status s = guard.CheckRead(); !s.ok()) return s;
  json doc = json::parse(io::WriteDossier(*current));
  json& events = doc["partnerships"][0]["events"];

  EditResult result;
  result.record = edit.partnership_id;
  size_t index = events.size();
  if (edit.op != EventEdit::Op::kAdd) {
    for (size_t i = 0; i < events.size(); ++i) {
      if (events[i].value("id", "") == edit.event_id) index = i;
    }
    if (index == events.size()) {
      return Status::NotFound("partnership '" + edit.partnership_id +
                                  "' has no event with the id '" + edit.event_id + "'",
                              "kemitraan '" + edit.partnership_id +
                                  "' tidak memiliki peristiwa dengan id '" + edit.event_id + "'");
    }
    result.before = events[index].dump();
    result.event_id = edit.event_id;
  }
  json patch;
  if (edit.op != EventEdit::Op::kDelete) {
    patch = edit.event_json.empty()
                ? json::object()
                : json::parse(edit.event_json, nullptr, /*allow_exceptions=*/false);
    if (patch.is_discarded()) {
      return Status::InvalidInput("event: not valid JSON", "event: bukan JSON yang valid");
    }
    if (!patch.is_object()) {
      return Status::InvalidInput("event: must be a JSON object", "event: harus berupa objek JSON");
    }
    if (Status s = SetFields(edit.fields, &patch); !s.ok()) return s;
    if (patch.empty()) {
      return edit.op == EventEdit::Op::kAdd
                 ? Status::InvalidInput(
                       "give the event as JSON or with its members (type, date, ...)",
                       "berikan peristiwa dalam JSON (--json) atau dengan isiannya (--type, "
                       "--date, ...)")
                 : Status::InvalidInput(
                       "give the members to change, as JSON or one by one",
                       "berikan isian yang akan diubah, dalam JSON (--json) atau satu per satu");
    }
  }
  switch (edit.op) {
    case EventEdit::Op::kAdd: {
      if (!patch.contains("id")) {
        std::unordered_set<std::string> taken;
        for (const json& e : events) {
          if (e.contains("id") && e["id"].is_string()) taken.insert(e["id"].get<std::string>());
        }
        json with_id = {{"id", NextEventId(edit.partnership_id, taken)}};
        with_id.update(patch);  // keeps "id" first in the stored document
        patch = std::move(with_id);
      }
      events.push_back(patch);
      index = events.size() - 1;
      result.event_id = patch["id"].is_string() ? patch["id"].get<std::string>() : std::string();
      for (auto it = patch.begin(); it != patch.end(); ++it) {
        result.changed.push_back(it.key());
        result.diff.push_back(it.key() + ": " + it.value().dump());
      }
      break;
    }
    case EventEdit::Op::kEdit: {
      json& e = events[index];
      if (edit.replace) {  // the members not given are removed (the id stays)
        for (auto it = e.begin(); it != e.end(); ++it) {
          if (it.key() != "id" && !patch.contains(it.key())) patch[it.key()] = nullptr;
        }
      }
      for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().is_null()) {
          if (e.contains(it.key())) {
            result.diff.push_back(it.key() + ": " + e[it.key()].dump() + " -> (removed)");
            e.erase(it.key());
            result.changed.push_back(it.key());
          }
        } else if (!e.contains(it.key()) || e[it.key()] != it.value()) {
          result.diff.push_back(it.key() + ": " +
                                (e.contains(it.key()) ? e[it.key()].dump() : "(none)") + " -> " +
                                it.value().dump());
          e[it.key()] = it.value();
          result.changed.push_back(it.key());
        }
      }
      if (e.contains("id") && e["id"].is_string()) result.event_id = e["id"].get<std::string>();
      break;
    }
    case EventEdit::Op::kDelete:
      events.erase(index);
      break;
  }
  if (edit.op != EventEdit::Op::kDelete) result.after = events[index].dump();

  // The same rules as import, on the partnership as it would be stored.
  const std::string event_path = "partnerships[0].events[" + std::to_string(index) + "]";
  auto relocate = [&](const std::string& message) {
    return Relocate(Relocate(message, event_path, "event"), "partnerships[0]", "partnership");
  };
  static constexpr const char* kActions[] = {"event.add", "event.edit", "event.delete"};
  store::ChangeRecord change;
  change.actor = edit.actor.name;
  change.address = edit.actor.address;
  change.action = kActions[static_cast<int>(edit.op)];
  change.record = edit.partnership_id;
  change.summary = Summary(change.action, result.event_id, result.changed);
  change.before = result.before;
  change.after = result.after;
  change.partnerships = {edit.partnership_id};
  if (Status s =
          WriteEdited(store, read, doc, std::move(change), relocate, &guard, &result.version);
      !s.ok()) {
    return s;
  }
  return result;
}

Result<EditResult> EditRecordOnce(store::Store& store, const io::ReadOptions& read,
                                  const RecordEdit& edit, bool* stale) {
  const bool partnership = edit.kind == RecordEdit::Kind::kPartnership;
  const std::string what = partnership ? "partnership" : "region";
  const std::string what_id = partnership ? "kemitraan" : "daerah";
  const std::string list = partnership ? "partnerships" : "regions";
  json patch = edit.json.empty() ? json::object()
                                 : json::parse(edit.json, nullptr, /*allow_exceptions=*/false);
  if (patch.is_discarded()) {
    return Status::InvalidInput(what + ": not valid JSON", what_id + ": bukan JSON yang valid");
  }
  if (!patch.is_object()) {
    return Status::InvalidInput(what + ": must be a JSON object",
                                what_id + ": harus berupa objek JSON");
  }
  for (const auto& [key, value] : edit.members) {
    if (patch.contains(key)) {
      return Status::InvalidInput(
          what + "." + key + ": given both in the JSON and on its own; give it once",
          what_id + "." + key + ": diberikan di JSON dan tersendiri; berikan sekali saja");
    }
    json parsed = json::parse(value, nullptr, /*allow_exceptions=*/false);
    patch[key] = parsed.is_discarded() ? json(value) : std::move(parsed);
  }
  if (patch.empty()) {
    return Status::InvalidInput("give the " + what + " as JSON or with its members",
                                "berikan " + what_id + " dalam JSON atau dengan isiannya");
  }
  EditResult result;
  json record;
  std::string read_version;  // the partnership's version as read here; empty for a new one
  if (edit.op == RecordEdit::Op::kAdd) {
    if (!patch.contains("id") || !patch["id"].is_string()) {
      return Status::InvalidInput(what + ".id: a new " + what + " needs an id",
                                  what_id + ".id: " + what_id + " baru perlu id");
    }
    result.record = patch["id"].get<std::string>();
    if (partnership && !edit.if_match.empty()) {
      return ConflictWith(result.record);  // a new record has no version to match
    }
    store::Selection sel;
    (partnership ? sel.partnership_id : sel.region_id) = result.record;
    if (store.Export(sel).ok()) {
      return Status::InvalidInput(
          what + ".id: a " + what + " with the id '" + result.record + "' is already stored",
          what_id + ".id: " + what_id + " dengan id '" + result.record + "' sudah tersimpan");
    }
    record = std::move(patch);
    if (partnership && !record.contains("events")) record["events"] = json::array();
    for (auto it = record.begin(); it != record.end(); ++it) {
      if (it.key() == "events") continue;
      result.changed.push_back(it.key());
      result.diff.push_back(it.key() + ": " + it.value().dump());
    }
  } else {
    result.record = edit.id;
    if (patch.contains("id") && patch["id"] != json(edit.id)) {
      return Status::InvalidInput(
          what + ".id: an id cannot change; add a new " + what + " and delete this one",
          what_id + ".id: id tidak dapat diubah; tambahkan " + what_id +
              " baru lalu hapus yang ini");
    }
    if (partnership && patch.contains("events")) {
      return Status::InvalidInput(
          "partnership.events: change events one by one (kembar event add|edit|delete)",
          "kemitraan.events: ubah peristiwa satu per satu (kembar event add|edit|delete)");
    }
    store::Selection sel;
    (partnership ? sel.partnership_id : sel.region_id) = edit.id;
    auto current = partnership ? store.Partnership(edit.id) : store.Export(sel);
    if (!current.ok()) return current.status();
    if (partnership) read_version = PartnershipVersion(current->partnerships.front());
    json doc = json::parse(io::WriteDossier(*current));
    for (json& r : doc[list]) {
      if (r.value("id", "") == edit.id) record = r;
    }
    if (record.is_null()) {
      return Status::NotFound("no " + what + " has the id '" + edit.id + "'",
                              "tidak ada " + what_id + " dengan id '" + edit.id + "'");
    }
    json before = record;
    if (partnership) before.erase("events");
    result.before = before.dump();
    if (edit.replace) {  // the members not given are removed (the id and events stay)
      for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.key() != "id" && it.key() != "events" && !patch.contains(it.key())) {
          patch[it.key()] = nullptr;
        }
      }
    }
    for (auto it = patch.begin(); it != patch.end(); ++it) {
      if (it.value().is_null()) {
        if (record.contains(it.key())) {
          result.diff.push_back(it.key() + ": " + record[it.key()].dump() + " -> (removed)");
          record.erase(it.key());
          result.changed.push_back(it.key());
        }
      } else if (!record.contains(it.key()) || record[it.key()] != it.value()) {
        result.diff.push_back(it.key() + ": " +
                              (record.contains(it.key()) ? record[it.key()].dump() : "(none)") +
                              " -> " + it.value().dump());
        record[it.key()] = it.value();
        result.changed.push_back(it.key());
      }
    }
  }
  json after = record;
  if (partnership) after.erase("events");
  result.after = after.dump();

  // The same rules as import, on the record as it would be stored; the regions a
  // partnership names must be stored ones.
  json doc = {
      {"format", "kembar-dossier/1"}, {"regions", json::array()}, {"partnerships", json::array()}};
  doc[list].push_back(record);
  auto relocate = [&](const std::string& message) { return Relocate(message, list + "[0]", what); };
  io::ReadOptions options = read;
  options.allow_external_refs = true;  // the parties are stored regions
  store::ChangeRecord change;
  change.actor = edit.actor.name;
  change.address = edit.actor.address;
  change.action = what + (edit.op == RecordEdit::Op::kAdd ? ".add" : ".edit");
  change.record = result.record;
  change.summary = Summary(change.action, result.record, result.changed);
  change.before = result.before;
  change.after = result.after;
  if (partnership) change.partnerships = {result.record};
  const WriteGuard guard{result.record, edit.if_match, read_version, &edit.actor, stale};
  if (Status s = guard.CheckRead(); partnership && !s.ok()) return s;
  if (!partnership && edit.actor.may_write_region) {
    if (Status s = edit.actor.may_write_region(result.record); !s.ok()) return s;
  }
  if (Status s = WriteEdited(store, options, doc, std::move(change), relocate,
                             partnership ? &guard : nullptr, &result.version);
      !s.ok()) {
    return s;
  }
  return result;
}

}  // namespace

Result<EditResult> EditEvent(store::Store& store, const io::ReadOptions& read,
                             const EventEdit& edit) {
  return Retrying([&](bool* stale) { return EditEventOnce(store, read, edit, stale); });
}

Result<EditResult> EditRecord(store::Store& store, const io::ReadOptions& read,
                              const RecordEdit& edit) {
  return Retrying([&](bool* stale) { return EditRecordOnce(store, read, edit, stale); });
}

Result<EditResult> DeleteRecord(store::Store& store, const DeleteParams& params) {
  const bool partnership = params.kind == DeleteParams::Kind::kPartnership;
  store::Selection sel;
  (partnership ? sel.partnership_id : sel.region_id) = params.id;
  EditResult result;
  result.record = params.id;
  auto current = store.Export(sel);
  if (!current.ok()) return current.status();
  if (partnership) {
    result.before = io::WriteDossier(*current);
  } else {
    for (const Region& r : current->regions) {
      if (r.id == params.id) {
        std::string text;
        io::JsonWriter w(&text);
        io::WriteRegion(r, &w);
        result.before = text;
      }
    }
  }
  store::ChangeRecord change;
  change.actor = params.actor.name;
  change.address = params.actor.address;
  change.action = partnership ? "partnership.delete" : "region.delete";
  change.record = params.id;
  change.summary = change.action + " " + params.id;
  change.before = result.before;
  if (partnership) change.partnerships = {params.id};
  // Checked inside the delete's transaction, on the record as stored then.
  std::string read_version;
  if (partnership) read_version = PartnershipVersion(current->partnerships.front());
  if (partnership && !params.if_match.empty() && params.if_match != read_version) {
    return ConflictWith(params.id);
  }
  store::Store::DeleteCheck check;
  if (partnership) {
    check = [&](const Dossier& stored) -> Status {
      const Partnership& before = stored.partnerships.front();
      if (!params.if_match.empty() && PartnershipVersion(before) != params.if_match) {
        return ConflictWith(params.id);
      }
      if (params.actor.may_write_partnership) {
        return params.actor.may_write_partnership(&before, nullptr);
      }
      return Status::Ok();
    };
  } else if (params.actor.may_write_region) {
    check = [&](const Dossier&) { return params.actor.may_write_region(params.id); };
  }
  const Status s = partnership ? store.DeletePartnership(params.id, change, check)
                               : store.DeleteRegion(params.id, change, check);
  if (!s.ok()) return s;
  return result;
}

}  // namespace kembar::engine
