// The read endpoints of the API without sockets, on the real dossier
// (data/indonesia.dossier.json): each answer is checked against the facade's own
// answer to the same question (and the renderer the CLI uses), plus the 400/404
// cases, the Indonesian variant and the refresh of the assessment snapshot.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "kembar/assess/calendar.h"
#include "kembar/assess/messages.h"
#include "kembar/kembar.h"
#include "kembar/report/assessment_json.h"
#include "kembar/report/assessment_text.h"
#include "kembar/report/network_text.h"
#include "server/api.h"
#include "server/api_fixture.h"
#include "testing/fixtures.h"

namespace kembar::server {
namespace {

using nlohmann::json;
constexpr const char* kDay = "2024-06-30";

Day TestDay() { return *ParseDay(kDay); }

// The API fixture (api_fixture.h: every answer is checked against the OpenAPI
// description) with one more user, wati, a viewer who reads in Indonesian.
class ReadApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    ASSERT_TRUE(
        accounts_->CreateUser({"wati", Role::kViewer, {}, kPassword, "id"}, {"t", ""}).ok());
    viewer_ = LogIn("budi");
  }

  // A session token for `user`.
  std::string LogIn(const std::string& user) { return ApiTest::LogIn(user).token; }
  // A request with `token` as Bearer (none when empty).
  HttpResponse Raw(const std::string& method, const std::string& target, const std::string& body,
                   const std::string& token) {
    std::map<std::string, std::string> headers;
    if (!token.empty()) headers["authorization"] = "Bearer " + token;
    return Call(method, target, body, std::move(headers));
  }
  // GET as the viewer (or `token`).
  HttpResponse Get(const std::string& target, const std::string& token = "") {
    return Raw("GET", target, "", token.empty() ? viewer_ : token);
  }
  // GET expecting 200 and a JSON body.
  json GetJson(const std::string& target, const std::string& token = "") {
    HttpResponse r = Get(target, token);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    return json::parse(r.body);
  }
  // Expects `status` with the error's field naming `field`.
  void ExpectError(const std::string& target, int status, const std::string& field) {
    HttpResponse r = Get(target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    json b = json::parse(r.body);
    EXPECT_EQ(b.value("field", ""), field) << target << ": " << r.body;
  }
  // The whole store assessed by the facade, as `kembar assess/status --db` does.
  AssessReport AssessAllViaFacade() {
    AssessParams params;
    params.options.as_of = TestDay();
    auto r = kembar_->Assess(params);
    EXPECT_TRUE(r.ok());
    return std::move(r).value();
  }

  std::string viewer_;
};

TEST_F(ReadApiTest, EveryReadEndpointNeedsALogin) {
  for (const char* target :
       {"/api/regions", "/api/regions/id-surabaya", "/api/partnerships/surabaya-busan/history",
        "/api/partnerships/surabaya-busan/assessment", "/api/status", "/api/todo", "/api/calendar",
        "/api/calendar.ics", "/api/search?q=x", "/api/find-partners?region=x", "/api/network/stats",
        "/api/network/ego?place=x", "/api/network/export?format=gexf",
        "/api/relations?a=id&b=jp"}) {
    EXPECT_EQ(Raw("GET", target, "", "").status, 401) << target;
  }
}

TEST_F(ReadApiTest, RegionsListsTheStoredRegionsAndFilters) {
  auto rows = kembar_->Regions();
  ASSERT_TRUE(rows.ok());
  json all = GetJson("/api/regions");
  EXPECT_EQ(all["total"], rows->size());
  ASSERT_EQ(all["items"].size(), rows->size());
  json some = GetJson("/api/regions?text=SURABAYA");
  ASSERT_GE(some["total"].get<int>(), 1);
  for (const json& r : some["items"]) {
    EXPECT_NE(r.dump().find("urabaya"), std::string::npos) << r.dump();
  }
  EXPECT_EQ(some["items"][0]["id"], "id-surabaya");
  EXPECT_EQ(some["items"][0]["country_name"], "Indonesia");
}

TEST_F(ReadApiTest, RegionsCarryTheirNamesParentAndCoordinates) {
  // The dossier's region: {"names": {"id": "Kota Surabaya", "en": "Surabaya"},
  // "parent": "id-jawa-timur", "lat": -7.2575, "lon": 112.7521}.
  json all = GetJson("/api/regions");
  const json* surabaya = nullptr;
  const json* bali = nullptr;
  size_t placed = 0;
  for (const json& r : all["items"]) {
    if (r["id"] == "id-surabaya") surabaya = &r;
    if (r["id"] == "id-bali") bali = &r;
    EXPECT_TRUE(r["names"].is_object()) << r.dump();
    EXPECT_EQ(r.contains("lat"), r.contains("lon")) << r.dump();
    placed += r.contains("lat");
  }
  ASSERT_NE(surabaya, nullptr);
  EXPECT_EQ((*surabaya)["names"], json({{"en", "Surabaya"}, {"id", "Kota Surabaya"}}));
  EXPECT_EQ((*surabaya)["parent"], "id-jawa-timur");
  EXPECT_DOUBLE_EQ((*surabaya)["lat"].get<double>(), -7.2575);
  EXPECT_DOUBLE_EQ((*surabaya)["lon"].get<double>(), 112.7521);
  // Bali has no coordinates in the dossier: none are made up.
  ASSERT_NE(bali, nullptr);
  EXPECT_FALSE(bali->contains("lat"));
  EXPECT_EQ((*bali)["parent"], nullptr);
  EXPECT_EQ(placed, all["total"].get<size_t>() - 18) << "the dossier's 18 regions without lat/lon";
  // Search by another language's name still works from the names object.
  EXPECT_EQ(GetJson("/api/regions?text=kota%20surabaya")["items"][0]["id"], "id-surabaya");
}

TEST_F(ReadApiTest, RegionResolvesNamesAndListsItsPartnerships) {
  store::Selection sel;
  sel.region_id = "id-surabaya";
  auto summaries = kembar_->List(sel);
  ASSERT_TRUE(summaries.ok());
  json byname = GetJson("/api/regions/Surabaya");
  EXPECT_EQ(byname["region"]["id"], "id-surabaya");
  ASSERT_EQ(byname["partnerships"].size(), summaries->size());
  EXPECT_GE(summaries->size(), 10u);
  std::set<std::string> ids;
  for (const json& p : byname["partnerships"]) ids.insert(p["id"]);
  EXPECT_TRUE(ids.count("surabaya-busan"));
  EXPECT_EQ(GetJson("/api/regions/id-surabaya"), byname);
  ExpectError("/api/regions/atlantis", 404, "");
}

TEST_F(ReadApiTest, RegionPartnershipsCarryCoordinatesConditionAndDistance) {
  json r = GetJson(std::string("/api/regions/id-surabaya?as_of=") + kDay);
  EXPECT_EQ(r["as_of"], kDay);
  EXPECT_DOUBLE_EQ(r["region"]["lat"].get<double>(), -7.2575);
  // The condition and distance are the dashboards' snapshot's, as of the day asked.
  AssessOptions options;
  options.as_of = TestDay();
  auto snapshot = kembar_->AssessAll(options);
  ASSERT_TRUE(snapshot.ok());
  const AssessSnapshot& s = **snapshot;
  ASSERT_EQ(r["partnerships"].size(), 11u);
  for (const json& p : r["partnerships"]) {
    const auto& a = s.report.assessments.at(s.index.at(p["id"]));
    EXPECT_EQ(p["condition"], std::string(ToString(a.condition))) << p["id"];
    ASSERT_TRUE(a.indicators.distance_km) << p["id"];
    EXPECT_NEAR(p["distance_km"].get<double>(), *a.indicators.distance_km, 0.05) << p["id"];
    EXPECT_DOUBLE_EQ(p["home"]["lat"].get<double>(), -7.2575) << p["id"];
    EXPECT_DOUBLE_EQ(p["home"]["lon"].get<double>(), 112.7521) << p["id"];
    EXPECT_TRUE(p["partner"].contains("lat") && p["partner"].contains("lon")) << p.dump();
    if (p["id"] == "surabaya-liverpool") {
      // gb-liverpool in the dossier, about 12,340 km from Surabaya.
      EXPECT_NEAR(p["partner"]["lat"].get<double>(), 53.4, 0.1);
      EXPECT_NEAR(p["distance_km"].get<double>(), 12342, 5);
    }
  }
  // Without as_of: today's snapshot (the fixture's clock).
  json today = GetJson("/api/regions/id-surabaya");
  EXPECT_EQ(today["as_of"], FormatDay(std::chrono::floor<std::chrono::days>(
                                std::chrono::sys_seconds(std::chrono::seconds(now_)))));
  ExpectError("/api/regions/id-surabaya?as_of=2024-02-30", 400, "as_of");
}

TEST_F(ReadApiTest, HistoryListsTheChangeRecordsOldestFirst) {
  auto records = kembar_->History("surabaya-busan");
  ASSERT_TRUE(records.ok());
  ASSERT_FALSE(records->empty());
  json h = GetJson("/api/partnerships/surabaya-busan/history");
  ASSERT_EQ(h["items"].size(), records->size());
  EXPECT_EQ(h["items"][0]["action"], records->front().action);
  EXPECT_EQ(h["items"][0]["seq"], records->front().seq);
  // An edit adds a record with the event before (null) and after (an object).
  EventEdit edit;
  edit.partnership_id = "surabaya-busan";
  edit.event_json = R"({"type":"visit","date":"2024-05-01","title":"Delegation"})";
  edit.actor.name = "siti";
  ASSERT_TRUE(kembar_->EditEvent(edit).ok());
  h = GetJson("/api/partnerships/surabaya-busan/history");
  ASSERT_EQ(h["items"].size(), records->size() + 1);
  const json& last = h["items"].back();
  EXPECT_GT(last["seq"].get<int64_t>(), h["items"][0]["seq"].get<int64_t>());
  EXPECT_EQ(last["actor"], "siti");
  EXPECT_TRUE(last["before"].is_null());
  EXPECT_TRUE(last["after"].is_object()) << last.dump();
  ExpectError("/api/partnerships/no-such/history", 404, "");
}

TEST_F(ReadApiTest, AssessmentIsTheCliDocument) {
  AssessParams params;
  params.selection.partnership_id = "surabaya-busan";
  params.options.as_of = TestDay();
  auto r = kembar_->Assess(params);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->assessments.size(), 1u);
  HttpResponse resp =
      Get("/api/partnerships/surabaya-busan/assessment?lang=en&as_of=" + std::string(kDay));
  ASSERT_EQ(resp.status, 200) << resp.body;
  // What `kembar assess --partnership surabaya-busan --json` prints.
  EXPECT_EQ(resp.body, report::AssessmentJson(r->assessments, TestDay()));
  json a = json::parse(resp.body);
  EXPECT_EQ(a["partnerships"][0]["condition"], std::string(ToString(r->assessments[0].condition)))
      << resp.body.substr(0, 400);
  // In Indonesian: the same codes, other texts, as the renderer writes them.
  HttpResponse id =
      Get("/api/partnerships/surabaya-busan/assessment?lang=id&as_of=" + std::string(kDay));
  ASSERT_EQ(id.status, 200);
  EXPECT_EQ(id.body, report::AssessmentJson(r->assessments, TestDay(), 2, Lang::kId));
  EXPECT_NE(id.body, resp.body);
  // The user's preferred language when ?lang= is absent.
  EXPECT_EQ(
      Get("/api/partnerships/surabaya-busan/assessment?as_of=" + std::string(kDay), LogIn("wati"))
          .body,
      id.body);
  ExpectError("/api/partnerships/surabaya-busan/assessment?as_of=2024-13-40", 400, "as_of");
  ExpectError("/api/partnerships/surabaya-busan/assessment?as_of=yesterday", 400, "as_of");
  ExpectError("/api/partnerships/surabaya-busan/assessment?lang=fr", 400, "lang");
  ExpectError("/api/partnerships/no-such/assessment", 404, "");
}

