// Each condition and each risk concept on small hand-made timelines, with the edges of
// interval semantics; the brief's cases on the bundled data; properties over
// generated dossiers.
#include "kembar/assess/assessment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "kembar/assess/assessment_json.h"
#include "kembar/assess/messages.h"
#include "kembar/io/dossier_reader.h"
#include "testing/dossier_gen.h"
#include "testing/fixtures.h"

namespace kembar::assess {
namespace {

using nlohmann::json;

// Two regions, Bandung (ID) and a partner whose country and place the case chooses.
std::string Doc(const std::string& events, const std::string& partner_country = "JP",
                const std::string& partner_place = R"("lat": 35.6897, "lon": 139.6922, "timezone": "Asia/Tokyo")") {
  return R"({"format": "kembar-dossier/1", "regions": [
      {"id": "id-a", "name": "Bandung", "country": "ID", "level": "city",
       "lat": -6.9175, "lon": 107.6191, "timezone": "Asia/Jakarta"},
      {"id": "xx-b", "name": "Partner", "country": ")" + partner_country + R"(", "level": "city", )" +
         partner_place + R"(}],
    "partnerships": [{"id": "a-b", "kind": "sister_city", "parties": ["id-a", "xx-b"],
      "events": [)" + events + "]}]}";
}

Dossier Parse(const std::string& text) {
  io::DossierReader reader;
  Dossier d;
  io::ReadReport r = reader.Read(text, &d);
  EXPECT_TRUE(r.ok()) << r.ToStatus().message() << "\n" << text;
  return d;
}

PartnershipAssessment AssessOne(const std::string& text, const char* as_of,
                                const Policy& policy = DefaultPolicy()) {
  static geo::TimeZones zones;
  Context ctx;
  ctx.policy = &policy;
  ctx.relations = &geo::Relations::Bundled();
  ctx.time_zones = &zones;
  const Dossier d = Parse(text);
  auto all = AssessDossier(d, ParseDay(as_of).value(), ctx);
  EXPECT_EQ(all.size(), 1u);
  return all.empty() ? PartnershipAssessment{} : all.front();
}

std::set<std::string> Codes(const PartnershipAssessment& a) {
  std::set<std::string> out;
  for (const Concept& c : a.concepts) out.emplace(ToString(c.code));
  return out;
}

// A balanced, broad activity: neither one-sided nor narrow.
std::string Act(const std::string& date, const std::string& provider = "both") {
  return R"({"type": "activity", "date": ")" + date + R"(", "field": "education", "provider": ")" +
         provider + R"(", "beneficiary": "both", "sectors": ["school", "business"]})";
}
const std::string kMou = R"({"type": "mou_signed", "date": "2018-03-19", "fields": ["education"]})";

