#!/usr/bin/env python3
"""Build kembar's country reference tables from two public data sets.

    python3 tools/build_reference.py \
        --twins    PATH/twin_cities_wikipedia.csv \
        --missions PATH/diplomatic_missions_wikidata.csv \
        --out      data/reference

Writes (all UTF-8, LF, header row first):

  countries.csv            iso2,name_en,name_id,wikidata_qid,sovereign_iso2
  country_aliases.csv      alias,iso2            (iso2 "-" = not a state, ignore)
  diplomatic_missions.csv  operator_iso,host_iso,city,type,qid,jurisdictions_iso
  relations_overrides.csv  a,b,status,source

The country table, the alias table, the mission-type mapping, the few per-mission
repairs and the overrides are data in this file, decided by hand (see
data/reference/README.md). The script fails (exit 1) and lists the strings when a
country string in either input has no alias, or a mission type has no mapping, so a
newer input cannot slip through half-mapped.

Python 3 standard library only.
"""

import argparse
import collections
import csv
import io
import os
import sys

# ---------------------------------------------------------------------------
# 1. Countries: every ISO 3166-1 alpha-2 code, plus XK (Kosovo, user-assigned code
#    in common use).  iso2 | English | Indonesian | Wikidata QID | sovereign
#    sovereign: "" = the entry is itself treated as a state; a code = the state it
#    belongs to (used to resolve missions); "-" = no state (Antarctica).
#    Indonesian names follow the usage of Kemlu RI / KBBI (Tiongkok, Prancis, Ceko,
#    Britania Raya, Swiss, ...).
# ---------------------------------------------------------------------------
COUNTRIES = """
AD|Andorra|Andorra|Q228|
AE|United Arab Emirates|Uni Emirat Arab|Q878|
AF|Afghanistan|Afganistan|Q889|
AG|Antigua and Barbuda|Antigua dan Barbuda|Q781|
AI|Anguilla|Anguilla|Q25228|GB
AL|Albania|Albania|Q222|
AM|Armenia|Armenia|Q399|
AO|Angola|Angola|Q916|
AQ|Antarctica|Antarktika|Q51|-
AR|Argentina|Argentina|Q414|
AS|American Samoa|Samoa Amerika|Q16641|US
AT|Austria|Austria|Q40|
AU|Australia|Australia|Q408|
AW|Aruba|Aruba|Q21203|NL
AX|Åland Islands|Kepulauan Åland|Q5689|FI
AZ|Azerbaijan|Azerbaijan|Q227|
BA|Bosnia and Herzegovina|Bosnia dan Herzegovina|Q225|
BB|Barbados|Barbados|Q244|
BD|Bangladesh|Bangladesh|Q902|
BE|Belgium|Belgia|Q31|
BF|Burkina Faso|Burkina Faso|Q965|
BG|Bulgaria|Bulgaria|Q219|
BH|Bahrain|Bahrain|Q398|
BI|Burundi|Burundi|Q967|
BJ|Benin|Benin|Q962|
BL|Saint Barthélemy|Saint-Barthélemy|Q25362|FR
BM|Bermuda|Bermuda|Q23635|GB
BN|Brunei|Brunei Darussalam|Q921|
BO|Bolivia|Bolivia|Q750|
BQ|Caribbean Netherlands|Belanda Karibia|Q27561|NL
BR|Brazil|Brasil|Q155|
BS|Bahamas|Bahama|Q778|
BT|Bhutan|Bhutan|Q917|
BV|Bouvet Island|Pulau Bouvet|Q23408|NO
BW|Botswana|Botswana|Q963|
BY|Belarus|Belarus|Q184|
BZ|Belize|Belize|Q242|
CA|Canada|Kanada|Q16|
CC|Cocos (Keeling) Islands|Kepulauan Cocos (Keeling)|Q36004|AU
CD|Democratic Republic of the Congo|Republik Demokratik Kongo|Q974|
CF|Central African Republic|Republik Afrika Tengah|Q929|
CG|Republic of the Congo|Republik Kongo|Q971|
CH|Switzerland|Swiss|Q39|
CI|Côte d'Ivoire|Pantai Gading|Q1008|
CK|Cook Islands|Kepulauan Cook|Q26988|
CL|Chile|Chili|Q298|
CM|Cameroon|Kamerun|Q1009|
CN|China|Tiongkok|Q148|
CO|Colombia|Kolombia|Q739|
CR|Costa Rica|Kosta Rika|Q800|
CU|Cuba|Kuba|Q241|
CV|Cape Verde|Tanjung Verde|Q1011|
CW|Curaçao|Curaçao|Q25279|NL
CX|Christmas Island|Pulau Natal|Q31063|AU
CY|Cyprus|Siprus|Q229|
CZ|Czechia|Ceko|Q213|
DE|Germany|Jerman|Q183|
DJ|Djibouti|Djibouti|Q977|
DK|Denmark|Denmark|Q35|
DM|Dominica|Dominika|Q784|
DO|Dominican Republic|Republik Dominika|Q786|
DZ|Algeria|Aljazair|Q262|
EC|Ecuador|Ekuador|Q736|
EE|Estonia|Estonia|Q191|
EG|Egypt|Mesir|Q79|
EH|Western Sahara|Sahara Barat|Q6250|
ER|Eritrea|Eritrea|Q986|
ES|Spain|Spanyol|Q29|
ET|Ethiopia|Etiopia|Q115|
FI|Finland|Finlandia|Q33|
FJ|Fiji|Fiji|Q712|
FK|Falkland Islands|Kepulauan Falkland|Q9648|GB
FM|Micronesia|Mikronesia|Q702|
FO|Faroe Islands|Kepulauan Faroe|Q4628|DK
FR|France|Prancis|Q142|
GA|Gabon|Gabon|Q1000|
GB|United Kingdom|Britania Raya|Q145|
GD|Grenada|Grenada|Q769|
GE|Georgia|Georgia|Q230|
GF|French Guiana|Guyana Prancis|Q3769|FR
GG|Guernsey|Guernsey|Q25230|GB
GH|Ghana|Ghana|Q117|
GI|Gibraltar|Gibraltar|Q1410|GB
GL|Greenland|Greenland|Q223|DK
GM|Gambia|Gambia|Q1005|
GN|Guinea|Guinea|Q1006|
GP|Guadeloupe|Guadeloupe|Q17012|FR
GQ|Equatorial Guinea|Guinea Khatulistiwa|Q983|
GR|Greece|Yunani|Q41|
GS|South Georgia and the South Sandwich Islands|Georgia Selatan dan Kepulauan Sandwich Selatan|Q35086|GB
GT|Guatemala|Guatemala|Q774|
GU|Guam|Guam|Q16635|US
GW|Guinea-Bissau|Guinea-Bissau|Q1007|
GY|Guyana|Guyana|Q734|
HK|Hong Kong|Hong Kong|Q8646|CN
HM|Heard Island and McDonald Islands|Pulau Heard dan Kepulauan McDonald|Q131198|AU
HN|Honduras|Honduras|Q783|
HR|Croatia|Kroasia|Q224|
HT|Haiti|Haiti|Q790|
HU|Hungary|Hongaria|Q28|
ID|Indonesia|Indonesia|Q252|
IE|Ireland|Irlandia|Q27|
IL|Israel|Israel|Q801|
IM|Isle of Man|Pulau Man|Q9676|GB
IN|India|India|Q668|
IO|British Indian Ocean Territory|Wilayah Samudra Hindia Britania|Q43448|GB
IQ|Iraq|Irak|Q796|
IR|Iran|Iran|Q794|
IS|Iceland|Islandia|Q189|
IT|Italy|Italia|Q38|
JE|Jersey|Jersey|Q785|GB
JM|Jamaica|Jamaika|Q766|
JO|Jordan|Yordania|Q810|
JP|Japan|Jepang|Q17|
KE|Kenya|Kenya|Q114|
KG|Kyrgyzstan|Kirgizstan|Q813|
KH|Cambodia|Kamboja|Q424|
KI|Kiribati|Kiribati|Q710|
KM|Comoros|Komoro|Q970|
KN|Saint Kitts and Nevis|Saint Kitts dan Nevis|Q763|
KP|North Korea|Korea Utara|Q423|
KR|South Korea|Korea Selatan|Q884|
KW|Kuwait|Kuwait|Q817|
KY|Cayman Islands|Kepulauan Cayman|Q5785|GB
KZ|Kazakhstan|Kazakhstan|Q232|
LA|Laos|Laos|Q819|
LB|Lebanon|Lebanon|Q822|
LC|Saint Lucia|Saint Lucia|Q760|
LI|Liechtenstein|Liechtenstein|Q347|
LK|Sri Lanka|Sri Lanka|Q854|
LR|Liberia|Liberia|Q1014|
LS|Lesotho|Lesotho|Q1013|
LT|Lithuania|Lituania|Q37|
LU|Luxembourg|Luksemburg|Q32|
LV|Latvia|Latvia|Q211|
LY|Libya|Libya|Q1016|
MA|Morocco|Maroko|Q1028|
MC|Monaco|Monako|Q235|
MD|Moldova|Moldova|Q217|
ME|Montenegro|Montenegro|Q236|
MF|Saint Martin|Saint-Martin|Q126125|FR
MG|Madagascar|Madagaskar|Q1019|
MH|Marshall Islands|Kepulauan Marshall|Q709|
MK|North Macedonia|Makedonia Utara|Q221|
ML|Mali|Mali|Q912|
MM|Myanmar|Myanmar|Q836|
MN|Mongolia|Mongolia|Q711|
MO|Macau|Makau|Q14773|CN
MP|Northern Mariana Islands|Kepulauan Mariana Utara|Q16644|US
MQ|Martinique|Martinik|Q17054|FR
MR|Mauritania|Mauritania|Q1025|
MS|Montserrat|Montserrat|Q13353|GB
MT|Malta|Malta|Q233|
MU|Mauritius|Mauritius|Q1027|
MV|Maldives|Maladewa|Q826|
MW|Malawi|Malawi|Q1020|
MX|Mexico|Meksiko|Q96|
MY|Malaysia|Malaysia|Q833|
MZ|Mozambique|Mozambik|Q1029|
NA|Namibia|Namibia|Q1030|
NC|New Caledonia|Kaledonia Baru|Q33788|FR
NE|Niger|Niger|Q1032|
NF|Norfolk Island|Pulau Norfolk|Q31057|AU
NG|Nigeria|Nigeria|Q1033|
NI|Nicaragua|Nikaragua|Q811|
NL|Netherlands|Belanda|Q55|
NO|Norway|Norwegia|Q20|
NP|Nepal|Nepal|Q837|
NR|Nauru|Nauru|Q697|
NU|Niue|Niue|Q34020|
NZ|New Zealand|Selandia Baru|Q664|
OM|Oman|Oman|Q842|
PA|Panama|Panama|Q804|
PE|Peru|Peru|Q419|
PF|French Polynesia|Polinesia Prancis|Q30971|FR
PG|Papua New Guinea|Papua Nugini|Q691|
PH|Philippines|Filipina|Q928|
PK|Pakistan|Pakistan|Q843|
PL|Poland|Polandia|Q36|
PM|Saint Pierre and Miquelon|Saint-Pierre dan Miquelon|Q34617|FR
PN|Pitcairn Islands|Kepulauan Pitcairn|Q35672|GB
PR|Puerto Rico|Puerto Riko|Q1183|US
PS|Palestine|Palestina|Q219060|
PT|Portugal|Portugal|Q45|
PW|Palau|Palau|Q695|
PY|Paraguay|Paraguay|Q733|
QA|Qatar|Qatar|Q846|
RE|Réunion|Réunion|Q17070|FR
RO|Romania|Rumania|Q218|
RS|Serbia|Serbia|Q403|
RU|Russia|Rusia|Q159|
RW|Rwanda|Rwanda|Q1037|
SA|Saudi Arabia|Arab Saudi|Q851|
SB|Solomon Islands|Kepulauan Solomon|Q685|
SC|Seychelles|Seychelles|Q1042|
SD|Sudan|Sudan|Q1049|
SE|Sweden|Swedia|Q34|
SG|Singapore|Singapura|Q334|
SH|Saint Helena, Ascension and Tristan da Cunha|Saint Helena, Ascension, dan Tristan da Cunha|Q192184|GB
SI|Slovenia|Slovenia|Q215|
SJ|Svalbard and Jan Mayen|Svalbard dan Jan Mayen|Q842829|NO
SK|Slovakia|Slowakia|Q214|
SL|Sierra Leone|Sierra Leone|Q1044|
SM|San Marino|San Marino|Q238|
SN|Senegal|Senegal|Q1041|
SO|Somalia|Somalia|Q1045|
SR|Suriname|Suriname|Q730|
SS|South Sudan|Sudan Selatan|Q958|
ST|São Tomé and Príncipe|Sao Tome dan Principe|Q1039|
SV|El Salvador|El Salvador|Q792|
SX|Sint Maarten|Sint Maarten|Q26273|NL
SY|Syria|Suriah|Q858|
SZ|Eswatini|Eswatini|Q1050|
TC|Turks and Caicos Islands|Kepulauan Turks dan Caicos|Q18221|GB
TD|Chad|Chad|Q657|
TF|French Southern and Antarctic Lands|Wilayah Selatan dan Antarktika Prancis|Q129003|FR
TG|Togo|Togo|Q945|
TH|Thailand|Thailand|Q869|
TJ|Tajikistan|Tajikistan|Q863|
TK|Tokelau|Tokelau|Q36823|NZ
TL|Timor-Leste|Timor Leste|Q574|
TM|Turkmenistan|Turkmenistan|Q874|
TN|Tunisia|Tunisia|Q948|
TO|Tonga|Tonga|Q678|
TR|Turkey|Turki|Q43|
TT|Trinidad and Tobago|Trinidad dan Tobago|Q754|
TV|Tuvalu|Tuvalu|Q672|
TW|Taiwan|Taiwan|Q865|
TZ|Tanzania|Tanzania|Q924|
UA|Ukraine|Ukraina|Q212|
UG|Uganda|Uganda|Q1036|
UM|United States Minor Outlying Islands|Kepulauan Terluar Kecil Amerika Serikat|Q16645|US
US|United States|Amerika Serikat|Q30|
UY|Uruguay|Uruguay|Q77|
UZ|Uzbekistan|Uzbekistan|Q265|
VA|Vatican City|Vatikan|Q237|
VC|Saint Vincent and the Grenadines|Saint Vincent dan Grenadine|Q757|
VE|Venezuela|Venezuela|Q717|
VG|British Virgin Islands|Kepulauan Virgin Britania Raya|Q25305|GB
VI|United States Virgin Islands|Kepulauan Virgin Amerika Serikat|Q11703|US
VN|Vietnam|Vietnam|Q881|
VU|Vanuatu|Vanuatu|Q686|
WF|Wallis and Futuna|Wallis dan Futuna|Q35555|FR
WS|Samoa|Samoa|Q683|
XK|Kosovo|Kosovo|Q1246|
YE|Yemen|Yaman|Q805|
YT|Mayotte|Mayotte|Q17063|FR
ZA|South Africa|Afrika Selatan|Q258|
ZM|Zambia|Zambia|Q953|
ZW|Zimbabwe|Zimbabwe|Q954|
"""

