#include "kembar/report/charts.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>

namespace kembar::report {

using network::DistanceStats;
using network::PowerLawFit;
using network::Stats;

namespace {

constexpr double kWidth = 800, kHeight = 520;
constexpr double kLeft = 90, kRight = 30, kTop = 56, kBottom = 72;
constexpr const char* kFont = "DejaVu Sans";

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Runs `draw` on a fresh surface of the format and returns the document's bytes.
Result<std::string> Render(ChartFormat format, const std::function<void(cairo_t*)>& draw) {
  std::string out;
  cairo_surface_t* surface =
      format == ChartFormat::kSvg
          ? cairo_svg_surface_create_for_stream(AppendBytes, &out, kWidth, kHeight)
          : cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(kWidth),
                                       static_cast<int>(kHeight));
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> owner(surface,
                                                                           cairo_surface_destroy);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  draw(cr);
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  if (drawn != CAIRO_STATUS_SUCCESS)
    return Status::IoError(std::string("chart: ") + cairo_status_to_string(drawn));
  if (format == ChartFormat::kPng) {
    const cairo_status_t st = cairo_surface_write_to_png_stream(surface, AppendBytes, &out);
    if (st != CAIRO_STATUS_SUCCESS)
      return Status::IoError(std::string("chart: ") + cairo_status_to_string(st));
  }
  cairo_surface_finish(surface);  // flushes the SVG into `out`
  const cairo_status_t st = cairo_surface_status(surface);
  if (st != CAIRO_STATUS_SUCCESS)
    return Status::IoError(std::string("chart: ") + cairo_status_to_string(st));
  return out;
}

enum class Align { kLeft, kCenter, kRight };

void Text(cairo_t* cr, double x, double y, const std::string& s, double size,
          Align align = Align::kCenter, bool bold = false, double angle = 0) {
  cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, s.c_str(), &ext);
  const double dx = align == Align::kLeft     ? 0
                    : align == Align::kCenter ? -ext.x_advance / 2
                                              : -ext.x_advance;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_rotate(cr, angle);
  cairo_move_to(cr, dx, size * 0.35);  // y is the text's middle
  cairo_show_text(cr, s.c_str());
  cairo_restore(cr);
}

void Line(cairo_t* cr, double x0, double y0, double x1, double y1) {
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

// Title, frame, axis labels and the data's credit line, shared by both charts.
void Frame(cairo_t* cr, const std::string& title, const std::string& x_label,
           const std::string& y_label, const std::string& attribution) {
  if (!attribution.empty()) {
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    Text(cr, kWidth - 8, kHeight - 7, attribution, 8, Align::kRight);
  }
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  Text(cr, kWidth / 2, 26, title, 16, Align::kCenter, true);
  Text(cr, kLeft + (kWidth - kLeft - kRight) / 2, kHeight - 22, x_label, 13);
  Text(cr, 22, kTop + (kHeight - kTop - kBottom) / 2, y_label, 13, Align::kCenter, false,
       -M_PI / 2);
  cairo_set_line_width(cr, 1.2);
  cairo_rectangle(cr, kLeft, kTop, kWidth - kLeft - kRight, kHeight - kTop - kBottom);
  cairo_stroke(cr);
}

// "10⁻³" for 10^-3 (Unicode superscripts; DejaVu has them).
std::string PowerOfTen(int e) {
  if (e == 0) return "1";
  if (e == 1) return "10";
  static const char* kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string s = "10";
  if (e < 0) s += "⁻";
  const std::string digits = std::to_string(std::abs(e));
  for (char c : digits) s += kSup[c - '0'];
  return s;
}

// 12345 -> "12,345".
std::string Thousands(double v) {
  const long long r = std::llround(v);
  const std::string digits = std::to_string(r < 0 ? -r : r);
  std::string s = r < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s.push_back(',');
    s.push_back(digits[i]);
  }
  return s;
}

// A tick step of 1, 2 or 5 times a power of ten giving about `count` ticks up to max.
double NiceStep(double max, int count) {
  const double raw = max / count;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

// Sum of j^-alpha for j >= xmin (the Hurwitz zeta function), to normalise the fit.
double Zeta(double alpha, double xmin) {
  double sum = 0;
  const double stop = xmin + 100000;
  for (double j = xmin; j < stop; ++j) sum += std::pow(j, -alpha);
  return sum + std::pow(stop - 0.5, 1 - alpha) / (alpha - 1);  // the rest as an integral
}

}  // namespace

