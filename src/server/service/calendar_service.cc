#include "server/service/calendar_service.h"

#include "kembar/assess/calendar.h"
#include "kembar/report/assessment_text.h"
#include "server/service/read_params.h"

namespace kembar::server {

namespace {

// The calendar entries of `request` over the snapshot, with the assessments they
// point into (kept alive by the snapshot and `storage`).
struct Calendar {
  std::shared_ptr<const AssessSnapshot> snapshot;
  bool whole = true;  // every partnership: the snapshot's own assessments
  std::vector<assess::PartnershipAssessment> storage;  // else copies of a region's
  std::vector<assess::CalendarEntry> entries;

  // Not a pointer kept in the struct: a Calendar is moved, `storage` with it.
  const std::vector<assess::PartnershipAssessment>& assessments() const {
    return whole ? snapshot->report.assessments : storage;
  }
};

Result<Calendar> Compute(const ServiceEnv& env, const CalendarService::Request& request) {
  AssessOptions options;
  options.as_of = request.as_of;
  auto snapshot = env.WithKembar([&](Kembar& k) { return k.AssessAll(options); });
  if (!snapshot.ok()) return snapshot.status();
  Calendar c;
  c.snapshot = *snapshot;
  std::vector<std::string> regions;
  if (request.region) regions.push_back(*request.region);
  c.whole = regions.empty();
  SelectedAssessments(*c.snapshot, regions, &c.storage);
  c.entries = assess::UpcomingRenewals(c.assessments(), request.as_of, request.months,
                                       assess::DefaultPolicy());
  return c;
}

}  // namespace

std::variant<CalendarService::Request, HttpResponse> CalendarService::ParseRequest(
    const RequestContext& ctx) const {
  Request r;
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  auto as_of = AsOfParam(env_, ctx);
  if (auto e = ErrorOf(as_of)) return *e;
  auto months = IntParam(ctx, "months", 12, 1, 1200);
  if (auto e = ErrorOf(months)) return *e;
  auto region = RegionParam(env_, ctx);
  if (auto e = ErrorOf(region)) return *e;
  r.lang = std::get<Lang>(lang);
  r.as_of = std::get<Day>(as_of);
  r.months = std::get<int>(months);
  r.region = std::get<std::optional<std::string>>(region);
  return r;
}

HttpResponse CalendarService::Json(RequestContext& ctx) const {
  auto request = ParseRequest(ctx);
  if (auto e = std::get_if<HttpResponse>(&request)) return *e;
  const Request& r = std::get<Request>(request);
  auto c = Compute(env_, r);
  if (!c.ok()) return ctx.Error(c.status());
  HttpResponse resp;
  resp.body = report::CalendarJson(c->entries, c->assessments(), r.as_of, r.months);
  return resp;
}

HttpResponse CalendarService::IcsForUser(RequestContext& ctx) const {
  auto request = ParseRequest(ctx);
  if (auto e = std::get_if<HttpResponse>(&request)) return *e;
  return Ics(ctx, std::get<Request>(request));
}

HttpResponse CalendarService::Ics(const RequestContext& ctx, const Request& r) const {
  auto c = Compute(env_, r);
  if (!c.ok()) return ctx.Error(c.status());
  HttpResponse resp =
      TextResponse("text/calendar; charset=utf-8",
                   report::CalendarIcs(c->snapshot->report.dossier, c->entries, r.as_of, r.lang));
  resp.headers.emplace_back("Content-Disposition", "inline; filename=\"kembar-calendar.ics\"");
  return resp;
}

}  // namespace kembar::server
