-- 003-consortium-industry.sql — the sidebar's industry filter by index
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The consortia list filters by industry in name order
-- (cwb_store_list_consortium_ids()): with this index that reads only the
-- consortia of the industry, already sorted, instead of every consortium.

CREATE INDEX consortium_industry_name ON consortium (industry, name, id);
