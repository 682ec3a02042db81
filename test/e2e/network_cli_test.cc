// Black-box tests of `kembar network`: the Wikipedia pairs plus the stored
// partnerships, stats JSON, ego networks by region id, exports and charts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "testing/bundled_data_test.h"
#include "testing/fixtures.h"

namespace kembar {
namespace {

using nlohmann::json;

using Output = testing::CliOutput;
using testing::RunKembar;

class NetworkCliTest : public testing::BundledDataTest {};

TEST_F(NetworkCliTest, StatsCoverTheWikipediaPairsAndTheStoredPartnerships) {
  Output o = RunKembar(dir_, "network stats --json --sources 50");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json s = json::parse(o.out);
  for (const char* key : {"nodes", "edges", "components", "largest_component", "top_hubs"}) {
    EXPECT_TRUE(s.contains(key)) << key;
  }
  // 24,777 Wikipedia ties, plus the stored ties Wikipedia lacks (Surabaya–Kitakyushu,
  // Semarang's Jung-gu, Kitakyushu, Netherlands, Ulsan and Split ties).
  EXPECT_EQ(s["edges"], 24777 + 6);
  EXPECT_GT(s["largest_component"].get<int>(), 13000);
  // Time: the 12 stored MoUs with a year, Bandung–Braunschweig (1960) the oldest.
  EXPECT_EQ(s["time"]["ties_with_year"], 12);
  EXPECT_EQ(s["time"]["ties_by_decade"][0], json({{"decade", 1960}, {"ties", 1}}));
}

TEST_F(NetworkCliTest, EgoByRegionIdAndByName) {
  Output o = RunKembar(dir_, "network ego id-surabaya --depth 1 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const std::string text = o.out;
  for (const char* partner :
       {"Liverpool", "Seattle", "Busan", "Kitakyushu", "Varna", "Guangzhou"}) {
    EXPECT_NE(text.find(partner), std::string::npos) << partner;
  }
  EXPECT_EQ(RunKembar(dir_, "network ego 'Semarang, ID' --depth 2").exit_code, 0);
  EXPECT_EQ(RunKembar(dir_, "network ego 'No Such Town'").exit_code, 3);
}

TEST_F(NetworkCliTest, ExportsAndCharts) {
  ASSERT_EQ(RunKembar(dir_, "network export --format graphml -o world.graphml").exit_code, 0);
  EXPECT_EQ(std::system(("xmllint --noout --schema '" +
                         testing::SourcePath("test/network/graphml-1.0.xsd") + "' '" + dir_ +
                         "/world.graphml' 2>/dev/null")
                            .c_str()),
            0);
  ASSERT_EQ(RunKembar(dir_, "network export --format geojson --country ID -o id.geojson").exit_code,
            0);
  const json geo = json::parse(testing::ReadFileOrDie(dir_ + "/id.geojson"));
  EXPECT_EQ(geo["type"], "FeatureCollection");
  EXPECT_FALSE(geo["features"].empty());
  Output csv = RunKembar(dir_, "network export --format csv -o world.csv");
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_NE(csv.err.find("world-nodes.csv, world-edges.csv:"), std::string::npos) << csv.err;
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/world-nodes.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/world-edges.csv"));
  ASSERT_EQ(RunKembar(dir_, "network stats --country ID --plot deg.svg").exit_code, 0);
  const std::string svg = testing::ReadFileOrDie(dir_ + "/deg.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/deg-distance.svg"));
  EXPECT_EQ(RunKembar(dir_, "network stats --country Atlantis").exit_code, 3);
}

TEST_F(NetworkCliTest, TheWorldNetworkIsStoredBesideTheUsersPartnerships) {
  ASSERT_EQ(RunKembar(dir_, "export -o before.json --compact").exit_code, 0);
  Output first = RunKembar(dir_, "network import");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // 24,777 ties, less the 93 the bundled data already holds (83 Wikipedia pairs and 10
  // curated ones), are stored; the bundled regions are reused.
  EXPECT_NE(first.out.find("partnerships 24684 new"), std::string::npos) << first.out;
  Output again = RunKembar(dir_, "network import");
  EXPECT_NE(again.out.find("regions 0 new, 0 updated; partnerships 0 new"), std::string::npos)
      << again.out;
  // Marked by source, exported valid, and the graph is not counted twice.
  ASSERT_EQ(RunKembar(dir_, "export -o all.json --compact").exit_code, 0);
  EXPECT_EQ(RunKembar(dir_, "validate all.json").exit_code, 0);
  const json all = json::parse(testing::ReadFileOrDie(dir_ + "/all.json"));
  size_t wikipedia = 0;
  for (const json& p : all["partnerships"]) wikipedia += p.value("source", "") == "Wikipedia";
  EXPECT_EQ(wikipedia, 24684u + 83u);
  EXPECT_NE(all["attribution"].get<std::string>().find("Wikipedia"), std::string::npos);
  const json s = json::parse(RunKembar(dir_, "network stats --json --sources 20").out);
  EXPECT_EQ(s["edges"], 24777 + 6);
  // No tie id repeats the prefix of the places it joins.
  EXPECT_EQ(testing::ReadFileOrDie(dir_ + "/all.json").find("\"wp:wp:"), std::string::npos);

  // --remove takes out exactly what the network import stored: the user's records,
  // and the licence lines they carry, export as before.
  Output removed = RunKembar(dir_, "network import --remove");
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_NE(removed.out.find("removed"), std::string::npos) << removed.out;
  ASSERT_EQ(RunKembar(dir_, "export -o after.json --compact").exit_code, 0);
  EXPECT_EQ(json::parse(testing::ReadFileOrDie(dir_ + "/after.json")),
            json::parse(testing::ReadFileOrDie(dir_ + "/before.json")));
  Output history = RunKembar(dir_, "history --json");
  EXPECT_NE(history.out.find("network.remove"), std::string::npos);
}

TEST_F(NetworkCliTest, PlacesMeetTheGazetteer) {
  Output o = RunKembar(dir_, "network match --json --unmatched 5 --guessed 3");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json m = json::parse(o.out);
  if (m["matched"] == 0) GTEST_SKIP() << "the build could not fetch the gazetteer packages";
  // 14,027 of 17,155 places (81.8 %) at the time of writing (77.5 % by names alone,
  // before variants and similar names nearby): regions (Calabria), districts ("Prague
  // 8") and exonyms (Seville/Sevilla) are what remains.
  EXPECT_GE(m["match_rate"].get<double>(), 80.0);
  EXPECT_EQ(m["unmatched"].size(), 5u);
  // The guesses (732) are listed for review, each with the gazetteer place it met.
  EXPECT_GT(m["guessed_count"].get<size_t>(), 400u);
  ASSERT_EQ(m["guessed"].size(), 3u);
  for (const json& g : m["guessed"]) {
    EXPECT_FALSE(g["place"].get<std::string>().empty());
    EXPECT_FALSE(g["gazetteer"].get<std::string>().empty());
  }
  Output text = RunKembar(dir_, "network match --unmatched 0 --guessed 1000 --lang id");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("dicocokkan lewat varian nama"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Iloilo City, PH -> Iloilo\n"), std::string::npos);
}

TEST_F(NetworkCliTest, FindPartnersNeverOffersItselfOrAPartnerAndFlagsTaiwan) {
  Output o = RunKembar(dir_, "find-partners id-surabaya --top 1000 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json r = json::parse(o.out);
  EXPECT_EQ(r["region"], "id-surabaya");
  ASSERT_EQ(r["candidates"].size(), 1000u);
  const std::set<std::string> partners = {"Liverpool GB", "Seattle US",   "Busan KR",
                                          "Kochi JP",     "Kōchi JP",     "Guangzhou CN",
                                          "Xiamen CN",    "Varna BG",     "Kitakyushu JP",
                                          "Kaohsiung TW", "Monterrey MX", "Shah Alam MY"};
  double previous = 2;
  for (const json& c : r["candidates"]) {
    const std::string name = c["name"];
    EXPECT_NE(name, "Surabaya");
    EXPECT_FALSE(partners.count(name + " " + c["country"].get<std::string>()))
        << name << " is already a partner";
    EXPECT_NE(c["country"], "ID") << name;
    EXPECT_NE(c["country"], "IL") << "Indonesia and Israel have no relations: " << name;
    if (c["country"] == "TW") {
      EXPECT_NE(std::find(c["flags"].begin(), c["flags"].end(), "de_facto_relations"),
                c["flags"].end())
          << name;
    }
    EXPECT_LE(c["score"].get<double>(), previous) << "best first";
    previous = c["score"];
    for (const char* k : {"level", "similarity", "complementarity", "proximity", "network"}) {
      EXPECT_TRUE(c["components"].contains(k)) << k;
    }
  }
  // De facto relations halve the score, so Taiwanese places rank low; asked for, they
  // are offered, each flagged.
  Output tw = RunKembar(dir_, "find-partners id-surabaya --country Taiwan --json");
  ASSERT_EQ(tw.exit_code, 0) << tw.err;
  const json twr = json::parse(tw.out);
  ASSERT_FALSE(twr["candidates"].empty());
  for (const json& c : twr["candidates"]) {
    EXPECT_EQ(c["country"], "TW");
    EXPECT_EQ(c["relations"], "de_facto");
    EXPECT_NE(std::find(c["flags"].begin(), c["flags"].end(), "de_facto_relations"),
              c["flags"].end());
    EXPECT_NE(c["name"], "Kaohsiung") << "an existing partner";
  }
  EXPECT_TRUE(
      json::parse(
          RunKembar(dir_, "find-partners id-surabaya --country IL --json").out)["candidates"]
          .empty())
      << "no relations: never offered";
  // By an Indonesian or English place name; with needs; unknown names are refused.
  Output by_name = RunKembar(dir_, "find-partners 'Jawa Timur' --top 3 --json");
  ASSERT_EQ(by_name.exit_code, 0) << by_name.err;
  EXPECT_EQ(json::parse(by_name.out)["region"], "id-jawa-timur");
  EXPECT_EQ(json::parse(RunKembar(dir_, "find-partners 'East Java' --top 3 --json").out)["region"],
            "id-jawa-timur");
  Output needs =
      RunKembar(dir_, "find-partners Semarang --needs flood_management --country NL --json");
  ASSERT_EQ(needs.exit_code, 0) << needs.err;
  const json needs_doc = json::parse(needs.out);  // the loop must not range over a temporary
  for (const json& c : needs_doc["candidates"]) EXPECT_EQ(c["country"], "NL");
  EXPECT_EQ(RunKembar(dir_, "find-partners Xyzzyville").exit_code, 3);
  EXPECT_EQ(RunKembar(dir_, "find-partners id-surabaya --needs flying").exit_code, 2);
}

// Issue 14: any place is a subject: a gazetteer city with no partner, a province
// (Indonesian or English name), a stored region; ambiguous names list candidates.
TEST_F(NetworkCliTest, FindPartnersForAnyPlace) {
  Output city = RunKembar(dir_, "find-partners Surakarta --top 20 --json");
  ASSERT_EQ(city.exit_code, 0) << city.err;
  const json c = json::parse(city.out);
  EXPECT_EQ(c["region"].get<std::string>().rfind("geonames:", 0), 0u) << c["region"];
  ASSERT_EQ(c["candidates"].size(), 20u);
  for (const json& x : c["candidates"]) EXPECT_NE(x["country"], "ID") << x["name"];
  // The same city without its accents or case.
  Output folded = RunKembar(dir_, "find-partners 'SURAKARTA, Indonesia' --top 20 --json");
  ASSERT_EQ(folded.exit_code, 0) << folded.err;
  EXPECT_EQ(json::parse(folded.out)["region"], c["region"]);

  // A province nobody stored, by its Indonesian or English name, measured from its
  // capital; a stored province (Jawa Tengah, without coordinates) the same way.
  for (const char* province : {"'Kepulauan Bangka Belitung'", "'Bangka Belitung Islands'"}) {
    Output p = RunKembar(dir_, std::string("find-partners ") + province + " --top 5 --json");
    ASSERT_EQ(p.exit_code, 0) << province << ": " << p.err;
    const json pj = json::parse(p.out);
    EXPECT_EQ(pj["region"], "province:Kepulauan Bangka Belitung");
    EXPECT_EQ(pj["candidates"].size(), 5u);
  }
  for (const char* province : {"'Jawa Tengah'", "'Central Java'", "Bali"}) {
    Output p = RunKembar(dir_, std::string("find-partners ") + province + " --top 5 --json");
    ASSERT_EQ(p.exit_code, 0) << province << ": " << p.err;
    EXPECT_EQ(json::parse(p.out)["candidates"].size(), 5u) << province;
  }
  EXPECT_EQ(json::parse(RunKembar(dir_, "find-partners 'Central Java' --json").out)["region"],
            json::parse(RunKembar(dir_, "find-partners 'Jawa Tengah' --json").out)["region"]);

  // A stored region keeps its id; its partners are never offered.
  Output stored = RunKembar(dir_, "find-partners id-semarang --top 50 --json");
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  const json sj = json::parse(stored.out);
  EXPECT_EQ(sj["region"], "id-semarang");
  for (const json& x : sj["candidates"]) EXPECT_NE(x["name"], "Brisbane") << "a partner";

  // An ambiguous name lists its candidates and says how to choose: in the network
  // (Valencia) or in the gazetteer, accents aside (Cordoba).
  Output ambiguous = RunKembar(dir_, "find-partners Valencia");
  EXPECT_EQ(ambiguous.exit_code, 2) << ambiguous.out;
  EXPECT_NE(ambiguous.err.find("Valencia, ES"), std::string::npos) << ambiguous.err;
  Output cordoba = RunKembar(dir_, "find-partners Cordoba");
  EXPECT_EQ(cordoba.exit_code, 2) << cordoba.out;
  EXPECT_NE(cordoba.err.find("Córdoba, AR"), std::string::npos) << cordoba.err;
  EXPECT_EQ(RunKembar(dir_, "find-partners 'Cordoba, Argentina' --top 1").exit_code, 0);
}

// A foreign-cooperation office writes its government's kind: "Kota Surakarta",
// "Kabupaten Banyuwangi", "Provinsi Jawa Tengah", "Pemkot Semarang".
TEST_F(NetworkCliTest, FindPartnersReadsTheKindOfGovernment) {
  auto region_of = [&](const std::string& name) {
    Output o = RunKembar(dir_, "find-partners '" + name + "' --top 3 --json");
    EXPECT_EQ(o.exit_code, 0) << name << ": " << o.err;
    return o.exit_code == 0 ? json::parse(o.out)["region"].get<std::string>() : "";
  };
  EXPECT_EQ(region_of("Kota Surakarta"), region_of("Surakarta"));
  EXPECT_EQ(region_of("Surakarta City"), region_of("Surakarta"));
  EXPECT_EQ(region_of("Pemkot Semarang"), "id-semarang") << "the stored city, with its partners";
  EXPECT_EQ(region_of("Provinsi Jawa Tengah"), region_of("Jawa Tengah"));
  EXPECT_EQ(region_of("Central Java Province"), region_of("Jawa Tengah"));
  EXPECT_EQ(region_of("Kab. Sleman"), region_of("Sleman"));
  EXPECT_EQ(region_of("Kabupaten Banyuwangi"), region_of("Banyuwangi"));
  // The kind is only read when the whole name is not a place: Kota Kinabalu is one.
  EXPECT_EQ(region_of("Kota Kinabalu"), "MY:kota kinabalu");
  // Kabupaten Semarang is another government than Kota Semarang: never taken for it.
  Output regency = RunKembar(dir_, "find-partners 'Kabupaten Semarang' --lang id");
  EXPECT_EQ(regency.exit_code, 3) << regency.out;
  EXPECT_NE(regency.err.find("tidak ada kabupaten 'Semarang'"), std::string::npos) << regency.err;

  // A new record, made without coordinates, is placed where the gazetteer has it and
  // keeps its id; a regency the gazetteer does not know asks for coordinates.
  ASSERT_EQ(RunKembar(dir_,
                      "region add --set id=id-surakarta --set 'name=Kota Surakarta' "
                      "--set country=ID --set level=city")
                .exit_code,
            0);
  Output stored = RunKembar(dir_, "find-partners id-surakarta --top 5 --json");
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  Output place = RunKembar(dir_, "find-partners Surakarta --top 5 --json");
  ASSERT_EQ(place.exit_code, 0) << place.err;
  const json sj = json::parse(stored.out), pj = json::parse(place.out);
  EXPECT_EQ(sj["region"], "id-surakarta");
  ASSERT_EQ(sj["candidates"].size(), 5u);
  for (size_t k = 0; k < 5; ++k)
    EXPECT_EQ(sj["candidates"][k]["name"], pj["candidates"][k]["name"]);
  ASSERT_EQ(RunKembar(dir_,
                      "region add --set id=id-kab-semarang --set 'name=Kabupaten Semarang' "
                      "--set country=ID --set level=regency")
                .exit_code,
            0);
  Output no_place = RunKembar(dir_, "find-partners id-kab-semarang");
  EXPECT_EQ(no_place.exit_code, 2) << no_place.out;
  EXPECT_NE(no_place.err.find("no coordinates"), std::string::npos) << no_place.err;
}

// Issue 14: the finder measured on real ties held out of everything it sees, beside
// baselines over the same candidates.
TEST_F(NetworkCliTest, FinderEvaluateHoldsOutIndonesianTies) {
  Output o = RunKembar(dir_, "finder evaluate --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json r = json::parse(o.out);
  // Every tie of an Indonesian place having at least two ties in the Wikipedia list.
  EXPECT_EQ(r["pairs"], 73);
  EXPECT_EQ(r["ranks"].size(), 73u);
  for (const char* m : {"finder", "gravity", "degree", "random"}) {
    ASSERT_TRUE(r["methods"].contains(m)) << m;
    for (const char* k : {"hit@10", "hit@100", "mrr"}) {
      EXPECT_GE(r["methods"][m][k].get<double>(), 0) << m << k;
      EXPECT_LE(r["methods"][m][k].get<double>(), 1) << m << k;
    }
  }
  const json& f = r["methods"]["finder"];
  const json& g = r["methods"]["gravity"];
  // The learned ranking beats gravity on the Indonesian ties, at 10 and at 100 (with
  // the bundled dossier stored: 13.7 % / 34.2 % against 8.2 % / 28.8 %).
  EXPECT_GT(f["hit@10"].get<double>(), g["hit@10"].get<double>());
  EXPECT_GT(f["hit@100"].get<double>(), g["hit@100"].get<double>());
  EXPECT_GT(f["mrr"].get<double>(), g["mrr"].get<double>());
  EXPECT_LT(r["methods"]["random"]["hit@100"].get<double>(), 0.05);
  EXPECT_NE(o.err.find("73"), std::string::npos) << "progress on stderr";
  // On the Wikipedia list alone (no database), the goal at 10: 15 %.
  Output alone = RunKembar(dir_, "finder evaluate --json --db " + dir_ + "/none.db");
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  EXPECT_GE(json::parse(alone.out)["methods"]["finder"]["hit@10"].get<double>(), 0.15);

  // A held-out partner is no longer excluded as a partner: Busan is ranked for Surabaya
  // (it would never be proposed while the tie is known).
  std::ofstream(dir_ + "/pairs.csv") << "city1,country1,city2,country2\n"
                                     << "Surabaya,Indonesia,Busan,South Korea\n"
                                     << "Nowhere,Atlantis,Busan,South Korea\n";
  Output one = RunKembar(dir_, "finder evaluate --holdout pairs.csv --k 1,100 --json");
  // Namesakes: Pașcani (Moldova) finds Pașcani (Romania) in its top 10 (1st) once their tie
  // is held out.
  std::ofstream(dir_ + "/namesakes.csv") << "city1,country1,city2,country2\n"
                                         << "Pașcani,Moldova,Pașcani,Romania\n";
  Output namesake = RunKembar(dir_, "finder evaluate --holdout namesakes.csv --json");
  ASSERT_EQ(namesake.exit_code, 0) << namesake.err;
  const double namesake_rank = json::parse(namesake.out)["ranks"][0]["finder"].get<double>();
  EXPECT_GE(namesake_rank, 1);
  EXPECT_LE(namesake_rank, 10);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const json oj = json::parse(one.out);
  EXPECT_EQ(oj["pairs"], 2);
  EXPECT_GT(oj["ranks"][0]["finder"].get<double>(), 0);
  EXPECT_EQ(oj["ranks"][1]["finder"], 0) << "a pair whose places cannot be found is a miss";
  EXPECT_EQ(oj["ranks"][1]["miss"], "city1_not_found");
  // Busan is 10th or 11th (a tenth of a logit decides), well inside 100.
  EXPECT_EQ(oj["methods"]["finder"]["hit@100"], 0.5);
  EXPECT_EQ(oj["methods"]["finder"]["hit@1"], 0);
  std::ofstream(dir_ + "/bad.csv") << "Surabaya,Indonesia\n";
  Output bad = RunKembar(dir_, "finder evaluate --holdout bad.csv");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.csv:1"), std::string::npos) << bad.err;
  EXPECT_EQ(RunKembar(dir_, "finder evaluate --k ten").exit_code, 2);
}

// Issue 14: an independent hold-out may name partnerships the Wikipedia list lacks.
// A subject the network does not know (Surakarta) is ranked as find-partners ranks a
// gazetteer place, with the same result; a spelling the network writes otherwise
// ("Nürnberg" for "Nuremberg", "Iloilo City") still finds the place.
TEST_F(NetworkCliTest, FinderEvaluateRanksPlacesTheNetworkLacksAsFindPartnersDoes) {
  Output top = RunKembar(dir_, "find-partners Surakarta --top 5 --json");
  ASSERT_EQ(top.exit_code, 0) << top.err;
  const json candidates = json::parse(top.out)["candidates"];
  ASSERT_EQ(candidates.size(), 5u);
  const json& fifth = candidates[4];
  std::ofstream(dir_ + "/independent.csv")
      << "city1,country1,city2,country2\n"
      << "Surakarta,Indonesia,\"" << fifth["name"].get<std::string>() << "\","
      << fifth["country"].get<std::string>() << "\n"
      << "Surabaya,Indonesia,Nürnberg,Germany\n"
      << "Iloilo City,Philippines,Palembang,Indonesia\n"
      << "Jawa Tengah,Indonesia,Fujian,China\n"
      << "Kota Surakarta,Indonesia,\"" << fifth["name"].get<std::string>() << "\","
      << fifth["country"].get<std::string>() << "\n";
  Output o = RunKembar(dir_, "finder evaluate --holdout independent.csv --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json r = json::parse(o.out);
  EXPECT_EQ(r["pairs"], 5);
  EXPECT_EQ(r["ranks"][0]["finder"], fifth["rank"]) << "as find-partners ranks it";
  EXPECT_EQ(r["ranks"][4]["finder"], fifth["rank"]) << "Kota Surakarta is Surakarta";
  EXPECT_GT(r["ranks"][1]["finder"].get<double>(), 0) << "Nürnberg is the network's Nuremberg";
  EXPECT_GT(r["ranks"][2]["finder"].get<double>(), 0) << "Iloilo City is Iloilo";
  EXPECT_EQ(r["ranks"][3]["finder"], 0) << "a Chinese province is no gazetteer place: a miss";
  EXPECT_EQ(r["ranks"][3]["miss"], "city2_not_in_gazetteer");
  EXPECT_FALSE(r["ranks"][0].contains("miss"));
  // The text says which pairs cannot be ranked, and why, in the reader's language.
  Output text = RunKembar(dir_, "finder evaluate --holdout independent.csv --lang id");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  // The countries in the reader's language: China is Tiongkok.
  EXPECT_NE(
      text.out.find("tidak dapat diperingkat (1):\n  Jawa Tengah, Indonesia - Fujian, Tiongkok: "
                    "'Fujian' ada di jaringan tetapi tidak di gazetir"),
      std::string::npos)
      << text.out;
  EXPECT_EQ(r["rankable"], 4);
}

// Issue 14: on a worldwide sample of 1,000 ties kept out of the fit, the learned
// ranking beats gravity at 100 and has at least three times its hit rate at 10 (8.9 %
// against 2.8 %, 15.9 % against 9.2 %: docs/benchmarks.md).
TEST_F(NetworkCliTest, FinderBeatsGravityOnAWorldwideSample) {
  Output o = RunKembar(dir_, "finder evaluate --sample 1000 --seed 1 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json r = json::parse(o.out);
  EXPECT_EQ(r["pairs"], 1000);
  const json& f = r["methods"]["finder"];
  const json& g = r["methods"]["gravity"];
  // The goal: three times gravity's hit@10, twice its hit@100 (docs/benchmarks.md).
  EXPECT_GE(f["hit@100"].get<double>(), 2 * g["hit@100"].get<double>());
  EXPECT_GE(f["hit@10"].get<double>(), 3 * g["hit@10"].get<double>());
  EXPECT_GT(f["mrr"].get<double>(), 3 * g["mrr"].get<double>());
  // Small places that twin already are candidates: most held-out partners can be
  // proposed (477 of 1,000 when only places of 20,000 or more could be).
  EXPECT_GE(r["rankable"].get<int>(), 600);
}

// The surroundings' ties: Jedburgh's neighbours in the Scottish Borders are twinned
// with Orchies (near Lille), Bennecourt, Cappella Maggiore and Żagań, so places around
// those are counted for it, and the explanation says so in both languages.
TEST_F(NetworkCliTest, FinderCountsTiesBetweenSurroundings) {
  Output o = RunKembar(dir_, "find-partners Jedburgh --top 10 --json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const json r = json::parse(o.out);
  bool lille = false;
  double total = 0;
  for (const json& c : r["candidates"]) {
    total += c["score"].get<double>();
    if (c["name"] == "Lille") {
      lille = true;
      EXPECT_GE(c["area_ties"].get<int>(), 1);
      EXPECT_GT(c["learned"]["area_ties"].get<double>(), 0);
    }
  }
  EXPECT_TRUE(lille) << o.out;
  EXPECT_GT(total, 0.001) << "scores are shares of all candidates, not vanishing numbers";
  EXPECT_LE(total, 1.0);
  Output en = RunKembar(dir_, "find-partners Jedburgh --top 10 --lang en");
  EXPECT_NE(en.out.find(" between places around the two"), std::string::npos) << en.out;
  Output id = RunKembar(dir_, "find-partners Jedburgh --top 10 --lang id");
  EXPECT_NE(id.out.find("hubungan kota kembar antara tempat-tempat di sekitar keduanya"),
            std::string::npos)
      << id.out;
}

// The candidates' table lines up by display columns whatever the names ("Cissé",
// "Hénin-Beaumont"), and a score too small for its column is written 3.3e-09, never
// as zeros that read like a score of nothing.
TEST_F(NetworkCliTest, FinderTableLinesUpAndWritesTinyScores) {
  for (const char* place : {"Jedburgh", "Surabaya"}) {
    Output o = RunKembar(dir_, std::string("find-partners ") + place + " --top 10 --lang en");
    ASSERT_EQ(o.exit_code, 0) << o.err;
    std::istringstream lines(o.out);
    std::string line;
    size_t rows = 0, accented = 0;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] < '1' || line[0] > '9') continue;
      ++rows;
      // Columns = code points here (no wide characters in these lists): RANK (5), a
      // space, PLACE (28), a space, then the country code.
      size_t column = 0, byte = 0;
      for (; byte < line.size() && column < 35; ++byte) {
        if ((static_cast<unsigned char>(line[byte]) & 0xC0) != 0x80) ++column;
      }
      while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
      if (byte != 35) ++accented;
      ASSERT_LT(byte + 3, line.size()) << line;
      EXPECT_TRUE(std::isupper(static_cast<unsigned char>(line[byte])) &&
                  std::isupper(static_cast<unsigned char>(line[byte + 1])) && line[byte + 2] == ' ')
          << "the country code is not at column 36: " << line;
      const std::string score = line.substr(byte + 3, 10);
      EXPECT_NE(score.find_first_of("123456789"), std::string::npos)
          << "a score of zeros: " << line;
    }
    EXPECT_GE(rows, 10u) << o.out;
    if (std::string(place) == "Jedburgh") EXPECT_GE(accented, 1u) << "no accented name to check";
  }
  // In Indonesian: the title, the heads at the same columns, decimal commas, and the
  // relations in words.
  Output id = RunKembar(dir_, "find-partners Surabaya --top 3 --lang id");
  ASSERT_EQ(id.exit_code, 0) << id.err;
  EXPECT_EQ(id.out.rfind("Surabaya (id-surabaya): ", 0), 0u) << id.out;
  EXPECT_NE(id.out.find(" calon mitra\n"), std::string::npos) << id.out;
  EXPECT_NE(id.out.find("\nURUT  TEMPAT                       NG       SKOR    TKT MIRIP KOMPL "
                        "DEKAT JARNG        KM  TANDA\n"),
            std::string::npos)
      << id.out;
  EXPECT_NE(id.out.find("\n1     Shanghai                     CN      0,"), std::string::npos)
      << id.out;
  EXPECT_NE(id.out.find("hubungan diplomatik resmi"), std::string::npos) << id.out;
  EXPECT_EQ(id.out.find("official"), std::string::npos) << id.out;
}

}  // namespace
}  // namespace kembar
