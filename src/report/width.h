// Terminal display width of UTF-8 text, so that table columns line up for "Biên Hòa"
// (combining marks take no column) and 北九州市 (wide characters take two).
#ifndef KEMBAR_SRC_REPORT_WIDTH_H_
#define KEMBAR_SRC_REPORT_WIDTH_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace kembar::report {

// Columns `s` occupies in a monospaced terminal (East Asian wide and fullwidth: 2;
// combining marks, zero-width format characters: 0; others: 1). Invalid UTF-8 bytes
// count one column each.
size_t DisplayWidth(std::string_view s);

// `s` followed by spaces up to `width` columns.
std::string PadTo(std::string_view s, size_t width);

// `s` cut to at most `max` columns, with "…" marking a cut.
std::string ClipTo(std::string_view s, size_t max);

}  // namespace kembar::report

#endif  // KEMBAR_SRC_REPORT_WIDTH_H_
