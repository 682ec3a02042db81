#include "server/service/events_service.h"

#include "server/service/partnerships_service.h"

namespace kembar::server {

HttpResponse EventsService::Edit(RequestContext& ctx, EventEdit::Op op) const {
  if (auto refused = RefuseViewer(ctx)) return *refused;
  EventEdit edit;
  edit.op = op;
  edit.partnership_id = ctx.params.at("id");
  if (op != EventEdit::Op::kAdd) edit.event_id = ctx.params.at("event_id");
  if (op != EventEdit::Op::kDelete) {
    auto body = ParseObject(ctx.request);
    if (!body.ok()) return ctx.Error(body.status());
    edit.event_json = ctx.request.body;
  }
  edit.replace = ctx.request.method == "PUT";
  edit.if_match = IfMatch(ctx.request);
  edit.actor = ctx.principal();
  auto r = env_.WithKembar([&](Kembar& k) { return k.EditEvent(edit); });
  if (!r.ok()) return ctx.Error(r.status());
  HttpResponse resp;
  if (op == EventEdit::Op::kDelete) {
    resp.status = 204;
  } else {
    resp = JsonResponse(op == EventEdit::Op::kAdd ? 201 : 200,
                        {{"event_id", r->event_id},
                         {"event", nlohmann::json::parse(r->after)},
                         {"changed", r->changed},
                         {"version", r->version}});
    if (op == EventEdit::Op::kAdd) {
      resp.headers.emplace_back("Location",
                                "/api/partnerships/" + r->record + "/events/" + r->event_id);
    }
  }
  resp.headers.emplace_back("ETag", "\"" + r->version + "\"");
  return resp;
}

HttpResponse EventsService::Add(RequestContext& ctx) const {
  return Edit(ctx, EventEdit::Op::kAdd);
}

HttpResponse EventsService::Update(RequestContext& ctx) const {
  return Edit(ctx, EventEdit::Op::kEdit);
}

HttpResponse EventsService::Delete(RequestContext& ctx) const {
  return Edit(ctx, EventEdit::Op::kDelete);
}

}  // namespace kembar::server
