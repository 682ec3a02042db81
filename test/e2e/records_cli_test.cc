// Black-box tests of record keeping: event add/edit/delete with their change records,
// the import's refusal to drop stored events, --merge and --replace, deletions.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "testing/bundled_data_test.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;
using Output = testing::CliOutput;
using testing::RunKembar;

class RecordsCliTest : public testing::BundledDataTest {
 protected:
  json Partnership(const std::string& id) {
    Output o = RunKembar(dir_, "export --partnership " + id);
    EXPECT_EQ(o.exit_code, 0) << o.err;
    return json::parse(o.out)["partnerships"][0];
  }
  json History(const std::string& id) {
    Output o = RunKembar(dir_, "history " + id + " --json");
    EXPECT_EQ(o.exit_code, 0) << o.err;
    return json::parse(o.out);
  }
};

TEST_F(RecordsCliTest, AddEditDeleteAnEventWithChangeRecords) {
  const size_t before = Partnership("semarang-beihai")["events"].size();
  Output add = RunKembar(dir_,
                         "event add semarang-beihai --type communication --date 2026-11-20 "
                         "--from id-semarang --title 'Reply to the offer' --source 'Kantor KSDA'");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.out.find("added event semarang-beihai."), std::string::npos) << add.out;
  json p = Partnership("semarang-beihai");
  ASSERT_EQ(p["events"].size(), before + 1);
  const json added = p["events"].back();
  const std::string id = added["id"];
  EXPECT_EQ(added["from"], "id-semarang");
  EXPECT_EQ(added["date"], "2026-11-20");

  Output edit = RunKembar(dir_, "event edit semarang-beihai " + id + " --date 2026-11-21");
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  EXPECT_NE(edit.out.find("date: \"2026-11-20\" -> \"2026-11-21\""), std::string::npos) << edit.out;
  EXPECT_EQ(Partnership("semarang-beihai")["events"].back()["date"], "2026-11-21");

  // Bad input names the path and changes nothing.
  Output bad = RunKembar(dir_, "event edit semarang-beihai " + id + " --date 2026-02-30");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("event.date"), std::string::npos) << bad.err;
  Output dangling =
      RunKembar(dir_, "event add semarang-beihai --type visit --date 2026 --from xx-nowhere");
  EXPECT_EQ(dangling.exit_code, 2);
  EXPECT_NE(dangling.err.find("event.from"), std::string::npos) << dangling.err;
  EXPECT_EQ(Partnership("semarang-beihai")["events"].back()["date"], "2026-11-21");
  EXPECT_EQ(RunKembar(dir_, "event delete semarang-beihai no-such-event").exit_code, 3);

  Output del = RunKembar(dir_, "event delete semarang-beihai " + id);
  ASSERT_EQ(del.exit_code, 0) << del.err;
  EXPECT_EQ(Partnership("semarang-beihai")["events"].size(), before);

  const json h = History("semarang-beihai");
  ASSERT_EQ(h.size(), 4u) << h.dump(1) << "the import and the three edits";
  EXPECT_EQ(h[0]["action"], "import");
  EXPECT_EQ(h[1]["action"], "event.add");
  EXPECT_TRUE(h[1]["before"].is_null());
  EXPECT_EQ(h[1]["after"]["title"], "Reply to the offer");
  EXPECT_EQ(h[2]["action"], "event.edit");
  EXPECT_EQ(h[2]["before"]["date"], "2026-11-20");
  EXPECT_EQ(h[2]["after"]["date"], "2026-11-21");
  EXPECT_EQ(h[3]["action"], "event.delete");
  EXPECT_TRUE(h[3]["after"].is_null());
  EXPECT_EQ(h[3]["actor"].get<std::string>().rfind("local:", 0), 0u) << "the local operator, named";
  Output verify = RunKembar(dir_, "history --verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.out.find("change log intact"), std::string::npos);
  // Tampering with an entry breaks the chain, and the check names the entry.
  const std::string sql =
      "cd '" + dir_ +
      "' && sqlite3 kembar.db \"UPDATE change_log SET actor = 'someone' WHERE seq = 2\"";
  ASSERT_EQ(std::system(sql.c_str()), 0);
  Output tampered = RunKembar(dir_, "history --verify");
  EXPECT_EQ(tampered.exit_code, 6) << tampered.out;
  EXPECT_NE(tampered.err.find("altered at entry 2"), std::string::npos) << tampered.err;
}

