"""Responsibilities: every clause form, roles, the first-listed convention, names, the gazetteer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govextract import extract
from govextract.departments import lookup_department
from govextract.extractors.responsibilities import extract_responsibilities

Roles = tuple[list[str], list[str]]


def roles(raw: str) -> list[Roles]:
    return [([d.name for d in r.lead], [d.name for d in r.support]) for r in extract_responsibilities(raw)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("加强宣传（公安部负责，教育部、民政部配合）。", [(["公安部"], ["教育部", "民政部"])]),
        ("打击犯罪（中央综治办、公安部负责，司法部配合）。", [(["中央综治办", "公安部"], ["司法部"])]),
        ("规范信贷（银监会牵头）。", [(["银监会"], [])]),
        ("落实政策（人民银行、银监会按职责分工负责）。", [(["人民银行", "银监会"], [])]),
        ("完善标准（工业和信息化部、质检总局等按职责分工负责）。", [(["工业和信息化部", "质检总局"], [])]),
        (
            "清理收费（牵头单位：财政部、工业和信息化部，参加单位：发展改革委、税务总局）。",
            [(["财政部", "工业和信息化部"], ["发展改革委", "税务总局"])],
        ),
        (
            "清理规章（责任单位：省法制办、省直相关部门。牵头单位见附件，下同）。",
            [(["省法制办", "省直相关部门"], [])],
        ),
        (
            "推进试点(农业厅牵头，财政厅配合，各市〔州〕人民政府负责落实)。",
            [(["农业厅", "各市〔州〕人民政府"], ["财政厅"])],
        ),
        (
            "发展电商〔商务厅、农业厅、省供销社，各市（州）、县（市、区）人民政府〕",
            [(["商务厅", "农业厅", "省供销社", "各市(州)、县(市、区)人民政府"], [])],
        ),
        (
            "建设新居（责任单位：阿坝州、甘孜州人民政府，省发展改革委）。",
            [(["阿坝州人民政府", "甘孜州人民政府", "省发展改革委"], [])],
        ),
        (
            "治理污染（责任单位：自贡、泸州、宜宾市人民政府）。",
            [(["自贡市人民政府", "泸州市人民政府", "宜宾市人民政府"], [])],
        ),
        (
            "健全制度（住房城乡建设厅、省发展改革委等部门和各市（州）人民政府负责）。",
            [(["住房城乡建设厅", "省发展改革委", "各市(州)人民政府"], [])],
        ),
        (
            "整合平台（财政厅、省发展改革委等省社会信用体系建设联席会议相关成员单位负责）。",
            [(["财政厅", "省发展改革委", "省社会信用体系建设联席会议相关成员单位"], [])],
        ),
        ("（国务院反拐部际联席会议各成员单位负责）", [(["国务院反拐部际联席会议各成员单位"], [])]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bracketed_forms(raw: str, expected: list[Roles]) -> None:
    assert roles(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "设立计量站（计量站）并开展检定。",  # a gloss
        "成立工作机构（领导小组、指挥部）。",  # a gloss of two names
        "加强管理（含按乡镇设立的监管所）。",
        "（2018年底前完成）",
        "公安部负责打击拐卖犯罪。",  # a duty inside an ordinary sentence
    ],
)
def test_not_clauses(raw: str) -> None:
    assert roles(raw) == []


def test_a_clause_wrapped_anywhere() -> None:
    raw = "支持企业周转（牵\n\n头单位：国\n\n家发展改革委、财政部，参加单位：住房\n\n城乡建设部）。\n"
    (r,) = extract_responsibilities(raw)
    assert [d.name for d in r.lead] == ["国家发展改革委", "财政部"]
    assert [d.name for d in r.support] == ["住房城乡建设部"]
    assert r.lead[0].text == "国\n\n家发展改革委"
    assert all(raw[d.start : d.end] == d.text for d in [*r.lead, *r.support])


def test_labelled_block() -> None:
    raw = "1.第三组。\n对口推进科研院所：中科院成都生物研究所。\n责任单位：科技厅、省知识产权局、省社科院\n"
    (r,) = extract_responsibilities(raw)
    assert ([d.name for d in r.lead], [d.name for d in r.support]) == (["科技厅", "省知识产权局", "省社科院"], [])
    assert r.text == "责任单位：科技厅、省知识产权局、省社科院"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # two labels on one line are two blocks, as on two lines: the first ends at ；
        (
            "1.加强监管。\n牵头单位：省卫生健康委；配合单位：省医保局、省药监局。\n",
            [
                ("牵头单位：省卫生健康委", ["省卫生健康委"], []),
                ("配合单位：省医保局、省药监局", [], ["省医保局", "省药监局"]),
            ],
        ),
        (
            "1.加强监管。\n牵头单位：省卫生健康委\n配合单位：省医保局、省药监局\n",
            [
                ("牵头单位：省卫生健康委", ["省卫生健康委"], []),
                ("配合单位：省医保局、省药监局", [], ["省医保局", "省药监局"]),
            ],
        ),
        # a label of another kind ends the block too; a ； between names does not
        (
            "1.推进改革。\n责任单位：市教育局、市财政局；完成时限：2023年底前\n",
            [("责任单位：市教育局、市财政局", ["市教育局", "市财政局"], [])],
        ),
        (
            "1.推进改革。\n责任单位：市教育局；市财政局\n",
            [("责任单位：市教育局；市财政局", ["市教育局", "市财政局"], [])],
        ),
    ],
)
def test_labelled_blocks_end_at_the_next_label(raw: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    found = extract_responsibilities(raw)
    assert [(r.text, [d.name for d in r.lead], [d.name for d in r.support]) for r in found] == expected


def test_duty_lines() -> None:
    raw = "三、职责分工\n市监察局：负责对工作落实情况进行监督。\n市国土资源局：负责项目用地手续办理等工作。\n"
    found = extract_responsibilities(raw)
    assert [[d.name for d in r.lead] for r in found] == [["市监察局"], ["市国土资源局"]]
    assert found[0].task is not None and found[0].task.text == "负责对工作落实情况进行监督。"


def test_task_is_the_item_before_the_clause() -> None:
    raw = "（三）建立疾病应急救助制度。出台实施意见。（卫生厅、财政厅负责）\n"
    (r,) = extract_responsibilities(raw)
    assert r.task is not None and r.task.text == "（三）建立疾病应急救助制度。出台实施意见。"


def test_table_cells_of_a_block_layout() -> None:
    raw = (
        "序号 工作任务 责任单位 主要举措、成果形式 时间进度\n 14\n\n"
        "加大监督检查力度。省社会信用体系\n建设联席会议办公室要加强督促检查。\n\n"
        "省自贸办、财政厅、省\n发展改革委\n\n"
        "省发展改革委、人行\n成都分行\n\n"
        "对各地各部门政务诚信建设情况进行综合考\n评，并及时公布考评结果。\n\n持续实施\n"
    )
    assert roles(raw) == [(["省自贸办", "财政厅", "省发展改革委"], []), (["省发展改革委", "人行成都分行"], [])]


def test_table_cells_pair_with_the_task_cells_before_them() -> None:
    raw = (
        "序号 工作任务 责任单位 主要举措、成果形式 时间进度\n 14\n\n15\n\n"
        "鼓励创新示范。鼓励自由贸易试\n验区先行先试。\n\n"
        "加大监督检查力度。联席会议办公室\n要加强督促检查。\n\n"
        "省自贸办、财政厅、省\n发展改革委\n\n"
        "省发展改革委、人行\n成都分行\n\n持续实施\n"
    )
    tasks = [r.task.text if r.task else None for r in extract_responsibilities(raw)]
    assert tasks == [
        "鼓励创新示范。鼓励自由贸易试\n验区先行先试。",
        "加大监督检查力度。联席会议办公室\n要加强督促检查。",
    ]


# ---------------------------------------------------------------- the first-listed convention

_HEAD = "四川省人民政府办公厅关于印发重点工作分工方案的通知\n川办发〔2013〕45号\n\n各市（州）人民政府：\n"
_NEXT = "\n绵阳市人民政府办公室关于印发工作方案的通知\n绵府办发〔2013〕12号\n\n各县市区人民政府：\n"


@pytest.mark.parametrize(
    "declaration",
    [
        "（教育厅、省发展改革委、财政厅等部门负责，列第一位的为牵头部门，下同）",
        "（教育厅、省发展改革委、财政厅负责。排在第一位的部门为牵头部门，下同）",
        "（责任单位：教育厅、省发展改革委、财政厅。排在首位的为牵头单位，下同）",
    ],
)
def test_first_listed_convention(declaration: str) -> None:
    raw = (
        _HEAD
        + "一、推进改革"
        + declaration
        + "\n二、完善制度（卫生厅、财政厅、民政厅负责）\n"
        + "三、分工负责（人力资源社会保障厅、卫生厅分别负责）\n"
        + "四、明确牵头（民政厅牵头，财政厅负责）\n"
        + _NEXT
        + "一、推进改革（市卫生局、市财政局负责）\n"
    )
    found = roles(raw)
    assert found[0] == (["教育厅"], ["省发展改革委", "财政厅"])
    assert found[1] == (["卫生厅"], ["财政厅", "民政厅"])
    assert found[2] == (["人力资源社会保障厅", "卫生厅"], [])  # 分别负责 keeps its meaning
    assert found[3] == (["民政厅", "财政厅"], [])  # explicit 牵头 keeps its meaning
    assert found[4] == (["市卫生局", "市财政局"], [])  # the next document has no declaration
    docs = extract(raw, labels=["documents"]).documents
    assert [d.lead_convention for d in docs] == ["first_listed", None]


def test_the_convention_starts_at_its_declaration() -> None:
    raw = _HEAD + "一、前期（卫生厅、财政厅负责）\n二、推进（教育厅、财政厅负责，列第一位的为牵头部门，下同）\n"
    assert roles(raw) == [(["卫生厅", "财政厅"], []), (["教育厅"], ["财政厅"])]


# ---------------------------------------------------------------- names and the gazetteer


def test_canonical_names_and_ids() -> None:
    raw = (
        "国务院办公厅关于印发工作方案的通知\n国办发〔2016〕64号\n\n各省人民政府：\n"
        "一、清理收费（发展改革委、人力资源社会保障部、卫生计生委负责，省政府配合）\n"
        "二、加强监管（质检总局、工商总局负责）\n\n国务院办公厅\n2016年8月12日\n"
    )
    found = extract_responsibilities(raw)
    deps = {d.name: d for r in found for d in [*r.lead, *r.support]}
    assert deps["发展改革委"].canonical == "国家发展和改革委员会"
    assert deps["人力资源社会保障部"].canonical == "人力资源和社会保障部"
    assert deps["卫生计生委"].canonical == "国家卫生和计划生育委员会"
    assert deps["质检总局"].canonical == "国家质量监督检验检疫总局"
    assert deps["卫生计生委"].department_id == lookup_department("卫生部", year=2010).department_id  # type: ignore[union-attr]
    assert deps["省政府"].canonical is None  # a generic holder


def test_provincial_names_take_the_issuers_province() -> None:
    raw = _HEAD + "一、推进改革。加快改革（省发展改革委、财政厅负责）。\n\n四川省人民政府办公厅\n2013年8月9日\n"
    (r,) = extract_responsibilities(raw)
    assert [d.canonical for d in r.lead] == ["四川省发展和改革委员会", "四川省财政厅"]


@pytest.mark.parametrize(
    ("name", "year", "canonical"),
    [
        ("发展改革委", 2016, "国家发展和改革委员会"),
        ("工信部", 2016, "工业和信息化部"),
        ("银监会", 2013, "中国银行业监督管理委员会"),
        ("国土资源部", 2015, "国土资源部"),
        ("卫生部", 2010, "卫生部"),
    ],
)
def test_lookup_department(name: str, year: int, canonical: str) -> None:
    info = lookup_department(name, year=year)
    assert info is not None and info.canonical == canonical


def test_lookup_department_ids_follow_renames() -> None:
    ids = {
        lookup_department(n, year=y).department_id
        for n, y in [("卫生部", 2010), ("卫生计生委", 2016), ("国家卫生健康委", 2020)]
    }  # type: ignore[union-attr]
    assert len(ids) == 1
    assert (
        lookup_department("国土资源部", year=2015).department_id
        == lookup_department("自然资源部", year=2019).department_id
    )  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": None},
        {"name": "财政部", "year": "2013"},
        {"name": "省财政厅", "province": ["四川省"]},
        {"name": "市财政局", "city": 1},
    ],
)
def test_lookup_department_rejects_wrong_types(kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        lookup_department(**kwargs)  # type: ignore[arg-type]


def test_lookup_department_answers_are_the_same_when_repeated() -> None:
    first = lookup_department("省发展改革委", province="四川省")
    assert first is not None and first.canonical == "四川省发展和改革委员会"
    assert lookup_department("省发展改革委", province="四川省") == first
    assert lookup_department("省发展改革委", province="湖南省").canonical == "湖南省发展和改革委员会"  # type: ignore[union-attr]


# ---------------------------------------------------------------- properties

_NAMES = ["公安部", "教育部", "民政部", "财政部", "省发展改革委", "人力资源社会保障厅", "市监察局"]


@given(st.text(alphabet="（）〔〕、，。：负责牵头配合责任单位部厅局委各市\n 1", max_size=300))
@settings(max_examples=200, deadline=None)
def test_never_raises_and_offsets_hold(raw: str) -> None:
    for r in extract_responsibilities(raw):
        assert raw[r.start : r.end] == r.text
        for d in [*r.lead, *r.support]:
            assert raw[d.start : d.end] == d.text
        if r.task is not None:
            assert raw[r.task.start : r.task.end] == r.task.text


@given(
    st.lists(st.sampled_from(_NAMES), min_size=1, max_size=4, unique=True),
    st.lists(st.sampled_from(_NAMES), max_size=3, unique=True),
    st.data(),
)
@settings(max_examples=100, deadline=None)
def test_wraps_inside_names_change_no_name_or_role(lead: list[str], support: list[str], data: st.DataObject) -> None:
    support = [n for n in support if n not in lead]
    clause = "（" + "、".join(lead) + "负责" + ("，" + "、".join(support) + "配合" if support else "") + "）"
    plain = "加强工作" + clause + "。"
    # break a line inside one name (a PDF wrap: a line break and a blank line)
    positions = [i for i, ch in enumerate(plain) if ch not in "（）、，。" and i > 5]
    at = data.draw(st.sampled_from(positions))
    wrapped = plain[:at] + "\n\n" + plain[at:]
    assert roles(wrapped) == roles(plain) == [(lead, support)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the department before 会同 leads, the ones after it work with it
        ("加强督查（国家发展改革委会同有关部门负责）。", [(["国家发展改革委"], ["有关部门"])]),
        ("推进改革（发展改革委、财政部会同有关部门负责）。", [(["发展改革委", "财政部"], ["有关部门"])]),
        (
            "做好工作（教育部会同人力资源社会保障部、财政部负责，各地区配合）。",
            [(["教育部"], ["人力资源社会保障部", "财政部", "各地区"])],
        ),
    ],
)
def test_huitong_in_a_clause(raw: str, expected: list[Roles]) -> None:
    assert roles(raw) == expected


@pytest.mark.parametrize(
    "role",
    ["按职责分别负责", "按职能分别负责", "依职责分别负责", "按照职责分别负责", "根据职责分工负责", "按职责负责"],
)
def test_each_leads_after_a_duty_qualifier(role: str) -> None:
    assert roles(f"做好工作（财政部、商务部{role}）。") == [(["财政部", "商务部"], [])]
    assert roles(f"做好工作（财政部{role}）。") == [(["财政部"], [])]


def test_huitong_keeps_its_split_under_the_first_listed_convention() -> None:
    raw = "（列第一位的为牵头部门，下同）\n一、加强督查（发展改革委、财政部会同有关部门负责）。"
    assert roles(raw)[-1] == (["发展改革委", "财政部"], ["有关部门"])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # names known only to the gazetteer (their last characters are no department ending)
        pytest.param("加强协调（全国政协负责，最高检配合）。", ["全国政协", "最高检"], id="gazetteer-only"),
        pytest.param("加强协调（科技部、中国科协负责）。", ["科技部", "中国科协"], id="gazetteer-last"),
        # a Kangxi radical for 心, as PDF extraction leaves it: compared after NFKC
        pytest.param("开展检查（市政务服务中\u2f3c负责）。", ["市政务服务中心"], id="compatibility-character"),
    ],
)
def test_brackets_are_skipped_only_when_no_name_can_end_in_them(text: str, names: list[str]) -> None:
    (r,) = extract_responsibilities(text)
    assert [d.name for d in r.lead + r.support] == names


def test_brackets_without_a_department_yield_nothing() -> None:
    assert extract_responsibilities("推进（一）工作（2016年）（试行）（草案）（见附件1）。") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("加强协调（全国政协、公安部负责）。", ["全国政协", "公安部"], id="gazetteer-name-first"),
        pytest.param("加强协调（全国政协、最高检负责）。", ["全国政协", "最高检"], id="gazetteer-names-only"),
        # a piece that is no name on its own still joins the next
        pytest.param("（各市（州）、县（市、区）人民政府负责）", ["各市(州)、县(市、区)人民政府"], id="places"),
        pytest.param("（阿坝州、甘孜州人民政府负责）", ["阿坝州人民政府", "甘孜州人民政府"], id="shared-government"),
    ],
)
def test_a_name_the_gazetteer_knows_stands_alone_in_a_list(text: str, names: list[str]) -> None:
    (r,) = extract_responsibilities(text)
    assert [d.name for d in r.lead + r.support] == names