TEST_F(ReadApiTest, StatusHasTheCliNumbers) {
  const AssessReport all = AssessAllViaFacade();
  for (auto [by, group_by] : {std::pair{"province", report::GroupBy::kProvince},
                              std::pair{"country", report::GroupBy::kCountry}}) {
    json s = GetJson(std::string("/api/status?by=") + by + "&as_of=" + kDay + "&lang=en");
    // `kembar status --by BY --json` over the same assessments.
    json cli = json::parse(
        report::StatusByJson(all.dossier, all.assessments, group_by, TestDay(), Lang::kEn));
    EXPECT_TRUE(s.contains("version"));
    s.erase("version");
    EXPECT_EQ(s, cli) << by;
  }
  // And independently: the counts per condition are the facade's assessments'.
  json s = GetJson(std::string("/api/status?as_of=") + kDay);
  EXPECT_EQ(s["by"], "province");
  EXPECT_EQ(s["total"], all.assessments.size());
  std::map<std::string, size_t> counts;
  for (const auto& a : all.assessments) ++counts[std::string(ToString(a.condition))];
  size_t grouped = 0;
  for (const json& g : s["groups"]) grouped += g["total"].get<size_t>();
  EXPECT_EQ(grouped, all.assessments.size());
  for (const auto& [condition, n] : counts) EXPECT_EQ(s["conditions"][condition], n) << condition;
  // The national totals: every reason over ALL the partnerships, the MoUs.
  std::map<std::string, size_t> reasons;
  size_t signed_ = 0, idle = 0;
  for (const auto& a : all.assessments) {
    for (const auto& c : a.concepts) {
      if (!assess::IsAdvisory(c.code)) ++reasons[std::string(ToString(c.code))];
    }
    if (a.agreement.signed_) {
      ++signed_;
      idle +=
          a.condition == assess::Condition::kDormant || a.condition == assess::Condition::kEnded;
    }
  }
  EXPECT_EQ(s["mou_signed"], signed_);
  EXPECT_EQ(s["mou_not_active"], idle);
  EXPECT_GT(signed_, 0u);
  ASSERT_EQ(s["reasons"].size(), reasons.size());
  for (const json& r : s["reasons"]) EXPECT_EQ(r["count"], reasons.at(r["code"])) << r.dump();
  for (size_t i = 1; i < s["reasons"].size(); ++i) {
    EXPECT_GE(s["reasons"][i - 1]["count"], s["reasons"][i]["count"]);
  }
  size_t groups_signed = 0;
  for (const json& g : s["groups"]) groups_signed += g["mou_signed"].get<size_t>();
  EXPECT_EQ(groups_signed, signed_);
  // More reasons than any group's three: the totals are not the groups' sums.
  EXPECT_GT(s["reasons"].size(), 3u);
}

