// The API's writes: partnerships and events added, changed and deleted through the
// engine, with the role and region scope checked inside each write, If-Match
// versions (409 on a stale one), JSON paths for bad documents, imports and exports.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "server/api_fixture.h"

namespace kembar::server {
namespace {

using nlohmann::json;

class RecordsApiTest : public ApiTest {
 protected:
  // The history length of a partnership, through the facade.
  size_t Changes(const std::string& id) {
    auto h = kembar_->History(id);
    EXPECT_TRUE(h.ok());
    return h.ok() ? h->size() : 0;
  }
  std::string Export(const std::string& id) {
    ExportParams p;
    p.selection.partnership_id = id;
    auto text = kembar_->ExportJson(p);
    EXPECT_TRUE(text.ok()) << text.status().ToString();
    return text.ok() ? *text : std::string();
  }
  static std::map<std::string, std::string> With(std::map<std::string, std::string> h,
                                                 const std::string& name,
                                                 const std::string& value) {
    h[name] = value;
    return h;
  }
};

const char* kEvent = R"({"type": "visit", "date": "2026-03-19", "title": "Kunjungan balasan"})";

// Each role, each kind of change, inside and outside the editor's region (Surabaya).
TEST_F(RecordsApiTest, RoleMatrix) {
  struct Row {
    const char* user;
    const char* partnership;  // surabaya-* is inside siti's region, bandung-* outside
    int add_event, edit_partnership, delete_partnership;
  };
  const Row rows[] = {
      {"admin", "surabaya-seattle", 201, 200, 204}, {"admin", "bandung-namur", 201, 200, 204},
      {"siti", "surabaya-kochi", 201, 200, 204},    {"siti", "bandung-suwon", 403, 403, 403},
      {"budi", "surabaya-busan", 403, 403, 403},    {"budi", "bandung-cuenca", 403, 403, 403},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.user) + " on " + row.partnership);
    Login l = LogIn(row.user);
    const std::string base = std::string("/api/partnerships/") + row.partnership;
    const std::string before = Export(row.partnership);
    HttpResponse add = Call("POST", base + "/events", kEvent, Bearer(l));
    EXPECT_EQ(add.status, row.add_event) << add.body;
    HttpResponse edit = Call("PATCH", base, R"({"title": "Kemitraan yang diperbarui"})", Bearer(l));
    EXPECT_EQ(edit.status, row.edit_partnership) << edit.body;
    if (row.edit_partnership == 403) {
      EXPECT_EQ(json::parse(edit.body)["code"], "forbidden");
      EXPECT_EQ(Export(row.partnership), before) << "a refused change wrote something";
    }
    HttpResponse del = Call("DELETE", base, "", Bearer(l));
    EXPECT_EQ(del.status, row.delete_partnership) << del.body;
    const bool gone =
        kembar_->GetPartnership(row.partnership).status().code() == StatusCode::kNotFound;
    EXPECT_EQ(gone, row.delete_partnership == 204);
    // Reading stays open to every role.
    if (!gone) EXPECT_EQ(Call("GET", base, "", Bearer(l)).status, 200);
  }
}

TEST_F(RecordsApiTest, AnEditorCannotMoveAPartnershipOutOfOrIntoItsRegion) {
  Login siti = LogIn("siti");
  // Out of Surabaya: refused, though Surabaya is a party before the change.
  HttpResponse out = Call("PATCH", "/api/partnerships/surabaya-varna",
                          R"({"parties": ["id-bandung", "bg-varna"]})", Bearer(siti));
  EXPECT_EQ(out.status, 403) << out.body;
  // A new partnership of another region: refused; of its own: created.
  const std::string bandung = R"({"id": "bandung-x", "kind": "sister_city",
      "parties": ["id-bandung", "jp-kochi"], "events": []})";
  EXPECT_EQ(Call("POST", "/api/partnerships", bandung, Bearer(siti)).status, 403);
  const std::string own = R"({"id": "surabaya-x", "kind": "sister_city",
      "parties": ["id-surabaya", "jp-kochi"], "events": []})";
  HttpResponse created = Call("POST", "/api/partnerships", own, Bearer(siti));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Header(created, "Location"), "/api/partnerships/surabaya-x");
  EXPECT_EQ(json::parse(created.body)["partnership"]["parties"][0], "id-surabaya");
}

