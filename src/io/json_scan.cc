#include "kembar/io/json_scan.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace kembar::io {

namespace {

// A placeholder string as written in JSON and as decoded: two control characters no
// text can hold unescaped, then its index.
constexpr std::string_view kEscapedMark = "\\u0000\\u0001";
constexpr std::string_view kDecodedMark("\0\x01", 2);

// The byte as a message names it: 'x', or 0x00 when it is not printable.
std::string ByteName(unsigned char c) {
  char buf[16];
  if (c >= 0x21 && c < 0x7f) {
    std::snprintf(buf, sizeof buf, "'%c'", c);
  } else {
    std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
  }
  return buf;
}

class Scanner {
 public:
  Scanner(std::string_view s, size_t max_depth) : s_(s), max_depth_(max_depth) {}

  JsonScanResult Run() {
    SkipWs();
    if (!Value()) return std::move(result_);
    while (true) {
      SkipWs();
      if (stack_.empty()) {
        if (pos_ < s_.size()) {
          const std::string b = ByteName(static_cast<unsigned char>(s_[pos_]));
          Fail(pos_, {"unexpected " + b + " after the end of the document",
                      b + " tak terduga setelah akhir dokumen"});
        }
        return std::move(result_);
      }
      Frame& f = stack_.back();
      const char close = f.object ? '}' : ']';
      if (f.fresh) {
        f.fresh = false;
        if (Peek() == close) {
          ++pos_;
          stack_.pop_back();
          continue;
        }
      } else if (Peek() == ',') {
        ++pos_;
        SkipWs();
        ++f.index;
      } else if (Peek() == close) {
        ++pos_;
        stack_.pop_back();
        continue;
      } else {
        Unexpected(std::string("',' or '") + close + "'");
        return std::move(result_);
      }
      if (f.object) {
        if (Peek() != '"') {
          Unexpected("a member name in quotes");
          return std::move(result_);
        }
        const size_t start = pos_ + 1;
        if (!String()) return std::move(result_);
        f.key = s_.substr(start, pos_ - 1 - start);
        SkipWs();
        if (Peek() != ':') {
          Unexpected("':'");
          return std::move(result_);
        }
        ++pos_;
        SkipWs();
      }
      if (!Value()) return std::move(result_);
    }
  }

 private:
  struct Frame {
    bool object;
    bool fresh = true;
    size_t index = 0;
    std::string_view key;
  };

  int Peek() const { return pos_ < s_.size() ? static_cast<unsigned char>(s_[pos_]) : -1; }

  void SkipWs() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  std::string Path() const {
    std::string out;
    for (const Frame& f : stack_) {
      if (f.fresh) break;  // the container just opened: no member or item yet
      if (f.object) {
        if (!out.empty()) out += '.';
        out += Printable(f.key);
      } else {
        out += '[' + std::to_string(f.index) + ']';
      }
    }
    if (out.empty()) return "$";
    if (out.size() > 200) out = out.substr(0, 96) + "..." + out.substr(out.size() - 96);
    return out;
  }

  void Fail(size_t at, Message what) {
    JsonScanProblem p;
    p.path = Path();
    for (size_t i = 0; i < at && i < s_.size(); ++i) {
      if (s_[i] == '\n') {
        ++p.line;
        p.column = 1;
      } else {
        ++p.column;
      }
    }
    p.what = std::move(what);
    result_.problem = std::move(p);
  }

  void Unexpected(const std::string& expected) {
    if (pos_ >= s_.size()) {
      Fail(pos_, {"unexpected end of input; expected " + expected,
                  "input berakhir tiba-tiba; seharusnya " + expected});
      return;
    }
    const std::string b = ByteName(static_cast<unsigned char>(s_[pos_]));
    Fail(pos_, {"unexpected " + b + "; expected " + expected,
                b + " tak terduga; seharusnya " + expected});
  }

