// The two languages of everything a person reads (help, errors, reports): English
// and Indonesian. Lowest layer, so that an error can be worded in both where it
// arises.
#ifndef KEMBAR_MODEL_LANG_H_
#define KEMBAR_MODEL_LANG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kembar {

enum class Lang : uint8_t { kEn, kId };

// "en" or "id"; nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view code);

// "en" / "id".
std::string_view ToString(Lang lang);

// The language from the environment: $KEMBAR_LANG ("id..." or anything else, which
// means English), else Indonesian when $LANG starts with "id", else English.
Lang LangFromEnvironment();

// A text a person reads, in both languages. `id` may be empty: there is no
// Indonesian wording (yet), and readers fall back to `en`.
struct Message {
  std::string en;
  std::string id;

  // The text in `lang`, English when there is no Indonesian.
  const std::string& in(Lang lang) const { return lang == Lang::kId && !id.empty() ? id : en; }
};

// Concatenation keeps both languages aligned; a plain string (a path, an id, a
// number) is the same in both.
Message operator+(Message a, const Message& b);
Message operator+(Message a, std::string_view b);
Message operator+(std::string_view a, Message b);

}  // namespace kembar

#endif  // KEMBAR_MODEL_LANG_H_
