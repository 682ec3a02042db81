#include "kembar/io/dossier_reader.h"

#include <simdjson.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>

#include "kembar/io/json_scan.h"

namespace kembar::io {

namespace dom = simdjson::dom;

static_assert(std::variant_size_v<EventDetails> == AllNames<EventType>().size(),
              "one EventDetails alternative per event type, in EventType order");

std::string Diagnostic::ToString() const { return ToString(Lang::kEn); }

std::string Diagnostic::ToString(Lang lang) const {
  if (path.empty()) return text(lang);
  return path + ": " + text(lang);
}

bool ReadReport::schema_valid() const {
  for (const Diagnostic& d : errors) {
    if (d.kind != Diagnostic::Kind::kSemantic) return false;
  }
  return true;
}

Status ReadReport::ToStatus() const {
  if (ok()) return Status::Ok();
  Message msg;
  const size_t shown = std::min<size_t>(errors.size(), 10);
  for (size_t i = 0; i < shown; ++i) {
    if (i) {
      msg.en += "\n";
      msg.id += "\n";
    }
    msg.en += errors[i].ToString(Lang::kEn);
    msg.id += errors[i].ToString(Lang::kId);
  }
  if (errors.size() > shown || truncated) {
    const std::string n = std::to_string(errors.size());
    msg.en += "\n(" + std::string(truncated ? "more than " : "") + n +
              " problems in all; fix these first)";
    msg.id += "\n(" + std::string(truncated ? "lebih dari " : "") + n +
              " masalah seluruhnya; perbaiki yang ini lebih dulu)";
  }
  std::vector<Problem> problems;
  problems.reserve(errors.size());
  for (const Diagnostic& d : errors) {
    problems.push_back({d.path, {d.message, d.message_id}});
  }
  return Status::FromCode(errors.front().kind == Diagnostic::Kind::kLimit
                              ? StatusCode::kTooLarge
                              : StatusCode::kInvalidInput,
                          std::move(msg))
      .WithProblems(std::move(problems));
}

namespace {

// Syntax errors: simdjson says only *that* the text is malformed, so the error is
// located by a second, validating-only pass of nlohmann's SAX parser, which knows
// line and column. That pass runs only on bad input.
struct LocatingSax : nlohmann::json_sax<nlohmann::json> {
  std::string error;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error = ex.what();
    return false;
  }
};

// nlohmann's message for a syntax error, with its line and column; nullopt when
// nlohmann does not place it, or accepts the text (it stops at a NUL byte, has no depth limit and
// takes numbers simdjson refuses: ScanJson places those).
std::optional<Message> LocateSyntaxError(std::string_view json) {
  LocatingSax sax;
  nlohmann::json::sax_parse(json.begin(), json.end(), &sax);
  // Without a line (number overflow: "[json.exception.out_of_range.406]"), ScanJson
  // says it better.
  if (sax.error.empty() || sax.error.find(" at line ") == std::string::npos) return std::nullopt;
  std::string msg = sax.error;
  // Drop nlohmann's "[json.exception.parse_error.101] " prefix.
  if (auto pos = msg.find("] "); msg.rfind("[json.exception", 0) == 0 && pos != std::string::npos) {
    msg = msg.substr(pos + 2);
  }
  return Message{"malformed JSON: " + Printable(msg),
                 "JSON tidak valid (kesalahan penulisan): " + Printable(msg)};
}

// Code points in a UTF-8 string, as JSON Schema's maxLength counts them.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// ^[A-Za-z0-9][A-Za-z0-9._:-]*$, length 1..128.
bool IsValidId(std::string_view s) {
  if (s.empty() || s.size() > 128 || !IsAsciiAlnum(s[0])) return false;
  for (char c : s) {
    if (!IsAsciiAlnum(c) && c != '.' && c != '_' && c != ':' && c != '-') return false;
  }
  return true;
}

bool IsUpperCode(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::string Quote(std::string_view s) {
  std::string out = "'";
  out += Printable(s.size() > 80 ? s.substr(0, 80) : s);
  if (s.size() > 80) out += "...";
  out += "'";
  return out;
}

// What a JSON value is, as the messages name it.
Message TypeName(dom::element_type t) {
  switch (t) {
    case dom::element_type::ARRAY:
      return {"an array", "daftar (array)"};
    case dom::element_type::OBJECT:
      return {"an object", "objek"};
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
      return {"a number", "angka"};
    case dom::element_type::STRING:
      return {"a string", "teks (string)"};
    case dom::element_type::BOOL:
      return {"a boolean", "boolean (true/false)"};
    case dom::element_type::NULL_VALUE:
      return {"null", "null"};
  }
  return {"a value", "nilai"};
}

// A number as the language writes it: "0.5" / "0,5".
std::string NumberText(double d, Lang lang) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", d);
  std::string out = buf;
  if (lang == Lang::kId) {
    for (char& c : out) c = c == '.' ? ',' : c;
  }
  return out;
}

template <typename E>
std::string OneOf() {
  std::string out;
  for (std::string_view n : AllNames<E>()) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

constexpr size_t kTextMax = 20000;

}  // namespace

class DossierReader::Impl {
 public:
  explicit Impl(ReadOptions options) : options_(options) {}

