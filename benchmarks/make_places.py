"""Write ``watcher/facts/lexicons/places.json``: names of countries, regions and cities, in English and
French, that the extractor reads as where something happens, never as a company ("raises $3M to expand in
Kenya", "présente à Londres et à Paris").

The countries and world regions (continents too: "Afrique de l'Ouest") are CLDR's territory names
(through Babel, which trafilatura's courlan already installs); the cities are the time-zone cities of
Africa, Europe and Asia, named in both languages, plus the cities and regions below that no time zone is
named after. Run it by hand after a Babel upgrade
and review the diff: ``python benchmarks/make_places.py``.
"""

from __future__ import annotations

import json
import zoneinfo
from pathlib import Path

from babel import Locale
from babel.dates import get_timezone_location

from watcher.facts.sentences import fold

OUT = Path(__file__).resolve().parent.parent / "watcher" / "facts" / "lexicons" / "places.json"
LANGS = ("en", "fr")
ZONE_AREAS = ("Africa", "Europe", "Asia")
# Cities and regions of the markets the watcher's users follow most that no time zone is named after.
EXTRA = (
    "lyon, marseille, toulouse, bordeaux, nantes, lille, rennes, strasbourg, montpellier, nice, grenoble, "
    "rouen, toulon, saint-etienne, dijon, angers, reims, le havre, clermont-ferrand, tours, limoges, amiens, "
    "metz, nancy, besancon, orleans, caen, brest, poitiers, la rochelle, pau, perpignan, sophia antipolis, "
    "saclay, ile-de-france, bretagne, normandie, occitanie, nouvelle-aquitaine, hauts-de-france, grand est, "
    "auvergne-rhone-alpes, provence-alpes-cote d'azur, pays de la loire, bourgogne-franche-comte, "
    "centre-val de loire, corse, la reunion, martinique, guadeloupe, "
    "wallonie, wallonia, flandre, flandres, flanders, liege, gand, ghent, anvers, antwerp, namur, charleroi, "
    "louvain, leuven, mons, bruges, "
    "geneve, geneva, lausanne, zurich, bale, basel, berne, bern, lugano, neuchatel, fribourg, vaud, valais, "
    "quebec, montreal, sherbrooke, gatineau, trois-rivieres, ontario, toronto, ottawa, vancouver, calgary, "
    "alberta, colombie-britannique, british columbia, "
    "california, californie, texas, new york, floride, florida, massachusetts, delaware, seattle, "
    "san francisco, los angeles, boston, chicago, austin, miami, atlanta, denver, silicon valley, "
    "sao paulo, rio de janeiro, mexico, bogota, lima, santiago, buenos aires, sydney, melbourne, auckland, "
    "munich, munchen, hambourg, hamburg, francfort, frankfurt, cologne, koln, dusseldorf, stuttgart, "
    "barcelone, barcelona, milan, milano, turin, rome, roma, porto, "
    "bangalore, bengaluru, mumbai, bombay, new delhi, delhi, hyderabad, chennai, pune, gurgaon, gurugram, "
    "shenzhen, pekin, beijing, shanghai, riyad, riyadh, abou dhabi, abu dhabi, dubai, doha, le caire, cairo, "
    "lagos, nairobi, kigali, casablanca, rabat, tunis, dakar, abidjan, kinshasa, douala, yaounde, accra, "
    "johannesburg, le cap, cape town, addis-abeba, addis ababa, kampala, dar es salaam, cotonou, lome, "
    "ouagadougou, bamako, niamey, libreville, brazzaville, "
    # Short forms the press uses, and the regions it groups markets in.
    "uae, rdc, usa, uk, u.k., u.s., leeds, manchester, birmingham, edinburgh, glasgow, bristol, "
    "cambridge, oxford, republique democratique du congo, emirats, etats-unis d'amerique, "
    "middle east, moyen-orient, mena, emea, apac, latam, benelux, dach, nordics, scandinavia, scandinavie, "
    "maghreb, west africa, east africa, north africa, afrique de l'ouest, afrique de l'est, afrique du nord, "
    "afrique francophone, francophone africa, sub-saharan africa, afrique sub-saharienne, "
    "latin america, south east asia, asia-pacific, asia pacific, asie-pacifique, central america, "
    "eastern europe, western europe, central and eastern europe, europe de l'est, europe centrale, "
    "baltics, the baltics, pays baltes, gcc, southern africa, afrique australe, central africa, "
    "afrique centrale, the gulf states, gulf states, middle east and north africa, "
    # The United States' states, the United Kingdom's nations, Germany's and Canada's largest regions.
    "alabama, alaska, arizona, arkansas, colorado, connecticut, hawaii, idaho, illinois, indiana, iowa, "
    "kansas, kentucky, louisiana, maine, maryland, michigan, minnesota, mississippi, missouri, montana, "
    "nebraska, nevada, new hampshire, new jersey, new mexico, north carolina, north dakota, ohio, oklahoma, "
    "oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, utah, vermont, virginia, "
    "washington state, west virginia, wisconsin, wyoming, england, scotland, wales, northern ireland, "
    "angleterre, ecosse, pays de galles, irlande du nord, bavaria, baviere, bayern, baden-wurttemberg, "
    "north rhine-westphalia, saxony, saxe, hesse, lower saxony, manitoba, saskatchewan, nova scotia, "
    "new brunswick, nouveau-brunswick, nouvelle-ecosse, "
    # The United States' and Israel's start-up hubs ("a Menlo Park, Calif.-based maker of sensors").
    "palo alto, mountain view, menlo park, redwood city, san jose, santa clara, sunnyvale, berkeley, "
    "oakland, san mateo, brooklyn, san diego, pittsburgh, philadelphia, washington dc, washington d.c., "
    "dallas, houston, phoenix, salt lake city, raleigh, nashville, minneapolis, detroit, tel aviv, "
    "tel-aviv, haifa, herzliya, noida, hangzhou, "
    # The states' postal codes the trade press writes after a city ("a lab based in NJ"), but
    # not those that are also a word or an acronym in English or French ("IN", "OR", "IL", "IA", "VA",
    # "NE", "MS", "MD", "AL", "CA", "MA"...).
    "ak, az, ct, dc, fl, ga, ks, ky, mn, nc, nd, nh, nj, nm, nv, ny, pa, sd, tn, tx, vt, wa, wv, wy"
)
# Place names that are as often someone's or something's name in funding news.
# Codes that name no place: CLDR's pseudo-locales, the unknown region, the United Nations.
NOT_TERRITORIES = {"XA", "XB", "ZZ", "UN", "001"}
NOT_PLACES = {
    "oral",
    "jersey",
    "guernsey",
    "chad",
    "tchad",
    "georgia",
    "jordan",
    "victoria",
    "man",
    "world",
    "monde",
}


def _extra() -> set[str]:
    return {name.strip() for name in EXTRA.split(",")}


def places() -> list[str]:
    names: set[str] = set()
    for lang in LANGS:
        territories = Locale(lang).territories.items()
        names.update(fold(name) for code, name in territories if code not in NOT_TERRITORIES)
    for zone in sorted(zoneinfo.available_timezones()):
        if zone.split("/")[0] not in ZONE_AREAS:
            continue
        for lang in LANGS:
            names.add(fold(get_timezone_location(zone, locale=lang, return_city=True)))
    names.update(fold(n) for n in _extra())
    # One apostrophe, as the extractor folds names to compare them ("Côte d’Ivoire", "Côte d'Ivoire").
    return sorted({n.replace("’", "'") for n in names if n and n not in NOT_PLACES})


def main() -> None:
    data = {
        "_comment": "Generated by benchmarks/make_places.py (CLDR territory and time-zone city names in "
        "English and French, plus a short list of cities and regions). Folded, lower case.",
        "places": places(),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(data['places'])} places -> {OUT}")


if __name__ == "__main__":
    main()
