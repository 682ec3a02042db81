#include "kembar/report/assessment_json.h"

#include <cmath>

#include "kembar/assess/messages.h"
#include "kembar/io/json_writer.h"

namespace kembar::report {

using namespace assess;  // NOLINT(google-build-using-namespace): the contract's own terms

namespace {

void WriteFacts(const Facts& facts, io::JsonWriter* w) {
  w->BeginObject();
  for (const auto& [k, v] : facts) {
    if (v.empty()) continue;
    w->Key(k);
    w->String(v);
  }
  w->EndObject();
}

template <typename T>
void OptNumber(io::JsonWriter* w, std::string_view key, const std::optional<T>& v) {
  w->Key(key);
  if (v) {
    w->Number(static_cast<double>(*v));
  } else {
    w->Raw("null");
  }
}

}  // namespace

void WriteRecommendationMembers(const PartnershipAssessment& a, const Action& x, Lang lang,
                                io::JsonWriter* w) {
  w->Key("code");
  w->String(ToString(x.code));
  w->Key("concept");
  if (x.motive) {
    w->String(ToString(*x.motive));
  } else {
    w->Raw("null");
  }
  w->Key("due");
  if (x.due) {
    w->String(FormatDay(*x.due));
  } else {
    w->Raw("null");
  }
  w->Key("urgency");
  w->String(ToString(x.urgency));
  w->Key("text");
  w->String(Describe(a, x, lang));
}

std::string AssessmentJson(const std::vector<PartnershipAssessment>& assessments, Day as_of,
                           int indent, Lang lang) {
  std::string out;
  io::JsonWriter w(&out, indent, /*inline_depth=*/5);
  auto null = [&] { w.Raw("null"); };
  auto per_party = [&](const PartnershipAssessment& a, const std::optional<PerParty>& v) {
    if (!v) return null();
    w.BeginObject();
    w.Key(a.home);
    w.Number(v->home);
    w.Key(a.partner);
    w.Number(v->partner);
    w.EndObject();
  };
  w.BeginObject();
  w.Key("format");
  w.String("kembar-assessment/2");
  w.Key("as_of");
  w.String(FormatDay(as_of));
  w.Key("partnerships");
  w.BeginArray();
  for (const PartnershipAssessment& a : assessments) {
    w.BeginObject();
    w.Key("id");
    w.String(a.id);
    w.Key("parties");
    w.BeginArray();
    w.String(a.home);
    w.String(a.partner);
    w.EndArray();
    w.Key("condition");
    w.String(ToString(a.condition));
    w.Key("concepts");
    w.BeginArray();
    for (const Concept& c : a.concepts) {
      w.BeginObject();
      w.Key("code");
      w.String(ToString(c.code));
      w.Key("evidence");
      w.BeginArray();
      for (const std::string& e : c.evidence) {
        if (!e.empty()) w.String(e);
      }
      w.EndArray();
      w.Key("explanation");
      w.String(Explain(a, c, lang));
      w.Key("source");
      w.String(SourceOf(c.code));
      w.Key("facts");
      WriteFacts(c.facts, &w);
      w.EndObject();
    }
    w.EndArray();
    const Indicators& i = a.indicators;
    w.Key("indicators");
    w.BeginObject();
    OptNumber(&w, "months_since_activity", i.months_since_activity);
    w.Key("activities_total");
    w.Uint(static_cast<uint64_t>(i.activities_total));
    w.Key("activities_last_36_months");
    w.Uint(static_cast<uint64_t>(i.activities_recent));
    w.Key("contributions");
    per_party(a, i.contributions);
    w.Key("contribution_share");
    per_party(a, i.contribution_share);
    OptNumber(&w, "reciprocity", i.reciprocity);
    w.Key("benefit_share");
    per_party(a, i.benefit_share);
    w.Key("sectors");
    w.Uint(static_cast<uint64_t>(i.sectors));
    w.Key("fields_covered");
    w.Uint(static_cast<uint64_t>(i.fields_covered));
    w.Key("fields_agreed");
    w.Uint(static_cast<uint64_t>(i.fields_agreed));
    std::optional<double> km;
    if (i.distance_km) km = std::round(*i.distance_km * 10) / 10;
    OptNumber(&w, "distance_km", km);
    OptNumber(&w, "tz_gap_hours", i.tz_gap_hours);
    w.Key("paradiplomacy_layer");
    if (i.paradiplomacy_layer) {
      w.String(*i.paradiplomacy_layer);
    } else {
      null();
    }
    w.Key("smart_dimensions");
    w.BeginArray();
    for (SmartDimension d : i.smart_dimensions) w.String(ToString(d));
    w.EndArray();
    w.Key("stages_done");
    w.BeginArray();
    for (std::string_view s : i.stages_done) w.String(s);
    w.EndArray();
    w.EndObject();
    const Agreement& ag = a.agreement;
    w.Key("agreement");
    w.BeginObject();
    w.Key("in_force");
    w.Bool(ag.in_force);
    w.Key("signed");
    if (ag.signed_on) {
      w.String(ag.signed_on->ToString());
    } else {
      null();
    }
    w.Key("expires");
    if (ag.expires) {
      w.String(ag.expires->ToString());
    } else {
      null();
    }
    w.Key("expiry_known");
    w.Bool(ag.expiry_known);
    w.EndObject();
    w.Key("recommendations");
    w.BeginArray();
    for (const Action& act : a.actions) {
      w.BeginObject();
      WriteRecommendationMembers(a, act, lang, &w);
      w.Key("facts");
      WriteFacts(act.facts, &w);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace kembar::report
