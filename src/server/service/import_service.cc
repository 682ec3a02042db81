#include "server/service/import_service.h"

#include <memory>

#include "server/service/partnerships_service.h"

namespace kembar::server {

HttpResponse ImportService::Import(RequestContext& ctx) const {
  if (auto refused = RefuseViewer(ctx)) return *refused;
  ImportParams params;
  const auto mode = ctx.request.query.find("mode");
  const std::string m = mode == ctx.request.query.end() ? "refuse" : mode->second;
  if (m == "refuse") {
    params.mode = ImportMode::kRefuseDrops;
  } else if (m == "merge") {
    params.mode = ImportMode::kMerge;
  } else if (m == "replace") {
    params.mode = ImportMode::kReplace;
  } else {
    return ctx.BadParam("mode", "\"mode\" is refuse, merge or replace",
                        "\"mode\" berisi refuse, merge atau replace");
  }
  params.file = "upload by " + ctx.principal().name;
  params.content = std::make_shared<const std::string>(ctx.request.body);
  params.actor = ctx.principal();
  if (ctx.auth->user.role == Role::kAdmin) {
    // An admin may change everything: the fast path, without per-record checks.
    params.actor.may_write_partnership = nullptr;
    params.actor.may_write_region = nullptr;
  }
  auto stats = env_.WithKembar([&](Kembar& k) { return k.Import(params); });
  if (!stats.ok()) return ctx.Error(stats.status());
  return JsonResponse(200, {{"regions_added", stats->regions_added},
                            {"regions_updated", stats->regions_updated},
                            {"partnerships_added", stats->partnerships_added},
                            {"partnerships_updated", stats->partnerships_updated},
                            {"events", stats->events}});
}

HttpResponse ImportService::Export(RequestContext& ctx) const {
  ExportParams params;
  const auto& q = ctx.request.query;
  if (auto it = q.find("partnership"); it != q.end() && !it->second.empty()) {
    params.selection.partnership_id = it->second;
  }
  if (auto it = q.find("region"); it != q.end() && !it->second.empty()) {
    auto id = env_.WithKembar([&](Kembar& k) { return k.ResolveRegion(it->second); });
    if (!id.ok()) {
      ApiError e = ErrorFromStatus(id.status(), ctx.lang());
      e.field = "region";
      return ctx.Error(e);
    }
    params.selection.region_id = *id;
  }
  if (params.selection.partnership_id && params.selection.region_id) {
    return ctx.BadParam("region", "give \"partnership\" or \"region\", not both",
                        "berikan \"partnership\" atau \"region\", tidak keduanya");
  }
  auto text = env_.WithKembar([&](Kembar& k) { return k.ExportJson(params); });
  if (!text.ok()) return ctx.Error(text.status());
  HttpResponse resp;
  resp.body = std::move(*text);
  std::string name = "kembar";
  if (params.selection.partnership_id) name += "-" + *params.selection.partnership_id;
  if (params.selection.region_id) name += "-" + *params.selection.region_id;
  for (char& c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    if (!safe) c = '_';
  }
  resp.headers.emplace_back("Content-Disposition",
                            "attachment; filename=\"" + name + ".dossier.json\"");
  return resp;
}

}  // namespace kembar::server
