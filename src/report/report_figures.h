// Charts the reports share, as document figures drawn with cairo and Pango.
// Private to the rendering layer.
#ifndef KEMBAR_SRC_REPORT_REPORT_FIGURES_H_
#define KEMBAR_SRC_REPORT_REPORT_FIGURES_H_

#include <string>
#include <utility>
#include <vector>

#include "kembar/report/document.h"

namespace kembar::report::internal {

// One bar of a horizontal bar chart: its label, value, the value as printed, and its
// colour (0xRRGGBB).
struct Bar {
  std::string label;
  double value = 0;
  std::string shown;
  unsigned color = 0x0B4F6C;
};

// Horizontal bars, one per item, labels on the left and values at the bars' ends.
Figure BarFigure(std::string title, std::string caption, std::vector<Bar> bars);

// `s` in Noto Sans at `size` points, in a box `box` points wide from x, vertically
// centred on y, cut with an ellipsis when longer.
void DrawLabel(cairo_t* cr, const std::string& s, double x, double y, double size,
               int pango_alignment, double box);

// The condition colours of the web application (dark enough for white text).
unsigned ConditionColor(std::string_view condition);

}  // namespace kembar::report::internal

#endif  // KEMBAR_SRC_REPORT_REPORT_FIGURES_H_
