#include "server/service/relations_service.h"

#include "kembar/geo/countries.h"
#include "kembar/report/network_text.h"
#include "server/service/read_params.h"

namespace kembar::server {

HttpResponse RelationsService::Get(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  RelationsParams params;
  for (auto [key, out] : {std::pair{"a", &params.a}, std::pair{"b", &params.b}}) {
    auto v = RequiredParam(ctx, key);
    if (auto e = ErrorOf(v)) return *e;
    *out = std::get<std::string>(v);
    if (auto iso = geo::ResolveCountry(*out); !iso.ok()) {
      ApiError e = ErrorFromStatus(iso.status());
      e.field = key;
      return ctx.Error(e);
    }
  }
  auto r = Kembar::Relations(params);
  if (!r.ok()) return ctx.Error(r.status());
  const bool id = std::get<Lang>(lang) == Lang::kId;
  nlohmann::json body = nlohmann::json::parse(report::RelationsJson(*r));
  body["a_name"] = geo::CountryName(r->a_iso, id);
  body["b_name"] = geo::CountryName(r->b_iso, id);
  std::string text = report::RelationsText(*r, std::get<Lang>(lang));
  while (!text.empty() && text.back() == '\n') text.pop_back();
  body["text"] = text;
  return JsonResponse(200, body);
}

}  // namespace kembar::server