  ReadReport Read(const simdjson::padded_string_view json, Dossier* out) {
    report_ = ReadReport{};
    report_.bytes = json.size();
    path_.clear();
    if (json.size() > options_.max_bytes) {
      const std::string n = std::to_string(json.size());
      const std::string max = std::to_string(options_.max_bytes);
      AddLimit(
          {"the document is " + n + " bytes; the limit is " + max +
               " bytes (ReadOptions::max_bytes)",
           "dokumen berukuran " + n + " byte; batasnya " + max + " byte (ReadOptions::max_bytes)"});
      return std::move(report_);
    }
    // A UTF-8 byte-order mark (editors on Windows write one) is not part of the JSON.
    const char* data = json.data();
    size_t size = json.size();
    if (size >= 3 && std::string_view(data, 3) == "\xEF\xBB\xBF") {
      data += 3;
      size -= 3;
    }
    dom::element root;
    big_.clear();
    if (auto err = parser_.parse(data, size, false).get(root); err) {
      if (!ParseAfterError(std::string_view(data, size), err, &root)) return std::move(report_);
    }
    Dossier dossier;
    validate_only_ = out == nullptr;
    buffer_semantic_ = false;
    pending_truncated_ = false;
    pending_semantic_.clear();
    stream_.reset();
    ReadRoot(root, &dossier);
    if (stream_) {
      buffer_semantic_ = false;
      if (report_.schema_valid()) {
        for (Diagnostic& diag : pending_semantic_)
          AddAt(diag.kind, std::move(diag.path),
                {std::move(diag.message), std::move(diag.message_id)});
        if (pending_truncated_) report_.truncated = true;
      } else {
        report_.external_refs.clear();
      }
    } else if (report_.schema_valid()) {
      CheckSemantics(dossier);
    }
    stream_.reset();
    if (report_.ok() && out != nullptr) *out = std::move(dossier);
    return std::move(report_);
  }

  // simdjson refused the text: place the problem (line, column and path), or, when
  // the only trouble is integers beyond 64 bits, parse again with placeholders for
  // them. False when the document is rejected (the problem is reported).
  bool ParseAfterError(std::string_view text, simdjson::error_code err, dom::element* root) {
    if (std::optional<Message> located = LocateSyntaxError(text)) {
      AddAt(Diagnostic::Kind::kSyntax, "", std::move(*located));
      return false;
    }
    const JsonScanResult scan = ScanJson(text, kMaxJsonDepth);
    if (scan.problem) {
      const JsonScanProblem& p = *scan.problem;
      AddAt(Diagnostic::Kind::kSyntax, p.path, p.what + AtLineColumn(p.line, p.column));
      return false;
    }
    if (err == simdjson::NUMBER_ERROR && !scan.big_integers.empty()) {
      if (std::optional<std::string> text2 = big_.Substitute(text, scan.big_integers)) {
        substituted_ = simdjson::padded_string(*text2);
        if (!parser_.parse(substituted_).get(*root)) return true;
      }
      big_.clear();
      // A placeholder could not be used: the first big integer is refused, located.
      const size_t at = scan.big_integers.front().offset;
      const std::string_view prefix = text.substr(0, at);
      const size_t line = 1 + static_cast<size_t>(std::count(prefix.begin(), prefix.end(), '\n'));
      const size_t nl = prefix.rfind('\n');
      const size_t column = nl == std::string_view::npos ? at + 1 : at - nl;
      AddAt(Diagnostic::Kind::kSyntax, "$",
            Message{"an integer beyond 64 bits cannot be read here",
                    "bilangan bulat lebih dari 64 bit tidak dapat dibaca di sini"} +
                AtLineColumn(line, column));
      return false;
    }
    // Both scans accept what simdjson refused: name the whole document, and what
    // simdjson said.
    AddAt(Diagnostic::Kind::kSyntax, "$",
          {std::string("malformed JSON: ") + simdjson::error_message(err),
           std::string("JSON tidak valid: ") + simdjson::error_message(err)});
    return false;
  }

