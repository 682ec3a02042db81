#include "server/service/openapi_service.h"

namespace kembar::server {

HttpResponse OpenApiService::Get(RequestContext& /*ctx*/) const {
  HttpResponse r;
  r.status = 200;
  r.content_type = "application/json";
  r.body = std::string(OpenApiJson());
  return r;
}

}  // namespace kembar::server
