// GET /api/network/stats, /api/network/ego and /api/network/export: the worldwide
// twin-city network (the Wikipedia pairs compiled in plus the stored partnerships).
#ifndef KEMBAR_SERVER_SERVICE_NETWORK_SERVICE_H_
#define KEMBAR_SERVER_SERVICE_NETWORK_SERVICE_H_

#include "server/service/service.h"

namespace kembar::server {

class NetworkService {
 public:
  explicit NetworkService(const ServiceEnv& env) : env_(env) {}
  // ?country= -> 200 the statistics panel (the JSON of `kembar network stats
  // --json`, docs/network.md). 404 (field country) for an unknown country.
  HttpResponse Stats(RequestContext& ctx) const;
  // ?place=&depth=2&country=&lang= -> 200 the ego network (the JSON of `kembar
  // network ego --json`) plus "text", the same in a sentence per ring in the
  // caller's language. 400 naming place (missing) or depth (1-4); 404 for an
  // unknown place.
  HttpResponse Ego(RequestContext& ctx) const;
  // ?format=gexf|graphml|geojson&country= -> 200 the graph as a download:
  // application/gexf+xml, application/graphml+xml or application/geo+json, with
  // Content-Disposition: attachment; filename="kembar-network.EXT". 400 (field
  // format) for another format.
  HttpResponse Export(RequestContext& ctx) const;

 private:
  const ServiceEnv& env_;
};

}  // namespace kembar::server

#endif  // KEMBAR_SERVER_SERVICE_NETWORK_SERVICE_H_
