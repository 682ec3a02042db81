#include "server/service/finder_service.h"

#include <chrono>
#include <optional>

#include "kembar/geo/countries.h"
#include "kembar/model/vocab.h"
#include "kembar/report/network_text.h"
#include "server/service/profile_service.h"
#include "server/service/read_params.h"

namespace kembar::server {

namespace {

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

HttpResponse FinderService::Get(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto region = RequiredParam(ctx, "region");
  if (auto e = ErrorOf(region)) return *e;
  auto limit = IntParam(ctx, "limit", 10, 1, 100);
  if (auto e = ErrorOf(limit)) return *e;
  const auto& query = ctx.request.query;
  FindOptions fo;
  fo.top = static_cast<size_t>(std::get<int>(limit));
  fo.today = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(env_.clock())));
  if (auto it = query.find("needs"); it != query.end()) {
    for (const std::string& name : SplitCommas(it->second)) {
      auto f = ParseVocab<Field>(name);
      if (!f) return ctx.Error(BadRequest("unknown need '" + name + "'", "needs"));
      fo.needs.push_back(*f);
    }
  }
  if (auto it = query.find("level"); it != query.end() && !it->second.empty()) {
    fo.level = ParseVocab<Level>(it->second);
    if (!fo.level) return ctx.Error(BadRequest("unknown level '" + it->second + "'", "level"));
  }
  if (auto it = query.find("country"); it != query.end() && !it->second.empty()) {
    if (!geo::ResolveCountry(it->second).ok()) {
      return ctx.Error(BadRequest("unknown country '" + it->second + "'", "country"));
    }
    fo.country = it->second;
  }
  auto r =
      env_.WithKembar([&](Kembar& k) { return k.FindPartners(std::get<std::string>(region), fo); });
  if (!r.ok()) {
    ApiError e = ErrorFromStatus(r.status());
    e.field = "region";
    return ctx.Error(e);
  }
  nlohmann::json body = nlohmann::json::parse(
      report::CandidatesJson(r->region_id, r->places, r->candidates, r->needs_unscored));
  const bool id = std::get<Lang>(lang) == Lang::kId;
  body["region_name"] = r->region_name;
  // Where the region is: the stored region's coordinates, else the network place's.
  std::optional<double> lat, lon;
  auto rows = env_.WithKembar([](Kembar& k) { return k.Regions(); });
  if (!rows.ok()) return ctx.Error(rows.status());
  bool stored = false;
  for (const store::RegionRow& row : *rows) {
    if (row.id == r->region_id) {
      lat = row.lat;
      lon = row.lon;
      stored = true;
      break;
    }
  }
  // A stored region's partner-wanted profile, as GET /api/regions/{id}/profile has it.
  if (stored) {
    auto profile = env_.WithKembar([&](Kembar& k) { return k.Profile(r->region_id); });
    if (!profile.ok()) return ctx.Error(profile.status());
    body["region_profile"] = ProfileJson(profile->profile);
  }
  if (!(lat && lon) && r->graph) {
    if (auto node = r->graph->FindId(r->region_id)) {
      lat = r->graph->node(*node).lat;
      lon = r->graph->node(*node).lon;
    }
  }
  if (lat && lon) {
    body["region_lat"] = Coordinate(*lat);
    body["region_lon"] = Coordinate(*lon);
  }
  size_t top = 0, below = 0;  // the two arrays of CandidatesJson, in order
  for (const finder::Candidate& c : r->candidates) {
    const finder::Place& p = r->places[c.place];
    nlohmann::json& item =
        c.beyond_top ? body["two_way_below"][below++] : body["candidates"][top++];
    item["country_name"] = geo::CountryName(p.country, id);
    item["explanation"] = report::CandidateExplanation(p, c, std::get<Lang>(lang), r->region_name);
  }
  return JsonResponse(200, body);
}

}  // namespace kembar::server
