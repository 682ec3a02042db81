#include "server/service/regions_service.h"

#include <algorithm>

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
  auto id = env_.WithKembar([&](Kembar& k) { return k.ResolveRegion(ctx.params.at("id")); });
  if (!id.ok()) return ctx.Error(id.status());
  auto rows = env_.WithKembar([](Kembar& k) { return k.Regions(); });
  if (!rows.ok()) return ctx.Error(rows.status());
  auto row = std::find_if(rows->begin(), rows->end(),
                          [&](const store::RegionRow& r) { return r.id == *id; });
  if (row == rows->end()) return ctx.Error(Status::NotFound("no region '" + *id + "'"));
  store::Selection selection;
  selection.region_id = *id;
  auto summaries = env_.WithKembar([&](Kembar& k) { return k.List(selection); });
  if (!summaries.ok()) return ctx.Error(summaries.status());
  nlohmann::json partnerships = nlohmann::json::array();
  for (const auto& s : *summaries) partnerships.push_back(PartnershipSummaryJson(s));
  return JsonResponse(200, {{"region", RegionRowJson(*row, std::get<Lang>(lang))},
                            {"partnerships", std::move(partnerships)}});
}

}  // namespace kembar::server
