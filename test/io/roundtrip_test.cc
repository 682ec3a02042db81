// import -> export loses nothing: every event type, every vocabulary value and every
// extra member comes back as it went in.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kembar/io/dossier_reader.h"
#include "kembar/io/dossier_writer.h"
#include "testing/dossier_gen.h"
#include "testing/fixtures.h"
#include "testing/reference_validator.h"

namespace kembar::io {
namespace {

using nlohmann::json;

json RoundTrip(const json& doc, bool pretty) {
  DossierReader reader;
  Dossier d;
  ReadReport r = reader.Read(doc.dump(), &d);
  EXPECT_TRUE(r.ok()) << r.ToStatus().message();
  WriteOptions options;
  options.pretty = pretty;
  return json::parse(WriteDossier(d, options));
}

TEST(RoundTripTest, EveryEventTypeWithAllItsMembers) {
  const json doc = testing::GenerateDossier(6, 2 * AllNames<EventType>().size(), 7);
  std::set<std::string> types;
  for (const auto& e : doc["partnerships"][0]["events"]) types.insert(e["type"]);
  ASSERT_EQ(types.size(), 19u) << "the fixture covers every event type";
  for (bool pretty : {false, true}) {
    const json back = RoundTrip(doc, pretty);
    EXPECT_EQ(back, doc) << "diff: " << json::diff(doc, back).dump(1);
  }
}

// Each vocabulary value in every place it can occur.
json AllVocabularies() {
  json doc = {{"format", "kembar-dossier/1"}, {"regions", json::array()}, {"partnerships", json::array()}};
  for (std::string_view level : AllNames<Level>()) {
    doc["regions"].push_back({{"id", "r-" + std::string(level)}, {"name", level}, {"country", "ID"},
                              {"level", level}, {"strengths", AllNames<Field>()}, {"needs", AllNames<Field>()}});
  }
  json events = json::array();
  events.push_back({{"type", "mou_signed"}, {"date", "2001"}, {"fields", AllNames<Field>()}, {"valid_years", 5}});
  events.push_back({{"type", "mou_renewed"}, {"date", "2006-02"}, {"fields", AllNames<Field>()}, {"valid_until", "2011-02-28"}});
  events.push_back({{"type", "action_plan"}, {"date", "2006-03"}, {"fields", AllNames<Field>()}, {"items", {"a"}}});
  for (std::string_view o : AllNames<ConsultationOutcome>()) events.push_back({{"type", "central_consultation"}, {"date", "2000"}, {"outcome", o}});
  for (std::string_view f : AllNames<Field>()) {
    events.push_back({{"type", "activity"}, {"date", "2003"}, {"field", f}, {"sectors", AllNames<Sector>()}});
  }
  for (std::string_view s : AllNames<BudgetSource>()) {
    events.push_back({{"type", "activity"}, {"date", "2004"}, {"budget", {{"amount", 0}, {"currency", "IDR"}, {"source", s}}}});
  }
  for (std::string_view s : AllNames<SmartDimension>()) events.push_back({{"type", "activity"}, {"date", "2005"}, {"smart_dimension", s}});
  for (std::string_view s : AllNames<PolicyLevel>()) events.push_back({{"type", "policy_change"}, {"date", "2005"}, {"level", s}});
  for (std::string_view s : AllNames<ShockKind>()) events.push_back({{"type", "external_shock"}, {"date", "2020-03"}, {"kind", s}});
  size_t i = 0;
  for (std::string_view kind : AllNames<PartnershipKind>()) {
    doc["partnerships"].push_back({{"id", "p" + std::to_string(i)}, {"kind", kind}, {"fields", AllNames<Field>()},
                                   {"parties", {"r-city", i == 0 ? "r-province" : i == 1 ? "r-state" : "r-institution"}},
                                   {"events", i == 0 ? events : json::array()}});
    ++i;
  }
  return doc;
}

TEST(RoundTripTest, EveryVocabularyValue) {
  const json doc = AllVocabularies();
  testing::ReferenceValidator ref;
  std::string why;
  ASSERT_TRUE(ref.Valid(doc, &why)) << why;
  EXPECT_EQ(RoundTrip(doc, true), doc);
}

TEST(RoundTripTest, ExportValidatesAgainstTheSchema) {
  testing::ReferenceValidator ref;
  for (uint32_t seed = 1; seed <= 5; ++seed) {
    const json back = RoundTrip(testing::GenerateDossier(10, 25, seed), true);
    std::string why;
    EXPECT_TRUE(ref.Valid(back, &why)) << why;
  }
}

TEST(BundledDataTest, ValidatesAndRoundTrips) {
  const std::string path = testing::SourcePath("data/indonesia.dossier.json");
  ReadOptions self_contained;
  self_contained.allow_external_refs = false;
  DossierReader reader(self_contained);
  Dossier d;
  ReadReport r = reader.ReadFile(path, &d);
  ASSERT_TRUE(r.ok()) << r.ToStatus().message();
  const json original = json::parse(testing::ReadFileOrDie(path));
  testing::ReferenceValidator ref;
  std::string why;
  EXPECT_TRUE(ref.Valid(original, &why)) << why;
  EXPECT_EQ(json::parse(WriteDossier(d)), original);
}

}  // namespace
}  // namespace kembar::io
