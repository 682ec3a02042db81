#include "server/service/health_service.h"

namespace kembar::server {

HttpResponse HealthService::Get(RequestContext& ctx) const {
  auto counts = env_.WithKembar([](Kembar& k) { return k.Count(); });
  if (!counts.ok()) {
    ApiError e = ErrorFromStatus(counts.status());
    e.http_status = 503;
    return ctx.Error(e);
  }
  return JsonResponse(
      200, {{"status", "ok"}, {"version", KEMBAR_VERSION}, {"partnerships", counts->partnerships}});
}

}  // namespace kembar::server