TEST_F(RecordsCliTest, ImportRefusesToDropStoredEventsUnlessMergeOrReplace) {
  json doc = json::parse(RunKembar(dir_, "export --partnership surabaya-liverpool").out);
  const size_t stored = doc["partnerships"][0]["events"].size();
  // A document with only a new event (no id) for a stored partnership.
  doc["partnerships"][0]["events"] = json::array(
      {{{"type", "activity"}, {"date", "2024-05"}, {"provider", "both"}, {"field", "sports"}}});
  testing::WriteFileOrDie(dir_ + "/new.json", doc.dump());
  Output refused = RunKembar(dir_, "import new.json");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("'surabaya-liverpool' would lose " + std::to_string(stored) +
                             " of its " + std::to_string(stored) + " stored events"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(Partnership("surabaya-liverpool")["events"].size(), stored) << "nothing written";

  Output merged = RunKembar(dir_, "import new.json --merge -q");
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  json p = Partnership("surabaya-liverpool");
  ASSERT_EQ(p["events"].size(), stored + 1);
  EXPECT_EQ(p["events"].back()["date"], "2024-05");
  EXPECT_FALSE(p["events"].back()["id"].get<std::string>().empty()) << "a stable id assigned";

  // Merging the same export again changes nothing; a known id is updated in place.
  json again = json::parse(RunKembar(dir_, "export --partnership surabaya-liverpool").out);
  again["partnerships"][0]["events"][0]["title"] = "First contact (corrected)";
  testing::WriteFileOrDie(dir_ + "/again.json", again.dump());
  ASSERT_EQ(RunKembar(dir_, "import again.json --merge -q").exit_code, 0);
  p = Partnership("surabaya-liverpool");
  EXPECT_EQ(p["events"].size(), stored + 1);
  EXPECT_EQ(p["events"][0]["title"], "First contact (corrected)");

  ASSERT_EQ(RunKembar(dir_, "import new.json --replace -q").exit_code, 0);
  EXPECT_EQ(Partnership("surabaya-liverpool")["events"].size(), 1u);
  const json h = History("surabaya-liverpool");
  EXPECT_EQ(h.back()["action"], "import");
  EXPECT_NE(h.back()["summary"].get<std::string>().find("sha256:"), std::string::npos);
  EXPECT_NE(h.back()["summary"].get<std::string>().find("(replace)"), std::string::npos);
}

TEST_F(RecordsCliTest, DeletingARegionStillNamedIsRefused) {
  Output named = RunKembar(dir_, "region delete gb-liverpool");
  EXPECT_EQ(named.exit_code, 2);
  EXPECT_NE(named.err.find("still named by partnership 'surabaya-liverpool'"), std::string::npos)
      << named.err;
  ASSERT_EQ(RunKembar(dir_, "partnership delete surabaya-liverpool").exit_code, 0);
  EXPECT_EQ(RunKembar(dir_, "show surabaya-liverpool").exit_code, 3);
  Output gone = RunKembar(dir_, "region delete gb-liverpool");
  EXPECT_EQ(gone.exit_code, 0) << gone.err;
  const json h = History("surabaya-liverpool");
  EXPECT_EQ(h.back()["action"], "partnership.delete");
  EXPECT_FALSE(h.back()["before"].is_null()) << "the last version is kept in the log";
}

}  // namespace
}  // namespace kembar

