// The report document's small parts, the figure surfaces, and the two text formats
// (HTML and Markdown). PDF: document_pdf.cc; XLSX: document_xlsx.cc.
#include "kembar/report/document.h"

#include <cairo-svg.h>
#include <cairo.h>

#include <memory>
#include <string>
#include <utility>

namespace kembar::report {

Cell Cell::Text(std::string text) {
  Cell c;
  c.text = std::move(text);
  return c;
}

Cell Cell::Number(double value, std::string shown) {
  Cell c;
  c.kind = Kind::kNumber;
  c.number = value;
  c.text = std::move(shown);
  return c;
}

Cell Cell::Date(Day day, std::string shown) {
  Cell c;
  c.kind = Kind::kDate;
  c.day = day;
  c.text = std::move(shown);
  return c;
}

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "html") return ReportFormat::kHtml;
  if (name == "md" || name == "markdown") return ReportFormat::kMarkdown;
  if (name == "pdf") return ReportFormat::kPdf;
  if (name == "xlsx") return ReportFormat::kXlsx;
  return std::nullopt;
}

std::string_view ContentType(ReportFormat format) {
  switch (format) {
    case ReportFormat::kHtml:
      return "text/html; charset=utf-8";
    case ReportFormat::kMarkdown:
      return "text/markdown; charset=utf-8";
    case ReportFormat::kPdf:
      return "application/pdf";
    case ReportFormat::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

std::string_view Extension(ReportFormat format) {
  switch (format) {
    case ReportFormat::kHtml:
      return "html";
    case ReportFormat::kMarkdown:
      return "md";
    case ReportFormat::kPdf:
      return "pdf";
    case ReportFormat::kXlsx:
      return "xlsx";
  }
  return "bin";
}

Result<std::string> Render(const Document& doc, ReportFormat format) {
  switch (format) {
    case ReportFormat::kHtml:
      return RenderHtml(doc);
    case ReportFormat::kMarkdown:
      return RenderMarkdown(doc);
    case ReportFormat::kPdf:
      return RenderPdf(doc);
    case ReportFormat::kXlsx:
      return RenderXlsx(doc);
  }
  return Status::InvalidInput("unknown report format");
}

namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Result<std::string> Finish(cairo_surface_t* surface, cairo_t* cr, std::string* out, bool png) {
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  if (drawn != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Status::IoError(std::string("figure: ") + cairo_status_to_string(drawn));
  }
  cairo_status_t st = CAIRO_STATUS_SUCCESS;
  if (png) st = cairo_surface_write_to_png_stream(surface, AppendBytes, out);
  cairo_surface_finish(surface);  // flushes an SVG into `out`
  if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS)
    return Status::IoError(std::string("figure: ") + cairo_status_to_string(st));
  return std::move(*out);
}

}  // namespace

Result<std::string> FigureSvg(const Figure& figure) {
  std::string out;
  cairo_surface_t* surface =
      cairo_svg_surface_create_for_stream(AppendBytes, &out, figure.width, figure.height);
  cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_2);
  cairo_t* cr = cairo_create(surface);
  if (figure.draw) figure.draw(cr, figure.width, figure.height);
  return Finish(surface, cr, &out, false);
}

Result<std::string> FigurePng(const Figure& figure, double scale) {
  std::string out;
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(figure.width * scale),
                                 static_cast<int>(figure.height * scale));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  if (figure.draw) figure.draw(cr, figure.width, figure.height);
  return Finish(surface, cr, &out, true);
}

// ---------------------------------------------------------------------------------
// HTML: one self-contained page (styles inline in <style>, charts as inline SVG),
// printable on A4 with the browser's print.

namespace {

void Escape(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      default:
        *out += c;
    }
  }
}

std::string Esc(std::string_view s) {
  std::string out;
  Escape(s, &out);
  return out;
}

// cairo's SVG starts with an XML declaration, which is not allowed inside HTML.
std::string InlineSvg(std::string svg, const std::string& label) {
  if (svg.starts_with("<?xml")) svg.erase(0, svg.find("?>") + 2);
  const size_t open = svg.find("<svg");
  if (open != std::string::npos) {
    svg.insert(open + 4, " role=\"img\" aria-label=\"" + Esc(label) + "\"");
  }
  return svg;
}

