// The national picture's groups (per province of the home region, or per partner
// country) and their main reasons: shared by `kembar status --by`, GET /api/status
// and the national report. Private to the rendering layer.
#ifndef KEMBAR_SRC_REPORT_STATUS_GROUPS_H_
#define KEMBAR_SRC_REPORT_STATUS_GROUPS_H_

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kembar/assess/assessment.h"
#include "kembar/assess/messages.h"
#include "kembar/geo/countries.h"
#include "kembar/model/dossier.h"
#include "kembar/report/assessment_text.h"

namespace kembar::report::internal {

using assess::ConceptCode;
using assess::Condition;
using assess::PartnershipAssessment;
using assess::Text;

// One row of the national picture.
struct StatusGroup {
  // A stable key: the province's region id, the partner country's ISO code, or
  // "abroad" (foreign-to-foreign ties) and "unknown" (no province or country).
  std::string id;
  std::string name;           // in the caller's language: the region's `names`, else its name
  std::array<size_t, 6> n{};  // per Condition value
  size_t total = 0, agreed = 0, idle = 0;
  std::array<size_t, assess::kConceptCount> reasons{};  // per ConceptCode value

  size_t count(Condition c) const { return n[static_cast<size_t>(c)]; }
  void Add(const PartnershipAssessment& a) {
    ++total;
    ++n[static_cast<size_t>(a.condition)];
    if (a.agreement.signed_) {
      ++agreed;
      if (a.condition == Condition::kDormant || a.condition == Condition::kEnded) ++idle;
    }
    for (const auto& c : a.concepts) {
      if (!assess::IsAdvisory(c.code)) ++reasons[static_cast<size_t>(c.code)];
    }
  }
  // Adds g's counts (the first id and name given stay).
  void Merge(const StatusGroup& g) {
    if (id.empty()) id = g.id;
    if (name.empty()) name = g.name;
    for (size_t i = 0; i < n.size(); ++i) n[i] += g.n[i];
    for (size_t i = 0; i < reasons.size(); ++i) reasons[i] += g.reasons[i];
    total += g.total;
    agreed += g.agreed;
    idle += g.idle;
  }
};

// A region's name in `lang` (its `names` entry), else its name.
inline const std::string& LocalName(const Region& r, Lang lang) {
  const std::string_view tag = ToString(lang);
  for (const auto& [t, name] : r.names) {
    if (t == tag) return name;
  }
  return r.name;
}

// The partnerships grouped per province of the home region or per partner country
// (named in `lang`), in key order: what FormatStatusBy and StatusByJson show. The key
// is the group's name in `lang` (a province's `names` entry: "East Java" in English,
// "Jawa Timur" in Indonesian; a country's name), so that each language reads in its
// own alphabetical order; each group also carries its stable `id` and that `name`. Counts first per
// deciding region (the home region, or the partner), then per name, so that the names are worked
// out once per region rather than once per partnership.
template <typename Assessments, typename Deref>
std::map<std::string, StatusGroup> GroupStatus(const Dossier& dossier, const Assessments& as,
                                               Deref deref, GroupBy by, Lang lang) {
  std::unordered_map<std::string_view, const Region*> regions;
  regions.reserve(dossier.regions.size());
  for (const Region& r : dossier.regions) regions.emplace(r.id, &r);
  auto find = [&](const std::string& id) -> const Region* {
    auto it = regions.find(id);
    return it == regions.end() ? nullptr : it->second;
  };
  std::unordered_map<const Region*, StatusGroup> per_region;
  for (const auto& item : as) {
    const PartnershipAssessment& a = deref(item);
    per_region[find(by == GroupBy::kCountry ? a.partner : a.home)].Add(a);
  }
  const bool id = lang == Lang::kId;
  std::map<std::string, StatusGroup> groups;
  std::unordered_map<std::string_view, std::string> country_names;
  for (auto& [r, g] : per_region) {
    std::string key;
    if (by == GroupBy::kCountry) {
      if (!r) {
        key = "?";
        g.id = "unknown";
      } else {
        // Named once per country, not once per partner region.
        auto [it, added] = country_names.try_emplace(r->country);
        if (added) it->second = geo::CountryName(r->country, id);
        key = it->second;
        g.id = r->country;
      }
      g.name = key;
    } else if (r && r->country != "ID") {
      // Ties between two foreign places (the worldwide network) have no province.
      key = std::string(Text("province_abroad", lang));
      g.id = "abroad";
      g.name = key;
    } else if (r && r->level == Level::kProvince) {
      key = LocalName(*r, lang);
      g.id = r->id;
      g.name = key;
    } else if (r && r->parent) {
      const Region* parent = find(*r->parent);
      key = parent ? LocalName(*parent, lang) : *r->parent;
      g.id = *r->parent;
      g.name = key;
    } else {
      key = std::string(Text("province_unknown", lang));
      g.id = "unknown";
      g.name = key;
    }
    groups[key].Merge(g);
  }
  return groups;
}

// A group's reasons, most frequent first (ties in code order), at most `n`.
inline std::vector<std::pair<size_t, ConceptCode>> TopReasons(const StatusGroup& g, size_t n) {
  std::vector<std::pair<size_t, ConceptCode>> reasons;
  for (size_t c = 0; c < g.reasons.size(); ++c) {
    if (g.reasons[c]) reasons.emplace_back(g.reasons[c], static_cast<ConceptCode>(c));
  }
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  if (reasons.size() > n) reasons.resize(n);
  return reasons;
}

}  // namespace kembar::report::internal

#endif  // KEMBAR_SRC_REPORT_STATUS_GROUPS_H_
