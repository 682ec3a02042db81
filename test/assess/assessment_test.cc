// Each condition and each risk concept on small hand-made timelines, with the edges of
// interval semantics; the brief's cases on the bundled data; properties over
// generated dossiers.
#include "kembar/assess/assessment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "kembar/report/assessment_json.h"
#include "kembar/assess/messages.h"
#include "kembar/io/dossier_reader.h"
#include "testing/dossier_gen.h"
#include "testing/fixtures.h"

namespace kembar::assess {
namespace {

using report::AssessmentJson;

using nlohmann::json;

// Two regions, Bandung (ID) and a partner whose country and place the case chooses.
std::string Doc(const std::string& events, const std::string& partner_country = "JP",
                const std::string& partner_place =
                    R"("lat": 35.6897, "lon": 139.6922, "timezone": "Asia/Tokyo")") {
  return R"({"format": "kembar-dossier/1", "regions": [
      {"id": "id-a", "name": "Bandung", "country": "ID", "level": "city",
       "lat": -6.9175, "lon": 107.6191, "timezone": "Asia/Jakarta"},
      {"id": "xx-b", "name": "Partner", "country": ")" +
         partner_country + R"(", "level": "city", )" + partner_place + R"(}],
    "partnerships": [{"id": "a-b", "kind": "sister_city", "parties": ["id-a", "xx-b"],
      "events": [)" +
         events + "]}]}";
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

// One row per rule of assessment-v2 and per boundary of it.
INSTANTIATE_TEST_SUITE_P(
    Cases, ConditionAndConceptTest,
    ::testing::Values(
        // --- conditions: the first rule that applies decides
        Case{"no_events_is_unknown", "", "2020-01-01", Condition::kUnknown, {}},
        Case{"only_loi_is_not_in_force",
             R"({"type": "initiated", "date": "2016", "side": "id-a"},
                {"type": "loi_signed", "date": "2017-05-17"})",
             "2020-01-01",
             Condition::kNotInForce,
             {}},
        Case{"recent_balanced_activity_is_active",
             kMou + "," + Act("2019-02"),
             "2020-01-01",
             Condition::kActive,
             {}},
        Case{"later_events_ignored_not_signed_yet",
             R"({"type": "initiated", "date": "2017", "side": "id-a"},)" + kMou + "," +
                 Act("2019-02"),
             "2018-01-01",
             Condition::kNotInForce,
             {}},
        Case{"terminated_is_ended",
             kMou + "," + Act("2019-02") + R"(, {"type": "terminated", "date": "2019-06"})",
             "2020-01-01",
             Condition::kEnded,
             {}},
        Case{"termination_of_a_year_counts_within_it",
             kMou + "," + Act("2019-02") + R"(, {"type": "terminated", "date": "2020"})",
             "2020-01-15",
             Condition::kEnded,
             {}},
        Case{
            "reactivated_lifts_termination",
            kMou + "," + Act("2019-02") +
                R"(, {"type": "terminated", "date": "2019-06"}, {"type": "reactivated", "date": "2019-09"})",
            "2020-01-01",
            Condition::kActive,
            {}},
        Case{
            "termination_after_reactivation_stands",
            kMou + "," + Act("2019-02") +
                R"(, {"type": "reactivated", "date": "2019-03"}, {"type": "terminated", "date": "2019-06"})",
            "2020-01-01",
            Condition::kEnded,
            {}},
        Case{"suspended_is_dormant",
             kMou + "," + Act("2019-02") + R"(, {"type": "suspended", "date": "2019-06"})",
             "2020-01-01",
             Condition::kDormant,
             {}},
        Case{"renewal_without_signing_proves_an_agreement",
             R"({"type": "mou_renewed", "date": "2018-03"},)" + Act("2019-02"),
             "2020-01-01",
             Condition::kActive,
             {}},
        // --- expired_unrenewed: only when the latest possible expiry day is before as_of
        Case{"year_precision_expiry_not_yet_certain",
             R"({"type": "mou_signed", "date": "2002", "valid_years": 10},)" + Act("2011-03"),
             "2012-06-30",
             Condition::kActive,
             {}},
        Case{"year_precision_expiry_certain_next_year",
             R"({"type": "mou_signed", "date": "2002", "valid_years": 10},)" + Act("2011-03"),
             "2013-01-01",
             Condition::kEnded,
             {"expired_unrenewed"}},
        Case{"renewal_keeps_it_in_force",
             R"({"type": "mou_signed", "date": "2002", "valid_years": 10},)" + Act("2011-03") +
                 R"(, {"type": "mou_renewed", "date": "2012-05", "valid_years": 5},)" +
                 Act("2013-03"),
             "2014-01-01",
             Condition::kActive,
             {}},
        Case{"valid_until_day_is_inclusive",
             R"({"type": "mou_signed", "date": "2015-01-10", "valid_until": "2019-12-31"},)" +
                 Act("2019-06"),
             "2019-12-31",
             Condition::kActive,
             {}},
        Case{"valid_until_passed_the_day_after",
             R"({"type": "mou_signed", "date": "2015-01-10", "valid_until": "2019-12-31"},)" +
                 Act("2019-06"),
             "2020-01-01",
             Condition::kEnded,
             {"expired_unrenewed"}},
        Case{
            "valid_until_decides_over_valid_years",
            R"({"type": "mou_signed", "date": "2015-01-10", "valid_years": 1, "valid_until": "2019-12-31"},)" +
                Act("2019-06"),
            "2019-07-01",
            Condition::kActive,
            {}},
        Case{"reactivation_does_not_revive_a_lapsed_agreement",
             R"({"type": "mou_signed", "date": "2010-01-10", "valid_until": "2015-01-09"},)" +
                 Act("2014-06") + R"(, {"type": "reactivated", "date": "2016-02"},)" +
                 Act("2016-05"),
             "2016-12-31",
             Condition::kEnded,
             {"expired_unrenewed"}},
        // --- no_activity_after_mou: 12 whole months from the latest start's last day
        Case{"no_activity_after_mou_at_12_months",
             kMou,
             "2019-03-19",
             Condition::kDormant,
             {"no_activity_after_mou"}},
        Case{"no_activity_after_mou_not_at_11_months", kMou, "2019-03-18", Condition::kActive, {}},
        Case{"activity_of_the_mou_year_may_follow_it",
             R"({"type": "mou_signed", "date": "2018-03-19"},)" + Act("2018"),
             "2019-06-01",
             Condition::kActive,
             {}},
        Case{"visits_do_not_count_as_activity",
             kMou + R"(, {"type": "visit", "date": "2018-06", "from": "id-a", "to": "xx-b"})",
             "2019-03-19",
             Condition::kDormant,
             {"no_activity_after_mou"}},
        Case{"reactivation_restarts_the_clock",
             kMou + R"(, {"type": "reactivated", "date": "2020-02"})",
             "2020-12-31",
             Condition::kActive,
             {}},
        Case{"renewal_restarts_the_clock",
             kMou + R"(, {"type": "mou_renewed", "date": "2021-03-19"})",
             "2022-03-18",
             Condition::kActive,
             {}},
        Case{"renewal_does_not_restart_the_activity_gap",
             kMou + "," + Act("2018-05") + R"(, {"type": "mou_renewed", "date": "2021-03-19"})",
             "2022-03-18",
             Condition::kDormant,
             {"activity_gap"}},
        // --- activity_gap: from the largest latest possible day of an activity
        Case{"gap_of_exactly_24_months",
             kMou + "," + Act("2019-06"),
             "2021-06-30",
             Condition::kDormant,
             {"activity_gap"}},
        Case{"gap_of_23_months", kMou + "," + Act("2019-06"), "2021-06-29", Condition::kActive, {}},
        Case{"year_precision_activity_counts_from_december",
             kMou + "," + Act("2019"),
             "2021-12-30",
             Condition::kActive,
             {}},
        Case{"year_activity_is_24_months_old_two_years_on",
             R"({"type": "mou_signed", "date": "2008"},)" + Act("2009"),
             "2011-12-31",
             Condition::kDormant,
             {"activity_gap"}},
        Case{"period_activity_is_0_months_old_at_its_end",
             R"({"type": "mou_signed", "date": "1995"},)" + Act("1995/2013"),
             "2013-12-31",
             Condition::kActive,
             {}},
        Case{"period_straddling_as_of_is_considered",
             R"({"type": "mou_signed", "date": "2019-01"},)" + Act("2020/2023"),
             "2021-05-01",
             Condition::kActive,
             {}},
        Case{"period_activity_24_months_after_its_end",
             R"({"type": "mou_signed", "date": "1995"},)" + Act("1995/2013"),
             "2015-12-31",
             Condition::kDormant,
             {"activity_gap"}},
        Case{"reactivation_after_the_last_activity_restarts_the_gap",
             kMou + "," + Act("2018-06") + R"(, {"type": "reactivated", "date": "2020-03"})",
             "2021-02-28",
             Condition::kActive,
             {}},
        Case{"quiet_after_a_reactivation",
             kMou + "," + Act("2018-06") + R"(, {"type": "reactivated", "date": "2020-03"})",
             "2021-03-31",
             Condition::kDormant,
             {"no_activity_after_mou"}},
        // --- unanswered_communication: responded false only
        Case{
            "unanswered_letter",
            kMou + "," + Act("2019-01") +
                R"(, {"type": "communication", "date": "2019-02", "from": "xx-b", "channel": "email", "responded": false})",
            "2019-12-31",
            Condition::kAtRisk,
            {"unanswered_communication"}},
        Case{"responded_absent_is_not_known",
             kMou + "," + Act("2019-01") +
                 R"(, {"type": "communication", "date": "2019-02", "from": "xx-b"})",
             "2019-12-31",
             Condition::kActive,
             {}},
        Case{
            "answered_by_a_later_letter",
            kMou + "," + Act("2019-01") +
                R"(, {"type": "communication", "date": "2019-02", "from": "xx-b", "responded": false},
                    {"type": "communication", "date": "2019-04", "from": "id-a"})",
            "2019-12-31",
            Condition::kActive,
            {}},
        Case{
            "answered_by_an_activity_that_may_be_the_same_month",
            kMou + "," + Act("2019-01") +
                R"(, {"type": "communication", "date": "2019-02-20", "from": "xx-b", "responded": false},)" +
                Act("2019-02", "id-a"),
            "2019-12-31",
            Condition::kActive,
            {}},
        Case{
            "a_reply_certainly_before_does_not_answer",
            kMou + "," + Act("2019-01", "id-a") +
                R"(, {"type": "communication", "date": "2019-02", "from": "xx-b", "responded": false})",
            "2019-12-31",
            Condition::kAtRisk,
            {"unanswered_communication"}},
        // --- one_sided: 80 % of at least 3 contributions
        Case{"one_sided_at_80_percent",
             kMou + "," + Act("2019-01", "xx-b") + "," + Act("2019-02", "xx-b") + "," +
                 Act("2019-03", "xx-b") + "," + Act("2019-04", "xx-b") + "," +
                 Act("2019-05", "id-a"),
             "2019-12-31",
             Condition::kAtRisk,
             {"one_sided"}},
        Case{"three_to_one_is_balanced_enough",
             kMou + "," + Act("2019-01", "xx-b") + "," + Act("2019-02", "xx-b") + "," +
                 Act("2019-03", "xx-b") + "," + Act("2019-05", "id-a"),
             "2019-12-31",
             Condition::kActive,
             {}},
        Case{"two_contributions_are_not_judged",
             kMou + "," + Act("2019-01", "xx-b") + "," + Act("2019-02", "xx-b"),
             "2019-12-31",
             Condition::kActive,
             {}},
        Case{"three_by_one_side_are_one_sided",
             kMou + "," + Act("2019-01", "xx-b") + "," + Act("2019-02", "xx-b") + "," +
                 Act("2019-03", "xx-b"),
             "2019-12-31",
             Condition::kAtRisk,
             {"one_sided"}},
        Case{"sending_delegations_balances_being_trained",
             kMou + R"(, {"type": "visit", "date": "2019-01", "from": "id-a", "to": "xx-b"},)" +
                 Act("2019-01", "xx-b") +
                 R"(, {"type": "visit", "date": "2019-06", "from": "id-a", "to": "xx-b"},)" +
                 Act("2019-06", "xx-b") + "," + Act("2019-08", "xx-b"),
             "2019-12-31",
             Condition::kActive,
             {}},
        // --- narrow_participation: advisory, never at risk by itself
        Case{"narrow_participation_is_advisory",
             kMou + R"(, {"type": "activity", "date": "2019-02", "provider": "both",
                          "sectors": ["local_government", "school", "embassy"]})",
             "2019-12-31",
             Condition::kActive,
             {"narrow_participation"}},
        Case{"no_sectors_is_narrow",
             kMou + R"(, {"type": "activity", "date": "2019-02", "provider": "both"})",
             "2019-12-31",
             Condition::kActive,
             {"narrow_participation"}},
        // --- leader_change_lapse
        Case{
            "leader_change_lapse",
            kMou + "," + Act("2018-09") +
                R"(, {"type": "leader_changed", "date": "2019-05", "side": "xx-b", "name": "New Mayor"})",
            "2020-05-31",
            Condition::kAtRisk,
            {"leader_change_lapse"}},
        Case{"leader_change_lapse_not_yet",
             kMou + "," + Act("2018-09") +
                 R"(, {"type": "leader_changed", "date": "2019-05", "side": "xx-b"})",
             "2020-05-30",
             Condition::kActive,
             {}},
        Case{"leader_change_without_earlier_activity",
             kMou + R"(, {"type": "leader_changed", "date": "2018-05", "side": "xx-b"},)" +
                 Act("2018-05"),
             "2019-12-31",
             Condition::kActive,
             {}},
        Case{
            "local_policy_change_after_signing",
            kMou + "," + Act("2018-09") +
                R"(, {"type": "policy_change", "date": "2019-05", "side": "xx-b", "level": "local"})",
            "2020-05-31",
            Condition::kAtRisk,
            {"leader_change_lapse"}},
        Case{
            "local_policy_change_that_may_precede_the_signing",
            R"({"type": "mou_signed", "date": "2018-03"},)" + Act("2018-03-01") +
                R"(, {"type": "policy_change", "date": "2018-03-20", "side": "xx-b", "level": "local"})",
            "2019-12-31",
            Condition::kActive,
            {}},
        Case{
            "local_policy_change_certainly_after_the_signing",
            R"({"type": "mou_signed", "date": "2018-03"},)" + Act("2018-03-01") +
                R"(, {"type": "policy_change", "date": "2018-04-01", "side": "xx-b", "level": "local"})",
            "2019-12-31",
            Condition::kAtRisk,
            {"leader_change_lapse"}},
        // --- external_shock: after the first signing, within 5 years
        Case{"pandemic_after_signing",
             kMou + "," + Act("2021-02") +
                 R"(, {"type": "external_shock", "date": "2020-03", "kind": "pandemic"})",
             "2021-06-30",
             Condition::kAtRisk,
             {"external_shock"}},
        Case{"pandemic_more_than_5_years_ago",
             kMou + "," + Act("2025-02") +
                 R"(, {"type": "external_shock", "date": "2020-03", "kind": "pandemic"})",
             "2025-04-01",
             Condition::kActive,
             {}},
        Case{"pandemic_exactly_5_years_ago",
             kMou + "," + Act("2025-02") +
                 R"(, {"type": "external_shock", "date": "2020-03", "kind": "pandemic"})",
             "2025-03-01",
             Condition::kAtRisk,
             {"external_shock"}},
        Case{"shock_before_signing_does_not_count",
             R"({"type": "external_shock", "date": "2017", "kind": "disaster"},)" + kMou + "," +
                 Act("2019-02"),
             "2019-06-30",
             Condition::kActive,
             {}},
        Case{"shock_that_may_precede_the_signing_does_not_count",
             R"({"type": "mou_signed", "date": "2020-03-10"},)" + Act("2020-06") +
                 R"(, {"type": "external_shock", "date": "2020-03", "kind": "pandemic"})",
             "2020-12-31",
             Condition::kActive,
             {}},
        // --- policy_block
        Case{"rejected_consultation",
             R"({"type": "loi_signed", "date": "2019-01"},
                {"type": "central_consultation", "date": "2019-06", "outcome": "rejected"})",
             "2020-01-01",
             Condition::kNotInForce,
             {"policy_block"}},
        Case{"national_policy_before_any_agreement",
             R"({"type": "initiated", "date": "2019-01", "side": "id-a"},
                {"type": "policy_change", "date": "2019-06", "level": "national"})",
             "2020-01-01",
             Condition::kNotInForce,
             {"policy_block"}},
        Case{"national_policy_after_signing_is_no_block",
             kMou + "," + Act("2019-02") +
                 R"(, {"type": "policy_change", "date": "2019-06", "level": "national"})",
             "2020-01-01",
             Condition::kActive,
             {}},
        Case{"rejection_does_not_change_a_signed_partnership",
             kMou + "," + Act("2019-02") +
                 R"(, {"type": "central_consultation", "date": "2019-06", "outcome": "rejected"})",
             "2020-01-01",
             Condition::kActive,
             {"policy_block"}}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(WhichPartnershipsTest, NotYetExistingPartnershipsAreLeftOut) {
  const Dossier d = Parse(Doc(kMou + "," + Act("2019-02")));
  Context ctx;
  EXPECT_TRUE(AssessDossier(d, ParseDay("2018-03-18").value(), ctx).empty())
      << "every event certainly after as_of: left out, not unknown";
  EXPECT_EQ(AssessDossier(d, ParseDay("2018-03-19").value(), ctx).size(), 1u);
  const Dossier year = Parse(Doc(R"({"type": "initiated", "date": "2016", "side": "id-a"})"));
  EXPECT_EQ(AssessDossier(year, ParseDay("2016-06-30").value(), ctx).size(), 1u)
      << "a year straddling as_of may be on or before it";
}

