#include "server/service/audit_service.h"

#include <charconv>
#include <chrono>
#include <cstdint>

namespace kembar::server {

namespace {

constexpr size_t kPerPage = 50;
constexpr size_t kMaxPerPage = 500;

// A positive integer query parameter, or `fallback` when absent.
std::optional<size_t> PositiveParam(const HttpRequest& r, const std::string& key, size_t fallback) {
  auto it = r.query.find(key);
  if (it == r.query.end()) return fallback;
  size_t v = 0;
  const std::string& t = it->second;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || v == 0) return std::nullopt;
  return v;
}

std::string Param(const HttpRequest& r, const std::string& key) {
  auto it = r.query.find(key);
  return it == r.query.end() ? std::string() : it->second;
}

// Whether `s` is a calendar day YYYY-MM-DD.
bool IsDay(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(std::stoi(s.substr(0, 4))),
                                        std::chrono::month(std::stoul(s.substr(5, 2))),
                                        std::chrono::day(std::stoul(s.substr(8, 2)))};
  return ymd.ok();
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
  auto page = PositiveParam(r, "page", 1);
  if (!page) return ctx.Error(BadRequest("\"page\" is a positive integer", "page"));
  auto per_page = PositiveParam(r, "per_page", kPerPage);
  if (!per_page || *per_page > kMaxPerPage) {
    return ctx.Error(BadRequest(
        "\"per_page\" is an integer from 1 to " + std::to_string(kMaxPerPage), "per_page"));
  }
  AuditParams params;
  params.user = Param(r, "user");
  params.region = Param(r, "region");
  params.from = Param(r, "from");
  params.to = Param(r, "to");
  params.action = Param(r, "action");
  for (const char* key : {"from", "to"}) {
    const std::string v = Param(r, key);
    if (!v.empty() && !IsDay(v)) {
      return ctx.Error(
          BadRequest("\"" + std::string(key) + "\" is a day, YYYY-MM-DD, not \"" + v + "\"", key));
    }
  }
  if (!params.from.empty() && !params.to.empty() && params.to < params.from) {
    return ctx.Error(BadRequest("\"to\" is before \"from\"", "to"));
  }
  if (*page - 1 > SIZE_MAX / *per_page) {
    return ctx.Error(BadRequest("\"page\" is too large", "page"));
  }
  params.offset = (*page - 1) * *per_page;
  params.limit = *per_page;
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
      200, {{"items", items}, {"total", report->total}, {"page", *page}, {"per_page", *per_page}});
}

}  // namespace kembar::server
