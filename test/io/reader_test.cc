#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <regex>

#include "kembar/io/dossier_reader.h"
#include "kembar/io/dossier_writer.h"
#include "testing/dossier_gen.h"

namespace kembar::io {
namespace {

// A minimal valid dossier; the cases below break one thing at a time.
constexpr const char* kValid = R"json({
  "format": "kembar-dossier/1",
  "regions": [
    {"id": "id-surabaya", "name": "Surabaya", "country": "ID", "level": "city"},
    {"id": "gb-liverpool", "name": "Liverpool", "country": "GB", "level": "city"}
  ],
  "partnerships": [
    {"id": "surabaya-liverpool", "kind": "sister_city",
     "parties": ["id-surabaya", "gb-liverpool"],
     "events": [
       {"type": "mou_signed", "date": "2018-03-19", "fields": ["smart_city"]},
       {"type": "activity", "date": "2018", "provider": "gb-liverpool",
        "beneficiary": "id-surabaya", "host": "gb-liverpool", "participants": 12}
     ]}
  ]
})json";

nlohmann::json Valid() { return nlohmann::json::parse(kValid); }

ReadReport ReadJson(const std::string& text, Dossier* out = nullptr, ReadOptions options = {}) {
  DossierReader reader(options);
  return reader.Read(text, out);
}

TEST(ReaderTest, AcceptsTheContractExample) {
  Dossier d;
  ReadReport r = ReadJson(kValid, &d);
  ASSERT_TRUE(r.ok()) << r.ToStatus().ToString();
  ASSERT_EQ(d.regions.size(), 2u);
  ASSERT_EQ(d.partnerships.size(), 1u);
  const Partnership& p = d.partnerships[0];
  EXPECT_EQ(p.home, "id-surabaya");
  EXPECT_EQ(p.partner, "gb-liverpool");
  ASSERT_EQ(p.events.size(), 2u);
  EXPECT_EQ(p.events[0].type(), EventType::kMouSigned);
  EXPECT_EQ(p.events[0].date.ToString(), "2018-03-19");
  EXPECT_EQ(p.events[1].date.precision(), DatePrecision::kYear) << "a year stays a year";
  const auto& act = std::get<Activity>(p.events[1].details);
  EXPECT_EQ(act.participants, 12u);
  EXPECT_EQ(act.provider, "gb-liverpool");
}

// One broken thing per case: the JSON Pointer-like path and a phrase of the message.
struct BadCase {
  const char* name;
  std::function<void(nlohmann::json&)> mutate;
  const char* path;
  const char* message;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class BadInputTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInputTest, IsRejectedWithItsPath) {
  const BadCase& c = GetParam();
  nlohmann::json doc = Valid();
  c.mutate(doc);
  Dossier d;
  ReadOptions self_contained;
  self_contained.allow_external_refs = false;
  ReadReport r = ReadJson(doc.dump(), &d, self_contained);
  ASSERT_FALSE(r.ok()) << c.name << " was accepted";
  bool found = false;
  for (const Diagnostic& e : r.errors) {
    if (e.path == c.path && e.message.find(c.message) != std::string::npos) found = true;
  }
  EXPECT_TRUE(found) << c.name << ": expected '" << c.path << ": ..." << c.message << "...', got:\n"
                     << r.ToStatus().message();
  EXPECT_TRUE(d.partnerships.empty()) << "nothing is returned from a rejected document";
  // Validation without a model (kembar validate streams the partnerships) reports
  // exactly the same problems.
  ReadReport streamed = ReadJson(doc.dump(), nullptr, self_contained);
  EXPECT_EQ(streamed.ToStatus().message(), r.ToStatus().message()) << c.name;
  EXPECT_EQ(streamed.truncated, r.truncated);
}