// Contributions per party (home, partner) from one timeline each.
struct ContributionCase {
  const char* name;
  std::string events;
  double home, partner;
  double benefit_home;  // -1: no benefit counted
};

class ContributionTest : public ::testing::TestWithParam<ContributionCase> {};

TEST_P(ContributionTest, CountsEachKind) {
  const ContributionCase& c = GetParam();
  const PartnershipAssessment a = AssessOne(Doc(kMou + "," + c.events), "2019-12-31");
  EXPECT_DOUBLE_EQ(a.indicators.contributions.home, c.home);
  EXPECT_DOUBLE_EQ(a.indicators.contributions.partner, c.partner);
  if (c.benefit_home < 0) {
    EXPECT_FALSE(a.indicators.benefit_share.has_value());
  } else {
    ASSERT_TRUE(a.indicators.benefit_share.has_value());
    EXPECT_DOUBLE_EQ(a.indicators.benefit_share->home, c.benefit_home);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ContributionTest,
    ::testing::Values(
        ContributionCase{
            "provider", R"({"type": "activity", "date": "2019-01", "provider": "xx-b"})", 0, 1, -1},
        ContributionCase{"provider_both_halves",
                         R"({"type": "activity", "date": "2019-01", "provider": "both"})", 0.5, 0.5,
                         -1},
        ContributionCase{
            "third_region_earns_nothing",
            R"({"type": "activity", "date": "2019-01", "provider": "id-a", "beneficiary": "xx-b",
                             "host": "xx-b"})",
            1, 0, 0},
        ContributionCase{
            "hosting_learners_counts",
            R"({"type": "activity", "date": "2019-01", "provider": "xx-b", "host": "id-a",
                             "beneficiary": "xx-b"})",
            1, 1, 0},
        ContributionCase{
            "hosting_what_one_receives_does_not",
            R"({"type": "activity", "date": "2019-01", "provider": "xx-b", "host": "id-a",
                             "beneficiary": "id-a"})",
            0, 1, 1},
        ContributionCase{
            "online_host_is_nobody",
            R"({"type": "activity", "date": "2019-01", "host": "online", "beneficiary": "xx-b"})",
            0, 0, 0},
        ContributionCase{
            "host_with_both_benefiting_is_not_counted",
            R"({"type": "activity", "date": "2019-01", "host": "id-a", "beneficiary": "both"})", 0,
            0, 0.5},
        ContributionCase{"apbd_budget_is_the_home_party",
                         R"({"type": "activity", "date": "2019-01", "budget": {"source": "apbd"}})",
                         1, 0, -1},
        ContributionCase{"apbn_budget_is_the_home_party",
                         R"({"type": "activity", "date": "2019-01", "budget": {"source": "apbn"}})",
                         1, 0, -1},
        ContributionCase{
            "partner_budget",
            R"({"type": "activity", "date": "2019-01", "budget": {"source": "partner"}})", 0, 1,
            -1},
        ContributionCase{"csr_budget_is_nobody",
                         R"({"type": "activity", "date": "2019-01", "budget": {"source": "csr"}})",
                         0, 0, -1},
        ContributionCase{"visit_is_the_sender",
                         R"({"type": "visit", "date": "2019-01", "from": "id-a", "to": "xx-b"})", 1,
                         0, -1},
        ContributionCase{"initiative_is_its_side",
                         R"({"type": "initiated", "date": "2019-01", "side": "xx-b"})", 0, 1, -1},
        ContributionCase{
            "letter_is_its_writer",
            R"({"type": "communication", "date": "2019-01", "from": "id-a", "responded": false})",
            1, 0, -1},
        ContributionCase{
            "one_activity_earns_several",
            R"({"type": "activity", "date": "2019-01", "provider": "xx-b", "host": "id-a",
                             "beneficiary": "xx-b", "budget": {"source": "apbd"}})",
            2, 1, 0}),
    [](const ::testing::TestParamInfo<ContributionCase>& info) {
      return std::string(info.param.name);
    });

