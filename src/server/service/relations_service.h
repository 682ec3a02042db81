// GET /api/relations: diplomatic relations between two countries.
#ifndef KEMBAR_SERVER_SERVICE_RELATIONS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_RELATIONS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class RelationsService {
 public:
  explicit RelationsService(const ServiceEnv& env) : env_(env) {}
  // ?a=&b=&lang= (ISO codes or English or Indonesian names) -> 200 the JSON of
  // `kembar relations A B --json` plus "a_name", "b_name" and "text" (the relation
  // in a sentence) in the caller's language. 400 naming a or b when missing, 404
  // (field a or b) for an unknown country.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_RELATIONS_SERVICE_H_
