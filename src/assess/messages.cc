#include "kembar/assess/messages.h"

#include <array>
#include <map>

namespace kembar::assess {

namespace {

struct Pair {
  std::string_view en, id;
};
std::string_view Pick(const Pair& p, Lang lang) { return lang == Lang::kId ? p.id : p.en; }

constexpr std::array<Pair, 6> kConditions = {{
    {"not in force", "belum berlaku"},
    {"active", "aktif"},
    {"at risk", "berisiko"},
    {"dormant", "tidak aktif"},
    {"ended", "berakhir"},
    {"unknown", "tidak diketahui"},
}};

constexpr std::array<Pair, kConceptCount> kConcepts = {{
    {"expired, not renewed", "kedaluwarsa, tidak diperpanjang"},
    {"no activity after the MoU", "tidak ada kegiatan setelah MoU"},
    {"activity gap", "kegiatan terhenti"},
    {"unanswered letter", "surat belum dijawab"},
    {"one-sided", "sepihak"},
    {"narrow participation", "partisipasi sempit"},
    {"lapse after a new leader", "terhenti setelah pergantian kepala daerah"},
    {"external shock", "guncangan eksternal"},
    {"policy block", "terhambat kebijakan"},
    {"no diplomatic relations", "tidak ada hubungan diplomatik"},
    {"distance", "jarak jauh"},
}};

const std::map<std::string_view, Pair>& Words() {
  static const std::map<std::string_view, Pair> words = {
      // events that start the clocks
      {"mou_signed", {"signing", "penandatanganan MoU"}},
      {"mou_renewed", {"renewal", "perpanjangan MoU"}},
      {"reactivated", {"reactivation", "reaktivasi"}},
      // shocks
      {"pandemic", {"pandemic", "pandemi"}},
      {"disaster", {"disaster", "bencana"}},
      {"economic_crisis", {"economic crisis", "krisis ekonomi"}},
      {"conflict", {"conflict", "konflik"}},
      {"shock:other", {"shock", "guncangan"}},
      // policy levels, relation status
      {"national", {"national", "nasional"}},
      {"global", {"global", "global"}},
      {"de_facto", {"de facto only", "hanya de facto"}},
      {"none", {"absent", "tidak ada"}},
      {"official", {"official", "resmi"}},
      // sectors
      {"academia", {"universities", "perguruan tinggi"}},
      {"school", {"schools", "sekolah"}},
      {"business", {"businesses", "dunia usaha"}},
      {"ngo", {"NGOs", "LSM"}},
      {"community", {"community groups", "kelompok masyarakat"}},
      {"civil_society", {"civil-society associations", "organisasi masyarakat sipil"}},
      {"media", {"media", "media"}},
      {"sports_club", {"sports clubs", "klub olahraga"}},
      // fields
      {"port_logistics", {"port and logistics", "pelabuhan dan logistik"}},
      {"education", {"education", "pendidikan"}},
      {"science_technology", {"science and technology", "ilmu pengetahuan dan teknologi"}},
      {"culture", {"arts and culture", "seni dan budaya"}},
      {"tourism", {"tourism", "pariwisata"}},
      {"environment", {"environment", "lingkungan hidup"}},
      {"economy_trade", {"economy and trade", "ekonomi dan perdagangan"}},
      {"investment", {"investment", "investasi"}},
      {"creative_economy", {"creative economy", "ekonomi kreatif"}},
      {"smart_city", {"smart city", "kota cerdas"}},
      {"human_resources", {"human resources", "sumber daya manusia"}},
      {"sports", {"sports", "olahraga"}},
      {"urban_planning", {"urban planning", "penataan kota"}},
      {"infrastructure", {"infrastructure", "infrastruktur"}},
      {"e_government", {"e-government", "e-government"}},
      {"agriculture", {"agriculture", "pertanian"}},
      {"flood_management", {"flood management", "penanganan banjir"}},
      {"smes", {"SMEs", "UMKM"}},
      {"health", {"health", "kesehatan"}},
      {"youth", {"youth", "kepemudaan"}},
      {"governance", {"governance", "tata kelola pemerintahan"}},
      {"other", {"other agreed fields", "bidang lain yang disepakati"}},
  };
  return words;
}

std::string Word(std::string_view code, Lang lang) {
  auto it = Words().find(code);
  return std::string(it == Words().end() ? code : Pick(it->second, lang));
}

// "a, b" codes -> "A, B" words.
std::string Words(const std::string& codes, Lang lang) {
  std::string out;
  size_t pos = 0;
  while (pos < codes.size()) {
    size_t comma = codes.find(", ", pos);
    if (comma == std::string::npos) comma = codes.size();
    if (!out.empty()) out += ", ";
    out += Word(std::string_view(codes).substr(pos, comma - pos), lang);
    pos = comma + 2;
  }
  return out;
}

std::string ShockWord(const std::string& kind) { return kind == "other" ? "shock:other" : kind; }

std::string Get(const Facts& f, std::string_view key) {
  for (const auto& [k, v] : f) {
    if (k == key) return v;
  }
  return {};
}

// Replaces {key} with the fact of that name.
std::string Fill(std::string_view tmpl, const Facts& f) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      const size_t end = tmpl.find('}', i);
      if (end != std::string_view::npos) {
        out += Get(f, tmpl.substr(i + 1, end - i - 1));
        i = end;
        continue;
      }
    }
    out.push_back(tmpl[i]);
  }
  return out;
}