struct Case {
  const char* name;
  std::string events;
  const char* as_of;
  Condition condition;
  std::set<std::string> concepts;  // exactly these (distance never fires: ID-JP is near)
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ConditionAndConceptTest : public ::testing::TestWithParam<Case> {};

TEST_P(ConditionAndConceptTest, MatchesTheContract) {
  const Case& c = GetParam();
  const PartnershipAssessment a = AssessOne(Doc(c.events), c.as_of);
  EXPECT_EQ(ToString(a.condition), ToString(c.condition));
  EXPECT_EQ(Codes(a), c.concepts);
  for (const Concept& k : a.concepts) {
    EXPECT_FALSE(k.evidence.empty()) << ToString(k.code);
    EXPECT_FALSE(SourceOf(k.code).empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ConditionAndConceptTest,
    ::testing::Values(
        // --- conditions
        Case{"no_events_is_unknown", "", "2020-01-01", Condition::kUnknown, {}},
        Case{"only_loi_is_not_in_force",
             R"({"type": "initiated", "date": "2016", "side": "id-a"},
                {"type": "loi_signed", "date": "2017-05-17"})",
             "2020-01-01", Condition::kNotInForce, {}},
        Case{"recent_balanced_activity_is_active", kMou + "," + Act("2019-02"), "2020-01-01",
             Condition::kActive, {}},
        Case{"events_after_as_of_are_ignored", kMou + "," + Act("2019-02"), "2018-01-01",
             Condition::kUnknown, {}},
        Case{"terminated_is_ended",
             kMou + "," + Act("2019-02") + R"(, {"type": "terminated", "date": "2019-06"})",
             "2020-01-01", Condition::kEnded, {}},
        Case{"reactivated_lifts_termination",
             kMou + "," + Act("2019-02") +
                 R"(, {"type": "terminated", "date": "2019-06"}, {"type": "reactivated", "date": "2019-09"})",
             "2020-01-01", Condition::kActive, {}},
        Case{"suspended_is_dormant",
             kMou + "," + Act("2019-02") + R"(, {"type": "suspended", "date": "2019-06"})",
             "2020-01-01", Condition::kDormant, {}},
        // --- expired_unrenewed with a year-precision signing: "2002" + 10 years may
        // end any day of 2012, so on 2012-06-30 it has not certainly expired.
        Case{"year_precision_expiry_not_yet_certain",
             R"({"type": "mou_signed", "date": "2002", "valid_years": 10},)" + Act("2011-03"),
             "2012-06-30", Condition::kActive, {}},
        Case{"year_precision_expiry_certain_next_year",
             R"({"type": "mou_signed", "date": "2002", "valid_years": 10},)" + Act("2011-03"),
             "2013-01-01", Condition::kEnded, {"expired_unrenewed"}},
        Case{"renewal_keeps_it_in_force",
             R"({"type": "mou_signed", "date": "2002", "valid_years": 10},)" + Act("2011-03") +
                 R"(, {"type": "mou_renewed", "date": "2012-05", "valid_years": 5},)" + Act("2013-03"),
             "2014-01-01", Condition::kActive, {}},
        Case{"valid_until_day_is_inclusive",
             R"({"type": "mou_signed", "date": "2015-01-10", "valid_until": "2019-12-31"},)" +
                 Act("2019-06"),
             "2019-12-31", Condition::kActive, {}},
        // --- no_activity_after_mou: 12 whole months from the signing's last day.
        Case{"no_activity_after_mou_at_12_months", kMou, "2019-03-19", Condition::kDormant,
             {"no_activity_after_mou"}},
        Case{"no_activity_after_mou_not_at_11_months", kMou, "2019-03-18", Condition::kActive, {}},
        Case{"activity_of_the_mou_year_may_follow_it",
             R"({"type": "mou_signed", "date": "2018-03-19"},)" + Act("2018"), "2019-06-01",
             Condition::kActive, {}},
        Case{"reactivation_restarts_the_clock",
             kMou + R"(, {"type": "reactivated", "date": "2020-02"})", "2020-12-31",
             Condition::kActive, {}},
        // --- activity_gap: a month-precision activity counts from its last day; exactly
        // 24 months fires, 23 does not.
        Case{"gap_of_exactly_24_months", kMou + "," + Act("2019-06"), "2021-06-30",
             Condition::kDormant, {"activity_gap"}},
        Case{"gap_of_23_months", kMou + "," + Act("2019-06"), "2021-06-29", Condition::kActive, {}},
        Case{"year_precision_activity_counts_from_december", kMou + "," + Act("2019"), "2021-12-30",
             Condition::kActive, {}},
        // --- unanswered_communication
        Case{"unanswered_letter",
             kMou + "," + Act("2019-01") +
                 R"(, {"type": "communication", "date": "2019-02", "from": "xx-b", "channel": "email", "responded": false})",
             "2019-12-31", Condition::kAtRisk, {"unanswered_communication"}},
        Case{"answered_by_a_later_letter",
             kMou + "," + Act("2019-01") +
                 R"(, {"type": "communication", "date": "2019-02", "from": "xx-b", "responded": false},
                    {"type": "communication", "date": "2019-04", "from": "id-a"})",
             "2019-12-31", Condition::kActive, {}},
        Case{"answered_by_a_joint_activity",
             kMou + R"(, {"type": "communication", "date": "2019-02", "from": "xx-b", "responded": false},)" +
                 Act("2019-05"),
             "2019-12-31", Condition::kActive, {}},
        // --- one_sided: 80 % of at least 2 acts
        Case{"one_sided_at_80_percent",
             kMou + "," + Act("2019-01", "xx-b") + "," + Act("2019-02", "xx-b") + "," +
                 Act("2019-03", "xx-b") + "," + Act("2019-04", "xx-b") + "," + Act("2019-05", "id-a"),
             "2019-12-31", Condition::kAtRisk, {"one_sided"}},
        Case{"three_to_one_is_balanced_enough",
             kMou + "," + Act("2019-01", "xx-b") + "," + Act("2019-02", "xx-b") + "," +
                 Act("2019-03", "xx-b") + "," + Act("2019-05", "id-a"),
             "2019-12-31", Condition::kActive, {}},
        Case{"one_act_is_not_judged", kMou + "," + Act("2019-01", "xx-b"), "2019-12-31",
             Condition::kActive, {}},
        // --- narrow_participation: fewer than 2 kinds of non-government actor
        Case{"narrow_participation",
             kMou + R"(, {"type": "activity", "date": "2019-02", "provider": "both",
                          "sectors": ["local_government", "school", "embassy"]})",
             "2019-12-31", Condition::kAtRisk, {"narrow_participation"}},
        // --- leader_change_lapse: 12 months after a new leader, activity before, none since
        Case{"leader_change_lapse",
             kMou + "," + Act("2018-09") +
                 R"(, {"type": "leader_changed", "date": "2019-05", "side": "xx-b", "name": "New Mayor"})",
             "2020-05-31", Condition::kAtRisk, {"leader_change_lapse"}},
        Case{"leader_change_lapse_not_yet", kMou + "," + Act("2018-09") +
                 R"(, {"type": "leader_changed", "date": "2019-05", "side": "xx-b"})",
             "2020-05-30", Condition::kActive, {}},
        // --- external_shock: after the first signing, within 5 years
        Case{"pandemic_after_signing",
             kMou + "," + Act("2021-02") + R"(, {"type": "external_shock", "date": "2020-03", "kind": "pandemic"})",
             "2021-06-30", Condition::kAtRisk, {"external_shock"}},
        Case{"pandemic_more_than_5_years_ago",
             kMou + "," + Act("2025-02") + R"(, {"type": "external_shock", "date": "2020-03", "kind": "pandemic"})",
             "2025-04-01", Condition::kActive, {}},
        Case{"shock_before_signing_does_not_count",
             R"({"type": "external_shock", "date": "2017", "kind": "disaster"},)" + kMou + "," + Act("2019-02"),
             "2019-06-30", Condition::kActive, {}},
        // --- policy_block
        Case{"rejected_consultation",
             R"({"type": "loi_signed", "date": "2019-01"},
                {"type": "central_consultation", "date": "2019-06", "outcome": "rejected"})",
             "2020-01-01", Condition::kNotInForce, {"policy_block"}},
        Case{"national_policy_before_any_agreement",
             R"({"type": "initiated", "date": "2019-01", "side": "id-a"},
                {"type": "policy_change", "date": "2019-06", "level": "national"})",
             "2020-01-01", Condition::kNotInForce, {"policy_block"}}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(StructuralConceptTest, NoDiplomaticRelationsForTaiwanAndIsrael) {
  const std::string taipei = R"("lat": 25.03, "lon": 121.56, "timezone": "Asia/Taipei")";
  const PartnershipAssessment tw = AssessOne(Doc(kMou + "," + Act("2019-02"), "TW", taipei), "2019-12-31");
  EXPECT_EQ(Codes(tw), std::set<std::string>{"no_diplomatic_relations"});
  EXPECT_EQ(tw.condition, Condition::kActive) << "structural concepts alone do not make it at risk";
  EXPECT_EQ(tw.concepts[0].evidence, (std::vector<std::string>{"regions[0]", "regions[1]"}));
  const std::string jerusalem = R"("lat": 31.78, "lon": 35.22, "timezone": "Asia/Jerusalem")";
  const PartnershipAssessment il = AssessOne(Doc(kMou, "IL", jerusalem), "2018-06-01");
  EXPECT_TRUE(il.Has(ConceptCode::kNoDiplomaticRelations));
  EXPECT_TRUE(il.actions.front().code == ActionCode::kCheckRelations);
}

