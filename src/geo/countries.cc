#include "kembar/geo/countries.h"

#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "kembar/geo/reference_data.h"
#include "kembar/io/csv.h"

namespace kembar::geo {

namespace {

std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <typename Fn>
void Records(std::string_view text, Fn fn) {
  std::vector<std::string> f;
  io::csv::ForEachLine(text, [&](size_t, std::string_view line) {
    if (io::csv::SplitRecord(line, &f)) fn(f);
    return true;
  });
}

struct Tables {
  std::unordered_map<std::string, std::string> by_text;  // folded text -> ISO, "-" = not a state
  std::unordered_map<std::string, std::pair<std::string, std::string>> names;  // ISO -> en, id
  std::unordered_map<std::string, std::string> sovereign;  // territory ISO -> state ISO
};

const Tables& Get() {
  static const Tables tables = [] {
    Tables t;
    Records(CountriesCsv(), [&](const std::vector<std::string>& f) {
      if (f.size() < 3) return;
      t.names[f[0]] = {f[1], f[2]};
      t.by_text[Fold(f[0])] = f[0];
      t.by_text.emplace(Fold(f[1]), f[0]);
      t.by_text.emplace(Fold(f[2]), f[0]);
      if (f.size() >= 5 && f[4].size() == 2 && f[4] != f[0]) t.sovereign[f[0]] = f[4];
    });
    Records(CountryAliasesCsv(), [&](const std::vector<std::string>& f) {
      if (f.size() >= 2) t.by_text.emplace(Fold(f[0]), f[1]);
    });
    return t;
  }();
  return tables;
}

}  // namespace

Result<std::string> ResolveCountry(std::string_view text) {
  const Tables& t = Get();
  auto it = t.by_text.find(Fold(text));
  if (it == t.by_text.end() || it->second == "-") {
    std::string q = "'";
    q.append(text).push_back('\'');
    return Status::NotFound(
        "unknown country " + q + ": give an ISO 3166 code such as ID or JP, or a country name",
        "negara " + q +
            " tidak dikenal: berikan kode ISO 3166 seperti ID atau JP, atau nama negaranya "
            "(misalnya Jepang)");
  }
  return it->second;
}

std::string CountryName(std::string_view iso, bool indonesian) {
  const Tables& t = Get();
  auto it = t.names.find(std::string(iso));
  if (it == t.names.end()) return std::string(iso);
  return indonesian ? it->second.second : it->second.first;
}

std::string SovereignOf(std::string_view iso) {
  const Tables& t = Get();
  auto it = t.sovereign.find(std::string(iso));
  return it == t.sovereign.end() ? std::string(iso) : it->second;
}

}  // namespace kembar::geo
