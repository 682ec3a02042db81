#include "kembar/io/json_writer.h"

#include <charconv>
#include <cmath>

namespace kembar::io {

void JsonWriter::Newline() {
  if (Inline()) return;
  out_->push_back('\n');
  out_->append(stack_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!stack_.empty()) {
    if (stack_.back()) out_->push_back(',');
    stack_.back() = true;
    Newline();
  }
}

void JsonWriter::BeginObject() {
  BeforeValue();
  out_->push_back('{');
  stack_.push_back(false);
}

void JsonWriter::EndObject() {
  const bool had_members = stack_.back();
  stack_.pop_back();
  if (had_members && !(indent_ == 0 || static_cast<int>(stack_.size()) >= inline_depth_)) {
    out_->push_back('\n');
    out_->append(stack_.size() * static_cast<size_t>(indent_), ' ');
  }
  out_->push_back('}');
}

void JsonWriter::BeginArray() {
  BeforeValue();
  out_->push_back('[');
  stack_.push_back(false);
}

void JsonWriter::EndArray() {
  const bool had_members = stack_.back();
  stack_.pop_back();
  if (had_members && !(indent_ == 0 || static_cast<int>(stack_.size()) >= inline_depth_)) {
    out_->push_back('\n');
    out_->append(stack_.size() * static_cast<size_t>(indent_), ' ');
  }
  out_->push_back(']');
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendQuoted(key, out_);
  out_->push_back(':');
  if (indent_ > 0) out_->push_back(' ');
  after_key_ = true;
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  AppendQuoted(s, out_);
}

void JsonWriter::Number(double d) {
  BeforeValue();
  if (!std::isfinite(d)) {  // JSON has no NaN/Inf; the reader never produces them
    out_->append("null");
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);  // shortest round-trip form
  out_->append(buf, end);
}

void JsonWriter::Uint(uint64_t u) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, u);
  out_->append(buf, end);
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  out_->append(b ? "true" : "false");
}

void JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_->append(json);
}

void JsonWriter::AppendQuoted(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default: {
        const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(esc, sizeof esc);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

}  // namespace kembar::io
