// What regions seek and offer (issue 14, item 4): the dossier-v1 region `profile`
// (schema compatibility, kembar's validator against valijson, paths in errors), the
// store (both backends: round trip, the migration from schema 5, authorisation, the
// change record), `kembar profile set|show|clear`, and the finder's two-way matching
// on the bundled data, in English and Indonesian.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "kembar/io/dossier_reader.h"
#include "kembar/kembar.h"
#include "kembar/store/sqlite_store.h"
#include "testing/backends.h"
#include "testing/bundled_data_test.h"
#include "testing/fixtures.h"
#include "testing/reference_validator.h"

namespace kembar {
namespace {

using nlohmann::json;
using testing::RunKembar;

json Bundled() {
  return json::parse(testing::ReadFileOrDie(testing::SourcePath("data/indonesia.dossier.json")));
}

const json& RegionOf(const json& doc, const std::string& id) {
  for (const json& r : doc["regions"]) {
    if (r["id"] == id) return r;
  }
  static const json kNone;
  ADD_FAILURE() << "no region " << id;
  return kNone;
}

// A small self-contained document with one region carrying `profile`.
json WithProfile(const json& profile) {
  return {{"format", "kembar-dossier/1"},
          {"regions",
           {{{"id", "id-a"},
             {"name", "A"},
             {"country", "ID"},
             {"level", "city"},
             {"profile", profile}}}},
          {"partnerships", json::array()}};
}

// --- The schema and kembar's validator ---

TEST(ProfileSchemaTest, DocumentsWithoutProfilesStayValid) {
  // The bundled document as a kembar without profiles wrote it: every profile removed.
  json old = Bundled();
  size_t removed = 0;
  for (json& r : old["regions"]) removed += r.erase("profile");
  ASSERT_GT(removed, 0u);  // the bundled data has profiles to remove
  testing::ReferenceValidator reference;
  std::string why;
  EXPECT_TRUE(reference.Valid(old, &why)) << why;
  io::DossierReader reader;
  EXPECT_TRUE(reader.Read(old.dump(), nullptr).ok());
  // ...and the bundled document with its profiles is valid under both.
  EXPECT_TRUE(reference.Valid(Bundled(), &why)) << why;
  EXPECT_TRUE(reader.Read(Bundled().dump(), nullptr).ok());
}

TEST(ProfileSchemaTest, ProfilesAreCheckedWithTheirPathAndAgreeWithValijson) {
  struct Case {
    json profile;
    const char* path;  // "" = valid
  };
  const Case kCases[] = {
      {json::object(), ""},
      {{{"seeks", {"environment"}}, {"offers", {"port_logistics", "culture"}}}, ""},
      {{{"levels", {"city", "province"}}, {"countries", {"JP", "GB"}}}, ""},
      {{{"contact", {{"name", "Bagian Kerja Sama"}, {"email", "ks@example.go.id"}}},
        {"source", "Putri (2017)"},
        {"updated", "2017-03"},
        {"x-note", {1, 2}}},
       ""},
      {{{"seeks", {"environment", "enviroment"}}}, "regions[0].profile.seeks[1]"},
      {{{"offers", {"culture", "culture"}}}, "regions[0].profile.offers[1]"},
      {{{"offers", "culture"}}, "regions[0].profile.offers"},
      {{{"levels", {"town"}}}, "regions[0].profile.levels[0]"},
      {{{"countries", {"JP", "jp"}}}, "regions[0].profile.countries[1]"},
      {{{"countries", {"GB", "GB"}}}, "regions[0].profile.countries[1]"},
      {{{"contact", "ks@example.go.id"}}, "regions[0].profile.contact"},
      {{{"contact", {{"email", 12}}}}, "regions[0].profile.contact.email"},
      {{{"updated", "2017-13"}}, "regions[0].profile.updated"},
      {{{"source", 3}}, "regions[0].profile.source"},
      {json::array(), "regions[0].profile"},
  };
  testing::ReferenceValidator reference;
  io::DossierReader reader;
  for (const Case& c : kCases) {
    const json doc = WithProfile(c.profile);
    const bool valid = std::string(c.path).empty();
    std::string why;
    EXPECT_EQ(reference.Valid(doc, &why), valid) << c.profile.dump() << " " << why;
    const io::ReadReport report = reader.Read(doc.dump(), nullptr);
    EXPECT_EQ(report.ok(), valid) << c.profile.dump();
    if (!valid && !report.ok()) {
      EXPECT_EQ(report.errors[0].path, c.path) << report.errors[0].ToString();
    }
  }
}

// --- The store, on both backends ---

class ProfileStoreTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    path_ = testing::NewDatabase(GetParam(), dir_);
    KEMBAR_SKIP_WITHOUT_PG(path_);
    Open();
    const json profile = {{"seeks", {"environment", "education"}},
                          {"offers", {"port_logistics"}},
                          {"countries", {"JP"}},
                          {"contact", {{"office", "Bagian Kerja Sama"}, {"x-room", 12}}},
                          {"updated", "2017"}};
    json doc = WithProfile(profile);
    doc["regions"].push_back({{"id", "jp-b"}, {"name", "B"}, {"country", "JP"}, {"level", "city"}});
    doc["regions"].push_back({{"id", "kr-c"}, {"name", "C"}, {"country", "KR"}, {"level", "city"}});
    Import(doc);
  }
  void Open() {
    kembar_.reset();
    KembarOptions options;
    options.db_path = path_;
    auto k = Kembar::Open(options);
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    kembar_ = std::move(k).value();
  }
  void Import(const json& doc) {
    const std::string file = dir_ + "/doc.json";
    testing::WriteFileOrDie(file, doc.dump());
    ImportParams params;
    params.file = file;
    params.mode = ImportMode::kReplace;
    params.actor = store::Principal("test", true);
    auto r = kembar_->Import(params);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  json Exported() {
    auto text = kembar_->ExportJson({});
    EXPECT_TRUE(text.ok()) << text.status().ToString();
    return text.ok() ? json::parse(*text) : json();
  }
  std::string dir_, path_;
  std::unique_ptr<Kembar> kembar_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ProfileStoreTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

TEST_P(ProfileStoreTest, AProfileSurvivesImportExportAndReopening) {
  const json before = RegionOf(Exported(), "id-a")["profile"];
  EXPECT_EQ(before["seeks"], json({"environment", "education"}));
  EXPECT_EQ(before["contact"]["x-room"], 12);  // members kembar does not model are kept
  Open();
  EXPECT_EQ(RegionOf(Exported(), "id-a")["profile"], before);
  auto p = kembar_->Profile("A");  // by name as well as id
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_TRUE(p->profile.has_value());
  EXPECT_EQ(p->profile->countries, std::vector<std::string>{"JP"});
  EXPECT_EQ(p->profile->updated->ToString(), "2017");
}

TEST_P(ProfileStoreTest, SetAndClearAreRegionEditsWithAChangeRecord) {
  ProfileEdit edit;
  edit.region = "id-a";
  edit.offers = "port_logistics, tourism";
  edit.countries = "Japan,GB";
  edit.actor = store::Principal("siti", true);
  auto r = kembar_->EditProfile(edit);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  json profile = RegionOf(Exported(), "id-a")["profile"];
  EXPECT_EQ(profile["offers"], json({"port_logistics", "tourism"}));
  EXPECT_EQ(profile["countries"], json({"JP", "GB"}));
  EXPECT_EQ(profile["seeks"], json({"environment", "education"}));  // not given: kept
  auto history = kembar_->History("id-a");
  ASSERT_TRUE(history.ok());
  ASSERT_FALSE(history->empty());
  EXPECT_EQ(history->back().action, "region.edit");
  EXPECT_EQ(history->back().actor, "siti");
  EXPECT_NE(history->back().after.find("tourism"), std::string::npos);

  ProfileEdit clear;
  clear.op = ProfileEdit::Op::kClear;
  clear.region = "id-a";
  clear.actor = store::Principal("siti", true);
  ASSERT_TRUE(kembar_->EditProfile(clear).ok());
  EXPECT_FALSE(RegionOf(Exported(), "id-a").contains("profile"));
  EXPECT_TRUE(kembar_->VerifyChangeLog().ok());
}

TEST_P(ProfileStoreTest, TheContactsMembersAreSetOneByOne) {
  // The HTTP API's `contact` object: a name and an address at once, "" removes one.
  ProfileEdit edit;
  edit.region = "id-a";
  edit.contact_name = "Bagian Kerja Sama";
  edit.contact_email = "ks@example.go.id";
  edit.contact_url = "";
  edit.actor = store::Principal("siti", true);
  ASSERT_TRUE(kembar_->EditProfile(edit).ok());
  const json contact = RegionOf(Exported(), "id-a")["profile"]["contact"];
  EXPECT_EQ(contact["name"], "Bagian Kerja Sama");
  EXPECT_EQ(contact["email"], "ks@example.go.id");
  EXPECT_FALSE(contact.contains("url"));
}

TEST_P(ProfileStoreTest, BadValuesNameTheirOptionAndChangeNothing) {
  const json before = Exported();
  auto versions = kembar_->History("id-a");
  ASSERT_TRUE(versions.ok());
  struct Case {
    std::optional<std::string> ProfileEdit::*member;
    const char* value;
    const char* expected;  // in the English message
  };
  const Case kCases[] = {
      {&ProfileEdit::seeks, "culture,enviroment",
       "--seeks: 'enviroment' is not a field; did you mean 'environment'?"},
      {&ProfileEdit::offers, "xyzzy", "--offers: 'xyzzy' is not a field (one of: port_logistics"},
      {&ProfileEdit::levels, "citi", "--levels: 'citi' is not a level; did you mean 'city'?"},
      {&ProfileEdit::countries, "Atlantis", "--countries: 'Atlantis' is not a country"},
      {&ProfileEdit::updated, "2017-02-30", "--updated: '2017-02-30' is not a date"},
  };
  for (const Case& c : kCases) {
    ProfileEdit edit;
    edit.region = "id-a";
    edit.source = "changed";  // would change if anything were written
    edit.*c.member = c.value;
    edit.actor = store::Principal("siti", true);
    auto r = kembar_->EditProfile(edit);
    ASSERT_FALSE(r.ok()) << c.value;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    EXPECT_NE(r.status().message(Lang::kEn).find(c.expected), std::string::npos)
        << r.status().message(Lang::kEn);
    EXPECT_EQ(r.status().message(Lang::kId).rfind(std::string(c.expected).substr(0, 6), 0), 0u)
        << r.status().message(Lang::kId);
  }
  ProfileEdit unknown;
  unknown.region = "xx-nowhere";
  unknown.seeks = "culture";
  EXPECT_EQ(kembar_->EditProfile(unknown).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Exported(), before);
  EXPECT_EQ(kembar_->History("id-a")->size(), versions->size());
}

TEST_P(ProfileStoreTest, AnEditorOfOneRegionCannotChangeAnothersProfile) {
  store::Principal editor("editor-b");
  editor.may_write_region = [](const std::string& id) {
    return id == "jp-b" ? Status::Ok()
                        : Status::PermissionDenied("not your region", "bukan daerah Anda");
  };
  ProfileEdit other;
  other.region = "id-a";
  other.seeks = "culture";
  other.actor = editor;
  const json before = Exported();
  EXPECT_EQ(kembar_->EditProfile(other).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Exported(), before);
  ProfileEdit own = other;
  own.region = "jp-b";
  ASSERT_TRUE(kembar_->EditProfile(own).ok());
  EXPECT_EQ(RegionOf(Exported(), "jp-b")["profile"]["seeks"], json({"culture"}));
}

TEST_P(ProfileStoreTest, ASchemaFiveDatabaseIsMigrated) {
  const bool sqlite = GetParam() == testing::Backend::kSqlite;
  kembar_.reset();
  // Back to schema 5, where a `profile` member was kept verbatim and unchecked: one
  // that is not an object, one that is an object but no profile, and (id-a) a valid
  // one, as kembar 5 would have kept them.
  ASSERT_EQ(testing::ExecSqlAt(path_, "DROP VIEW region_profile"), "");
  const std::pair<const char*, const char*> kOld[] = {{"jp-b", "\"ask the mayor\""},
                                                      {"kr-c", "{\"seeks\": \"everything\"}"}};
  for (const auto& [id, value] : kOld) {
    const std::string set =
        sqlite ? "UPDATE region SET doc = json_set(doc, '$.profile', json('" + std::string(value) +
                     "')) WHERE id = '" + id + "'"
               : "UPDATE region SET doc = (doc::jsonb || jsonb_build_object('profile', '" +
                     std::string(value) + "'::jsonb))::text WHERE id = '" + id + "'";
    ASSERT_EQ(testing::ExecSqlAt(path_, set), "");
  }
  ASSERT_EQ(testing::ExecSqlAt(
                path_, sqlite ? "PRAGMA user_version = 5" : "UPDATE kembar_schema SET version = 5"),
            "");
  Open();  // migrates to the current schema
  const json doc = Exported();
  ASSERT_TRUE(doc.is_object()) << doc.dump();
  EXPECT_EQ(RegionOf(doc, "jp-b")["profile_unchecked"], "ask the mayor");
  EXPECT_FALSE(RegionOf(doc, "jp-b").contains("profile"));
  EXPECT_EQ(RegionOf(doc, "kr-c")["profile_unchecked"], json({{"seeks", "everything"}}));
  EXPECT_FALSE(RegionOf(doc, "kr-c").contains("profile"));
  EXPECT_EQ(RegionOf(doc, "id-a")["profile"]["offers"], json({"port_logistics"}));
  EXPECT_EQ(testing::QueryScalarAt(path_, "SELECT count(*) FROM region_profile"), "2");
  if (sqlite) {
    EXPECT_EQ(testing::QueryScalarAt(path_, "PRAGMA user_version"),
              std::to_string(store::kSqliteSchemaVersion));
  }
  testing::ReferenceValidator reference;
  std::string why;
  EXPECT_TRUE(reference.Valid(doc, &why)) << why;  // the export is valid dossier-v1
  // A region read that way is written back checked: setting a profile replaces it.
  ProfileEdit edit;
  edit.region = "kr-c";
  edit.seeks = "culture";
  edit.actor = store::Principal("test", true);
  ASSERT_TRUE(kembar_->EditProfile(edit).ok());
  EXPECT_EQ(RegionOf(Exported(), "kr-c")["profile"]["seeks"], json({"culture"}));
}

// --- The command line and the finder, on the bundled data ---

class ProfileCliTest : public testing::BundledDataTest {};

TEST_F(ProfileCliTest, SetShowClear) {
  auto set = RunKembar(dir_,
                       "profile set Bandung --seeks creative_economy,education --offers culture "
                       "--levels city --countries DE --contact ks@bandung.go.id --updated 2026-11");
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_NE(set.out.find("profile of id-bandung set"), std::string::npos) << set.out;
  auto show = RunKembar(dir_, "profile show id-bandung --json");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const json shown = json::parse(show.out);
  EXPECT_EQ(shown["profile"]["seeks"], json({"creative_economy", "education"}));
  EXPECT_EQ(shown["profile"]["contact"]["email"], "ks@bandung.go.id");
  auto text = RunKembar(dir_, "profile show Bandung --lang id");
  EXPECT_NE(text.out.find("mencari: ekonomi kreatif, pendidikan"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("dinyatakan: November 2026"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("negara yang diutamakan: Jerman"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("tingkat yang diutamakan: kota"), std::string::npos) << text.out;

  const std::string exported = RunKembar(dir_, "export").out;
  auto bad = RunKembar(dir_, "profile set Bandung --offers culture,tourisme");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--offers: 'tourisme' is not a field; did you mean 'tourism'?"),
            std::string::npos)
      << bad.err;
  auto bad_id = RunKembar(dir_, "profile set Bandung --offers tourisme --lang id");
  EXPECT_NE(bad_id.err.find("--offers: 'tourisme' bukan bidang; maksud Anda 'tourism'?"),
            std::string::npos)
      << bad_id.err;
  EXPECT_EQ(RunKembar(dir_, "export").out, exported);  // nothing changed

  auto clear = RunKembar(dir_, "profile clear Bandung");
  ASSERT_EQ(clear.exit_code, 0) << clear.err;
  auto none = RunKembar(dir_, "profile show Bandung");
  EXPECT_NE(none.out.find("Bandung (id-bandung) has no partner-wanted profile"), std::string::npos)
      << none.out;
  auto history = RunKembar(dir_, "history id-bandung --json");
  EXPECT_EQ(json::parse(history.out).size(), 2u) << history.out;  // set and clear
  EXPECT_EQ(RunKembar(dir_, "profile show nowhere-at-all").exit_code, 3);
}

// Fields in the reader's words, as the explanation writes them.
std::set<std::string> Fields(const json& a) { return {a.begin(), a.end()}; }

TEST_F(ProfileCliTest, TheFinderMatchesBothWaysAndSaysSoInBothLanguages) {
  const json doc = Bundled();
  // What the studies say Surabaya offers and Beihai seeks (their profiles), and the
  // finder's reading of it: Beihai appears as a two-way match below the top.
  const json& surabaya = RegionOf(doc, "id-surabaya");
  const json& beihai = RegionOf(doc, "cn-beihai");
  std::vector<std::string> sought;
  for (const std::string& f : Fields(beihai["profile"]["seeks"])) {
    if (Fields(surabaya["profile"]["offers"]).count(f)) sought.push_back(f);
  }
  ASSERT_FALSE(sought.empty());
  auto found = RunKembar(dir_, "find-partners Surabaya --json");
  ASSERT_EQ(found.exit_code, 0) << found.err;
  const json r = json::parse(found.out);
  const json* match = nullptr;
  EXPECT_EQ(r["candidates"].size(), 10u);  // the top stays exactly --top
  for (const json& c : r["two_way_below"]) {
    if (c["name"] == "Beihai") match = &c;
  }
  ASSERT_NE(match, nullptr) << "Beihai is not listed as a two-way match";
  EXPECT_GT((*match)["rank"].get<int>(), 10);
  std::vector<std::string> offered((*match)["offers_meeting_seeks"].begin(),
                                   (*match)["offers_meeting_seeks"].end());
  std::sort(offered.begin(), offered.end());
  std::sort(sought.begin(), sought.end());
  EXPECT_EQ(offered, sought);
  EXPECT_FALSE((*match)["strengths_meeting_needs"].empty());
  EXPECT_NE(std::find((*match)["flags"].begin(), (*match)["flags"].end(), "two_way_match"),
            (*match)["flags"].end());

  auto en = RunKembar(dir_, "find-partners Surabaya");
  EXPECT_NE(en.out.find("two-way matches below these"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("Surabaya offers environment, which Beihai seeks"), std::string::npos)
      << en.out;
  EXPECT_NE(en.out.find("which Surabaya seeks"), std::string::npos) << en.out;
  auto id = RunKembar(dir_, "find-partners Surabaya --lang id");
  EXPECT_NE(id.out.find("kecocokan dua arah di bawah peringkat ini"), std::string::npos);
  EXPECT_NE(id.out.find("Surabaya menawarkan lingkungan hidup, yang dicari Beihai"),
            std::string::npos)
      << id.out;
  EXPECT_NE(id.out.find("yang dicari Surabaya"), std::string::npos) << id.out;
  // A candidate with nothing known is not scored 0 in silence.
  EXPECT_NE(en.out.find("its strengths are not known"), std::string::npos);
}

TEST_F(ProfileCliTest, NeedsNoCandidateCanBeScoredOnAreSaidToBeSo) {
  // No place Surabaya may be offered is known to offer flood management (only "the
  // Netherlands", which is no place, and Semarang, through its tie with it, which is
  // in Surabaya's own country): nothing can be scored on that need.
  const json doc = Bundled();
  for (const json& r : doc["regions"]) {
    if (r.contains("lat") && r.contains("profile") && r["profile"].contains("offers")) {
      ASSERT_FALSE(Fields(r["profile"]["offers"]).count("flood_management")) << r["id"];
    }
  }
  auto text = RunKembar(dir_, "find-partners Surabaya --needs flood_management");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("no candidate could be scored on them"), std::string::npos) << text.out;
  auto js = RunKembar(dir_, "find-partners Surabaya --needs flood_management --json");
  EXPECT_EQ(json::parse(js.out)["needs_scored"], false);
  // Needs that some place meets carry no such notice.
  auto scored = RunKembar(dir_, "find-partners Surabaya --needs education --json");
  EXPECT_FALSE(json::parse(scored.out).contains("needs_scored"));
}

}  // namespace
}  // namespace kembar
