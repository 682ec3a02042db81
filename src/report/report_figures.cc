#include "report/report_figures.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>

namespace kembar::report::internal {
namespace {

void Rgb(cairo_t* cr, unsigned color) {
  cairo_set_source_rgb(cr, ((color >> 16) & 0xFF) / 255.0, ((color >> 8) & 0xFF) / 255.0,
                       (color & 0xFF) / 255.0);
}

}  // namespace

void DrawLabel(cairo_t* cr, const std::string& s, double x, double y, double size,
               int pango_alignment, double box) {
  const auto align = static_cast<PangoAlignment>(pango_alignment);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("Noto Sans");
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout, static_cast<int>(box * PANGO_SCALE));
  pango_layout_set_alignment(layout, align);
  pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text(layout, s.data(), static_cast<int>(s.size()));
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  cairo_move_to(cr, x, y - static_cast<double>(h) / PANGO_SCALE / 2);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
}

unsigned ConditionColor(std::string_view c) {
  if (c == "active") return 0x1E7B3A;
  if (c == "at_risk") return 0xB35C00;
  if (c == "dormant") return 0xB3261E;
  if (c == "ended") return 0x4A4A4A;
  if (c == "not_in_force") return 0x5B4B9A;
  return 0x6B7785;
}

Figure BarFigure(std::string title, std::string caption, std::vector<Bar> bars) {
  Figure f;
  f.title = std::move(title);
  f.caption = std::move(caption);
  f.width = 520;
  f.height = 16 + 18.0 * static_cast<double>(std::max<size_t>(bars.size(), 1));
  f.draw = [bars = std::move(bars)](cairo_t* cr, double width, double height) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, 0, 0, width, height);
    cairo_fill(cr);
    const double left = 170, right = 60, top = 8;
    double max = 0;
    for (const Bar& b : bars) max = std::max(max, b.value);
    const double plot = width - left - right;
    for (size_t i = 0; i < bars.size(); ++i) {
      const double cy = top + 18.0 * static_cast<double>(i) + 9;
      cairo_set_source_rgb(cr, 0.11, 0.12, 0.14);
      DrawLabel(cr, bars[i].label, 0, cy, 8.5, PANGO_ALIGN_RIGHT, left - 8);
      const double w = max > 0 ? bars[i].value / max * plot : 0;
      Rgb(cr, bars[i].color);
      cairo_rectangle(cr, left, cy - 6, std::max(w, bars[i].value > 0 ? 1.5 : 0.0), 12);
      cairo_fill(cr);
      cairo_set_source_rgb(cr, 0.11, 0.12, 0.14);
      DrawLabel(cr, bars[i].shown, left + w + 4, cy, 8.5, PANGO_ALIGN_LEFT, right);
    }
  };
  return f;
}

}  // namespace kembar::report::internal
