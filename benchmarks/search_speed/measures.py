"""Synthetic guides for the search benchmark, and the measurements it reports.

The guides are generated from a vocabulary of real service terms so that jieba,
the pinyin keys and both engines see text shaped like a real catalog.
"""

import random
import statistics
import time

from search.analysis.normalize import fold
from search.analysis.segment import tokenizer
from search.documents import SearchDocument
from search.highlight import highlight

SUBJECTS = [
    "户口",
    "居民身份证",
    "居住证",
    "城乡居民养老保险",
    "城乡居民医疗保险",
    "最低生活保障",
    "特困人员救助供养",
    "临时救助",
    "残疾人证",
    "残疾人两项补贴",
    "高龄津贴",
    "宅基地",
    "农村建房",
    "乡村建设规划许可",
    "个体工商户",
    "食品经营许可",
    "就业创业证",
    "失业保险金",
    "独生子女父母奖励扶助",
    "退役军人优待证",
    "优抚对象抚恤补助",
    "法律援助",
    "人民调解",
    "耕地地力保护补贴",
    "土地承包经营权流转",
    "生育登记",
    "出生登记",
    "婚姻登记",
    "殡葬补助",
    "医疗费用报销",
    "养老金领取资格认证",
    "社会保障卡",
    "燃气安装",
    "危房改造",
    "林木采伐许可",
    "农机购置补贴",
    "村级公益事业一事一议",
    "老年人优待证",
    "孤儿基本生活费",
]
ACTIONS = [
    "申请",
    "登记",
    "认定",
    "补领",
    "换领",
    "注销",
    "变更",
    "审批",
    "备案",
    "发放",
    "核发",
    "申报",
    "办理",
]
QUALIFIERS = [
    "",
    "",
    "城乡",
    "农村",
    "本镇",
    "困难群众",
    "新生儿",
    "老年人",
    "退役军人",
    "外来人员",
    "首次",
    "跨省",
]
DEPARTMENTS = [
    "派出所户籍室",
    "民政办",
    "社会保障所",
    "医保站",
    "残联",
    "卫健办",
    "自然资源和规划所",
    "市场监管所",
    "退役军人服务站",
    "司法所",
    "农业农村办",
    "综合服务窗口",
]
TOPICS = [
    "户籍办理",
    "社会保险",
    "医疗保障",
    "社会救助",
    "残疾人服务",
    "老年人福利",
    "农村建房",
    "开办经营",
    "就业创业",
    "生育服务",
    "退役军人服务",
    "法律服务",
    "农业农村",
    "惠农补贴",
]
MATERIALS = [
    "居民身份证",
    "居民户口簿",
    "申请表",
    "结婚证",
    "出生医学证明",
    "不动产权证书",
    "房屋租赁合同",
    "营业执照",
    "社会保障卡",
    "银行卡",
    "近期一寸照片",
    "残疾人证",
    "退伍证",
    "劳动合同",
    "医疗费用发票",
    "诊断证明",
    "村委会证明",
    "收入证明",
    "死亡医学证明",
    "土地承包合同",
]
SENTENCES = [
    "符合条件的{who}可以向{dept}提出申请，{dept}在{days}个工作日内办结。",
    "申请人应当如实提供{material}和{material2}，材料不齐全的一次性告知需要补正的全部内容。",
    "{who}因{reason}需要办理的，可由家属或村委会代为申请。",
    "审核通过后在村务公开栏公示七日，公示无异议的报县级主管部门审批。",
    "办理结果通过短信告知申请人，也可以在窗口查询办理进度。",
    "对不符合条件的，书面告知不予受理的理由，并做好否定报备。",
    "{subject}实行限时办结，承诺时限内未办结的，按照违诺处理办法追究责任。",
    "常见问题：{subject}可以异地办理吗？答：属于跨省通办范围的，可以在本窗口直接办理。",
]
WHO = [
    "本镇户籍居民",
    "常住人口",
    "老年人",
    "残疾人",
    "困难家庭",
    "外出务工人员",
    "个体经营者",
    "退役军人",
    "农户",
]
REASONS = ["年老体弱", "外出务工", "行动不便", "突发疾病", "住院治疗"]


