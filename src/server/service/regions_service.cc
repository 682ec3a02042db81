#include "server/service/regions_service.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "server/service/profile_service.h"
#include "server/service/read_params.h"

namespace kembar::server {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool Matches(const store::RegionRow& row, const std::string& needle) {
  if (Lower(row.id).find(needle) != std::string::npos) return true;
  if (Lower(row.name).find(needle) != std::string::npos) return true;
  return std::any_of(row.other_names.begin(), row.other_names.end(), [&](const std::string& n) {
    return Lower(n).find(needle) != std::string::npos;
  });
}

}  // namespace

HttpResponse RegionsService::List(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto rows = env_.WithKembar([](Kembar& k) { return k.Regions(); });
  if (!rows.ok()) return ctx.Error(rows.status());
  std::string needle;
  if (auto it = ctx.request.query.find("text"); it != ctx.request.query.end()) {
    needle = Lower(it->second);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const store::RegionRow& row : *rows) {
    if (needle.empty() || Matches(row, needle)) {
      items.push_back(RegionRowJson(row, std::get<Lang>(lang)));
    }
  }
  const size_t total = items.size();
  return JsonResponse(200, {{"items", std::move(items)}, {"total", total}});
}

HttpResponse RegionsService::Get(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto as_of = AsOfParam(env_, ctx);
  if (auto e = ErrorOf(as_of)) return *e;
  auto id = env_.WithKembar([&](Kembar& k) { return k.ResolveRegion(ctx.params.at("id")); });
  if (!id.ok()) return ctx.Error(id.status());
  auto rows = env_.WithKembar([](Kembar& k) { return k.Regions(); });
  if (!rows.ok()) return ctx.Error(rows.status());
  std::unordered_map<std::string_view, const store::RegionRow*> by_id;
  for (const store::RegionRow& r : *rows) by_id.emplace(r.id, &r);
  auto row = by_id.find(*id);
  if (row == by_id.end()) return ctx.Error(Status::NotFound("no region '" + *id + "'"));
  store::Selection selection;
  selection.region_id = *id;
  auto summaries = env_.WithKembar([&](Kembar& k) { return k.List(selection); });
  if (!summaries.ok()) return ctx.Error(summaries.status());
  AssessOptions options;
  options.as_of = std::get<Day>(as_of);
  auto snapshot = env_.WithKembar([&](Kembar& k) { return k.AssessAll(options); });
  if (!snapshot.ok()) return ctx.Error(snapshot.status());
  const AssessSnapshot& s = **snapshot;
  auto profile = env_.WithKembar([&](Kembar& k) { return k.Profile(*id); });
  if (!profile.ok()) return ctx.Error(profile.status());
  nlohmann::json partnerships = nlohmann::json::array();
  for (const auto& summary : *summaries) {
    nlohmann::json item = PartnershipSummaryJson(summary);
    // Both parties' country, names by language and coordinates (when the dossier gives
    // them).
    for (const char* side : {"home", "partner"}) {
      nlohmann::json& party = item[side];
      auto r = by_id.find(party["id"].get<std::string>());
      if (r == by_id.end()) continue;
      party["country"] = r->second->country;
      nlohmann::json names = nlohmann::json::object();
      for (const auto& [tag, name] : r->second->names) names[tag] = name;
      party["names"] = std::move(names);
      if (r->second->lat && r->second->lon) {
        party["lat"] = Coordinate(*r->second->lat);
        party["lon"] = Coordinate(*r->second->lon);
      }
    }
    // The condition and the distance of the dashboards' snapshot (as of ?as_of=).
    item["condition"] = nullptr;
    item["distance_km"] = nullptr;
    if (auto a = s.index.find(summary.id); a != s.index.end()) {
      const assess::PartnershipAssessment& pa = s.report.assessments[a->second];
      item["condition"] = assess::ToString(pa.condition);
      if (pa.indicators.distance_km) {
        item["distance_km"] = std::round(*pa.indicators.distance_km * 10) / 10;
      }
    }
    partnerships.push_back(std::move(item));
  }
  return JsonResponse(200, {{"region", RegionRowJson(*row->second, std::get<Lang>(lang))},
                            {"as_of", FormatDay(s.as_of)},
                            {"profile", ProfileJson(profile->profile)},
                            {"partnerships", std::move(partnerships)}});
}

}  // namespace kembar::server
