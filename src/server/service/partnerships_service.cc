#include "server/service/partnerships_service.h"

#include <algorithm>
#include <charconv>

#include "kembar/io/digest.h"
#include "kembar/io/dossier_writer.h"
#include "kembar/io/json_writer.h"
#include "kembar/model/vocab.h"
#include "server/service/read_params.h"

namespace kembar::server {

HttpResponse PartnershipsService::List(RequestContext& ctx) const {
  const HttpRequest& r = ctx.request;
  auto paging = PageParam(ctx, kPerPage, kMaxPerPage);
  if (auto e = ErrorOf(paging)) return *e;
  const Page pg = std::get<Page>(paging);
  // One page read from the store: the cost follows the page, not the database.
  store::SummaryQuery query;
  if (auto it = r.query.find("region"); it != r.query.end() && !it->second.empty()) {
    auto id = env_.WithKembar([&](Kembar& k) { return k.ResolveRegion(it->second); });
    if (!id.ok()) {
      ApiError e = ErrorFromStatus(id.status(), ctx.lang());
      e.field = "region";
      return ctx.Error(e);
    }
    query.region_id = *id;
  }
  if (auto it = r.query.find("text"); it != r.query.end()) query.text = it->second;
  query.offset = (pg.page - 1) * pg.per_page;
  query.limit = pg.per_page;
  auto found = env_.WithKembar([&](Kembar& k) { return k.ListPage(query); });
  if (!found.ok()) return ctx.Error(found.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : found->items) items.push_back(PartnershipSummaryJson(s));
  return JsonResponse(200, {{"items", std::move(items)},
                            {"total", found->total},
                            {"page", pg.page},
                            {"per_page", pg.per_page}});
}

std::string IfMatch(const HttpRequest& request) {
  std::string v = request.Header("if-match");
  while (!v.empty() && v.front() == ' ') v.erase(0, 1);
  while (!v.empty() && v.back() == ' ') v.pop_back();
  if (v.rfind("W/", 0) == 0) v.erase(0, 2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return v == "*" ? std::string() : v;
}

std::optional<HttpResponse> RefuseViewer(const RequestContext& ctx) {
  if (ctx.auth && ctx.auth->user.role != Role::kViewer) return std::nullopt;
  return ctx.Error(Status::PermissionDenied("a viewer cannot change records",
                                            "peninjau (viewer) tidak dapat mengubah data"));
}

HttpResponse PartnershipResponse(const ServiceEnv& env, const RequestContext& ctx,
                                 const std::string& id, int status) {
  auto record = env.WithKembar([&](Kembar& k) { return k.GetPartnership(id); });
  if (!record.ok()) return ctx.Error(record.status());
  // Written straight from the model, as the dossier-v1 writer writes it.
  HttpResponse resp;
  resp.status = status;
  resp.body = "{\"partnership\":";
  {
    io::JsonWriter w(&resp.body);
    io::WritePartnership(record->dossier.partnerships.front(), true, &w);
  }
  resp.body += ",\"regions\":[";
  for (size_t i = 0; i < record->dossier.regions.size(); ++i) {
    if (i) resp.body += ',';
    io::JsonWriter w(&resp.body);
    io::WriteRegion(record->dossier.regions[i], &w);
  }
  resp.body += "],\"version\":\"" + record->version + "\"}";
  resp.headers.emplace_back("ETag", "\"" + record->version + "\"");
  return resp;
}

HttpResponse PartnershipsService::Get(RequestContext& ctx) const {
  return PartnershipResponse(env_, ctx, ctx.params.at("id"), 200);
}

HttpResponse PartnershipsService::Create(RequestContext& ctx) const {
  if (auto refused = RefuseViewer(ctx)) return *refused;
  auto body = ParseObject(ctx.request);
  if (!body.ok()) return ctx.Error(body.status());
  RecordEdit edit;
  edit.kind = RecordEdit::Kind::kPartnership;
  edit.op = RecordEdit::Op::kAdd;
  edit.json = ctx.request.body;
  edit.actor = ctx.principal();
  auto r = env_.WithKembar([&](Kembar& k) { return k.EditRecord(edit); });
  if (!r.ok()) return ctx.Error(r.status());
  HttpResponse resp = PartnershipResponse(env_, ctx, r->record, 201);
  resp.headers.emplace_back("Location", "/api/partnerships/" + r->record);
  return resp;
}

HttpResponse PartnershipsService::Update(RequestContext& ctx) const {
  if (auto refused = RefuseViewer(ctx)) return *refused;
  auto body = ParseObject(ctx.request);
  if (!body.ok()) return ctx.Error(body.status());
  RecordEdit edit;
  edit.kind = RecordEdit::Kind::kPartnership;
  edit.op = RecordEdit::Op::kEdit;
  edit.id = ctx.params.at("id");
  edit.json = ctx.request.body;
  edit.replace = ctx.request.method == "PUT";
  edit.if_match = IfMatch(ctx.request);
  edit.actor = ctx.principal();
  auto r = env_.WithKembar([&](Kembar& k) { return k.EditRecord(edit); });
  if (!r.ok()) return ctx.Error(r.status());
  return PartnershipResponse(env_, ctx, r->record, 200);
}

HttpResponse PartnershipsService::Delete(RequestContext& ctx) const {
  if (auto refused = RefuseViewer(ctx)) return *refused;
  DeleteParams params;
  params.kind = DeleteParams::Kind::kPartnership;
  params.id = ctx.params.at("id");
  params.if_match = IfMatch(ctx.request);
  params.actor = ctx.principal();
  auto r = env_.WithKembar([&](Kembar& k) { return k.Delete(params); });
  if (!r.ok()) return ctx.Error(r.status());
  HttpResponse resp;
  resp.status = 204;
  return resp;
}

}  // namespace kembar::server