def synthetic_guides(count, seed=7):
    rng = random.Random(seed)  # noqa: S311 - reproducible synthetic text, not secrets
    docs = []
    for index in range(count):
        subject = rng.choice(SUBJECTS)
        title = f"{rng.choice(QUALIFIERS)}{subject}{rng.choice(ACTIONS)}"
        dept = rng.choice(DEPARTMENTS)
        body = []
        for _ in range(rng.randint(4, 7)):
            body.append(
                rng.choice(SENTENCES).format(
                    who=rng.choice(WHO),
                    dept=dept,
                    days=rng.randint(1, 20),
                    material=rng.choice(MATERIALS),
                    material2=rng.choice(MATERIALS),
                    reason=rng.choice(REASONS),
                    subject=subject,
                )
            )
        body.append("申报材料：" + "；".join(rng.sample(MATERIALS, 4)))
        docs.append(
            SearchDocument(
                doc_id=f"bench:{index}",
                type="guide",
                title=title,
                text="\n".join(body),
                url=f"/bench/{index}/",
                department=dept,
                topics=rng.sample(TOPICS, rng.randint(1, 2)),
                keywords=[f"BM-{index:06d}"],
            )
        )
    return docs


BENCH_QUERIES = [
    "户口",
    "养老保险",
    "残疾人证申领",
    "低保",
    "ylbx",
    "zhaijidi",
    "gtgsh",
    "hukou",
    "養老保險",
    "戶口遷入",
    "生了孩子怎么上户口",
    "想开个小卖部需要办什么证",
    "在老家翻建房子要审批吗",
    "养老 认证",
    "看病报销",
    "失业 登记",
    "出生医学证明",
    "民政办",
    "医保站",
    "新农合",
    "退役军人优待证",
    "耕地地力保护补贴申报",
    "五保户",
    "法律援助申请",
    "独生子女 奖励",
    "我的身份证过期了怎么换新的",
    "底保申请",
    "chu sheng",
    "shebao卡",
    "80岁补贴",
]


def jieba_ceiling(docs, sample=10_000):
    """Docs/s of jieba's search mode alone over the same text the indexer segments.

    A rate, so it is measured on the first `sample` documents only.
    """
    docs = docs[:sample]

    tk = tokenizer()
    start = time.perf_counter()
    for doc in docs:
        for text in (doc.title, doc.text):
            list(tk.cut_for_search(fold(text)))
    return len(docs) / (time.perf_counter() - start)


def indexing_rate(engine, docs):
    start = time.perf_counter()
    engine.rebuild(iter(docs))
    return len(docs) / (time.perf_counter() - start)


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def query_latency(engine, queries=BENCH_QUERIES, runs=5):
    """(p50, p95) in milliseconds: each is the median over runs of that run's percentile."""
    for query in queries:  # warm caches: jieba, pinyin, SQLite pages, ES query cache
        engine.search(query)
    p50s, p95s = [], []
    for _ in range(runs):
        times = []
        for query in queries:
            start = time.perf_counter()
            engine.search(query)
            times.append((time.perf_counter() - start) * 1000)
        p50s.append(percentile(times, 0.5))
        p95s.append(percentile(times, 0.95))
    return statistics.median(p50s), statistics.median(p95s)


def highlight_cost(matches, runs=5):
    """Median ms to build the snippet of a field holding `matches` matches (about 24 chars each).

    The snippet is built from a window around the first match, so the cost should grow
    with the field's length (one scan), not with the number of matches squared. The folded
    text is passed as the engines pass it (folded once, at indexing).
    """

    text = "前言说明。" + ("低保申请" + "本镇居民办理事项须知" * 2) * matches
    folded = fold(text)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        highlight(text, ["低保", "申请"], folded=folded)
        timings.append((time.perf_counter() - start) * 1000)
    return len(text), statistics.median(timings)
