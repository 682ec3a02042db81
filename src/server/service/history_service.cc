#include "server/service/history_service.h"

namespace kembar::server {

namespace {

// A record the store wrote as JSON, parsed; null when empty (and the text itself
// should it not parse, which the store never writes).
nlohmann::json Embedded(const std::string& text) {
  if (text.empty()) return nullptr;
  nlohmann::json v = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return v.is_discarded() ? nlohmann::json(text) : v;
}

}  // namespace

HttpResponse HistoryService::Get(RequestContext& ctx) const {
  const std::string& id = ctx.params.at("id");
  auto records = env_.WithKembar([&](Kembar& k) { return k.History(id); });
  if (!records.ok()) return ctx.Error(records.status());
  if (records->empty()) return ctx.Error(Status::NotFound("no partnership '" + id + "'"));
  nlohmann::json items = nlohmann::json::array();
  for (const store::ChangeRecord& c : *records) {
    items.push_back({{"seq", c.seq},
                     {"at", c.at},
                     {"actor", c.actor},
                     {"action", c.action},
                     {"summary", c.summary},
                     {"before", Embedded(c.before)},
                     {"after", Embedded(c.after)}});
  }
  return JsonResponse(200, {{"partnership", id}, {"items", std::move(items)}});
}

}  // namespace kembar::server