TEST(ContributionTest, SharesReciprocityAndThePassivePartyNamed) {
  const PartnershipAssessment a = AssessOne(
      Doc(kMou + "," + Act("2019-01", "id-a") + "," + Act("2019-02", "id-a") + "," +
          Act("2019-03", "id-a") + "," + Act("2019-04", "id-a") + "," + Act("2019-05", "id-a") +
          "," + Act("2019-06", "id-a") + "," + Act("2019-07", "id-a") + "," +
          Act("2019-08", "id-a") + "," + Act("2019-09", "id-a") + "," + Act("2019-10", "xx-b")),
      "2019-12-31");
  ASSERT_TRUE(a.indicators.contribution_share.has_value());
  EXPECT_DOUBLE_EQ(a.indicators.contribution_share->home, 0.9);
  EXPECT_NEAR(*a.indicators.reciprocity, 0.2, 1e-12);
  const auto it = std::find_if(a.concepts.begin(), a.concepts.end(),
                               [](const Concept& c) { return c.code == ConceptCode::kOneSided; });
  ASSERT_NE(it, a.concepts.end());
  EXPECT_EQ(Explain(a, *it, Lang::kEn),
            "Bandung made 9 of the 10 contributions (90 %), Partner 1: Partner stays passive");
  EXPECT_EQ(it->evidence.size(), 10u);
  const std::string id = Explain(a, *it, Lang::kId);
  EXPECT_NE(id.find("Kota Bandung memberikan 9 dari 10 kontribusi (90%)"), std::string::npos) << id;
  EXPECT_NE(id.find("tidak timbal balik"), std::string::npos) << id;
  const auto rec = std::find_if(a.actions.begin(), a.actions.end(), [](const Action& x) {
    return x.code == ActionCode::kProposeReciprocal;
  });
  ASSERT_NE(rec, a.actions.end());
  EXPECT_NE(Describe(a, *rec, Lang::kEn).find("that Partner provides"), std::string::npos);
}

