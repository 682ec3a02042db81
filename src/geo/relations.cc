#include "kembar/geo/relations.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "kembar/geo/countries.h"
#include "kembar/geo/reference_data.h"
#include "kembar/io/csv.h"

namespace kembar::geo {

namespace {

template <typename Fn>
Status ForEachRecord(std::string_view text, std::string_view name, size_t min_fields, Fn fn) {
  Status status;
  std::vector<std::string> f;
  io::csv::ForEachLine(text, [&](size_t line_no, std::string_view line) {
    const std::string where = std::string(name) + " line " + std::to_string(line_no);
    if (!io::csv::SplitRecord(line, &f)) {
      status = Status::InvalidInput(where + ": unbalanced quotes");
    } else if (f.size() < min_fields) {
      status = Status::InvalidInput(where + ": expected " + std::to_string(min_fields) +
                                    " fields, found " + std::to_string(f.size()));
    } else {
      status = fn(f, line_no);
    }
    return status.ok();
  });
  return status;
}

bool IsIso(const std::string& s) {
  return s.size() == 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1]));
}

// What a mission type says about relations.
enum class Weight { kOfficial, kDeFacto, kIgnored };
Weight WeightOf(std::string_view type) {
  if (type == "de_facto") return Weight::kDeFacto;
  // Honorary consuls are private citizens and missions to international organisations
  // say nothing about a bilateral tie.
  if (type == "honorary_consulate" || type == "other") return Weight::kIgnored;
  return Weight::kOfficial;
}

}  // namespace

std::string_view ToString(RelationStatus status) {
  switch (status) {
    case RelationStatus::kOfficial:
      return "official";
    case RelationStatus::kDeFacto:
      return "de_facto";
    case RelationStatus::kNone:
      return "none";
  }
  return "none";
}

uint32_t Relations::Key(std::string_view a, std::string_view b) {
  auto code = [](std::string_view s) {
    return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) << 8 |
           static_cast<unsigned char>(s[1]);
  };
  uint32_t x = code(a), y = code(b);
  if (x > y) std::swap(x, y);
  return x << 16 | y;
}

Result<Relations> Relations::Parse(std::string_view missions_csv, std::string_view overrides_csv) {
  Relations r;
  Status s = ForEachRecord(
      missions_csv, "diplomatic_missions.csv", 5,
      [&](const std::vector<std::string>& f, size_t line) -> Status {
        Mission m{f[0], f[1], f[2], f[3], f[4], {}};
        if (!IsIso(m.operator_iso) || !IsIso(m.host_iso)) {
          return Status::InvalidInput("diplomatic_missions.csv line " + std::to_string(line) +
                                      ": country codes must be two capital letters");
        }
        if (f.size() > 5 && !f[5].empty()) {
          std::string_view j = f[5];
          while (!j.empty()) {
            const size_t bar = j.find('|');
            std::string code(j.substr(0, bar));
            if (IsIso(code)) m.jurisdictions.push_back(code);
            j = bar == std::string_view::npos ? std::string_view() : j.substr(bar + 1);
          }
        }
        r.missions_.push_back(std::move(m));
        return Status::Ok();
      });
  if (!s.ok()) return s;
  for (size_t i = 0; i < r.missions_.size(); ++i) {
    const Mission& m = r.missions_[i];
    if (WeightOf(m.type) == Weight::kIgnored) continue;
    std::vector<std::string> hosts = {m.host_iso};
    hosts.insert(hosts.end(), m.jurisdictions.begin(), m.jurisdictions.end());
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    for (const std::string& host : hosts) {
      if (host != m.operator_iso) r.by_pair_[Key(m.operator_iso, host)].push_back(i);
    }
  }
  s = ForEachRecord(
      overrides_csv, "relations_overrides.csv", 4,
      [&](const std::vector<std::string>& f, size_t line) -> Status {
        RelationStatus st;
        if (f[2] == "official") {
          st = RelationStatus::kOfficial;
        } else if (f[2] == "de_facto") {
          st = RelationStatus::kDeFacto;
        } else if (f[2] == "none") {
          st = RelationStatus::kNone;
        } else {
          return Status::InvalidInput("relations_overrides.csv line " + std::to_string(line) +
                                      ": unknown status '" + f[2] + "'");
        }
        if (!IsIso(f[0]) || !IsIso(f[1]) || f[3].empty()) {
          return Status::InvalidInput("relations_overrides.csv line " + std::to_string(line) +
                                      ": needs two country codes and a source");
        }
        r.overrides_[Key(f[0], f[1])] = {st, f[3]};
        return Status::Ok();
      });
  if (!s.ok()) return s;
  for (const auto& [key, list] : r.by_pair_) {
    bool official = false;
    for (size_t i : list) official |= WeightOf(r.missions_[i].type) == Weight::kOfficial;
    r.status_[key] = official ? RelationStatus::kOfficial : RelationStatus::kDeFacto;
  }
  for (const auto& [key, o] : r.overrides_) r.status_[key] = o.first;
  return r;
}

RelationStatus Relations::StatusBetween(std::string_view a, std::string_view b) const {
  if (a.size() != 2 || b.size() != 2) return RelationStatus::kNone;
  if (a == b) return RelationStatus::kOfficial;
  auto it = status_.find(Key(a, b));
  if (it != status_.end()) return it->second;
  // A territory (Hong Kong, New Caledonia, Puerto Rico) follows its sovereign state
  // unless the pair itself has missions or an override.
  const std::string sa = SovereignOf(a), sb = SovereignOf(b);
  if (sa != a || sb != b) return StatusBetween(sa, sb);
  return RelationStatus::kNone;
}

const Relations& Relations::Bundled() {
  static const Relations bundled = [] {
    auto r = Parse(DiplomaticMissionsCsv(), RelationsOverridesCsv());
    // The tables are compiled in and tested: failing here is a build defect.
    if (!r.ok()) throw std::logic_error("bundled relations data: " + r.status().message());
    return std::move(*r);
  }();
  return bundled;
}

Relation Relations::Between(std::string_view a, std::string_view b) const {
  Relation out;
  if (a.size() != 2 || b.size() != 2) return out;
  if (a == b) {
    out.status = RelationStatus::kOfficial;
    return out;
  }
  const uint32_t key = Key(a, b);
  bool official = false, de_facto = false;
  if (auto it = by_pair_.find(key); it != by_pair_.end()) {
    for (size_t i : it->second) {
      const Mission& m = missions_[i];
      out.missions.push_back(&m);
      (WeightOf(m.type) == Weight::kDeFacto ? de_facto : official) = true;
    }
  }
  out.status = official   ? RelationStatus::kOfficial
               : de_facto ? RelationStatus::kDeFacto
                          : RelationStatus::kNone;
  if (auto it = overrides_.find(key); it != overrides_.end()) {
    out.status = it->second.first;
    out.override_source = it->second.second;
  } else if (out.missions.empty()) {
    const std::string sa = SovereignOf(a), sb = SovereignOf(b);
    if (sa != a || sb != b) {
      Relation sovereign = Between(sa, sb);
      sovereign.via_sovereign = sa + "-" + sb;
      return sovereign;
    }
  }
  return out;
}

}  // namespace kembar::geo
