// /api/regions/{id}/profile: a region's partner-wanted profile read by every user and
// set or cleared by an admin or an editor of that region, as a region edit (the
// change record, the audit log), with bad values named in the caller's language.
#include <gtest/gtest.h>

#include "server/api_fixture.h"

namespace kembar::server {
namespace {

using nlohmann::json;

class ProfileApiTest : public ApiTest {
 protected:
  std::string Stored(const std::string& region) {
    auto p = kembar_->Profile(region);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? ProfileJson(p->profile).dump() : std::string();
  }
};

const char* kProfile = R"({
  "seeks": ["sports", "education"],
  "offers": ["environment", "smart_city", "environment"],
  "levels": ["city"],
  "countries": ["JP", "United Kingdom"],
  "contact": {"name": "Bagian Kerja Sama", "email": "ks@example.go.id"},
  "source": "Surat Wali Kota, 2026",
  "updated": "2026-11"
})";

TEST_F(ProfileApiTest, EveryUserReadsTheBundledProfile) {
  Login budi = LogIn("budi");
  HttpResponse r = Call("GET", "/api/regions/Surabaya/profile", "", Bearer(budi));
  ASSERT_EQ(r.status, 200) << r.body;
  json b = json::parse(r.body);
  EXPECT_EQ(b["region"]["id"], "id-surabaya");
  EXPECT_EQ(b["profile"]["seeks"][0], "sports");
  EXPECT_FALSE(b["can_edit"]);  // a viewer
  EXPECT_EQ(Call("GET", "/api/regions/id-surabaya/profile").status, 401);
  EXPECT_EQ(Call("GET", "/api/regions/nowhere/profile", "", Bearer(budi)).status, 404);
  // A region without one answers null.
  json bandung = json::parse(Call("GET", "/api/regions/id-bandung/profile", "", Bearer(budi)).body);
  EXPECT_TRUE(bandung["profile"].is_null());
  // GET /api/regions/{id} carries it too.
  json region = json::parse(Call("GET", "/api/regions/id-surabaya", "", Bearer(budi)).body);
  EXPECT_EQ(region["profile"], b["profile"]);
  // And so does the finder's answer, for a stored region.
  json found = json::parse(
      Call("GET", "/api/find-partners?region=id-surabaya&limit=3", "", Bearer(budi)).body);
  EXPECT_EQ(found["region_profile"], b["profile"]);
}

TEST_F(ProfileApiTest, AnEditorSetsAndClearsTheirRegionsProfileAndTheAuditLogSaysSo) {
  Login siti = LogIn("siti");
  HttpResponse put = Call("PUT", "/api/regions/id-surabaya/profile", kProfile, Bearer(siti));
  ASSERT_EQ(put.status, 200) << put.body;
  json b = json::parse(put.body);
  EXPECT_TRUE(b["can_edit"]);
  const json& p = b["profile"];
  EXPECT_EQ(p["seeks"], json({"sports", "education"}));
  EXPECT_EQ(p["offers"], json({"environment", "smart_city"}));  // duplicates dropped
  EXPECT_EQ(p["countries"], json({"JP", "GB"}));                // names stored as codes
  EXPECT_EQ(p["contact"], json({{"name", "Bagian Kerja Sama"}, {"email", "ks@example.go.id"}}));
  EXPECT_EQ(p["updated"], "2026-11");
  EXPECT_EQ(json::parse(Call("GET", "/api/regions/id-surabaya/profile", "", Bearer(siti)).body), b);

  // PUT replaces the whole profile: what is left out is removed.
  put = Call("PUT", "/api/regions/id-surabaya/profile",
             R"({"offers": ["tourism"], "contact": {"url": "https://kerjasama.example.go.id"}})",
             Bearer(siti));
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(
      json::parse(put.body)["profile"],
      json({{"offers", {"tourism"}}, {"contact", {{"url", "https://kerjasama.example.go.id"}}}}));

  // The change log and the audit log hold both edits, by siti.
  Login admin = LogIn("admin");
  json audit = json::parse(
      Call("GET", "/api/audit?region=id-surabaya&action=region.edit", "", Bearer(admin)).body);
  ASSERT_EQ(audit["total"], 2) << audit.dump();
  EXPECT_EQ(audit["items"][0]["actor"], "siti");
  EXPECT_EQ(audit["items"][0]["address"], "192.0.2.7");
  EXPECT_EQ(audit["items"][0]["after"]["profile"]["offers"], json({"tourism"}));
  EXPECT_EQ(audit["items"][1]["after"]["profile"]["seeks"], json({"sports", "education"}));

  HttpResponse del = Call("DELETE", "/api/regions/id-surabaya/profile", "", Bearer(siti));
  EXPECT_EQ(del.status, 204) << del.body;
  EXPECT_EQ(Stored("id-surabaya"), "null");
  EXPECT_TRUE(kembar_->VerifyChangeLog().ok());
}

