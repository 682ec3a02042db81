// A slow, exact scan of JSON text for what the fast parser (simdjson) does not say:
// where a problem is (line, column and JSON path), and which integer literals do not
// fit in 64 bits. It runs only on text simdjson refused, so it costs nothing on good
// input.
//
// Integers beyond 64 bits are valid JSON (and valid where the schema allows any
// value); simdjson refuses them. BigIntegers replaces each by a placeholder string
// simdjson accepts, and puts the literal back, byte for byte, where a value is kept
// as written (unknown members).
#ifndef KEMBAR_IO_JSON_SCAN_H_
#define KEMBAR_IO_JSON_SCAN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kembar/model/lang.h"

namespace kembar::io {

// simdjson's default nesting limit, which the scan enforces at the same place.
inline constexpr size_t kMaxJsonDepth = 1024;

struct JsonScanProblem {
  size_t line = 1;    // 1-based
  size_t column = 1;  // 1-based, in bytes
  std::string path;   // "regions[0].lat"; "$" for the whole document
  Message what;       // without the place
};

struct JsonScanResult {
  std::optional<JsonScanProblem> problem;  // the first, if any
  // Integer literals (no fraction, no exponent) beyond int64/uint64, in text order.
  struct BigInteger {
    size_t offset;
    size_t length;
  };
  std::vector<BigInteger> big_integers;
};

// Scans `text` as RFC 8259 JSON, with at most `max_depth` nested arrays and objects.
// Numbers that are not integers must be finite as doubles. Big integers are not
// problems here: they are listed.
JsonScanResult ScanJson(std::string_view text, size_t max_depth = kMaxJsonDepth);

// `s` with every byte outside printable ASCII written as \xHH, so that a message
// quoting input stays printable and valid UTF-8.
std::string Printable(std::string_view s);

// " at line 3, column 12" / " pada baris 3, kolom 12".
Message AtLineColumn(size_t line, size_t column);

// The placeholders of one document's big integers.
class BigIntegers {
 public:
  // `text` with each of `found` replaced by a placeholder string; nullopt when the
  // text could hold a placeholder of its own (then nothing is replaced).
  std::optional<std::string> Substitute(std::string_view text,
                                        const std::vector<JsonScanResult::BigInteger>& found);

  bool empty() const { return literals_.empty(); }
  // The literal a decoded string value stands for; nullopt for an ordinary string.
  std::optional<std::string_view> Literal(std::string_view decoded) const;
  // Minified JSON (as simdjson writes it) with each placeholder put back as written.
  std::string Restore(std::string minified) const;
  void clear() { literals_.clear(); }

 private:
  std::vector<std::string> literals_;
};

}  // namespace kembar::io

#endif  // KEMBAR_IO_JSON_SCAN_H_
