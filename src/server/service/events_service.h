// /api/partnerships/{id}/events[/{event_id}]: adding, changing and deleting one
// event of a partnership, by the import's rules, with If-Match on the partnership's
// version.
#ifndef KEMBAR_SERVER_SERVICE_EVENTS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_EVENTS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class EventsService {
 public:
  explicit EventsService(const ServiceEnv& env) : env_(env) {}
  // POST: a dossier-v1 event (an id is assigned when absent) -> 201 {"event_id",
  // "event","version"} with the partnership's new version as ETag. 400 names the
  // JSON path ("event.date") and changes nothing; 403 out of scope; 409 stale If-Match.
  HttpResponse Add(RequestContext& ctx) const;
  // PUT {event_id}: the event as a whole (members not given are removed; the id
  // stays); PATCH: only the members given (null removes one) -> 200 as Add.
  HttpResponse Update(RequestContext& ctx) const;
  // DELETE {event_id} -> 204 with the partnership's new version as ETag.
  HttpResponse Delete(RequestContext& ctx) const;

 private:
  HttpResponse Edit(RequestContext& ctx, EventEdit::Op op) const;
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_EVENTS_SERVICE_H_
