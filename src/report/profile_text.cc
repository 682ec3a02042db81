#include "kembar/report/profile_text.h"

#include "kembar/assess/messages.h"
#include "kembar/geo/countries.h"
#include "kembar/io/dossier_writer.h"
#include "kembar/io/json_writer.h"
#include "kembar/report/cli_text.h"
#include "kembar/report/reports.h"

namespace kembar::report {

namespace {

// Levels in words, lower case: "kota, provinsi" / "city, province".
std::string LevelWords(const std::vector<Level>& levels, Lang lang) {
  std::string out;
  for (Level l : levels) {
    std::string word(ReportText("level." + std::string(ToString(l)), lang));
    if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z')
      word[0] = static_cast<char>(word[0] - 'A' + 'a');
    out += (out.empty() ? "" : ", ") + word;
  }
  return out;
}

void Line(std::string_view label_key, const std::string& value, Lang lang, std::string* out) {
  if (value.empty()) return;
  *out += "  " + std::string(CliText(label_key, lang)) + ": " + value + "\n";
}

}  // namespace

std::string FieldWords(const std::vector<Field>& fields, Lang lang) {
  std::string out;
  for (Field f : fields) out += (out.empty() ? "" : ", ") + assess::Word(ToString(f), lang);
  return out;
}

std::string ProfileText(const ProfileReport& r, Lang lang) {
  const CliArgs names = {{"name", r.region_name}, {"id", r.region_id}};
  std::string out;
  if (!r.profile) {
    out = CliText("profile.none", lang, names) + "\n";
  } else {
    const RegionProfile& p = *r.profile;
    out = CliText("profile.heading", lang, names) + "\n";
    if (p.seeks) Line("profile.seeks_label", FieldWords(*p.seeks, lang), lang, &out);
    if (p.offers) Line("profile.offers_label", FieldWords(*p.offers, lang), lang, &out);
    if (p.levels) Line("profile.levels_label", LevelWords(*p.levels, lang), lang, &out);
    if (p.countries) {
      std::string countries;
      for (const std::string& c : *p.countries) {
        countries += (countries.empty() ? "" : ", ") + geo::CountryName(c, lang == Lang::kId);
      }
      Line("profile.countries_label", countries, lang, &out);
    }
    if (p.contact) {
      std::string contact;
      for (const auto* part : {&p.contact->name, &p.contact->office, &p.contact->email,
                               &p.contact->phone, &p.contact->url}) {
        if (*part) contact += (contact.empty() ? "" : ", ") + **part;
      }
      Line("profile.contact_label", contact, lang, &out);
    }
    if (p.updated)
      Line("profile.updated_label", assess::FormatDate(Period(*p.updated), lang), lang, &out);
    if (p.source) Line("profile.source_label", *p.source, lang, &out);
  }
  if (r.needs) Line("profile.needs_label", FieldWords(*r.needs, lang), lang, &out);
  if (r.strengths) Line("profile.strengths_label", FieldWords(*r.strengths, lang), lang, &out);
  return out;
}

std::string ProfileJson(const ProfileReport& r) {
  std::string out;
  io::JsonWriter w(&out, 2, 3);
  w.BeginObject();
  w.Key("region");
  w.String(r.region_id);
  w.Key("name");
  w.String(r.region_name);
  w.Key("profile");
  if (r.profile) {
    io::WriteRegionProfile(*r.profile, &w);
  } else {
    w.Raw("null");
  }
  for (const auto& [key, fields] :
       {std::pair{"needs", &r.needs}, std::pair{"strengths", &r.strengths}}) {
    if (!*fields) continue;
    w.Key(key);
    w.BeginArray();
    for (Field f : **fields) w.String(ToString(f));
    w.EndArray();
  }
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace kembar::report
