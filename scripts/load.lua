-- wrk script for the load test of docs/benchmarks.md: record pages and
-- search pages of a synthetic registry (proximite demo -synthetic N), in
-- French and English, drawn at random so that record pages are spread
-- over the whole registry.
--
--   scripts/load.sh sqlite:registry.db http://127.0.0.1:8080 [mix|records|search] [60s]
--
-- PROXIMITE_LOAD_MIX: "mix" (default: 45 % record pages, 55 % searches),
-- "records" (record pages only) or "search" (search pages only).

local mix = os.getenv("PROXIMITE_LOAD_MIX") or "mix"

-- The record pages come from a file of "type slug" lines, published
-- records drawn at random from the whole registry (scripts/load.sh writes
-- it), so that they are spread over the registry as visitors' are.
local records = {}
local file = os.getenv("PROXIMITE_LOAD_RECORDS") or "load-records.txt"
for line in io.lines(file) do
  local t, slug = line:match("^(%S+)%s+(%S+)$")
  if t then records[#records + 1] = {t, slug} end
end
local sections = {
  fr = {organisation = "acteurs", partnership = "partenariats", project = "projets"},
  en = {organisation = "organisations", partnership = "partnerships", project = "projects"},
}

local words = {"eau", "alphabetisation", "microcredit", "sante", "gouvernance", "femmes", "jeunes",
  "cooperative", "reboisement", "peche", "water", "literacy", "health", "solaire", "formation",
  "agriculture", "jumelage", "delegation", "mali", "haiti", "eau+potable", "sante+maternelle",
  "gouvernance+locale", "securite+alimentaire", "commerce+equitable", "energie+solaire",
  "drinking+water", "burkina+faso", "emploi+jeunes", "radio+communautaire"}
local filters = {"country=ML", "country=HN", "sector=140", "sector=151", "type=project&country=SN",
  "org_kind=municipality", "status=2", "year=2010", "type=visit&direction=south_north",
  "country=BF&country=NE&sector=311", "q=eau&country=BF", "q=sante&sector=122",
  "q=femmes&country=HT", "q=jumelage&type=partnership"}

-- PROXIMITE_LOAD_POPULARITY: "zipf" (default) draws records as visits
-- fall on a real site, a few often and most rarely (Zipf's law, s = 1:
-- the k-th most visited record is visited 1/k as often as the first);
-- "uniform" draws every record alike, the worst case for any cache.
local popularity = os.getenv("PROXIMITE_LOAD_POPULARITY") or "zipf"

local function pick(n)
  if popularity == "uniform" then return math.random(n) end
  -- Inverse of the Zipf CDF, which for s = 1 is close to ln(k) / ln(n).
  return math.min(n, math.floor(n ^ math.random()))
end

local function record()
  local lang = math.random(2) == 1 and "fr" or "en"
  local r = records[pick(#records)]
  return string.format("/%s/%s/%s", lang, sections[lang][r[1]], r[2])
end

local function search()
  local lang = math.random(2) == 1 and "fr" or "en"
  local sec = lang == "fr" and "recherche" or "search"
  if math.random(2) == 1 then
    return string.format("/%s/%s?q=%s", lang, sec, words[math.random(#words)])
  end
  return string.format("/%s/%s?%s", lang, sec, filters[math.random(#filters)])
end

local seeded = 0
function setup(thread)
  seeded = seeded + 1
  thread:set("seed", seeded)
end

function init(args)
  math.randomseed(os.time() + (seed or 0) * 7919)
end

function request()
  local path
  if mix == "records" then
    path = record()
  elseif mix == "search" then
    path = search()
  elseif math.random(100) <= 45 then
    path = record()
  else
    path = search()
  end
  return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
end

-- Non-2xx answers count as errors in wrk's summary; print them too.
function done(summary, latency, requests)
  io.write(string.format("non-2xx or 3xx: %d, socket errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout))
end