TEST(StreamingValidationTest, SameVerdictAsTheFullModel) {
  // Many semantic problems (over the cap), a schema problem after them, regions after
  // partnerships: each way the streaming path must agree with the model path.
  nlohmann::json doc = testing::GenerateDossier(80, 5, 3);
  for (auto& p : doc["partnerships"]) p["parties"][1] = p["parties"][0];  // 80 same-party errors
  const std::vector<std::function<void(nlohmann::json&)>> variants = {
      [](nlohmann::json&) {},
      [](nlohmann::json& d) { d["partnerships"][70]["events"][0]["date"] = "2018-13"; },
      [](nlohmann::json& d) { d["partnerships"][3]["id"] = d["partnerships"][2]["id"]; },
  };
  for (size_t i = 0; i < variants.size(); ++i) {
    nlohmann::json v = doc;
    variants[i](v);
    for (bool regions_first : {true, false}) {
      std::string text = v.dump();
      if (!regions_first) {
        text = R"({"format":"kembar-dossier/1","partnerships":)" + v["partnerships"].dump() +
               R"(,"regions":)" + v["regions"].dump() + "}";
      }
      Dossier d;
      ReadReport full = ReadJson(text, &d, {});
      ReadReport streamed = ReadJson(text, nullptr, {});
      EXPECT_EQ(streamed.ToStatus().message(), full.ToStatus().message()) << i << regions_first;
      EXPECT_EQ(streamed.truncated, full.truncated) << i;
      EXPECT_EQ(streamed.errors.size(), full.errors.size()) << i;
    }
  }
}

