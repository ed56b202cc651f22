"""Documents: splitting a bulletin, titles in both header orders, signatures, recipients, attachments."""

from __future__ import annotations

import datetime as dt

import pytest

from govextract.extractors.documents import extract_documents, is_recipients_line, split_recipients
from tests.conftest import seed_text

GAZETTE = (
    "国务院关于印发计量发展规划\n\n（2013-2020 年）的通知\n\n国发〔2013〕10 号\n\n"
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\n"
    "现将《计量发展规划（2013-2020 年）》印发给你们，请认真贯彻执行。\n\n国务院\n\n2013 年 3 月 2日\n\n"
    "计量发展规划（2013-2020 年）\n\n一、发展现状与形势\n\n正文。\n\n"
    "四川省人民政府办公厅\n关于印发四川省基本单位名录库\n\n管理办法的通知\n\n川府发〔2018〕8号\n\n"
    "各市（州）人民政府，省政府各部门、各直属机构，有关单位：\n\n现将《办法》印发给你们。\n\n"
    "附件：1.四川省某某名单\n\n2.2017年度某某先进集体\n\n四川省人民政府办公厅\n\n二〇一八年二月十三日\n"
)


def test_bulletin_split_and_metadata() -> None:
    docs = extract_documents(GAZETTE)
    assert [(d.title, d.doc_number.normalized if d.doc_number else None) for d in docs] == [
        ("国务院关于印发计量发展规划(2013-2020年)的通知", "国发〔2013〕10号"),
        ("四川省人民政府办公厅关于印发四川省基本单位名录库管理办法的通知", "川府发〔2018〕8号"),
    ]
    first, second = docs
    assert (first.start, GAZETTE[first.end - 3 : first.end]) == (0, "正文。")
    assert second.start == GAZETTE.index("四川省人民政府办公厅")
    assert (first.signed_date, second.signed_date) == (dt.date(2013, 3, 2), dt.date(2018, 2, 13))
    assert first.issuers == ["国务院"] and first.doc_type == "通知"
    assert second.recipients == ["各市(州)人民政府", "省政府各部门", "省政府各直属机构", "有关单位"]
    assert second.attachments == ["四川省某某名单", "2017年度某某先进集体"]


def test_standard_header_order_urgency_and_merged_recipients() -> None:
    raw = (
        "特急\n中国人民银行文件\n银发〔2011〕177号\n"
        "中国人民银行关于推广银行卡助农取款服务的通知中国人民银行上海总部，各分行：\n"
        "为进一步改善农村地区支付服务环境，特通知如下。\n"
    )
    (d,) = extract_documents(raw)
    assert (d.start, d.title, d.urgency) == (0, "中国人民银行关于推广银行卡助农取款服务的通知", "特急")
    assert d.recipients == ["中国人民银行上海总部", "各分行"]
    assert d.issuers == ["中国人民银行"]


def test_wrapped_signature_with_seal_note() -> None:
    raw = (
        "联防联控机制综发〔2022〕71 号\n\n关于印发新型冠状病毒肺炎防控方案\n（第九版）的通知\n"
        "各省、自治区、直辖市应对新型冠状病毒肺炎疫情联防联控机制：\n现印发给你们。\n"
        "国务院应对新型冠状病毒肺炎\n疫情联防联控机制综合组\n（国家卫生健康委代章）\n2022 年 6 月 27 日\n"
    )
    (d,) = extract_documents(raw)
    assert d.title == "关于印发新型冠状病毒肺炎防控方案(第九版)的通知"
    assert d.issuers == ["国务院应对新型冠状病毒肺炎疫情联防联控机制综合组"]  # not the sealing organ
    assert d.signed_date == dt.date(2022, 6, 27)


def test_forwarded_text_stays_in_its_document() -> None:
    nt_docs = extract_documents(seed_text("003"))
    titles = [d.title for d in nt_docs]
    assert "四川省人民政府转发国务院关于开展第三次全国土地调查通知的通知" in titles
    assert "国务院关于开展第三次全国土地调查的通知" not in titles


def test_table_of_contents_is_no_document() -> None:
    docs = extract_documents(seed_text("001"))
    assert len(docs) == 7
    assert docs[0].title == "国务院关于加快发展节能环保产业的意见"


