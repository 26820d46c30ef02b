-- Panels of the Wenzhou 驾驶舱 (policytk serve): what the city's leading group looks at beside
-- the common panels. Built with the report helpers (ctx: runtime.report), in the sandbox.
--
-- 民营经济32条 by lead unit: private32 is a table of 32 tasks each with its 责任单位, and the
-- group's 月度报送 asks each unit for its own rows; the panel shows, per lead unit, how many
-- of its targets are red, yellow, green and grey, reddest first, with the red ones named.

panel{
  id = "p32_units",
  title = "民营经济32条：各牵头单位目标进度",
  doc = "private32",
  covers = { docs = { "private32" } },
  builder = function(ctx)
    local rows = {}
    for _, g in ipairs(ctx.rollup(ctx.progress(), "unit")) do
      local c = g.counts
      local red = {}
      for _, r in ipairs(g.red_targets) do red[#red + 1] = r.indicator_name or r.tid end
      rows[#rows + 1] = { g.key, g.total, (c.missed or 0) + (c.behind or 0), c.lagging or 0,
                          (c.on_track or 0) + (c.achieved or 0), c.no_data or 0, table.concat(red, "、") }
    end
    return {
      sections = { {
        title = "各牵头单位目标进度（红：滞后或未完成；黄：略有滞后；绿：序时推进或已完成；灰：暂无数据）",
        columns = { "牵头单位", "目标数", "红", "黄", "绿", "灰", "红灯目标（指标）" },
        rows = rows,
      } },
    }
  end,
}