using J = nlohmann::json;
INSTANTIATE_TEST_SUITE_P(
    Cases, BadInputTest,
    ::testing::Values(
        BadCase{"wrong format", [](J& d) { d["format"] = "kembar-dossier/2"; }, "format", "kembar-dossier/1"},
        BadCase{"missing regions", [](J& d) { d.erase("regions"); }, "$", "'regions' is missing"},
        BadCase{"regions not array", [](J& d) { d["regions"] = J::object(); }, "regions", "must be an array"},
        BadCase{"unknown event type", [](J& d) { d["partnerships"][0]["events"][0]["type"] = "party"; },
                "partnerships[0].events[0].type", "'party' is not one of"},
        BadCase{"month 13", [](J& d) { d["partnerships"][0]["events"][0]["date"] = "2018-13"; },
                "partnerships[0].events[0].date", "is not a date"},
        BadCase{"february 30", [](J& d) { d["partnerships"][0]["events"][0]["date"] = "2018-02-30"; },
                "partnerships[0].events[0].date", "not a real calendar day"},
        BadCase{"period ending before it starts",
                [](J& d) { d["partnerships"][0]["events"][0]["date"] = "2013/1995"; },
                "partnerships[0].events[0].date", "ends before it starts"},
        BadCase{"period with an impossible day",
                [](J& d) { d["partnerships"][0]["events"][0]["date"] = "2019-02-30/2020"; },
                "partnerships[0].events[0].date", "not a real calendar day"},
        BadCase{"period with three parts",
                [](J& d) { d["partnerships"][0]["events"][0]["date"] = "2018/2019/2020"; },
                "partnerships[0].events[0].date", "is not a date"},
        BadCase{"valid_until as a period",
                [](J& d) {
                  d["partnerships"][0]["events"][0]["type"] = "mou_signed";
                  d["partnerships"][0]["events"][0]["valid_until"] = "2018/2019";
                },
                "partnerships[0].events[0].valid_until", "is not a date"},
        BadCase{"date as number", [](J& d) { d["partnerships"][0]["events"][1]["date"] = 2018; },
                "partnerships[0].events[1].date", "must be a string, not a number"},
        BadCase{"missing date", [](J& d) { d["partnerships"][0]["events"][1].erase("date"); },
                "partnerships[0].events[1]", "'date' is missing"},
        BadCase{"participants as string",
                [](J& d) { d["partnerships"][0]["events"][1]["participants"] = "12"; },
                "partnerships[0].events[1].participants", "must be a whole number"},
        BadCase{"participants negative",
                [](J& d) { d["partnerships"][0]["events"][1]["participants"] = -1; },
                "partnerships[0].events[1].participants", "negative"},
        BadCase{"participants fractional",
                [](J& d) { d["partnerships"][0]["events"][1]["participants"] = 12.5; },
                "partnerships[0].events[1].participants", "whole number"},
        BadCase{"valid_years zero", [](J& d) { d["partnerships"][0]["events"][0]["valid_years"] = 0; },
                "partnerships[0].events[0].valid_years", "out of range"},
        BadCase{"valid_years 101", [](J& d) { d["partnerships"][0]["events"][0]["valid_years"] = 101; },
                "partnerships[0].events[0].valid_years", "out of range"},
        BadCase{"valid_until impossible",
                [](J& d) { d["partnerships"][0]["events"][0]["valid_until"] = "2023-02-29"; },
                "partnerships[0].events[0].valid_until", "not a real calendar day"},
        BadCase{"duplicate field", [](J& d) { d["partnerships"][0]["events"][0]["fields"] = {"culture", "culture"}; },
                "partnerships[0].events[0].fields[1]", "listed twice"},
        BadCase{"unknown field", [](J& d) { d["partnerships"][0]["events"][0]["fields"] = {"fishing"}; },
                "partnerships[0].events[0].fields[0]", "'fishing' is not one of"},
        BadCase{"dangling party", [](J& d) { d["partnerships"][0]["parties"][1] = "fr-paris"; },
                "partnerships[0].parties[1]", "'fr-paris' is not defined"},
        BadCase{"dangling provider", [](J& d) { d["partnerships"][0]["events"][1]["provider"] = "jp-kochi"; },
                "partnerships[0].events[1].provider", "'jp-kochi' is not defined"},
        BadCase{"host both", [](J& d) { d["partnerships"][0]["events"][1]["host"] = "both"; },
                "partnerships[0].events[1].host", "reserved"},
        BadCase{"provider online", [](J& d) { d["partnerships"][0]["events"][1]["provider"] = "online"; },
                "partnerships[0].events[1].provider", "reserved"},
        BadCase{"party both", [](J& d) { d["partnerships"][0]["parties"][0] = "both"; },
                "partnerships[0].parties[0]", "reserved"},
        BadCase{"region called online",
                [](J& d) { d["regions"].push_back({{"id", "online"}, {"name", "x"}, {"country", "ID"}, {"level", "city"}}); },
                "regions[2].id", "reserved"},
        BadCase{"duplicate region id", [](J& d) { d["regions"].push_back(d["regions"][0]); },
                "regions[2].id", "duplicate region id 'id-surabaya' (first defined at regions[0])"},
        BadCase{"duplicate partnership id", [](J& d) { d["partnerships"].push_back(d["partnerships"][0]); },
                "partnerships[1].id", "duplicate partnership id"},
        BadCase{"duplicate event id",
                [](J& d) { d["partnerships"][0]["events"][0]["id"] = "e1"; d["partnerships"][0]["events"][1]["id"] = "e1"; },
                "partnerships[0].events[1].id", "duplicate event id"},
        BadCase{"same party twice", [](J& d) { d["partnerships"][0]["parties"][1] = "id-surabaya"; },
                "partnerships[0].parties[1]", "two different regions"},
        BadCase{"three parties", [](J& d) { d["partnerships"][0]["parties"].push_back("id-surabaya"); },
                "partnerships[0].parties", "exactly two"},
        BadCase{"bad id", [](J& d) { d["regions"][0]["id"] = "-surabaya"; }, "regions[0].id", "not a valid id"},
        BadCase{"id too long", [](J& d) { d["regions"][0]["id"] = std::string(129, 'a'); }, "regions[0].id", "not a valid id"},
        BadCase{"country lower case", [](J& d) { d["regions"][0]["country"] = "id"; }, "regions[0].country", "ISO 3166"},
        BadCase{"lat out of range", [](J& d) { d["regions"][0]["lat"] = 91; }, "regions[0].lat", "out of range"},
        BadCase{"empty name", [](J& d) { d["regions"][0]["name"] = ""; }, "regions[0].name", "must not be empty"},
        BadCase{"over-long name", [](J& d) { d["regions"][0]["name"] = std::string(201, 'x'); },
                "regions[0].name", "201 characters long; at most 200"},
        BadCase{"over-long title",
                [](J& d) { d["partnerships"][0]["events"][0]["title"] = std::string(20001, 'x'); },
                "partnerships[0].events[0].title", "at most 20000"},
        BadCase{"unknown level", [](J& d) { d["regions"][0]["level"] = "village"; }, "regions[0].level", "'village' is not one of"},
        BadCase{"responded not bool",
                [](J& d) { d["partnerships"][0]["events"][1] = {{"type", "communication"}, {"date", "2019"}, {"responded", "no"}}; },
                "partnerships[0].events[1].responded", "true or false"},
        BadCase{"budget currency", [](J& d) { d["partnerships"][0]["events"][1]["budget"] = {{"currency", "rupiah"}}; },
                "partnerships[0].events[1].budget.currency", "ISO 4217"},
        BadCase{"event not object", [](J& d) { d["partnerships"][0]["events"][1] = "activity"; },
                "partnerships[0].events[1]", "must be an object"},
        BadCase{"root is array", [](J& d) { d = J::array(); }, "$", "must be an object"},
        BadCase{"root is a string", [](J& d) { d = "kembar"; }, "$", "must be an object"},
        BadCase{"missing format", [](J& d) { d.erase("format"); }, "$",
                "the required member 'format' is missing"},
        BadCase{"missing partnerships", [](J& d) { d.erase("partnerships"); }, "$",
                "'partnerships' is missing"},
        BadCase{"population beyond 64 bits",
                [](J& d) { d["regions"][0]["population"] = 1e30; }, "regions[0].population",
                "too large"},
        BadCase{"population negative whole", [](J& d) { d["regions"][0]["population"] = -3.0; },
                "regions[0].population", "negative"}),
    [](const ::testing::TestParamInfo<BadCase>& info) {
      std::string n = info.param.name;
      for (char& ch : n) {
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return n;
    });

// By default a document may name regions the store already knows: the reader reports
// them for the store to resolve instead of rejecting them.
TEST(ReaderTest, UndefinedRegionIdsAreReportedAsExternalRefs) {
  nlohmann::json doc = Valid();
  doc["partnerships"][0]["parties"][1] = "fr-paris";
  doc["regions"].erase(1);
  ReadReport r = ReadJson(doc.dump());
  ASSERT_TRUE(r.ok());
  // fr-paris, and gb-liverpool (still provider and host): each reported once, where first named.
  ASSERT_EQ(r.external_refs.size(), 2u);
  EXPECT_EQ(r.external_refs[0].id, "fr-paris");
  EXPECT_EQ(r.external_refs[0].path, "partnerships[0].parties[1]");
  EXPECT_EQ(r.external_refs[1].id, "gb-liverpool");
  EXPECT_EQ(r.external_refs[1].path, "partnerships[0].events[1].provider");
}

struct SyntaxCase {
  const char* name;
  std::string text;
  const char* message;
};

void PrintTo(const SyntaxCase& c, std::ostream* os) { *os << c.name; }

class SyntaxTest : public ::testing::TestWithParam<SyntaxCase> {};

TEST_P(SyntaxTest, MalformedDocumentsAreLocated) {
  ReadReport r = ReadJson(GetParam().text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find(GetParam().message), std::string::npos) << r.errors[0].message;
  EXPECT_FALSE(r.schema_valid());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SyntaxTest,
    ::testing::Values(
        SyntaxCase{"trailing_comma", "{\"format\": \"kembar-dossier/1\",\n  \"regions\": [,]}",
                   "line 2, column 15"},
        SyntaxCase{"unterminated", "{\"format\": \"kembar", "line 1"},
        SyntaxCase{"empty", "", "unexpected end of input"},
        SyntaxCase{"not_utf8",
                   "{\"format\": \"kembar\xff\xfe\", \"regions\": [], \"partnerships\": []}",
                   "UTF-8"},
        SyntaxCase{"nan", "{\"format\": NaN}", "line 1, column"},
        SyntaxCase{"garbage_after", "{\"format\": \"x\"} {}", "line 1, column"}));

// Every rejection names its place: a JSON path ("$" for the document) and, for text
// that is not JSON, the line and column.
struct PlaceCase {
  const char* name;
  std::string text;
  std::string path;     // the diagnostic's path; "" when the message gives line/column
  const char* message;  // a phrase of the English message (with the place)
  const char* message_id;
};

void PrintTo(const PlaceCase& c, std::ostream* os) { *os << c.name; }

class PlaceTest : public ::testing::TestWithParam<PlaceCase> {};

std::string Nested(size_t depth) {
  return R"({"format":"kembar-dossier/1","regions":[],"partnerships":[],"deep":)" +
         std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}";
}

