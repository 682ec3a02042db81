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