TEST_F(RecordsApiTest, VersionsRefuseStaleWritesWith409) {
  Login l = LogIn("siti");
  const std::string url = "/api/partnerships/surabaya-busan";
  HttpResponse got = Call("GET", url, "", Bearer(l));
  ASSERT_EQ(got.status, 200);
  const std::string etag = Header(got, "ETag");
  EXPECT_EQ(json::parse(got.body)["version"], etag.substr(1, etag.size() - 2));

  HttpResponse first = Call("POST", url + "/events", kEvent, With(Bearer(l), "if-match", etag));
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string next = Header(first, "ETag");
  EXPECT_NE(next, etag);
  EXPECT_EQ(Header(Call("GET", url, "", Bearer(l)), "ETag"), next);

  // The same old version again: someone else's change came first.
  const size_t changes = Changes("surabaya-busan");
  const std::string stored = Export("surabaya-busan");
  HttpResponse stale = Call("PATCH", url, R"({"title": "x"})", With(Bearer(l), "if-match", etag));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(json::parse(stale.body)["code"], "conflict");
  EXPECT_EQ(Call("DELETE", url, "", With(Bearer(l), "if-match", etag)).status, 409);
  EXPECT_EQ(Export("surabaya-busan"), stored);
  EXPECT_EQ(Changes("surabaya-busan"), changes);
  // The current version (weak or strong form) goes through.
  EXPECT_EQ(
      Call("PATCH", url, R"({"title": "x"})", With(Bearer(l), "if-match", "W/" + next)).status,
      200);
}

TEST_F(RecordsApiTest, TwoWritersRacingOnOnePartnershipGiveExactlyOne409) {
  Login a = LogIn("siti"), b = LogIn("admin");
  const std::string url = "/api/partnerships/surabaya-kitakyushu";
  const std::string etag = Header(Call("GET", url, "", Bearer(a)), "ETag");
  const size_t events_before =
      json::parse(Call("GET", url, "", Bearer(a)).body)["partnership"]["events"].size();
  std::atomic<int> go{0};
  HttpResponse ra, rb;
  auto writer = [&](const Login& l, const char* title, HttpResponse* out) {
    go.fetch_add(1);
    while (go.load() < 2) {
    }
    const std::string event =
        std::string(R"({"type": "activity", "date": "2026-04-01", "title": ")") + title + "\"}";
    *out = Call("POST", url + "/events", event, With(Bearer(l), "if-match", etag));
  };
  std::thread ta(writer, std::cref(a), "Rapat A", &ra);
  std::thread tb(writer, std::cref(b), "Rapat B", &rb);
  ta.join();
  tb.join();
  std::multiset<int> statuses = {ra.status, rb.status};
  EXPECT_EQ(statuses, (std::multiset<int>{201, 409})) << ra.body << rb.body;
  // Nothing lost: exactly the winner's event was added, and the loser can retry.
  json now = json::parse(Call("GET", url, "", Bearer(a)).body);
  EXPECT_EQ(now["partnership"]["events"].size(), events_before + 1);
  const HttpResponse& lost = ra.status == 409 ? ra : rb;
  (void)lost;
  HttpResponse retry =
      Call("POST", url + "/events", kEvent,
           With(Bearer(a), "if-match", Header(Call("GET", url, "", Bearer(a)), "ETag")));
  EXPECT_EQ(retry.status, 201) << retry.body;
}

TEST_F(RecordsApiTest, ABadEventIsAnsweredWithItsJsonPathAndNothingIsWritten) {
  Login l = LogIn("siti");
  const std::string before = Export("surabaya-liverpool");
  const size_t changes = Changes("surabaya-liverpool");
  HttpResponse r = Call("POST", "/api/partnerships/surabaya-liverpool/events",
                        R"({"type": "visit", "date": "19 Maret 2018", "title": "x"})", Bearer(l));
  ASSERT_EQ(r.status, 400) << r.body;
  json e = json::parse(r.body);
  EXPECT_EQ(e["code"], "invalid_input");
  EXPECT_EQ(e["field"], "event.date");
  ASSERT_FALSE(e["problems"].empty());
  EXPECT_EQ(e["problems"][0]["path"], "event.date");
  EXPECT_EQ(Export("surabaya-liverpool"), before);
  EXPECT_EQ(Changes("surabaya-liverpool"), changes);
  // In Indonesian for a user who asks for it.
  HttpResponse id = Call("POST", "/api/partnerships/surabaya-liverpool/events?lang=id",
                         R"({"type": "kunjungan", "date": "2018", "title": "x"})", Bearer(l));
  ASSERT_EQ(id.status, 400) << id.body;
  EXPECT_EQ(json::parse(id.body)["field"], "event.type");
  // Malformed JSON: its line and column.
  HttpResponse bad = Call("POST", "/api/partnerships/surabaya-liverpool/events",
                          "{\n  \"type\": \"visit\",\n  \"date\" 2018\n}", Bearer(l));
  ASSERT_EQ(bad.status, 400);
  EXPECT_NE(json::parse(bad.body)["message"].get<std::string>().find("line 3"), std::string::npos)
      << bad.body;
}

