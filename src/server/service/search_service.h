// GET /api/search: regions, partnerships and gazetteer places matching a text.
#ifndef KEMBAR_SERVER_SERVICE_SEARCH_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_SEARCH_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class SearchService {
 public:
  explicit SearchService(const ServiceEnv& env) : env_(env) {}
  // ?q=TEXT&limit=20&lang= -> 200 the JSON of `kembar search --json` ({"country",
  // "regions","partnerships","places"}) plus "country_name" in the caller's language
  // (null when the text named no country). 400 naming q (missing) or limit.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_SEARCH_SERVICE_H_