TEST(StructuralConceptTest, DistanceAndTimeZoneGapOnTheAsOfDay) {
  // Bandung–Liverpool: far, and 7 hours apart in January, 6 in July (British summer time).
  const std::string liverpool = R"("lat": 53.4084, "lon": -2.9916, "timezone": "Europe/London")";
  const PartnershipAssessment winter = AssessOne(Doc(kMou + "," + Act("2019-02"), "GB", liverpool), "2019-01-15");
  EXPECT_TRUE(winter.Has(ConceptCode::kDistance));
  ASSERT_TRUE(winter.indicators.tz_gap_hours.has_value());
  EXPECT_EQ(*winter.indicators.tz_gap_hours, 7.0);
  const PartnershipAssessment summer = AssessOne(Doc(kMou + "," + Act("2019-02"), "GB", liverpool), "2019-07-15");
  EXPECT_EQ(*summer.indicators.tz_gap_hours, 6.0);
  ASSERT_TRUE(summer.indicators.distance_km.has_value());
  EXPECT_GT(*summer.indicators.distance_km, 11000);
  EXPECT_LT(*summer.indicators.distance_km, 13000);
  // Tokyo is 5,800 km and 2 hours away: not far.
  const PartnershipAssessment tokyo = AssessOne(Doc(kMou + "," + Act("2019-02")), "2019-07-15");
  EXPECT_FALSE(tokyo.Has(ConceptCode::kDistance));
  EXPECT_EQ(*tokyo.indicators.tz_gap_hours, 2.0);
}

