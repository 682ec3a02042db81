#include "testing/dossier_gen.h"

#include <random>
#include <string>

#include "kembar/model/vocab.h"

namespace kembar::testing {

namespace {

template <typename E>
std::string Pick(std::mt19937& rng, size_t i) {
  const auto names = AllNames<E>();
  return std::string(names[(i + rng() % 3) % names.size()]);
}

template <typename E>
nlohmann::json PickSet(std::mt19937& rng, size_t i, size_t n) {
  const auto names = AllNames<E>();
  nlohmann::json out = nlohmann::json::array();
  for (size_t k = 0; k < n && k < names.size(); ++k) out.push_back(names[(i + k) % names.size()]);
  (void)rng;
  return out;
}

std::string Date(std::mt19937& rng, int year) {
  char buf[16];
  switch (rng() % 3) {
    case 0: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case 1: std::snprintf(buf, sizeof buf, "%04d-%02u", year, 1 + static_cast<unsigned>(rng() % 12)); break;
    default:
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, 1 + static_cast<unsigned>(rng() % 12),
                    1 + static_cast<unsigned>(rng() % 28));
  }
  return buf;
}

}  // namespace

nlohmann::json GenerateDossier(size_t partnerships, size_t events_per, uint32_t seed) {
  std::mt19937 rng(seed);
  nlohmann::json doc = {{"format", "kembar-dossier/1"}, {"regions", nlohmann::json::array()},
                        {"partnerships", nlohmann::json::array()}};
  const size_t regions = partnerships + 1;
  for (size_t r = 0; r < regions; ++r) {
    nlohmann::json region = {{"id", "r" + std::to_string(r)},
                             {"name", "Kota " + std::to_string(r) + " \xC3\xA9\xE6\x9D\xB1"},
                             {"country", r % 2 ? "ID" : "JP"},
                             {"level", Pick<Level>(rng, r)}};
    if (r % 3 == 0) {
      region["lat"] = -7.25 + static_cast<double>(r % 50);
      region["lon"] = 112.75 - static_cast<double>(r % 200);
      region["timezone"] = "Asia/Jakarta";
      region["population"] = 1000 + r;
      region["names"] = {{"id", "Kota " + std::to_string(r)}, {"en", "City " + std::to_string(r)}};
      region["characteristics"] = {"port", "metropolitan"};
      region["strengths"] = PickSet<Field>(rng, r, 3);
      region["needs"] = PickSet<Field>(rng, r + 5, 2);
      region["parent"] = "r0";
      region["x-note"] = {{"nested", {1, 2.5, nullptr, true}}};
    }
    doc["regions"].push_back(region);
  }
  for (size_t p = 0; p < partnerships; ++p) {
    const std::string home = "r" + std::to_string(p);
    const std::string partner = "r" + std::to_string(p + 1);
    nlohmann::json part = {{"id", "p" + std::to_string(p)},
                           {"kind", Pick<PartnershipKind>(rng, p)},
                           {"parties", {home, partner}},
                           {"events", nlohmann::json::array()}};
    if (p % 2) {
      part["title"] = "Kerja sama " + std::to_string(p);
      part["fields"] = PickSet<Field>(rng, p, 4);
      part["x-custom"] = "kept";
    }
    for (size_t i = 0; i < events_per; ++i) {
      const auto type = static_cast<EventType>(i % AllNames<EventType>().size());
      const int year = 1990 + static_cast<int>(i % 30);
      nlohmann::json e = {{"type", ToString(type)}, {"date", Date(rng, year)}};
      e["source"] = "Synthetic generator, seed " + std::to_string(seed);
      if (rng() % 2) e["id"] = "e" + std::to_string(i);
      if (rng() % 3 == 0) e["title"] = "Event \"" + std::to_string(i) + "\"\n\ttab";
      if (rng() % 4 == 0) e["description"] = "Deskripsi kegiatan dengan \\ backslash";
      const std::string& side = rng() % 2 ? home : partner;
      switch (type) {
        case EventType::kInitiated: e["side"] = side; break;
        case EventType::kVisit: e["from"] = home; e["to"] = partner; e["participants"] = rng() % 40; break;
        case EventType::kCentralConsultation: e["outcome"] = Pick<ConsultationOutcome>(rng, i); break;
        case EventType::kMouSigned:
          e["fields"] = PickSet<Field>(rng, i, 5);
          if (rng() % 2) e["valid_years"] = 5; else e["valid_until"] = Date(rng, year + 5);
          break;
        case EventType::kMouRenewed: e["valid_years"] = 2.5; e["fields"] = PickSet<Field>(rng, i + 7, 2); break;
        case EventType::kActionPlan: e["fields"] = PickSet<Field>(rng, i, 2); e["items"] = {"a", "b"}; break;
        case EventType::kActivity:
          e["field"] = Pick<Field>(rng, i);
          e["provider"] = rng() % 3 == 0 ? std::string("both") : side;
          e["beneficiary"] = rng() % 3 == 0 ? std::string("both") : home;
          e["host"] = rng() % 3 == 0 ? std::string("online") : partner;
          e["participants"] = rng() % 300;
          e["sectors"] = PickSet<Sector>(rng, i + p, 1 + rng() % 4);
          e["budget"] = {{"amount", 125000000.5}, {"currency", "IDR"}, {"source", Pick<BudgetSource>(rng, i)}, {"x-b", 1}};
          e["outputs"] = {"report"};
          e["outcomes"] = {"skills"};
          e["smart_dimension"] = Pick<SmartDimension>(rng, i);
          break;
        case EventType::kCommunication:
          e["from"] = side; e["channel"] = "email"; e["responded"] = rng() % 2 == 0; break;
        case EventType::kLeaderChanged: e["side"] = side; e["name"] = "Wali Kota Baru"; break;
        case EventType::kPicChanged: e["side"] = side; break;
        case EventType::kPolicyChange: e["level"] = Pick<PolicyLevel>(rng, i); e["side"] = side; break;
        case EventType::kExternalShock: e["kind"] = Pick<ShockKind>(rng, i); break;
        case EventType::kSuspended: e["reason"] = "budget"; break;
        case EventType::kTerminated: e["reason"] = "no activity"; break;
        case EventType::kEvaluation: e["findings"] = {"ok", "needs follow-up"}; break;
        default: break;
      }
      if (rng() % 5 == 0) e["x-extra"] = {{"k", nlohmann::json::array({1, "two"})}};
      part["events"].push_back(e);
    }
    doc["partnerships"].push_back(part);
  }
  return doc;
}

}  // namespace kembar::testing