def test_untitled_text_is_one_document() -> None:
    raw = "为贯彻落实党的十八大精神，提出如下意见。\n一、总体要求\n（一）指导思想。"
    (d,) = extract_documents(raw)
    assert (d.start, d.end, d.title, d.doc_number) == (0, len(raw), None, None)


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        (
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            ["各省人民政府", "各自治区人民政府", "各直辖市人民政府", "国务院各部委", "国务院各直属机构"],
        ),
        (
            "各市（州）、县（市、区）人民政府，省政府各部门、各直属机构：",
            ["各市(州)人民政府", "各县(市、区)人民政府", "省政府各部门", "省政府各直属机构"],
        ),
        (
            "各县市区人民政府，科技城管委会，各园区管委会，科学城办事处，市级各部门：",
            ["各县市区人民政府", "科技城管委会", "各园区管委会", "科学城办事处", "市级各部门"],
        ),
        (
            "各市（州）人民政府，省政府有关部门、有关直属机构，有关单位：",
            ["各市(州)人民政府", "省政府有关部门", "省政府有关直属机构", "有关单位"],
        ),
        # parts that do not stand alone (委、办、局) keep their group whole
        (
            "各区、县人民政府，市政府各委、办、局，临港地区管委会：",
            ["各区人民政府", "各县人民政府", "市政府各委、办、局", "临港地区管委会"],
        ),
        ("省政府各厅、局，有关单位：", ["省政府各厅、局", "有关单位"]),
        # regions sharing a head that is no organ ending (an office with its variant in brackets)
        (
            "各省、自治区、直辖市财政厅（局），新疆生产建设兵团财政局：",
            ["各省财政厅(局)", "各自治区财政厅(局)", "各直辖市财政厅(局)", "新疆生产建设兵团财政局"],
        ),
        (
            "各省、自治区、直辖市及新疆生产建设兵团卫生健康委：",
            ["各省卫生健康委", "各自治区卫生健康委", "各直辖市及新疆生产建设兵团卫生健康委"],
        ),
        # the 各 of a list does not reach a region of which there is one
        (
            "各省、自治区、直辖市及计划单列市、新疆生产建设兵团发展改革委：",
            ["各省发展改革委", "各自治区发展改革委", "各直辖市及计划单列市发展改革委", "新疆生产建设兵团发展改革委"],
        ),
        # ；separates groups as ，does
        (
            "各副省级城市中心支行；各国有商业银行，中国邮政储蓄银行；中国银联股份有限公司：",
            ["各副省级城市中心支行", "各国有商业银行", "中国邮政储蓄银行", "中国银联股份有限公司"],
        ),
    ],
)
def test_split_recipients(line: str, parts: list[str]) -> None:
    assert split_recipients(line) == parts


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", True),
        ("各市（州）人民政府，省政府有关部门、有关直属机构，有关单位：", True),
        ("省直各部门（单位）：", True),
        ("中国人民银行上海总部，各分行；中国银联股份有限公司：", True),
        ("国家发展改革委、财政部：", True),
        # a body's lead-in ends in a colon too, and names no addressee
        ("为贯彻落实党的十八大精神，经省政府同意，现就开展“智慧山东”试点工作提出以下意见：", False),
        ("现将有关事项通知如下：", False),
        ("根据《条例》规定，决定如下：", False),
        ("主要任务是：", False),
    ],
)
def test_recipients_line_names_addressees(line: str, expected: bool) -> None:
    assert is_recipients_line(line) is expected


def test_a_body_lead_in_is_no_recipients_line() -> None:
    raw = (
        "为贯彻落实党的十八大精神，经省政府同意，现就开展试点工作提出以下意见：\n一、充分认识试点工作的重要性\n正文。\n"
    )
    (d,) = extract_documents(raw)
    assert d.recipients == []


@pytest.mark.parametrize(
    ("attachment_line", "signature", "attachments", "signed"),
    [
        # PDF extraction glued the 成文日期 to the attachment line: it is the signing date
        (
            "附件：银行卡助农取款服务相关附表二〇一一年七月十一日",
            "主题词：支付结算 通知",
            ["银行卡助农取款服务相关附表"],
            dt.date(2011, 7, 11),
        ),
        # a date inside the title stays there
        ("附件：名单（截至2012年12月31日）", "国务院\n2013年1月5日", ["名单(截至2012年12月31日)"], dt.date(2013, 1, 5)),
    ],
)
def test_attachment_titles_and_a_glued_signing_date(
    attachment_line: str, signature: str, attachments: list[str], signed: dt.date
) -> None:
    raw = f"国务院关于加强管理的通知\n国发〔2013〕1号\n各省人民政府：\n现将有关事项通知如下。\n{attachment_line}\n{signature}\n"
    (d,) = extract_documents(raw)
    assert (d.attachments, d.signed_date) == (attachments, signed)


