/**
 * Word lists for the synthetic corpus. All fictional: places, outlets and stories are made up,
 * so nothing in a generated corpus is copied from real documents.
 */

export const PLACES = [
  "Port Alder", "Eastmere", "Kettle Bay", "Northwick", "Saltgrove", "Hollin Reach", "Brackenford", "Ashby Cross",
  "Lowwater", "Fennick", "Marrow Point", "Greyholm", "Tidewell", "Osier Vale", "Rookham", "Starling Quay",
  "Westerly", "Copperfield", "Duneside", "Harrowgate", "Millbeck", "Oakhurst", "Pebble Strand", "Quillby",
  "Ravensmoor", "Sedgewick", "Thornbury", "Umberlee", "Vantage Hill", "Wickmere", "Yarrow Fen", "Zephyr Sound",
  "Bellhaven", "Cinder Row", "Driftwood", "Elmstead", "Foxglove Park", "Gullcliff", "Heronsgate", "Ironbridge",
] as const;

export const OUTLET_WORDS = [
  "Ledger", "Herald", "Gazette", "Courier", "Dispatch", "Tribune", "Observer", "Review", "Daily", "Post",
  "Chronicle", "Bulletin", "Record", "Wire", "Signal", "Report", "Monitor", "Digest", "Journal", "Times",
] as const;

/** Subjects topics are made of; some carry the punctuation real topic names have. */
export const TOPIC_SUBJECTS = [
  "AI", "Open Data", "Transit", "Trams", "Ferries", "Cycling", "Housing", "Zoning", "Budget", "Schools",
  "Climate", "Flooding", "Storms", "Wetlands", "Solar", "Wind Power", "Batteries", "Hydrogen", "Water", "Waste",
  "Recycling", "Parks", "Libraries", "Museums", "Music", "Theatre", "Football", "Rowing", "Marathons", "Health",
  "Hospitals", "Nursing", "Vaccines", "Policing", "Courts", "Elections", "Council", "Taxes", "Jobs", "Unions",
  "Startups", "Fintech", "Retail", "Tourism", "Shipping", "Ports", "Logistics", "Aviation", "Rail", "Roads",
  "Bridges", "Tunnels", "Broadband", "Wi-Fi", "5G", "Cloud", "Cybersecurity", "Privacy", "C#", "C++",
  "Node.js", "Python", "Rust", "Kubernetes", "Open Source", "Machine Learning", "Robotics", "Drones", "Satellites", "Space",
  "Farming", "Fisheries", "Food", "Markets", "Restaurants", "Heritage", "Architecture", "Planning", "Energy", "Grid",
  "Heat Pumps", "Insulation", "Air Quality", "Noise", "Trees", "Birds", "Wildlife", "Oceans", "Tides", "Coastline",
  "Universities", "Research", "Science", "Physics", "Chemistry", "Biology", "Maths", "Careers", "Training", "Apprenticeships",
  "R&D", "Power Apps", "Data Science", "Dev Tools", "e-Bikes", "Low-Code", "Smart Cities", "Accessibility", "Elderly Care", "Childcare",
] as const;

export const TOPIC_MODIFIERS = [
  "Local", "Regional", "Public", "Urban", "Rural", "Coastal", "Green", "Digital", "Community", "Youth",
  "Harbour", "City", "Night", "Winter", "Summer", "Future", "Open", "Smart", "Small-Business", "Student",
] as const;

export const NOUNS = [
  "council", "ferry", "tram", "harbour", "market", "library", "school", "bridge", "tunnel", "station",
  "depot", "park", "wetland", "grid", "budget", "plan", "survey", "report", "trial", "study",
  "festival", "league", "club", "cooperative", "startup", "laboratory", "hospital", "clinic", "museum", "theatre",
  "route", "fleet", "terminal", "barrier", "seawall", "reservoir", "orchard", "warehouse", "quay", "lighthouse",
  "dataset", "platform", "app", "network", "sensor", "forecast", "map", "archive", "strike", "contract",
] as const;

export const VERBS = [
  "approves", "delays", "opens", "closes", "expands", "reviews", "tests", "launches", "cuts", "raises",
  "rebuilds", "restores", "upgrades", "replaces", "welcomes", "rejects", "funds", "shortlists", "maps", "measures",
  "doubles", "halves", "pauses", "resumes", "extends", "wins", "loses", "unveils", "publishes", "confirms",
] as const;

export const ADJECTIVES = [
  "new", "electric", "historic", "quiet", "busy", "flooded", "record", "first", "final", "temporary",
  "permanent", "open-source", "late-night", "low-cost", "long-awaited", "cross-harbour", "zero-emission", "community-run", "independent", "experimental",
] as const;

export const QUALIFIERS = [
  "after a decade", "for the summer", "ahead of winter", "despite objections", "on a trial basis", "at last",
  "in a close vote", "for the first time", "by next spring", "after the storm", "with federal money", "amid delays",
  "as ridership climbs", "before the election", "after public consultation", "in the north end",
] as const;

/** Words that make a headline non-ASCII: accented Latin, CJK, Arabic, Greek, Cyrillic. */
export const NON_ASCII_WORDS = [
  "Zürich", "São Paulo", "Kraków", "Ærøskøbing", "Île-de-France", "Đà Nẵng", "Malmö", "Reykjavík", "Curaçao", "Łódź",
  "café", "naïve", "façade", "Straße", "東京", "港湾", "電車", "大阪", "서울", "ميناء",
  "القطار", "مدينة", "Αθήνα", "Москва", "Ελλάδα", "Kyiv–Lviv", "über", "piñata", "crème", "Bogotá",
] as const;

export const FILLER = [
  "the", "a", "new", "plan", "would", "see", "residents", "and", "visitors", "across", "the", "city",
  "officials", "said", "on", "Tuesday", "that", "work", "could", "begin", "next", "year", "while", "critics",
  "warned", "of", "higher", "costs", "for", "households", "in", "older", "neighbourhoods", "where", "services",
  "have", "been", "stretched", "since", "the", "pandemic", "according", "to", "figures", "released", "this",
  "week", "by", "the", "regional", "authority", "which", "expects", "demand", "to", "keep", "rising", "through",
  "the", "decade", "engineers", "say", "early", "results", "are", "promising", "but", "more", "data", "is",
  "needed", "before", "any", "decision", "volunteers", "counted", "more", "than", "three", "hundred", "people",
  "at", "the", "opening", "with", "queues", "stretching", "along", "the", "waterfront",
] as const;

export const HASHTAGS = ["#PortAlder", "#OpenData", "#Transit", "#Climate", "#LocalNews", "#CityHall"] as const;

export const CATEGORIES = ["stats", "analysis", "opinion", "explainer"] as const;