TEST_F(ReadApiTest, StatusGroupsHaveStableIdsAndLocalNames) {
  auto find = [](const json& s, const std::string& id) -> json {
    for (const json& g : s["groups"]) {
      if (g["id"] == id) return g;
    }
    return nullptr;
  };
  json en = GetJson(std::string("/api/status?by=province&as_of=") + kDay + "&lang=en");
  json id = GetJson(std::string("/api/status?by=province&as_of=") + kDay + "&lang=id");
  // East Java: the province's region id, its name in each language (names.en).
  json east_en = find(en, "id-jawa-timur");
  json east_id = find(id, "id-jawa-timur");
  ASSERT_FALSE(east_en.is_null()) << en.dump();
  EXPECT_EQ(east_en["name"], "East Java");
  EXPECT_EQ(east_id["name"], "Jawa Timur");
  EXPECT_EQ(east_en["total"], east_id["total"]);
  std::set<std::string> ids;
  for (const json& g : en["groups"]) EXPECT_TRUE(ids.insert(g["id"]).second) << g["id"];
  json countries = GetJson(std::string("/api/status?by=country&as_of=") + kDay + "&lang=id");
  json japan = find(countries, "JP");
  ASSERT_FALSE(japan.is_null());
  EXPECT_EQ(japan["name"], "Jepang");
}