std::string Tmpl(Lang lang, std::string_view en, std::string_view id, const Facts& f) {
  return Fill(lang == Lang::kId ? id : en, f);
}

}  // namespace

std::optional<Lang> ParseLang(std::string_view code) {
  if (code == "en") return Lang::kEn;
  if (code == "id") return Lang::kId;
  return std::nullopt;
}

std::string_view Label(Condition c, Lang lang) { return Pick(kConditions[static_cast<size_t>(c)], lang); }
std::string_view Label(ConceptCode c, Lang lang) { return Pick(kConcepts[static_cast<size_t>(c)], lang); }

std::string Explain(const Concept& c, Lang lang) {
  Facts f = c.facts;
  auto set = [&](const std::string& k, std::string v) { f.emplace(f.begin(), k, std::move(v)); };
  switch (c.code) {
    case ConceptCode::kExpiredUnrenewed:
      return Tmpl(lang, "the MoU signed {signed} expired in {expires}; no renewal is recorded",
                  "MoU yang ditandatangani {signed} berakhir pada {expires}; tidak tercatat perpanjangan", f);
    case ConceptCode::kNoActivityAfterMou:
      set("what", Word(Get(f, "event"), lang));
      return Tmpl(lang, "no activity is recorded in the {months} months since the {what} of {date}",
                  "tidak tercatat kegiatan selama {months} bulan sejak {what} pada {date}", f);
    case ConceptCode::kActivityGap:
      return Tmpl(lang, "the last activity was in {date}, {months} months ago",
                  "kegiatan terakhir pada {date}, {months} bulan yang lalu", f);
    case ConceptCode::kUnansweredCommunication: {
      const std::string channel = Get(f, "channel");
      set("via", channel.empty() ? "" : " (" + channel + ")");
      const std::string count = Get(f, "count");
      set("more", count.empty() || count == "1"
                      ? ""
                      : (lang == Lang::kId ? "; " + count + " surat belum dijawab"
                                           : "; " + count + " letters are unanswered"));
      return Tmpl(lang, "{from} wrote on {date}{via}; no answer from {to} is recorded{more}",
                  "{from} mengirim surat pada {date}{via}; belum tercatat jawaban dari {to}{more}", f);
    }
    case ConceptCode::kOneSided:
      return Tmpl(lang,
                  "{active} made {share} % of the {acts} acts (activities provided, initiatives, "
                  "letters); {passive} stays passive",
                  "{active} melakukan {share} % dari {acts} tindakan (kegiatan, prakarsa, surat); "
                  "{passive} cenderung pasif",
                  f);
    case ConceptCode::kNarrowParticipation: {
      const std::string involved = Get(f, "involved");
      set("list", involved.empty() ? "" : " (" + Words(involved, lang) + ")");
      return Tmpl(lang, "the activities involved {kinds} kind(s) of non-government actor{list}",
                  "kegiatan hanya melibatkan {kinds} jenis aktor non-pemerintah{list}", f);
    }
    case ConceptCode::kLeaderChangeLapse: {
      const std::string name = Get(f, "name");
      set("who", name.empty() ? "" : " (" + name + ")");
      return Tmpl(lang, "new head of region in {side}{who} on {date}; no activity in the {months} months since",
                  "kepala daerah baru di {side}{who} pada {date}; tidak ada kegiatan selama {months} bulan sejak itu",
                  f);
    }
    case ConceptCode::kExternalShock:
      set("what", Word(ShockWord(Get(f, "kind")), lang));
      return Tmpl(lang, "{what} in {date}, after the agreement was signed",
                  "{what} pada {date}, setelah perjanjian ditandatangani", f);
    case ConceptCode::kPolicyBlock:
      if (Get(f, "what") == "central_consultation") {
        return Tmpl(lang, "the ministry consultation of {date} was rejected",
                    "konsultasi dengan kementerian pada {date} ditolak", f);
      }
      set("lvl", Word(Get(f, "level"), lang));
      return Tmpl(lang, "a {lvl} policy change in {date} came before any agreement",
                  "perubahan kebijakan {lvl} pada {date} terjadi sebelum ada perjanjian", f);
    case ConceptCode::kNoDiplomaticRelations: {
      const std::string src = Get(f, "override");
      set("src", src.empty() ? "" : (lang == Lang::kId ? " (sumber: " : " (source: ") + src + ")");
      if (Get(f, "status") == "de_facto") {
        return Tmpl(lang,
                    "{a} and {b} have only de facto relations ({missions} de facto offices, no "
                    "embassy or consulate){src}",
                    "{a} dan {b} hanya memiliki hubungan de facto ({missions} kantor de facto, tanpa "
                    "kedutaan atau konsulat){src}",
                    f);
      }
      return Tmpl(lang, "{a} and {b} have no diplomatic relations{src}",
                  "{a} dan {b} tidak memiliki hubungan diplomatik{src}", f);
    }
    case ConceptCode::kDistance: {
      std::string parts;
      if (!Get(f, "km").empty()) parts += Fill(lang == Lang::kId ? "berjarak {km} km" : "{km} km apart", f);
      if (!Get(f, "hours").empty()) {
        if (!parts.empty()) parts += ", ";
        parts += Fill(lang == Lang::kId ? "selisih waktu {hours} jam" : "{hours} hours of time difference", f);
      }
      return parts;
    }
  }
  return {};
}

