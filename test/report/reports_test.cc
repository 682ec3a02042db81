// The reports (issue 13) on the studies' flagship case: the Surabaya–Liverpool report
// card as of 31 December 2023, in every format and both languages, checked the way a
// reader would: pdftotext and pdftoppm for the PDF, openpyxl for the workbook.
#include "kembar/report/reports.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "kembar/assess/assessment.h"
#include "kembar/geo/relations.h"
#include "kembar/geo/time_zones.h"
#include "kembar/io/dossier_reader.h"
#include "kembar/report/document.h"
#include "testing/fixtures.h"

namespace kembar::report {
namespace {

std::string Shell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

class PartnershipReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dossier_ = new Dossier();
    io::DossierReader reader;
    ASSERT_TRUE(reader.ReadFile(testing::SourcePath("data/indonesia.dossier.json"), dossier_).ok());
  }
  static void TearDownTestSuite() { delete dossier_; }

  static Document Report(const std::string& id, Lang lang, const char* as_of = "2023-12-31") {
    geo::TimeZones zones;
    assess::Context ctx;
    ctx.relations = &geo::Relations::Bundled();
    ctx.time_zones = &zones;
    const assess::RegionIndex regions(*dossier_);
    for (size_t i = 0; i < dossier_->partnerships.size(); ++i) {
      if (dossier_->partnerships[i].id != id) continue;
      const Day day = ParseDay(as_of).value();
      auto a = assess::AssessPartnership(*dossier_, regions, i, day, ctx);
      EXPECT_TRUE(a.has_value());
      return PartnershipReport(*dossier_, *a, {day, ParseDay("2026-11-30").value(), lang});
    }
    ADD_FAILURE() << "no partnership " << id;
    return {};
  }

  static const Table* FindTable(const Document& doc, std::string_view sheet) {
    for (const Section& s : doc.sections) {
      for (const Block& b : s.blocks) {
        if (const auto* t = std::get_if<Table>(&b); t && t->sheet == sheet) return t;
      }
    }
    return nullptr;
  }

  static inline Dossier* dossier_ = nullptr;
};

TEST_F(PartnershipReportTest, ListsTheActivitiesOf2018To2022WithTheirParticipants) {
  const Document doc = Report("surabaya-liverpool", Lang::kEn);
  const Table* t = FindTable(doc, "Activities");
  ASSERT_NE(t, nullptr);
  // The eight activities of Handayani & Zahidi (2024), programmes 1 to 4, in order.
  ASSERT_EQ(t->rows.size(), 8u);
  std::vector<double> participants;
  std::set<int> years;
  for (const auto& row : t->rows) {
    if (row[3].kind == Cell::Kind::kNumber) participants.push_back(row[3].number);
    years.insert(
        std::stoi(std::regex_replace(row[0].text, std::regex(".*?((19|20)[0-9]{2}).*"), "$1")));
  }
  EXPECT_EQ(participants, (std::vector<double>{12, 2, 11, 250, 237, 200}));
  EXPECT_EQ(*years.begin(), 2018);
  EXPECT_EQ(*years.rbegin(), 2022);
  // A full date is a date for a spreadsheet; a year stays text.
  EXPECT_EQ(t->rows[5][0].kind, Cell::Kind::kDate);
  EXPECT_EQ(t->rows[5][0].text, "28 June 2022");
  EXPECT_EQ(t->rows[0][0].kind, Cell::Kind::kText);
}

TEST_F(PartnershipReportTest, ShowsEachSidesContributions) {
  const Document doc = Report("surabaya-liverpool", Lang::kId);
  const Table* t = FindTable(doc, "Kontribusi");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][0].text, "Kota Surabaya");
  EXPECT_EQ(t->rows[0][1].number, 8.5);
  EXPECT_EQ(t->rows[0][1].text, "8,5");
  EXPECT_EQ(t->rows[1][0].text, "Kota Liverpool");
  EXPECT_EQ(t->rows[1][1].number, 10.5);
  // Surabaya provided one activity (the sightbox book), Liverpool four.
  EXPECT_EQ(t->rows[0][4].number, 1);
  EXPECT_EQ(t->rows[1][4].number, 4);
}

