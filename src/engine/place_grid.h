// The gazetteer's places in cells of a quarter of a degree, for the finder's
// surroundings and the network's match by a similar name nearby.
#ifndef KEMBAR_SRC_ENGINE_PLACE_GRID_H_
#define KEMBAR_SRC_ENGINE_PLACE_GRID_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "kembar/finder/finder.h"
#include "kembar/geo/gazetteer.h"

namespace kembar::engine {

// The gazetteer's places in cells of a quarter of a degree, built once: the places
// within a few tens of kilometres of a point, without a pass over all of them.
class PlaceGrid {
 public:
  static constexpr double kCellDegrees = 0.25;

  static const PlaceGrid& Bundled() {
    static const PlaceGrid* grid = new PlaceGrid(geo::Gazetteer::Bundled());
    return *grid;
  }

  size_t size() const { return size_; }

  // Calls fn(place index) for every place within `radius_km` of (lat, lon).
  template <typename Fn>
  void Near(double lat, double lon, double radius_km, Fn&& fn) const {
    if (!std::isfinite(lat) || !std::isfinite(lon) || !(radius_km > 0)) return;
    const double lat_span = radius_km / 111.0;
    const double cos_lat = std::max(0.05, std::cos(std::min(89.0, std::abs(lat)) * M_PI / 180.0));
    const double lon_span = std::min(180.0, radius_km / (111.0 * cos_lat));
    const long r0 = Cell(lat - lat_span), r1 = Cell(lat + lat_span);
    const long c0 = Cell(lon - lon_span), c1 = Cell(lon + lon_span);
    for (long r = r0; r <= r1; ++r) {
      for (long c = c0; c <= c1; ++c) {
        // Longitudes wrap at the antimeridian.
        const long cc = ((c % kColumns) + kColumns) % kColumns;
        auto it = cells_.find(Key(r, cc));
        if (it == cells_.end()) continue;
        for (uint32_t i : it->second) {
          const geo::GazPlace& p = places_[i];
          if (finder::SphereKm(lat, lon, p.lat, p.lon) <= radius_km) fn(static_cast<size_t>(i));
        }
      }
    }
  }

 private:
  static constexpr long kColumns = static_cast<long>(360 / kCellDegrees);
  static long Cell(double degrees) { return static_cast<long>(std::floor(degrees / kCellDegrees)); }
  static int64_t Key(long row, long column) {
    return static_cast<int64_t>(row) * kColumns + column;
  }

  explicit PlaceGrid(const geo::Gazetteer& gaz) : places_(gaz.places()), size_(gaz.size()) {
    for (size_t i = 0; i < places_.size(); ++i) {
      if (!std::isfinite(places_[i].lat) || !std::isfinite(places_[i].lon)) continue;
      const long column = ((Cell(places_[i].lon) % kColumns) + kColumns) % kColumns;
      cells_[Key(Cell(places_[i].lat), column)].push_back(static_cast<uint32_t>(i));
    }
  }

  std::span<const geo::GazPlace> places_;
  size_t size_;
  std::unordered_map<int64_t, std::vector<uint32_t>> cells_;
};

}  // namespace kembar::engine

#endif  // KEMBAR_SRC_ENGINE_PLACE_GRID_H_