TEST(AgreementTest, ExpiryKeepsThePrecisionOfTheSigning) {
  const PartnershipAssessment a = AssessOne(
      Doc(R"({"type": "mou_signed", "date": "2012", "valid_years": 10})"), "2020-01-01");
  ASSERT_TRUE(a.agreement.expires.has_value());
  EXPECT_EQ(a.agreement.expires->ToString(), "2022");
  EXPECT_TRUE(a.agreement.expiry_known);
  EXPECT_TRUE(a.agreement.in_force);
  const PartnershipAssessment open = AssessOne(Doc(kMou), "2018-06-01");
  EXPECT_FALSE(open.agreement.expiry_known);
  EXPECT_TRUE(open.agreement.in_force);
}

TEST(ActionTest, RenewalStartsSixMonthsBeforeExpiry) {
  const std::string events =
      R"({"type": "mou_signed", "date": "2015-06-01", "valid_until": "2020-06-01"},)" + Act("2019-10");
  auto has_renewal = [](const PartnershipAssessment& a) {
    return std::any_of(a.actions.begin(), a.actions.end(),
                       [](const Action& x) { return x.code == ActionCode::kStartRenewal; });
  };
  EXPECT_FALSE(has_renewal(AssessOne(Doc(events), "2019-11-30")));
  const PartnershipAssessment due = AssessOne(Doc(events), "2019-12-01");
  ASSERT_TRUE(has_renewal(due));
  const Action& renewal = *std::find_if(due.actions.begin(), due.actions.end(),
                                        [](const Action& x) { return x.code == ActionCode::kStartRenewal; });
  EXPECT_EQ(Describe(renewal, Lang::kEn).find("The MoU expires 2020-06-01: start the renewal by 2019-12-01"), 0u)
      << Describe(renewal, Lang::kEn);
  EXPECT_NE(Describe(renewal, Lang::kId).find("Permendagri 25/2020"), std::string::npos);
}

TEST(ActionTest, UnansweredLetterIsNamedAndSectorsAreSuggested) {
  const PartnershipAssessment a = AssessOne(
      Doc(kMou + R"(, {"type": "activity", "date": "2019-01", "provider": "both", "sectors": ["school"]},
              {"id": "letter-7", "type": "communication", "date": "2019-02", "from": "xx-b",
               "title": "Invitation to the port forum", "responded": false})"),
      "2019-12-31");
  std::string texts;
  for (const Action& x : a.actions) texts += Describe(x, Lang::kEn) + "\n";
  EXPECT_NE(texts.find("Invitation to the port forum"), std::string::npos) << texts;
  EXPECT_NE(texts.find("letter-7"), std::string::npos);
  EXPECT_NE(texts.find("universities"), std::string::npos) << "names a sector not yet involved";
  std::string id_texts;
  for (const Action& x : a.actions) id_texts += Describe(x, Lang::kId) + "\n";
  EXPECT_NE(id_texts.find("perguruan tinggi"), std::string::npos) << id_texts;
}

TEST(PolicyTest, OverrideChangesTheThresholdAndTyposAreRefused) {
  auto p = ParsePolicy(R"({"format": "kembar-policy/1", "assessment": {"activity_gap_months": 6}})");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->assessment.activity_gap_months, 6);
  EXPECT_EQ(p->assessment.no_activity_after_mou_months, 12) << "others keep their defaults";
  const std::string doc = Doc(kMou + "," + Act("2019-06"));
  EXPECT_FALSE(AssessOne(doc, "2020-01-15").Has(ConceptCode::kActivityGap));
  EXPECT_TRUE(AssessOne(doc, "2020-01-15", *p).Has(ConceptCode::kActivityGap));
  auto typo = ParsePolicy(R"({"assessment": {"activity_gap_month": 6}})");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("assessment.activity_gap_month"), std::string::npos);
  EXPECT_FALSE(ParsePolicy(R"({"assessment": {"one_sided_share": "high"}})").ok());
  EXPECT_EQ(DefaultPolicy().assessment.activity_gap_months, 24);
}