  bool Value() {
    const int c = Peek();
    switch (c) {
      case '{':
      case '[':
        if (stack_.size() >= max_depth_) {
          const std::string n = std::to_string(max_depth_);
          Fail(pos_, {"the document is nested too deeply (over " + n + " levels)",
                      "dokumen bersarang terlalu dalam (lebih dari " + n + " tingkat)"});
          return false;
        }
        stack_.push_back({c == '{'});
        ++pos_;
        return true;
      case '"':
        return String();
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return Number();
        Unexpected("a value");
        return false;
    }
  }

  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) {
      Unexpected("a value");
      return false;
    }
    pos_ += word.size();
    return true;
  }

  bool String() {
    const size_t start = pos_++;
    while (pos_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) {
        Fail(pos_, {"a control character (" + ByteName(c) + ") in a string must be escaped",
                    "karakter kontrol (" + ByteName(c) + ") dalam teks harus di-escape"});
        return false;
      }
      if (c == '\\') {
        ++pos_;
        const int e = Peek();
        if (e == 'u') {
          for (int i = 1; i <= 4; ++i) {
            const int h = pos_ + static_cast<size_t>(i) < s_.size()
                              ? static_cast<unsigned char>(s_[pos_ + i])
                              : -1;
            if (!std::isxdigit(h)) {
              Fail(pos_ + static_cast<size_t>(i), {"\\u must be followed by four hex digits",
                                                   "\\u harus diikuti empat digit heksadesimal"});
              return false;
            }
          }
          pos_ += 4;
        } else if (e < 0 || std::string_view("\"\\/bfnrt").find(static_cast<char>(e)) ==
                                std::string_view::npos) {
          Fail(pos_, {"invalid escape in a string", "escape tidak valid dalam teks"});
          return false;
        }
      }
      ++pos_;
    }
    Fail(start, {"a string is not closed", "teks tidak ditutup dengan tanda kutip"});
    return false;
  }

  bool Digits() {
    const size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  bool Number() {
    const size_t start = pos_;
    const bool negative = s_[pos_] == '-';
    if (negative) ++pos_;
    const size_t digits_start = pos_;
    if (Peek() == '0') {
      ++pos_;
    } else if (!Digits()) {
      Unexpected("a digit");
      return false;
    }
    const size_t digits = pos_ - digits_start;
    bool integer = true;
    if (Peek() == '.') {
      integer = false;
      ++pos_;
      if (!Digits()) {
        Unexpected("a digit after '.'");
        return false;
      }
    }
    if (Peek() == 'e' || Peek() == 'E') {
      integer = false;
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!Digits()) {
        Unexpected("a digit in the exponent");
        return false;
      }
    }
    const std::string_view text = s_.substr(start, pos_ - start);
    if (integer) {
      const std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
      const std::string_view d = s_.substr(digits_start, digits);
      if (d.size() > limit.size() || (d.size() == limit.size() && d > limit)) {
        result_.big_integers.push_back({start, text.size()});
      }
      return true;
    }
    errno = 0;
    const double v = std::strtod(std::string(text).c_str(), nullptr);
    if (std::isinf(v)) {
      const std::string q = Printable(text.size() > 40 ? text.substr(0, 40) : text);
      Fail(start,
           {"the number " + q + " is out of range: beyond the largest number (about 1.8e308)",
            "angka " + q + " di luar rentang: melebihi angka terbesar (sekitar 1,8e308)"});
      return false;
    }
    return true;
  }

  std::string_view s_;
  size_t max_depth_;
  size_t pos_ = 0;
  std::vector<Frame> stack_;
  JsonScanResult result_;
};

}  // namespace

JsonScanResult ScanJson(std::string_view text, size_t max_depth) {
  return Scanner(text, max_depth).Run();
}

std::string Printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

Message AtLineColumn(size_t line, size_t column) {
  const std::string l = std::to_string(line), c = std::to_string(column);
  return {" at line " + l + ", column " + c, " pada baris " + l + ", kolom " + c};
}

std::optional<std::string> BigIntegers::Substitute(
    std::string_view text, const std::vector<JsonScanResult::BigInteger>& found) {
  literals_.clear();
  if (text.find(kEscapedMark) != std::string_view::npos) return std::nullopt;
  std::string out;
  out.reserve(text.size() + found.size() * 16);
  size_t at = 0;
  for (const auto& b : found) {
    out.append(text.substr(at, b.offset - at));
    out += '"';
    out += kEscapedMark;
    out += std::to_string(literals_.size());
    out += '"';
    literals_.emplace_back(text.substr(b.offset, b.length));
    at = b.offset + b.length;
  }
  out.append(text.substr(at));
  return out;
}

std::optional<std::string_view> BigIntegers::Literal(std::string_view decoded) const {
  if (literals_.empty() || decoded.substr(0, kDecodedMark.size()) != kDecodedMark) {
    return std::nullopt;
  }
  size_t k = 0;
  const std::string_view digits = decoded.substr(kDecodedMark.size());
  if (digits.empty()) return std::nullopt;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    k = k * 10 + static_cast<size_t>(c - '0');
    if (k >= literals_.size()) return std::nullopt;
  }
  return literals_[k];
}

std::string BigIntegers::Restore(std::string minified) const {
  if (literals_.empty()) return minified;
  const std::string quoted = "\"" + std::string(kEscapedMark);
  std::string out;
  size_t at = 0;
  for (size_t p; (p = minified.find(quoted, at)) != std::string::npos;) {
    size_t end = p + quoted.size();
    size_t k = 0;
    while (end < minified.size() && minified[end] >= '0' && minified[end] <= '9') {
      k = k * 10 + static_cast<size_t>(minified[end] - '0');
      ++end;
    }
    if (end >= minified.size() || minified[end] != '"' || k >= literals_.size()) {
      out.append(minified, at, end - at);
      at = end;
      continue;
    }
    out.append(minified, at, p - at);
    out += literals_[k];
    at = end + 1;
  }
  out.append(minified, at);
  return out;
}

}  // namespace kembar::io