// The path of the 1025th level, shortened in the middle.
std::string DeepPath() {
  std::string p = "deep";
  for (int i = 0; i < 1023; ++i) p += "[0]";
  return p.substr(0, 96) + "..." + p.substr(p.size() - 96);
}

TEST_P(PlaceTest, EveryRejectionNamesItsPlace) {
  ReadReport r = ReadJson(GetParam().text);
  ASSERT_FALSE(r.ok());
  const Diagnostic& d = r.errors[0];
  EXPECT_EQ(d.path, GetParam().path) << d.message;
  EXPECT_NE(d.message.find(GetParam().message), std::string::npos) << d.message;
  EXPECT_NE(d.message_id.find(GetParam().message_id), std::string::npos) << d.message_id;
  EXPECT_TRUE(!d.path.empty() || d.message.find("line ") != std::string::npos) << d.message;
  const std::string shown = r.ToStatus().message();
  EXPECT_TRUE(shown.find("line ") != std::string::npos || shown.rfind(d.path + ": ", 0) == 0)
      << shown;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PlaceTest,
    ::testing::Values(
        PlaceCase{
            "trailing_nul",
            std::string(R"({"format":"kembar-dossier/1","regions":[],"partnerships":[]})") + '\0',
            "$", "unexpected byte 0x00 after the end of the document at line 1, column 61",
            "pada baris 1, kolom 61"},
        PlaceCase{"number_beyond_double",
                  "{\"format\":\"kembar-dossier/1\",\n\"regions\":[{\"id\":\"a\",\"lat\":1e400}],"
                  "\"partnerships\":[]}",
                  "regions[0].lat", "the number 1e400 is out of range", "baris 2, kolom 28"},
        PlaceCase{"nested_too_deeply", Nested(1025), DeepPath(),
                  "nested too deeply (over 1024 levels) at line 1, column 1091",
                  "lebih dari 1024 tingkat"},
        PlaceCase{"duplicate_regions",
                  R"({"format":"kembar-dossier/1","regions":[],"regions":[],"partnerships":[]})",
                  "$", "'regions' appears twice", "muncul dua kali"},
        PlaceCase{"root_array", "[]", "$", "must be an object", "harus berupa objek"},
        PlaceCase{"missing_format", R"({"regions":[],"partnerships":[]})", "$",
                  "'format' is missing", "'format' tidak ada"},
        PlaceCase{"trailing_comma", "{\"format\": \"kembar-dossier/1\",\n  \"regions\": [,]}", "",
                  "line 2, column 15", "line 2, column 15"}),
    [](const ::testing::TestParamInfo<PlaceCase>& info) { return std::string(info.param.name); });

