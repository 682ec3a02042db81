// GET /api/openapi.json: the OpenAPI 3.1 description of the API (src/server/openapi.json,
// compiled into the binary). No login.
#ifndef KEMBAR_SERVER_SERVICE_OPENAPI_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_OPENAPI_SERVICE_H_

#include <string_view>

#include "server/service/service.h"

namespace kembar::server {

// The text of src/server/openapi.json as it was when the binary was built (generated
// by CMake, kembar_embed_text).
std::string_view OpenApiJson();

class OpenApiService {
 public:
  OpenApiService() = default;
  // 200 with the OpenAPI document (application/json); the same bytes on every call.
  HttpResponse Get(RequestContext& ctx) const;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_OPENAPI_SERVICE_H_
