// GET /api/partnerships/{id}/history: the change records of one partnership.
#ifndef KEMBAR_SERVER_SERVICE_HISTORY_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_HISTORY_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class HistoryService {
 public:
  explicit HistoryService(const ServiceEnv& env) : env_(env) {}
  // 200 {"partnership":id,"items":[{"seq","at","actor","action","summary","before",
  // "after"}...]} oldest first; before/after are the record as parsed JSON, or null
  // (created, deleted). 404 when no change record touched the id (a deleted
  // partnership keeps its history).
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_HISTORY_SERVICE_H_