@pytest.mark.parametrize(
    ("statement", "effective", "valid_until"),
    [
        ("第五十一条 本条例自2005年5月1日起施行。", dt.date(2005, 5, 1), None),
        ("第二十九条 本办法自2018年4月1日起施行，有效期5年。", dt.date(2018, 4, 1), dt.date(2023, 3, 31)),
        ("本办法自二〇二〇年一月一日起实施。", dt.date(2020, 1, 1), None),
        # 自…之日: the 成文日期 (2016年8月12日 below)
        ("第十六条 本办法由省安委会办公室负责解释，自印发之日起施行。", dt.date(2016, 8, 12), None),
        ("本意见自发布之日起施行，有效期3年。", dt.date(2016, 8, 12), dt.date(2019, 8, 11)),
        ("本意见有效期至2025年12月31日。", None, dt.date(2025, 12, 31)),
        # 有效期 of something else, a 施行 statement of another text
        ("许可证有效期为3年。", None, None),
        ("《信访条例》自1995年起施行以来，成效明显。", None, None),
    ],
)
def test_effective_date_and_validity(statement: str, effective: dt.date | None, valid_until: dt.date | None) -> None:
    raw = f"国务院关于加强管理的通知\n国发〔2016〕1号\n各省人民政府：\n{statement}\n国务院\n2016年8月12日\n"
    (d,) = extract_documents(raw)
    assert (d.effective_date, d.valid_until) == (effective, valid_until)


@pytest.mark.parametrize(
    ("note", "public"),
    [
        ("（此件公开发布）", "公开发布"),
        ("（信息公开形式：主动公开）", "主动公开"),
        ("(此件不予公开)", "不予公开"),
        ("公开方式：依申请公开", "依申请公开"),
        ("（此件印发至县级）", None),
        ("各地要加大政务公开力度。", None),
    ],
)
def test_public_note_under_the_signature(note: str, public: str | None) -> None:
    raw = f"国务院关于加强管理的通知\n国发〔2016〕1号\n各省人民政府：\n现将有关事项通知如下。\n国务院\n2016年8月12日\n{note}\n"
    (d,) = extract_documents(raw)
    assert d.public == public


def test_taking_effect_on_an_unknown_signing_date_stays_null() -> None:
    (d,) = extract_documents("杭州市水上交通事故处理条例\n第四十条 本条例自公布之日起施行。\n")
    assert (d.effective_date, d.valid_until) == (None, None)


def test_regulation_takes_its_promulgating_order_number() -> None:
    raw = "# 信访条例\n\n2005年1月5日 国务院第76次常务会议通过\n\n2005年1月10日 中华人民共和国国务院令第431号公布\n\n第一章 总则\n\n第一条 为了保持各级人民政府同人民群众的密切联系，制定本条例。\n"
    (d,) = extract_documents(raw)
    assert (d.title, d.doc_type) == ("信访条例", "条例")
    assert d.doc_number is not None and d.doc_number.normalized == "国务院令第431号"