TEST(IndicatorTest, FieldsDimensionsAndLayer) {
  // smart_city through any activity with a smart dimension; human_resources through
  // sports; e_government counts toward governance.
  const PartnershipAssessment a = AssessOne(
      Doc(R"({"type": "mou_signed", "date": "2018-03-19", "fields": ["smart_city", "human_resources", "tourism"]},
             {"type": "activity", "date": "2019-01", "field": "sports", "smart_dimension": "people"},
             {"type": "activity", "date": "2019-02", "field": "e_government", "sectors": ["parliament"]})"),
      "2019-12-31");
  EXPECT_EQ(a.indicators.fields_agreed, 3);
  EXPECT_EQ(a.indicators.fields_covered, 2);
  EXPECT_EQ(a.indicators.smart_dimensions,
            (std::vector<SmartDimension>{SmartDimension::kGovernance, SmartDimension::kPeople}));
  EXPECT_EQ(a.indicators.paradiplomacy_layer, "political");
  EXPECT_EQ(a.indicators.activities_recent, 2);
}

TEST(StructuralConceptTest, NoDiplomaticRelationsForTaiwanAndIsrael) {
  const std::string taipei = R"("lat": 25.03, "lon": 121.56, "timezone": "Asia/Taipei")";
  const PartnershipAssessment tw =
      AssessOne(Doc(kMou + "," + Act("2019-02"), "TW", taipei), "2019-12-31");
  EXPECT_EQ(Codes(tw), std::set<std::string>{"no_diplomatic_relations"});
  EXPECT_EQ(tw.condition, Condition::kActive) << "advisory concepts alone do not make it at risk";
  EXPECT_EQ(tw.concepts[0].evidence, (std::vector<std::string>{"regions[0]", "regions[1]"}));
  const std::string id = Explain(tw, tw.concepts[0], Lang::kId);
  EXPECT_EQ(id.find("Indonesia dan Taiwan hanya memiliki hubungan tidak resmi (de facto)"), 0u)
      << id;
  const std::string jerusalem = R"("lat": 31.78, "lon": 35.22, "timezone": "Asia/Jerusalem")";
  const PartnershipAssessment il = AssessOne(Doc(kMou, "IL", jerusalem), "2018-06-01");
  EXPECT_TRUE(il.Has(ConceptCode::kNoDiplomaticRelations));
  ASSERT_FALSE(il.actions.empty());
  EXPECT_EQ(il.actions.front().code, ActionCode::kCheckRelations);
  EXPECT_NE(Describe(il, il.actions.front(), Lang::kId)
                .find("Konsultasikan melalui Kemendagri dengan Kemlu (prinsip satu pintu) sebelum "
                      "mengambil "
                      "langkah lebih lanjut"),
            std::string::npos);
}