std::string Describe(const Action& a, Lang lang) {
  Facts f = a.facts;
  auto set = [&](const std::string& k, std::string v) { f.emplace(f.begin(), k, std::move(v)); };
  switch (a.code) {
    case ActionCode::kAnswerCommunication: {
      const std::string title = Get(f, "title"), id = Get(f, "id");
      set("what", (title.empty() ? "" : " \"" + title + "\"") + (id.empty() ? "" : " [" + id + "]"));
      return Tmpl(lang, "Answer the letter from {from} of {date}{what} and record the reply",
                  "Jawab surat dari {from} tanggal {date}{what} dan catat balasannya", f);
    }
    case ActionCode::kStartRenewal:
      return Tmpl(lang,
                  "The MoU expires {expires}: start the renewal by {deadline} (consultation with "
                  "the home-affairs and foreign ministries, DPRD approval, signing; Permendagri 25/2020)",
                  "MoU berakhir {expires}: mulai proses perpanjangan paling lambat {deadline} "
                  "(konsultasi dengan Kemendagri dan Kemenlu, persetujuan DPRD, penandatanganan; "
                  "Permendagri 25/2020)",
                  f);
    case ActionCode::kRenewOrClose:
      return Tmpl(lang,
                  "The MoU of {signed} lapsed in {expires}: agree with the partner to renew it "
                  "(ministry consultation, DPRD approval, signing; Permendagri 25/2020) or close the record",
                  "MoU tahun {signed} berakhir pada {expires}: sepakati dengan mitra untuk "
                  "memperpanjangnya (konsultasi kementerian, persetujuan DPRD, penandatanganan; "
                  "Permendagri 25/2020) atau menutup kerja sama",
                  f);
    case ActionCode::kProposeReciprocal:
      return Tmpl(lang,
                  "Propose a reciprocal activity hosted or provided by {passive}, so that both "
                  "sides give and gain",
                  "Usulkan kegiatan timbal balik yang diselenggarakan atau diberikan oleh {passive}, "
                  "agar kedua pihak saling memberi dan menerima",
                  f);
    case ActionCode::kWidenParticipation:
      set("who", Words(Get(f, "missing"), lang));
      return Tmpl(lang, "Widen participation: involve {who}",
                  "Perluas partisipasi: libatkan {who}", f);
    case ActionCode::kReconnectLeader: {
      const std::string name = Get(f, "name");
      set("who", name.empty() ? "" : " (" + name + ")");
      return Tmpl(lang,
                  "Re-establish contact with the new head of region in {side}{who}: a letter from "
                  "the mayor and a visit to renew the commitment",
                  "Jalin kembali hubungan dengan kepala daerah baru di {side}{who}: surat dari "
                  "kepala daerah dan kunjungan untuk memperbarui komitmen",
                  f);
    }
    case ActionCode::kMoveOnline:
      set("what", Word(ShockWord(Get(f, "kind")), lang));
      return Tmpl(lang, "After the {what} of {date}, move activities to online or hybrid formats",
                  "Setelah {what} pada {date}, alihkan kegiatan ke format daring atau hibrida", f);
    case ActionCode::kWriteActionPlan:
      return Tmpl(lang,
                  "Write the missing action plan: activities, responsible agencies, budget (APBD) "
                  "and timetable for the agreed fields",
                  "Susun rencana aksi yang belum ada: kegiatan, perangkat daerah penanggung jawab, "
                  "anggaran (APBD) dan jadwal untuk bidang yang disepakati",
                  f);
    case ActionCode::kHoldEvaluation:
      return Tmpl(lang,
                  "Hold and record an evaluation of the {activities} activities (outputs, outcomes, "
                  "benefit to both sides) for the report to the DPRD and the ministry",
                  "Lakukan dan catat evaluasi atas {activities} kegiatan (keluaran, hasil, manfaat "
                  "bagi kedua pihak) untuk laporan kepada DPRD dan kementerian",
                  f);
    case ActionCode::kRestartActivity: {
      const std::string fields = Get(f, "fields");
      set("in", fields.empty() ? ""
                               : (lang == Lang::kId ? " di bidang yang disepakati namun belum dilaksanakan: "
                                                    : " in an agreed field not yet covered: ") +
                                     Words(fields, lang));
      return Tmpl(lang, "Propose the next activity to the partner{in}",
                  "Usulkan kegiatan berikutnya kepada mitra{in}", f);
    }
    case ActionCode::kCheckRelations:
      set("st", Word(Get(f, "status"), lang));
      return Tmpl(lang,
                  "Consult the foreign ministry (one-door policy) before any step: {a}–{b} "
                  "relations are {st}",
                  "Konsultasikan dengan Kemenlu (prinsip satu pintu) sebelum melangkah: hubungan "
                  "{a}–{b} {st}",
                  f);
    case ActionCode::kPlanForDistance:
      return Tmpl(lang,
                  "Plan for the distance: online meetings in a shared time window, fewer but longer visits",
                  "Rencanakan untuk jarak jauh: pertemuan daring pada jam kerja bersama, kunjungan "
                  "lebih jarang namun lebih lama",
                  f);
  }
  return {};
}