// ---- The brief's cases on the bundled data.
class BundledCaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    io::DossierReader reader;
    ASSERT_TRUE(reader.ReadFile(testing::SourcePath("data/indonesia.dossier.json"), &d_).ok());
  }
  PartnershipAssessment At(const std::string& id, const char* as_of) {
    geo::TimeZones zones;
    Context ctx;
    ctx.relations = &geo::Relations::Bundled();
    ctx.time_zones = &zones;
    const RegionIndex regions(d_);
    for (size_t i = 0; i < d_.partnerships.size(); ++i) {
      if (d_.partnerships[i].id == id) return AssessPartnership(d_, regions, i, ParseDay(as_of).value(), ctx);
    }
    ADD_FAILURE() << "no partnership " << id;
    return {};
  }
  Dossier d_;
};

TEST_F(BundledCaseTest, SurabayaLiverpoolAtTheEndOf2022) {
  const PartnershipAssessment a = At("surabaya-liverpool", "2022-12-31");
  EXPECT_TRUE(a.agreement.in_force);
  EXPECT_FALSE(a.agreement.expiry_known) << "the studies give no validity";
  EXPECT_EQ(a.indicators.smart_dimensions, std::vector<SmartDimension>{SmartDimension::kPeople})
      << "activities concentrated in the smart-people dimension";
  ASSERT_TRUE(a.Has(ConceptCode::kOneSided)) << "provider/beneficiary imbalance is reported";
  const auto one_sided = std::find_if(a.concepts.begin(), a.concepts.end(),
                                      [](const Concept& c) { return c.code == ConceptCode::kOneSided; });
  EXPECT_NE(Explain(*one_sided, Lang::kEn).find("gb-liverpool made 86 %"), std::string::npos)
      << Explain(*one_sided, Lang::kEn);
  EXPECT_EQ(a.indicators.months_since_activity, 3);  // sightbox book, 2022-09-02
  EXPECT_EQ(a.indicators.activities_total, 7);
  EXPECT_TRUE(a.Has(ConceptCode::kDistance));
  EXPECT_EQ(a.condition, Condition::kAtRisk);
}

TEST_F(BundledCaseTest, SemarangBeihaiInMid2016) {
  const PartnershipAssessment a = At("semarang-beihai", "2016-06-30");
  EXPECT_NE(a.condition, Condition::kActive);
  EXPECT_EQ(a.condition, Condition::kDormant);
  EXPECT_TRUE(a.Has(ConceptCode::kNoActivityAfterMou));
  EXPECT_EQ(a.indicators.activities_total, 0);
  EXPECT_FALSE(a.indicators.months_since_activity.has_value());
  // The action plan is missing: the recommendation says so.
  EXPECT_TRUE(std::any_of(a.actions.begin(), a.actions.end(),
                          [](const Action& x) { return x.code == ActionCode::kWriteActionPlan; }));
}

TEST_F(BundledCaseTest, WikipediaPairsAreUnknownAndTaiwanIsFlagged) {
  const PartnershipAssessment a = At("surabaya-kaohsiung", "2022-12-31");
  EXPECT_EQ(a.condition, Condition::kUnknown);
  EXPECT_TRUE(a.Has(ConceptCode::kNoDiplomaticRelations));
}

// ---- Properties over generated dossiers.
class PropertyTest : public ::testing::Test {
 protected:
  static std::vector<PartnershipAssessment> Run(const Dossier& d, Day as_of) {
    geo::TimeZones zones;
    Context ctx;
    ctx.relations = &geo::Relations::Bundled();
    ctx.time_zones = &zones;
    return AssessDossier(d, as_of, ctx);
  }
  static Dossier Generated(uint32_t seed) {
    io::DossierReader reader;
    Dossier d;
    EXPECT_TRUE(reader.Read(testing::GenerateDossier(60, 25, seed).dump(), &d).ok());
    return d;
  }
};

