#!/usr/bin/env python3
# gen-consortia.py — writes N varied, valid consortium/1 files for the benchmarks
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: gen-consortia.py N DIR [SEED]
#
# Every file loads (valid credit codes, exactly one lead); the consortia vary
# in size (10–40 members), industry, and in which rules they break: some have
# too few units in Hainan (C4), too few enterprises (C5), no organization
# (O1), a lead without revenue figures (L2 unknown), missing declarations, an
# industry outside the sixteen clusters (I1), a 一事一议 exception, … so the
# check walks every path, not one.

import json
import os
import random
import sys

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
INDUSTRIES = [
    "石化新材料", "数字经济", "生物医药", "核电产业", "海上风电", "现代种业", "深海科技",
    "航天产业", "新能源汽车", "高端食品和农产品加工", "现代渔业", "油气勘探生产服务",
    "医疗康养", "新型建筑", "节能环保", "智能制造",
]
KINDS = ["enterprise"] * 6 + ["university", "research_institute", "service_agency", "other"]
CITIES = ["海口", "三亚", "儋州", "琼海", "文昌", "万宁", "五指山", "东方", "洋浦"]
WORDS = ["动力", "深海", "种业", "新材料", "智能", "电网", "生物", "航天", "检测", "康养"]
SUFFIX = {
    "enterprise": "有限公司",
    "university": "大学",
    "research_institute": "研究院",
    "service_agency": "技术服务中心",
    "other": "促进会",
}
CLAUSES = ["goals", "task_division", "rights_obligations", "ip_ownership", "cost_sharing",
           "income_distribution", "breach_liability", "dispute_resolution", "dissolution"]


def uscc(serial, hainan):
    division = "460100" if hainan else "110100"
    body = "91" + division + "%09d" % serial
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


def member(rng, serial, kind, hainan, lead=False):
    m = {
        "uscc": uscc(serial, hainan),
        "name": "%s%s%s%s" % (rng.choice(CITIES), rng.choice(WORDS), serial, SUFFIX[kind]),
        "kind": kind,
        "independent_legal_person": rng.random() > 0.002,
        "registered_in_hainan": hainan,
        "stationed_in_hainan": (not hainan) and rng.random() < 0.3,
        "above_designated_size": kind == "enterprise" and rng.random() < 0.4,
        "high_tech": kind == "enterprise" and rng.random() < 0.3,
        "declarations": {
            "cooperation_basis": rng.random() > 0.005,
            "capability": rng.random() > 0.005,
        },
    }
    if lead:
        m["lead"] = True
        m["established"] = "%d-%02d-%02d" % (rng.randint(1995, 2023), rng.randint(1, 12),
                                             rng.randint(1, 28))
        if rng.random() > 0.1:
            m["revenue"] = rng.randint(1, 120) * 10_000_000
        m["rd_staff_fulltime"] = rng.randint(5, 200)
        m["platforms"] = [{
            "name": "海南省%s工程技术研究中心" % rng.choice(WORDS),
            "level": rng.choice(["national", "ministerial", "provincial", "provincial", "municipal"]),
            "kind": rng.choice(["key_lab", "engineering_center", "enterprise_tech_center"]),
        } for _ in range(0 if rng.random() < 0.1 else rng.randint(1, 2))]
        m["fiscal_years"] = [{
            "year": year,
            "rd_expense": rng.randint(1, 40) * 1_000_000,
            "sales": rng.randint(10, 900) * 1_000_000,
        } for year in (2023, 2024, 2025)[: 3 if rng.random() < 0.8 else rng.randint(1, 2)]]
    return m


def consortium(rng, index):
    n = rng.randint(10, 40)
    hainan_share = rng.choice([0.35, 0.7, 0.85, 0.95, 1.0])
    serial = index * 100
    members = []
    for i in range(n):
        kind = "enterprise" if i == 0 else rng.choice(KINDS)
        members.append(member(rng, serial + i, kind, i == 0 or rng.random() < hainan_share,
                              lead=(i == 0)))
    rng.shuffle(members)
    industry = rng.choice(INDUSTRIES) if rng.random() > 0.03 else "海洋旅游"
    c = {
        "format": "consortium/1",
        "name": "海南省%s%s创新联合体%d" % (industry, rng.choice(WORDS), index),
        "industry": industry,
        "lists": {
            "scientific_problems": ["%s领域重大科学问题%d" % (industry, k) for k in range(rng.randint(1, 3))],
            "key_technologies": ["关键核心共性技术%d" % k for k in range(rng.randint(1, 3))],
            "transformation_results": ["科技成果转化%d" % k for k in range(rng.randint(0 if rng.random() < 0.05 else 1, 3))],
            "landmark_results": ["标志性产品%d" % k for k in range(0 if rng.random() < 0.1 else rng.randint(1, 2))],
            "standards": [{"kind": rng.choice(["technical", "product", "industry"]),
                           "title": "团体标准%d" % k} for k in range(0 if rng.random() < 0.1 else rng.randint(1, 2))],
        },
        "members": members,
    }
    if rng.random() > 0.05:
        c["organization"] = {
            "decision_body": "理事会",
            "advisory_body": "专家咨询委员会",
            "executive_body": {"name": "联合体办公室", "permanent": rng.random() > 0.05,
                               "fulltime_staff": rng.randint(0 if rng.random() < 0.05 else 1, 5)},
        }
    if rng.random() > 0.1:
        c["fund_management"] = {"system": True, "internal_supervision": rng.random() > 0.1}
    if rng.random() > 0.3:
        c["chief_expert"] = {"name": "专家%d" % index, "title": "教授",
                             "affiliation_uscc": members[0]["uscc"], "field": industry}
    if rng.random() > 0.3:
        c["agreement"] = {
            "clauses": {k: "（条款正文）" for k in CLAUSES if rng.random() > 0.05},
            "signatures": [{"uscc": m["uscc"], "legal_rep_signed": True, "sealed": rng.random() > 0.05,
                            "date": "2026-03-01"} for m in members],
        }
    if rng.random() < 0.1:
        c["exceptions"] = [{"rule": "C3", "document": "琼科〔2024〕%d号" % index,
                            "date": "2024-04-02", "reason": "一事一议"}]
    return c


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: gen-consortia.py N DIR [SEED]")
    count, outdir = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2022)
    os.makedirs(outdir, exist_ok=True)
    for index in range(count):
        path = os.path.join(outdir, "c%05d.consortium.json" % index)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(consortium(rng, index), f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
