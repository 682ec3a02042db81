#include "kembar/io/dossier_writer.h"

#include <type_traits>

namespace kembar::io {

namespace {

void WriteExtra(const ExtraMembers& extra, JsonWriter* w) {
  for (const auto& [key, json] : extra) {
    w->Key(key);
    w->Raw(json);
  }
}

template <typename E>
void WriteEnumList(std::string_view key, const std::optional<std::vector<E>>& values,
                   JsonWriter* w) {
  if (!values) return;
  w->Key(key);
  w->BeginArray();
  for (E v : *values) w->String(ToString(v));
  w->EndArray();
}

void WriteStrings(std::string_view key, const std::optional<std::vector<std::string>>& values,
                  JsonWriter* w) {
  if (!values) return;
  w->Key(key);
  w->BeginArray();
  for (const std::string& v : *values) w->String(v);
  w->EndArray();
}

void WriteOpt(std::string_view key, const std::optional<std::string>& v, JsonWriter* w) {
  if (!v) return;
  w->Key(key);
  w->String(*v);
}

template <typename E>
  requires std::is_enum_v<E>
void WriteOpt(std::string_view key, const std::optional<E>& v, JsonWriter* w) {
  if (!v) return;
  w->Key(key);
  w->String(ToString(*v));
}

void WriteOpt(std::string_view key, const std::optional<uint64_t>& v, JsonWriter* w) {
  if (!v) return;
  w->Key(key);
  w->Uint(*v);
}

void WriteOpt(std::string_view key, const std::optional<double>& v, JsonWriter* w) {
  if (!v) return;
  w->Key(key);
  w->Number(*v);
}

void WriteValidity(const Validity& v, JsonWriter* w) {
  WriteOpt("valid_years", v.valid_years, w);
  if (v.valid_until) {
    w->Key("valid_until");
    w->String(v.valid_until->ToString());
  }
}

// Members of each event type beyond the common ones.
struct DetailsWriter {
  JsonWriter* w;
  void operator()(const Initiated&) const {}
  void operator()(const LoiSigned&) const {}
  void operator()(const DprdApproved&) const {}
  void operator()(const PicChanged&) const {}
  void operator()(const Reactivated&) const {}
  void operator()(const Note&) const {}
  void operator()(const Visit& d) const {
    WriteOpt("from", d.from, w);
    WriteOpt("to", d.to, w);
    WriteOpt("participants", d.participants, w);
  }
  void operator()(const CentralConsultation& d) const { WriteOpt("outcome", d.outcome, w); }
  void operator()(const MouSigned& d) const {
    WriteValidity(d.validity, w);
    WriteEnumList("fields", d.fields, w);
  }
  void operator()(const MouRenewed& d) const {
    WriteValidity(d.validity, w);
    WriteEnumList("fields", d.fields, w);
  }
  void operator()(const ActionPlan& d) const {
    WriteEnumList("fields", d.fields, w);
    WriteStrings("items", d.items, w);
  }
  void operator()(const Activity& d) const {
    WriteOpt("field", d.field, w);
    WriteOpt("provider", d.provider, w);
    WriteOpt("beneficiary", d.beneficiary, w);
    WriteOpt("host", d.host, w);
    WriteOpt("participants", d.participants, w);
    WriteEnumList("sectors", d.sectors, w);
    if (d.budget) {
      w->Key("budget");
      w->BeginObject();
      WriteOpt("amount", d.budget->amount, w);
      WriteOpt("currency", d.budget->currency, w);
      WriteOpt("source", d.budget->source, w);
      WriteExtra(d.budget->extra, w);
      w->EndObject();
    }
    WriteStrings("outputs", d.outputs, w);
    WriteStrings("outcomes", d.outcomes, w);
    WriteOpt("smart_dimension", d.smart_dimension, w);
  }
  void operator()(const Communication& d) const {
    WriteOpt("from", d.from, w);
    WriteOpt("channel", d.channel, w);
    if (d.responded) {
      w->Key("responded");
      w->Bool(*d.responded);
    }
  }
  void operator()(const LeaderChanged& d) const { WriteOpt("name", d.name, w); }
  void operator()(const PolicyChange& d) const { WriteOpt("level", d.level, w); }
  void operator()(const ExternalShock& d) const { WriteOpt("kind", d.kind, w); }
  void operator()(const Suspended& d) const { WriteOpt("reason", d.reason, w); }
  void operator()(const Terminated& d) const { WriteOpt("reason", d.reason, w); }
  void operator()(const Evaluation& d) const { WriteStrings("findings", d.findings, w); }
};

}  // namespace

void WriteRegionProfile(const RegionProfile& p, JsonWriter* w) {
  w->BeginObject();
  WriteEnumList("seeks", p.seeks, w);
  WriteEnumList("offers", p.offers, w);
  WriteEnumList("levels", p.levels, w);
  WriteStrings("countries", p.countries, w);
  if (p.contact) {
    w->Key("contact");
    w->BeginObject();
    WriteOpt("name", p.contact->name, w);
    WriteOpt("office", p.contact->office, w);
    WriteOpt("email", p.contact->email, w);
    WriteOpt("phone", p.contact->phone, w);
    WriteOpt("url", p.contact->url, w);
    WriteExtra(p.contact->extra, w);
    w->EndObject();
  }
  WriteOpt("source", p.source, w);
  if (p.updated) {
    w->Key("updated");
    w->String(p.updated->ToString());
  }
  WriteExtra(p.extra, w);
  w->EndObject();
}

void WriteRegion(const Region& r, JsonWriter* w) {
  w->BeginObject();
  w->Key("id");
  w->String(r.id);
  w->Key("name");
  w->String(r.name);
  if (r.has_names) {
    w->Key("names");
    w->BeginObject();
    for (const auto& [lang, name] : r.names) {
      w->Key(lang);
      w->String(name);
    }
    w->EndObject();
  }
  w->Key("country");
  w->String(r.country);
  w->Key("level");
  w->String(ToString(r.level));
  WriteOpt("parent", r.parent, w);
  WriteOpt("lat", r.lat, w);
  WriteOpt("lon", r.lon, w);
  WriteOpt("population", r.population, w);
  WriteOpt("timezone", r.timezone, w);
  WriteStrings("characteristics", r.characteristics, w);
  WriteEnumList("strengths", r.strengths, w);
  WriteEnumList("needs", r.needs, w);
  if (r.profile) {
    w->Key("profile");
    WriteRegionProfile(*r.profile, w);
  }
  WriteExtra(r.extra, w);
  w->EndObject();
}

void WriteEvent(const Event& e, JsonWriter* w) {
  w->BeginObject();
  w->Key("type");
  w->String(ToString(e.type()));
  w->Key("date");
  w->String(e.date.ToString());
  WriteOpt("id", e.id, w);
  WriteOpt("side", e.side, w);
  WriteOpt("title", e.title, w);
  WriteOpt("description", e.description, w);
  std::visit(DetailsWriter{w}, e.details);
  WriteOpt("source", e.source, w);
  WriteExtra(e.extra, w);
  w->EndObject();
}

void WritePartnership(const Partnership& p, bool with_events, JsonWriter* w) {
  w->BeginObject();
  w->Key("id");
  w->String(p.id);
  w->Key("kind");
  w->String(ToString(p.kind));
  WriteOpt("title", p.title, w);
  w->Key("parties");
  w->BeginArray();
  w->String(p.home);
  w->String(p.partner);
  w->EndArray();
  WriteEnumList("fields", p.fields, w);
  WriteExtra(p.extra, w);
  if (with_events) {
    w->Key("events");
    w->BeginArray();
    for (const Event& e : p.events) WriteEvent(e, w);
    w->EndArray();
  }
  w->EndObject();
}

std::string WriteDossier(const Dossier& d, const WriteOptions& options) {
  std::string out;
  out.reserve(256 + d.regions.size() * 256 + d.partnerships.size() * 2048);
  // Depth 4 is the events array: each event then fits on one line.
  JsonWriter w(&out, options.pretty ? 2 : 0, 4);
  w.BeginObject();
  w.Key("format");
  w.String(kDossierFormat);
  WriteExtra(d.extra, &w);
  w.Key("regions");
  w.BeginArray();
  for (const Region& r : d.regions) WriteRegion(r, &w);
  w.EndArray();
  w.Key("partnerships");
  w.BeginArray();
  for (const Partnership& p : d.partnerships) WritePartnership(p, true, &w);
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace kembar::io
