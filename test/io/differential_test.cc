// kembar's own validator (simdjson, hand-written) against the reference (valijson,
// the shipped schema): over the fuzz corpus and thousands of mutated dossiers, both
// must accept and reject exactly the same documents.
//
// Known, documented divergences are not generated here: duplicate member names
// (kembar refuses them; nlohmann keeps the last), integers beyond 64 bits, "-0" as an
// integer, NUL characters inside strings (valijson's maxLength stops at NUL) and
// integers above 2^63 (valijson's nlohmann adapter reads them as negative).
// Two more are handled below: valijson takes 12.0 for a non-integer (JSON Schema
// 2020-12, like kembar, counts any number without a fractional part as an integer:
// whole numbers are given to valijson as integers), and kembar refuses nesting over
// 1,024 levels (simdjson's limit, an implementation limit the schema does not have).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "kembar/io/dossier_reader.h"
#include "kembar/io/json_scan.h"
#include "kembar/kembar.h"
#include "testing/dossier_gen.h"
#include "testing/fixtures.h"
#include "testing/reference_validator.h"

namespace kembar::io {
namespace {

using nlohmann::json;

// Values that sit on or just across the schema's boundaries.
std::vector<json> Replacements() {
  return {
      json(nullptr),
      json(true),
      json(0),
      json(-1),
      json(1.5),
      json(12.0),
      json(100),
      json(100.5),
      json(90),
      json(-90.0001),
      json(180),
      json(1e300),
      json(9223372036854775807LL),
      json(""),
      json("x"),
      json("both"),
      json("online"),
      json("r0"),
      json("r-1"),
      json("-bad"),
      json("a b"),
      json(std::string(128, 'a')),
      json(std::string(129, 'a')),
      json(std::string(20000, 'y')),
      json(std::string(20001, 'y')),
      json(std::string(201, 'n')),
      json("2018"),
      json("2018-13"),
      json("2018-02-30"),
      json("2018-02-28"),
      json("18"),
      json("2018-1"),
      json("2018-12-31\n"),
      json("ID"),
      json("id"),
      json("IDR"),
      json("idr"),
      json("culture"),
      json("Culture"),
      json("sister_city"),
      json("city"),
      json("approved"),
      json("pandemic"),
      json("people"),
      json("national"),
      json("apbd"),
      json("mou_signed"),
      json("activity"),
      json("visit"),
      json("kembar-dossier/1"),
      json("school"),
      json::array(),
      json::array({"culture", "culture"}),
      json::array({"culture", "tourism"}),
      json::array({"r0", "r1"}),
      json::array({"r0"}),
      json::array({"r0", "r1", "r2"}),
      json::array({1}),
      json::array({"school", "ngo"}),
      json::object(),
      json{{"amount", -1}},
      json{{"currency", "IDR"}},
      json{{"type", "note"}, {"date", "2020"}},
      json{{"seeks", {"culture"}}, {"countries", {"JP", "GB"}}},
      json::array({"JP", "JP"}),
      json::array({"city", "province"}),
      json{{"email", "ks@example.go.id"}, {"phone", 1}},
  };
}

// Walks to a random node of `doc`; returns its parent and key (or index).
void Mutate(json& doc, std::mt19937& rng, const std::vector<json>& pool) {
  static const std::vector<std::string> kKeys = {
      "id", "type", "date", "name", "country", "level", "lat", "lon", "population", "fields",
      "field", "sectors", "participants", "valid_years", "valid_until", "provider", "host",
      "beneficiary", "from", "to", "side", "outcome", "responded", "kind", "budget", "names",
      "title", "source", "parties", "events", "regions", "format", "x-extra", "amount", "currency",
      "smart_dimension", "items", "findings", "strengths", "needs", "parent",
      // the region `profile` (the bundled seed carries profiles to descend into)
      "profile", "seeks", "offers", "levels", "countries", "contact", "updated", "email"};
  json* node = &doc;
  // Descend a random number of levels.
  for (int depth = 0; depth < 6; ++depth) {
    if (node->is_object() && !node->empty() && rng() % 4 != 0) {
      auto it = node->begin();
      std::advance(it, rng() % node->size());
      if (!it->is_structured() && rng() % 2) break;
      node = &it.value();
    } else if (node->is_array() && !node->empty() && rng() % 4 != 0) {
      node = &(*node)[rng() % node->size()];
    } else {
      break;
    }
  }
  const json& value = pool[rng() % pool.size()];
  switch (rng() % 4) {
    case 0:  // replace a member's value / add a member
      if (node->is_object())
        (*node)[kKeys[rng() % kKeys.size()]] = value;
      else
        *node = value;
      break;
    case 1:  // delete a member or an item
      if (node->is_object() && !node->empty()) {
        auto it = node->begin();
        std::advance(it, rng() % node->size());
        node->erase(it);
      } else if (node->is_array() && !node->empty()) {
        node->erase(node->begin() + static_cast<long>(rng() % node->size()));
      }
      break;
    case 2:  // append to an array / replace the node
      if (node->is_array())
        node->push_back(value);
      else
        *node = value;
      break;
    default:  // change an existing member's value
      if (node->is_object() && !node->empty()) {
        auto it = node->begin();
        std::advance(it, rng() % node->size());
        it.value() = value;
      }
  }
}

struct Tally {
  size_t accepted = 0, rejected = 0;
};

// `doc` with every whole number written as a float (12.0) as an integer (12).
json WholeNumbersAsIntegers(json doc) {
  if (doc.is_number_float()) {
    const double d = doc.get<double>();
    if (d == std::floor(d) && std::fabs(d) < 9e15) return json(static_cast<int64_t>(d));
  } else if (doc.is_structured()) {
    for (auto& item : doc) item = WholeNumbersAsIntegers(std::move(item));
  }
  return doc;
}

size_t Depth(const json& doc) {
  size_t deepest = 0;
  if (doc.is_structured()) {
    for (const auto& item : doc) deepest = std::max(deepest, Depth(item));
    return deepest + 1;
  }
  return 0;
}

void ExpectSameVerdict(DossierReader& reader, const testing::ReferenceValidator& ref,
                       const json& doc, const std::string& label, Tally* tally) {
  const std::string text = doc.dump();
  ReadReport mine = reader.Read(text, nullptr);
  if (Depth(doc) > kMaxJsonDepth) {
    EXPECT_FALSE(mine.ok()) << label << ": nested over the limit, yet accepted";
    return;
  }
  std::string why;
  const bool theirs = ref.Valid(WholeNumbersAsIntegers(doc), &why);
  ASSERT_EQ(mine.schema_valid(), theirs)
      << label << "\nvalijson: " << (theirs ? "valid" : why)
      << "\nkembar: " << (mine.schema_valid() ? "valid" : mine.ToStatus().message())
      << "\ndocument: " << text.substr(0, 2000);
  ++(theirs ? tally->accepted : tally->rejected);
}

TEST(DifferentialTest, MutatedDossiersGetTheSameVerdict) {
  testing::ReferenceValidator ref;
  DossierReader reader;
  const auto pool = Replacements();
  std::vector<json> seeds = {
      testing::GenerateDossier(2, 19, 1), testing::GenerateDossier(3, 25, 2),
      json::parse(testing::ReadFileOrDie(testing::SourcePath("data/indonesia.dossier.json")))};
  Tally tally;
  std::mt19937 rng(20261123);
  // 6,000 in Release; a sanitizer build, where valijson and the copies of the
  // Indonesian dossier are ~50x slower, checks 600 (the store's mutation test below
  // still tries its thousands there).
  constexpr int kMutants = testing::kSanitized ? 600 : 6000;
  for (int i = 0; i < kMutants; ++i) {
    json doc = seeds[static_cast<size_t>(i) % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits; ++k) Mutate(doc, rng, pool);
    ExpectSameVerdict(reader, ref, doc, "mutant " + std::to_string(i), &tally);
    if (HasFatalFailure()) return;
  }
  // Both outcomes must be well represented, or the test proves little.
  EXPECT_GT(tally.accepted, kMutants / 10);
  EXPECT_GT(tally.rejected, kMutants / 3);
  std::printf("differential: %zu accepted, %zu rejected by both\n", tally.accepted, tally.rejected);
}

TEST(DifferentialTest, FuzzCorpusGetsTheSameVerdict) {
  testing::ReferenceValidator ref;
  DossierReader reader;
  Tally tally;
  size_t unparsable = 0;
  const auto dir = testing::SourcePath("test/fuzz/corpus/dossier");
  ASSERT_TRUE(std::filesystem::exists(dir));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string text = testing::ReadFileOrDie(entry.path());
    json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    ReadReport mine = reader.Read(text, nullptr);
    if (doc.is_discarded()) {
      EXPECT_FALSE(mine.schema_valid()) << entry.path() << " is not JSON but kembar accepted it";
      ++unparsable;
      continue;
    }
    ExpectSameVerdict(reader, ref, doc, entry.path().string(), &tally);
  }
  EXPECT_GT(tally.accepted + tally.rejected + unparsable, 10u);
}

// Text-level damage a JSON mutation cannot make: a cut, a stray byte, a lost quote.
std::string DamageText(std::string text, std::mt19937& rng) {
  static const std::string kBytes = std::string("{}[],:\"\\ \n0e-+.x\x00\x80\xff", 19);
  const size_t at = text.empty() ? 0 : rng() % text.size();
  switch (rng() % 4) {
    case 0:
      text.resize(at);
      break;
    case 1:
      text.insert(at, 1, kBytes[rng() % kBytes.size()]);
      break;
    case 2:
      if (!text.empty()) text.erase(at, 1);
      break;
    default:
      if (!text.empty()) text[at] = kBytes[rng() % kBytes.size()];
  }
  return text;
}

// Issue 16: at least 1,000 invalid dossiers, each refused by the store with its place
// (a JSON path, "$" for the document itself, and a line and column for text that is
// not JSON), and none of them writes anything: a connection of its own sees the same
// PRAGMA data_version (any commit by another connection changes it) and the same
// records after every one.
TEST(DifferentialTest, ThousandsOfInvalidDossiersAreRefusedWithTheirPlaceWritingNothing) {
  const std::string dir = testing::TempDir();
  const std::string db_path = dir + "/kembar.db";
  KembarOptions options;
  options.db_path = db_path;
  auto k = Kembar::Open(options);
  ASSERT_TRUE(k.ok()) << k.status().ToString();
  ImportParams base;
  base.file = testing::SourcePath("data/indonesia.dossier.json");
  base.actor = {"local:test", true};
  ASSERT_TRUE((*k)->Import(base).ok());
  sqlite3* watch = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &watch), SQLITE_OK);
  auto scalar = [watch](const char* sql) {
    sqlite3_stmt* st = nullptr;
    int64_t v = -1;
    if (sqlite3_prepare_v2(watch, sql, -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return v;
  };
  const int64_t version = scalar("PRAGMA data_version");
  const int64_t events = scalar("SELECT count(*) FROM event");
  ASSERT_GT(events, 0);

  DossierReader reader;
  const auto pool = Replacements();
  const std::vector<json> seeds = {
      testing::GenerateDossier(2, 19, 1), testing::GenerateDossier(3, 25, 2),
      json::parse(testing::ReadFileOrDie(testing::SourcePath("data/indonesia.dossier.json")))};
  std::mt19937 rng(20261130);
  constexpr size_t kWanted = 1200;
  size_t tried = 0, refused = 0, syntax = 0;
  while (refused < kWanted && tried < 20 * kWanted) {
    ++tried;
    json doc = seeds[tried % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) Mutate(doc, rng, pool);
    std::string text = doc.dump();
    if (rng() % 3 == 0) text = DamageText(std::move(text), rng);
    ReadReport report = reader.Read(text, nullptr);
    if (report.ok()) continue;  // a valid mutant: not this test's business
    ++refused;
    const std::string label = "mutant " + std::to_string(tried);
    for (const Diagnostic& d : report.errors) {
      if (d.kind == Diagnostic::Kind::kSyntax) {
        // Text that is not JSON: the line and column (and the path when known).
        ++syntax;
        EXPECT_NE(d.message.find("line "), std::string::npos) << label << ": " << d.message;
        EXPECT_NE(d.message.find("column "), std::string::npos) << label << ": " << d.message;
      } else {
        EXPECT_FALSE(d.path.empty()) << label << ": no place in \"" << d.message << "\"";
      }
    }
    ImportParams params;
    params.file = "mutant.json";
    params.content = std::make_shared<const std::string>(text);
    params.actor = {"local:test", true};
    auto imported = (*k)->Import(params);
    ASSERT_FALSE(imported.ok()) << label << " was stored";
    EXPECT_EQ(imported.status().code(), StatusCode::kInvalidInput) << imported.status().ToString();
    const Diagnostic& first = report.errors.front();
    EXPECT_NE(imported.status().message().find(
                  first.kind == Diagnostic::Kind::kSyntax ? first.message : first.path),
              std::string::npos)
        << label << ": the store's message names another place: " << imported.status().message();
    ASSERT_EQ(scalar("PRAGMA data_version"), version) << label << " wrote to the database";
    if (HasFailure()) return;
  }
  EXPECT_GE(refused, kWanted);
  EXPECT_GT(syntax, 50u) << "text damage must be among the refusals";
  EXPECT_EQ(scalar("SELECT count(*) FROM event"), events);
  sqlite3_close(watch);
  std::printf(
      "[figures] mutation_test dossiers_tried=%zu refused_with_a_place=%zu "
      "of_them_not_json=%zu written=0\n",
      tried, refused, syntax);
}

}  // namespace
}  // namespace kembar::io
