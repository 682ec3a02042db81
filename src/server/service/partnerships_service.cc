#include "server/service/partnerships_service.h"

#include <algorithm>
#include <charconv>

#include "kembar/io/digest.h"
#include "kembar/io/dossier_writer.h"
#include "kembar/io/json_writer.h"
#include "kembar/model/vocab.h"

namespace kembar::server {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

nlohmann::json OptJson(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json SummaryJson(const store::PartnershipSummary& s) {
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

bool MatchesText(const store::PartnershipSummary& s, const std::string& needle) {
  for (const std::string* f :
       {&s.id, &s.home_id, &s.home_name, &s.partner_id, &s.partner_name, &s.partner_country}) {
    if (Lower(*f).find(needle) != std::string::npos) return true;
  }
  return false;
}

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

}  // namespace

HttpResponse PartnershipsService::List(RequestContext& ctx) const {
  const HttpRequest& r = ctx.request;
  auto page = PositiveParam(r, "page", 1);
  if (!page) return ctx.Error(BadRequest("\"page\" is a positive integer", "page"));
  auto per_page = PositiveParam(r, "per_page", kPerPage);
  if (!per_page || *per_page > kMaxPerPage) {
    return ctx.Error(BadRequest(
        "\"per_page\" is an integer from 1 to " + std::to_string(kMaxPerPage), "per_page"));
  }
  store::Selection selection;
  if (auto it = r.query.find("region"); it != r.query.end() && !it->second.empty()) {
    auto id = env_.WithKembar([&](Kembar& k) { return k.ResolveRegion(it->second); });
    if (!id.ok()) {
      ApiError e = ErrorFromStatus(id.status());
      e.field = "region";
      return ctx.Error(e);
    }
    selection.region_id = *id;
  }
  auto all = env_.WithKembar([&](Kembar& k) { return k.List(selection); });
  if (!all.ok()) return ctx.Error(all.status());
  std::string needle;
  if (auto it = r.query.find("text"); it != r.query.end()) needle = Lower(it->second);
  std::vector<const store::PartnershipSummary*> hits;
  for (const auto& s : *all) {
    if (needle.empty() || MatchesText(s, needle)) hits.push_back(&s);
  }
  nlohmann::json items = nlohmann::json::array();
  const size_t first = (*page - 1) * *per_page;
  for (size_t i = first; i < hits.size() && i < first + *per_page; ++i) {
    items.push_back(SummaryJson(*hits[i]));
  }
  return JsonResponse(200, {{"items", std::move(items)},
                            {"total", hits.size()},
                            {"page", *page},
                            {"per_page", *per_page}});
}

HttpResponse PartnershipsService::Get(RequestContext& ctx) const {
  store::Selection selection;
  selection.partnership_id = ctx.params.at("id");
  auto dossier = env_.WithKembar([&](Kembar& k) { return k.Export(selection); });
  if (!dossier.ok()) return ctx.Error(dossier.status());
  if (dossier->partnerships.empty()) {
    return ctx.Error(Status::NotFound("no partnership '" + ctx.params.at("id") + "'"));
  }
  // Written straight from the model, as the dossier-v1 writer writes it.
  std::string partnership;
  {
    io::JsonWriter w(&partnership);
    io::WritePartnership(dossier->partnerships.front(), true, &w);
  }
  HttpResponse resp;
  resp.body = "{\"partnership\":" + partnership + ",\"regions\":[";
  for (size_t i = 0; i < dossier->regions.size(); ++i) {
    if (i) resp.body += ',';
    io::JsonWriter w(&resp.body);
    io::WriteRegion(dossier->regions[i], &w);
  }
  resp.body += "]}";
  resp.headers.emplace_back("ETag", "\"" + io::Sha256Hex(partnership) + "\"");
  return resp;
}

}  // namespace kembar::server
