#include "engine/search.h"

#include <unordered_set>

#include "kembar/geo/countries.h"

namespace kembar::engine {

namespace {

bool Contains(const std::string& folded_haystack, const std::string& folded_needle) {
  return !folded_needle.empty() && folded_haystack.find(folded_needle) != std::string::npos;
}

}  // namespace

Result<SearchResult> Search(store::Store& store, const SearchParams& params) {
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  const std::string q = gaz.Fold(params.text);
  if (q.empty()) {
    return Status::InvalidInput("search: give a name to look for",
                                "search: berikan nama yang akan dicari");
  }
  SearchResult out;
  if (auto c = geo::ResolveCountry(params.text); c.ok()) out.country = *c;

  auto regions = store.Regions();
  if (!regions.ok()) return regions.status();
  std::unordered_set<std::string> matched_regions;
  for (store::RegionRow& r : *regions) {
    bool hit = Contains(gaz.Fold(r.name), q) || Contains(gaz.Fold(r.id), q);
    for (const std::string& n : r.other_names) hit = hit || Contains(gaz.Fold(n), q);
    if (!hit) continue;
    matched_regions.insert(r.id);
    if (out.regions.size() < params.limit) out.regions.push_back(std::move(r));
  }

  auto rows = store.List({});
  if (!rows.ok()) return rows.status();
  for (store::PartnershipSummary& p : *rows) {
    if (out.partnerships.size() >= params.limit) break;
    const bool hit = Contains(gaz.Fold(p.id), q) || matched_regions.count(p.home_id) ||
                     matched_regions.count(p.partner_id) ||
                     (out.country && p.partner_country == *out.country);
    if (hit) out.partnerships.push_back(std::move(p));
  }

  for (size_t i : gaz.FindByName(params.text)) {
    if (out.places.size() >= params.limit) break;
    out.places.push_back(&gaz.at(i));
  }
  return out;
}

Result<std::string> ResolveRegion(store::Store& store, const std::string& text) {
  auto regions = store.Regions();
  if (!regions.ok()) return regions.status();
  const geo::Gazetteer& gaz = geo::Gazetteer::Bundled();
  const std::string q = gaz.Fold(text);
  std::vector<const store::RegionRow*> hits;
  for (const store::RegionRow& r : *regions) {
    if (r.id == text) return r.id;
    bool hit = gaz.Fold(r.name) == q;
    for (const std::string& n : r.other_names) hit = hit || gaz.Fold(n) == q;
    if (hit) hits.push_back(&r);
  }
  if (hits.size() == 1) return hits.front()->id;
  if (hits.empty()) {
    return Status::NotFound("no stored region has the id or name '" + text + "'",
                            "tidak ada daerah tersimpan dengan id atau nama '" + text + "'");
  }
  std::string list;
  for (const store::RegionRow* r : hits)
    list += (list.empty() ? "" : ", ") + r->id + " (" + r->country + ")";
  return Status::InvalidInput(
      "'" + text + "' names several regions: " + list + "; give the id",
      "'" + text + "' cocok dengan beberapa daerah: " + list + "; berikan id daerahnya");
}

}  // namespace kembar::engine
