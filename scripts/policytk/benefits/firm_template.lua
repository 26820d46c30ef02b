-- policytk.benefits.firm_template: the enterprise register's template — the columns
-- `policytk firms import` reads, with their meaning, as a CSV header with # notes above it
-- (printed by `policytk firms template`; policytk.benefits.firm_import reads such files).
--
-- Capability: benefits: the register, size classes, rules and match (entry policytk.benefits; map in docs/architecture.md).

local M = {}

M.TEMPLATE = [[
# policytk 企业名录模板 (policytk firms import FILE)
# 列名 column          含义
# credit_code          统一社会信用代码，18位，按GB 32100-2015校验
# name                 企业名称
# kind                 企业 / 个体工商户（enterprise / individual_business；空 = 企业）
# region               所在县（市、区）：GB/T 2260代码或名称
# industry             国民经济行业代码 GB/T 4754，如 C3311
# founded              成立日期 YYYY-MM-DD
# employees            从业人员（人）
# above_scale_since    首次纳入规上（规模以上）统计的年份，如 2024；空 = 规下
# high_tech_until      高新技术企业证书有效期至 YYYY-MM-DD；空 = 不是
# tech_sme             科技型中小企业：是/否
# specialized          专精特新：创新型 / 省级 / 国家级小巨人（或 innovative / provincial / little_giant）；空 = 无
# awards               获奖：级别:名称:年份，多项用;分隔，如 national:中国质量奖:2024;municipal:市长质量奖:2023
#                      （级别 national/provincial/municipal 或 国家级/省级/市级）
# revenue_YYYY         该年营业收入（元），每年一列，如 revenue_2023,revenue_2024
# assets_YYYY          该年资产总额（元）
# 其他列                供插件使用：是/否 → 布尔，数字 → 数值，JSON 列表/对象原样解析，空格 = 无；
#                      名为 NAME_YYYY 的列按年份汇总为 extra.NAME[YYYY]（如 taxable_income_2024）
credit_code,name,kind,region,industry,founded,employees,above_scale_since,high_tech_until,tech_sme,specialized,awards,revenue_2023,revenue_2024,assets_2024
]]

return M