Result<std::string> DegreeChart(const Stats& stats, ChartFormat format, std::string_view title) {
  std::vector<std::pair<double, double>> points;  // (degree, fraction), degree >= 1
  for (auto [k, count] : stats.degree_histogram) {
    if (k > 0)
      points.emplace_back(static_cast<double>(k),
                          static_cast<double>(count) / static_cast<double>(stats.nodes));
  }
  if (points.empty()) return Status::InvalidInput("degree chart: the network has no ties");
  const std::string heading =
      title.empty() ? "Degree distribution: " + Thousands(static_cast<double>(stats.nodes)) +
                          " places, " + Thousands(static_cast<double>(stats.edges)) + " ties"
                    : std::string(title);
  double min_p = 1;
  for (const auto& p : points) min_p = std::min(min_p, p.second);
  const int x_hi = std::max(
      1, static_cast<int>(std::ceil(std::log10(static_cast<double>(stats.max_degree)) - 1e-9)));
  const int y_lo = std::min(-1, static_cast<int>(std::floor(std::log10(min_p))));
  const double pw = kWidth - kLeft - kRight, ph = kHeight - kTop - kBottom;
  auto X = [&](double k) { return kLeft + pw * std::log10(k) / x_hi; };
  auto Y = [&](double p) { return kTop + ph * (0 - std::log10(p)) / (0 - y_lo); };

  return Render(format, [&](cairo_t* cr) {
    Frame(cr, heading, "degree k (partners of a place)", "fraction of places with degree k",
          stats.attribution);
    cairo_set_line_width(cr, 0.6);
    for (int e = 0; e <= x_hi; ++e) {  // decades and their minor ticks
      cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
      if (e > 0 && e < x_hi) Line(cr, X(std::pow(10, e)), kTop, X(std::pow(10, e)), kTop + ph);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Line(cr, X(std::pow(10, e)), kTop + ph, X(std::pow(10, e)), kTop + ph + 6);
      Text(cr, X(std::pow(10, e)), kTop + ph + 18, PowerOfTen(e), 12);
      for (int m = 2; m < 10 && e < x_hi; ++m)
        Line(cr, X(m * std::pow(10, e)), kTop + ph, X(m * std::pow(10, e)), kTop + ph + 3);
    }
    for (int e = y_lo; e <= 0; ++e) {
      cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
      if (e > y_lo && e < 0) Line(cr, kLeft, Y(std::pow(10, e)), kLeft + pw, Y(std::pow(10, e)));
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Line(cr, kLeft - 6, Y(std::pow(10, e)), kLeft, Y(std::pow(10, e)));
      Text(cr, kLeft - 10, Y(std::pow(10, e)), PowerOfTen(e), 12, Align::kRight);
    }
    cairo_set_source_rgba(cr, 0.12, 0.35, 0.65, 0.85);
    for (const auto& [k, p] : points) {
      cairo_arc(cr, X(k), Y(p), 3.2, 0, 2 * M_PI);
      cairo_fill(cr);
    }
    double legend_y = kTop + 20;
    cairo_set_source_rgb(cr, 0.12, 0.35, 0.65);
    cairo_arc(cr, kLeft + pw - 250, legend_y, 3.2, 0, 2 * M_PI);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    Text(cr, kLeft + pw - 238, legend_y, "places with degree k", 12, Align::kLeft);
    const PowerLawFit& fit = stats.power_law;
    if (fit.fitted && fit.alpha > 1 && fit.xmin >= 1) {
      // p(k) = share of the tail x k^-alpha / zeta(alpha, xmin), for k >= xmin.
      const double c = static_cast<double>(fit.tail) / static_cast<double>(stats.nodes) /
                       Zeta(fit.alpha, fit.xmin);
      const double k0 = fit.xmin, k1 = static_cast<double>(stats.max_degree);
      cairo_set_source_rgb(cr, 0.8, 0.15, 0.1);
      cairo_set_line_width(cr, 2);
      const double dash[] = {7, 4};
      cairo_set_dash(cr, dash, 2, 0);
      Line(cr, X(k0), Y(c * std::pow(k0, -fit.alpha)), X(std::max(k1, k0 + 1)),
           Y(c * std::pow(std::max(k1, k0 + 1), -fit.alpha)));
      Line(cr, kLeft + pw - 258, legend_y + 20, kLeft + pw - 242, legend_y + 20);
      cairo_set_dash(cr, nullptr, 0, 0);
      char label[96];
      std::snprintf(label, sizeof label, "power law, α = %.2f for k ≥ %.0f", fit.alpha, fit.xmin);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Text(cr, kLeft + pw - 238, legend_y + 20, label, 12, Align::kLeft);
    }
  });
}

