#include "server/service/profile_service.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "kembar/geo/countries.h"
#include "kembar/io/dossier_writer.h"
#include "kembar/io/json_writer.h"
#include "kembar/model/vocab.h"
#include "server/scope.h"
#include "server/service/partnerships_service.h"

namespace kembar::server {

namespace {

template <typename E>
nlohmann::json Names(const std::vector<E>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (E v : values) out.push_back(std::string(ToString(v)));
  return out;
}

template <typename E>
std::string NameList() {
  std::string out;
  for (std::string_view n : AllNames<E>()) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

bool HasControl(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

bool HasSpace(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c <= 0x20; });
}

// What one PUT asks for, checked: each member as Kembar::EditProfile takes it ("" for
// a member to remove), or the 400 answer naming the first bad member.
struct Parsed {
  ProfileEdit edit;
  std::optional<HttpResponse> error;
};

class BodyReader {
 public:
  explicit BodyReader(const RequestContext& ctx) : ctx_(ctx) {}

  HttpResponse Bad(const std::string& field, const std::string& en, const std::string& id) const {
    return ctx_.BadParam(field, field + ": " + en, field + ": " + id);
  }

  // A list of vocabulary names, comma-joined; "" for none.
  template <typename E>
  std::optional<HttpResponse> List(const nlohmann::json& body, const std::string& key,
                                   const char* what_en, const char* what_id, std::string* out) {
    out->clear();
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_array()) {
      return Bad(key, "a list of names is expected", "yang diharapkan daftar nama");
    }
    const size_t max = AllNames<E>().size();
    if (it->size() > max) {
      return Bad(key, "at most " + std::to_string(max) + " items",
                 "paling banyak " + std::to_string(max) + " butir");
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const std::string field = key + "[" + std::to_string(i) + "]";
      const nlohmann::json& v = (*it)[i];
      if (!v.is_string()) return Bad(field, "a name is expected", "yang diharapkan sebuah nama");
      const std::string s = v.get<std::string>();
      if (!ParseVocab<E>(s)) {
        std::string shown = s.size() > 40 ? s.substr(0, 40) + "…" : s;
        return Bad(
            field, "'" + shown + "' is not " + what_en + " (one of: " + NameList<E>() + ")",
            "'" + shown + "' bukan " + what_id + " (salah satu dari: " + NameList<E>() + ")");
      }
      *out += (out->empty() ? "" : ",") + s;
    }
    return std::nullopt;
  }

  // A text member of at most `max` bytes; "" for none.
  std::optional<HttpResponse> Text(const nlohmann::json& body, const std::string& key,
                                   const std::string& field, size_t max, bool one_line,
                                   std::string* out) {
    out->clear();
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) return Bad(field, "a text is expected", "yang diharapkan teks");
    std::string s = it->get<std::string>();
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    if (s.size() > max) {
      return Bad(field, "at most " + std::to_string(max) + " characters",
                 "paling banyak " + std::to_string(max) + " karakter");
    }
    if (one_line ? HasControl(s) : std::any_of(s.begin(), s.end(), [](unsigned char c) {
          return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
        })) {
      return Bad(field, "control characters are not allowed",
                 "karakter kendali tidak diperbolehkan");
    }
    *out = std::move(s);
    return std::nullopt;
  }

 private:
  const RequestContext& ctx_;
};

