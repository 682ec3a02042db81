#include "engine/records.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "kembar/io/digest.h"
#include "kembar/io/dossier_writer.h"

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
      return Status::InvalidInput(std::string("event.") + key +
                                  ": given both in the JSON and on its own; give it once");
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
  io::DossierReader reader(read);
  Dossier d;
  io::ReadReport report = reader.ReadFile(params.file, &d);
  if (!report.ok()) return report.ToStatus();
  // The document's own errors first: region ids it names that nobody defines.
  if (!report.external_refs.empty()) {
    std::vector<std::string> named;
    for (const io::ExternalRegionRef& ref : report.external_refs) named.push_back(ref.id);
    auto known = store.KnownRegions(named);
    if (!known.ok()) return known.status();
    const std::unordered_set<std::string> ok(known->begin(), known->end());
    for (const io::ExternalRegionRef& ref : report.external_refs) {
      if (!ok.count(ref.id)) {
        return Status::InvalidInput(ref.path + ": region '" + ref.id +
                                    "' is neither defined in the document's regions nor known to "
                                    "the database");
      }
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

  if (params.mode == ImportMode::kRefuseDrops) {
    std::string problems;
    size_t n = 0;
    for (size_t i = 0; i < d.partnerships.size(); ++i) {
      const Partnership& p = d.partnerships[i];
      auto it = stored.find(p.id);
      if (it == stored.end()) continue;
      std::unordered_set<std::string> in_doc;
      for (const Event& e : p.events) {
        if (e.id) in_doc.insert(*e.id);
      }
      std::vector<std::string> lost;
      for (const std::string& id : it->second) {
        if (!in_doc.count(id)) lost.push_back(id);
      }
      if (lost.empty()) continue;
      if (++n <= 20) {
        problems += "\n  partnerships[" + std::to_string(i) + "] '" + p.id + "' would lose " +
                    std::to_string(lost.size()) + " of its " + std::to_string(it->second.size()) +
                    " stored events (" + lost.front() + (lost.size() > 1 ? ", ..." : "") + ")";
      }
    }
    if (n > 0) {
      return Status::InvalidInput(
          "the document would drop events already stored" + problems +
          (n > 20 ? "\n  (and " + std::to_string(n - 20) + " more partnerships)" : "") +
          "\nimport with --merge to add the new events and update the known ones, or with "
          "--replace to replace these timelines");
    }
  } else if (params.mode == ImportMode::kMerge) {
    for (Partnership& p : d.partnerships) {
      if (!stored.count(p.id)) continue;
      store::Selection sel;
      sel.partnership_id = p.id;
      auto old = store.Export(sel);
      if (!old.ok()) return old.status();
      std::vector<Event> merged = std::move(old->partnerships.front().events);
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

  // Stable ids for the events that have none, never one already stored.
  for (Partnership& p : d.partnerships) {
    std::unordered_set<std::string> taken;
    for (const Event& e : p.events) {
      if (e.id) taken.insert(*e.id);
    }
    if (auto it = stored.find(p.id); it != stored.end())
      taken.insert(it->second.begin(), it->second.end());
    for (Event& e : p.events) {
      if (e.id) continue;
      e.id = NextEventId(p.id, taken);
      taken.insert(*e.id);
    }
  }

  std::string bytes;
  {
    std::ifstream f(params.file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  size_t events = 0;
  for (const Partnership& p : d.partnerships) events += p.events.size();
  store::ChangeRecord change;
  change.actor = params.actor.name;
  change.action = "import";
  change.record = params.file;
  static constexpr const char* kModes[] = {"refuse drops", "merge", "replace"};
  change.summary = "sha256:" + io::Sha256Hex(bytes) + ", " + std::to_string(d.regions.size()) +
                   " regions, " + std::to_string(d.partnerships.size()) + " partnerships, " +
                   std::to_string(events) + " events (" + kModes[static_cast<int>(params.mode)] +
                   ")";
  change.partnerships = std::move(ids);

  store::ImportRequest req;
  req.dossier = &d;
  req.external_refs = std::move(report.external_refs);
  req.source_name = params.file;
  req.progress = params.progress;
  req.change = std::move(change);
  return store.Import(req);
}

Result<EditResult> EditEvent(store::Store& store, const io::ReadOptions& read,
                             const EventEdit& edit) {
  store::Selection sel;
  sel.partnership_id = edit.partnership_id;
  auto current = store.Export(sel);
  if (!current.ok()) return current.status();
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
                              "' has no event with the id '" + edit.event_id + "'");
    }
    result.before = events[index].dump();
    result.event_id = edit.event_id;
  }
  json patch;
  if (edit.op != EventEdit::Op::kDelete) {
    patch = edit.event_json.empty()
                ? json::object()
                : json::parse(edit.event_json, nullptr, /*allow_exceptions=*/false);
    if (patch.is_discarded()) return Status::InvalidInput("event: not valid JSON");
    if (!patch.is_object()) return Status::InvalidInput("event: must be a JSON object");
    if (Status s = SetFields(edit.fields, &patch); !s.ok()) return s;
    if (patch.empty()) {
      return Status::InvalidInput(
          edit.op == EventEdit::Op::kAdd
              ? "give the event as JSON or with its members (type, date, ...)"
              : "give the members to change, as JSON or one by one");
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
  io::DossierReader reader(read);
  Dossier updated;
  io::ReadReport report = reader.Read(doc.dump(), &updated);
  if (!report.ok()) {
    std::string message;
    for (const io::Diagnostic& d : report.errors) {
      message += (message.empty() ? "" : "; ") + relocate(d.ToString());
    }
    return Status::InvalidInput(message);
  }
  static constexpr const char* kActions[] = {"event.add", "event.edit", "event.delete"};
  store::ChangeRecord change;
  change.actor = edit.actor.name;
  change.action = kActions[static_cast<int>(edit.op)];
  change.record = edit.partnership_id;
  change.summary = std::string(change.action) + " " + result.event_id;
  if (!result.changed.empty()) {
    change.summary += ":";
    for (const std::string& m : result.changed) change.summary += " " + m;
  }
  change.before = result.before;
  change.after = result.after;
  change.partnerships = {edit.partnership_id};

  store::ImportRequest req;
  req.dossier = &updated;
  req.external_refs = std::move(report.external_refs);
  req.log_import = false;
  req.change = std::move(change);
  auto stats = store.Import(req);
  if (!stats.ok()) {
    // A region the event names that is not stored: say it at the event's path.
    if (stats.status().code() == StatusCode::kInvalidInput) {
      return Status::InvalidInput(relocate(stats.status().message()));
    }
    return stats.status();
  }
  return result;
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
  change.action = partnership ? "partnership.delete" : "region.delete";
  change.record = params.id;
  change.summary = change.action + " " + params.id;
  change.before = result.before;
  if (partnership) change.partnerships = {params.id};
  const Status s = partnership ? store.DeletePartnership(params.id, change)
                               : store.DeleteRegion(params.id, change);
  if (!s.ok()) return s;
  return result;
}

}  // namespace kembar::engine