# ---------------------------------------------------------------------------
# 2. Aliases: country strings as they occur in the inputs (and a few common
#    spellings) -> iso2, or "-" = not a state / not a country, ignore.
#    Every entry's English name in COUNTRIES is an alias of itself as well.
#    Sub-national names that occur as mission jurisdictions map to their country.
# ---------------------------------------------------------------------------
NOT_A_STATE = "-"

ALIASES = {
    # --- spellings of states and territories -------------------------------
    "United States of America": "US", "USA": "US",
    "People's Republic of China": "CN", "PRC": "CN",
    "Republic of China": "TW", "Republic of China (Taiwan)": "TW", "Chinese Taipei": "TW",
    "Kingdom of the Netherlands": "NL", "The Netherlands": "NL",
    "Kingdom of Denmark": "DK",
    "Republic of Ireland": "IE",
    "Czech Republic": "CZ",
    "Türkiye": "TR",
    "Ivory Coast": "CI", "Cote d'Ivoire": "CI",
    "Cabo Verde": "CV",
    "East Timor": "TL", "Timor Leste": "TL",
    "Eswatini": "SZ", "Swaziland": "SZ",
    "The Bahamas": "BS",
    "The Gambia": "GM",
    "Congo": "CG",  # twin list: only Brazzaville and Pointe-Noire (Republic of the Congo)
    "Congo-Brazzaville": "CG",
    "Congo-Kinshasa": "CD", "DR Congo": "CD",
    "Federated States of Micronesia": "FM",
    "Georgia (country)": "GE",
    "Macao": "MO",
    "Brunei Darussalam": "BN",
    "Burma": "MM",
    "Russian Federation": "RU",
    "Republic of Korea": "KR", "Korea, South": "KR",
    "Democratic People's Republic of Korea": "KP",
    "Lao PDR": "LA",
    "Viet Nam": "VN",
    "Sao Tome and Principe": "ST",
    "Vatican": "VA", "Holy See": "VA",
    "State of Palestine": "PS", "West Bank": "PS",
    "Sahrawi Arab Democratic Republic": "EH",
    "United Kingdom of Great Britain and Northern Ireland": "GB", "UK": "GB",
    "England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB",
    # Everyday Indonesian names beside the official ones (Britania Raya, Tiongkok).
    "Inggris": "GB", "Cina": "CN", "RRT": "CN", "Amerika": "US",
    "England, United Kingdom": "GB", "Scotland, United Kingdom": "GB",
    "Wales, United Kingdom": "GB", "Northern Ireland, United Kingdom": "GB",
    "Northern England": "GB",
    "American Samoa": "AS",
    "Aland Islands": "AX", "Åland Islands, Finland": "AX",
    "Réunion, France": "RE", "Reunion": "RE",
    "Guadeloupe, France": "GP", "Martinique, France": "MQ",
    "French Guiana, France": "GF",
    # --- misspellings and "place, country" strings in the twin list ----------
    "Bosnia and Hercegovina": "BA",
    "Grece": "GR",
    "Island": "IS",        # Icelandic/Scandinavian name of Iceland (Norðurþing)
    "Kazakhstah": "KZ",
    "Madagaskar": "MG",
    "Moldavia": "MD",      # Comrat, Soroca, Orhei, Ceadîr-Lunga: Republic of Moldova
    "Micronesia": "FM",    # Pohnpei
    "Surinam": "SR",
    "in Italy": "IT",
    "Algarve, Portugal": "PT", "Azores, Portugal": "PT",
    "Brandenburg, Germany": "DE", "Lower Saxony, Germany": "DE",
    "Mecklenburg-Vorpommern, Germany": "DE",
    "New York, United States": "US", "Ohio, United States": "US",
    "Rauma, Norway": "NO", "Tinn, Norway": "NO",
    # --- organs of a state named as mission operator -------------------------
    "Government of Sweden": "SE",
    "Ministry of Foreign Affairs and Cooperation of the Republic of Rwanda": "RW",
    "Ministry of Foreign Affairs of the People's Republic of China": "CN",
    "Ministry of Foreign Affairs of the Russian Federation": "RU",
    # --- not a state (ignored) -----------------------------------------------
    "Ministry of Foreign Affairs": NOT_A_STATE,  # no country named; Q697158 is the ROC's
                                                 # ministry (see relations_overrides TW-VA)
    "Abkhazia": NOT_A_STATE, "Republic of Abkhazia": NOT_A_STATE,
    "South Ossetia": NOT_A_STATE,
    "Northern Cyprus": NOT_A_STATE, "Turkish Republic of Northern Cyprus": NOT_A_STATE,
    "Somaliland": NOT_A_STATE,
    "Transnistria": NOT_A_STATE,
    "Central Tibetan Administration": NOT_A_STATE,
    "Sovereign Military Order of Malta": NOT_A_STATE, "Order of Malta": NOT_A_STATE,
    "European Union": NOT_A_STATE, "European Parliament": NOT_A_STATE,
    "African Union": NOT_A_STATE, "United Nations": NOT_A_STATE,
    "UNESCO": NOT_A_STATE, "World Trade Organization": NOT_A_STATE,
    "Nordic countries": NOT_A_STATE,
    "Indigenous Australians": NOT_A_STATE,
    "Quebec": NOT_A_STATE, "Saxony": NOT_A_STATE, "Government of New Mexico": NOT_A_STATE,
    "Portuguese colonization of the Americas": NOT_A_STATE,  # mis-typed host, see HOST_FIXES
    "Republic of Florence": NOT_A_STATE,                       # historical state
}

