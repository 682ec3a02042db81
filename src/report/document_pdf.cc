// The PDF form of a report: A4, text laid out by Pango over cairo (selectable,
// hyphen-free wrapping, the Noto fonts Debian ships, with fontconfig's fallback for
// scripts Noto Sans lacks), a title page, page numbers "page N of M", tables whose
// rows never split and whose header repeats on every page they run onto, and charts
// drawn as vectors by the figures' own drawing code.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "kembar/report/document.h"

namespace kembar::report {
namespace {

constexpr double kPageWidth = 595.276, kPageHeight = 841.89;  // A4 in points
constexpr double kMargin = 50, kFooter = 28;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - kFooter;
constexpr const char* kFamily = "Noto Sans";

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.106, 0.122, 0.141}, kAccent{0.043, 0.310, 0.424}, kMuted{0.24, 0.28, 0.32};
constexpr Rgb kRule{0.80, 0.84, 0.87}, kHeaderFill{0.933, 0.953, 0.969};

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void SetColor(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

using LayoutPtr = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

// Lays the pages out; run twice: once to count the pages, once to draw with "of M".
class Writer {
 public:
  Writer(cairo_t* cr, const Document& doc, int total_pages)
      : cr_(cr), doc_(doc), total_(total_pages) {}

  void Run() {
    TitlePage();
    for (const Section& s : doc_.sections) SectionOut(s);
    EndPage();
  }
  int pages() const { return page_; }

 private:
  LayoutPtr Layout(const std::string& text, double size, bool bold, double width,
                   PangoAlignment align = PANGO_ALIGN_LEFT) {
    LayoutPtr layout(pango_cairo_create_layout(cr_), g_object_unref);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }

  static double Height(PangoLayout* l) {
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void Draw(PangoLayout* l, double x, double y, Rgb color) {
    cairo_move_to(cr_, x, y);
    SetColor(cr_, color);
    pango_cairo_show_layout(cr_, l);
  }

  void NewPage() {
    EndPage();
    y_ = kMargin;
  }

  void EndPage() {
    if (!open_) return;
    // The footer: the report's title and the page number.
    const std::string number =
        (doc_.lang == Lang::kId ? "Halaman " : "Page ") + std::to_string(page_) +
        (total_ > 0 ? (doc_.lang == Lang::kId ? " dari " : " of ") + std::to_string(total_) : "");
    auto left = Layout(doc_.title, 8, false, kContentWidth * 0.7);
    pango_layout_set_ellipsize(left.get(), PANGO_ELLIPSIZE_END);
    Draw(left.get(), kMargin, kPageHeight - kMargin, kMuted);
    auto right = Layout(number, 8, false, kContentWidth, PANGO_ALIGN_RIGHT);
    Draw(right.get(), kMargin, kPageHeight - kMargin, kMuted);
    cairo_show_page(cr_);
    open_ = false;
  }

  // Makes room for `height`; a new page when it does not fit (and the page is not new).
  void Need(double height) {
    if (!open_) {
      open_ = true;
      ++page_;
      y_ = kMargin;
      return;
    }
    if (y_ + height > kBottom && y_ > kMargin + 1) NewPage(), open_ = true, ++page_;
  }

  void TitlePage() {
    open_ = true;
    ++page_;
    cairo_rectangle(cr_, 0, 0, kPageWidth, 12);
    SetColor(cr_, kAccent);
    cairo_fill(cr_);
    double y = kPageHeight * 0.30;
    auto title = Layout(doc_.title, 26, true, kContentWidth);
    Draw(title.get(), kMargin, y, kAccent);
    y += Height(title.get()) + 18;
    for (const std::string* line : {&doc_.subject, &doc_.period}) {
      if (line->empty()) continue;
      auto l = Layout(*line, 14, false, kContentWidth);
      Draw(l.get(), kMargin, y, kInk);
      y += Height(l.get()) + 6;
    }
    auto produced = Layout(doc_.produced, 9, false, kContentWidth);
    Draw(produced.get(), kMargin, kBottom - Height(produced.get()), kMuted);
    EndPage();
  }

  void SectionOut(const Section& s) {
    auto heading = Layout(s.heading, 15, true, kContentWidth);
    // A heading keeps at least a few lines of its section with it, or its chart.
    double keep = 70;
    if (!s.blocks.empty()) {
      if (const auto* f = std::get_if<Figure>(&s.blocks.front())) {
        keep = std::max(keep, f->height * std::min(1.0, kContentWidth / f->width) + 30);
      }
    }
    Need(Height(heading.get()) + keep);
    y_ += 6;
    Draw(heading.get(), kMargin, y_, kAccent);
    y_ += Height(heading.get()) + 3;
    cairo_set_line_width(cr_, 0.8);
    SetColor(cr_, kRule);
    cairo_move_to(cr_, kMargin, y_);
    cairo_line_to(cr_, kMargin + kContentWidth, y_);
    cairo_stroke(cr_);
    y_ += 8;
    for (const Block& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b))
        TextLines(p->text, 0, "");
      else if (const auto* f = std::get_if<Facts>(&b))
        FactsOut(*f);
      else if (const auto* l = std::get_if<Bullets>(&b)) {
        for (const std::string& item : l->items) TextLines(item, 12, "•");
        y_ += 4;
      } else if (const auto* t = std::get_if<Table>(&b))
        TableOut(*t);
      else if (const auto* g = std::get_if<Figure>(&b))
        FigureOut(*g);
    }
    y_ += 6;
  }

  // A paragraph, line by line, so a long one continues on the next page.
  void TextLines(const std::string& text, double indent, const std::string& bullet) {
    auto layout = Layout(text, 10, false, kContentWidth - indent);
    PangoLayoutIter* it = pango_layout_get_iter(layout.get());
    bool first = true;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const double h = static_cast<double>(logical.height) / PANGO_SCALE;
      Need(h);
      const int baseline = pango_layout_iter_get_baseline(it);
      const double line_top = static_cast<double>(logical.y) / PANGO_SCALE;
      const double base = static_cast<double>(baseline) / PANGO_SCALE - line_top;
      SetColor(cr_, kInk);
      if (first && !bullet.empty()) {
        auto b = Layout(bullet, 10, false, indent);
        Draw(b.get(), kMargin, y_, kInk);
      }
      cairo_move_to(cr_, kMargin + indent, y_ + base);
      SetColor(cr_, kInk);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ += h;
      first = false;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    y_ += 5;
  }

  void FactsOut(const Facts& f) {
    const double label_width = kContentWidth * 0.32;
    for (const auto& [label, value] : f.items) {
      auto l = Layout(label, 10, true, label_width - 8);
      auto v = Layout(value, 10, false, kContentWidth - label_width);
      const double h = std::max(Height(l.get()), Height(v.get())) + 3;
      Need(h);
      Draw(l.get(), kMargin, y_, kInk);
      Draw(v.get(), kMargin + label_width, y_, kInk);
      y_ += h;
    }
    y_ += 5;
  }

  // Column widths from the cells' natural widths: every column gets its need when all
  // fit; otherwise the wide ones share what the narrow ones leave.
  std::vector<double> ColumnWidths(const Table& t, double size) {
    const size_t n = t.columns.size();
    std::vector<double> natural(n, 0);
    auto measure = [&](const std::string& s, bool bold) {
      auto l = Layout(s, size, bold, -1);
      pango_layout_set_width(l.get(), -1);
      int w = 0, h = 0;
      pango_layout_get_size(l.get(), &w, &h);
      return static_cast<double>(w) / PANGO_SCALE + 8;
    };
    for (size_t i = 0; i < n; ++i) natural[i] = std::min(measure(t.columns[i], true), 90.0);
    for (const auto& row : t.rows) {
      for (size_t i = 0; i < n && i < row.size(); ++i)
        natural[i] = std::max(natural[i], measure(row[i].text, false));
    }
    double total = 0;
    for (double w : natural) total += w;
    if (total <= kContentWidth) {
      // Spread the spare room over the columns in proportion.
      for (double& w : natural) w *= kContentWidth / total;
      return natural;
    }
    const double fair = kContentWidth / static_cast<double>(n);
    double narrow_total = 0;
    size_t wide = 0;
    for (double w : natural) {
      if (w <= fair)
        narrow_total += w;
      else
        ++wide;
    }
    const double share =
        (kContentWidth - narrow_total) / static_cast<double>(std::max<size_t>(wide, 1));
    for (double& w : natural) {
      if (w > fair) w = share;
    }
    return natural;
  }

  double Row(const std::vector<std::string>& texts, const std::vector<bool>& numeric,
             const std::vector<double>& widths, double size, bool header, bool draw) {
    std::vector<LayoutPtr> cells;
    double h = 0;
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string& s = i < texts.size() ? texts[i] : std::string();
      cells.push_back(
          Layout(s, size, header, widths[i] - 6,
                 i < numeric.size() && numeric[i] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT));
      h = std::max(h, Height(cells.back().get()));
    }
    h += 5;
    if (!draw) return h;
    if (header) {
      cairo_rectangle(cr_, kMargin, y_, kContentWidth, h);
      SetColor(cr_, kHeaderFill);
      cairo_fill(cr_);
    }
    double x = kMargin;
    for (size_t i = 0; i < cells.size(); ++i) {
      Draw(cells[i].get(), x + 3, y_ + 2.5, kInk);
      x += widths[i];
    }
    cairo_set_line_width(cr_, header ? 1.0 : 0.5);
    SetColor(cr_, kRule);
    cairo_move_to(cr_, kMargin, y_ + h);
    cairo_line_to(cr_, kMargin + kContentWidth, y_ + h);
    cairo_stroke(cr_);
    return h;
  }

