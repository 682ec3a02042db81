// Distances on the WGS84 ellipsoid (GeographicLib), for the proximity concepts.
#ifndef KEMBAR_GEO_GEODESY_H_
#define KEMBAR_GEO_GEODESY_H_

namespace kembar::geo {

// Geodesic distance in metres between two points given in degrees (Karney's
// algorithm: accurate to nanometres, also for nearly antipodal points).
double GeodesicDistanceMetres(double lat1, double lon1, double lat2, double lon2);

// Great-circle distance in kilometres on a sphere of radius 6,371.0 km (haversine):
// the assessment contract's measure, so that an independent check agrees to the metre.
double GreatCircleKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace kembar::geo

#endif  // KEMBAR_GEO_GEODESY_H_