Parsed ParseProfile(const RequestContext& ctx, const nlohmann::json& body) {
  Parsed p;
  BodyReader r(ctx);
  auto fail = [&](HttpResponse e) {
    p.error = std::move(e);
    return std::move(p);
  };
  for (const auto& [key, value] : body.items()) {
    if (key != "seeks" && key != "offers" && key != "levels" && key != "countries" &&
        key != "contact" && key != "source" && key != "updated") {
      return fail(ctx.BadParam(key, "unknown member \"" + key + "\"",
                               "anggota \"" + key + "\" tidak dikenal"));
    }
  }
  ProfileEdit& e = p.edit;
  std::string s;
  if (auto bad = r.List<Field>(body, "seeks", "a field", "bidang", &s)) return fail(*bad);
  e.seeks = s;
  if (auto bad = r.List<Field>(body, "offers", "a field", "bidang", &s)) return fail(*bad);
  e.offers = s;
  if (auto bad = r.List<Level>(body, "levels", "a level", "tingkat pemerintahan", &s)) {
    return fail(*bad);
  }
  e.levels = s;

  e.countries = "";
  if (auto it = body.find("countries"); it != body.end() && !it->is_null()) {
    if (!it->is_array()) {
      return fail(r.Bad("countries", "a list of country codes is expected",
                        "yang diharapkan daftar kode negara"));
    }
    if (it->size() > ProfileService::kMaxCountries) {
      const std::string n = std::to_string(ProfileService::kMaxCountries);
      return fail(
          r.Bad("countries", "at most " + n + " countries", "paling banyak " + n + " negara"));
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const std::string field = "countries[" + std::to_string(i) + "]";
      const nlohmann::json& v = (*it)[i];
      auto iso = v.is_string() && v.get_ref<const std::string&>().size() <= 100
                     ? geo::ResolveCountry(v.get<std::string>())
                     : Result<std::string>(Status::NotFound("not a country"));
      if (!iso.ok()) {
        std::string shown = v.is_string() ? v.get<std::string>() : v.dump();
        if (shown.size() > 40) shown = shown.substr(0, 40) + "…";
        return fail(r.Bad(field, "'" + shown + "' is not a country code or name (ID, GB, Japan)",
                          "'" + shown + "' bukan kode atau nama negara (ID, GB, Jepang)"));
      }
      *e.countries += (e.countries->empty() ? "" : ",") + *iso;
    }
  }

  // The contact: every member given, so that the whole contact is replaced.
  std::string name, office, email, phone, url;
  if (auto it = body.find("contact"); it != body.end() && !it->is_null()) {
    if (!it->is_object()) {
      return fail(r.Bad("contact", "an object is expected ({\"name\", \"email\", …})",
                        "yang diharapkan objek ({\"name\", \"email\", …})"));
    }
    for (const auto& [key, value] : it->items()) {
      if (key != "name" && key != "office" && key != "email" && key != "phone" && key != "url") {
        return fail(ctx.BadParam("contact." + key, "unknown member \"contact." + key + "\"",
                                 "anggota \"contact." + key + "\" tidak dikenal"));
      }
    }
    const size_t max = ProfileService::kMaxContactText;
    const std::pair<const char*, std::string*> members[] = {
        {"name", &name}, {"office", &office}, {"email", &email}, {"phone", &phone}, {"url", &url}};
    for (const auto& [key, out] : members) {
      if (auto bad = r.Text(*it, key, std::string("contact.") + key, max, true, out)) {
        return fail(*bad);
      }
    }
    if (!email.empty()) {
      const size_t at = email.find('@');
      if (at == 0 || at == std::string::npos || at + 1 == email.size() ||
          email.find('@', at + 1) != std::string::npos || HasSpace(email)) {
        return fail(r.Bad("contact.email", "'" + email + "' is not an e-mail address",
                          "'" + email + "' bukan alamat surel"));
      }
    }
    if (!url.empty() && ((!url.starts_with("https://") && !url.starts_with("http://")) ||
                         url.find('.') == std::string::npos || HasSpace(url))) {
      return fail(r.Bad("contact.url", "'" + url + "' is not a web address (https://…)",
                        "'" + url + "' bukan alamat web (https://…)"));
    }
  }
  e.contact_name = name;
  e.contact_office = office;
  e.contact_email = email;
  e.contact_phone = phone;
  e.contact_url = url;

  if (auto bad = r.Text(body, "source", "source", ProfileService::kMaxSource, false, &s)) {
    return fail(*bad);
  }
  e.source = s;
  if (auto bad = r.Text(body, "updated", "updated", 40, true, &s)) return fail(*bad);
  if (!s.empty() && !PartialDate::Parse(s).ok()) {
    return fail(r.Bad("updated", "'" + s + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
                      "'" + s + "' bukan tanggal: tulis TTTT, TTTT-BB atau TTTT-BB-HH"));
  }
  e.updated = s;
  return p;
}

}  // namespace

nlohmann::json ProfileJson(const std::optional<RegionProfile>& profile) {
  if (!profile) return nullptr;
  std::string text;
  {
    io::JsonWriter w(&text);
    io::WriteRegionProfile(*profile, &w);
  }
  return nlohmann::json::parse(text);
}

HttpResponse ProfileService::Answer(const RequestContext& ctx, const std::string& region,
                                    int status) const {
  auto report = env_.WithKembar([&](Kembar& k) { return k.Profile(region); });
  if (!report.ok()) return ctx.Error(report.status());
  nlohmann::json body = {
      {"region", {{"id", report->region_id}, {"name", report->region_name}}},
      {"profile", ProfileJson(report->profile)},
      {"can_edit", ctx.auth && MayWriteRegion(ctx.auth->user, report->region_id)}};
  if (report->needs) body["needs"] = Names(*report->needs);
  if (report->strengths) body["strengths"] = Names(*report->strengths);
  return JsonResponse(status, body);
}

HttpResponse ProfileService::Get(RequestContext& ctx) const {
  return Answer(ctx, ctx.params.at("id"), 200);
}

HttpResponse ProfileService::Put(RequestContext& ctx) const {
  if (auto refused = RefuseViewer(ctx)) return *refused;
  auto body = ParseObject(ctx.request);
  if (!body.ok()) return ctx.Error(body.status());
  Parsed parsed = ParseProfile(ctx, *body);
  if (parsed.error) return *parsed.error;
  ProfileEdit& edit = parsed.edit;
  edit.op = ProfileEdit::Op::kSet;
  edit.region = ctx.params.at("id");
  edit.actor = ctx.principal();
  auto r = env_.WithKembar([&](Kembar& k) { return k.EditProfile(edit); });
  if (!r.ok()) return ctx.Error(r.status());
  return Answer(ctx, r->record, 200);
}

HttpResponse ProfileService::Delete(RequestContext& ctx) const {
  if (auto refused = RefuseViewer(ctx)) return *refused;
  ProfileEdit edit;
  edit.op = ProfileEdit::Op::kClear;
  edit.region = ctx.params.at("id");
  edit.actor = ctx.principal();
  auto r = env_.WithKembar([&](Kembar& k) { return k.EditProfile(edit); });
  if (!r.ok()) return ctx.Error(r.status());
  HttpResponse resp;
  resp.status = 204;
  return resp;
}

}  // namespace kembar::server
