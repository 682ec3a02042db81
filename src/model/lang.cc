#include "kembar/model/lang.h"

#include <cstdlib>

namespace kembar {

std::optional<Lang> ParseLang(std::string_view code) {
  if (code == "en") return Lang::kEn;
  if (code == "id") return Lang::kId;
  return std::nullopt;
}

std::string_view ToString(Lang lang) { return lang == Lang::kId ? "id" : "en"; }

Lang LangFromEnvironment() {
  if (const char* v = std::getenv("KEMBAR_LANG"); v && *v) {
    return std::string_view(v).starts_with("id") ? Lang::kId : Lang::kEn;
  }
  if (const char* v = std::getenv("LANG"); v && std::string_view(v).starts_with("id")) {
    return Lang::kId;
  }
  return Lang::kEn;
}

namespace {

// An Indonesian side made of the English one where the operand has none, so that
// "en + id" pieces never lose the English part of a sentence in Indonesian.
std::string& IdSide(Message& m) {
  if (m.id.empty()) m.id = m.en;
  return m.id;
}

}  // namespace

Message operator+(Message a, const Message& b) {
  const bool any_id = !a.id.empty() || !b.id.empty();
  if (any_id) IdSide(a) += b.id.empty() ? b.en : b.id;
  a.en += b.en;
  return a;
}

Message operator+(Message a, std::string_view b) {
  a.en += b;
  if (!a.id.empty()) a.id += b;
  return a;
}

Message operator+(std::string_view a, Message b) {
  b.en.insert(0, a);
  if (!b.id.empty()) b.id.insert(0, a);
  return b;
}

}  // namespace kembar