TEST_F(PartnershipReportTest, FormalPathNamesTheStagesDoneAndNot) {
  const Document doc = Report("surabaya-liverpool", Lang::kEn);
  const Table* t = FindTable(doc, "Formal path");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 10u);
  EXPECT_EQ(t->rows[5][0].text, "MoU signed");
  EXPECT_EQ(t->rows[5][1].text, "yes");
  EXPECT_EQ(t->rows[5][2].text, "19 March 2018");
  EXPECT_EQ(t->rows[4][0].text, "DPRD approval");
  EXPECT_EQ(t->rows[4][1].text, "no");  // the study reports none
}

TEST_F(PartnershipReportTest, AsOfLimitsTheReportToWhatHadHappened) {
  const Document doc = Report("surabaya-liverpool", Lang::kEn, "2019-12-31");
  const Table* t = FindTable(doc, "Activities");
  ASSERT_NE(t, nullptr);
  for (const auto& row : t->rows)
    EXPECT_EQ(row[0].text.find("2022"), std::string::npos) << row[0].text;
}

TEST_F(PartnershipReportTest, HtmlIsOneSelfContainedPrintablePage) {
  const std::string html = RenderHtml(Report("surabaya-liverpool", Lang::kId));
  EXPECT_NE(html.find("<html lang=\"id\">"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos) << "the timeline is embedded";
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("19 Maret 2018"), std::string::npos);
  // Nothing to fetch: no script, no link, no URL but XML namespace names.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  std::string rest =
      std::regex_replace(html, std::regex("http://www\\.w3\\.org/[0-9a-zA-Z/]+"), "");
  EXPECT_EQ(rest.find("http://"), std::string::npos);
  EXPECT_EQ(rest.find("https://"), std::string::npos);
}

TEST_F(PartnershipReportTest, MarkdownHasPipeTables) {
  const std::string md = RenderMarkdown(Report("surabaya-liverpool", Lang::kEn));
  EXPECT_NE(md.find("# Partnership report: Surabaya – Liverpool"), std::string::npos);
  EXPECT_NE(md.find("| Date | Activity | Field | Participants |"), std::string::npos);
  EXPECT_NE(md.find("| 28 June 2022 |"), std::string::npos);
}

// pdftotext finds the headings and figures in both languages; pdftoppm renders
// every page.
TEST_F(PartnershipReportTest, PdfHasSelectableTextAndRendersEveryPage) {
  if (std::system("command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null") != 0) {
    GTEST_SKIP() << "poppler-utils is not installed (tools/deps.sh installs it)";
  }
  const std::string dir = testing::TempDir();
  struct Expect {
    Lang lang;
    std::vector<std::string> texts;
  };
  for (const Expect& e :
       {Expect{Lang::kEn,
               {"Partnership report: Surabaya – Liverpool", "Activities carried out",
                "Contributions and benefits", "19 March 2018", "12,342 km", "8.5",
                "Stages of the formal path", "Page 2 of "}},
        Expect{Lang::kId,
               {"Laporan kemitraan: Kota Surabaya – Kota Liverpool", "Kegiatan yang dilaksanakan",
                "Kontribusi dan manfaat", "19 Maret 2018", "12.342 km", "8,5",
                "Tahapan jalur resmi", "Halaman 2 dari "}}}) {
    auto pdf = RenderPdf(Report("surabaya-liverpool", e.lang));
    ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
    const std::string path = dir + "/report-" + std::string(ToString(e.lang)) + ".pdf";
    testing::WriteFileOrDie(path, *pdf);
    const std::string text = Shell("pdftotext -raw " + path + " -");
    for (const std::string& want : e.texts) EXPECT_NE(text.find(want), std::string::npos) << want;
    for (const char* participants : {"250", "237", "200"})
      EXPECT_NE(text.find(participants), std::string::npos);
    const std::string info = Shell("pdfinfo " + path);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages:\\s+([0-9]+)")));
    const int pages = std::stoi(m[1]);
    EXPECT_GE(pages, 3);
    EXPECT_NE(info.find("595.276 x 841.89 pts (A4)"), std::string::npos) << info;
    ASSERT_EQ(std::system(("pdftoppm -r 30 -png " + path + " " + dir + "/page-" +
                           std::string(ToString(e.lang)) + " 2>/dev/null")
                              .c_str()),
              0);
    int rendered = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
      rendered +=
          f.path().filename().string().starts_with("page-" + std::string(ToString(e.lang))) ? 1 : 0;
    }
    EXPECT_EQ(rendered, pages);
  }
}

