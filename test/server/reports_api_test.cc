// GET /api/reports/...: the reports of `kembar report` as downloads, on the real
// dossier, checked against what the renderers make of the same question.
#include <gtest/gtest.h>

#include <string>

#include "kembar/report/document.h"
#include "server/api.h"
#include "server/api_fixture.h"
#include "testing/fixtures.h"

namespace kembar::server {
namespace {

using nlohmann::json;

class ReportsApiTest : public ApiTest {};

TEST_F(ReportsApiTest, PartnershipReportInEveryFormat) {
  const Login siti = LogIn("siti");
  struct Case {
    const char* format;
    const char* type;
    const char* magic;
  };
  for (const Case& c :
       {Case{"pdf", "application/pdf", "%PDF-"},
        Case{"html", "text/html; charset=utf-8", "<!doctype html>"},
        Case{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"},
        Case{"md", "text/markdown; charset=utf-8",
             "# Laporan kemitraan: Kota Surabaya – Kota Liverpool"}}) {
    HttpResponse r =
        Call("GET",
             std::string(
                 "/api/reports/partnership/surabaya-liverpool?as_of=2023-12-31&lang=id&format=") +
                 c.format,
             "", Bearer(siti));
    ASSERT_EQ(r.status, 200) << c.format << " " << r.body.substr(0, 200);
    EXPECT_EQ(r.content_type, c.type);
    EXPECT_TRUE(r.body.starts_with(c.magic)) << c.format;
    EXPECT_EQ(Header(r, "Content-Disposition"),
              std::string("attachment; filename=\"surabaya-liverpool-2023-12-31-id.") +
                  (std::string(c.format) == "md" ? "md" : c.format) + "\"");
  }
  // The Markdown carries the study's figures, as the CLI's does.
  HttpResponse md =
      Call("GET", "/api/reports/partnership/surabaya-liverpool?as_of=2023-12-31&lang=en&format=md",
           "", Bearer(siti));
  EXPECT_NE(md.body.find("| 28 June 2022 | Webinar 'Assessment for Need with A Focus on Outcomes' "
                         "| education | 237 |"),
            std::string::npos)
      << md.body;
}

TEST_F(ReportsApiTest, RegionReportNeedsAYearAndTakesANameAsWellAsAnId) {
  const Login budi = LogIn("budi");
  HttpResponse missing = Call("GET", "/api/reports/region/id-surabaya?format=md", "", Bearer(budi));
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(json::parse(missing.body)["field"], "year");
  HttpResponse bad =
      Call("GET", "/api/reports/region/id-surabaya?year=99&format=md", "", Bearer(budi));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["field"], "year");
  HttpResponse unknown =
      Call("GET", "/api/reports/region/nowhere?year=2022&format=md", "", Bearer(budi));
  EXPECT_EQ(unknown.status, 404);
  HttpResponse r =
      Call("GET", "/api/reports/region/Surabaya?year=2022&format=md&lang=en", "", Bearer(budi));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("# Foreign cooperation of Surabaya: annual report 2022"),
            std::string::npos);
  EXPECT_NE(r.body.find("Situation as of 31 December 2022"), std::string::npos);
  EXPECT_NE(r.body.find("- **Activities in 2022:** 4"), std::string::npos) << r.body;
  EXPECT_EQ(Header(r, "Content-Disposition"), "attachment; filename=\"id-surabaya-2022-en.md\"");
}

TEST_F(ReportsApiTest, NationalReportAndParameterErrorsInTheCallersLanguage) {
  const Login budi = LogIn("budi");
  HttpResponse r =
      Call("GET", "/api/reports/national?year=2023&format=md&lang=id", "", Bearer(budi));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("# Laporan nasional kerja sama sister city Indonesia"), std::string::npos);
  EXPECT_NE(r.body.find("Keadaan per 31 Desember 2023"), std::string::npos);
  EXPECT_NE(r.body.find("| Jawa Timur |"), std::string::npos);
  HttpResponse bad = Call("GET", "/api/reports/national?format=docx&lang=id", "", Bearer(budi));
  EXPECT_EQ(bad.status, 400);
  const json b = json::parse(bad.body);
  EXPECT_EQ(b["field"], "format");
  EXPECT_EQ(b["message"], "\"format\" adalah pdf, html, xlsx atau md, bukan 'docx'");
  EXPECT_EQ(Call("GET", "/api/reports/national", "", {}).status, 401);
  EXPECT_EQ(Call("GET", "/api/reports/partnership/no-such?format=md", "", Bearer(budi)).status,
            404);
}

}  // namespace
}  // namespace kembar::server
