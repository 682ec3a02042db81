#include "server/service/assessment_service.h"

#include "kembar/report/assessment_json.h"
#include "server/service/read_params.h"

namespace kembar::server {

HttpResponse AssessmentService::Get(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto as_of = AsOfParam(env_, ctx);
  if (auto e = ErrorOf(as_of)) return *e;
  // The version first: an answer computed after it is at least that new.
  auto version = env_.WithKembar([&](Kembar& k) { return k.Version(); });
  if (!version.ok()) return ctx.Error(version.status());
  const std::string key = ctx.params.at("id") + '\n' + FormatDay(std::get<Day>(as_of)) + '\n' +
                          std::string(ToString(std::get<Lang>(lang)));
  if (auto kept = answers_.Find(*version, key)) {
    HttpResponse resp;
    resp.body = *kept;
    return resp;
  }
  // Assessed from the partnership's own rows (milliseconds), as the CLI does, so that
  // the evidence paths point into that partnership's dossier ("partnerships[0]")
  // exactly as `kembar assess --partnership` writes them.
  AssessParams params;
  params.selection.partnership_id = ctx.params.at("id");
  params.options.as_of = std::get<Day>(as_of);
  auto r = env_.WithKembar([&](Kembar& k) { return k.Assess(params); });
  if (!r.ok()) return ctx.Error(r.status());
  if (r->assessments.empty()) {
    return ctx.Error(Status::NotFound("no partnership '" + ctx.params.at("id") + "'"));
  }
  HttpResponse resp;
  resp.body = report::AssessmentJson(r->assessments, std::get<Day>(as_of), 2, std::get<Lang>(lang));
  answers_.Put(*version, key, resp.body);
  return resp;
}

}  // namespace kembar::server