TEST(ReaderTest, NestingUpToTheLimitIsRead) {
  Dossier d;
  ReadReport r = ReadJson(Nested(1024), &d);
  ASSERT_TRUE(r.ok()) << r.ToStatus().ToString();
  ASSERT_EQ(d.extra.size(), 1u);
  EXPECT_EQ(d.extra[0].second.size(), 2u * 1023);
}

// JSON Schema 2020-12: an integer is a number with no fractional part, however written.
TEST(ReaderTest, WholeNumbersWithADecimalPointAreIntegers) {
  nlohmann::json doc = Valid();
  std::string text = doc.dump();
  text.replace(text.find("\"participants\":12"), 17, "\"participants\":1.2e1");
  text.replace(text.find("\"country\":\"ID\""), 14, "\"country\":\"ID\",\"population\":12.0");
  Dossier d;
  ReadReport r = ReadJson(text, &d);
  ASSERT_TRUE(r.ok()) << r.ToStatus().ToString();
  EXPECT_EQ(d.regions[0].population, 12u);
  EXPECT_EQ(std::get<Activity>(d.partnerships[0].events[1].details).participants, 12u);
  const std::string written = WriteDossier(d);
  EXPECT_TRUE(std::regex_search(written, std::regex("\"population\": ?12[,}\n]"))) << written;
}

// Integers beyond 64 bits are valid JSON; in an unknown member (which the schema
// allows to hold anything) they are kept exactly as written.
TEST(ReaderTest, IntegersBeyond64BitsInUnknownMembersAreKeptAsWritten) {
  const std::string big = "12345678901234567890123";
  const std::string nested = R"({"a":[-98765432109876543210987,1,18446744073709551616]})";
  std::string text = Valid().dump();
  text.replace(text.find("\"country\":\"ID\""), 14,
               "\"country\":\"ID\",\"census_id\": " + big + ",\"more\": " + nested);
  Dossier d;
  ReadReport r = ReadJson(text, &d);
  ASSERT_TRUE(r.ok()) << r.ToStatus().ToString();
  ASSERT_EQ(d.regions[0].extra.size(), 2u);
  EXPECT_EQ(d.regions[0].extra[0].second, big);
  EXPECT_EQ(d.regions[0].extra[1].second, nested);
  const std::string written = WriteDossier(d);
  EXPECT_TRUE(std::regex_search(written, std::regex("\"census_id\": ?" + big + "[,}\n]")))
      << written;
  Dossier again;
  ASSERT_TRUE(ReadJson(written, &again).ok());
  EXPECT_EQ(again.regions[0].extra, d.regions[0].extra);
}

