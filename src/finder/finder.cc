#include "kembar/finder/finder.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "kembar/geo/geodesy.h"
#include "kembar/io/json_writer.h"

namespace kembar::finder {

namespace {

constexpr double kEarthRadiusKm = 6371.0088;  // mean radius: ranking only
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;

// Great-circle distance on the mean sphere: within 0.5 % of the geodesic, and 30x
// cheaper, so it ranks; the geodesic is computed for the candidates kept.
double SphereKm(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = lat1 * kDegToRad, p2 = lat2 * kDegToRad;
  const double dp = p2 - p1, dl = (lon2 - lon1) * kDegToRad;
  const double a = std::sin(dp / 2) * std::sin(dp / 2) +
                   std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

bool SameLevelFamily(Level a, Level b) {
  auto family = [](Level l) {
    switch (l) {
      case Level::kProvince:
      case Level::kState:
      case Level::kPrefecture: return 0;  // first-level divisions
      case Level::kCity:
      case Level::kRegency:
      case Level::kMunicipality: return 1;  // local governments
      case Level::kDistrict: return 2;
      default: return 3;
    }
  };
  return family(a) == family(b);
}

uint32_t FieldBits(const std::vector<Field>& fields) {
  uint32_t bits = 0;
  for (Field f : fields) bits |= uint32_t{1} << static_cast<uint32_t>(f);
  return bits;
}

}  // namespace

Level LevelOf(const Place& p) { return p.admin_seat || p.capital ? Level::kProvince : Level::kCity; }

std::vector<Candidate> FindPartners(std::span<const Place> places, const Subject& subject,
                                    const KnownStrengths& strengths, const Options& options,
                                    const assess::FinderPolicy& policy,
                                    const geo::Relations& relations, geo::TimeZones& zones) {
  const std::vector<Field>& needs = options.needs.empty() ? subject.needs : options.needs;
  const uint32_t need_bits = FieldBits(needs);
  const int need_count = std::popcount(need_bits);
  const bool subject_metro =
      subject.population >= policy.metropolitan_population ||
      std::find(subject.characteristics.begin(), subject.characteristics.end(), "metropolitan") !=
          subject.characteristics.end();
  const bool subject_port =
      subject.port || std::find(subject.characteristics.begin(), subject.characteristics.end(),
                                "port") != subject.characteristics.end();
  const bool subject_capital =
      std::find(subject.characteristics.begin(), subject.characteristics.end(),
                "provincial_capital") != subject.characteristics.end() ||
      subject.level == Level::kProvince;
  int subject_offset = 0;
  bool subject_tz = false;
  if (!subject.timezone.empty()) {
    if (auto o = zones.OffsetMinutes(subject.timezone, options.today); o.ok()) {
      subject_offset = *o;
      subject_tz = true;
    }
  }
  // Per-query caches: a few hundred countries and zones for 100k+ places.
  std::unordered_map<std::string_view, geo::RelationStatus> relation_cache;
  std::unordered_map<std::string_view, std::optional<int>> offset_cache;
  const double subject_log_pop = subject.population > 0 ? std::log10(subject.population) : 0;

  struct Scored {
    double score;
    size_t place;
    bool operator<(const Scored& o) const { return score > o.score; }  // min-heap on score
  };
  std::priority_queue<Scored> best;  // the top-N so far, worst on top
  const size_t keep = std::max<size_t>(options.top, 1) * 4;  // re-ranked after exact distances

  auto score_place = [&](size_t i, double distance_km, Components* c, geo::RelationStatus rel,
                         double* tz_gap) {
    const Place& p = places[i];
    // Level: a local government pairs with a local government, a province with a
    // province (an admin seat stands for its province).
    c->level = SameLevelFamily(subject.level, LevelOf(p)) ? 1.0 : 0.3;
    if (subject.level != Level::kProvince && LevelOf(p) == Level::kProvince) c->level = 1.0;
    // Similarity: population band, port, capital or metropolitan.
    double sim = 0;
    int parts = 0;
    if (subject.population > 0 && p.population > 0) {
      sim += 1.0 - std::min(1.0, std::abs(std::log10(p.population) - subject_log_pop) / 2.0);
      ++parts;
    }
    if (subject_port) {
      sim += p.port ? 1.0 : 0.0;
      ++parts;
    }
    const bool metro = p.population >= policy.metropolitan_population;
    if (subject_metro) {
      sim += metro ? 1.0 : 0.0;
      ++parts;
    }
    if (subject_capital) {
      sim += (p.admin_seat || p.capital) ? 1.0 : 0.0;
      ++parts;
    }
    c->similarity = parts ? sim / parts : 0;
    // Complementarity: the candidate's known strengths against the needs.
    c->complementarity = 0;
    if (need_count > 0) {
      auto it = strengths.find(i);
      if (it != strengths.end()) {
        c->complementarity = std::popcount(it->second & need_bits) / static_cast<double>(need_count);
      }
    }
    // Proximity: distance, and hours of time difference today.
    *tz_gap = 0;
    if (subject_tz && !p.timezone.empty()) {
      auto [it, inserted] = offset_cache.try_emplace(p.timezone);
      if (inserted) {
        auto o = zones.OffsetMinutes(p.timezone, options.today);
        if (o.ok()) it->second = *o;
      }
      if (it->second) *tz_gap = std::abs(*it->second - subject_offset) / 60.0;
    }
    c->proximity = std::max(0.0, std::exp(-distance_km / policy.proximity_scale_km) -
                                     policy.tz_penalty_per_hour * *tz_gap);
    // Network: two steps away, or a country without any tie yet.
    c->network = 0;
    if (subject.partners_of_partners.count(i)) c->network += 0.5;
    if (!subject.tied_countries.count(std::string(p.country))) c->network += 0.5;
    double score = policy.weight_level * c->level + policy.weight_similarity * c->similarity +
                   policy.weight_complementarity * c->complementarity +
                   policy.weight_proximity * c->proximity + policy.weight_network * c->network;
    if (rel == geo::RelationStatus::kDeFacto) score *= policy.de_facto_factor;
    return score;
  };

  for (size_t i = 0; i < places.size(); ++i) {
    const Place& p = places[i];
    if (p.country == subject.country || subject.excluded.count(i)) continue;
    // Small places are left out; an unknown population (0) is not held against a place.
    if (p.population > 0 && p.population < policy.min_population && !p.capital && !p.admin_seat) continue;
    if (!options.country.empty() && p.country != options.country) continue;
    if (options.level && !SameLevelFamily(*options.level, LevelOf(p))) continue;
    auto [rit, inserted] = relation_cache.try_emplace(p.country);
    if (inserted) rit->second = relations.StatusBetween(subject.country, p.country);
    if (rit->second == geo::RelationStatus::kNone) continue;  // requirement of Permendagri 25/2020
    Components c;
    double tz_gap = 0;
    const double score =
        score_place(i, SphereKm(subject.lat, subject.lon, p.lat, p.lon), &c, rit->second, &tz_gap);
    if (best.size() < keep) {
      best.push({score, i});
    } else if (score > best.top().score) {
      best.pop();
      best.push({score, i});
    }
  }

  // Exact geodesic distances for the kept candidates, then the final order.
  std::vector<Candidate> out;
  out.reserve(best.size());
  while (!best.empty()) {
    const size_t i = best.top().place;
    best.pop();
    const Place& p = places[i];
    Candidate cand;
    cand.place = i;
    cand.level = LevelOf(p);
    cand.relations = relation_cache.at(p.country);
    cand.distance_km = geo::GeodesicDistanceMetres(subject.lat, subject.lon, p.lat, p.lon) / 1000.0;
    cand.score = score_place(i, cand.distance_km, &cand.components, cand.relations, &cand.tz_gap_hours);
    if (auto it = strengths.find(i); it != strengths.end()) {
      for (Field f : needs) {
        if (it->second & (uint32_t{1} << static_cast<uint32_t>(f))) cand.strengths_meeting_needs.push_back(f);
      }
    } else if (need_count > 0) {
      cand.flags.emplace_back("no_known_strengths");
    }
    if (cand.relations == geo::RelationStatus::kDeFacto) cand.flags.emplace_back("de_facto_relations");
    if (subject.partners_of_partners.count(i)) cand.flags.emplace_back("partner_of_partner");
    if (!subject.tied_countries.count(std::string(p.country))) cand.flags.emplace_back("new_country");
    if (p.port) cand.flags.emplace_back("port");
    out.push_back(std::move(cand));
  }
  std::sort(out.begin(), out.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return places[a.place].population > places[b.place].population;
  });
  if (out.size() > options.top) out.resize(options.top);
  return out;
}

}  // namespace kembar::finder
