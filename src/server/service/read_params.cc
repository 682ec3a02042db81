#include "server/service/read_params.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>

#include "kembar/geo/countries.h"
#include "kembar/model/vocab.h"

namespace kembar::server {

const std::string* Query(const RequestContext& ctx, const std::string& key) {
  auto it = ctx.request.query.find(key);
  return it == ctx.request.query.end() ? nullptr : &it->second;
}

namespace {

nlohmann::json OptJson(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

Param<Lang> LangParam(const RequestContext& ctx) {
  if (const std::string* v = Query(ctx, "lang")) {
    if (auto lang = ParseLang(*v)) return *lang;
    return ctx.BadParam("lang", "\"lang\" is \"id\" or \"en\"",
                        "\"lang\" berisi \"id\" atau \"en\"");
  }
  if (ctx.auth) {
    if (auto lang = ParseLang(ctx.auth->user.language)) return *lang;
  }
  return Lang::kEn;
}

Param<Day> AsOfParam(const ServiceEnv& env, const RequestContext& ctx) {
  if (const std::string* v = Query(ctx, "as_of"); v && !v->empty()) {
    auto day = ParseDay(*v);
    if (!day.ok()) {
      return ctx.BadParam("as_of", "\"as_of\" is a day as YYYY-MM-DD, not '" + *v + "'",
                          "\"as_of\" adalah tanggal TTTT-BB-HH, bukan '" + *v + "'");
    }
    return *day;
  }
  const auto now = std::chrono::sys_seconds(std::chrono::seconds(env.clock()));
  return std::chrono::floor<std::chrono::days>(now);
}

Param<std::optional<std::string>> RegionParam(const ServiceEnv& env, const RequestContext& ctx,
                                              const std::string& key) {
  const std::string* v = Query(ctx, key);
  if (!v || v->empty()) return std::optional<std::string>();
  auto id = env.WithKembar([&](Kembar& k) { return k.ResolveRegion(*v); });
  if (!id.ok()) {
    ApiError e = ErrorFromStatus(id.status());
    e.field = key;
    return ctx.Error(e);
  }
  return std::optional<std::string>(*id);
}

Param<int> IntParam(const RequestContext& ctx, const std::string& key, int fallback, int min,
                    int max) {
  const std::string* v = Query(ctx, key);
  if (!v) return fallback;
  int n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || n < min || n > max) {
    return ctx.BadParam(key,
                        "\"" + key + "\" is a whole number from " + std::to_string(min) + " to " +
                            std::to_string(max),
                        "\"" + key + "\" adalah bilangan bulat dari " + std::to_string(min) +
                            " sampai " + std::to_string(max));
  }
  return n;
}

Param<std::string> RequiredParam(const RequestContext& ctx, const std::string& key) {
  const std::string* v = Query(ctx, key);
  if (!v || v->empty())
    return ctx.BadParam(key, "\"" + key + "\" is required", "\"" + key + "\" wajib diisi");
  return *v;
}

nlohmann::json Coordinate(double degrees) { return std::round(degrees * 1e5) / 1e5; }

nlohmann::json RegionRowJson(const store::RegionRow& row, Lang lang) {
  nlohmann::json names = nlohmann::json::object();
  for (const auto& [tag, name] : row.names) names[tag] = name;
  nlohmann::json j = {{"id", row.id},
                      {"name", row.name},
                      {"country", row.country},
                      {"country_name", geo::CountryName(row.country, lang == Lang::kId)},
                      {"level", ToString(row.level)},
                      {"names", std::move(names)},
                      {"parent", OptJson(row.parent)}};
  if (row.lat && row.lon) {
    j["lat"] = Coordinate(*row.lat);
    j["lon"] = Coordinate(*row.lon);
  }
  return j;
}

Param<Page> PageParam(const RequestContext& ctx, size_t per_page, size_t max_per_page) {
  auto positive = [&](const std::string& key, size_t fallback) -> std::optional<size_t> {
    auto it = ctx.request.query.find(key);
    if (it == ctx.request.query.end()) return fallback;
    size_t v = 0;
    const std::string& t = it->second;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || v == 0) return std::nullopt;
    return v;
  };
  Page out;
  auto page = positive("page", 1);
  if (!page)
    return ctx.BadParam("page", "\"page\" is a positive integer",
                        "\"page\" adalah bilangan bulat positif");
  auto per = positive("per_page", per_page);
  if (!per || *per > max_per_page) {
    return ctx.BadParam(
        "per_page", "\"per_page\" is an integer from 1 to " + std::to_string(max_per_page),
        "\"per_page\" adalah bilangan bulat dari 1 sampai " + std::to_string(max_per_page));
  }
  out.page = *page;
  out.per_page = *per;
  return out;
}

nlohmann::json PartnershipSummaryJson(const store::PartnershipSummary& s) {
  return {
      {"id", s.id},
      {"kind", ToString(s.kind)},
      {"home", {{"id", s.home_id}, {"name", s.home_name}}},
      {"partner", {{"id", s.partner_id}, {"name", s.partner_name}, {"country", s.partner_country}}},
      {"first_date", OptJson(s.first_date)},
      {"mou_date", OptJson(s.mou_date)},
      {"last_date", OptJson(s.last_date)},
      {"events", s.events}};
}

std::vector<const assess::PartnershipAssessment*> SelectAssessments(
    const AssessSnapshot& snapshot, const std::vector<std::string>& regions) {
  std::vector<const assess::PartnershipAssessment*> out;
  out.reserve(regions.empty() ? snapshot.report.assessments.size() : 0);
  for (const auto& a : snapshot.report.assessments) {
    if (regions.empty() || std::find(regions.begin(), regions.end(), a.home) != regions.end() ||
        std::find(regions.begin(), regions.end(), a.partner) != regions.end()) {
      out.push_back(&a);
    }
  }
  return out;
}

const std::vector<assess::PartnershipAssessment>& SelectedAssessments(
    const AssessSnapshot& snapshot, const std::vector<std::string>& regions,
    std::vector<assess::PartnershipAssessment>* storage) {
  if (regions.empty()) return snapshot.report.assessments;
  storage->clear();
  for (const auto* a : SelectAssessments(snapshot, regions)) storage->push_back(*a);
  return *storage;
}

HttpResponse TextResponse(std::string content_type, std::string body) {
  HttpResponse r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

}  // namespace kembar::server
