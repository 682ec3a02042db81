#include "server/service/audit_service.h"

#include <cstdint>

#include "kembar/model/date.h"
#include "server/service/read_params.h"

namespace kembar::server {

namespace {

constexpr size_t kPerPage = 50;
constexpr size_t kMaxPerPage = 500;

std::string QueryValue(const HttpRequest& r, const std::string& key) {
  auto it = r.query.find(key);
  return it == r.query.end() ? std::string() : it->second;
}

// A stored before/after: its JSON value, null when empty (or not JSON).
nlohmann::json StoredJson(const std::string& text) {
  if (text.empty()) return nullptr;
  auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return j.is_discarded() ? nlohmann::json(nullptr) : j;
}

}  // namespace

HttpResponse AuditService::List(RequestContext& ctx) const {
  const HttpRequest& r = ctx.request;
  auto paging = PageParam(ctx, kPerPage, kMaxPerPage);
  if (auto e = ErrorOf(paging)) return *e;
  const Page pg = std::get<Page>(paging);
  AuditParams params;
  params.user = QueryValue(r, "user");
  params.region = QueryValue(r, "region");
  params.from = QueryValue(r, "from");
  params.to = QueryValue(r, "to");
  params.action = QueryValue(r, "action");
  for (const char* key : {"from", "to"}) {
    const std::string v = QueryValue(r, key);
    if (!v.empty() && !ParseDay(v).ok()) {
      return ctx.Error(
          BadRequest("\"" + std::string(key) + "\" is a day, YYYY-MM-DD, not \"" + v + "\"", key));
    }
  }
  if (!params.from.empty() && !params.to.empty() && params.to < params.from) {
    return ctx.Error(BadRequest("\"to\" is before \"from\"", "to"));
  }
  if (pg.page - 1 > SIZE_MAX / pg.per_page) {
    return ctx.Error(BadRequest("\"page\" is too large", "page"));
  }
  params.offset = (pg.page - 1) * pg.per_page;
  params.limit = pg.per_page;
  auto report = env_.WithKembar([&](Kembar& k) { return k.Audit(params); });
  if (!report.ok()) {
    ApiError e = ErrorFromStatus(report.status());
    if (!params.region.empty() && (report.status().code() == StatusCode::kNotFound ||
                                   report.status().code() == StatusCode::kInvalidInput)) {
      e.field = "region";
    }
    return ctx.Error(e);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const store::ChangeRecord& c : report->entries) {
    items.push_back({{"seq", c.seq},
                     {"at", c.at},
                     {"actor", c.actor},
                     {"address", c.address},
                     {"area", c.area},
                     {"action", c.action},
                     {"record", c.record},
                     {"summary", c.summary},
                     {"before", StoredJson(c.before)},
                     {"after", StoredJson(c.after)}});
  }
  return JsonResponse(
      200,
      {{"items", items}, {"total", report->total}, {"page", pg.page}, {"per_page", pg.per_page}});
}

}  // namespace kembar::server
