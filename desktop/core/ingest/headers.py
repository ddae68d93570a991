"""Header and sheet names of the CritMin template, in English and Chinese.

Matching is case-, space-, underscore- and bracket-insensitive: "Net imports",
"net_imports", "净进口量（吨）" all find their column; a unit written in brackets
after a header ("产量（吨）", "quantity (t)") is returned so it can fill `unit`.
"""
from __future__ import annotations

import re

from desktop.core.registry.normalise import normalise_name

# canonical column -> accepted spellings (normalised before comparison)
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "mineral": ("mineral", "commodity", "矿种", "矿产", "矿产品", "品种", "矿物"),
    "country": ("country", "country/region", "iso3", "国家", "国家或地区", "国家/地区", "国别", "地区"),
    "year": ("year", "年份", "年", "年度"),
    "quantity": ("quantity", "production quantity", "value", "产量", "数量", "生产量"),
    "stage": ("stage", "环节", "阶段", "产品阶段", "生产环节"),
    "unit": ("unit", "units", "单位"),
    "production": ("production", "domestic production", "产量", "国内产量", "生产量"),
    "imports": ("imports", "import", "进口量", "进口"),
    "exports": ("exports", "export", "出口量", "出口"),
    "net_imports": ("net imports", "net import", "净进口量", "净进口"),
    "price": ("price", "价格", "年均价格", "均价"),
    "reserves": ("reserves", "reserve", "储量"),
    "eol_rir": ("eol_rir", "eol-rir", "eol rir", "end-of-life recycling input rate", "回收率", "再生利用率",
                "报废回收输入率"),
    "indicator": ("indicator", "指标", "治理指标"),
    "estimate": ("value", "estimate", "估计值", "数值", "值"),
    "VA": ("va", "voice and accountability", "话语权与问责"),
    "PV": ("pv", "political stability", "political stability and absence of violence",
           "political stability and absence of violence/terrorism", "政治稳定与非暴力", "政治稳定"),
    "GE": ("ge", "government effectiveness", "政府效率", "政府效能"),
    "RQ": ("rq", "regulatory quality", "监管质量"),
    "RL": ("rl", "rule of law", "法治"),
    "CC": ("cc", "control of corruption", "控制腐败", "腐败控制"),
    "stream": ("stream", "资源链", "链条", "资源类型"),
    "dimension": ("dimension", "risk dimension", "风险维度", "维度"),
    "score": ("score", "risk score", "分值", "评分", "得分", "风险值"),
    "source": ("source", "来源", "依据"),
    "note": ("note", "notes", "evidence", "备注", "说明", "证据"),
    "list": ("list", "list name", "清单", "清单名称", "名录"),
    "type": ("type", "event type", "instrument", "policy type", "measure type", "类型", "事件类型", "政策类型",
             "措施类型", "措施"),
    "start_year": ("start year", "start", "from", "since", "year", "起始年份", "开始年份", "生效年份", "起始年",
                   "年份"),
    "end_year": ("end year", "end", "until", "to", "结束年份", "截止年份", "终止年份", "失效年份", "结束年"),
    "scenario": ("scenario", "scenario name", "情景", "情景名称"),
    "change_no": ("change no", "change", "change number", "no", "#", "变化序号", "序号", "编号"),
    "from_year": ("from year", "from", "since", "start year", "起始年份", "自年份", "开始年份"),
    "factor": ("factor", "multiplier", "scale", "系数", "倍数", "比例"),
    "target_year": ("target year", "by", "目标年份", "目标年"),
    "rationale": ("rationale", "reason", "why", "理由", "依据说明", "情景说明"),
    "partners": ("partners", "partner", "partner countries", "to partners", "贸易伙伴", "出口对象", "目的国"),
    "event": ("event", "event type", "policy event", "政策事件", "事件", "事件类型"),
    "exporter": ("exporter", "exporting country", "from country", "origin", "出口国", "出口方"),
    "importer": ("importer", "importing country", "to country", "destination", "partner country", "进口国", "进口方"),
    "quantity_t": ("quantity_t", "quantity (t)", "tonnes", "quantity tonnes", "数量（吨）", "吨"),
    "value_kusd": ("value_kusd", "value (kusd)", "value kusd", "value (thousand usd)", "金额（千美元）", "千美元"),
    # the content_factors sheet (docs/content-factors.md)
    "hs_code": ("hs_code", "hs code", "hs", "hs6", "hs-6", "product code", "tariff line", "commodity code",
                "HS编码", "HS 编码", "海关编码", "商品编码", "税则号", "税号"),
    "share": ("share", "content share", "content factor", "factor", "grade", "含量", "含量系数", "折算系数",
              "品位", "系数"),
    "basis": ("basis", "content basis", "as", "口径", "含量口径", "折算口径", "计量口径"),
}