TEST_F(ReadApiTest, StatusInIndonesianAndForOneRegion) {
  json en = GetJson(std::string("/api/status?by=country&as_of=") + kDay + "&lang=en");
  json id = GetJson(std::string("/api/status?by=country&as_of=") + kDay + "&lang=id");
  auto names = [](const json& s) {
    std::set<std::string> out;
    for (const json& g : s["groups"]) out.insert(g["name"]);
    return out;
  };
  EXPECT_TRUE(names(en).count("Japan"));
  EXPECT_TRUE(names(id).count("Jepang"));
  EXPECT_EQ(en["conditions"], id["conditions"]);
  json region = GetJson(std::string("/api/status?region=Surabaya&as_of=") + kDay);
  store::Selection sel;
  sel.region_id = "id-surabaya";
  EXPECT_EQ(region["total"], kembar_->List(sel)->size());
  ExpectError("/api/status?by=city", 400, "by");
  ExpectError("/api/status?as_of=2024-02-30", 400, "as_of");
  ExpectError("/api/status?region=atlantis", 404, "region");
}

TEST_F(ReadApiTest, SnapshotIsReusedAndRefreshedAfterAChange) {
  AssessOptions options;
  options.as_of = TestDay();
  auto first = kembar_->AssessAll(options);
  auto again = kembar_->AssessAll(options);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(first->get(), again->get());  // the same snapshot, not a recomputation
  const std::string target = std::string("/api/status?as_of=") + kDay;
  json before = GetJson(target);
  EXPECT_EQ(before["version"], (*first)->version);
  // A deletion shows in the next answer.
  DeleteParams del;
  del.id = "surabaya-busan";
  del.actor.name = "siti";
  ASSERT_TRUE(kembar_->Delete(del).ok());
  json after = GetJson(target);
  EXPECT_EQ(after["total"], before["total"].get<int>() - 1);
  EXPECT_GT(after["version"].get<int64_t>(), before["version"].get<int64_t>());
  // An import of the whole dossier brings it back.
  ASSERT_TRUE(kembar_->ImportFile(testing::SourcePath("data/indonesia.dossier.json")).ok());
  json reimported = GetJson(target);
  EXPECT_EQ(reimported["total"], before["total"]);
  EXPECT_EQ(reimported["conditions"], before["conditions"]);
  auto later = kembar_->AssessAll(options);
  ASSERT_TRUE(later.ok());
  EXPECT_NE(later->get(), first->get());
}

