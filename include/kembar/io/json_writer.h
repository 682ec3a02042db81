// A small streaming JSON writer that appends to a std::string: fast enough for
// exports of millions of events, and correct by construction (escaping, commas).
#ifndef KEMBAR_IO_JSON_WRITER_H_
#define KEMBAR_IO_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kembar::io {

class JsonWriter {
 public:
  // `indent` > 0 pretty-prints with that many spaces per level; objects nested deeper
  // than `inline_depth` are written on one line (one event per line reads well).
  explicit JsonWriter(std::string* out, int indent = 0, int inline_depth = 1 << 30)
      : out_(out), indent_(indent), inline_depth_(inline_depth) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The name of the next member; must be inside an object.
  void Key(std::string_view key);
  void String(std::string_view s);
  void Number(double d);
  void Uint(uint64_t u);
  void Bool(bool b);
  // Writes already-serialised JSON (e.g. a preserved extra member) as one value.
  void Raw(std::string_view json);

  // Appends `s` as a JSON string literal (quotes and escapes) to *out.
  static void AppendQuoted(std::string_view s, std::string* out);

 private:
  void BeforeValue();
  void Newline();
  bool Inline() const { return indent_ == 0 || static_cast<int>(stack_.size()) > inline_depth_; }

  std::string* out_;
  int indent_;
  int inline_depth_;
  std::vector<bool> stack_;  // per open container: has it a member yet
  bool after_key_ = false;
};

}  // namespace kembar::io

#endif  // KEMBAR_IO_JSON_WRITER_H_