TEST_F(PropertyTest, AddingAnActivityNeverIncreasesMonthsSinceActivity) {
  std::mt19937 rng(11);
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    Dossier d = Generated(seed);
    const Day as_of = ParseDay("2024-06-30").value();
    const auto before = Run(d, as_of);
    for (auto& p : d.partnerships) {
      Event e;
      const int year = 1990 + static_cast<int>(rng() % 35);
      e.date = PartialDate::Parse(std::to_string(year) + (rng() % 2 ? "-07" : "")).value();
      Activity a;
      a.provider = p.home;
      e.details = a;
      p.events.insert(p.events.begin() + static_cast<long>(rng() % (p.events.size() + 1)), e);
    }
    const auto after = Run(d, as_of);
    for (size_t i = 0; i < before.size(); ++i) {
      if (!before[i].indicators.months_since_activity) continue;
      ASSERT_TRUE(after[i].indicators.months_since_activity.has_value());
      EXPECT_LE(*after[i].indicators.months_since_activity, *before[i].indicators.months_since_activity)
          << before[i].id;
    }
  }
}

TEST_F(PropertyTest, EventsAfterTheAsOfDateChangeNothing) {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    Dossier d = Generated(seed);
    const Day as_of = ParseDay("2012-06-30").value();
    const std::string before = AssessmentJson(Run(d, as_of), as_of);
    std::mt19937 rng(seed);
    for (auto& p : d.partnerships) {
      for (int k = 0; k < 3; ++k) {
        Event e = p.events[rng() % p.events.size()];
        // Certainly later: 2012-07 or any later year.
        e.date = PartialDate::Parse(k == 0 ? "2012-07" : std::to_string(2013 + rng() % 10)).value();
        p.events.push_back(e);  // appended: earlier evidence paths keep their indices
      }
    }
    EXPECT_EQ(AssessmentJson(Run(d, as_of), as_of), before);
  }
}

TEST_F(PropertyTest, VerdictDoesNotDependOnEventOrder) {
  for (uint32_t seed = 1; seed <= 4; ++seed) {
    Dossier d = Generated(seed);
    const Day as_of = ParseDay("2016-01-01").value();
    const auto before = Run(d, as_of);
    std::mt19937 rng(seed);
    for (auto& p : d.partnerships) std::shuffle(p.events.begin(), p.events.end(), rng);
    const auto after = Run(d, as_of);
    for (size_t i = 0; i < before.size(); ++i) {
      EXPECT_EQ(before[i].condition, after[i].condition) << before[i].id;
      EXPECT_EQ(Codes(before[i]), Codes(after[i])) << before[i].id;
      EXPECT_EQ(before[i].indicators.months_since_activity, after[i].indicators.months_since_activity);
      EXPECT_EQ(before[i].indicators.reciprocity, after[i].indicators.reciprocity);
      EXPECT_EQ(before[i].agreement.expires, after[i].agreement.expires);
    }
  }
}

TEST(AssessmentJsonTest, FollowsTheContract) {
  const PartnershipAssessment a = AssessOne(
      Doc(kMou + R"(, {"type": "communication", "date": "2019-02", "from": "xx-b", "channel": "email", "responded": false})"),
      "2020-12-31");
  const json doc = json::parse(AssessmentJson({a}, ParseDay("2020-12-31").value()));
  EXPECT_EQ(doc["format"], "kembar-assessment/1");
  EXPECT_EQ(doc["as_of"], "2020-12-31");
  const json& p = doc["partnerships"][0];
  EXPECT_EQ(p["id"], "a-b");
  EXPECT_EQ(p["condition"], "dormant");
  for (const char* key : {"months_since_activity", "activities_total", "activities_last_36_months",
                          "reciprocity", "sectors", "fields_covered", "fields_agreed", "distance_km",
                          "tz_gap_hours", "paradiplomacy_layer", "smart_dimensions", "stages_done"}) {
    EXPECT_TRUE(p["indicators"].contains(key)) << key;
  }
  EXPECT_EQ(p["agreement"]["in_force"], true);
  EXPECT_EQ(p["agreement"]["expiry_known"], false);
  bool unanswered = false;
  for (const json& c : p["concepts"]) {
    if (c["code"] != "unanswered_communication") continue;
    unanswered = true;
    EXPECT_EQ(c["evidence"], json::array({"partnerships[0].events[1]"}));
    EXPECT_EQ(c["explanation"], "xx-b wrote on 2019-02 (email); no answer from id-a is recorded");
    EXPECT_FALSE(c["source"].get<std::string>().empty());
  }
  EXPECT_TRUE(unanswered);
  EXPECT_FALSE(p["recommendations"].empty());
  EXPECT_TRUE(p["recommendations"][0].is_string());
}

}  // namespace
}  // namespace kembar::assess
