// The closed vocabularies of dossier-v1 (docs/dossier-v1.md, "Vocabularies" and
// "Event types"). Each enum's order is the order of its name table, so a value
// converts to its wire name by index and back by a short linear scan.
#ifndef KEMBAR_MODEL_VOCAB_H_
#define KEMBAR_MODEL_VOCAB_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace kembar {

enum class PartnershipKind : uint8_t { kSisterCity, kSisterProvince, kInstitution };

enum class Level : uint8_t {
  kProvince, kState, kPrefecture, kCity, kRegency, kMunicipality, kDistrict, kInstitution, kOther
};

enum class Field : uint8_t {
  kPortLogistics, kEducation, kScienceTechnology, kCulture, kTourism, kEnvironment,
  kEconomyTrade, kInvestment, kCreativeEconomy, kSmartCity, kHumanResources, kSports,
  kUrbanPlanning, kInfrastructure, kEGovernment, kAgriculture, kFloodManagement, kSmes,
  kHealth, kYouth, kGovernance, kOther
};

enum class Sector : uint8_t {
  kLocalGovernment, kParliament, kCentralGovernment, kEmbassy, kAcademia, kSchool, kBusiness,
  kNgo, kCommunity, kCivilSociety, kMedia, kSportsClub, kOther
};

enum class EventType : uint8_t {
  kInitiated, kVisit, kLoiSigned, kCentralConsultation, kDprdApproved, kMouSigned,
  kMouRenewed, kActionPlan, kActivity, kCommunication, kLeaderChanged, kPicChanged,
  kPolicyChange, kExternalShock, kSuspended, kTerminated, kReactivated, kEvaluation, kNote
};

enum class ConsultationOutcome : uint8_t { kApproved, kRejected, kPending };
enum class BudgetSource : uint8_t { kApbd, kApbn, kPartner, kCsr, kOther };
enum class SmartDimension : uint8_t { kEconomy, kEnvironment, kGovernance, kLiving, kMobility, kPeople };
enum class PolicyLevel : uint8_t { kLocal, kNational, kGlobal };
enum class ShockKind : uint8_t { kPandemic, kDisaster, kEconomicCrisis, kConflict, kOther };

// Wire names, indexed by enum value. Specialised once per vocabulary below.
template <typename E>
struct Vocab;

#define KEMBAR_VOCAB(E, ...)                                                        \
  template <>                                                                       \
  struct Vocab<E> {                                                                 \
    static constexpr auto kNames = std::to_array<std::string_view>({__VA_ARGS__}); \
  }

KEMBAR_VOCAB(PartnershipKind, "sister_city", "sister_province", "institution");
KEMBAR_VOCAB(Level, "province", "state", "prefecture", "city", "regency", "municipality",
             "district", "institution", "other");
KEMBAR_VOCAB(Field, "port_logistics", "education", "science_technology", "culture", "tourism",
             "environment", "economy_trade", "investment", "creative_economy", "smart_city",
             "human_resources", "sports", "urban_planning", "infrastructure", "e_government",
             "agriculture", "flood_management", "smes", "health", "youth", "governance", "other");
KEMBAR_VOCAB(Sector, "local_government", "parliament", "central_government", "embassy",
             "academia", "school", "business", "ngo", "community", "civil_society", "media",
             "sports_club", "other");
KEMBAR_VOCAB(EventType, "initiated", "visit", "loi_signed", "central_consultation",
             "dprd_approved", "mou_signed", "mou_renewed", "action_plan", "activity",
             "communication", "leader_changed", "pic_changed", "policy_change", "external_shock",
             "suspended", "terminated", "reactivated", "evaluation", "note");
KEMBAR_VOCAB(ConsultationOutcome, "approved", "rejected", "pending");
KEMBAR_VOCAB(BudgetSource, "apbd", "apbn", "partner", "csr", "other");
KEMBAR_VOCAB(SmartDimension, "economy", "environment", "governance", "living", "mobility",
             "people");
KEMBAR_VOCAB(PolicyLevel, "local", "national", "global");
KEMBAR_VOCAB(ShockKind, "pandemic", "disaster", "economic_crisis", "conflict", "other");

#undef KEMBAR_VOCAB

// The wire name of `value`.
template <typename E>
constexpr std::string_view ToString(E value) {
  return Vocab<E>::kNames[static_cast<size_t>(value)];
}

// The value whose wire name is `name`, or nullopt when `name` is not in the vocabulary.
template <typename E>
constexpr std::optional<E> ParseVocab(std::string_view name) {
  const auto& names = Vocab<E>::kNames;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Every wire name of the vocabulary, in enum order (for messages and tests).
template <typename E>
constexpr std::span<const std::string_view> AllNames() {
  return Vocab<E>::kNames;
}

// Reserved words of dossier-v1 that are never region ids.
inline constexpr std::string_view kBothParties = "both";
inline constexpr std::string_view kOnlineHost = "online";

}  // namespace kembar

#endif  // KEMBAR_MODEL_VOCAB_H_