TEST(StructuralConceptTest, DistanceOnTheSphereAndTimeZoneGapAtLocalNoon) {
  // Bandung–Liverpool: far, and 7 hours apart in January, 6 in July (British summer time).
  const std::string liverpool = R"("lat": 53.4084, "lon": -2.9916, "timezone": "Europe/London")";
  const PartnershipAssessment winter =
      AssessOne(Doc(kMou + "," + Act("2019-02"), "GB", liverpool), "2019-01-15");
  EXPECT_TRUE(winter.Has(ConceptCode::kDistance));
  ASSERT_TRUE(winter.indicators.tz_gap_hours.has_value());
  EXPECT_EQ(*winter.indicators.tz_gap_hours, 7.0);
  const PartnershipAssessment summer =
      AssessOne(Doc(kMou + "," + Act("2019-02"), "GB", liverpool), "2019-07-15");
  EXPECT_EQ(*summer.indicators.tz_gap_hours, 6.0);
  ASSERT_TRUE(summer.indicators.distance_km.has_value());
  // Haversine on R = 6371.0 km, computed independently (Python's math): 11,982.25 km.
  EXPECT_NEAR(*summer.indicators.distance_km, 11982.25, 0.01);
  EXPECT_EQ(Explain(summer, summer.concepts.back(), Lang::kEn),
            "Bandung and Partner are 11,982 km apart, 6 hours of time difference");
  EXPECT_EQ(Explain(summer, summer.concepts.back(), Lang::kId),
            "Kota Bandung dan Kota Partner berjarak 11.982 km, dengan perbedaan waktu 6 jam");
  // London moves its clocks at 01:00 UTC on 2019-03-31: at local noon it is summer time.
  const PartnershipAssessment change =
      AssessOne(Doc(kMou + "," + Act("2019-02"), "GB", liverpool), "2019-03-31");
  EXPECT_EQ(*change.indicators.tz_gap_hours, 6.0);
  // Tokyo is 5,800 km and 2 hours away: not far.
  const PartnershipAssessment tokyo = AssessOne(Doc(kMou + "," + Act("2019-02")), "2019-07-15");
  EXPECT_FALSE(tokyo.Has(ConceptCode::kDistance));
  EXPECT_EQ(*tokyo.indicators.tz_gap_hours, 2.0);
}

struct ExpiryCase {
  std::string signing;
  const char* expires;
};

void PrintTo(const ExpiryCase& c, std::ostream* os) { *os << c.expires; }

class ExpiryTest : public ::testing::TestWithParam<ExpiryCase> {};

TEST_P(ExpiryTest, CoarsestExactForm) {
  const PartnershipAssessment b =
      AssessOne(Doc(GetParam().signing + "," + Act("2030")), "2031-01-01");
  ASSERT_TRUE(b.agreement.expires.has_value()) << GetParam().signing;
  EXPECT_EQ(b.agreement.expires->ToString(), GetParam().expires) << GetParam().signing;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ExpiryTest,
    ::testing::Values(
        ExpiryCase{R"({"type": "mou_signed", "date": "2012", "valid_years": 10})", "2022"},
        ExpiryCase{R"({"type": "mou_signed", "date": "2003/2012", "valid_years": 5})", "2008/2017"},
        ExpiryCase{R"({"type": "mou_signed", "date": "2018-03-19", "valid_years": 5})",
                   "2023-03-19"},
        ExpiryCase{R"({"type": "mou_signed", "date": "2018-03", "valid_years": 1})", "2019-03"},
        ExpiryCase{R"({"type": "mou_signed", "date": "2020-02-29", "valid_years": 1})",
                   "2021-02-28"},
        // 0.375 years = 4.5 months, rounded half away from zero to 5.
        ExpiryCase{R"({"type": "mou_signed", "date": "2019-01-15", "valid_years": 0.375})",
                   "2019-06-15"},
        ExpiryCase{R"({"type": "mou_signed", "date": "2012", "valid_years": 0.5})",
                   "2012-07/2013-06"},
        ExpiryCase{R"({"type": "mou_signed", "date": "2012", "valid_until": "2016-05"})",
                   "2016-05"},
        ExpiryCase{R"({"type": "mou_signed", "date": "2010", "valid_years": 3},
                      {"type": "mou_renewed", "date": "2013-02-01", "valid_years": 3})",
                   "2016-02-01"}));