// The workbook read back by openpyxl: a sheet per table, frozen headers, numbers as
// numbers, dates as dates.
TEST_F(PartnershipReportTest, XlsxReadsBackWithNumbersAndDates) {
  if (std::system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0) {
    GTEST_SKIP() << "python3-openpyxl is not installed (tools/deps.sh installs it)";
  }
  auto xlsx = RenderXlsx(Report("surabaya-liverpool", Lang::kId));
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  const std::string dir = testing::TempDir();
  testing::WriteFileOrDie(dir + "/r.xlsx", *xlsx);
  testing::WriteFileOrDie(dir + "/read.py", R"py(
import sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", "|".join(wb.sheetnames))
ws = wb["Kegiatan"]
print("frozen", ws.freeze_panes)
print("header", "|".join(c.value for c in ws[1]))
for row in ws.iter_rows(min_row=2, values_only=True):
    print("row", type(row[0]).__name__, row[0] if not isinstance(row[0], datetime.datetime) else row[0].date().isoformat(), type(row[3]).__name__, row[3])
k = wb["Kontribusi"]
print("contribution", type(k["B2"].value).__name__, k["B2"].value)
)py");
  const std::string out = Shell("/usr/bin/python3 " + dir + "/read.py " + dir + "/r.xlsx");
  EXPECT_NE(out.find("sheets Ringkasan|Para pihak|Kegiatan|Bidang per "
                     "tahun|Kontribusi|Bidang|Risiko|Langkah berikutnya|Jalur resmi"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("frozen A2"), std::string::npos) << out;
  EXPECT_NE(out.find("header Tanggal|Kegiatan|Bidang|Peserta|"), std::string::npos) << out;
  EXPECT_NE(out.find("row datetime 2022-06-28 int 237"), std::string::npos) << out;
  EXPECT_NE(out.find("row str 2018 int 12"), std::string::npos) << out;
  EXPECT_NE(out.find("contribution float 8.5"), std::string::npos) << out;
}

class RegionReportTest : public PartnershipReportTest {
 protected:
  static std::vector<assess::PartnershipAssessment> Assess(const char* as_of,
                                                           const std::string& region = "") {
    geo::TimeZones zones;
    assess::Context ctx;
    ctx.relations = &geo::Relations::Bundled();
    ctx.time_zones = &zones;
    auto all = assess::AssessDossier(*dossier_, ParseDay(as_of).value(), ctx);
    if (!region.empty())
      std::erase_if(all, [&](const auto& a) { return a.home != region && a.partner != region; });
    return all;
  }
};

// Exactly the activities whose dates fall in (or run through) the year, for every
// year the Surabaya records cover: worked out here from the dossier itself.
TEST_F(RegionReportTest, AnnualReportHasExactlyThatYearsActivities) {
  for (int year : {2018, 2019, 2020, 2021, 2022, 2023}) {
    const std::string as_of = std::to_string(year) + "-12-31";
    const auto as = Assess(as_of.c_str(), "id-surabaya");
    ASSERT_EQ(as.size(), 11u);
    const Document doc =
        RegionReport(*dossier_, as, "id-surabaya", year,
                     {ParseDay(as_of).value(), ParseDay("2026-11-30").value(), Lang::kEn});
    const Table* t = FindTable(doc, "Activities");
    ASSERT_NE(t, nullptr);
    std::multiset<std::string> shown, expected;
    for (const auto& row : t->rows) shown.insert(row[2].text);
    const Day first = ParseDay(std::to_string(year) + "-01-01").value();
    const Day last = ParseDay(as_of).value();
    for (const Partnership& p : dossier_->partnerships) {
      if (p.home != "id-surabaya") continue;
      for (const Event& e : p.events) {
        if (e.type() == EventType::kActivity && e.date.First() <= last && e.date.Last() >= first) {
          expected.insert(e.title.value_or(""));
        }
      }
    }
    EXPECT_EQ(shown, expected) << year;
    if (year == 2022) {
      EXPECT_EQ(shown.size(), 4u);  // the online training, two webinars, the sightbox
    }
  }
}

TEST_F(RegionReportTest, AnnualReportListsEveryPartnershipWithItsCondition) {
  const auto as = Assess("2023-12-31", "id-surabaya");
  const Document doc =
      RegionReport(*dossier_, as, "id-surabaya", 2023,
                   {ParseDay("2023-12-31").value(), ParseDay("2026-11-30").value(), Lang::kId});
  EXPECT_EQ(doc.title, "Laporan tahunan kerja sama luar negeri Kota Surabaya 2023");
  const Table* t = FindTable(doc, "Kemitraan");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 11u);
  bool liverpool = false;
  for (const auto& row : t->rows) {
    if (row[0].text == "Kota Liverpool") {
      liverpool = true;
      EXPECT_EQ(row[2].text, "Aktif");
      EXPECT_EQ(row[3].text, "19 Maret 2018");
    }
  }
  EXPECT_TRUE(liverpool);
  ASSERT_NE(FindTable(doc, "Evaluasi"), nullptr);
  EXPECT_EQ(FindTable(doc, "Evaluasi")->rows.size(), 11u);
}