TEST(ReaderTest, IntegersBeyond64BitsWhereTheSchemaWantsSomethingElseAreRefused) {
  const std::string big = "12345678901234567890123";
  struct Case {
    std::string from, to, path, message;
  } cases[] = {
      {"\"name\":\"Surabaya\"", "\"name\":" + big, "regions[0].name",
       "must be a string, not a number"},
      {"\"participants\":12", "\"participants\":" + big, "partnerships[0].events[1].participants",
       "'" + big + "' is too large"},
      {"\"level\":\"city\"", "\"level\":" + big, "regions[0].level", "(not a number)"},
  };
  for (const Case& c : cases) {
    std::string text = Valid().dump();
    ASSERT_NE(text.find(c.from), std::string::npos) << c.from;
    text.replace(text.find(c.from), c.from.size(), c.to);
    ReadReport r = ReadJson(text);
    ASSERT_FALSE(r.ok()) << c.to;
    EXPECT_EQ(r.errors[0].path, c.path) << r.errors[0].message;
    EXPECT_NE(r.errors[0].message.find(c.message), std::string::npos) << r.errors[0].message;
  }
  // budget.amount is any number >= 0: a big integer is read as a number.
  std::string text = Valid().dump();
  text.replace(text.find("\"participants\":12"), 17,
               "\"participants\":12,\"budget\":{\"amount\":" + big + "}");
  Dossier d;
  ASSERT_TRUE(ReadJson(text, &d).ok());
  EXPECT_DOUBLE_EQ(*std::get<Activity>(d.partnerships[0].events[1].details).budget->amount,
                   1.2345678901234568e22);
}

TEST(ReaderTest, DuplicateMemberNamesAreRefused) {
  ReadReport r = ReadJson(R"({"format": "kembar-dossier/1", "format": "kembar-dossier/1",
                              "regions": [], "partnerships": []})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("'format' appears twice"), std::string::npos);
}

TEST(ReaderTest, SizeLimitIsCheckedBeforeParsing) {
  ReadOptions options;
  options.max_bytes = 100;
  ReadReport r = ReadJson(std::string(101, ' '), nullptr, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].kind, Diagnostic::Kind::kLimit);
  EXPECT_EQ(r.ToStatus().code(), StatusCode::kTooLarge);
}

TEST(ReaderTest, ErrorCountIsBounded) {
  nlohmann::json doc = Valid();
  for (int i = 0; i < 500; ++i)
    doc["partnerships"][0]["events"].push_back({{"type", "x"}, {"date", "y"}});
  ReadOptions options;
  options.max_errors = 20;
  ReadReport r = ReadJson(doc.dump(), nullptr, options);
  EXPECT_EQ(r.errors.size(), 20u);
  EXPECT_TRUE(r.truncated);
}

TEST(ReaderTest, MaxLengthCountsCharactersNotBytes) {
  nlohmann::json doc = Valid();
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\xC3\xA9";  // 200 characters, 400 bytes
  doc["regions"][0]["name"] = name;
  EXPECT_TRUE(ReadJson(doc.dump()).ok());
  doc["regions"][0]["name"] = name + "x";
  EXPECT_FALSE(ReadJson(doc.dump()).ok());
}

TEST(ReaderTest, MembersOfOtherEventTypesAreKeptAsExtras) {
  // "participants" belongs to visit/activity; on a note it is an unconstrained extra.
  nlohmann::json doc = Valid();
  doc["partnerships"][0]["events"].push_back(
      {{"type", "note"}, {"date", "2019"}, {"participants", "many"}});
  Dossier d;
  ASSERT_TRUE(ReadJson(doc.dump(), &d).ok());
  const Event& note = d.partnerships[0].events[2];
  ASSERT_EQ(note.extra.size(), 1u);
  EXPECT_EQ(note.extra[0].first, "participants");
  EXPECT_EQ(note.extra[0].second, "\"many\"");
}

}  // namespace
}  // namespace kembar::io
