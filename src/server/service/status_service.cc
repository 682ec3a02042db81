#include "server/service/status_service.h"

#include "kembar/report/assessment_text.h"
#include "server/service/read_params.h"

namespace kembar::server {

HttpResponse StatusService::Get(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto as_of = AsOfParam(env_, ctx);
  if (auto e = ErrorOf(as_of)) return *e;
  report::GroupBy by = report::GroupBy::kProvince;
  if (auto it = ctx.request.query.find("by"); it != ctx.request.query.end()) {
    if (it->second == "country") {
      by = report::GroupBy::kCountry;
    } else if (it->second != "province") {
      return ctx.Error(BadRequest("\"by\" is \"province\" or \"country\"", "by"));
    }
  }
  auto region = RegionParam(env_, ctx);
  if (auto e = ErrorOf(region)) return *e;
  AssessOptions options;
  options.as_of = std::get<Day>(as_of);
  auto snapshot = env_.WithKembar([&](Kembar& k) { return k.AssessAll(options); });
  if (!snapshot.ok()) return ctx.Error(snapshot.status());
  std::vector<std::string> regions;
  if (const auto& r = std::get<std::optional<std::string>>(region)) regions.push_back(*r);
  const std::shared_ptr<const AssessSnapshot>& s = *snapshot;
  const std::string query = std::string(by == report::GroupBy::kCountry ? "country" : "province") +
                            '\n' + (regions.empty() ? "" : regions.front()) + '\n' +
                            std::string(ToString(std::get<Lang>(lang)));
  HttpResponse resp;
  {
    std::lock_guard lock(mu_);
    std::erase_if(answers_, [](const Answer& a) { return a.snapshot.expired(); });
    for (const Answer& a : answers_) {
      if (a.query == query && a.snapshot.lock() == s) {
        resp.body = a.body;
        return resp;
      }
    }
  }
  std::string body = report::StatusByJson(s->report.dossier, SelectAssessments(*s, regions), by,
                                          s->as_of, std::get<Lang>(lang));
  // One more member, written before the closing brace of the renderer's object.
  body.insert(body.rfind('}'), ",\"version\":" + std::to_string(s->version));
  {
    std::lock_guard lock(mu_);
    if (answers_.size() >= kMaxAnswers) answers_.erase(answers_.begin());
    answers_.push_back({s, query, body});
  }
  resp.body = std::move(body);
  return resp;
}

}  // namespace kembar::server