# Sub-national areas named as mission jurisdictions -> their country.
SUBNATIONAL = {
    "BR": ["Alagoas", "Ceará", "Espírito Santo", "Maranhão", "Mato Grosso",
           "Mato Grosso do Sul", "Minas Gerais", "Paraíba", "Pernambuco", "Piauí",
           "Rio de Janeiro", "Rio Grande do Norte", "Salvador", "São Paulo", "Sergipe"],
    "CN": ["Anhui", "Beijing", "Chongqing", "Fujian", "Gansu", "Guangdong", "Guangxi",
           "Guizhou", "Hainan", "Hebei", "Heilongjiang", "Henan", "Hubei", "Hunan",
           "Inner Mongolia", "Jiangsu", "Jiangxi", "Jilin", "Liaoning", "Ningxia",
           "Qinghai", "Shaanxi", "Shandong", "Shanghai", "Shanxi", "Sichuan", "Tianjin",
           "Tibet", "Xinjiang", "Yunnan", "Zhejiang"],
    "DE": ["Baden-Württemberg", "Bavaria", "Hesse", "North Rhine-Westphalia",
           "Rhineland-Palatinate", "Saarland"],
    "ES": ["Aragon", "Asturias", "Balearic Islands", "Basque Country", "Cantabria",
           "Catalonia", "Land of Valencia", "Navarre", "Region of Murcia"],
    "ID": ["Aceh", "Bali", "East Java", "East Kalimantan", "East Nusa Tenggara", "Jambi",
           "North Kalimantan", "North Sumatra", "Riau", "Riau Islands", "South Kalimantan",
           "West Nusa Tenggara", "West Sumatra"],
    "IN": ["North India", "South India"],
    "RU": ["Kamchatka Krai", "Magadan Oblast", "Primorsky Krai"],
    "US": ["Arkansas", "Hawaii", "Oklahoma", "Texas"],
}

