// /api/partnerships and /api/partnerships/{id}: listing, reading, adding, changing
// and deleting partnerships (their events: EventsService).
#ifndef KEMBAR_SERVER_SERVICE_PARTNERSHIPS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_PARTNERSHIPS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class PartnershipsService {
 public:
  // Items per page unless ?per_page= says otherwise (at most kMaxPerPage).
  static constexpr size_t kPerPage = 50;
  static constexpr size_t kMaxPerPage = 500;

  explicit PartnershipsService(const ServiceEnv& env) : env_(env) {}
  // GET: ?region=ID|name&text=&page=1&per_page=50 -> 200 {"items":[...],"total":N,
  // "page":P,"per_page":K}; text matches id, title-less names and the partner's
  // country, case-insensitively. 404 for an unknown region, 400 for a bad page.
  HttpResponse List(RequestContext& ctx) const;
  // GET {id}: 200 {"partnership":{dossier-v1 partnership},"regions":[the regions it
  // names],"version"} with the version as ETag; 404 for an unknown id.
  HttpResponse Get(RequestContext& ctx) const;
  // POST: a dossier-v1 partnership (its parties stored regions; events optional) ->
  // 201 as Get, with Location. 400 naming the JSON path, 403 out of scope.
  HttpResponse Create(RequestContext& ctx) const;
  // PUT {id}: the partnership's own members as a whole (events are kept; change them
  // through /events); PATCH {id}: only the members given (null removes one). An
  // optional If-Match with the version read: 409 when it is stale. -> 200 as Get.
  HttpResponse Update(RequestContext& ctx) const;
  // DELETE {id}: the partnership and its events (If-Match as Update) -> 204.
  HttpResponse Delete(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

// The version a client sent in If-Match ("\"abc\"", W/"abc"); "" for none or "*".
std::string IfMatch(const HttpRequest& request);

// 403 for a viewer (who changes nothing), before any work; nullopt for others.
std::optional<HttpResponse> RefuseViewer(const RequestContext& ctx);

// The stored partnership `id` as Get answers it, with `status`.
HttpResponse PartnershipResponse(const ServiceEnv& env, const RequestContext& ctx,
                                 const std::string& id, int status);

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_PARTNERSHIPS_SERVICE_H_