# table -> (accepted sheet names, required columns, optional columns)
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "production": (("production", "产量", "生产"), ("mineral", "country", "year", "quantity"), ("stage", "unit")),
    "balance": (("balance", "trade balance", "供需平衡", "进出口", "平衡表"),
                ("mineral", "country", "year", "production", "imports", "exports"),
                ("net_imports", "stage", "unit")),
    "prices": (("prices", "price", "价格"), ("mineral", "year", "price"), ("unit",)),
    "governance": (("governance", "wgi", "治理", "全球治理指标"), ("country", "year"),
                   ("VA", "PV", "GE", "RQ", "RL", "CC", "indicator", "estimate")),
    "reserves": (("reserves", "储量"), ("mineral", "country", "year", "reserves"), ("unit",)),
    "recycling": (("recycling", "回收", "再生"), ("mineral", "year", "eol_rir"), ()),
    "chain_risk": (("chain_risk", "chain risk", "risk matrix", "产业链风险", "风险矩阵"),
                   ("mineral", "stream", "stage", "dimension", "score"), ("source", "note")),
    "lists": (("lists", "list", "mineral lists", "清单", "矿产清单"), ("list", "mineral"), ()),
    "events": (("events", "policy events", "policy", "policies", "政策事件", "政策", "事件"),
               ("country", "mineral", "type", "start_year"), ("stage", "end_year", "source", "note")),
    "scenarios": (("scenarios", "scenario", "what-if", "what if", "情景", "情景分析"),
                  ("scenario", "type", "mineral"),
                  ("change_no", "country", "stage", "from_year", "factor", "target_year", "rationale", "source",
                   "partners", "event")),
    "trade_flows": (("trade_flows", "trade flows", "bilateral trade", "贸易流", "双边贸易", "贸易流向"),
                    ("mineral", "year", "exporter", "importer"), ("stage", "quantity_t", "value_kusd")),
    "content_factors": (("content_factors", "content factors", "含量系数", "折算系数", "金属含量系数"),
                        ("hs_code", "mineral", "share", "basis"), ("source",)),
}

_UNIT_IN_BRACKETS = re.compile(r"^(.*?)\s*[(\[]\s*([^)\]]*)\s*[)\]]\s*$")


def header_key(text: object) -> tuple[str, str]:
    """Normalised header without a bracketed unit, and the unit ("" if none)."""
    raw = normalise_name(text)
    unit = ""
    m = _UNIT_IN_BRACKETS.match(raw)
    if m and m.group(1):
        raw, unit = m.group(1), m.group(2)
    return raw.replace("_", " ").replace("-", " ").strip(), unit


def norm_header(text: object) -> str:
    """Snake-case key of a publisher's header: 'PROD_EST_ 2024' -> 'prod_est_2024'."""
    return re.sub(r"[^a-z0-9]+", "_", str(text).casefold()).strip("_")


def header_map(headers) -> dict[str, str]:
    """{:func:`norm_header` key: header as written} for a sheet's columns."""
    return {norm_header(h): h for h in headers}


def _squash(text: str) -> str:
    return text.replace(" ", "")


def match_columns(headers: list[str], wanted: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Map canonical column -> (actual header, unit from brackets) for the wanted columns."""
    found: dict[str, tuple[str, str]] = {}
    keys = {h: header_key(h) for h in headers}
    for canon in wanted:
        spellings = {_squash(header_key(a)[0]) for a in COLUMN_ALIASES.get(canon, (canon,))}
        spellings.add(_squash(header_key(canon)[0]))
        for header, (key, unit) in keys.items():
            if _squash(key) in spellings and header not in {v[0] for v in found.values()}:
                found[canon] = (header, unit)
                break
    return found


def sheet_table(sheet_name: str) -> str | None:
    key = _squash(header_key(sheet_name)[0])
    for table, (names, _, _) in TABLES.items():
        if key in {_squash(header_key(n)[0]) for n in names}:
            return table
    return None
