#include "engine/profile.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "engine/edit_distance.h"
#include "engine/records.h"
#include "engine/search.h"
#include "kembar/geo/countries.h"
#include "kembar/io/dossier_writer.h"

namespace kembar::engine {

namespace {

// The comma-separated items of `text`, trimmed, empty ones dropped.
std::vector<std::string> Items(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

// The vocabulary values of a comma-separated list, distinct; InvalidInput names the
// option and, for a near miss, the value meant ("did you mean 'environment'?").
template <typename E>
Result<std::vector<E>> ParseList(const std::string& option, const std::string& text,
                                 const char* what_en, const char* what_id) {
  std::vector<E> out;
  for (const std::string& item : Items(text)) {
    if (auto e = ParseVocab<E>(item)) {
      if (std::find(out.begin(), out.end(), *e) == out.end()) out.push_back(*e);
      continue;
    }
    std::string_view best;
    size_t best_distance = 3;  // at most two edits away counts as a near miss
    for (std::string_view name : AllNames<E>()) {
      if (const size_t d = EditDistance(item, name); d < best_distance) {
        best = name;
        best_distance = d;
      }
    }
    const std::string head = option + ": '" + item + "' ";
    if (!best.empty()) {
      return Status::InvalidInput(
          head + "is not " + what_en + "; did you mean '" + std::string(best) + "'?",
          head + "bukan " + what_id + "; maksud Anda '" + std::string(best) + "'?");
    }
    std::string names;
    for (std::string_view name : AllNames<E>())
      names += (names.empty() ? "" : ", ") + std::string(name);
    return Status::InvalidInput(head + "is not " + what_en + " (one of: " + names + ")",
                                head + "bukan " + what_id + " (salah satu dari: " + names + ")");
  }
  return out;
}

// Sets `member` from `given`: nullopt keeps it, an empty list removes it.
template <typename T>
void Assign(std::optional<std::vector<T>>* member, std::vector<T> given) {
  if (given.empty()) {
    member->reset();
  } else {
    *member = std::move(given);
  }
}

void AssignText(std::optional<std::string>* member, const std::string& given) {
  if (given.empty()) {
    member->reset();
  } else {
    *member = given;
  }
}

// The profile with the edit's values applied over `p`.
Status Apply(const ProfileEdit& edit, RegionProfile* p) {
  if (edit.seeks) {
    auto v = ParseList<Field>("--seeks", *edit.seeks, "a field", "bidang");
    if (!v.ok()) return v.status();
    Assign(&p->seeks, std::move(v).value());
  }
  if (edit.offers) {
    auto v = ParseList<Field>("--offers", *edit.offers, "a field", "bidang");
    if (!v.ok()) return v.status();
    Assign(&p->offers, std::move(v).value());
  }
  if (edit.levels) {
    auto v = ParseList<Level>("--levels", *edit.levels, "a level", "tingkat pemerintahan");
    if (!v.ok()) return v.status();
    Assign(&p->levels, std::move(v).value());
  }
  if (edit.countries) {
    std::vector<std::string> codes;
    for (const std::string& item : Items(*edit.countries)) {
      auto iso = geo::ResolveCountry(item);
      if (!iso.ok()) {
        return Status::InvalidInput(
            "--countries: '" + item + "' is not a country code or name (ID, GB, Japan)",
            "--countries: '" + item + "' bukan kode atau nama negara (ID, GB, Jepang)");
      }
      if (std::find(codes.begin(), codes.end(), *iso) == codes.end()) codes.push_back(*iso);
    }
    Assign(&p->countries, std::move(codes));
  }
  if (edit.updated) {
    if (edit.updated->empty()) {
      p->updated.reset();
    } else {
      auto d = PartialDate::Parse(*edit.updated);
      if (!d.ok()) {
        return Status::InvalidInput(
            "--updated: '" + *edit.updated + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
            "--updated: '" + *edit.updated +
                "' bukan tanggal: tulis TTTT, TTTT-BB atau TTTT-BB-HH (misalnya 2024-03-19)");
      }
      p->updated = *d;
    }
  }
  if (edit.source) AssignText(&p->source, *edit.source);
  if (edit.contact || edit.contact_office || edit.contact_phone || edit.contact_name ||
      edit.contact_email || edit.contact_url) {
    Contact c = p->contact.value_or(Contact{});
    if (edit.contact) {
      // One text: an e-mail address, a web address or a name.
      const std::string& t = *edit.contact;
      const bool email = t.find('@') != std::string::npos && t.find(' ') == std::string::npos;
      const bool url = t.rfind("http://", 0) == 0 || t.rfind("https://", 0) == 0;
      AssignText(email ? &c.email : url ? &c.url : &c.name, t);
    }
    if (edit.contact_office) AssignText(&c.office, *edit.contact_office);
    if (edit.contact_phone) AssignText(&c.phone, *edit.contact_phone);
    if (edit.contact_name) AssignText(&c.name, *edit.contact_name);
    if (edit.contact_email) AssignText(&c.email, *edit.contact_email);
    if (edit.contact_url) AssignText(&c.url, *edit.contact_url);
    const bool empty = !c.name && !c.office && !c.email && !c.phone && !c.url && c.extra.empty();
    if (empty) {
      p->contact.reset();
    } else {
      p->contact = std::move(c);
    }
  }
  return Status::Ok();
}

bool IsEmpty(const RegionProfile& p) {
  return !p.seeks && !p.offers && !p.levels && !p.countries && !p.contact && !p.source &&
         !p.updated && p.extra.empty();
}

// The stored region `text` names (an id or any of its names).
Result<Region> StoredRegion(store::Store& store, const std::string& text) {
  auto id = ResolveRegion(store, text);
  if (!id.ok()) return id.status();
  store::Selection sel;
  sel.region_id = *id;
  auto d = store.Export(sel);
  if (!d.ok()) return d.status();
  for (Region& r : d->regions) {
    if (r.id == *id) return std::move(r);
  }
  return Status::NotFound("no region has the id '" + *id + "'",
                          "tidak ada daerah dengan id '" + *id + "'");
}

}  // namespace

Result<EditResult> EditProfile(store::Store& store, const io::ReadOptions& read,
                               const ProfileEdit& edit) {
  auto region = StoredRegion(store, edit.region);
  if (!region.ok()) return region.status();
  RecordEdit record;
  record.kind = RecordEdit::Kind::kRegion;
  record.op = RecordEdit::Op::kEdit;
  record.id = region->id;
  record.actor = edit.actor;
  std::string json = "null";
  if (edit.op == ProfileEdit::Op::kSet) {
    RegionProfile p = region->profile.value_or(RegionProfile{});
    if (Status s = Apply(edit, &p); !s.ok()) return s;
    if (!IsEmpty(p)) {
      json.clear();
      io::JsonWriter w(&json);
      io::WriteRegionProfile(p, &w);
    }
  }
  record.members.emplace_back("profile", std::move(json));
  return EditRecord(store, read, record);
}

Result<ProfileReport> GetProfile(store::Store& store, const std::string& region) {
  auto r = StoredRegion(store, region);
  if (!r.ok()) return r.status();
  ProfileReport out;
  out.region_id = r->id;
  out.region_name = r->name;
  out.profile = std::move(r->profile);
  out.needs = std::move(r->needs);
  out.strengths = std::move(r->strengths);
  return out;
}

}  // namespace kembar::engine
