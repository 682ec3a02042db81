#include "kembar/report/text.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "kembar/geo/countries.h"
#include "kembar/io/json_writer.h"
#include "report/change_json.h"
#include "report/width.h"

namespace kembar::report {

void WriteChangeMembers(const store::ChangeRecord& c, bool with_area, io::JsonWriter* w) {
  w->Key("seq");
  w->Uint(static_cast<uint64_t>(c.seq));
  for (const auto& [k, v] : {std::pair<const char*, const std::string*>{"at", &c.at},
                             {"actor", &c.actor},
                             {"address", &c.address},
                             {"area", with_area ? &c.area : nullptr},
                             {"action", &c.action},
                             {"record", &c.record},
                             {"summary", &c.summary}}) {
    if (!v) continue;
    w->Key(k);
    w->String(*v);
  }
  // before/after are JSON documents the store or the accounts wrote themselves.
  w->Key("before");
  w->Raw(c.before.empty() ? "null" : c.before);
  w->Key("after");
  w->Raw(c.after.empty() ? "null" : c.after);
}

namespace {

size_t Width(std::string_view s) { return DisplayWidth(s); }
std::string Pad(std::string_view s, size_t width) { return PadTo(s, width); }

template <typename E>
std::string JoinEnums(const std::vector<E>& values) {
  std::string out;
  for (E v : values) {
    if (!out.empty()) out += ", ";
    out += ToString(v);
  }
  return out;
}

void AddPart(std::string* out, const std::string& part) {
  if (part.empty()) return;
  if (!out->empty()) *out += "; ";
  *out += part;
}

}  // namespace

std::string FormatPartnershipTable(const std::vector<store::PartnershipSummary>& rows) {
  struct Line {
    std::string cells[6];
  };
  std::vector<Line> lines;
  lines.push_back({{"ID", "HOME", "PARTNER", "MOU", "EVENTS", "LAST EVENT"}});
  for (const auto& r : rows) {
    lines.push_back(
        {{r.id, r.home_name, r.partner_name + " (" + r.partner_country + ")",
          r.mou_date.value_or("-"), std::to_string(r.events), r.last_date.value_or("-")}});
  }
  size_t width[6] = {};
  for (const Line& l : lines) {
    for (int i = 0; i < 6; ++i)
      width[i] = std::max(width[i], std::min<size_t>(Width(l.cells[i]), 48));
  }
  std::string out;
  for (const Line& l : lines) {
    std::string row;
    for (int i = 0; i < 6; ++i) {
      row += i == 5 ? l.cells[i] : Pad(l.cells[i], width[i]) + "  ";
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  out += std::to_string(rows.size()) + (rows.size() == 1 ? " partnership\n" : " partnerships\n");
  return out;
}

std::string DescribeEventDetails(const Event& e) {
  std::string out;
  std::visit(
      [&](const auto& d) {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, Visit>) {
          if (d.from || d.to) AddPart(&out, d.from.value_or("?") + " -> " + d.to.value_or("?"));
          if (d.participants) AddPart(&out, std::to_string(*d.participants) + " participants");
        } else if constexpr (std::is_same_v<T, CentralConsultation>) {
          if (d.outcome)
            AddPart(&out, std::string("outcome: ") + std::string(ToString(*d.outcome)));
        } else if constexpr (std::is_same_v<T, MouSigned> || std::is_same_v<T, MouRenewed>) {
          if (d.fields) AddPart(&out, "fields: " + JoinEnums(*d.fields));
          if (d.validity.valid_years) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "valid %g years", *d.validity.valid_years);
            AddPart(&out, buf);
          }
          if (d.validity.valid_until)
            AddPart(&out, "valid until " + d.validity.valid_until->ToString());
        } else if constexpr (std::is_same_v<T, ActionPlan>) {
          if (d.fields) AddPart(&out, "fields: " + JoinEnums(*d.fields));
          if (d.items) AddPart(&out, std::to_string(d.items->size()) + " items");
        } else if constexpr (std::is_same_v<T, Activity>) {
          if (d.field) AddPart(&out, std::string(ToString(*d.field)));
          if (d.provider || d.beneficiary)
            AddPart(&out, d.provider.value_or("?") + " -> " + d.beneficiary.value_or("?"));
          if (d.host) AddPart(&out, "at " + *d.host);
          if (d.participants) AddPart(&out, std::to_string(*d.participants) + " participants");
          if (d.sectors) AddPart(&out, "sectors: " + JoinEnums(*d.sectors));
        } else if constexpr (std::is_same_v<T, Communication>) {
          if (d.from) AddPart(&out, "from " + *d.from);
          if (d.channel) AddPart(&out, *d.channel);
          if (d.responded) AddPart(&out, *d.responded ? "answered" : "not answered");
        } else if constexpr (std::is_same_v<T, LeaderChanged>) {
          if (d.name) AddPart(&out, *d.name);
        } else if constexpr (std::is_same_v<T, PolicyChange>) {
          if (d.level) AddPart(&out, std::string(ToString(*d.level)));
        } else if constexpr (std::is_same_v<T, ExternalShock>) {
          if (d.kind) AddPart(&out, std::string(ToString(*d.kind)));
        } else if constexpr (std::is_same_v<T, Suspended> || std::is_same_v<T, Terminated>) {
          if (d.reason) AddPart(&out, *d.reason);
        } else if constexpr (std::is_same_v<T, Evaluation>) {
          if (d.findings) AddPart(&out, std::to_string(d.findings->size()) + " findings");
        }
      },
      e.details);
  return out;
}