  void TableOut(const Table& t) {
    if (!t.title.empty()) {
      auto title = Layout(t.title, 11, true, kContentWidth);
      Need(Height(title.get()) + 40);
      Draw(title.get(), kMargin, y_, kInk);
      y_ += Height(title.get()) + 4;
    }
    if (t.rows.empty()) {
      TextLines(t.empty, 0, "");
      return;
    }
    const double size = t.columns.size() > 6 ? 7.5 : 8.5;
    const std::vector<double> widths = ColumnWidths(t, size);
    std::vector<bool> numeric(t.columns.size(), false);
    for (size_t i = 0; i < numeric.size() && i < t.rows[0].size(); ++i) {
      numeric[i] = t.rows[0][i].kind == Cell::Kind::kNumber;
    }
    const double header_h = Row(t.columns, numeric, widths, size, true, false);
    std::vector<std::string> texts;
    auto row_texts = [&](const std::vector<Cell>& row) {
      texts.clear();
      for (const Cell& c : row) texts.push_back(c.text);
      return texts;
    };
    Need(header_h + Row(row_texts(t.rows[0]), numeric, widths, size, false, false));
    Row(t.columns, numeric, widths, size, true, true);
    y_ += header_h;
    for (const auto& row : t.rows) {
      const double h = Row(row_texts(row), numeric, widths, size, false, false);
      if (y_ + h > kBottom) {
        NewPage();
        open_ = true;
        ++page_;
        Row(t.columns, numeric, widths, size, true, true);  // the header again
        y_ += header_h;
      }
      Row(row_texts(row), numeric, widths, size, false, true);
      y_ += h;
    }
    y_ += 10;
  }