TEST(AgreementTest, OpenEndedAndSigned) {
  const PartnershipAssessment a =
      AssessOne(Doc(R"({"type": "mou_signed", "date": "2012", "valid_years": 10})"), "2020-01-01");
  EXPECT_TRUE(a.agreement.expiry_known);
  EXPECT_TRUE(a.agreement.in_force);
  EXPECT_EQ(a.agreement.signed_on->ToString(), "2012");
  const PartnershipAssessment open = AssessOne(Doc(kMou), "2018-06-01");
  EXPECT_FALSE(open.agreement.expiry_known);
  EXPECT_FALSE(open.agreement.expires.has_value());
  EXPECT_TRUE(open.agreement.in_force);
}

std::vector<std::string> ActionCodes(const PartnershipAssessment& a) {
  std::vector<std::string> out;
  for (const Action& x : a.actions) out.emplace_back(ToString(x.code));
  return out;
}

const Action* FindAction(const PartnershipAssessment& a, ActionCode code) {
  for (const Action& x : a.actions) {
    if (x.code == code) return &x;
  }
  return nullptr;
}

TEST(RecommendationTest, RenewalDueSixMonthsBeforeTheEarliestExpiryWithUrgency) {
  const std::string events =
      R"({"type": "mou_signed", "date": "2015-06-01", "valid_until": "2020-06-01"},)" +
      Act("2019-10");
  struct Row {
    const char* as_of;
    Urgency urgency;
  };
  // Due 2019-12-01: later until 90 days before, due_soon from then to the day, overdue after.
  for (const Row& r :
       {Row{"2019-09-01", Urgency::kLater}, Row{"2019-09-02", Urgency::kDueSoon},
        Row{"2019-12-01", Urgency::kDueSoon}, Row{"2019-12-02", Urgency::kOverdue}}) {
    const PartnershipAssessment a = AssessOne(Doc(events), r.as_of);
    const Action* renewal = FindAction(a, ActionCode::kStartRenewal);
    ASSERT_NE(renewal, nullptr) << r.as_of;
    ASSERT_TRUE(renewal->due.has_value());
    EXPECT_EQ(FormatDay(*renewal->due), "2019-12-01");
    EXPECT_EQ(renewal->urgency, r.urgency) << r.as_of;
  }
  const PartnershipAssessment a = AssessOne(Doc(events), "2019-12-02");
  const std::string en = Describe(a, *FindAction(a, ActionCode::kStartRenewal), Lang::kEn);
  EXPECT_NE(
      en.find(
          "by 1 December 2019, kembar's default of 6 months before the earliest possible expiry"),
      std::string::npos)
      << en;
  const std::string id = Describe(a, *FindAction(a, ActionCode::kStartRenewal), Lang::kId);
  EXPECT_NE(id.find("paling lambat 1 Desember 2019"), std::string::npos) << id;
  EXPECT_EQ(id.find("Permendagri"), std::string::npos)
      << "no regulation unless the dossier cites it";
  EXPECT_EQ(a.actions.front().code, ActionCode::kStartRenewal) << "overdue comes first";
}

TEST(RecommendationTest, EndedGetsOnlyItsDecisionSteps) {
  const PartnershipAssessment a = AssessOne(
      Doc(R"({"type": "mou_signed", "date": "2010-01-10", "valid_until": "2015-01-09"},)" +
          Act("2014-06", "xx-b") +
          R"(, {"type": "communication", "date": "2014-08", "from": "xx-b", "responded": false})"),
      "2016-12-31");
  EXPECT_EQ(a.condition, Condition::kEnded);
  EXPECT_EQ(ActionCodes(a), (std::vector<std::string>{"renew_or_close", "record_lessons"}));
  EXPECT_EQ(FormatDay(*a.actions[0].due), "2015-01-09");
  EXPECT_EQ(a.actions[0].urgency, Urgency::kOverdue);
  const PartnershipAssessment t =
      AssessOne(Doc(kMou + "," + Act("2019-02") + R"(, {"type": "terminated", "date": "2019-06"})"),
                "2020-01-01");
  EXPECT_EQ(ActionCodes(t), (std::vector<std::string>{"record_lessons"}))
      << "terminated: nothing to renew";
}

TEST(RecommendationTest, LongDormancyAsksForADecisionFirst) {
  const std::string events =
      R"({"type": "mou_signed", "date": "2008-10-14"},
         {"type": "communication", "date": "2016-10/2016-12", "from": "xx-b", "title": "Offer to reopen", "responded": false})";
  const PartnershipAssessment a = AssessOne(Doc(events), "2017-06-30");
  EXPECT_EQ(a.condition, Condition::kDormant);
  EXPECT_EQ(ActionCodes(a),
            (std::vector<std::string>{"confirm_or_terminate", "answer_communication"}));
  EXPECT_NE(Describe(a, a.actions[1], Lang::kEn)
                .find("Answer the letter from Partner of October–December 2016"),
            std::string::npos)
      << Describe(a, a.actions[1], Lang::kEn);
  EXPECT_NE(Describe(a, a.actions[1], Lang::kId)
                .find("Balas surat dari Kota Partner tertanggal Oktober–Desember 2016"),
            std::string::npos)
      << Describe(a, a.actions[1], Lang::kId);
  // 59 months after the signing: not yet long dormant, so the usual steps.
  const PartnershipAssessment b =
      AssessOne(Doc(R"({"type": "mou_signed", "date": "2008-10-14"})"), "2013-09-30");
  EXPECT_EQ(ActionCodes(b), (std::vector<std::string>{"write_action_plan", "restart_activity"}));
  const PartnershipAssessment c =
      AssessOne(Doc(R"({"type": "mou_signed", "date": "2008-10-14"})"), "2013-10-14");
  EXPECT_EQ(ActionCodes(c), (std::vector<std::string>{"confirm_or_terminate"}));
}

