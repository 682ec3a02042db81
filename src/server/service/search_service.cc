#include "server/service/search_service.h"

#include "kembar/geo/countries.h"
#include "kembar/report/text.h"
#include "server/service/read_params.h"

namespace kembar::server {

HttpResponse SearchService::Get(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto q = RequiredParam(ctx, "q");
  if (auto e = ErrorOf(q)) return *e;
  auto limit = IntParam(ctx, "limit", 20, 1, 500);
  if (auto e = ErrorOf(limit)) return *e;
  SearchParams params;
  params.text = std::get<std::string>(q);
  params.limit = static_cast<size_t>(std::get<int>(limit));
  auto r = env_.WithKembar([&](Kembar& k) { return k.Search(params); });
  if (!r.ok()) return ctx.Error(r.status());
  nlohmann::json body = nlohmann::json::parse(report::SearchJson(*r));
  body["country_name"] =
      r->country ? nlohmann::json(geo::CountryName(*r->country, std::get<Lang>(lang) == Lang::kId))
                 : nlohmann::json(nullptr);
  return JsonResponse(200, body);
}

}  // namespace kembar::server