std::string_view Text(std::string_view key, Lang lang) {
  static const std::map<std::string_view, Pair> texts = {
      {"partnership", {"partnership", "kerja sama"}},
      {"condition", {"condition", "kondisi"}},
      {"months_quiet", {"months quiet", "bulan tanpa kegiatan"}},
      {"expires", {"expires", "berakhir"}},
      {"open_ended", {"open-ended", "tanpa batas"}},
      {"not_signed", {"no MoU", "belum ada MoU"}},
      {"risks", {"risks", "risiko"}},
      {"none", {"none", "tidak ada"}},
      {"as_of", {"as of", "per tanggal"}},
      {"total", {"total", "jumlah"}},
      {"next_actions", {"next actions", "tindak lanjut"}},
      {"indicators", {"indicators", "indikator"}},
      {"agreement", {"agreement", "perjanjian"}},
      {"in_force", {"in force", "berlaku"}},
      {"not_in_force", {"not in force", "tidak berlaku"}},
      {"group", {"group", "kelompok"}},
      {"not_active_share", {"not carrying out activities", "tidak menjalankan kegiatan"}},
      {"top_reasons", {"top reasons", "alasan utama"}},
      {"deadline", {"renewal deadline", "batas mulai perpanjangan"}},
      {"no_upcoming", {"No MoU expires in this period.", "Tidak ada MoU yang berakhir pada periode ini."}},
      {"province_unknown", {"(province unknown)", "(provinsi tidak diketahui)"}},
  };
  auto it = texts.find(key);
  return it == texts.end() ? key : Pick(it->second, lang);
}

}  // namespace kembar::assess