# ---------------------------------------------------------------------------
# 3. Mission types (Wikidata `type` label) -> normalised type.
#    Official level: embassy, consulate_general, consulate, honorary_consulate.
#    de_facto: representation without diplomatic status (Taiwan's TECOs, the
#    AIT-style offices in Taipei, liaison/representative/trade offices).
#    other: does not say anything about bilateral relations (missions to
#    international bodies, interests sections, apostolic delegations,
#    sub-national governments' offices, unspecified "diplomatic mission").
# ---------------------------------------------------------------------------
TYPE_MAP = {
    "embassy": "embassy",
    "Embassy of the United States": "embassy",
    "high commission": "embassy",            # Commonwealth equivalent of an embassy
    "British High Commission": "embassy",
    "Australian High Commission": "embassy",
    "apostolic nunciature": "embassy",       # the Holy See's embassy
    "consulate general": "consulate_general",
    "Consulate General of Sweden": "consulate_general",
    "Consulate General of Belgium": "consulate_general",
    "assistant high commission": "consulate_general",  # India's in Bangladesh/Kenya
    "consulate": "consulate",
    "consulates of Sweden": "consulate",
    "consular office": "consulate",
    "Consular Agency": "consulate",
    "honorary consulate": "honorary_consulate",
    "de facto embassy": "de_facto",
    "de facto consulate": "de_facto",
    "Taipei Representative Office": "de_facto",
    "representative office": "de_facto",
    "liaison office": "de_facto",
    "trade office": "de_facto",
    "permanent mission": "other",            # to an international organisation
    "Interests Section": "other",            # exists because there are no relations
    "Apostolic delegation": "other",         # Holy See to a local church, not a state
    "Quebec Government Office": "other",     # sub-national government
    "diplomatic mission": "other",
    "diplomatic mission of El Salvador": "other",
}