TEST_F(RegionReportTest, NationalReportAddsUpToEveryPartnership) {
  const auto as = Assess("2023-12-31");
  const Document doc = NationalReport(
      *dossier_, as, {ParseDay("2023-12-31").value(), ParseDay("2026-11-30").value(), Lang::kEn});
  for (const char* sheet : {"Provinces", "Countries"}) {
    const Table* t = FindTable(doc, sheet);
    ASSERT_NE(t, nullptr) << sheet;
    double total = 0, conditions = 0;
    for (const auto& row : t->rows) {
      total += row[1].number;
      for (size_t c = 2; c < 8; ++c) conditions += row[c].number;
    }
    EXPECT_EQ(total, static_cast<double>(as.size())) << sheet;
    EXPECT_EQ(conditions, total) << sheet;
  }
  const Table* provinces = FindTable(doc, "Provinces");
  bool east_java = false;
  // Named in the report's language (English here), not with the province's own name.
  for (const auto& row : provinces->rows) east_java |= row[0].text == "East Java";
  EXPECT_TRUE(east_java);
  const Table* reasons = FindTable(doc, "Reasons");
  ASSERT_NE(reasons, nullptr);
  ASSERT_FALSE(reasons->rows.empty());
  for (size_t i = 1; i < reasons->rows.size(); ++i)
    EXPECT_GE(reasons->rows[i - 1][1].number, reasons->rows[i][1].number);
  auto pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  auto xlsx = RenderXlsx(doc);
  ASSERT_TRUE(xlsx.ok());
}

TEST(ReportDayTest, TheYearsLastDayOrToday) {
  EXPECT_EQ(ReportDay(2022, ParseDay("2026-11-30").value()), ParseDay("2022-12-31").value());
  EXPECT_EQ(ReportDay(2026, ParseDay("2026-11-30").value()), ParseDay("2026-11-30").value());
}

TEST(ReportCatalogueTest, EveryKeyHasBothLanguages) {
  std::set<std::string_view> keys;
  for (const ReportTextEntry& e : ReportCatalogue()) {
    EXPECT_TRUE(keys.insert(e.key).second) << "duplicate " << e.key;
    EXPECT_FALSE(e.en.empty()) << e.key;
    EXPECT_FALSE(e.id.empty()) << e.key;
  }
  // Every event type, stage, level and smart-city dimension has words.
  for (std::string_view t : AllNames<EventType>())
    EXPECT_TRUE(keys.contains("event." + std::string(t))) << t;
  for (std::string_view t : AllNames<Level>())
    EXPECT_TRUE(keys.contains("level." + std::string(t))) << t;
  for (std::string_view t : AllNames<SmartDimension>())
    EXPECT_TRUE(keys.contains("smart." + std::string(t))) << t;
  for (std::string_view t : AllNames<PartnershipKind>())
    EXPECT_TRUE(keys.contains("kind." + std::string(t))) << t;
}

}  // namespace
}  // namespace kembar::report
