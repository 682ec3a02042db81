#include "server/service/network_service.h"

#include "kembar/report/network_export.h"
#include "kembar/report/network_text.h"
#include "server/service/read_params.h"

namespace kembar::server {

namespace {

std::string CountryParam(const RequestContext& ctx) {
  auto it = ctx.request.query.find("country");
  return it == ctx.request.query.end() ? std::string() : it->second;
}

// A country scope's error names the parameter.
HttpResponse ScopeError(const RequestContext& ctx, const Status& status) {
  ApiError e = ErrorFromStatus(status);
  if (!CountryParam(ctx).empty()) e.field = "country";
  return ctx.Error(e);
}

}  // namespace

HttpResponse NetworkService::Stats(RequestContext& ctx) const {
  NetworkStatsParams params;
  params.scope.country = CountryParam(ctx);
  auto r = env_.WithKembar([&](Kembar& k) { return k.NetworkStats(params); });
  if (!r.ok()) return ScopeError(ctx, r.status());
  HttpResponse resp;
  resp.body = report::StatsToJson(r->stats);
  return resp;
}

HttpResponse NetworkService::Ego(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto place = RequiredParam(ctx, "place");
  if (auto e = ErrorOf(place)) return *e;
  auto depth = IntParam(ctx, "depth", 2, 1, 4);
  if (auto e = ErrorOf(depth)) return *e;
  EgoParams params;
  params.scope.country = CountryParam(ctx);
  params.place = std::get<std::string>(place);
  params.depth = std::get<int>(depth);
  auto r = env_.WithKembar([&](Kembar& k) { return k.NetworkEgo(params); });
  if (!r.ok()) {
    ApiError e = ErrorFromStatus(r.status());
    e.field = "place";
    return ctx.Error(e);
  }
  nlohmann::json body = nlohmann::json::parse(report::EgoToJson(*r->graph, r->ego));
  body["text"] = report::EgoToText(*r->graph, r->ego, std::get<Lang>(lang));
  return JsonResponse(200, body);
}

HttpResponse NetworkService::Export(RequestContext& ctx) const {
  auto format = RequiredParam(ctx, "format");
  if (auto e = ErrorOf(format)) return *e;
  const std::string& f = std::get<std::string>(format);
  std::string content_type;
  if (f == "gexf") {
    content_type = "application/gexf+xml";
  } else if (f == "graphml") {
    content_type = "application/graphml+xml";
  } else if (f == "geojson") {
    content_type = "application/geo+json";
  } else {
    return ctx.Error(BadRequest("\"format\" is gexf, graphml or geojson", "format"));
  }
  NetworkExportParams params;
  params.scope.country = CountryParam(ctx);
  auto graph = env_.WithKembar([&](Kembar& k) { return k.NetworkGraph(params); });
  if (!graph.ok()) return ScopeError(ctx, graph.status());
  const network::Graph& g = **graph;
  std::string body = f == "gexf"      ? report::ToGexf(g)
                     : f == "graphml" ? report::ToGraphMl(g)
                                      : report::ToGeoJson(g);
  HttpResponse resp = TextResponse(content_type, std::move(body));
  resp.headers.emplace_back("Content-Disposition",
                            "attachment; filename=\"kembar-network." + f + "\"");
  return resp;
}

}  // namespace kembar::server