@pytest.mark.parametrize(
    ("note", "issuers", "signed"),
    [
        # adopted, then promulgated by an order, on lines of their own: the order's date
        (
            "2012年4月18日 国务院第200次常务会议通过\n2012年5月2日 中华人民共和国国务院令第620号公布\n2012年7月1日 施行",
            ["国务院"],
            dt.date(2012, 5, 2),
        ),
        # one parenthesized line, steps apart by spaces
        (
            "（2010年12月28日国务院第138次常务会议通过　2011年1月8日国务院令第588号公布　自公布之日起施行）",
            ["国务院"],
            dt.date(2011, 1, 8),
        ),
        # adopted by a standing committee: without its term and session
        (
            "（2016年9月30日湖北省第十二届人民代表大会常务委员会第二十四次会议通过）",
            ["湖北省人民代表大会常务委员会"],
            dt.date(2016, 9, 30),
        ),
        # amended later: the date of the text as printed, the organ that adopted it
        (
            "（1997年8月15日某市第九届人民代表大会常务委员会第四次会议通过\n"
            "根据2004年6月18日某市第十二届人民代表大会常务委员会第十次会议《关于修改〈某市条例〉的决定》修正）",
            ["某市人民代表大会常务委员会"],
            dt.date(2004, 6, 18),
        ),
        # a ministry's rule: 经…部务会议通过, then the ministry's order
        (
            "（2008年7月17日经人力资源和社会保障部第6次部务会议通过　2008年9月18日人力资源和社会保障部令第1号公布）",
            ["人力资源和社会保障部"],
            dt.date(2008, 9, 18),
        ),
        # an autonomous county's regulation, approved by the province: adopted by the county
        (
            "2015年3月7日 某某自治县第十六届人民代表大会第五次会议通过\n"
            "2015年5月30日 某某省第十二届人民代表大会常务委员会第十九次会议批准",
            ["某某自治县人民代表大会"],
            dt.date(2015, 5, 30),
        ),
        # a term written without 第, a Chinese-numeral date
        (
            "（二〇二一年三月十一日十三届全国人民代表大会常务委员会第二十七次会议审议通过）",
            ["全国人民代表大会常务委员会"],
            dt.date(2021, 3, 11),
        ),
        # no note: an entry into force alone, a body sentence that starts with a date
        ("（自2020年1月1日起施行）", [], None),
        ("2020年1月1日，本市召开会议通过了工作方案。", [], None),
    ],
)
def test_a_regulations_title_note_gives_issuer_and_date(note: str, issuers: list[str], signed: dt.date | None) -> None:
    (d,) = extract_documents(f"# 某某管理条例\n\n{note}\n\n第一章 总则\n\n第一条 为了加强管理，制定本条例。\n")
    assert (d.title, d.issuers, d.signed_date) == ("某某管理条例", issuers, signed)


def test_a_signature_outranks_a_title_note() -> None:
    raw = (
        "某某省人民代表大会常务委员会关于加强管理的决定\n（2019年3月1日某某省第十三届人民代表大会常务委员会第九次会议通过）\n"
        "为了加强管理，作如下决定。\n某某省人民代表大会常务委员会\n2019年3月2日\n"
    )
    (d,) = extract_documents(raw)
    assert (d.issuers, d.signed_date) == (["某某省人民代表大会常务委员会"], dt.date(2019, 3, 2))


def test_a_title_note_dates_an_entry_into_force_on_promulgation() -> None:
    note = "（2010年12月28日国务院第138次常务会议通过　2011年1月8日国务院令第588号公布　自公布之日起施行）"
    (d,) = extract_documents(f"# 某某管理条例\n\n{note}\n\n第一条 为了加强管理，制定本条例。\n")
    assert d.doc_number is not None and d.doc_number.normalized == "国务院令第588号"
    assert d.effective_date == dt.date(2011, 1, 8)


# ---------------------------------------------------------------- concatenation


def _shifted(doc: object, shift: int, documents_before: int = 0) -> dict[str, object]:
    data = doc.model_dump()  # type: ignore[attr-defined]
    data["start"] += shift
    data["end"] += shift
    if data["doc_number"] is not None:
        data["doc_number"]["start"] += shift
        data["doc_number"]["end"] += shift
        data["doc_number"]["document"] += documents_before  # the index of its document
    return data


# 001 and 003 are cut off mid-page (their last line is a full line without a sentence end), so a
# text joined after them continues their last line, as PDF text does; the others end a document
@pytest.mark.parametrize("first", ["000", "002", "004"])
@pytest.mark.parametrize("second", ["000", "001", "002", "003", "004"])
def test_documents_survive_concatenation(first: str, second: str) -> None:
    a, b = seed_text(first), seed_text(second)
    joined = a + "\n\n" + b
    expected = [_shifted(d, 0) for d in extract_documents(a)]
    expected += [_shifted(d, len(a) + 2, len(expected)) for d in extract_documents(b)]
    assert [_shifted(d, 0) for d in extract_documents(joined)] == expected


def test_front_matter_of_a_following_bulletin_is_no_part_of_the_last_document() -> None:
    doc = (
        "国务院关于加强管理的通知\n国发〔2013〕1号\n各省、自治区、直辖市人民政府：\n现就有关事项通知如下。\n"
        "国务院\n2013年3月2日\n"
    )
    front = "# 绵阳市人民政府公报\n## 目录\n### 上级文件\n国务院关于推进改革的意见\n（国发〔2013〕2号）\n"
    (only,) = extract_documents(doc + front)
    assert only.end == len(doc) - 1


