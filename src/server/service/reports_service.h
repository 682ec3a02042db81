// GET /api/reports/partnership/{id}, /api/reports/region/{id}, /api/reports/national:
// the reports of `kembar report` (issue 13) as downloads, in the caller's language.
#ifndef KEMBAR_SERVER_SERVICE_REPORTS_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_REPORTS_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class ReportsService {
 public:
  explicit ReportsService(const ServiceEnv& env) : env_(env) {}
  // ?format=pdf|html|xlsx|md (default pdf)&lang=&as_of= -> the partnership report
  // card, as an attachment named after it. 404 for an unknown partnership, 400
  // naming format/lang/as_of.
  HttpResponse Partnership(RequestContext& ctx) const;
  // ?year=YYYY (required)&format=&lang=&as_of= -> the region's annual report; {id}
  // is a region id or name. 404 for an unknown region, 400 naming year.
  HttpResponse Region(RequestContext& ctx) const;
  // ?year=&format=&lang=&as_of= -> the national report (every partnership), as of the
  // year's end (or today while it runs), or as_of.
  HttpResponse National(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_REPORTS_SERVICE_H_
