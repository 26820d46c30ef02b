-- policytk.xlsx through Lua: a round trip of every value type, and the two directions with
-- another implementation: a workbook written by python3-openpyxl read by our reader, and
-- one written by our writer opened by openpyxl (/usr/bin/python3, never a PATH lookup).

local xlsx = require "policytk.xlsx"

local TMP = os.tmpname()
local function tmp(name) return TMP .. "-" .. name end

local function read_all(file, sheet)
  local r <close> = xlsx.open(file)
  local out = {}
  for n, cells in r:rows(sheet) do out[#out + 1] = { row = n, cells = cells } end
  return out
end

-- Run /usr/bin/python3 with `code` (script on a temporary file); returns its stdout.
local function python(code)
  local script = tmp("script.py")
  local f = assert(io.open(script, "w"))
  f:write(code)
  f:close()
  local out = tmp("py.out")
  local ok = os.execute("/usr/bin/python3 " .. script .. " > " .. out .. " 2>&1")
  local h = assert(io.open(out))
  local text = h:read("a")
  h:close()
  os.remove(script)
  os.remove(out)
  assert(ok, "python3 failed:\n" .. text)
  return text
end

local function types(cells)
  local t = {}
  for i = 1, cells.n do t[i] = math.type(cells[i]) or type(cells[i]) end
  return table.concat(t, ",")
end

test("round trip: every value type, formats, several sheets", function(t)
  local file = tmp("rt.xlsx")
  local wb = xlsx.writer(file)
  local head = wb:format { bold = true, bg_color = "#DDEBF7", align = "center", border = true }
  local wan = wb:format { num_format = '#,##0.00,,"万"' }
  local ws = wb:sheet("企业名录")
  ws:write_row(0, { "企业名称", "统一社会信用代码", "营收", "比例", "规上", "备注" }, head)
  ws:write_row(1, { "温州某某机械有限公司", "91330300MA2XXXXX0X", 12345678.5, 0.125, true, "<&>\"'" })
  ws:write_row(2, { "瑞安市小微企业", "0012", 300, -0.5, false, n = 6 })
  ws:write(3, 2, 1e15, wan)
  ws:freeze(1, 1)
  ws:autofilter(0, 0, 2, 5)
  wb:sheet("说明"):write(4, 1, "第二张表")
  t.eq(wb:close(), true)

  t.eq(xlsx.sheets(file), { "企业名录", "说明" })
  local rows = read_all(file)
  t.eq(#rows, 4)
  t.eq(rows[1].cells, { "企业名称", "统一社会信用代码", "营收", "比例", "规上", "备注", n = 6 })
  t.eq(rows[2].cells, { "温州某某机械有限公司", "91330300MA2XXXXX0X", 12345678.5, 0.125, true, "<&>\"'", n = 6 })
  t.eq(types(rows[2].cells), "string,string,float,float,boolean,string")
  t.eq(rows[3].cells, { "瑞安市小微企业", "0012", 300, -0.5, false, n = 5 })
  t.eq(types(rows[3].cells), "string,string,integer,float,boolean")
  t.eq(rows[4].row, 4)
  t.eq(rows[4].cells, { [3] = 1000000000000000, n = 3 })
  t.eq(math.type(rows[4].cells[3]), "integer")
  local second = read_all(file, "说明")
  t.eq(#second, 1)
  t.eq(second[1].row, 5)
  t.eq(second[1].cells, { nil, "第二张表", n = 2 })
  t.eq(#read_all(file, 2), 1)
  os.remove(file)
end)

test("errors name the file and the sheet", function(t)
  local file = tmp("err.xlsx")
  local wb = xlsx.writer(file)
  wb:sheet("A")
  wb:sheet("B")
  wb:close()
  local r = xlsx.open(file)
  t.raises(function() r:rows("C") end, file:gsub("%p", "%%%0") .. ": no sheet named C %(sheets: A, B%)")
  r:close()
  t.raises(function() r:rows() end, "the xlsx reader is closed")
  local txt = tmp("not.xlsx")
  local f = assert(io.open(txt, "w"))
  f:write("a,b\n")
  f:close()
  t.raises(function() xlsx.open(txt) end, "not an xlsx file %(zip: Not a zip archive%)")
  t.raises(function() wb:sheet("C") end, "the xlsx workbook is closed")
  os.remove(file)
  os.remove(txt)
end)

test("a workbook written by openpyxl reads back exactly", function(t)
  local file = tmp("openpyxl.xlsx")
  python(string.format([[
import datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "数据"
ws.append(["城市", "新增企业", "增速", "达标", "日期"])
ws.append(["温州", 12000, 0.085, True, datetime.date(2025, 6, 30)])
ws.append(["宁波 <&> \"引号\"", -3, 1.5, False, datetime.date(2000, 1, 1)])
ws["B10"] = 7
ws["AA10"] = "远列"
ws["C11"] = "=B2*2"
ws2 = wb.create_sheet("Second")
ws2["A1"] = 1e20
wb.create_sheet("Empty")
wb.save(%q)
]], file))
  t.eq(xlsx.sheets(file), { "数据", "Second", "Empty" })
  local rows = read_all(file, "数据")
  t.eq(#rows, 4, "the formula row (no cached value) has no value, so it is not yielded")
  t.eq(rows[1].cells, { "城市", "新增企业", "增速", "达标", "日期", n = 5 })
  local r2 = rows[2].cells
  t.eq({ r2[1], r2[2], r2[3], r2[4], r2.n }, { "温州", 12000, 0.085, true, 5 })
  t.eq(types(r2), "string,integer,float,boolean,string")
  t.eq(r2[5], "2025-06-30", "a date cell reads as YYYY-MM-DD")
  local r3 = rows[3].cells
  t.eq({ r3[1], r3[2], r3[3], r3[4] }, { "宁波 <&> \"引号\"", -3, 1.5, false })
  t.eq(r3[5], "2000-01-01")
  t.eq(rows[4].row, 10)
  t.eq(rows[4].cells, { [2] = 7, [27] = "远列", n = 27 })
  local second = read_all(file, "Second")
  t.eq(second[1].cells, { 1e20, n = 1 })
  t.eq(math.type(second[1].cells[1]), "float")
  t.eq(#read_all(file, "Empty"), 0)
  os.remove(file)
end)

test("a workbook written by our writer opens in openpyxl", function(t)
  local file = tmp("ours.xlsx")
  local wb = xlsx.writer(file)
  local head = wb:format { bold = true, font_color = "#C00000" }
  local pct = wb:format { num_format = "0.0%" }
  local money = wb:format { num_format = "#,##0" }
  local ws = wb:sheet("指标完成情况")
  ws:write_row(0, { "指标", "目标", "完成", "完成率", "达标" }, head)
  ws:write_row(1, { "新增中小微企业", 100000, 87654, nil, false })
  ws:write(1, 3, 0.87654, pct)
  ws:write(2, 0, "含 <&> 与 \"引号\"")
  ws:write(2, 1, 2.5)
  ws:write(2, 2, 1234567, money)
  ws:set_column(0, 0, 30)
  ws:freeze(1, 0)
  ws:autofilter(0, 0, 2, 4)
  wb:sheet("附表"):write(0, 0, "空")
  wb:close()
  local out = python(string.format([==[
import json, openpyxl
wb = openpyxl.load_workbook(%q)
ws = wb["指标完成情况"]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
print(json.dumps({
  "sheets": wb.sheetnames,
  "rows": rows,
  "types": [type(v).__name__ for v in rows[1]],
  "bold": ws["A1"].font.b,
  "color": ws["A1"].font.color.rgb,
  "pct": ws["D2"].number_format,
  "money": ws["C3"].number_format,
  "freeze": ws.freeze_panes,
  "filter": ws.auto_filter.ref,
  "width": round(ws.column_dimensions["A"].width),
}, ensure_ascii=False, sort_keys=True))
]==], file))
  local json = require "policytk.json"
  local got = json.decode(out)
  t.eq(got.sheets, { "指标完成情况", "附表" })
  local N = json.null
  t.eq(got.rows, {
    { "指标", "目标", "完成", "完成率", "达标" },
    { "新增中小微企业", 100000, 87654, 0.87654, false },
    { "含 <&> 与 \"引号\"", 2.5, 1234567, N, N },
  })
  t.eq(got.types, { "str", "int", "int", "float", "bool" })
  t.eq(got.bold, true)
  t.eq(got.color, "FFC00000")
  t.eq(got.pct, "0.0%")
  t.eq(got.money, "#,##0")
  t.eq(got.freeze, "A2")
  t.eq(got.filter, "A1:E3")
  t.eq(got.width, 31)
  os.remove(file)
end)

test("openpyxl: merged cells and date formats", function(t)
  local file = tmp("merged.xlsx")
  python(string.format([[
import datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "汇总"
ws["A1"] = "2025年各区指标完成情况"
ws.merge_cells("A1:E1")
ws.append(["地区", "指标", "值", "日期", "比率"])
for row in [("鹿城区", "新增企业", 10), (None, "规上企业", 20), (None, "专精特新", 30), ("龙湾区", "新增企业", 40), (None, "规上企业", 50)]:
    ws.append(list(row))
ws.merge_cells("A3:A5")
ws.merge_cells("A6:A7")
ws["D3"] = datetime.date(2025, 6, 30)
ws["D4"] = datetime.datetime(2025, 1, 1, 18, 30)
ws["D5"] = 45658
ws["D5"].number_format = 'yyyy"年"m"月"'
ws["E3"] = 0.125
ws["E3"].number_format = "0.0%%"
wb.save(%q)
]], file))
  local rows = read_all(file)
  t.eq(#rows, 7)
  t.eq(rows[1].cells, { "2025年各区指标完成情况", n = 1 }, "by default only the first column of a range")
  local r0 <close> = xlsx.open(file)
  local _, title = r0:rows(1, { merged = "all" })()
  t.eq(title, { "2025年各区指标完成情况", "2025年各区指标完成情况", "2025年各区指标完成情况",
    "2025年各区指标完成情况", "2025年各区指标完成情况", n = 5 })
  t.eq(rows[3].cells, { "鹿城区", "新增企业", 10, "2025-06-30", 0.125, n = 5 })
  t.eq(rows[4].cells, { "鹿城区", "规上企业", 20, "2025-01-01", n = 4 })
  t.eq(rows[5].cells, { "鹿城区", "专精特新", 30, "2025-01-01", n = 4 })
  t.eq(rows[7].cells, { "龙湾区", "规上企业", 50, n = 3 })
  local r <close> = xlsx.open(file)
  local raw = {}
  for n, cells in r:rows("汇总", { merged = false, dates = false }) do raw[n] = cells end
  t.eq(raw[1].cells, nil)
  t.eq(raw[1].n, 1)
  t.eq(raw[4][1], nil)
  t.eq(raw[3][4], 45838)
  t.eq(math.floor(raw[4][4]), 45658)
  t.ok(raw[4][4] > 45658.77 and raw[4][4] < 45658.78, "the time of day is kept without dates")
  os.remove(file)
end)

test("our writer: drop-down lists, comments, hidden and protected sheets, read by openpyxl", function(t)
  local file = tmp("dv.xlsx")
  local wb = xlsx.writer(file)
  local ws = wb:sheet("填报")
  local src = wb:sheet("口径", { hidden = true })
  for i, v in ipairs { "当期", "累计", "期末", "比率" } do src:write(i - 1, 0, v) end
  ws:write_row(0, { "指标", "口径" })
  ws:validate_list(1, 1, 50, 1, { "当期", "累计", "期末", "比率" },
    { error_title = "口径错误", error_message = "请从下拉列表选择：当期、累计、期末、比率" })
  ws:validate_list(1, 2, 50, 2, { source = "=口径!$A$1:$A$4" }, { input_message = "选择口径" })
  ws:comment(0, 1, "口径：当期、累计、期末或比率")
  ws:protect()
  wb:close()
  local out = python(string.format([==[
import json, openpyxl
wb = openpyxl.load_workbook(%q)
ws = wb["填报"]
dv = [{"type": d.type, "formula1": d.formula1, "sqref": str(d.sqref), "errorTitle": d.errorTitle,
       "error": d.error, "prompt": d.prompt} for d in ws.data_validations.dataValidation]
print(json.dumps({"dv": dv, "comment": ws["B1"].comment.text, "hidden": wb["口径"].sheet_state,
  "protected": ws.protection.sheet}, ensure_ascii=False, sort_keys=True))
]==], file))
  local got = require("policytk.json").decode(out)
  local N = require("policytk.json").null
  t.eq(got.dv, {
    { type = "list", formula1 = '"当期,累计,期末,比率"', sqref = "B2:B51", errorTitle = "口径错误",
      error = "请从下拉列表选择：当期、累计、期末、比率", prompt = N },
    { type = "list", formula1 = "口径!$A$1:$A$4", sqref = "C2:C51", errorTitle = N, error = N, prompt = "选择口径" },
  })
  t.eq(got.comment, "口径：当期、累计、期末或比率")
  t.eq(got.hidden, "hidden")
  t.eq(got.protected, true)
  os.remove(file)
end)
