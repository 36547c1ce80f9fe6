"""The Leipzig trip's itinerary and outcomes as tables (local time at the venue, Shanghai).

Venues are illustrative; titles, counterparts and outcomes follow the press releases of July
2019. Each row: (kind, title, venue, leg, start, end, counterparts, agenda, attendees).
"""

from __future__ import annotations

NANJING_GOV = "Nanjing Municipal People's Government (南京市人民政府)"
JINING_GOV = "Jining Municipal People's Government (济宁市人民政府)"
ECMDC = "EU-China Municipal Development Commission (ECMDC)"
BOTH = ("koerner", "schuelke")

# key: (kind, title, venue, leg, start, end, counterparts, agenda, attendees)
NANJING_MEETINGS = {
    "presentation": (
        "conference session", "Leipzig as an attractive business location for Chinese "
        "companies", "Jinling Hotel, Nanjing", "nanjing", "2019-06-25 14:00",
        "2019-06-25 16:00", (NANJING_GOV, ECMDC),
        "Presentation by Clemens Schülke: the advantages of Leipzig as a location for Chinese "
        "investors; questions from Nanjing companies.", BOTH),
    "nanjing_gov": (
        "official meeting", "Meeting with the Nanjing municipal government",
        "Nanjing Municipal People's Government", "nanjing", "2019-06-26 09:30",
        "2019-06-26 11:30", (NANJING_GOV,),
        "Strengthen the twin-town partnership (since 1988); hand over the eleven Leipzig "
        "company profiles; prepare the MoU.", BOTH),
    "nanjing_signing": (
        "signing ceremony", "Signing of the Leipzig–Nanjing Memorandum of Understanding",
        "Nanjing Municipal People's Government", "nanjing", "2019-06-26 11:45",
        "2019-06-26 12:30", (NANJING_GOV,),
        "MoU to further strengthen economic cooperation between the twin towns.", BOTH),
    "nanjing_dinner": (
        "dinner", "Dinner hosted by the Nanjing municipal government", "Jinling Hotel, Nanjing",
        "nanjing", "2019-06-26 18:30", "2019-06-26 20:30", (NANJING_GOV,), "", BOTH),
    "nanjing_companies": (
        "official meeting", "Talks with Nanjing companies interested in Leipzig",
        "Jinling Hotel, Nanjing", "nanjing", "2019-06-27 10:00", "2019-06-27 12:00",
        (ECMDC,), "Arranged by ECMDC: Nanjing firms looking at Europe meet the delegation.",
        BOTH),
    "site_visit": (
        "site visit", "Visit to the Jiangbei New Area industrial park", "Jiangbei New Area, "
        "Nanjing", "nanjing", "2019-06-27 14:00", "2019-06-27 17:00", (NANJING_GOV,),
        "Tour of the industrial park and its incubators.", BOTH),
}
JINING_MEETINGS = {
    "travel": (
        "travel", "Travel Nanjing → Jining (about 500 km)", "High-speed train Nanjing South → "
        "Qufu East, then by car", "jining", "2019-06-28 08:00", "2019-06-28 13:00", (),
        "Placed in Jining, the destination, so the itinerary shows it on arrival day.", BOTH),
    "jining_gov": (
        "official meeting", "Return visit: meeting with the Jining municipal leadership",
        "Jining Municipal People's Government", "jining", "2019-06-28 15:30",
        "2019-06-28 17:30", (JINING_GOV,),
        "Return visit: Mayor Shi Guangliang visited Leipzig last year. Intensify economic "
        "relations between Leipzig and Jining.", BOTH),
    "jining_signing": (
        "signing ceremony", "Signing of the Leipzig–Jining Memorandum of Understanding",
        "Jining Municipal People's Government", "jining", "2019-06-28 17:30",
        "2019-06-28 18:15", (JINING_GOV,),
        "Michael Körner signs an MoU with representatives of the Jining region.", BOTH),
    "jining_dinner": (
        "dinner", "Welcome dinner hosted by the City of Jining", "Jining", "jining",
        "2019-06-28 18:30", "2019-06-28 20:30", (JINING_GOV,), "", BOTH),
    "jining_companies": (
        "company visit", "Visit to industrial companies in Jining", "Jining High-tech Zone",
        "jining", "2019-06-29 14:00", "2019-06-29 16:30", (JINING_GOV, ECMDC),
        "A typical Chinese industrial metropolis: machinery and logistics firms.", BOTH),
    "return": (
        "travel", "Return journey via Shanghai to Leipzig", "Jining Qufu Airport", "jining",
        "2019-06-30 09:00", "2019-06-30 13:00", (), "", BOTH),
}

OUTCOMES = {
    "presentation": ("About 40 representatives of Nanjing companies attended; strong interest "
                     "in logistics and automotive suppliers.",
                     ["Promote Leipzig as an investment location for Chinese firms",
                      "Chinese-language location brochure for Nanjing companies"]),
    "nanjing_gov": ("The eleven Leipzig company profiles were handed over; the city will pass "
                    "them to interested Nanjing firms.",
                    ["Sale of Leipzig products on the Chinese market through new partnerships",
                     "A larger delegation trip with the Leipzig companies"]),
    "nanjing_signing": ("Representatives of both cities signed the MoU.",
                        ["Make opportunities to locate and invest in Leipzig more widely known"]),
    "nanjing_dinner": ("Informal exchange with the city's foreign-affairs office.", []),
    "nanjing_companies": ("Six Nanjing firms asked for contacts among the eleven profiles.",
                          ["Introduce Auensee Logistik to Nanjing e-commerce shippers"]),
    "jining_gov": ("Cordial return visit; Jining proposes company matchmaking in its "
                   "machinery and logistics parks.",
                   ["Match Leipzig company profiles with Jining firms",
                    "A larger delegation trip with the Leipzig companies"]),
    "jining_signing": ("Michael Körner and representatives of the Jining region signed the "
                       "MoU reaffirming their intentions for economic cooperation.", []),
    "jining_dinner": ("Dinner with the mayor's office and local entrepreneurs.", []),
    "jining_companies": ("Visited two machinery makers and a logistics park.",
                         ["Water treatment for the Jining industrial parks (Elster-Saale)"]),
}
