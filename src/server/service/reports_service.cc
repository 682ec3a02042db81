#include "server/service/reports_service.h"

#include <chrono>
#include <optional>
#include <string>

#include "kembar/report/document.h"
#include "kembar/report/reports.h"
#include "server/service/read_params.h"

namespace kembar::server {

namespace {

// What every report request names besides its subject.
struct Common {
  report::ReportFormat format = report::ReportFormat::kPdf;
  Lang lang = Lang::kEn;
  Day as_of{};
  Day today{};
  bool as_of_given = false;
  int year = 0;  // 0: none given
};

std::variant<Common, HttpResponse> ParseCommon(const ServiceEnv& env, const RequestContext& ctx,
                                               bool year_required) {
  Common c;
  if (const std::string* f = Query(ctx, "format"); f && !f->empty()) {
    auto format = report::ParseReportFormat(*f);
    if (!format) {
      return ctx.BadParam("format", "\"format\" is pdf, html, xlsx or md, not '" + *f + "'",
                          "\"format\" adalah pdf, html, xlsx atau md, bukan '" + *f + "'");
    }
    c.format = *format;
  }
  auto lang = LangParam(ctx);
  if (auto e = ErrorOf(lang)) return *e;
  c.lang = std::get<Lang>(lang);
  const auto now = std::chrono::sys_seconds(std::chrono::seconds(env.clock()));
  c.today = std::chrono::floor<std::chrono::days>(now);
  auto as_of = AsOfParam(env, ctx);
  if (auto e = ErrorOf(as_of)) return *e;
  c.as_of = std::get<Day>(as_of);
  const std::string* as_of_text = Query(ctx, "as_of");
  c.as_of_given = as_of_text && !as_of_text->empty();
  const std::string* year = Query(ctx, "year");
  if (year_required && (!year || year->empty())) {
    return ctx.BadParam("year", "\"year\" is required: the year reported on, e.g. 2023",
                        "\"year\" wajib diisi: tahun yang dilaporkan, misalnya 2023");
  }
  if (year && !year->empty()) {
    auto y = IntParam(ctx, "year", 0, 1900, 2999);
    if (auto e = ErrorOf(y)) return *e;
    c.year = std::get<int>(y);
    if (!c.as_of_given) c.as_of = report::ReportDay(c.year, c.today);
  }
  return c;
}

HttpResponse Download(const report::Document& doc, const Common& c, const RequestContext& ctx) {
  auto bytes = report::Render(doc, c.format);
  if (!bytes.ok()) return ctx.Error(bytes.status());
  HttpResponse resp = TextResponse(std::string(report::ContentType(c.format)), std::move(*bytes));
  // A download: an HTML report opened from the API would meet the app's
  // Content-Security-Policy, which forbids its inline styles.
  resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + doc.file_stem + "-" +
                                                       std::string(ToString(c.lang)) + "." +
                                                       std::string(report::Extension(c.format)) +
                                                       "\"");
  return resp;
}

}  // namespace

HttpResponse ReportsService::Partnership(RequestContext& ctx) const {
  auto common = ParseCommon(env_, ctx, false);
  if (auto e = std::get_if<HttpResponse>(&common)) return *e;
  const Common& c = std::get<Common>(common);
  const std::string& id = ctx.params.at("id");
  AssessParams params;
  params.selection.partnership_id = id;
  params.options.as_of = c.as_of;
  auto r = env_.WithKembar([&](Kembar& k) { return k.Assess(params); });
  if (!r.ok()) return ctx.Error(r.status());
  if (r->assessments.empty()) {
    return ctx.Error(Status::NotFound(
        "'" + id + "' did not exist yet on that day: all its events are later",
        "'" + id + "' belum ada pada tanggal itu: semua peristiwanya lebih kemudian"));
  }
  return Download(
      report::PartnershipReport(r->dossier, r->assessments.front(), {c.as_of, c.today, c.lang}), c,
      ctx);
}

HttpResponse ReportsService::Region(RequestContext& ctx) const {
  auto common = ParseCommon(env_, ctx, true);
  if (auto e = std::get_if<HttpResponse>(&common)) return *e;
  const Common& c = std::get<Common>(common);
  auto id = env_.WithKembar([&](Kembar& k) { return k.ResolveRegion(ctx.params.at("id")); });
  if (!id.ok()) return ctx.Error(id.status());
  AssessParams params;
  params.selection.region_id = *id;
  params.options.as_of = c.as_of;
  auto r = env_.WithKembar([&](Kembar& k) { return k.Assess(params); });
  if (!r.ok()) return ctx.Error(r.status());
  return Download(
      report::RegionReport(r->dossier, r->assessments, *id, c.year, {c.as_of, c.today, c.lang}), c,
      ctx);
}

HttpResponse ReportsService::National(RequestContext& ctx) const {
  auto common = ParseCommon(env_, ctx, false);
  if (auto e = std::get_if<HttpResponse>(&common)) return *e;
  const Common& c = std::get<Common>(common);
  // Every partnership: the engine's snapshot, kept while the store does not change.
  AssessOptions options;
  options.as_of = c.as_of;
  auto snapshot = env_.WithKembar([&](Kembar& k) { return k.AssessAll(options); });
  if (!snapshot.ok()) return ctx.Error(snapshot.status());
  const AssessReport& all = (*snapshot)->report;
  return Download(report::NationalReport(all.dossier, all.assessments, {c.as_of, c.today, c.lang}),
                  c, ctx);
}

}  // namespace kembar::server
