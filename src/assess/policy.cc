#include "kembar/assess/policy.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace kembar::assess {

namespace {

using nlohmann::json;

template <typename T>
Status Take(const json& obj, const std::string& path, T* out, double min, double max) {
  if (!obj.is_number() || (std::is_integral_v<T> && !obj.is_number_integer())) {
    return Status::InvalidInput(path + ": must be " +
                                (std::is_integral_v<T> ? "a whole number" : "a number"));
  }
  const double v = obj.get<double>();
  if (v < min || v > max) {
    return Status::InvalidInput(path + ": must be between " + json(min).dump() + " and " +
                                json(max).dump());
  }
  *out = obj.get<T>();
  return Status::Ok();
}

Status TakeWeights(const json& obj, const std::string& path, ContributionWeights* w) {
  if (!obj.is_object()) return Status::InvalidInput(path + ": must be an object");
  for (auto& [k, v] : obj.items()) {
    const std::string at = path + "." + k;
    Status s;
    if (k == "provider")
      s = Take(v, at, &w->provider, 0, 100);
    else if (k == "host")
      s = Take(v, at, &w->host, 0, 100);
    else if (k == "visit")
      s = Take(v, at, &w->visit, 0, 100);
    else if (k == "initiated")
      s = Take(v, at, &w->initiated, 0, 100);
    else if (k == "communication")
      s = Take(v, at, &w->communication, 0, 100);
    else if (k == "budget")
      s = Take(v, at, &w->budget, 0, 100);
    else
      s = Status::InvalidInput(at + ": unknown policy member");
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status TakeLearned(const json& obj, const std::string& path, FinderWeights* w) {
  if (!obj.is_object()) return Status::InvalidInput(path + ": must be an object");
  for (auto& [k, v] : obj.items()) {
    const std::string at = path + "." + k;
    // `name`, not the structured binding `k`: clang 14 cannot capture a binding.
    const std::string& name = k;
    double FinderWeights::*member = &FinderWeights::bias;
    if (name != "bias") {
      auto it = std::find_if(std::begin(kFinderWeightMembers), std::end(kFinderWeightMembers),
                             [&name](const auto& m) { return name == m.first; });
      if (it == std::end(kFinderWeightMembers)) {
        return Status::InvalidInput(at + ": unknown policy member");
      }
      member = it->second;
    }
    if (Status s = Take(v, at, &(w->*member), -100, 100); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<Policy> ParsePolicy(std::string_view text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::InvalidInput("policy: not valid JSON");
  if (!doc.is_object()) return Status::InvalidInput("policy: must be a JSON object");
  Policy p;
  for (auto& [key, value] : doc.items()) {
    if (key == "format") {
      if (value != "kembar-policy/1") {
        return Status::InvalidInput("format: must be \"kembar-policy/1\"");
      }
    } else if (key == "assessment") {
      if (!value.is_object()) return Status::InvalidInput("assessment: must be an object");
      AssessmentPolicy& a = p.assessment;
      for (auto& [k, v] : value.items()) {
        const std::string path = "assessment." + k;
        Status s;
        if (k == "no_activity_after_mou_months")
          s = Take(v, path, &a.no_activity_after_mou_months, 0, 1200);
        else if (k == "activity_gap_months")
          s = Take(v, path, &a.activity_gap_months, 0, 1200);
        else if (k == "one_sided_min_contributions")
          s = Take(v, path, &a.one_sided_min_contributions, 0, 1e6);
        else if (k == "contribution_weights")
          s = TakeWeights(v, path, &a.contribution_weights);
        else if (k == "one_sided_share")
          s = Take(v, path, &a.one_sided_share, 0.5, 1);
        else if (k == "narrow_participation_min_kinds")
          s = Take(v, path, &a.narrow_participation_min_kinds, 0, 20);
        else if (k == "leader_change_lapse_months")
          s = Take(v, path, &a.leader_change_lapse_months, 0, 1200);
        else if (k == "external_shock_years")
          s = Take(v, path, &a.external_shock_years, 0, 100);
        else if (k == "distance_km")
          s = Take(v, path, &a.distance_km, 0, 40075);
        else if (k == "tz_gap_hours")
          s = Take(v, path, &a.tz_gap_hours, 0, 26);
        else if (k == "renewal_lead_months")
          s = Take(v, path, &a.renewal_lead_months, 0, 120);
        else if (k == "recent_activity_months")
          s = Take(v, path, &a.recent_activity_months, 1, 1200);
        else if (k == "long_dormancy_months")
          s = Take(v, path, &a.long_dormancy_months, 0, 1200);
        else if (k == "due_soon_days")
          s = Take(v, path, &a.due_soon_days, 0, 3650);
        else if (k == "evaluation_recent_months")
          s = Take(v, path, &a.evaluation_recent_months, 0, 1200);
        else
          s = Status::InvalidInput(path + ": unknown policy member");
        if (!s.ok()) return s;
      }
    } else if (key == "finder") {
      if (!value.is_object()) return Status::InvalidInput("finder: must be an object");
      FinderPolicy& f = p.finder;
      for (auto& [k, v] : value.items()) {
        const std::string path = "finder." + k;
        Status s;
        if (k == "weight_level")
          s = Take(v, path, &f.weight_level, 0, 1);
        else if (k == "weight_similarity")
          s = Take(v, path, &f.weight_similarity, 0, 1);
        else if (k == "weight_complementarity")
          s = Take(v, path, &f.weight_complementarity, 0, 1);
        else if (k == "weight_proximity")
          s = Take(v, path, &f.weight_proximity, 0, 1);
        else if (k == "weight_network")
          s = Take(v, path, &f.weight_network, 0, 1);
        else if (k == "proximity_scale_km")
          s = Take(v, path, &f.proximity_scale_km, 1, 40075);
        else if (k == "tz_penalty_per_hour")
          s = Take(v, path, &f.tz_penalty_per_hour, 0, 1);
        else if (k == "de_facto_factor")
          s = Take(v, path, &f.de_facto_factor, 0, 1);
        else if (k == "metropolitan_population")
          s = Take(v, path, &f.metropolitan_population, 0, 1e9);
        else if (k == "min_population")
          s = Take(v, path, &f.min_population, 0, 1e9);
        else if (k == "small_place_min_ties")
          s = Take(v, path, &f.small_place_min_ties, 0, 1e6);
        else if (k == "area_radius_km")
          s = Take(v, path, &f.area_radius_km, 1, 500);
        else if (k == "needs_boost")
          s = Take(v, path, &f.needs_boost, 0, 100);
        else if (k == "learned")
          s = TakeLearned(v, path, &f.learned);
        else if (k == "learned_first_partner")
          s = TakeLearned(v, path, &f.first_partner);
        else
          s = Status::InvalidInput(path + ": unknown policy member");
        if (!s.ok()) return s;
      }
    } else {
      return Status::InvalidInput(key + ": unknown policy member");
    }
  }
  return p;
}

const Policy& DefaultPolicy() {
  static const Policy policy = [] {
    auto p = ParsePolicy(DefaultPolicyText());
    if (!p.ok()) throw std::logic_error("config/policy.json: " + p.status().message());
    return *p;
  }();
  return policy;
}

}  // namespace kembar::assess