TEST_F(RecordsApiTest, EventsAreEditedReplacedAndDeleted) {
  Login l = LogIn("siti");
  const std::string url = "/api/partnerships/surabaya-seattle/events";
  HttpResponse add = Call("POST", url, kEvent, Bearer(l));
  ASSERT_EQ(add.status, 201) << add.body;
  const std::string id = json::parse(add.body)["event_id"];
  EXPECT_EQ(id.rfind("surabaya-seattle.", 0), 0u) << id;
  EXPECT_EQ(Header(add, "Location"), url + "/" + id);
  HttpResponse patch = Call("PATCH", url + "/" + id, R"({"participants": 12})", Bearer(l));
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_EQ(json::parse(patch.body)["event"]["participants"], 12);
  EXPECT_EQ(json::parse(patch.body)["event"]["title"], "Kunjungan balasan");
  HttpResponse put =
      Call("PUT", url + "/" + id,
           R"({"type": "visit", "date": "2026-03-20", "title": "Kunjungan"})", Bearer(l));
  ASSERT_EQ(put.status, 200) << put.body;
  json e = json::parse(put.body)["event"];
  EXPECT_EQ(e["id"], id);
  EXPECT_FALSE(e.contains("participants"));
  EXPECT_EQ(Call("DELETE", url + "/" + id, "", Bearer(l)).status, 204);
  EXPECT_EQ(Call("DELETE", url + "/" + id, "", Bearer(l)).status, 404);
  // Every change is in the partnership's history, under the user and address.
  auto h = kembar_->History("surabaya-seattle");
  ASSERT_TRUE(h.ok());
  ASSERT_GE(h->size(), 4u);
  EXPECT_EQ(h->back().action, "event.delete");
  EXPECT_EQ(h->back().actor, "siti");
}

TEST_F(RecordsApiTest, PutReplacesAPartnershipsOwnMembersAndKeepsItsEvents) {
  Login l = LogIn("admin");
  const std::string url = "/api/partnerships/surabaya-busan";
  json p = json::parse(Call("GET", url, "", Bearer(l)).body)["partnership"];
  const size_t events = p["events"].size();
  p.erase("events");
  p.erase("title");
  HttpResponse put = Call("PUT", url, p.dump(), Bearer(l));
  ASSERT_EQ(put.status, 200) << put.body;
  json now = json::parse(put.body)["partnership"];
  EXPECT_FALSE(now.contains("title"));
  EXPECT_EQ(now["events"].size(), events);
  HttpResponse id_change = Call("PATCH", url, R"({"id": "other"})", Bearer(l));
  EXPECT_EQ(id_change.status, 400);
  EXPECT_EQ(json::parse(id_change.body)["field"], "partnership.id");
}

TEST_F(RecordsApiTest, ImportIsAllOrNothingWithEveryProblemListed) {
  Login admin = LogIn("admin");
  const std::string before = Export("surabaya-liverpool");
  // Two problems in one document: both listed at their paths, nothing written.
  const std::string bad = R"({"format": "kembar-dossier/1", "regions": [], "partnerships": [
      {"id": "surabaya-liverpool", "kind": "sister_city", "parties": ["id-surabaya", "gb-liverpool"],
       "events": [{"type": "visit", "date": "2018-13", "title": "x"}]},
      {"id": "y", "kind": "twin", "parties": ["id-surabaya", "jp-kochi"], "events": []}]})";
  HttpResponse r = Call("POST", "/api/import?mode=replace", bad, Bearer(admin));
  ASSERT_EQ(r.status, 400) << r.body;
  json e = json::parse(r.body);
  ASSERT_GE(e["problems"].size(), 2u) << r.body;
  std::set<std::string> paths;
  for (const json& p : e["problems"]) paths.insert(p["path"]);
  EXPECT_TRUE(paths.count("partnerships[0].events[0].date")) << r.body;
  EXPECT_TRUE(paths.count("partnerships[1].kind")) << r.body;
  EXPECT_EQ(Export("surabaya-liverpool"), before);

  // The export of one region imports back as it is.
  HttpResponse exported = Call("GET", "/api/export?region=Kota+Surabaya", "", Bearer(admin));
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(Header(exported, "Content-Disposition").find("kembar-id-surabaya"), std::string::npos);
  // An editor may import its own region's records, unchanged regions included...
  Login siti = LogIn("siti");
  HttpResponse again = Call("POST", "/api/import", exported.body, Bearer(siti));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(json::parse(again.body)["partnerships_updated"].get<size_t>(),
            json::parse(exported.body)["partnerships"].size());
  EXPECT_EQ(Export("surabaya-liverpool"), before);
  // ...but not another region's, nor change a region that is not its own.
  HttpResponse bandung = Call("GET", "/api/export?region=id-bandung", "", Bearer(admin));
  HttpResponse refused = Call("POST", "/api/import", bandung.body, Bearer(siti));
  EXPECT_EQ(refused.status, 403) << refused.body;
  json renamed = json::parse(exported.body);
  for (json& region : renamed["regions"]) {
    if (region["id"] == "gb-liverpool") region["name"] = "Liverpool (renamed)";
  }
  HttpResponse foreign = Call("POST", "/api/import", renamed.dump(), Bearer(siti));
  EXPECT_EQ(foreign.status, 403) << foreign.body;
  EXPECT_EQ(Export("surabaya-liverpool"), before);
  // A viewer imports nothing.
  EXPECT_EQ(Call("POST", "/api/import", exported.body, Bearer(LogIn("budi"))).status, 403);
}

}  // namespace
}  // namespace kembar::server

