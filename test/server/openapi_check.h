// Checks HTTP answers against the OpenAPI description the server serves
// (src/server/openapi.json, GET /api/openapi.json): the API tests call
// ValidateResponse on every response they receive (api_test.cc, `Call`).
#ifndef KEMBAR_TEST_SERVER_OPENAPI_CHECK_H_
#define KEMBAR_TEST_SERVER_OPENAPI_CHECK_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kembar/model/status.h"

namespace kembar::server {

// The embedded OpenAPI document, parsed once; never null.
const nlohmann::json& OpenApiDocument();

// The key of `paths` that describes `path` (a concrete path such as
// "/api/partnerships/p1", with or without "?query", or a pattern such as
// "/api/partnerships/{id}"): literal segments must be equal, a "{name}" segment of the
// document matches any non-empty segment, and the candidate with the most literal
// segments wins. nullopt when no path matches.
std::optional<std::string> FindOpenApiPath(const std::string& path);

// Whether a response agrees with the document: for `method` (HEAD is GET without a
// body) and `path` (as FindOpenApiPath takes it) the operation must document
// `status`, its media type `content_type` (parameters after ';' ignored), and a JSON
// body must validate against that response's schema (valijson, draft 7; refs into
// "#/components/..." resolve). A response with no content in the document must have
// an empty body. An answer for a path outside /api is Ok (the web application); one
// for an undescribed /api path or method must be a 404, 405 (or 429) with the
// Error body.
// InvalidInput names the operation and the first mismatch.
Status ValidateResponse(const std::string& method, const std::string& path, int status,
                        const std::string& content_type, const std::string& body);

}  // namespace kembar::server

#endif  // KEMBAR_TEST_SERVER_OPENAPI_CHECK_H_