TEST_F(ProfileApiTest, AnEditorOfAnotherRegionAndAViewerAreRefusedAndNothingChanges) {
  const std::string before = Stored("id-semarang");
  for (const char* user : {"siti", "budi"}) {
    SCOPED_TRACE(user);
    Login l = LogIn(user);
    HttpResponse put = Call("PUT", "/api/regions/id-semarang/profile", kProfile, Bearer(l));
    EXPECT_EQ(put.status, 403) << put.body;
    EXPECT_EQ(json::parse(put.body)["code"], "forbidden");
    HttpResponse del = Call("DELETE", "/api/regions/id-semarang/profile", "", Bearer(l));
    EXPECT_EQ(del.status, 403) << del.body;
    EXPECT_EQ(Stored("id-semarang"), before);
    EXPECT_FALSE(json::parse(
        Call("GET", "/api/regions/id-semarang/profile", "", Bearer(l)).body)["can_edit"]);
  }
  // An admin may.
  Login admin = LogIn("admin");
  EXPECT_EQ(Call("PUT", "/api/regions/id-semarang/profile", kProfile, Bearer(admin)).status, 200);
  EXPECT_NE(Stored("id-semarang"), before);
}

TEST_F(ProfileApiTest, ABadValueIsNamedInTheCallersLanguageAndNothingChanges) {
  Login siti = LogIn("siti");
  const std::string before = Stored("id-surabaya");
  struct Case {
    const char* body;
    const char* field;
    const char* said_en;
    const char* said_id;
  };
  const Case cases[] = {
      {R"({"seeks": ["sports", "education", "enviroment"]})", "seeks[2]", "is not a field",
       "bukan bidang"},
      {R"({"offers": "tourism"})", "offers", "a list", "daftar"},
      {R"({"levels": ["town"]})", "levels[0]", "is not a level", "bukan tingkat"},
      {R"({"countries": ["JP", "Atlantis"]})", "countries[1]", "not a country", "bukan kode"},
      {R"({"contact": {"email": "ks at example"}})", "contact.email", "not an e-mail",
       "bukan alamat surel"},
      {R"({"contact": {"url": "kerjasama.example"}})", "contact.url", "not a web address",
       "bukan alamat web"},
      {R"({"contact": "ks@example.go.id"})", "contact", "an object", "objek"},
      {R"({"contact": {"fax": "1"}})", "contact.fax", "unknown member", "tidak dikenal"},
      {R"({"updated": "November"})", "updated", "not a date", "bukan tanggal"},
      {R"({"wants": ["sports"]})", "wants", "unknown member", "tidak dikenal"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    for (const bool id : {false, true}) {
      HttpResponse r =
          Call("PUT", std::string("/api/regions/id-surabaya/profile") + (id ? "?lang=id" : ""),
               c.body, Bearer(siti));
      ASSERT_EQ(r.status, 400) << r.body;
      json b = json::parse(r.body);
      EXPECT_EQ(b["field"], c.field);
      EXPECT_NE(b["message"].get<std::string>().find(id ? c.said_id : c.said_en), std::string::npos)
          << b["message"];
    }
  }
  // Bounded: a long text and a long list.
  json long_source = {{"source", std::string(ProfileService::kMaxSource + 1, 'x')}};
  HttpResponse r =
      Call("PUT", "/api/regions/id-surabaya/profile", long_source.dump(), Bearer(siti));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["field"], "source");
  json many = {{"countries", json::array()}};
  for (int i = 0; i < 60; ++i) many["countries"].push_back("JP");
  r = Call("PUT", "/api/regions/id-surabaya/profile", many.dump(), Bearer(siti));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["field"], "countries");
  EXPECT_EQ(Stored("id-surabaya"), before);
}

}  // namespace
}  // namespace kembar::server
