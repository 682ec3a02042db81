// The query parameters the read endpoints share (?lang=, ?as_of=, ?region=, whole
// numbers) and the JSON of the records they answer with. Each reader returns the
// value or a 400 ApiError naming the query parameter ("field": "as_of").
#ifndef KEMBAR_SERVER_SERVICE_READ_PARAMS_H_
#define KEMBAR_SERVER_SERVICE_READ_PARAMS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "server/service/service.h"

namespace kembar::server {

// A parameter's value, or the error response to give instead.
template <typename T>
using Param = std::variant<T, HttpResponse>;

// The error response `p` holds, or null when it holds a value.
template <typename T>
const HttpResponse* ErrorOf(const Param<T>& p) {
  return std::get_if<HttpResponse>(&p);
}

// ?`key`= as given (decoded), or null when the query does not name it.
const std::string* Query(const RequestContext& ctx, const std::string& key);

// The caller's language: ?lang=id|en, else the user's preferred language, else
// English. 400 (field "lang") for another value.
Param<Lang> LangParam(const RequestContext& ctx);

// ?as_of=YYYY-MM-DD, else today (UTC) by `env.clock`. 400 (field "as_of") for a
// value that is not a valid day.
Param<Day> AsOfParam(const ServiceEnv& env, const RequestContext& ctx);

// The stored region ?`key`= names (an id or any of its names, via ResolveRegion),
// or nullopt when absent or empty. 404 for an unknown region and 400 for an
// ambiguous name, both naming `key` as the field.
Param<std::optional<std::string>> RegionParam(const ServiceEnv& env, const RequestContext& ctx,
                                              const std::string& key = "region");

// ?`key`= as a whole number from `min` to `max`, else `fallback`. 400 naming `key`
// otherwise.
Param<int> IntParam(const RequestContext& ctx, const std::string& key, int fallback, int min,
                    int max);

// A page of a listing: ?page= (from 1) and ?per_page= (1 to `max_per_page`).
struct Page {
  size_t page = 1;
  size_t per_page = 50;
  size_t offset() const { return (page - 1) * per_page; }
};
// ?page=&per_page= (default 1 and `per_page`). 400 naming "page" or "per_page".
Param<Page> PageParam(const RequestContext& ctx, size_t per_page, size_t max_per_page);

// ?`key`= as a non-empty string; 400 naming `key` when absent or empty.
Param<std::string> RequiredParam(const RequestContext& ctx, const std::string& key);

// The region as the API shows it: {"id","name","country","country_name" (in
// `lang`),"level","names" ({language: name}, as in the dossier),"parent" (an id or
// null),"lat","lon" (degrees, 5 decimals; both absent when unknown)}.
nlohmann::json RegionRowJson(const store::RegionRow& row, Lang lang);
// Degrees rounded to 5 decimals (about a metre).
nlohmann::json Coordinate(double degrees);

// A partnership summary as GET /api/partnerships lists it.
nlohmann::json PartnershipSummaryJson(const store::PartnershipSummary& s);

// The assessments of `snapshot` in which one of `regions` is a party (home or
// partner), in snapshot order; every assessment when `regions` is empty.
std::vector<const assess::PartnershipAssessment*> SelectAssessments(
    const AssessSnapshot& snapshot, const std::vector<std::string>& regions);

// The assessments of `snapshot` for `regions` (every one when empty) as one vector:
// the snapshot's own when `regions` is empty, else copies in `*storage`. Results
// that point into it stay valid while `snapshot` and `*storage` live.
const std::vector<assess::PartnershipAssessment>& SelectedAssessments(
    const AssessSnapshot& snapshot, const std::vector<std::string>& regions,
    std::vector<assess::PartnershipAssessment>* storage);

// A response with a body that is not JSON.
HttpResponse TextResponse(std::string content_type, std::string body);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_READ_PARAMS_H_
