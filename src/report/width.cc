#include "report/width.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace kembar::report {

namespace {

int ColumnsOf(UChar32 c) {
  if (c < 0) return 1;
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

}  // namespace

size_t DisplayWidth(std::string_view s) {
  size_t n = 0;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, len, c);
    n += static_cast<size_t>(ColumnsOf(c));
  }
  return n;
}

std::string PadTo(std::string_view s, size_t width) {
  std::string out(s);
  const size_t w = DisplayWidth(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string ClipTo(std::string_view s, size_t max) {
  if (DisplayWidth(s) <= max) return std::string(s);
  std::string out;
  size_t used = 0;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  while (i < len) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, len, c);
    const auto w = static_cast<size_t>(ColumnsOf(c));
    if (used + w > max - 1) break;  // leave a column for the ellipsis
    used += w;
    out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out + "…";
}

}  // namespace kembar::report