namespace kembar {
namespace {

using nlohmann::json;
using Output = testing::CliOutput;
using testing::RunKembar;

// What a new user ran into (issue 10, item 4), each through the binary.
class NewUserTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::TempDir(); }
  bool DbExists() const { return std::filesystem::exists(dir_ + "/kembar.db"); }
  std::string dir_;
};

TEST_F(NewUserTest, ReadingAMissingDatabaseCreatesNothing) {
  Output list = RunKembar(dir_, "list");
  EXPECT_EQ(list.exit_code, 3);
  EXPECT_NE(list.err.find("there is no database at 'kembar.db'"), std::string::npos) << list.err;
  EXPECT_EQ(RunKembar(dir_, "status").exit_code, 3);
  EXPECT_FALSE(DbExists());
  // The compiled-in network needs no database and creates none.
  EXPECT_EQ(RunKembar(dir_, "network stats --country ID").exit_code, 0);
  EXPECT_FALSE(DbExists());
  // A failed import into a new path leaves no empty database behind.
  testing::WriteFileOrDie(dir_ + "/bad.json", "{\"format\": \"kembar-dossier/1\"");
  EXPECT_EQ(RunKembar(dir_, "import bad.json").exit_code, 2);
  EXPECT_FALSE(DbExists());
}

TEST_F(NewUserTest, BadCommandLinesExitWithTheTablesCode) {
  EXPECT_EQ(RunKembar(dir_, "frobnicate").exit_code, 2);
  EXPECT_EQ(RunKembar(dir_, "list --db ''").exit_code, 2);
  EXPECT_EQ(RunKembar(dir_, "assess --lang fr").exit_code, 2);
  Output empty_day = RunKembar(dir_, "status --as-of ''");
  EXPECT_EQ(empty_day.exit_code, 2);
  EXPECT_NE(empty_day.err.find("--as-of"), std::string::npos);
  Output jpg = RunKembar(dir_, "network stats --plot chart.jpg");
  EXPECT_EQ(jpg.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/chart.jpg"));
}

TEST_F(NewUserTest, AByteOrderMarkIsAcceptedAndFileAssessmentsSelect) {
  const std::string bundled = testing::SourcePath("data/indonesia.dossier.json");
  testing::WriteFileOrDie(dir_ + "/bom.json", "\xEF\xBB\xBF" + testing::ReadFileOrDie(bundled));
  EXPECT_EQ(RunKembar(dir_, "validate bom.json").exit_code, 0);
  Output one = RunKembar(
      dir_, "assess '" + bundled + "' --partnership semarang-beihai --as-of 2020-01-01 --json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const json doc = json::parse(one.out);
  ASSERT_EQ(doc["partnerships"].size(), 1u);
  EXPECT_EQ(doc["partnerships"][0]["id"], "semarang-beihai");
  EXPECT_EQ(RunKembar(dir_, "assess '" + bundled + "' --partnership nope").exit_code, 3);
}

}  // namespace
}  // namespace kembar