Result<std::string> DistanceChart(const Stats& stats, ChartFormat format, std::string_view title) {
  const DistanceStats& d = stats.distance;
  if (d.edges_with_coordinates == 0 || d.histogram.empty()) {
    return Status::InvalidInput("distance chart: no tie has coordinates at both ends");
  }
  const std::string heading =
      title.empty()
          ? "Length of the ties: " + Thousands(static_cast<double>(d.edges_with_coordinates)) +
                " ties, median " + Thousands(d.median_km) + " km"
          : std::string(title);
  const double max_km = d.bin_km * static_cast<double>(d.histogram.size());
  const double max_count =
      static_cast<double>(*std::max_element(d.histogram.begin(), d.histogram.end()));
  const double x_step = NiceStep(max_km, 8), y_step = NiceStep(max_count, 6);
  const double x_hi = std::ceil(max_km / x_step) * x_step,
               y_hi = std::ceil(max_count / y_step) * y_step;
  const double pw = kWidth - kLeft - kRight, ph = kHeight - kTop - kBottom;
  auto X = [&](double km) { return kLeft + pw * km / x_hi; };
  auto Y = [&](double c) { return kTop + ph * (1 - c / y_hi); };

  return Render(format, [&](cairo_t* cr) {
    Frame(cr, heading, "geodesic length of the tie (km, " + Thousands(d.bin_km) + " km bins)",
          "ties", stats.attribution);
    cairo_set_line_width(cr, 0.6);
    for (double v = 0; v <= y_hi + 1e-9; v += y_step) {
      cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
      if (v > 0 && v < y_hi) Line(cr, kLeft, Y(v), kLeft + pw, Y(v));
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Line(cr, kLeft - 6, Y(v), kLeft, Y(v));
      Text(cr, kLeft - 10, Y(v), Thousands(v), 12, Align::kRight);
    }
    for (double v = 0; v <= x_hi + 1e-9; v += x_step) {
      Line(cr, X(v), kTop + ph, X(v), kTop + ph + 6);
      Text(cr, X(v), kTop + ph + 18, Thousands(v), 12);
    }
    cairo_set_source_rgb(cr, 0.12, 0.35, 0.65);
    for (size_t i = 0; i < d.histogram.size(); ++i) {
      const double x0 = X(d.bin_km * static_cast<double>(i)),
                   x1 = X(d.bin_km * static_cast<double>(i + 1));
      cairo_rectangle(cr, x0 + 0.5, Y(static_cast<double>(d.histogram[i])),
                      std::max(0.5, x1 - x0 - 1),
                      kTop + ph - Y(static_cast<double>(d.histogram[i])));
    }
    cairo_fill(cr);
    const struct {
      double km, share;
    } marks[] = {{1000, d.share_within_1000}, {5000, d.share_within_5000}};
    // The marks: a short label by each line, the shares in a legend at the top right.
    double legend_y = kTop + 20;
    for (const auto& m : marks) {
      if (m.km > x_hi) continue;
      cairo_set_source_rgb(cr, 0.8, 0.15, 0.1);
      cairo_set_line_width(cr, 1.5);
      const double dash[] = {6, 4};
      cairo_set_dash(cr, dash, 2, 0);
      Line(cr, X(m.km), kTop, X(m.km), kTop + ph);
      Line(cr, kLeft + pw - 238, legend_y, kLeft + pw - 222, legend_y);
      cairo_set_dash(cr, nullptr, 0, 0);
      Text(cr, X(m.km) + 5, kTop + 12, Thousands(m.km) + " km", 11, Align::kLeft);
      char label[64];
      std::snprintf(label, sizeof label, "%.1f%% of ties within %s km", 100 * m.share,
                    Thousands(m.km).c_str());
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
      Text(cr, kLeft + pw - 216, legend_y, label, 12, Align::kLeft);
      legend_y += 20;
    }
  });
}

}  // namespace kembar::report