TEST(RecommendationTest, LettersEitherWayAndSectorsNamed) {
  const PartnershipAssessment a = AssessOne(
      Doc(kMou +
          R"(, {"type": "activity", "date": "2019-01", "provider": "both", "sectors": ["school"]},
              {"id": "letter-7", "type": "communication", "date": "2019-02", "from": "xx-b",
               "title": "Invitation to the port forum", "responded": false},
              {"type": "communication", "date": "2019-03-02", "from": "id-a", "title": "Proposal", "responded": false})"),
      "2019-12-31");
  // The home region's letter of March answers the partner's of February.
  EXPECT_EQ(ActionCodes(a), (std::vector<std::string>{"follow_up_communication",
                                                      "widen_participation", "hold_evaluation"}));
  EXPECT_NE(Describe(a, a.actions[0], Lang::kEn).find("to Partner of 2 March 2019"),
            std::string::npos)
      << Describe(a, a.actions[0], Lang::kEn);
  EXPECT_NE(Describe(a, a.actions[1], Lang::kEn).find("universities"), std::string::npos);
  EXPECT_NE(Describe(a, a.actions[1], Lang::kId).find("perguruan tinggi"), std::string::npos);
}

TEST(PolicyTest, OverrideChangesTheThresholdAndTyposAreRefused) {
  auto p =
      ParsePolicy(R"({"format": "kembar-policy/1", "assessment": {"activity_gap_months": 6}})");
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
  auto weights = ParsePolicy(R"({"assessment": {"contribution_weights": {"visit": 0}}})");
  ASSERT_TRUE(weights.ok()) << weights.status().message();
  EXPECT_EQ(weights->assessment.contribution_weights.visit, 0);
  EXPECT_FALSE(ParsePolicy(R"({"assessment": {"contribution_weights": {"visits": 1}}})").ok());
  const AssessmentPolicy& d = DefaultPolicy().assessment;
  EXPECT_EQ(d.activity_gap_months, 24);
  EXPECT_EQ(d.one_sided_min_contributions, 3);
  EXPECT_EQ(d.long_dormancy_months, 60);
  EXPECT_EQ(d.due_soon_days, 90);
  EXPECT_EQ(d.evaluation_recent_months, 24);
}

// ---- The studies' cases on the bundled data.
class BundledCaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    io::DossierReader reader;
    ASSERT_TRUE(reader.ReadFile(testing::SourcePath("data/indonesia.dossier.json"), &d_).ok());
  }
  std::optional<PartnershipAssessment> At(const std::string& id, const char* as_of) {
    geo::TimeZones zones;
    Context ctx;
    ctx.relations = &geo::Relations::Bundled();
    ctx.time_zones = &zones;
    const RegionIndex regions(d_);
    for (size_t i = 0; i < d_.partnerships.size(); ++i) {
      if (d_.partnerships[i].id == id)
        return AssessPartnership(d_, regions, i, ParseDay(as_of).value(), ctx);
    }
    ADD_FAILURE() << "no partnership " << id;
    return std::nullopt;
  }
  Dossier d_;
};

TEST_F(BundledCaseTest, SurabayaLiverpoolSucceedsAsSeed004Concludes) {
  const PartnershipAssessment a = At("surabaya-liverpool", "2023-12-31").value();
  EXPECT_EQ(a.condition, Condition::kActive);
  EXPECT_EQ(Codes(a), std::set<std::string>{"distance"}) << "only the structural concept";
  EXPECT_TRUE(a.agreement.in_force);
  EXPECT_FALSE(a.agreement.expiry_known) << "the studies give no validity";
  EXPECT_EQ(a.indicators.smart_dimensions, std::vector<SmartDimension>{SmartDimension::kPeople});
  EXPECT_GE(a.indicators.contributions.home, 4)
      << "the delegations Surabaya sent are its contributions";
  EXPECT_GE(*a.indicators.reciprocity, 0.5);
  EXPECT_EQ(a.indicators.months_since_activity, 0) << "the online programme runs to 2023";
  EXPECT_EQ(a.indicators.fields_agreed, 4);
  EXPECT_GE(a.indicators.fields_covered, 2) << "smart city (smart people) and human resources";
}

TEST_F(BundledCaseTest, LiverpoolIsNotAPartnerBeforeItsFirstContact) {
  EXPECT_FALSE(At("surabaya-liverpool", "2013-12-31").has_value());
  EXPECT_TRUE(At("surabaya-liverpool", "2014-06-30").has_value());
}

TEST_F(BundledCaseTest, SurabayasLongRunningPartnershipsAreActiveIn2013) {
  for (const char* id : {"surabaya-seattle", "surabaya-busan", "surabaya-kochi",
                         "surabaya-guangzhou", "surabaya-xiamen", "surabaya-kitakyushu"}) {
    const auto a = At(id, "2013-12-31");
    ASSERT_TRUE(a.has_value()) << id;
    EXPECT_TRUE(a->condition == Condition::kActive || a->condition == Condition::kAtRisk)
        << id << " is " << ToString(a->condition);
    EXPECT_EQ(a->indicators.months_since_activity, 0) << id;
    EXPECT_FALSE(a->Has(ConceptCode::kNoActivityAfterMou)) << id;
  }
}