# Per-mission type corrections (QID -> type), where the label says one thing and the
# mission is another.
TYPE_FIXES = {
    # Taiwan -> South Korea "Consular Agency": the Taipei Mission in Korea's Busan
    # office; Seoul and Taipei have had no diplomatic relations since 1992.
    "Q99540138": "de_facto",
}

# Per-mission host corrections (QID -> host iso2). The data has the operator as host,
# or a non-country as host, for these; the host is taken from the mission's city.
# "-" drops the mission as not hosted by a state.
HOST_FIXES = {
    "Q106519946": "TR",  # Australia, Ankara
    "Q23891477": "AR",   # Australia, Buenos Aires
    "Q782854": "PT",     # Australia, Lisbon
    "Q105160437": "ES",  # Australia, Madrid
    "Q106530479": "MX",  # Australia, Mexico City
    "Q782851": "DE",     # Australia, Berlin-Mitte
    "Q2841585": "FR",    # Australia, Paris
    "Q10422819": "SE",   # Australia, Stockholm
    "Q105839616": "IL",  # Australia, Tel Aviv
    "Q23891480": "AT",   # Australia, Vienna
    "Q9149460": "PL",    # Australia, Warsaw
    "Q23891776": "CN",   # Australia, Guangzhou
    "Q23891819": "CN",   # Australia, Hong Kong
    "Q111889686": "RO",  # Hungary, Miercurea Ciuc
    "Q114350159": "GN",  # Qatar, Conakry
    "Q98690941": "BR",   # Japan, Belém (host given as "Portuguese colonization of the Americas")
    "Q105707055": NOT_A_STATE,  # Taiwan Representative Office in Hargeisa: its host is
                                # Somaliland, not Somalia (ROC-Somalia: no relations)
}

