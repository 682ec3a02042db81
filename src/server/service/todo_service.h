// GET /api/todo: the officer's to-do list, from the assessment snapshot.
#ifndef KEMBAR_SERVER_SERVICE_TODO_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_TODO_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class TodoService {
 public:
  explicit TodoService(const ServiceEnv& env) : env_(env) {}
  // ?region=&within=90&all=1&as_of=&lang= -> 200 {"as_of","items":[{"partnership",
  // "parties","code","concept","due","urgency","text"}...]} overdue first (the JSON
  // of `kembar todo --json`), texts in the caller's language. Without region= an
  // editor sees its own regions, everyone else every partnership. all=1 adds the
  // recommendations without a due day. 400 naming within/all/as_of/lang, 404 for an
  // unknown region.
  HttpResponse Get(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_TODO_SERVICE_H_
