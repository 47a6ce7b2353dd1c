#!/usr/bin/env python3
# make-fixtures.py — writes the bad consortium files of this folder
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each fixture is a small valid consortium file with exactly one thing wrong.
# Run it from this folder after changing a case; README lists what each file
# should fail with.

import copy
import json

BASE = {
    "format": "consortium/1",
    "name": "海南省测试创新联合体",
    "industry": "深海科技",
    "lists": {
        "scientific_problems": ["深海高压环境材料失效机理"],
        "key_technologies": ["深海装备耐压壳体技术", "水下通信技术"],
        "transformation_results": ["耐压壳体产业化"],
        "landmark_results": ["万米级作业装备"],
        "standards": [{"kind": "technical", "title": "深海装备耐压壳体技术规范"}],
    },
    "organization": {
        "decision_body": "理事会",
        "advisory_body": "专家咨询委员会",
        "executive_body": {"name": "联合体办公室", "permanent": True, "fulltime_staff": 3},
    },
    "fund_management": {"system": True, "internal_supervision": True},
    "members": [
        {
            "uscc": "91460100000000118U",
            "name": "海南椰岛动力科技有限公司",
            "kind": "enterprise",
            "lead": True,
            "independent_legal_person": True,
            "registered_in_hainan": True,
            "above_designated_size": True,
            "high_tech": True,
            "declarations": {"cooperation_basis": True, "capability": True},
            "established": "2008-05-12",
            "revenue": 620000000,
            "rd_staff_fulltime": 35,
            "platforms": [
                {"name": "海南省深海装备工程技术研究中心", "level": "provincial",
                 "kind": "engineering_center"}
            ],
            "fiscal_years": [
                {"year": 2023, "rd_expense": 9000000, "sales": 600000000},
                {"year": 2024, "rd_expense": 8000000, "sales": 610000000},
                {"year": 2025, "rd_expense": 7000000, "sales": 620000000},
            ],
        },
        {
            "uscc": "91460100000000119Y",
            "name": "海南大学",
            "kind": "university",
            "independent_legal_person": True,
            "registered_in_hainan": True,
            "declarations": {"cooperation_basis": True, "capability": True},
        },
    ],
    "chief_expert": {"name": "王某某", "title": "教授", "affiliation_uscc": "91460100000000119Y",
                     "field": "深海科技"},
    "exceptions": [
        {"rule": "C3", "document": "琼科〔2024〕12号", "date": "2024-04-02", "reason": "试点"}
    ],
}


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write(name, text):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with open(name, "wb") as f:
        f.write(data)


def mutate(name, change):
    doc = copy.deepcopy(BASE)
    change(doc)
    write(name, dump(doc))


def lead(doc):
    return doc["members"][0]


def member(doc):
    return doc["members"][1]


write("not-json.json", "This is not a consortium file.\n")
write("empty.json", "")
write("not-object.json", "[]\n")
write("bad-utf8.json", dump(BASE).encode("utf-8").replace(
    "海南省测试创新联合体".encode("utf-8"), b"\xe6\xb5\xb7\xff\xfe"))
write("truncated.json", dump(BASE)[: len(dump(BASE)) // 2])
write("trailing-garbage.json", dump(BASE) + "}\n")

mutate("wrong-format.json", lambda d: d.update(format="consortium/2"))
mutate("missing-format.json", lambda d: d.pop("format"))
mutate("missing-name.json", lambda d: d.pop("name"))
mutate("empty-name.json", lambda d: d.update(name=""))
mutate("industry-not-string.json", lambda d: d.update(industry=7))
mutate("missing-lists.json", lambda d: d.pop("lists"))
mutate("missing-key-technologies.json", lambda d: d["lists"].pop("key_technologies"))
mutate("list-item-not-string.json",
       lambda d: d["lists"]["key_technologies"].append(3))
mutate("standard-unknown-kind.json",
       lambda d: d["lists"]["standards"][0].update(kind="national"))
mutate("standard-empty-title.json",
       lambda d: d["lists"]["standards"][0].update(title=""))
mutate("executive-staff-fraction.json",
       lambda d: d["organization"]["executive_body"].update(fulltime_staff=1.5))
mutate("executive-staff-string.json",
       lambda d: d["organization"]["executive_body"].update(fulltime_staff="3"))
mutate("executive-staff-negative.json",
       lambda d: d["organization"]["executive_body"].update(fulltime_staff=-1))
mutate("fund-system-not-boolean.json",
       lambda d: d["fund_management"].update(system="yes"))
mutate("missing-members.json", lambda d: d.pop("members"))
mutate("no-members.json", lambda d: d.update(members=[]))
mutate("member-not-object.json", lambda d: d["members"].append("海南大学"))
mutate("bad-uscc-check.json", lambda d: member(d).update(uscc="91460100000000119X"))
mutate("short-uscc.json", lambda d: lead(d).update(uscc="91460100000000118"))
mutate("lowercase-uscc.json", lambda d: member(d).update(uscc="91460100000000119y"))
mutate("duplicate-uscc.json", lambda d: member(d).update(uscc="91460100000000118U"))
mutate("no-lead.json", lambda d: lead(d).pop("lead"))
mutate("two-leads.json", lambda d: member(d).update(lead=True))
mutate("lead-not-boolean.json", lambda d: lead(d).update(lead="true"))
mutate("unknown-kind.json", lambda d: member(d).update(kind="company"))
mutate("missing-registered.json", lambda d: member(d).pop("registered_in_hainan"))
mutate("empty-member-name.json", lambda d: member(d).update(name=""))
mutate("declarations-not-object.json", lambda d: member(d).update(declarations=[True, True]))
mutate("bad-established-date.json", lambda d: lead(d).update(established="2023-02-29"))
mutate("negative-revenue.json", lambda d: lead(d).update(revenue=-5))
mutate("rd-staff-fraction.json", lambda d: lead(d).update(rd_staff_fulltime=35.5))
mutate("platform-unknown-level.json",
       lambda d: lead(d)["platforms"][0].update(level="county"))
mutate("four-fiscal-years.json",
       lambda d: lead(d)["fiscal_years"].insert(0, {"year": 2022, "rd_expense": 1, "sales": 2}))
mutate("duplicate-fiscal-year.json", lambda d: lead(d)["fiscal_years"][1].update(year=2023))
mutate("fiscal-year-sales-string.json",
       lambda d: lead(d)["fiscal_years"][1].update(sales="610000000"))
mutate("exception-bad-date.json", lambda d: d["exceptions"][0].update(date="2024-4-2"))
mutate("exception-missing-document.json", lambda d: d["exceptions"][0].pop("document"))
write("revenue-out-of-range.json",
      dump(BASE).replace('"revenue": 620000000', '"revenue": 99999999999999999999'))
