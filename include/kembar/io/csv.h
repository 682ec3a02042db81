// RFC 4180 CSV, one record per line (the files kembar reads have no line breaks inside
// fields): splitting with quotes, and quoting for output.
#ifndef KEMBAR_IO_CSV_H_
#define KEMBAR_IO_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace kembar::io::csv {

// Splits one record into `fields` (reused to save allocations). False for an
// unterminated quote or text after a closing quote.
inline bool SplitRecord(std::string_view line, std::vector<std::string>* fields) {
  fields->clear();
  fields->emplace_back();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  bool quoted = false, after_quote = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        fields->back().push_back(c);
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields->back().push_back('"');
        ++i;
      } else {
        quoted = false;
        after_quote = true;
      }
    } else if (c == ',') {
      fields->emplace_back();
      after_quote = false;
    } else if (after_quote) {
      return false;
    } else if (c == '"' && fields->back().empty()) {
      quoted = true;
    } else {
      fields->back().push_back(c);
    }
  }
  return !quoted;
}

// Appends `s`, quoted when it holds a comma, quote or line break.
inline void AppendField(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// Calls fn(line_number, line) for every non-empty line after the header; returns
// the header line (without its end of line; a UTF-8 byte-order mark is dropped).
template <typename Fn>
std::string_view ForEachLine(std::string_view text, Fn&& fn) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t line_no = 0;
  std::string_view header;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1) {
      header = line;
      continue;
    }
    if (line.empty()) continue;
    if (!fn(line_no, line)) break;
  }
  return header;
}

}  // namespace kembar::io::csv

#endif  // KEMBAR_IO_CSV_H_
