// POST /api/import and GET /api/export: a whole dossier in and out.
#ifndef KEMBAR_SERVER_SERVICE_IMPORT_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_IMPORT_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class ImportService {
 public:
  explicit ImportService(const ServiceEnv& env) : env_(env) {}
  // POST /api/import?mode=refuse|merge|replace with a dossier-v1 body: all of it or
  // nothing, by the CLI's rules. 200 {"regions_added","regions_updated",
  // "partnerships_added","partnerships_updated","events"}; 400 with every problem
  // at its JSON path in "problems"; 403 when an editor's document touches a
  // partnership outside its regions or changes a region not its own.
  HttpResponse Import(RequestContext& ctx) const;
  // GET /api/export?region=ID|name&partnership=ID: the selected records (all by
  // default) as a dossier-v1 document, as a download.
  HttpResponse Export(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_IMPORT_SERVICE_H_