  ReadReport ReadFile(const std::string& file, Dossier* out) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
      ReadReport r;
      r.errors.push_back({Diagnostic::Kind::kSyntax, "", "cannot read '" + file + "': no such file",
                          "tidak dapat membaca '" + file + "': berkas tidak ada"});
      return r;
    }
    if (static_cast<uint64_t>(st.st_size) > options_.max_bytes) {
      ReadReport r;
      r.bytes = static_cast<size_t>(st.st_size);
      const std::string n = std::to_string(st.st_size);
      const std::string max = std::to_string(options_.max_bytes);
      r.errors.push_back({Diagnostic::Kind::kLimit, "",
                          "'" + file + "' is " + n + " bytes; the limit is " + max + " bytes",
                          "'" + file + "' berukuran " + n + " byte; batasnya " + max + " byte"});
      return r;
    }
    simdjson::padded_string text;
    if (auto err = simdjson::padded_string::load(file).get(text); err) {
      ReadReport r;
      r.errors.push_back({Diagnostic::Kind::kSyntax, "",
                          "cannot read '" + file + "': " + simdjson::error_message(err),
                          "tidak dapat membaca '" + file + "': " + simdjson::error_message(err)});
      return r;
    }
    return Read(text, out);
  }

 private:
  // --- diagnostics and the current JSON path ---

  struct Segment {
    std::string_view key;  // empty for an array index
    size_t index;
  };

  // "$" for the document itself.
  std::string PathString() const {
    if (path_.empty()) return "$";
    std::string out;
    for (const Segment& s : path_) {
      if (s.key.empty()) {
        out += '[';
        out += std::to_string(s.index);
        out += ']';
      } else {
        if (!out.empty()) out += '.';
        out += Printable(s.key);
      }
    }
    return out;
  }

  void Add(Diagnostic::Kind kind, Message message) {
    AddAt(kind, PathString(), std::move(message));
  }
  void AddAt(Diagnostic::Kind kind, std::string path, Message message) {
    if (report_.errors.size() >= options_.max_errors) {
      report_.truncated = true;
      return;
    }
    report_.errors.push_back({kind, std::move(path), std::move(message.en), std::move(message.id)});
  }
  void AddLimit(Message message) { Add(Diagnostic::Kind::kLimit, std::move(message)); }
  void Schema(Message message) { Add(Diagnostic::Kind::kSchema, std::move(message)); }
  bool Full() const { return report_.errors.size() >= options_.max_errors; }
  void MissingMember(std::string_view name) {
    const std::string q = "'" + std::string(name) + "'";
    Schema({"the required member " + q + " is missing", "anggota wajib " + q + " tidak ada"});
  }
  static Message NotACalendarDay(std::string_view s) {
    return {Quote(s) + " is not a real calendar day",
            Quote(s) + " bukan tanggal yang ada di kalender"};
  }

  // RAII push of one path segment.
  class Scope {
   public:
    Scope(Impl* impl, std::string_view key) : impl_(impl) { impl_->path_.push_back({key, 0}); }
    Scope(Impl* impl, size_t index) : impl_(impl) { impl_->path_.push_back({{}, index}); }
    ~Scope() { impl_->path_.pop_back(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Impl* impl_;
  };

  // --- typed member readers; each reports at the current path and returns false on error ---

  // The integer literal (beyond 64 bits) a placeholder string stands for; nullopt for
  // any other value.
  std::optional<std::string_view> BigLiteral(dom::element v) const {
    if (big_.empty() || v.type() != dom::element_type::STRING) return std::nullopt;
    return big_.Literal(v.get_string().value_unsafe());
  }
  // What the value was in the text: a placeholder is a number.
  dom::element_type TypeOf(dom::element v) const {
    return BigLiteral(v) ? dom::element_type::INT64 : v.type();
  }

  void WrongType(dom::element v, const Message& expected) {
    const Message is = TypeName(TypeOf(v));
    Schema({"must be " + expected.en + ", not " + is.en,
            "harus berupa " + expected.id + ", bukan " + is.id});
  }
  static const Message& AString() {
    static const Message m{"a string", "teks (string)"};
    return m;
  }
  static const Message& AnArray() {
    static const Message m{"an array", "daftar (array)"};
    return m;
  }
  static const Message& ANumber() {
    static const Message m{"a number", "angka"};
    return m;
  }

  bool GetString(dom::element v, std::string_view* s) {
    if (TypeOf(v) != dom::element_type::STRING) {
      WrongType(v, AString());
      return false;
    }
    *s = v.get_string().value_unsafe();
    return true;
  }

  bool ReadString(dom::element v, std::string* out, size_t max_cp = SIZE_MAX, size_t min_cp = 0) {
    std::string_view s;
    if (!GetString(v, &s)) return false;
    if (s.size() > max_cp && CodePoints(s) > max_cp) {
      const std::string n = std::to_string(CodePoints(s)), max = std::to_string(max_cp);
      Schema({"is " + n + " characters long; at most " + max + " are allowed",
              "panjangnya " + n + " karakter; paling banyak " + max + " karakter"});
      return false;
    }
    if (min_cp > 0 && CodePoints(s) < min_cp) {
      Schema({"must not be empty", "tidak boleh kosong"});
      return false;
    }
    out->assign(s);
    return true;
  }

  bool ReadText(dom::element v, std::optional<std::string>* out) {
    std::string s;
    if (!ReadString(v, &s, kTextMax)) return false;
    *out = std::move(s);
    return true;
  }

  bool ReadId(dom::element v, std::string* out) {
    std::string_view s;
    if (!GetString(v, &s)) return false;
    if (!IsValidId(s)) {
      Schema({Quote(s) + " is not a valid id: 1-128 characters, letters, digits and . _ : -, "
                         "starting with a letter or digit",
              Quote(s) + " bukan id yang valid: 1-128 karakter berupa huruf, angka dan . _ : -, "
                         "diawali huruf atau angka"});
      return false;
    }
    out->assign(s);
    return true;
  }

  bool ReadOptId(dom::element v, std::optional<std::string>* out) {
    std::string s;
    if (!ReadId(v, &s)) return false;
    *out = std::move(s);
    return true;
  }

  template <typename E>
  bool ReadEnum(dom::element v, E* out) {
    if (TypeOf(v) == dom::element_type::STRING) {
      if (auto e = ParseVocab<E>(v.get_string().value_unsafe())) {
        *out = *e;
        return true;
      }
      const std::string q = Quote(v.get_string().value_unsafe());
      Schema({q + " is not one of: " + OneOf<E>(), q + " bukan salah satu dari: " + OneOf<E>()});
    } else {
      const Message is = TypeName(TypeOf(v));
      Schema({"must be one of: " + OneOf<E>() + " (not " + is.en + ")",
              "harus salah satu dari: " + OneOf<E>() + " (bukan " + is.id + ")"});
    }
    return false;
  }

  template <typename E>
  bool ReadOptEnum(dom::element v, std::optional<E>* out) {
    E e{};
    if (!ReadEnum(v, &e)) return false;
    *out = e;
    return true;
  }

  // An array of distinct vocabulary values (schema: enum items, uniqueItems).
  template <typename E>
  bool ReadEnumSet(dom::element v, std::optional<std::vector<E>>* out) {
    if (v.type() != dom::element_type::ARRAY) {
      WrongType(v, AnArray());
      return false;
    }
    std::vector<E> values;
    uint64_t seen = 0;
    bool ok = true;
    size_t i = 0;
    dom::array arr = v.get_array().value_unsafe();
    for (dom::element item : arr) {
      Scope s(this, i++);
      E e{};
      if (!ReadEnum(item, &e)) {
        ok = false;
        continue;
      }
      const uint64_t bit = uint64_t{1} << static_cast<unsigned>(e);
      if (seen & bit) {
        const std::string q = "'" + std::string(ToString(e)) + "'";
        Schema({q + " is listed twice", q + " tercantum dua kali"});
        ok = false;
      }
      seen |= bit;
      values.push_back(e);
    }
    if (ok) *out = std::move(values);
    return ok;
  }

  bool ReadStringList(dom::element v, std::optional<std::vector<std::string>>* out, size_t max_cp) {
    if (v.type() != dom::element_type::ARRAY) {
      WrongType(v, AnArray());
      return false;
    }
    std::vector<std::string> values;
    bool ok = true;
    size_t i = 0;
    dom::array arr = v.get_array().value_unsafe();
    for (dom::element item : arr) {
      Scope s(this, i++);
      std::string str;
      if (ReadString(item, &str, max_cp)) {
        values.push_back(std::move(str));
      } else {
        ok = false;
      }
    }
    if (ok) *out = std::move(values);
    return ok;
  }

  bool IsNumber(dom::element v) const {
    auto t = TypeOf(v);
    return t == dom::element_type::INT64 || t == dom::element_type::UINT64 ||
           t == dom::element_type::DOUBLE;
  }

  double AsDouble(dom::element v) const {
    if (auto literal = BigLiteral(v)) return std::strtod(std::string(*literal).c_str(), nullptr);
    switch (v.type()) {
      case dom::element_type::INT64:
        return static_cast<double>(v.get_int64().value_unsafe());
      case dom::element_type::UINT64:
        return static_cast<double>(v.get_uint64().value_unsafe());
      default:
        return v.get_double().value_unsafe();
    }
  }

  // A number in [min, max] (exclusive at min when min_exclusive).
  bool ReadNumber(dom::element v, std::optional<double>* out, double min, double max,
                  bool min_exclusive = false) {
    if (!IsNumber(v)) {
      WrongType(v, ANumber());
      return false;
    }
    const double d = AsDouble(v);
    if ((min_exclusive ? d <= min : d < min) || d > max) {
      auto text = [&](Lang l) { return NumberText(d, l); };
      auto lo = [&](Lang l) { return NumberText(min, l); };
      auto hi = [&](Lang l) { return NumberText(max, l); };
      const Lang en = Lang::kEn, id = Lang::kId;
      Schema({text(en) + " is out of range: must be " + (min_exclusive ? "above " : "at least ") +
                  lo(en) + " and at most " + hi(en),
              text(id) + " di luar rentang: harus " +
                  (min_exclusive ? "lebih dari " : "paling sedikit ") + lo(id) +
                  " dan paling banyak " + hi(id)});
      return false;
    }
    *out = d;
    return true;
  }

  // A non-negative integer: JSON Schema's "integer" is any number with no fractional
  // part, so 12.0 and 1.2e1 are 12. Kept as a 64-bit count.
  bool ReadCount(dom::element v, std::optional<uint64_t>* out) {
    if (auto literal = BigLiteral(v)) {
      Schema({Quote(*literal) + " is too large: at most 18446744073709551615",
              Quote(*literal) + " terlalu besar: paling banyak 18446744073709551615"});
      return false;
    }
    switch (v.type()) {
      case dom::element_type::UINT64:
        *out = v.get_uint64().value_unsafe();
        return true;
      case dom::element_type::INT64: {
        const int64_t i = v.get_int64().value_unsafe();
        if (i < 0) {
          Schema({std::to_string(i) + " is negative: must be 0 or more",
                  std::to_string(i) + " bernilai negatif: harus 0 atau lebih"});
          return false;
        }
        *out = static_cast<uint64_t>(i);
        return true;
      }
      case dom::element_type::DOUBLE: {
        const double d = v.get_double().value_unsafe();
        if (d != std::floor(d)) {
          Schema({NumberText(d, Lang::kEn) + " is not a whole number",
                  NumberText(d, Lang::kId) + " bukan bilangan bulat"});
          return false;
        }
        if (d < 0) {
          Schema({NumberText(d, Lang::kEn) + " is negative: must be 0 or more",
                  NumberText(d, Lang::kId) + " bernilai negatif: harus 0 atau lebih"});
          return false;
        }
        if (d >= 18446744073709551616.0) {
          Schema({NumberText(d, Lang::kEn) + " is too large: at most 18446744073709551615",
                  NumberText(d, Lang::kId) + " terlalu besar: paling banyak 18446744073709551615"});
          return false;
        }
        *out = static_cast<uint64_t>(d);
        return true;
      }
      default:
        WrongType(v, {"a whole number", "bilangan bulat"});
        return false;
    }
  }

  bool ReadDate(dom::element v, PartialDate* out) {
    std::string_view s;
    if (!GetString(v, &s)) return false;
    if (!PartialDate::HasDateSyntax(s)) {
      Schema({Quote(s) + " is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
              Quote(s) + " bukan tanggal: tulis TTTT, TTTT-BB atau TTTT-BB-HH (tahun, bulan, "
                         "hari; misalnya 2018-03-19)"});
      return false;
    }
    auto d = PartialDate::Parse(s);
    if (!d.ok()) {
      // Matches the schema's pattern but names no real day: the schema cannot see this.
      Add(Diagnostic::Kind::kSemantic, NotACalendarDay(s));
      return false;
    }
    *out = *d;
    return true;
  }

  // An event's date: a partial date or a period "START/END".
  bool ReadPeriod(dom::element v, Period* out) {
    std::string_view s;
    if (!GetString(v, &s)) return false;
    if (!Period::HasPeriodSyntax(s)) {
      Schema({Quote(s) + " is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, or a period START/END "
                         "such as 1995/2013",
              Quote(s) +
                  " bukan tanggal: tulis TTTT, TTTT-BB atau TTTT-BB-HH (tahun, bulan, hari), "
                  "atau periode AWAL/AKHIR seperti 1995/2013"});
      return false;
    }
    auto p = Period::Parse(s);
    if (!p.ok()) {
      // Matches the schema's pattern but names no real day, or ends before it starts:
      // the schema cannot see this.
      const bool reversed = p.status().message().find("ends before") != std::string::npos;
      Add(Diagnostic::Kind::kSemantic, reversed ? Message{Quote(s) + " ends before it starts",
                                                          Quote(s) + " berakhir sebelum dimulai"}
                                                : NotACalendarDay(s));
      return false;
    }
    *out = *p;
    return true;
  }

  // Unknown members are kept as written (minified); an integer beyond 64 bits too.
  void ReadExtra(std::string_view key, dom::element v, ExtraMembers* extra) {
    extra->emplace_back(std::string(key), big_.Restore(simdjson::minify(v)));
  }

  // Duplicate member names make a document mean different things to different
  // parsers; kembar refuses them rather than guess.
  bool CheckDuplicateKeys(dom::object obj) {
    if (obj.size() < 2) return true;
    std::string_view keys[64];
    size_t n = 0;
    bool ok = true;
    std::unordered_map<std::string_view, int> big;
    for (auto field : obj) {
      std::string_view k = field.key;
      bool dup = false;
      if (n < 64) {
        for (size_t i = 0; i < n; ++i) dup |= keys[i] == k;
        keys[n++] = k;
      } else {
        if (big.empty()) {
          for (auto& kk : keys) big.emplace(kk, 0);
        }
        dup = !big.emplace(k, 0).second;
      }
      if (dup) {
        Schema({"member " + Quote(k) + " appears twice in one object",
                "anggota " + Quote(k) + " muncul dua kali dalam satu objek"});
        ok = false;
      }
    }
    return ok;
  }

  bool ExpectObject(dom::element v, dom::object* obj) {
    if (v.type() != dom::element_type::OBJECT) {
      WrongType(v, {"an object", "objek"});
      return false;
    }
    *obj = v.get_object().value_unsafe();
    return CheckDuplicateKeys(*obj);
  }

  void RequireMembers(bool has[], const char* const names[], size_t n) {
    for (size_t i = 0; i < n; ++i) {
      if (!has[i]) MissingMember(names[i]);
    }
  }

  // --- the document ---

  void ReadRoot(dom::element root, Dossier* d) {
    dom::object obj;
    if (!ExpectObject(root, &obj)) return;
    bool has[3] = {false, false, false};
    for (auto [key, value] : obj) {
      Scope s(this, key);
      if (key == "format") {
        has[0] = true;
        if (value.type() != dom::element_type::STRING ||
            value.get_string().value_unsafe() != kDossierFormat) {
          Schema({"must be \"kembar-dossier/1\"", "harus \"kembar-dossier/1\""});
        }
      } else if (key == "regions") {
        has[1] = true;
        ReadArray(value, [&](dom::element e) { ReadRegion(e, &d->regions.emplace_back()); });
      } else if (key == "partnerships") {
        has[2] = true;
        if (validate_only_ && has[1] && !stream_) {
          // Validation only, regions known: check each partnership as it is read and
          // drop it, so memory does not grow with the document.
          buffer_semantic_ = true;
          stream_ = std::make_unique<SemanticState>();
          CheckRegions(*d, stream_.get());
          Partnership scratch;
          size_t index = 0;
          ReadArray(value, [&](dom::element e) {
            scratch.events.clear();
            scratch.extra.clear();
            scratch.fields.reset();
            scratch.title.reset();
            scratch.id.clear();
            scratch.home.clear();
            scratch.partner.clear();
            scratch.kind = PartnershipKind::kSisterCity;
            ReadPartnership(e, &scratch);
            if (!SemanticFull()) CheckPartnership(scratch, index, stream_.get());
            ++index;
          });
        } else {
          ReadArray(value,
                    [&](dom::element e) { ReadPartnership(e, &d->partnerships.emplace_back()); });
        }
      } else {
        ReadExtra(key, value, &d->extra);
      }
    }
    static const char* const kNames[] = {"format", "regions", "partnerships"};
    RequireMembers(has, kNames, 3);
  }

  template <typename F>
  void ReadArray(dom::element v, F&& each) {
    if (v.type() != dom::element_type::ARRAY) {
      WrongType(v, AnArray());
      return;
    }
    size_t i = 0;
    dom::array arr = v.get_array().value_unsafe();
    for (dom::element item : arr) {
      if (Full()) {
        report_.truncated = true;  // stop early: the document is rejected anyway
        return;
      }
      Scope s(this, i++);
      each(item);
    }
  }

  void ReadRegion(dom::element v, Region* r) {
    dom::object obj;
    if (!ExpectObject(v, &obj)) return;
    bool has[4] = {false, false, false, false};
    for (auto [key, value] : obj) {
      Scope s(this, key);
      if (key == "id") {
        has[0] = true;
        ReadId(value, &r->id);
      } else if (key == "name") {
        has[1] = true;
        ReadString(value, &r->name, 200, 1);
      } else if (key == "country") {
        has[2] = true;
        std::string_view c;
        if (GetString(value, &c)) {
          if (IsUpperCode(c, 2)) {
            r->country.assign(c);
          } else {
            Schema({Quote(c) + " is not an ISO 3166-1 alpha-2 code such as ID or GB",
                    Quote(c) + " bukan kode negara ISO 3166-1 alpha-2 seperti ID atau GB"});
          }
        }
      } else if (key == "level") {
        has[3] = true;
        ReadEnum(value, &r->level);
      } else if (key == "names") {
        dom::object names;
        if (ExpectObject(value, &names)) {
          r->has_names = true;
          for (auto [lang, name] : names) {
            Scope s2(this, lang);
            std::string str;
            if (ReadString(name, &str)) r->names.emplace_back(std::string(lang), std::move(str));
          }
        }
      } else if (key == "parent") {
        ReadOptId(value, &r->parent);
      } else if (key == "lat") {
        ReadNumber(value, &r->lat, -90, 90);
      } else if (key == "lon") {
        ReadNumber(value, &r->lon, -180, 180);
      } else if (key == "population") {
        ReadCount(value, &r->population);
      } else if (key == "timezone") {
        std::string tz;
        if (ReadString(value, &tz)) r->timezone = std::move(tz);
      } else if (key == "characteristics") {
        ReadStringList(value, &r->characteristics, SIZE_MAX);
      } else if (key == "strengths") {
        ReadEnumSet(value, &r->strengths);
      } else if (key == "needs") {
        ReadEnumSet(value, &r->needs);
      } else if (key == "profile") {
        ReadProfile(value, &r->profile);
      } else {
        ReadExtra(key, value, &r->extra);
      }
    }
    static const char* const kNames[] = {"id", "name", "country", "level"};
    RequireMembers(has, kNames, 4);
  }

  // A region's partner-wanted profile (schema: $defs/profile).
  bool ReadProfile(dom::element v, std::optional<RegionProfile>* out) {
    dom::object obj;
    if (!ExpectObject(v, &obj)) return false;
    RegionProfile p;
    for (auto [key, value] : obj) {
      Scope s(this, key);
      if (key == "seeks") {
        ReadEnumSet(value, &p.seeks);
      } else if (key == "offers") {
        ReadEnumSet(value, &p.offers);
      } else if (key == "levels") {
        ReadEnumSet(value, &p.levels);
      } else if (key == "countries") {
        ReadCountryCodes(value, &p.countries);
      } else if (key == "contact") {
        ReadContact(value, &p.contact);
      } else if (key == "source") {
        ReadText(value, &p.source);
      } else if (key == "updated") {
        PartialDate date;
        if (ReadDate(value, &date)) p.updated = date;
      } else {
        ReadExtra(key, value, &p.extra);
      }
    }
    *out = std::move(p);
    return true;
  }

  // Distinct ISO 3166-1 alpha-2 codes (schema: pattern ^[A-Z]{2}$, uniqueItems).
  bool ReadCountryCodes(dom::element v, std::optional<std::vector<std::string>>* out) {
    std::optional<std::vector<std::string>> codes;
    if (!ReadStringList(v, &codes, SIZE_MAX)) return false;
    bool ok = true;
    for (size_t i = 0; i < codes->size(); ++i) {
      Scope s(this, i);
      const std::string& c = (*codes)[i];
      if (!IsUpperCode(c, 2)) {
        Schema({Quote(c) + " is not an ISO 3166-1 alpha-2 code such as ID or GB",
                Quote(c) + " bukan kode negara ISO 3166-1 alpha-2 seperti ID atau GB"});
        ok = false;
      } else if (std::find(codes->begin(), codes->begin() + static_cast<long>(i), c) !=
                 codes->begin() + static_cast<long>(i)) {
        Schema({Quote(c) + " is listed twice", Quote(c) + " tercantum dua kali"});
        ok = false;
      }
    }
    if (ok) *out = std::move(codes);
    return ok;
  }

  bool ReadContact(dom::element v, std::optional<Contact>* out) {
    dom::object obj;
    if (!ExpectObject(v, &obj)) return false;
    Contact c;
    for (auto [key, value] : obj) {
      Scope s(this, key);
      if (key == "name") {
        ReadText(value, &c.name);
      } else if (key == "office") {
        ReadText(value, &c.office);
      } else if (key == "email") {
        ReadText(value, &c.email);
      } else if (key == "phone") {
        ReadText(value, &c.phone);
      } else if (key == "url") {
        ReadText(value, &c.url);
      } else {
        ReadExtra(key, value, &c.extra);
      }
    }
    *out = std::move(c);
    return true;
  }

  void ReadPartnership(dom::element v, Partnership* p) {
    dom::object obj;
    if (!ExpectObject(v, &obj)) return;
    bool has[4] = {false, false, false, false};
    for (auto [key, value] : obj) {
      Scope s(this, key);
      if (key == "id") {
        has[0] = true;
        ReadId(value, &p->id);
      } else if (key == "kind") {
        has[1] = true;
        ReadEnum(value, &p->kind);
      } else if (key == "parties") {
        has[2] = true;
        ReadParties(value, p);
      } else if (key == "events") {
        has[3] = true;
        ReadArray(value, [&](dom::element e) { ReadEvent(e, &p->events.emplace_back()); });
      } else if (key == "title") {
        std::string t;
        if (ReadString(value, &t)) p->title = std::move(t);
      } else if (key == "fields") {
        ReadEnumSet(value, &p->fields);
      } else {
        ReadExtra(key, value, &p->extra);
      }
    }
    static const char* const kNames[] = {"id", "kind", "parties", "events"};
    RequireMembers(has, kNames, 4);
  }

  void ReadParties(dom::element v, Partnership* p) {
    if (v.type() != dom::element_type::ARRAY) {
      WrongType(v, {"an array of two region ids", "daftar (array) berisi dua id daerah"});
      return;
    }
    dom::array arr = v.get_array().value_unsafe();
    if (arr.size() != 2) {
      const std::string n = std::to_string(arr.size());
      Schema({"must hold exactly two region ids (home first), not " + n,
              "harus berisi tepat dua id daerah (daerah sendiri lebih dulu), bukan " + n});
    }
    size_t i = 0;
    for (dom::element item : arr) {
      Scope s(this, i);
      std::string id;
      if (ReadId(item, &id)) {
        if (i == 0) p->home = std::move(id);
        if (i == 1) p->partner = std::move(id);
      }
      ++i;
    }
  }

  // Members every event may carry; returns false when `key` is not one of them.
  bool ReadCommonEventMember(std::string_view key, dom::element value, Event* e, bool* has_date) {
    if (key == "type") return true;  // read first, in ReadEvent
    if (key == "date") {
      *has_date = true;
      ReadPeriod(value, &e->date);
    } else if (key == "id") {
      ReadOptId(value, &e->id);
    } else if (key == "side") {
      ReadOptId(value, &e->side);
    } else if (key == "title") {
      ReadText(value, &e->title);
    } else if (key == "description") {
      ReadText(value, &e->description);
    } else if (key == "source") {
      ReadText(value, &e->source);
    } else {
      return false;
    }
    return true;
  }

  void ReadEvent(dom::element v, Event* e) {
    dom::object obj;
    if (!ExpectObject(v, &obj)) return;
    // The type decides which members are the event's own, so find it first.
    std::optional<EventType> type;
    bool has_type = false;
    for (auto [key, value] : obj) {
      if (key != "type") continue;
      has_type = true;
      Scope s(this, key);
      EventType t{};
      if (ReadEnum(value, &t)) type = t;
    }
    if (!has_type) MissingMember("type");
    if (type) e->details = MakeDetails(*type);
    bool has_date = false;
    for (auto [key, value] : obj) {
      Scope s(this, key);
      if (ReadCommonEventMember(key, value, e, &has_date)) continue;
      if (!type || !ReadTypedMember(key, value, &e->details)) ReadExtra(key, value, &e->extra);
    }
    if (!has_date) MissingMember("date");
  }

  static EventDetails MakeDetails(EventType type) {
    static const auto kMakers = []<size_t... I>(std::index_sequence<I...>) {
      return std::array<EventDetails (*)(), sizeof...(I)>{
          +[]() { return EventDetails(std::in_place_index<I>); }...};
    }
    (std::make_index_sequence<std::variant_size_v<EventDetails>>{});
    return kMakers[static_cast<size_t>(type)]();
  }

  // Reads a member specific to the event's type; returns false when the member is
  // not one of that type's own (it is then kept as an extra member).
  bool ReadTypedMember(std::string_view key, dom::element value, EventDetails* details) {
    return std::visit([&](auto& d) { return ReadMember(key, value, &d); }, *details);
  }

  template <typename T>
  bool ReadMember(std::string_view, dom::element, T*) {
    return false;  // types with no members of their own
  }

  bool ReadMember(std::string_view key, dom::element v, Visit* d) {
    if (key == "from") return ReadOptId(v, &d->from), true;
    if (key == "to") return ReadOptId(v, &d->to), true;
    if (key == "participants") return ReadCount(v, &d->participants), true;
    return false;
  }
  bool ReadMember(std::string_view key, dom::element v, CentralConsultation* d) {
    if (key == "outcome") return ReadOptEnum(v, &d->outcome), true;
    return false;
  }
  bool ReadValidity(std::string_view key, dom::element v, Validity* d) {
    if (key == "valid_years") return ReadNumber(v, &d->valid_years, 0, 100, true), true;
    if (key == "valid_until") {
      PartialDate date;
      if (ReadDate(v, &date)) d->valid_until = date;
      return true;
    }
    return false;
  }
  bool ReadMember(std::string_view key, dom::element v, MouSigned* d) {
    if (key == "fields") return ReadEnumSet(v, &d->fields), true;
    return ReadValidity(key, v, &d->validity);
  }
  bool ReadMember(std::string_view key, dom::element v, MouRenewed* d) {
    if (key == "fields") return ReadEnumSet(v, &d->fields), true;
    return ReadValidity(key, v, &d->validity);
  }
  bool ReadMember(std::string_view key, dom::element v, ActionPlan* d) {
    if (key == "fields") return ReadEnumSet(v, &d->fields), true;
    if (key == "items") return ReadStringList(v, &d->items, kTextMax), true;
    return false;
  }
  bool ReadParty(dom::element v, std::optional<std::string>* out, std::string_view reserved) {
    // Schema: anyOf [id, const reserved]. The reserved word is itself a valid id.
    if (v.type() == dom::element_type::STRING && v.get_string().value_unsafe() == reserved) {
      *out = std::string(reserved);
      return true;
    }
    return ReadOptId(v, out);
  }
  bool ReadMember(std::string_view key, dom::element v, Activity* d) {
    if (key == "field") return ReadOptEnum(v, &d->field), true;
    if (key == "provider") return ReadParty(v, &d->provider, kBothParties), true;
    if (key == "beneficiary") return ReadParty(v, &d->beneficiary, kBothParties), true;
    if (key == "host") return ReadParty(v, &d->host, kOnlineHost), true;
    if (key == "participants") return ReadCount(v, &d->participants), true;
    if (key == "sectors") return ReadEnumSet(v, &d->sectors), true;
    if (key == "budget") return ReadBudget(v, &d->budget), true;
    if (key == "outputs") return ReadStringList(v, &d->outputs, kTextMax), true;
    if (key == "outcomes") return ReadStringList(v, &d->outcomes, kTextMax), true;
    if (key == "smart_dimension") return ReadOptEnum(v, &d->smart_dimension), true;
    return false;
  }
  bool ReadBudget(dom::element v, std::optional<Budget>* out) {
    dom::object obj;
    if (!ExpectObject(v, &obj)) return false;
    Budget b;
    for (auto [key, value] : obj) {
      Scope s(this, key);
      if (key == "amount") {
        ReadNumber(value, &b.amount, 0, HUGE_VAL);
      } else if (key == "currency") {
        std::string_view c;
        if (GetString(value, &c)) {
          if (IsUpperCode(c, 3)) {
            b.currency = std::string(c);
          } else {
            Schema({Quote(c) + " is not an ISO 4217 currency code such as IDR or GBP",
                    Quote(c) + " bukan kode mata uang ISO 4217 seperti IDR atau GBP"});
          }
        }
      } else if (key == "source") {
        ReadOptEnum(value, &b.source);
      } else {
        ReadExtra(key, value, &b.extra);
      }
    }
    *out = std::move(b);
    return true;
  }
  bool ReadMember(std::string_view key, dom::element v, Communication* d) {
    if (key == "from") return ReadOptId(v, &d->from), true;
    if (key == "channel") {
      std::string c;
      if (ReadString(v, &c)) d->channel = std::move(c);
      return true;
    }
    if (key == "responded") {
      if (v.type() == dom::element_type::BOOL) {
        d->responded = v.get_bool().value_unsafe();
      } else {
        WrongType(v, {"true or false", "true atau false"});
      }
      return true;
    }
    return false;
  }
  bool ReadMember(std::string_view key, dom::element v, LeaderChanged* d) {
    if (key == "name") {
      std::string n;
      if (ReadString(v, &n)) d->name = std::move(n);
      return true;
    }
    return false;
  }
  bool ReadMember(std::string_view key, dom::element v, PolicyChange* d) {
    if (key == "level") return ReadOptEnum(v, &d->level), true;
    return false;
  }
  bool ReadMember(std::string_view key, dom::element v, ExternalShock* d) {
    if (key == "kind") return ReadOptEnum(v, &d->kind), true;
    return false;
  }
  bool ReadMember(std::string_view key, dom::element v, Suspended* d) {
    if (key == "reason") return ReadText(v, &d->reason), true;
    return false;
  }
  bool ReadMember(std::string_view key, dom::element v, Terminated* d) {
    if (key == "reason") return ReadText(v, &d->reason), true;
    return false;
  }
  bool ReadMember(std::string_view key, dom::element v, Evaluation* d) {
    if (key == "findings") return ReadStringList(v, &d->findings, kTextMax), true;
    return false;
  }

  // --- rules the schema cannot express ---

  void Semantic(std::string path, Message message) {
    if (buffer_semantic_) {
      // Streaming: kept aside, and reported only if the document is schema-valid, as
      // CheckSemantics on the whole model would.
      if (pending_semantic_.size() < options_.max_errors) {
        pending_semantic_.push_back({Diagnostic::Kind::kSemantic, std::move(path),
                                     std::move(message.en), std::move(message.id)});
      } else {
        pending_truncated_ = true;
      }
      return;
    }
    AddAt(Diagnostic::Kind::kSemantic, std::move(path), std::move(message));
  }
  bool SemanticFull() const {
    return buffer_semantic_ ? pending_semantic_.size() >= options_.max_errors : Full();
  }

  // What the semantic checks remember across partnerships. Keys own their text, so a
  // partnership can be checked and dropped (validation without keeping the model).
  struct SemanticState {
    std::unordered_map<std::string_view, size_t> regions;  // into the kept regions
    std::unordered_map<std::string, size_t> partnerships;
    std::unordered_map<std::string, size_t> external;        // id -> index in external_refs
    std::unordered_map<std::string_view, size_t> event_ids;  // reused per partnership
  };

  void CheckRegions(const Dossier& d, SemanticState* st) {
    st->regions.reserve(d.regions.size());
    for (size_t i = 0; i < d.regions.size(); ++i) {
      const std::string& id = d.regions[i].id;
      auto where = [i] { return "regions[" + std::to_string(i) + "].id"; };
      if (id == kBothParties || id == kOnlineHost) {
        Semantic(where(), {Quote(id) + " is a reserved word and cannot be a region id",
                           Quote(id) + " adalah kata khusus dan tidak dapat menjadi id daerah"});
      }
      auto [it, inserted] = st->regions.emplace(id, i);
      if (!inserted) {
        const std::string first = "regions[" + std::to_string(it->second) + "]";
        Semantic(where(),
                 {"duplicate region id " + Quote(id) + " (first defined at " + first + ")",
                  "id daerah " + Quote(id) + " ganda (sudah didefinisikan di " + first + ")"});
      }
    }
  }

  void CheckSemantics(const Dossier& d) {
    SemanticState st;
    CheckRegions(d, &st);
    st.partnerships.reserve(d.partnerships.size());
    for (size_t pi = 0; pi < d.partnerships.size() && !SemanticFull(); ++pi) {
      CheckPartnership(d.partnerships[pi], pi, &st);
    }
  }

  void CheckPartnership(const Partnership& p, size_t pi, SemanticState* st) {
    // Paths are built only for a problem: a valid dossier of 2M events needs none.
    auto base = [pi] { return "partnerships[" + std::to_string(pi) + "]"; };
    auto [it, inserted] = st->partnerships.emplace(p.id, pi);
    if (!inserted) {
      const std::string first = "partnerships[" + std::to_string(it->second) + "]";
      Semantic(base() + ".id",
               {"duplicate partnership id " + Quote(p.id) + " (first defined at " + first + ")",
                "id kemitraan " + Quote(p.id) + " ganda (sudah didefinisikan di " + first + ")"});
    }
    auto region_ref = [&](const std::string& id, auto&& path) {
      if (id == kBothParties || id == kOnlineHost) {
        Semantic(path(),
                 {Quote(id) + " is a reserved word and never names a region here",
                  Quote(id) + " adalah kata khusus dan tidak dapat menunjuk daerah di sini"});
        return;
      }
      if (st->regions.count(id) || st->external.count(id)) return;
      if (!options_.allow_external_refs) {
        Semantic(path(),
                 {"region " + Quote(id) + " is not defined in the document's regions",
                  "daerah " + Quote(id) + " tidak didefinisikan dalam regions dokumen ini"});
        return;
      }
      st->external.emplace(id, report_.external_refs.size());
      report_.external_refs.push_back({id, path()});
    };
    region_ref(p.home, [&] { return base() + ".parties[0]"; });
    region_ref(p.partner, [&] { return base() + ".parties[1]"; });
    if (p.home == p.partner) {
      Semantic(
          base() + ".parties[1]",
          {"a partnership needs two different regions; both parties are " + Quote(p.home),
           "kemitraan memerlukan dua daerah yang berbeda; kedua pihak adalah " + Quote(p.home)});
    }
    st->event_ids.clear();
    for (size_t ei = 0; ei < p.events.size(); ++ei) {
      const Event& e = p.events[ei];
      auto ep = [&] { return base() + ".events[" + std::to_string(ei) + "]"; };
      if (e.id) {
        auto [eit, fresh] = st->event_ids.emplace(*e.id, ei);
        if (!fresh)
          Semantic(ep() + ".id", {"duplicate event id " + Quote(*e.id) + " in this partnership",
                                  "id peristiwa " + Quote(*e.id) + " ganda dalam kemitraan ini"});
      }
      if (e.side) region_ref(*e.side, [&] { return ep() + ".side"; });
      std::visit(
          [&](const auto& det) {
            using T = std::decay_t<decltype(det)>;
            if constexpr (std::is_same_v<T, Visit>) {
              if (det.from) region_ref(*det.from, [&] { return ep() + ".from"; });
              if (det.to) region_ref(*det.to, [&] { return ep() + ".to"; });
            } else if constexpr (std::is_same_v<T, Communication>) {
              if (det.from) region_ref(*det.from, [&] { return ep() + ".from"; });
            } else if constexpr (std::is_same_v<T, Activity>) {
              if (det.provider && *det.provider != kBothParties)
                region_ref(*det.provider, [&] { return ep() + ".provider"; });
              if (det.beneficiary && *det.beneficiary != kBothParties)
                region_ref(*det.beneficiary, [&] { return ep() + ".beneficiary"; });
              if (det.host && *det.host != kOnlineHost)
                region_ref(*det.host, [&] { return ep() + ".host"; });
            }
          },
          e.details);
    }
  }

  // Streaming validation state (Read with no output): set while reading.
  bool buffer_semantic_ = false;
  bool pending_truncated_ = false;
  std::vector<Diagnostic> pending_semantic_;
  std::unique_ptr<SemanticState> stream_;

  bool validate_only_ = false;
  ReadOptions options_;
  dom::parser parser_;
  BigIntegers big_;  // placeholders of the current document's integers beyond 64 bits
  simdjson::padded_string substituted_;
  ReadReport report_;
  std::vector<Segment> path_;
};

DossierReader::DossierReader(ReadOptions options) : impl_(std::make_unique<Impl>(options)) {}
DossierReader::~DossierReader() = default;

ReadReport DossierReader::Read(std::string_view json, Dossier* out) {
  simdjson::padded_string padded(json);
  return impl_->Read(padded, out);
}

ReadReport DossierReader::ReadFile(const std::string& path, Dossier* out) {
  return impl_->ReadFile(path, out);
}

}  // namespace kembar::io