  void FigureOut(const Figure& f) {
    const double scale = std::min(1.0, kContentWidth / f.width);
    const double w = f.width * scale, h = f.height * scale;
    auto caption =
        Layout(f.title + (f.caption.empty() ? "" : ". " + f.caption), 8.5, false, kContentWidth);
    Need(h + Height(caption.get()) + 8);
    cairo_save(cr_);
    cairo_translate(cr_, kMargin, y_);
    cairo_scale(cr_, scale, scale);
    cairo_rectangle(cr_, 0, 0, f.width, f.height);
    cairo_clip(cr_);
    if (f.draw) f.draw(cr_, f.width, f.height);
    cairo_restore(cr_);
    y_ += h + 4;
    Draw(caption.get(), kMargin, y_, kMuted);
    y_ += Height(caption.get()) + 10;
    (void)w;
  }

  cairo_t* cr_;
  const Document& doc_;
  int total_;
  int page_ = 0;
  bool open_ = false;
  double y_ = kMargin;
};

}  // namespace

Result<std::string> RenderPdf(const Document& doc) {
  int pages = 0;
  for (int pass = 0; pass < 2; ++pass) {
    std::string out;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(AppendBytes, &out, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kembar");
    cairo_t* cr = cairo_create(surface);
    Writer writer(cr, doc, pass == 0 ? 0 : pages);
    writer.Run();
    pages = writer.pages();
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (drawn != CAIRO_STATUS_SUCCESS || st != CAIRO_STATUS_SUCCESS) {
      return Status::IoError(std::string("PDF: ") +
                             cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : st));
    }
    if (pass == 1) return out;
  }
  return Status::IoError("PDF: not written");
}

}  // namespace kembar::report
