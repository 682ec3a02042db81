// A report as a document model (issue 13): the words, tables and charts of a report
// built once, in one language, by a pure builder (kembar/report/reports.h), then
// written by one renderer per format (HTML, Markdown, PDF, XLSX). The builder decides
// what a report says; a renderer only how it looks, so the formats never disagree.
//
// Cells keep what a spreadsheet needs (a number, a day) beside the text the other
// formats print ("1.234", "19 Maret 2018"). Charts are drawing functions over a cairo
// context, so the PDF draws them as vectors, the HTML embeds them as SVG and the
// spreadsheet as PNG, all from the same code.
#ifndef KEMBAR_REPORT_DOCUMENT_H_
#define KEMBAR_REPORT_DOCUMENT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kembar/model/date.h"
#include "kembar/model/lang.h"
#include "kembar/model/status.h"

using cairo_t = struct _cairo;

namespace kembar::report {

// One table cell: text as printed, and for numbers and full dates their value.
struct Cell {
  enum class Kind : uint8_t { kText, kNumber, kDate };
  Kind kind = Kind::kText;
  std::string text;
  double number = 0;  // kNumber
  Day day{};          // kDate

  static Cell Text(std::string text);
  // `value` printed as `shown` (the language's digits and decimal mark).
  static Cell Number(double value, std::string shown);
  static Cell Date(Day day, std::string shown);
};

// A table: one spreadsheet sheet, one table in the other formats.
struct Table {
  std::string sheet;  // the spreadsheet's sheet name: at most 31 characters, unique
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;  // each as wide as `columns`
  std::string empty;                    // printed instead of a table without rows
};

// A chart: `draw` paints it into a width x height box (points) of `cr`.
struct Figure {
  std::string title;
  std::string caption;  // what it shows, for readers who cannot see it
  double width = 480, height = 200;
  std::function<void(cairo_t* cr, double width, double height)> draw;
};

struct Paragraph {
  std::string text;
};
// Label: value lines ("Signed: 19 March 2018").
struct Facts {
  std::vector<std::pair<std::string, std::string>> items;
};
struct Bullets {
  std::vector<std::string> items;
};

using Block = std::variant<Paragraph, Facts, Bullets, Table, Figure>;

struct Section {
  std::string heading;
  std::vector<Block> blocks;
};

struct Document {
  Lang lang = Lang::kEn;
  std::string title;      // "Partnership report: Surabaya – Liverpool"
  std::string subject;    // the region (or the country) the report is about
  std::string period;     // "as of 31 December 2023", "2023"
  std::string produced;   // "Produced by kembar on ..."
  std::string file_stem;  // a download's name without extension: "surabaya-liverpool-2023-12-31"
  std::vector<Section> sections;
};

enum class ReportFormat : uint8_t { kHtml, kMarkdown, kPdf, kXlsx };

// "html", "md", "pdf", "xlsx"; nullopt for anything else.
std::optional<ReportFormat> ParseReportFormat(std::string_view name);
// "text/html; charset=utf-8", "text/markdown; charset=utf-8", "application/pdf", ...
std::string_view ContentType(ReportFormat format);
// "html", "md", "pdf", "xlsx".
std::string_view Extension(ReportFormat format);

// The document in `format`: the bytes of a self-contained HTML page, a Markdown text,
// an A4 PDF or an XLSX workbook. IoError when cairo, Pango or libxlsxwriter fail.
Result<std::string> Render(const Document& doc, ReportFormat format);

// The single formats, for tests.
std::string RenderHtml(const Document& doc);
std::string RenderMarkdown(const Document& doc);
Result<std::string> RenderPdf(const Document& doc);
Result<std::string> RenderXlsx(const Document& doc);

// A figure as an SVG document (HTML) or a PNG image (XLSX) at `scale` pixels per point.
Result<std::string> FigureSvg(const Figure& figure);
Result<std::string> FigurePng(const Figure& figure, double scale = 2);

}  // namespace kembar::report

#endif  // KEMBAR_REPORT_DOCUMENT_H_
