// Exports of a twin-city graph for research tools: GEXF and GraphML (Gephi, yEd,
// Cytoscape, NetworkX, igraph), GeoJSON (QGIS, any web map) and CSV node and edge
// lists (spreadsheets, R, pandas, Gephi's spreadsheet import).
//
// Every format carries, per node, the name, ISO country, coordinates when known and
// degree; per edge, the kind and the start year when known. Node i is written as "n<i>"
// (GraphML, GeoJSON) or "<i>" (GEXF, CSV), with the stable key (NetNode::id) as an
// attribute.
#ifndef KEMBAR_REPORT_NETWORK_EXPORT_H_
#define KEMBAR_REPORT_NETWORK_EXPORT_H_

#include <string>

#include "kembar/network/graph.h"

namespace kembar::report {

// GEXF 1.2 (undirected), with viz:position x = longitude, y = latitude so that Gephi
// shows the places where they are before any layout.
std::string ToGexf(const network::Graph& graph);

// GraphML 1.0, valid under the GraphML schema; keys name, key, country, lat, lon,
// degree (nodes), kind, start_year (edges).
std::string ToGraphMl(const network::Graph& graph);

struct GeoJsonOptions {
  bool nodes = true;        // a Point per node with coordinates
  bool edges = true;        // a LineString per edge whose two ends have coordinates
  double densify_km = 100;  // at most this far between the vertices of a line
  int decimals = 5;         // of the coordinates (1e-5 degree is about a metre)
};

// An RFC 7946 FeatureCollection ([longitude, latitude] order, WGS84). Edges follow
// the geodesic (GeographicLib), densified; one that crosses the antimeridian is a
// MultiLineString split at +/-180 degrees so that maps do not draw it across the
// world.
std::string ToGeoJson(const network::Graph& graph, const GeoJsonOptions& options = {});

// Header id,label,key,country,lat,lon,degree; id is the node index, label the name,
// key NetNode::id. RFC 4180 quoting; empty lat/lon when unknown.
std::string NodesCsv(const network::Graph& graph);

// Header source,target,kind,start_year; source and target are node indices (the id
// column of NodesCsv). LoadEdgeListCsv reads both back.
std::string EdgesCsv(const network::Graph& graph);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_NETWORK_EXPORT_H_