constexpr std::string_view kCss = R"css(
:root { color: #1b1f24; font-family: "Noto Sans", "DejaVu Sans", system-ui, sans-serif; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
header.title { border-bottom: 3px solid #0b4f6c; margin-bottom: 1.5rem; }
header.title h1 { margin: 0 0 .25rem; color: #0b4f6c; }
header.title p { margin: .1rem 0; color: #3d4752; }
h2 { color: #0b4f6c; border-bottom: 1px solid #c9d3dc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { margin-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #d5dde5; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eef3f7; border-bottom: 2px solid #9fb3c4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #3d4752; }
footer { margin-top: 3rem; font-size: .8rem; color: #3d4752; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
}
)css";

}  // namespace

std::string RenderHtml(const Document& doc) {
  std::string out;
  out.reserve(64 * 1024);
  out += "<!doctype html>\n<html lang=\"";
  out += ToString(doc.lang);
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\">\n<title>";
  Escape(doc.title, &out);
  out += "</title>\n<style>";
  out += kCss;
  out += "</style>\n</head>\n<body>\n<header class=\"title\">\n<h1>";
  Escape(doc.title, &out);
  out += "</h1>\n";
  for (const std::string* line : {&doc.subject, &doc.period}) {
    if (line->empty()) continue;
    out += "<p>";
    Escape(*line, &out);
    out += "</p>\n";
  }
  out += "</header>\n<main>\n";
  for (const Section& section : doc.sections) {
    out += "<section>\n<h2>";
    Escape(section.heading, &out);
    out += "</h2>\n";
    for (const Block& block : section.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&block)) {
        out += "<p>";
        Escape(p->text, &out);
        out += "</p>\n";
      } else if (const auto* f = std::get_if<Facts>(&block)) {
        out += "<dl class=\"facts\">\n";
        for (const auto& [label, value] : f->items) {
          out += "<dt>" + Esc(label) + "</dt><dd>" + Esc(value) + "</dd>\n";
        }
        out += "</dl>\n";
      } else if (const auto* b = std::get_if<Bullets>(&block)) {
        out += "<ul>\n";
        for (const std::string& item : b->items) out += "<li>" + Esc(item) + "</li>\n";
        out += "</ul>\n";
      } else if (const auto* t = std::get_if<Table>(&block)) {
        if (!t->title.empty()) out += "<h3>" + Esc(t->title) + "</h3>\n";
        if (t->rows.empty()) {
          out += "<p>" + Esc(t->empty) + "</p>\n";
          continue;
        }
        out += "<table>\n<thead><tr>";
        for (const std::string& c : t->columns) out += "<th scope=\"col\">" + Esc(c) + "</th>";
        out += "</tr></thead>\n<tbody>\n";
        for (const auto& row : t->rows) {
          out += "<tr>";
          for (const Cell& cell : row) {
            out += cell.kind == Cell::Kind::kNumber ? "<td class=\"num\">" : "<td>";
            Escape(cell.text, &out);
            out += "</td>";
          }
          out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n";
      } else if (const auto* fig = std::get_if<Figure>(&block)) {
        out += "<figure>\n";
        if (auto svg = FigureSvg(*fig); svg.ok()) out += InlineSvg(std::move(*svg), fig->title);
        out += "\n<figcaption><strong>" + Esc(fig->title) + "</strong>";
        if (!fig->caption.empty()) out += " " + Esc(fig->caption);
        out += "</figcaption>\n</figure>\n";
      }
    }
    out += "</section>\n";
  }
  out += "</main>\n<footer><p>";
  Escape(doc.produced, &out);
  out += "</p></footer>\n</body>\n</html>\n";
  return out;
}

// ---------------------------------------------------------------------------------
// Markdown (GitHub's flavour): pipe tables; a chart becomes its title and caption.

namespace {

std::string MdCell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string RenderMarkdown(const Document& doc) {
  std::string out = "# " + doc.title + "\n\n";
  if (!doc.subject.empty()) out += doc.subject + "  \n";
  if (!doc.period.empty()) out += doc.period + "\n";
  out += "\n";
  for (const Section& section : doc.sections) {
    out += "## " + section.heading + "\n\n";
    for (const Block& block : section.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&block)) {
        out += p->text + "\n\n";
      } else if (const auto* f = std::get_if<Facts>(&block)) {
        for (const auto& [label, value] : f->items) out += "- **" + label + ":** " + value + "\n";
        out += "\n";
      } else if (const auto* b = std::get_if<Bullets>(&block)) {
        for (const std::string& item : b->items) out += "- " + item + "\n";
        out += "\n";
      } else if (const auto* t = std::get_if<Table>(&block)) {
        if (!t->title.empty()) out += "### " + t->title + "\n\n";
        if (t->rows.empty()) {
          out += t->empty + "\n\n";
          continue;
        }
        out += "|";
        for (const std::string& c : t->columns) out += " " + MdCell(c) + " |";
        out += "\n|";
        for (size_t i = 0; i < t->columns.size(); ++i) {
          const bool numeric = !t->rows.empty() && i < t->rows[0].size() &&
                               t->rows[0][i].kind == Cell::Kind::kNumber;
          out += numeric ? " ---: |" : " --- |";
        }
        out += "\n";
        for (const auto& row : t->rows) {
          out += "|";
          for (const Cell& cell : row) out += " " + MdCell(cell.text) + " |";
          out += "\n";
        }
        out += "\n";
      } else if (const auto* fig = std::get_if<Figure>(&block)) {
        out += "*" + fig->title + "*";
        if (!fig->caption.empty()) out += ": " + fig->caption;
        out += "\n\n";
      }
    }
  }
  out += "---\n\n" + doc.produced + "\n";
  return out;
}

}  // namespace kembar::report