# The missions file gives a QID beside each country string; the QID in COUNTRIES for
# the string's code must be among them (so that a typo in COUNTRIES shows up), except
# for these strings, which name something else on purpose. (The same label can come
# with several QIDs: "Taiwan" is also used for Taiwan's foreign ministry, "Japan" for
# the Japan-Taiwan Exchange Association.)
QID_EXPECTED_DIFFERENT = {
    "Kingdom of Denmark",        # Q756617 (realm) vs Denmark Q35
    "Ministry of Foreign Affairs and Cooperation of the Republic of Rwanda",
    "Ministry of Foreign Affairs of the People's Republic of China",
    "Ministry of Foreign Affairs of the Russian Federation",
    "Government of Sweden",
    "Sahrawi Arab Democratic Republic",  # Q40362 (the state) vs Western Sahara Q6250
    "West Bank",
    "Holy See",                  # Q159583 (the see) vs Vatican City Q237
    "Scotland", "Northern England",  # parts of the United Kingdom
}

# ---------------------------------------------------------------------------
# 4. Overrides: pairs the data gets wrong or lacks. Unordered pair, a < b.
#    status: official | de_facto | none.
# ---------------------------------------------------------------------------
OVERRIDES = [
    ("ID", "IL", "none",
     "Indonesia has no diplomatic relations with Israel; Kementerian Luar Negeri RI"),
    ("ID", "TW", "de_facto",
     "Indonesia's one-China policy: no diplomatic relations with the ROC; ties through "
     "KDEI Taipei (Kantor Dagang dan Ekonomi Indonesia) and TETO Jakarta (Taipei "
     "Economic and Trade Office); Kementerian Luar Negeri RI"),
    ("JP", "TW", "de_facto",
     "Japan ended diplomatic relations with the ROC on 29 September 1972 (Japan-China "
     "Joint Communique); ties through the Japan-Taiwan Exchange Association and TECRO. "
     "The data still lists a Japanese embassy in Taipei and an ROC consulate in Fukuoka "
     "(Q115135588, Q37446577)"),
    ("KI", "TW", "none",
     "Kiribati switched recognition from the ROC to the PRC on 20 September 2019 "
     "(ROC Ministry of Foreign Affairs); the data still lists Kiribati's embassy in "
     "Taipei (Q51295103)"),
    ("HN", "TW", "none",
     "Honduras ended relations with the ROC and recognised the PRC on 26 March 2023 "
     "(after the 2022-11-16 snapshot; ROC Ministry of Foreign Affairs)"),
    ("CN", "HN", "official",
     "PRC-Honduras diplomatic relations established 26 March 2023 (Ministry of Foreign "
     "Affairs of the PRC)"),
    ("NR", "TW", "none",
     "Nauru ended relations with the ROC on 15 January 2024 and recognised the PRC "
     "(after the 2022-11-16 snapshot; ROC Ministry of Foreign Affairs)"),
    ("CN", "NR", "official",
     "PRC-Nauru diplomatic relations resumed 24 January 2024 (Ministry of Foreign "
     "Affairs of the PRC)"),
    ("IR", "US", "none",
     "The United States severed diplomatic relations with Iran on 7 April 1980; "
     "interests sections under Pakistan (Washington) and Switzerland (Tehran); U.S. "
     "Department of State. The data's Iranian consulate in San Francisco is historical"),
    ("CA", "IR", "none",
     "Canada closed its embassy in Tehran and expelled Iran's diplomats on 7 September "
     "2012 (Global Affairs Canada); the data still lists Iran's embassy in Ottawa"),
    ("DZ", "MA", "none",
     "Algeria severed diplomatic relations with Morocco on 24 August 2021 (Algerian "
     "Ministry of Foreign Affairs); the data still lists both embassies"),
    ("RU", "UA", "none",
     "Ukraine severed diplomatic relations with Russia on 24 February 2022 (President "
     "of Ukraine); the data still lists the embassies"),
    ("US", "VE", "none",
     "Venezuela broke diplomatic relations with the United States on 23 January 2019; "
     "the US embassy in Caracas suspended operations in March 2019 (U.S. Department of "
     "State)"),
    ("BO", "IL", "none",
     "Bolivia severed diplomatic relations with Israel on 31 October 2023 (Bolivian "
     "Ministry of Foreign Affairs); after the snapshot"),
    ("CO", "IL", "none",
     "Colombia broke diplomatic relations with Israel, announced 1 May 2024 (President of "
     "Colombia); after the snapshot"),
]

OFFICIAL_TYPES = {"embassy", "consulate_general", "consulate", "honorary_consulate"}
DE_FACTO_TYPES = {"de_facto"}


# ---------------------------------------------------------------------------

def load_countries():
    rows = []
    seen = set()
    for line in COUNTRIES.strip().splitlines():
        iso, en, idn, qid, sov = line.split("|")
        assert len(iso) == 2 and iso.isupper() and iso not in seen, iso
        assert qid.startswith("Q"), line
        seen.add(iso)
        rows.append((iso, en, idn, qid, sov or iso))
    for _, _, _, _, sov in rows:
        assert sov == NOT_A_STATE or sov in seen, sov
    return rows


def build_aliases(countries):
    aliases = {}
    for iso, en, _, _, _ in countries:
        aliases[en] = iso
    for iso, names in SUBNATIONAL.items():
        for n in names:
            assert n not in aliases, n
            aliases[n] = iso
    for k, v in ALIASES.items():
        if k in aliases and aliases[k] != v:
            raise SystemExit("alias %r defined twice (%s, %s)" % (k, aliases[k], v))
        aliases[k] = v
    codes = {c[0] for c in countries}
    bad = {k: v for k, v in aliases.items() if v != NOT_A_STATE and v not in codes}
    assert not bad, bad
    return aliases