TEST_F(BundledCaseTest, SemarangBeihaiDormantWithTheStudysReasons) {
  const PartnershipAssessment mid = At("semarang-beihai", "2016-06-30").value();
  EXPECT_EQ(mid.condition, Condition::kDormant);
  EXPECT_TRUE(mid.Has(ConceptCode::kNoActivityAfterMou));
  EXPECT_EQ(mid.indicators.activities_total, 0);
  const PartnershipAssessment now = At("semarang-beihai", "2026-11-29").value();
  EXPECT_EQ(now.condition, Condition::kDormant);
  EXPECT_TRUE(now.Has(ConceptCode::kUnansweredCommunication)) << "Beihai's late-2016 offer";
  // The decision comes first: answer the offer, or close the partnership formally.
  EXPECT_EQ(ActionCodes(now),
            (std::vector<std::string>{"confirm_or_terminate", "answer_communication"}));
}

TEST_F(BundledCaseTest, WikipediaPairsAreUnknownAndTaiwanIsFlagged) {
  const PartnershipAssessment a = At("surabaya-kaohsiung", "2022-12-31").value();
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
      e.date = Period::Parse(std::to_string(year) + (rng() % 2 ? "-07" : "")).value();
      Activity a;
      a.provider = p.home;
      e.details = a;
      p.events.insert(p.events.begin() + static_cast<long>(rng() % (p.events.size() + 1)), e);
    }
    const auto after = Run(d, as_of);
    for (size_t i = 0; i < before.size(); ++i) {
      if (!before[i].indicators.months_since_activity) continue;
      ASSERT_TRUE(after[i].indicators.months_since_activity.has_value());
      EXPECT_LE(*after[i].indicators.months_since_activity,
                *before[i].indicators.months_since_activity)
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
        e.date = Period::Parse(k == 0 ? "2012-07" : std::to_string(2013 + rng() % 10)).value();
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
      EXPECT_EQ(before[i].indicators.months_since_activity,
                after[i].indicators.months_since_activity);
      EXPECT_EQ(before[i].indicators.reciprocity, after[i].indicators.reciprocity);
      EXPECT_EQ(before[i].agreement.expires, after[i].agreement.expires);
    }
  }
}

TEST(AssessmentJsonTest, FollowsTheV2Contract) {
  const PartnershipAssessment a = AssessOne(
      Doc(kMou +
          R"(, {"type": "communication", "date": "2019-02", "from": "xx-b", "channel": "email", "responded": false})"),
      "2020-12-31");
  const json doc = json::parse(AssessmentJson({a}, ParseDay("2020-12-31").value()));
  EXPECT_EQ(doc["format"], "kembar-assessment/2");
  EXPECT_EQ(doc["as_of"], "2020-12-31");
  const json& p = doc["partnerships"][0];
  EXPECT_EQ(p["id"], "a-b");
  EXPECT_EQ(p["parties"], json::array({"id-a", "xx-b"}));
  EXPECT_EQ(p["condition"], "dormant");
  for (const char* key :
       {"months_since_activity", "activities_total", "activities_last_36_months", "contributions",
        "contribution_share", "reciprocity", "benefit_share", "sectors", "fields_covered",
        "fields_agreed", "distance_km", "tz_gap_hours", "paradiplomacy_layer", "smart_dimensions",
        "stages_done"}) {
    EXPECT_TRUE(p["indicators"].contains(key)) << key;
  }
  EXPECT_EQ(p["indicators"]["contributions"], json({{"id-a", 0}, {"xx-b", 1}}));
  EXPECT_EQ(p["indicators"]["contribution_share"], json({{"id-a", 0}, {"xx-b", 1}}));
  EXPECT_TRUE(p["indicators"]["months_since_activity"].is_null());
  EXPECT_TRUE(p["indicators"]["benefit_share"].is_null());
  EXPECT_EQ(p["agreement"], json({{"in_force", true},
                                  {"signed", "2018-03-19"},
                                  {"expires", nullptr},
                                  {"expiry_known", false}}));
  bool unanswered = false;
  for (const json& c : p["concepts"]) {
    if (c["code"] != "unanswered_communication") continue;
    unanswered = true;
    EXPECT_EQ(c["evidence"], json::array({"partnerships[0].events[1]"}));
    EXPECT_EQ(c["explanation"],
              "Partner wrote on February 2019 (email); no reply from Bandung is recorded");
    EXPECT_FALSE(c["source"].get<std::string>().empty());
  }
  EXPECT_TRUE(unanswered);
  ASSERT_FALSE(p["recommendations"].empty());
  for (const json& r : p["recommendations"]) {
    for (const char* key : {"code", "concept", "due", "urgency", "text"})
      EXPECT_TRUE(r.contains(key)) << key;
    EXPECT_EQ(r["text"].get<std::string>().find("xx-b"), std::string::npos) << "names, not ids";
  }
  EXPECT_EQ(p["recommendations"][0]["code"], "answer_communication") << p["recommendations"].dump();
  EXPECT_EQ(p["recommendations"][0]["concept"], "unanswered_communication");
  EXPECT_TRUE(p["recommendations"][0]["due"].is_null());
  EXPECT_EQ(p["recommendations"][0]["urgency"], "later");
}

TEST(AssessmentJsonTest, RecommendationsOrderedByUrgencyThenDue) {
  const PartnershipAssessment a = AssessOne(
      Doc(R"({"type": "mou_signed", "date": "2016-06-01", "valid_until": "2021-06-01"},)" +
          Act("2018-10", "xx-b") +
          R"(, {"type": "communication", "date": "2020-11", "from": "xx-b", "responded": false})"),
      "2020-12-31");
  const json doc = json::parse(AssessmentJson({a}, ParseDay("2020-12-31").value()));
  std::vector<std::string> seen;
  for (const json& r : doc["partnerships"][0]["recommendations"]) {
    seen.push_back(r["code"].get<std::string>() + ":" + r["urgency"].get<std::string>());
  }
  // start_renewal was due 2020-12-01 (overdue); the rest have no date.
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front(), "start_renewal:overdue");
  for (size_t i = 1; i < seen.size(); ++i)
    EXPECT_NE(seen[i].find(":later"), std::string::npos) << seen[i];
}

}  // namespace
}  // namespace kembar::assess