std::string FormatPartnership(const Dossier& dossier, const Partnership& p, assess::Lang lang) {
  std::unordered_map<std::string_view, const Region*> regions;
  for (const Region& r : dossier.regions) regions.emplace(r.id, &r);
  auto name = [&](const std::string& id) {
    auto it = regions.find(id);
    return it == regions.end()
               ? id
               : assess::NameOf(assess::LabelOf(*it->second), lang) + " (" +
                     geo::CountryName(it->second->country, lang == assess::Lang::kId) + ")";
  };
  std::string out = p.id + ": " + name(p.home) + " – " + name(p.partner) + ", " +
                    std::string(assess::Text("kind." + std::string(ToString(p.kind)), lang)) + "\n";
  if (p.title) out += *p.title + "\n";
  if (p.fields) {
    std::string fields;
    for (Field f : *p.fields)
      fields += (fields.empty() ? "" : ", ") + assess::Word(ToString(f), lang);
    out += std::string(assess::Text("fields", lang)) + ": " + fields + "\n";
  }
  for (const auto& [key, json] : p.extra) out += key + ": " + json + "\n";
  if (p.events.empty()) {
    out += std::string(assess::Text("no_events", lang)) + "\n";
    return out;
  }
  std::vector<const Event*> order;
  for (const Event& e : p.events) order.push_back(&e);
  std::stable_sort(order.begin(), order.end(),
                   [](const Event* a, const Event* b) { return TimelineBefore(a->date, b->date); });
  for (const Event* e : order) {
    std::string line = Pad(assess::FormatDate(e->date, lang), 24) + "  " +
                       Pad(assess::Text("event." + std::string(ToString(e->type())), lang), 26) +
                       "  ";
    std::string text = e->title.value_or("");
    AddPart(&text, DescribeEventDetails(*e));
    line += text;
    if (e->source) line += "  [" + *e->source + "]";
    out += line + "\n";
  }
  return out;
}

std::string FormatChangeRecords(const std::vector<store::ChangeRecord>& records) {
  if (records.empty()) return "no change recorded\n";
  std::string out;
  for (const store::ChangeRecord& c : records) {
    out += "#" + std::to_string(c.seq) + "  " + c.at + "  " + c.actor +
           (c.address.empty() ? "" : " (" + c.address + ")") + "  " + c.action + "  " + c.record +
           "\n  " + c.summary + "\n";
    if (!c.before.empty() && c.before.size() < 2000) out += "  before: " + c.before + "\n";
    if (!c.after.empty() && c.after.size() < 2000) out += "  after:  " + c.after + "\n";
  }
  return out;
}

