// The XLSX form of a report (libxlsxwriter): one sheet per table with a bold, frozen
// header row, numbers as numbers and full dates as dates (shown in the report's
// language's order, d mmm yyyy), a first sheet with the title, the facts and the
// paragraphs, and the charts as pictures on it.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "kembar/report/document.h"

namespace kembar::report {
namespace {

// Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook.
std::string SheetName(std::string name, std::set<std::string>* used) {
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
  }
  if (name.empty()) name = "Sheet";
  // Cut at a character boundary (UTF-8 continuation bytes are 10xxxxxx).
  auto cut = [](std::string s, size_t max) {
    if (s.size() <= max) return s;
    size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
  };
  name = cut(name, 31);
  std::string candidate = name;
  for (int i = 2; used->contains(candidate); ++i)
    candidate = cut(name, 27) + " (" + std::to_string(i) + ")";
  used->insert(candidate);
  return candidate;
}

lxw_datetime ToDatetime(Day day) {
  const std::chrono::year_month_day ymd(day);
  lxw_datetime dt{};
  dt.year = static_cast<int>(ymd.year());
  dt.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  dt.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return dt;
}

}  // namespace

Result<std::string> RenderXlsx(const Document& doc) {
  char path[] = "/tmp/kembar-report-XXXXXX.xlsx";
  const int fd = mkstemps(path, 5);
  if (fd < 0) return Status::IoError("XLSX: cannot create a temporary file");
  close(fd);
  struct Remove {
    const char* p;
    ~Remove() { std::remove(p); }
  } remove{path};

  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path, &options);
  if (wb == nullptr) return Status::IoError("XLSX: cannot start the workbook");
  lxw_doc_properties properties{};
  std::string title_text = doc.title, author = "kembar";  // the C API takes char*
  properties.title = title_text.data();
  properties.author = author.data();
  workbook_set_properties(wb, &properties);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xEEF3F7);
  format_set_bottom(bold, LXW_BORDER_THIN);
  format_set_text_wrap(bold);
  format_set_align(bold, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 16);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "d mmm yyyy");
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* number = workbook_add_format(wb);
  format_set_num_format(number, "#,##0.##");
  format_set_align(number, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "#,##0");
  format_set_align(integer, LXW_ALIGN_VERTICAL_TOP);

  std::set<std::string> used;
  // The first sheet: what the report is, its facts and words; the charts.
  lxw_worksheet* summary = workbook_add_worksheet(
      wb, SheetName(doc.lang == Lang::kId ? "Ringkasan" : "Summary", &used).c_str());
  worksheet_set_column(summary, 0, 0, 34, nullptr);
  worksheet_set_column(summary, 1, 1, 90, wrap);
  lxw_row_t r = 0;
  worksheet_write_string(summary, r++, 0, doc.title.c_str(), title);
  for (const std::string* line : {&doc.subject, &doc.period, &doc.produced}) {
    if (!line->empty()) worksheet_write_string(summary, r++, 0, line->c_str(), nullptr);
  }
  ++r;
  std::vector<std::string> pngs;  // kept alive until the workbook is closed
  pngs.reserve(64);
  for (const Section& s : doc.sections) {
    worksheet_write_string(summary, r++, 0, s.heading.c_str(), bold);
    for (const Block& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        worksheet_write_string(summary, r++, 1, p->text.c_str(), wrap);
      } else if (const auto* f = std::get_if<Facts>(&b)) {
        for (const auto& [label, value] : f->items) {
          worksheet_write_string(summary, r, 0, label.c_str(), nullptr);
          worksheet_write_string(summary, r++, 1, value.c_str(), wrap);
        }
      } else if (const auto* l = std::get_if<Bullets>(&b)) {
        for (const std::string& item : l->items)
          worksheet_write_string(summary, r++, 1, item.c_str(), wrap);
      } else if (const auto* g = std::get_if<Figure>(&b)) {
        auto png = FigurePng(*g, 1.5);
        if (!png.ok()) continue;
        if (pngs.size() == pngs.capacity()) continue;  // the buffers must not move
        pngs.push_back(std::move(*png));
        worksheet_write_string(summary, r++, 0, g->title.c_str(), nullptr);
        lxw_image_options io{};
        io.x_scale = 0.5;
        io.y_scale = 0.5;
        worksheet_insert_image_buffer_opt(
            summary, r, 1, reinterpret_cast<const unsigned char*>(pngs.back().data()),
            pngs.back().size(), &io);
        r += static_cast<lxw_row_t>(g->height * 1.5 * 0.5 / 15) + 2;  // rows of 20 px
      } else if (const auto* t = std::get_if<Table>(&b)) {
        worksheet_write_string(summary, r, 0, t->title.c_str(), nullptr);
        const std::string see = (doc.lang == Lang::kId ? "lembar " : "sheet ") + t->sheet;
        worksheet_write_string(summary, r++, 1, see.c_str(), nullptr);
      }
    }
    ++r;
  }

  // One sheet per table.
  for (const Section& s : doc.sections) {
    for (const Block& b : s.blocks) {
      const auto* t = std::get_if<Table>(&b);
      if (t == nullptr) continue;
      lxw_worksheet* ws = workbook_add_worksheet(
          wb, SheetName(t->sheet.empty() ? t->title : t->sheet, &used).c_str());
      std::vector<double> widths(t->columns.size(), 8);
      for (size_t c = 0; c < t->columns.size(); ++c) {
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t->columns[c].c_str(), bold);
        widths[c] = std::max(widths[c], std::min(40.0, t->columns[c].size() * 1.1));
      }
      worksheet_freeze_panes(ws, 1, 0);
      for (size_t i = 0; i < t->rows.size(); ++i) {
        const auto row = static_cast<lxw_row_t>(i + 1);
        for (size_t c = 0; c < t->rows[i].size() && c < t->columns.size(); ++c) {
          const Cell& cell = t->rows[i][c];
          const auto col = static_cast<lxw_col_t>(c);
          switch (cell.kind) {
            case Cell::Kind::kNumber:
              worksheet_write_number(
                  ws, row, col, cell.number,
                  cell.number == static_cast<double>(static_cast<long long>(cell.number)) ? integer
                                                                                          : number);
              widths[c] = std::max(widths[c], 10.0);
              break;
            case Cell::Kind::kDate: {
              lxw_datetime dt = ToDatetime(cell.day);
              worksheet_write_datetime(ws, row, col, &dt, date);
              widths[c] = std::max(widths[c], 13.0);
              break;
            }
            case Cell::Kind::kText:
              if (!cell.text.empty()) worksheet_write_string(ws, row, col, cell.text.c_str(), wrap);
              widths[c] = std::max(widths[c], std::min(60.0, cell.text.size() * 1.0 + 2));
              break;
          }
        }
      }
      for (size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                             nullptr);
      }
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t->rows.size()),
                           static_cast<lxw_col_t>(t->columns.empty() ? 0 : t->columns.size() - 1));
    }
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Status::IoError(std::string("XLSX: ") + lxw_strerror(err));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::IoError("XLSX: cannot read the workbook back");
  return bytes.str();
}

}  // namespace kembar::report
