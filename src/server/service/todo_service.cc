#include "server/service/todo_service.h"

#include "kembar/assess/todo.h"
#include "kembar/report/assessment_text.h"
#include "server/service/read_params.h"

namespace kembar::server {

HttpResponse TodoService::Get(RequestContext& ctx) const {
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto as_of = AsOfParam(env_, ctx);
  if (auto e = ErrorOf(as_of)) return *e;
  auto within = IntParam(ctx, "within", 90, 0, 36500);
  if (auto e = ErrorOf(within)) return *e;
  auto all = IntParam(ctx, "all", 0, 0, 1);
  if (auto e = ErrorOf(all)) return *e;
  auto region = RegionParam(env_, ctx);
  if (auto e = ErrorOf(region)) return *e;
  std::vector<std::string> regions;
  if (const auto& r = std::get<std::optional<std::string>>(region)) {
    regions.push_back(*r);
  } else if (ctx.auth && ctx.auth->user.role == Role::kEditor) {
    regions = ctx.auth->user.regions;
  }
  AssessOptions options;
  options.as_of = std::get<Day>(as_of);
  auto snapshot = env_.WithKembar([&](Kembar& k) { return k.AssessAll(options); });
  if (!snapshot.ok()) return ctx.Error(snapshot.status());
  std::vector<assess::PartnershipAssessment> storage;
  const auto& selected = SelectedAssessments(**snapshot, regions, &storage);
  // The items point into `selected`, which outlives them.
  const auto items =
      assess::DueActions(selected, options.as_of, std::get<int>(within), std::get<int>(all) == 1);
  HttpResponse resp;
  resp.body = report::TodoJson(items, options.as_of, std::get<Lang>(lang));
  return resp;
}

}  // namespace kembar::server
