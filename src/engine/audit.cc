#include "engine/audit.h"

#include <utility>

#include "engine/search.h"

namespace kembar::engine {

Result<AuditReport> Audit(store::Store& store, const AuditParams& params) {
  if (params.limit > kMaxAuditLimit) {
    return Status::InvalidInput("the limit is at most " + std::to_string(kMaxAuditLimit),
                                "batas jumlah paling banyak " + std::to_string(kMaxAuditLimit));
  }
  if (!params.from.empty() && !params.to.empty() && params.to < params.from) {
    return Status::InvalidInput(
        "the last day " + params.to + " is before the first " + params.from,
        "hari terakhir " + params.to + " sebelum hari pertama " + params.from);
  }
  store::ChangeQuery q;
  q.actor = params.user;
  q.from = params.from;
  q.to = params.to;
  q.action = params.action;
  q.offset = params.offset;
  q.limit = params.limit;
  if (!params.region.empty()) {
    auto id = ResolveRegion(store, params.region);
    if (!id.ok()) return id.status();
    q.region_id = *id;
  }
  auto page = store.ChangeLog(q);
  if (!page.ok()) return page.status();
  AuditReport report;
  report.entries = std::move(page->items);
  report.total = page->total;
  report.offset = params.offset;
  report.limit = params.limit;
  return report;
}

}  // namespace kembar::engine
