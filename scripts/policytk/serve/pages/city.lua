-- policytk.serve.pages.city: what every page of a city starts from — the city of params.city
-- (404 when it is not loaded), the date the page is computed as of (params.as_of, else today
-- as `policytk progress` takes it), the plugin's thresholds read as `policytk progress` reads
-- them (policytk.progress.cli.thresholds) and the progress dataset of the city
-- (policytk.progress.data): one computation of status, the CLI's.
--
--   local city, as_of = pages_city.resolve(conn, params)   -- or nil, status, message
--   local set = pages_city.dataset(conn, city)              -- progress.dataset with the thresholds
--
-- Capability: serve: the web server and its pages (entry policytk.serve; map in docs/architecture.md).

local core = require "policytk.core"
local progress = require "policytk.progress"
local pcli = require "policytk.progress.cli"
local queries = require "policytk.data.queries"

local M = {}

--- The city row of params.city and the as-of date; nil, 404 | 400, message otherwise.
function M.resolve(conn, params)
  local id = params and params.city
  local city = type(id) == "string" and queries.city(conn, id) or nil
  if not city then
    return nil, 404, string.format("没有城市“%s”（数据库中已载入的城市才有页面）", tostring(id or ""))
  end
  local as_of = params.as_of
  if as_of == nil or as_of == "" then
    as_of = pcli.today()
  elseif not core.is_iso_date(as_of) then
    return nil, 400, string.format("日期应为 YYYY-MM-DD（如 2025-06-30）；实为“%s”", tostring(as_of))
  end
  return city, as_of
end

--- The thresholds of the city's plugin as `policytk progress` reads them ({ [city] = … }).
function M.thresholds(city)
  return pcli.thresholds({ city.id })
end

--- The progress dataset of the city (its targets and figures, the plugin's thresholds).
function M.dataset(conn, city)
  return progress.dataset(conn, { city = city.id, thresholds = M.thresholds(city) })
end

return M
