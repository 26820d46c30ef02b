-- policytk.reports.index: the shared builder of an annual index report (Hangzhou `index`) —
-- composite indices from the indicators, weights and base year the rule declares
-- (report{ indices = … }): each component as its value relative to the base year (= 100), the
-- index as their weighted mean; the method is written into the report.
--
-- Capability: reports: report rules to documents (entry policytk.reports.engine; map in docs/architecture.md).

local common = require "policytk.reports.common"

local function component_value(s, flow, year)
  return common.figure(s, flow, string.format("%04d-01-01", year), string.format("%04d-12-31", year))
end

return function(ctx, period)
  local records = ctx.progress()
  local year = tonumber(period:sub(1, 4))
  local sections, notes, methods = {}, {}, {}
  for n, idx in ipairs(ctx.rule.indices or {}) do
    local comps = {}
    local total_w = 0
    for _, c in ipairs(idx.components) do
      local ind = ctx.indicator(c.indicator)
      local s = ctx.series(c.indicator)
      local base = component_value(s, ind and ind.flow == 1, idx.base_year)
      comps[#comps + 1] = { code = c.indicator, name = ind and ind.name or c.indicator, weight = c.weight,
                            flow = ind and ind.flow == 1, series = s, base = base, unit = ind and ind.unit or "" }
      total_w = total_w + c.weight
      if not base or base == 0 then
        notes[#notes + 1] = string.format("%s：成分“%s”缺少基期（%d年）数据，不计入指数。", idx.name,
          ind and ind.name or c.indicator, idx.base_year)
      end
    end
    local columns = { { key = "year", title = "年份", type = "text" } }
    for i, c in ipairs(comps) do
      columns[#columns + 1] = { key = "v" .. i, title = c.name, type = "number" }
      columns[#columns + 1] = { key = "r" .. i, title = c.name .. "(基期=100)", type = "points" }
    end
    columns[#columns + 1] = { key = "index", title = idx.name, type = "points" }
    columns[#columns + 1] = { key = "note", title = "备注", type = "text" }
    local rows, pts = {}, {}
    for y = idx.base_year, year do
      local row = { year = tostring(y) }
      local num, den, missing = 0, 0, {}
      for i, c in ipairs(comps) do
        local v = component_value(c.series, c.flow, y)
        row["v" .. i] = v
        if v and c.base and c.base ~= 0 then
          local rel = v / c.base * 100
          row["r" .. i] = common.round(rel, 4)
          num, den = num + c.weight * rel, den + c.weight
        else
          missing[#missing + 1] = c.name
        end
      end
      if den > 0 then
        row.index = common.round(num / den, 4)
        pts[#pts + 1] = { period = tostring(y), value = row.index }
      end
      row.note = #missing > 0 and ("缺：" .. table.concat(missing, "、") .. (den > 0 and "（其余成分按权重重新归一）" or "")) or ""
      rows[#rows + 1] = row
    end
    local wparts = {}
    for _, c in ipairs(comps) do wparts[#wparts + 1] = string.format("%s × %.4g", c.name, c.weight / total_w) end
    local method = string.format("%s：以%d年为基期（=100），各成分指标当年值除以基期值乘以100，按权重加权平均："
      .. "指数 = Σ 权重 × 成分相对值 ÷ Σ 权重（%s）。流量指标取全年合计，存量与比率指标取年末值；某年缺少的成分不计入，"
      .. "其余成分的权重重新归一。", idx.name, idx.base_year, table.concat(wparts, "，"))
    if idx.method then method = method .. " 插件说明：" .. idx.method end
    methods[#methods + 1] = method
    sections[#sections + 1] = { id = idx.code, title = string.format("%s、%s", ({ "一", "二", "三", "四", "五" })[n] or n,
      idx.name), text = method, columns = columns, rows = rows,
      charts = #pts > 1 and { { title = idx.name, unit = "", points = pts } } or nil }
  end
  if #sections == 0 then notes[#notes + 1] = "该规则未声明指数（indices）。" end
  local trows = {}
  for i, r in ipairs(records) do trows[i] = common.target_row(r) end
  sections[#sections + 1] = { id = "targets", title = "相关目标进展", columns = common.TARGET_COLUMNS, rows = trows,
                              bars = true }
  return { summary = common.summary(records), notes = notes, method = table.concat(methods, "\n"),
           sections = sections }
end
