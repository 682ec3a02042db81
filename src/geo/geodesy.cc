#include "kembar/geo/geodesy.h"

#include <GeographicLib/Geodesic.hpp>

namespace kembar::geo {

double GeodesicDistanceMetres(double lat1, double lon1, double lat2, double lon2) {
  double s12 = 0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, s12);
  return s12;
}

}  // namespace kembar::geo