TEST_F(ReadApiTest, ConcurrentFirstRequestsComputeOnce) {
  AssessOptions options;
  options.as_of = TestDay();
  std::vector<std::thread> threads;
  std::vector<const AssessSnapshot*> got(4);
  for (size_t i = 0; i < got.size(); ++i) {
    threads.emplace_back([&, i] {
      auto s = kembar_->AssessAll(options);
      got[i] = s.ok() ? s->get() : nullptr;
    });
  }
  for (auto& t : threads) t.join();
  for (const AssessSnapshot* s : got) EXPECT_EQ(s, got[0]);
  EXPECT_NE(got[0], nullptr);
}

TEST_F(ReadApiTest, TodoIsTheFacadesAndAnEditorSeesItsRegions) {
  TodoParams params;
  params.assess.as_of = TestDay();
  params.within_days = 365;
  params.undated = true;
  auto todo = kembar_->Todo(params);
  ASSERT_TRUE(todo.ok());
  HttpResponse r = Get(std::string("/api/todo?within=365&all=1&lang=en&as_of=") + kDay);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body), json::parse(report::TodoJson(todo->items, TestDay(), Lang::kEn)));
  EXPECT_FALSE(todo->items.empty());
  // The editor of Surabaya: its own region by default.
  params.selection.region_id = "id-surabaya";
  auto own = kembar_->Todo(params);
  ASSERT_TRUE(own.ok());
  json mine = GetJson(std::string("/api/todo?within=365&all=1&as_of=") + kDay, LogIn("siti"));
  EXPECT_EQ(mine, json::parse(report::TodoJson(own->items, TestDay(), Lang::kEn)));
  EXPECT_LT(mine["items"].size(), json::parse(r.body)["items"].size());
  // Indonesian texts.
  json id = GetJson(std::string("/api/todo?within=365&all=1&lang=id&as_of=") + kDay);
  EXPECT_EQ(id, json::parse(report::TodoJson(todo->items, TestDay(), Lang::kId)));
  ExpectError("/api/todo?within=-1", 400, "within");
  ExpectError("/api/todo?within=soon", 400, "within");
  ExpectError("/api/todo?all=yes", 400, "all");
  ExpectError("/api/todo?region=atlantis", 404, "region");
}

TEST_F(ReadApiTest, CalendarJsonAndIcsAreTheCli) {
  CalendarParams params;
  params.assess.as_of = TestDay();
  params.months = 24;
  auto cal = kembar_->Calendar(params);
  ASSERT_TRUE(cal.ok());
  json j = GetJson(std::string("/api/calendar?months=24&as_of=") + kDay);
  EXPECT_EQ(
      j, json::parse(report::CalendarJson(cal->entries, cal->assessed.assessments, TestDay(), 24)));
  HttpResponse ics = Get(std::string("/api/calendar.ics?months=24&lang=id&as_of=") + kDay);
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_EQ(ics.content_type, "text/calendar; charset=utf-8");
  EXPECT_EQ(ics.body,
            report::CalendarIcs(cal->assessed.dossier, cal->entries, TestDay(), Lang::kId));
  EXPECT_TRUE(ics.body.starts_with("BEGIN:VCALENDAR\r\n"));
  // One region.
  params.selection.region_id = "id-surabaya";
  auto own = kembar_->Calendar(params);
  ASSERT_TRUE(own.ok());
  json mine = GetJson(std::string("/api/calendar?region=id-surabaya&months=24&as_of=") + kDay);
  EXPECT_EQ(mine, json::parse(report::CalendarJson(own->entries, own->assessed.assessments,
                                                   TestDay(), 24)));
  ExpectError("/api/calendar?months=0", 400, "months");
  ExpectError("/api/calendar.ics?as_of=x", 400, "as_of");
}