_ISSUING = (
    "某省人民政府关于印发防控方案的通知\n某府发〔2022〕1号\n\n各市人民政府：\n现将《防控方案》印发给你们，请认真贯彻执行。\n"
    "某省人民政府\n2022年6月27日\n防控方案\n一、总体要求\n坚持预防为主。\n"
)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # the issued text lists its annexes at its own end; the list stops at the first annex
        (
            "附件：1.公民防疫基本行为准则\n2.核酸检测初筛阳性人员管理指南\n3.重点场所疫情防控\n技术指南\n附件1\n公民防疫基本行为准则\n1.勤洗手。\n",
            ["公民防疫基本行为准则", "核酸检测初筛阳性人员管理指南", "重点场所疫情防控技术指南"],
        ),
        # the first annex's title printed before its label is no item of the list
        (
            "附件：1.迁移上云计划表\n2.试点单位名单\n\n 某省试点单位名单\n\n附件1\n\n省发展改革委\n",
            ["迁移上云计划表", "试点单位名单"],
        ),
    ],
)
def test_the_attachment_list_of_an_issued_text(tail: str, expected: list[str]) -> None:
    (doc,) = extract_documents(_ISSUING + tail)
    assert doc.attachments == expected


@pytest.mark.parametrize(
    ("line", "copy_to"),
    [
        ("抄送：国务院办公厅。", ["国务院办公厅"]),
        ("抄 送：中央农村工作领导小组办公室，国务院办公厅。", ["中央农村工作领导小组办公室", "国务院办公厅"]),
        (
            "主题词：支付结算 银行卡 通知抄 送：中央农村工作领导小组办公室，国务院办公厅。",
            ["中央农村工作领导小组办公室", "国务院办公厅"],
        ),
        ("请各单位抄送：本单位。", []),
    ],
)
def test_copy_to_spaced_or_glued_to_the_subject_words(line: str, copy_to: list[str]) -> None:
    raw = f"国务院关于加强管理的通知\n国发〔2016〕1号\n各省人民政府：\n现将有关事项通知如下。\n国务院\n2016年8月12日\n{line}\n"
    (d,) = extract_documents(raw)
    assert d.copy_to == copy_to


def test_an_issuing_notice_without_a_doc_number_is_one_document_with_its_text() -> None:
    raw = (
        "某市人民政府关于印发某市数字经济发展实施方案的通知\n各区（市）县人民政府，市政府各部门：\n"
        "现将《某市数字经济发展实施方案》印发给你们，请认真贯彻执行。\n某市人民政府\n2023年3月1日\n"
        "某市数字经济发展实施方案\n一、总体要求\n（一）指导思想。坚持以人民为中心。\n"
    )
    (doc,) = extract_documents(raw)
    assert doc.start == 0 and doc.end == len(raw) - 1
    assert doc.title == "某市人民政府关于印发某市数字经济发展实施方案的通知"
    assert doc.issuers == ["某市人民政府"] and doc.signed_date == dt.date(2023, 3, 1)
    assert doc.doc_number is None


@pytest.mark.parametrize(
    "chrome",
    [
        pytest.param("扫一扫在手机打开当前页", id="scan"),
        pytest.param("【打印本页】【关闭窗口】", id="buttons"),
        pytest.param("【打印】 【关闭】", id="short-buttons"),
    ],
)
def test_a_web_page_s_buttons_after_the_text_are_no_part_of_the_document(chrome: str) -> None:
    raw = f"国务院关于加强管理的通知\n国发〔2013〕1号\n各省：\n正文内容在此。\n国务院\n2013年3月1日\n（此件公开发布）\n\n{chrome}\n"
    (d,) = extract_documents(raw)
    assert raw[d.start : d.end].endswith("（此件公开发布）")


def test_a_sentence_naming_a_button_stays_in_the_document() -> None:
    raw = "国务院关于加强管理的通知\n国发〔2013〕1号\n各省：\n正文内容在此。\n国务院\n2013年3月1日\n打印本页后报送。\n"
    (d,) = extract_documents(raw)
    assert raw[d.start : d.end].endswith("打印本页后报送。")