namespace kembar {
namespace {

// The officer's loop: record a renewal, then find its next step on the to-do list.
TEST(TodoCliTest, ARecordedRenewalAppearsOnTheToDoListWithItsDate) {
  const std::string dir = testing::TempDir();
  ASSERT_EQ(testing::RunKembar(
                dir, "import '" + testing::SourcePath("data/indonesia.dossier.json") + "' -q")
                .exit_code,
            0);
  testing::WriteFileOrDie(dir + "/renewal.json",
                          R"({"type": "mou_renewed", "date": "2022-01-15", "valid_years": 5,
                              "source": "Bagian Kerja Sama Pemkot Surabaya"})");
  ASSERT_EQ(testing::RunKembar(dir, "event add surabaya-kochi --json renewal.json").exit_code, 0);
  auto todo =
      testing::RunKembar(dir, "todo --region id-surabaya --as-of 2026-06-01 --within 60 --json");
  ASSERT_EQ(todo.exit_code, 0) << todo.err;
  const nlohmann::json doc = nlohmann::json::parse(todo.out);
  ASSERT_EQ(doc["items"].size(), 1u) << doc.dump(1);
  EXPECT_EQ(doc["items"][0]["partnership"], "surabaya-kochi");
  EXPECT_EQ(doc["items"][0]["code"], "start_renewal");
  EXPECT_EQ(doc["items"][0]["due"], "2026-07-15");
  EXPECT_EQ(doc["items"][0]["urgency"], "due_soon");
  auto id =
      testing::RunKembar(dir, "todo --region id-surabaya --as-of 2026-08-01 --within 60 --lang id");
  EXPECT_NE(id.out.find("terlambat"), std::string::npos) << id.out;
  EXPECT_NE(id.out.find("15 Juli 2026"), std::string::npos) << id.out;
  EXPECT_NE(id.out.find("Kota Surabaya – Kota Kochi"), std::string::npos) << id.out;
  // The calendar lists the dated items, and says which MoUs have no date to remind of.
  auto cal = testing::RunKembar(dir, "calendar --region id-surabaya --as-of 2026-06-01 --json");
  ASSERT_EQ(cal.exit_code, 0) << cal.err;
  const nlohmann::json c = nlohmann::json::parse(cal.out);
  ASSERT_EQ(c["entries"].size(), 2u) << c.dump(1);
  EXPECT_EQ(c["entries"][0]["day"], "2026-07-15");
  EXPECT_EQ(c["entries"][0]["kind"], "renewal_deadline");
  EXPECT_EQ(c["entries"][1]["day"], "2027-01-15");
  bool liverpool_open = false, kochi_open = false;
  for (const auto& p : c["without_validity"]) {
    liverpool_open = liverpool_open || p == "surabaya-liverpool";
    kochi_open = kochi_open || p == "surabaya-kochi";
  }
  EXPECT_TRUE(liverpool_open) << "signed 2018 with no validity in the studies";
  EXPECT_FALSE(kochi_open) << "its renewal has a validity now";
  auto text = testing::RunKembar(dir, "calendar --region id-surabaya --as-of 2026-06-01 --lang id");
  EXPECT_NE(text.out.find("MoU tanpa masa berlaku yang tercatat"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace kembar

namespace kembar {
namespace {

TEST(SearchCliTest, FindsByAnyNameInEitherLanguageAndRegionsByName) {
  const std::string dir = testing::TempDir();
  ASSERT_EQ(testing::RunKembar(
                dir, "import '" + testing::SourcePath("data/indonesia.dossier.json") + "' -q")
                .exit_code,
            0);
  // A country in Indonesian, everyday or official: every partnership with a partner there.
  for (const char* japan : {"Jepang", "japan", "JP"}) {
    auto o = testing::RunKembar(dir, std::string("search ") + japan + " --json");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    const nlohmann::json doc = nlohmann::json::parse(o.out);
    EXPECT_EQ(doc["country"], "JP") << japan;
    bool kochi = false;
    for (const auto& p : doc["partnerships"]) kochi = kochi || p["id"] == "surabaya-kochi";
    EXPECT_TRUE(kochi) << japan;
  }
  for (const char* china : {"Tiongkok", "Cina"}) {
    const nlohmann::json doc = nlohmann::json::parse(
        testing::RunKembar(dir, std::string("search ") + china + " --json").out);
    EXPECT_EQ(doc["country"], "CN") << china;
  }
  EXPECT_EQ(nlohmann::json::parse(testing::RunKembar(dir, "search Inggris --json").out)["country"],
            "GB");
  // Accents and case do not matter; the gazetteer answers too.
  const nlohmann::json kochi =
      nlohmann::json::parse(testing::RunKembar(dir, "search KŌCHI --json").out);
  ASSERT_FALSE(kochi["regions"].empty());
  EXPECT_EQ(kochi["regions"][0]["id"], "jp-kochi");
  EXPECT_FALSE(kochi["places"].empty());
  auto id = testing::RunKembar(dir, "search Jepang --lang id");
  EXPECT_NE(id.out.find("Negara: Jepang"), std::string::npos) << id.out;
  // --region takes a name.
  auto by_name = testing::RunKembar(dir, "status --region 'Kota Surabaya' --as-of 2013-12-31");
  ASSERT_EQ(by_name.exit_code, 0) << by_name.err;
  EXPECT_NE(by_name.out.find("surabaya-seattle"), std::string::npos);
  EXPECT_EQ(testing::RunKembar(dir, "status --region Atlantis").exit_code, 3);
  // show speaks Indonesian too.
  auto show = testing::RunKembar(dir, "show semarang-beihai --lang id");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("Kota Semarang (Indonesia) – Kota Beihai (Tiongkok), kota kembar"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("14 Oktober 2008"), std::string::npos);
  EXPECT_NE(show.out.find("penandatanganan MoU"), std::string::npos);
}

TEST_F(RecordsCliTest, AddAndEditRegionsAndPartnershipsWithoutJsonFiles) {
  // A new region, then a partnership between it and a stored one, from flags alone.
  Output region = RunKembar(dir_,
                            "region add --set id=id-surakarta --set 'name=Kota Surakarta' "
                            "--set country=ID --set level=city --set lat=-7.5667 "
                            "--set lon=110.8167");
  ASSERT_EQ(region.exit_code, 0) << region.err;
  EXPECT_NE(region.out.find("added region id-surakarta"), std::string::npos) << region.out;
  Output add = RunKembar(dir_,
                         "partnership add --set id=surakarta-liverpool --set kind=sister_city "
                         "--set 'parties=[\"id-surakarta\", \"gb-liverpool\"]'");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  json p = Partnership("surakarta-liverpool");
  EXPECT_EQ(p["parties"][0], "id-surakarta");
  EXPECT_TRUE(p["events"].empty());

  // An edit keeps the events; the change record holds before and after.
  ASSERT_EQ(
      RunKembar(dir_, "event add surakarta-liverpool --type initiated --date 2025-03").exit_code,
      0);
  Output edit =
      RunKembar(dir_, "partnership edit surakarta-liverpool --set 'title=Solo – Liverpool'");
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  EXPECT_NE(edit.out.find("title: (none) -> \"Solo – Liverpool\""), std::string::npos) << edit.out;
  p = Partnership("surakarta-liverpool");
  EXPECT_EQ(p["title"], "Solo – Liverpool");
  EXPECT_EQ(p["events"].size(), 1u);
  const json h = History("surakarta-liverpool");
  ASSERT_FALSE(h.empty());
  EXPECT_EQ(h.back()["action"], "partnership.edit");

  // Refusals name the member and change nothing.
  Output unknown_party = RunKembar(dir_,
                                   "partnership add --set id=x-y --set kind=sister_city "
                                   "--set 'parties=[\"id-nowhere\", \"gb-liverpool\"]'");
  EXPECT_EQ(unknown_party.exit_code, 2);
  EXPECT_NE(unknown_party.err.find("id-nowhere"), std::string::npos) << unknown_party.err;
  Output bad_kind = RunKembar(dir_, "partnership edit surakarta-liverpool --set kind=marriage");
  EXPECT_EQ(bad_kind.exit_code, 2);
  EXPECT_NE(bad_kind.err.find("partnership.kind"), std::string::npos) << bad_kind.err;
  Output twice =
      RunKembar(dir_, "region add --set id=id-surakarta --set name=Solo --set country=ID");
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_EQ(Partnership("surakarta-liverpool")["kind"], "sister_city");
  Output rename = RunKembar(dir_, "region edit id-surakarta --set id=id-solo");
  EXPECT_EQ(rename.exit_code, 2);
  // In Indonesian too.
  Output id_msg = RunKembar(dir_, "--lang id partnership edit surakarta-liverpool --set kind=x");
  EXPECT_NE(id_msg.err.find("tidak ada yang diubah"), std::string::npos) << id_msg.err;
}

}  // namespace
}  // namespace kembar