TEST_F(ReadApiTest, SearchFindsSurabayaAndNamesCountries) {
  json s = GetJson("/api/search?q=Surabaya");
  bool found = false;
  for (const json& r : s["regions"]) found = found || r["id"] == "id-surabaya";
  EXPECT_TRUE(found) << s.dump();
  EXPECT_FALSE(s["partnerships"].empty());
  json jp = GetJson("/api/search?q=Jepang&lang=id");
  EXPECT_EQ(jp["country"], "JP");
  EXPECT_EQ(jp["country_name"], "Jepang");
  EXPECT_EQ(GetJson("/api/search?q=Jepang&lang=en")["country_name"], "Japan");
  ExpectError("/api/search", 400, "q");
  ExpectError("/api/search?q=x&limit=0", 400, "limit");
}

TEST_F(ReadApiTest, NetworkFinderAndRelations) {
  // Ego: a known city lists a known partner.
  json ego = GetJson("/api/network/ego?place=id-surabaya&depth=1");
  std::set<std::string> partners;
  for (const json& p : ego["nodes"]) {
    if (p["ring"] == 1) partners.insert(p["name"]);
  }
  EXPECT_TRUE(partners.count("Busan")) << ego["nodes"].dump();
  EXPECT_TRUE(partners.count("Liverpool"));
  EXPECT_EQ(ego["nodes"][0]["id"], ego["center"]["id"]);
  EXPECT_EQ(ego["nodes"][0]["ring"], 0);
  EXPECT_EQ(ego["nodes"].size(), ego["node_count"].get<size_t>());
  EXPECT_EQ(ego["nodes"].size(), partners.size() + 1);
  EXPECT_FALSE(ego["text"].get<std::string>().empty());
  // Depth 1: the center's ties first (one per partner), then those among its partners.
  EXPECT_EQ(ego["edges"].size(), ego["edge_count"].get<size_t>());
  EXPECT_FALSE(ego["truncated"].get<bool>());
  ASSERT_GE(ego["edges"].size(), partners.size());
  for (size_t i = 0; i < ego["edges"].size(); ++i) {
    const json& e = ego["edges"][i];
    const bool center = e["source"] == ego["center"]["id"] || e["target"] == ego["center"]["id"];
    EXPECT_EQ(center, i < partners.size()) << i << ": " << e.dump();
  }
  // Depth 2 around Surabaya: the facade's neighbourhood, each tie between two listed
  // places, the center's ties first, and coordinates for the places.
  EgoParams ep;
  ep.place = "id-surabaya";
  ep.depth = 2;
  auto facade = kembar_->NetworkEgo(ep);
  ASSERT_TRUE(facade.ok());
  json two = GetJson("/api/network/ego?place=id-surabaya&depth=2");
  EXPECT_EQ(two["node_count"], facade->ego.graph.node_count());
  EXPECT_EQ(two["edge_count"], facade->ego.graph.edge_count());
  EXPECT_EQ(two["nodes"].size(), facade->ego.graph.node_count());
  std::map<std::string, int> ring;
  size_t with_coordinates = 0;
  for (const json& n : two["nodes"]) {
    ring[n["id"]] = n["ring"];
    with_coordinates += n.contains("lat") && n.contains("lon");
  }
  EXPECT_GT(with_coordinates, two["nodes"].size() * 9 / 10);
  const size_t shown = std::min<size_t>(facade->ego.graph.edge_count(), report::kMaxEgoEdges);
  ASSERT_EQ(two["edges"].size(), shown);
  EXPECT_EQ(two["truncated"], facade->ego.graph.edge_count() > report::kMaxEgoEdges);
  int previous = 0;
  for (const json& e : two["edges"]) {
    ASSERT_TRUE(ring.count(e["source"]) && ring.count(e["target"])) << e.dump();
    const int inner = std::min(ring[e["source"]], ring[e["target"]]);
    EXPECT_GE(inner, previous) << e.dump();
    previous = inner;
  }
  // A hub at depth 4: bounded.
  json hub = GetJson("/api/network/ego?place=id-surabaya&depth=4");
  EXPECT_LE(hub["edges"].size(), report::kMaxEgoEdges);
  EXPECT_EQ(hub["truncated"], hub["edge_count"].get<size_t>() > report::kMaxEgoEdges);
  // The gazetteer's spelling with a country finds the network's "Kōchi".
  EXPECT_EQ(GetJson("/api/network/ego?place=Kochi,%20JP&depth=1")["center"]["name"], "Kōchi");
  ExpectError("/api/network/ego?place=id-surabaya&depth=9", 400, "depth");
  ExpectError("/api/network/ego", 400, "place");
  ExpectError("/api/network/ego?place=Atlantis%20Nowhere", 404, "place");

  // Stats: the facade's numbers.
  auto stats = kembar_->NetworkStats({});
  ASSERT_TRUE(stats.ok());
  json st = GetJson("/api/network/stats");
  EXPECT_EQ(st["nodes"], stats->stats.nodes);
  EXPECT_EQ(st["edges"], stats->stats.edges);

  // Export: the right media type and a download name.
  HttpResponse g = Get("/api/network/export?format=graphml");
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.content_type, "application/graphml+xml");
  EXPECT_EQ(Header(g, "Content-Disposition"), "attachment; filename=\"kembar-network.graphml\"");
  EXPECT_NE(g.body.find("<graphml"), std::string::npos);
  HttpResponse geo = Get("/api/network/export?format=geojson&country=ID");
  ASSERT_EQ(geo.status, 200);
  EXPECT_EQ(geo.content_type, "application/geo+json");
  EXPECT_EQ(json::parse(geo.body)["type"], "FeatureCollection");
  EXPECT_EQ(Get("/api/network/export?format=gexf").content_type, "application/gexf+xml");
  ExpectError("/api/network/export?format=pdf", 400, "format");

  // Finder: the facade's candidates, with an explanation in the caller's language.
  FindOptions fo;
  fo.top = 5;
  fo.needs = {Field::kTourism};
  fo.today =
      std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(std::chrono::seconds(now_)));
  auto found = kembar_->FindPartners("Surabaya", fo);
  ASSERT_TRUE(found.ok());
  json f = GetJson("/api/find-partners?region=Surabaya&needs=tourism&limit=5&lang=id");
  // The top in "candidates"; two-way matches below it apart ("two_way_below").
  std::vector<finder::Candidate> top;
  for (const auto& c : found->candidates) {
    if (!c.beyond_top) top.push_back(c);
  }
  ASSERT_EQ(f["candidates"].size(), top.size());
  EXPECT_EQ(f.value("two_way_below", json::array()).size(), found->candidates.size() - top.size());
  for (size_t i = 0; i < top.size(); ++i) {
    const auto& c = top[i];
    EXPECT_EQ(f["candidates"][i]["name"], std::string(found->places[c.place].name));
    EXPECT_EQ(
        f["candidates"][i]["explanation"],
        report::CandidateExplanation(found->places[c.place], c, Lang::kId, found->region_name));
    EXPECT_TRUE(f["candidates"][i]["components"].contains("complementarity"));
    // The coordinates the distance is computed from.
    EXPECT_NEAR(f["candidates"][i]["lat"].get<double>(), found->places[c.place].lat, 1e-5);
    EXPECT_NEAR(f["candidates"][i]["lon"].get<double>(), found->places[c.place].lon, 1e-5);
  }
  EXPECT_DOUBLE_EQ(f["region_lat"].get<double>(), -7.2575);
  EXPECT_DOUBLE_EQ(f["region_lon"].get<double>(), 112.7521);
  ExpectError("/api/find-partners?region=Surabaya&needs=magic", 400, "needs");
  ExpectError("/api/find-partners", 400, "region");
  ExpectError("/api/find-partners?region=Atlantis%20Nowhere", 404, "region");

  // Relations.
  json rel = GetJson("/api/relations?a=id&b=Jepang&lang=id");
  EXPECT_EQ(rel["status"], "official");
  EXPECT_EQ(rel["b_name"], "Jepang");
  EXPECT_NE(rel["text"].get<std::string>().find("Jepang"), std::string::npos);
  ExpectError("/api/relations?a=id", 400, "b");
  ExpectError("/api/relations?a=id&b=Atlantis", 404, "b");
}

}  // namespace
}  // namespace kembar::server