namespace kembar::server {
namespace {

// A calendar app subscribes with the user's read-only feed token, without a session;
// renewing the token or disabling the user stops the old link.
TEST_F(ApiTest, TheCalendarFeedTokenServesTheIcsWithoutASession) {
  Login l = LogIn("siti");
  HttpResponse me = Call("GET", "/api/me", "", Bearer(l));
  ASSERT_EQ(me.status, 200) << me.body;
  const std::string feed = nlohmann::json::parse(me.body)["feed_token"];
  HttpResponse ics = Call("GET", "/api/calendar.ics?feed=" + feed);
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_EQ(ics.content_type, "text/calendar; charset=utf-8");
  EXPECT_TRUE(ics.body.starts_with("BEGIN:VCALENDAR")) << ics.body.substr(0, 80);
  // The feed token opens nothing else.
  EXPECT_EQ(Call("GET", "/api/calendar?feed=" + feed).status, 401);
  EXPECT_EQ(Call("GET", "/api/me", "", {{"authorization", "Bearer " + feed}}).status, 401);
  EXPECT_EQ(Call("GET", "/api/calendar.ics?feed=kbf_1_00").status, 401);
  // Renewed: the old link stops, the new one works.
  HttpResponse rotated = Call("POST", "/api/me/feed", "", Bearer(l));
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  const std::string renewed = nlohmann::json::parse(rotated.body)["feed_token"];
  EXPECT_NE(renewed, feed);
  EXPECT_EQ(Call("GET", "/api/calendar.ics?feed=" + feed).status, 401);
  EXPECT_EQ(Call("GET", "/api/calendar.ics?feed=" + renewed).status, 200);
  // A disabled user's feed stops too.
  UserUpdate off;
  off.disabled = true;
  ASSERT_TRUE(accounts_->UpdateUser("siti", off, {"admin", ""}).ok());
  EXPECT_EQ(Call("GET", "/api/calendar.ics?feed=" + renewed).status, 401);
}

}  // namespace
}  // namespace kembar::server

namespace kembar::server {
namespace {

// Answers are kept while the records stay the same, and only so long: an edit shows
// in the next answer.
TEST_F(ApiTest, AKeptAssessmentGivesWayToAnEdit) {
  Login l = LogIn("siti");
  const std::string url = "/api/partnerships/surabaya-busan/assessment?as_of=2024-06-30";
  HttpResponse first = Call("GET", url, "", Bearer(l));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Call("GET", url, "", Bearer(l)).body, first.body);
  ASSERT_EQ(Call("POST", "/api/partnerships/surabaya-busan/events",
                 R"({"type": "activity", "date": "2024-06-01", "title": "Pertukaran pelajar"})",
                 Bearer(l))
                .status,
            201);
  HttpResponse after = Call("GET", url, "", Bearer(l));
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(after.body, first.body);
  // Dormant for years, active again after the recorded activity.
  EXPECT_EQ(nlohmann::json::parse(first.body)["partnerships"][0]["condition"], "dormant");
  EXPECT_NE(nlohmann::json::parse(after.body)["partnerships"][0]["condition"], "dormant");
}

}  // namespace
}  // namespace kembar::server

namespace kembar::server {
namespace {

// A bad query parameter is named, in the caller's language.
TEST_F(ApiTest, BadParametersAreNamedInTheCallersLanguage) {
  Login l = LogIn("admin");
  HttpResponse en = Call("POST", "/api/import?mode=maybe", "{}", Bearer(l));
  ASSERT_EQ(en.status, 400);
  EXPECT_EQ(nlohmann::json::parse(en.body)["field"], "mode");
  EXPECT_NE(en.body.find("is refuse, merge or replace"), std::string::npos) << en.body;
  HttpResponse id = Call("GET", "/api/partnerships?page=0&lang=id", "", Bearer(l));
  ASSERT_EQ(id.status, 400);
  EXPECT_EQ(nlohmann::json::parse(id.body)["field"], "page");
  EXPECT_NE(id.body.find("bilangan bulat positif"), std::string::npos) << id.body;
}

}  // namespace
}  // namespace kembar::server
