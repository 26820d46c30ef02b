-- 0005_firm_years_by_year: one year of the whole register in credit-code order, with its
-- figures, without walking every other year of every firm (policytk match reads the one or two
-- years its rules need this way: policytk.benefits.firms.queries with one_year).

CREATE INDEX firm_years_by_year ON firm_years(year, credit_code, revenue, assets);