std::string ChangeRecordsJson(const std::vector<store::ChangeRecord>& records) {
  std::string out;
  io::JsonWriter w(&out, 2, 3);
  w.BeginArray();
  for (const store::ChangeRecord& c : records) {
    w.BeginObject();
    WriteChangeMembers(c, /*with_area=*/false, &w);
    w.Key("partnerships");
    w.BeginArray();
    for (const std::string& p : c.partnerships) w.String(p);
    w.EndArray();
    w.Key("hash");
    w.String(c.hash);
    w.EndObject();
  }
  w.EndArray();
  out.push_back('\n');
  return out;
}

std::string FormatSearch(const SearchResult& r, assess::Lang lang) {
  const bool id = lang == assess::Lang::kId;
  auto country = [&](std::string_view iso) { return geo::CountryName(iso, id); };
  std::string out;
  if (r.country) out += std::string(id ? "Negara: " : "Country: ") + country(*r.country) + "\n";
  out += std::string(id ? "Daerah tersimpan" : "Stored regions") + " (" +
         std::to_string(r.regions.size()) + ")\n";
  for (const store::RegionRow& g : r.regions) {
    out += "  " + g.id + "  " + g.name;
    for (const std::string& n : g.other_names) {
      if (n != g.name) out += " / " + n;
    }
    out += " (" + country(g.country) + ", " + std::string(ToString(g.level)) + ")\n";
  }
  out += std::string(id ? "Kerja sama tersimpan" : "Stored partnerships") + " (" +
         std::to_string(r.partnerships.size()) + ")\n";
  for (const store::PartnershipSummary& p : r.partnerships) {
    out += "  " + p.id + "  " + p.home_name + " – " + p.partner_name + " (" +
           country(p.partner_country) + ")\n";
  }
  out += std::string(id ? "Tempat di gazetir (GeoNames)" : "Gazetteer places (GeoNames)") + " (" +
         std::to_string(r.places.size()) + ")\n";
  for (const geo::Place* p : r.places) {
    out += "  " + std::string(p->name) + " (" + country(p->country) + ")";
    if (p->population) {
      out += id ? ", penduduk " : ", population ";
      out += assess::FormatNumber(p->population, 0, lang);
    }
    out += "\n";
  }
  return out;
}

std::string SearchJson(const SearchResult& r) {
  std::string out;
  io::JsonWriter w(&out, 2, 3);
  w.BeginObject();
  w.Key("country");
  if (r.country) {
    w.String(*r.country);
  } else {
    w.Raw("null");
  }
  w.Key("regions");
  w.BeginArray();
  for (const store::RegionRow& g : r.regions) {
    w.BeginObject();
    w.Key("id");
    w.String(g.id);
    w.Key("name");
    w.String(g.name);
    w.Key("country");
    w.String(g.country);
    w.Key("level");
    w.String(ToString(g.level));
    w.EndObject();
  }
  w.EndArray();
  w.Key("partnerships");
  w.BeginArray();
  for (const store::PartnershipSummary& p : r.partnerships) {
    w.BeginObject();
    w.Key("id");
    w.String(p.id);
    w.Key("home");
    w.String(p.home_id);
    w.Key("partner");
    w.String(p.partner_id);
    w.Key("partner_country");
    w.String(p.partner_country);
    w.EndObject();
  }
  w.EndArray();
  w.Key("places");
  w.BeginArray();
  for (const geo::Place* p : r.places) {
    w.BeginObject();
    w.Key("geonames_id");
    w.Uint(p->geonames_id);
    w.Key("name");
    w.String(p->name);
    w.Key("country");
    w.String(p->country);
    w.Key("population");
    w.Uint(p->population);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace kembar::report
