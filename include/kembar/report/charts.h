// Charts of the statistics, drawn with cairo: the degree distribution on log-log axes
// (with the power-law fit) and the histogram of tie lengths in kilometres. Each has
// axes with ticks, axis labels and a title.
#ifndef KEMBAR_REPORT_CHARTS_H_
#define KEMBAR_REPORT_CHARTS_H_

#include <string>
#include <string_view>

#include "kembar/model/status.h"
#include "kembar/network/stats.h"

namespace kembar::report {

enum class ChartFormat { kSvg, kPng };

// The fraction of places with each degree, log-log, with the fitted power law
// (dashed) from xmin when stats.power_law.fitted. An empty title gives a default
// naming the counts. The bytes of an SVG document or a PNG image; IoError when cairo
// fails; InvalidInput when the stats have no places.
Result<std::string> DegreeChart(const network::Stats& stats, ChartFormat format,
                                std::string_view title = {});

// Ties per stats.distance.bin_km of geodesic length, with the 1,000 and 5,000 km
// marks and the shares within them. InvalidInput when no tie has coordinates.
Result<std::string> DistanceChart(const network::Stats& stats, ChartFormat format,
                                  std::string_view title = {});

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_CHARTS_H_