def qid_of(url):
    return url.strip().rsplit("/", 1)[-1] if url.strip() else ""


def split_multi(value):
    return [p.strip() for p in value.split("|")] if value.strip() else []


def read_twins(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        need = {"city1", "country1", "city2", "country2"}
        if not need <= set(reader.fieldnames or []):
            raise SystemExit("%s: expected columns %s" % (path, sorted(need)))
        return list(reader)


def read_missions(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter=";")
        need = {"operator", "operatorQID", "jurisdictions", "jurisdictionQIDs", "country",
                "countryQID", "city", "type", "QID"}
        if not need <= set(reader.fieldnames or []):
            raise SystemExit("%s: expected columns %s" % (path, sorted(need)))
        return list(reader)


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    return len(rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--twins", required=True, help="twin_cities_wikipedia.csv")
    ap.add_argument("--missions", required=True, help="diplomatic_missions_wikidata.csv")
    ap.add_argument("--out", required=True, help="output folder (data/reference)")
    ap.add_argument("--verbose", action="store_true",
                    help="list every dropped or repaired mission")
    args = ap.parse_args(argv)

    countries = load_countries()
    by_iso = {c[0]: c for c in countries}
    sovereign = {c[0]: c[4] for c in countries}
    aliases = build_aliases(countries)

    twins = read_twins(args.twins)
    missions = read_missions(args.missions)

    # -- distinct mission types first, so each is a deliberate decision ----------
    type_counts = collections.Counter(r["type"].strip() for r in missions)
    print("Mission types in %s (%d rows):" % (os.path.basename(args.missions), len(missions)))
    for t, n in sorted(type_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %5d  %-40s -> %s" % (n, t or "(empty)", TYPE_MAP.get(t, "UNMAPPED")))
    unmapped_types = sorted(t for t in type_counts if t not in TYPE_MAP)

    # -- every country string must be mapped -----------------------------------
    seen = collections.Counter()     # string -> occurrences
    sources = collections.defaultdict(set)
    empty_twin_countries = 0
    for r in twins:
        for col in ("country1", "country2"):
            s = r[col].strip()
            if not s:
                empty_twin_countries += 1
                continue
            seen[s] += 1
            sources[s].add("twins")
    mission_qids = collections.defaultdict(set)
    for r in missions:
        for col, qcol in (("operator", "operatorQID"), ("country", "countryQID")):
            s = r[col].strip()
            if s:
                seen[s] += 1
                sources[s].add("missions." + col)
                if r[qcol].strip():
                    mission_qids[s].add(qid_of(r[qcol]))
        names = split_multi(r["jurisdictions"])
        qids = split_multi(r["jurisdictionQIDs"])
        for i, s in enumerate(names):
            seen[s] += 1
            sources[s].add("missions.jurisdictions")
            if len(qids) == len(names):
                mission_qids[s].add(qid_of(qids[i]))
    unmapped = sorted(s for s in seen if s not in aliases)

    if unmapped or unmapped_types:
        if unmapped:
            print("\nERROR: %d country string(s) without an alias:" % len(unmapped),
                  file=sys.stderr)
            for s in unmapped:
                print("  %r  (%d x, in %s)" % (s, seen[s], ", ".join(sorted(sources[s]))),
                      file=sys.stderr)
        if unmapped_types:
            print("\nERROR: mission type(s) without a mapping: %s" % unmapped_types,
                  file=sys.stderr)
        return 1

    # -- QID consistency: strings that name a country in COUNTRIES -------------
    qid_problems = []
    for s, qs in sorted(mission_qids.items()):
        iso = aliases[s]
        if iso == NOT_A_STATE or s in QID_EXPECTED_DIFFERENT or s in SUBNATIONAL_NAMES:
            continue
        if by_iso[iso][3] not in qs:
            qid_problems.append("%r -> %s (%s) but missions file says %s"
                                % (s, iso, by_iso[iso][3], sorted(qs)))
    if qid_problems:
        print("\nERROR: Wikidata QID mismatch:", file=sys.stderr)
        for p in qid_problems:
            print("  " + p, file=sys.stderr)
        return 1

    # -- missions ----------------------------------------------------------------
    def state_of(code):
        """Sovereign state a code belongs to, or None if not a state."""
        if code == NOT_A_STATE:
            return None
        s = sovereign[code]
        return None if s == NOT_A_STATE else s

    dropped = collections.Counter()
    repaired = collections.Counter()

    def note(counter, reason, r):
        counter[reason] += 1
        if args.verbose:
            print("  %-8s %-55s %s -> %s @ %s [%s] %s"
                  % ("dropped" if counter is dropped else "repaired", reason,
                     r["operator"], r["country"], r["city"], r["type"], qid_of(r["QID"])))

    out_rows = []
    for r in missions:
        qid = qid_of(r["QID"])
        typ = TYPE_FIXES.get(qid, TYPE_MAP[r["type"].strip()])
        if qid in TYPE_FIXES:
            note(repaired, "type corrected by QID", r)
        op = state_of(aliases[r["operator"].strip()]) if r["operator"].strip() else None
        if qid in HOST_FIXES:
            host = state_of(HOST_FIXES[qid])
            if host is None:
                note(dropped, "host not a state (by QID)", r)
                continue
            note(repaired, "host corrected by QID", r)
        else:
            host = state_of(aliases[r["country"].strip()]) if r["country"].strip() else None
        juris = []
        for s in split_multi(r["jurisdictions"]):
            j = state_of(aliases[s])
            if j and j not in juris:
                juris.append(j)
        if op is None:
            note(dropped, "operator not a state", r)
            continue
        # Embassies to the Holy See sit in Rome: host Italy, jurisdiction Vatican City.
        if host == "IT" and "VA" in juris and "IT" not in juris:
            host = "VA"
            note(repaired, "host Italy -> Vatican (mission to the Holy See in Rome)", r)
        if host is None:
            note(dropped, "host not a state", r)
            continue
        if host == op:
            others = [j for j in juris if j != op]
            if len(others) == 1:
                host = others[0]
                note(repaired, "host = operator, taken from sole jurisdiction", r)
            else:
                note(dropped, "host = operator, no way to tell the host", r)
                continue
        out_rows.append((op, host, r["city"].strip(), typ, qid, "|".join(juris)))
    out_rows.sort(key=lambda x: (x[0], x[1], x[3], x[2], x[4]))

    # -- pair status as the product derives it (for the summary only) ----------
    #    rule "host": operator and host of each mission;
    #    rule "host+jurisdictions": also every state the mission is accredited to.
    def derive(with_jurisdictions):
        pair_types = collections.defaultdict(set)
        for op, host, _, typ, _, juris in out_rows:
            targets = {host}
            if with_jurisdictions and juris:
                targets.update(juris.split("|"))
            for t in targets:
                if t != op:
                    pair_types[tuple(sorted((op, t)))].add(typ)
        derived = {}
        for p, ts in pair_types.items():
            if ts & OFFICIAL_TYPES:
                derived[p] = "official"
            elif ts & DE_FACTO_TYPES:
                derived[p] = "de_facto"
        final = dict(derived)
        for a, b, status, _ in OVERRIDES:
            if status == "none":
                final.pop((a, b), None)
            else:
                final[(a, b)] = status
        return derived, final

    for a, b, status, _ in OVERRIDES:
        assert a < b and status in ("official", "de_facto", "none"), (a, b, status)
        assert sovereign.get(a) == a and sovereign.get(b) == b, (a, b)
    derived_h, final_h = derive(False)
    derived_j, final_j = derive(True)

    # -- write -------------------------------------------------------------------
    os.makedirs(args.out, exist_ok=True)
    n_c = write_csv(os.path.join(args.out, "countries.csv"),
                    ["iso2", "name_en", "name_id", "wikidata_qid", "sovereign_iso2"],
                    [list(c) for c in countries])
    n_a = write_csv(os.path.join(args.out, "country_aliases.csv"), ["alias", "iso2"],
                    sorted(aliases.items(), key=lambda kv: (kv[0].casefold(), kv[0])))
    n_m = write_csv(os.path.join(args.out, "diplomatic_missions.csv"),
                    ["operator_iso", "host_iso", "city", "type", "qid", "jurisdictions_iso"],
                    out_rows)
    n_o = write_csv(os.path.join(args.out, "relations_overrides.csv"),
                    ["a", "b", "status", "source"], [list(o) for o in OVERRIDES])

    # -- summary -----------------------------------------------------------------
    states = sum(1 for c in countries if c[4] == c[0])
    print("\nInputs: %d twin pairs (%d distinct country strings, %d empty country fields "
          "skipped), %d missions" % (len(twins), len({s for s in seen if "twins" in sources[s]}),
                                     empty_twin_countries, len(missions)))
    print("Country strings mapped: %d (%d to '-')"
          % (len(seen), sum(1 for s in seen if aliases[s] == NOT_A_STATE)))
    print("Missions kept: %d; dropped: %d" % (len(out_rows), sum(dropped.values())))
    for k, v in sorted(dropped.items()):
        print("  dropped  %4d  %s" % (v, k))
    for k, v in sorted(repaired.items()):
        print("  repaired %4d  %s" % (v, k))
    tc = collections.Counter(r[3] for r in out_rows)
    print("Kept missions by type: " + ", ".join("%s %d" % kv for kv in sorted(tc.items())))
    print("Country pairs (unordered, %d states = %d possible):" % (states, states * (states - 1) // 2))
    for name, derived, final in (("host", derived_h, final_h),
                                 ("host+jurisdictions", derived_j, final_j)):
        dc = collections.Counter(derived.values())
        fc = collections.Counter(final.values())
        print("  rule %-19s from missions: official %5d, de_facto %3d; after overrides: "
              "official %5d, de_facto %3d"
              % (name, dc["official"], dc["de_facto"], fc["official"], fc["de_facto"]))
    print("Overrides (data by rule host / host+jurisdictions -> override):")
    for a, b, status, _ in OVERRIDES:
        print("  %s-%s: %-8s / %-8s -> %s" % (a, b, derived_h.get((a, b), "none"),
                                             derived_j.get((a, b), "none"), status))
    print("Wrote %s: countries.csv %d, country_aliases.csv %d, diplomatic_missions.csv %d, "
          "relations_overrides.csv %d rows" % (args.out, n_c, n_a, n_m, n_o))
    return 0


SUBNATIONAL_NAMES = {n for names in SUBNATIONAL.values() for n in names}

if __name__ == "__main__":
    sys.exit(main())
