"""Messages of the outputs: a scorecard as text, a batch's files (ranking.csv, evalkit.xlsx,
report.html), their English, and output formats' names."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # One scorecard as text (default_plugins/formats.py: the terminal table and Markdown)
    "card_subject": ("{name}（{level}） {year}", "{name} ({level}) {year}"),
    "card_total": ("总分：{total} / {max}（{percent}%）  等次：{grade}", "Total: {total} / {max} ({percent}%)  Grade: {grade}"),
    "card_coverage": ("有据可查的分值占比：{coverage}  待评审分值：{pending}  评分配置：{profile}", "Points resting on reported evidence: {coverage}  Points pending review: {pending}  Profile: {profile}"),
    "gap_line": ("{n}. [{criterion}] {title}（{kind}，失分 {lost}{pending}，{status}{repeat}）", "{n}. [{criterion}] {title} ({kind}, lost {lost}{pending}, {status}{repeat})"),
    "gap_pending": ("，待评审分值 {points}", ", pending {points}"),
    "gap_repeat": ("，{mark}", ", {mark}"),
    "gap_field": ("   {label}：{value}", "   {label}: {value}"),
    "finding_line": ("{n}. [{severity}] {message}（{code}{where}）", "{n}. [{severity}] {message} ({code}{where})"),
    "finding_part": ("，{part}", ", {part}"),
    "finding_quote": ("“{quote}”", "\"{quote}\""),
    # A batch's files (ranking.csv, evalkit.xlsx, report.html): words and notes
    "no": ("否", "no"),
    "xlsx_townships": ("（共 {count} 个乡镇）", "({count} townships)"),
    "xlsx_gaps_shown": ("每个乡镇只列失分最多的 {shown} 项", "each township's {shown} largest gaps only"),
    "xlsx_gaps_elsewhere": ("完整的扣分清单见 townships/ 下各乡镇的评分卡", "every gap is in the townships' scorecards under townships/"),
    "xlsx_national": ("（全国规模批次）", "(national batch)"),
    "xlsx_findings_elsewhere": ("各乡镇的报告问题见 townships/ 下的评分卡", "each township's findings are in its scorecard under townships/"),
    "xlsx_reported_elsewhere": ("各乡镇报告的数据见 townships/ 下的评分卡", "each township's reported figures are in its scorecard under townships/"),
    "page_total": ("{total} / {max}（{percent}%）", "{total} / {max} ({percent}%)"),
    "page_where_sep": ("，", ", "),
    "page_large": ("页面只列出排名前 {shown} 位和后 {shown} 位", "the page lists the top {shown} and the bottom {shown}"),
    "page_summary": ("页面列出排名，不逐一列出各乡镇的失分项", "the page lists the ranking, not each township's gaps"),
    "page_note": ("本批共 {count} 个乡镇（街道），{listed}；每个乡镇的评分卡见输出目录 townships/ 下的同名 .json 和 .md 文件，全部排名见 ranking.csv。",
                  "{count} townships in this batch; {listed}. Each township's scorecard is in townships/ (.json and .md); the whole ranking is in ranking.csv."),
    # --lang en: every text evalkit writes in English, plugin data through its `en` fields (see language.py)
    "finding_date_missing": ("报告未注明成文日期", "the report gives no date"),
    "finding_date_invalid": ("报告日期 {date} 不是有效的日期", "the report's date {date} is not a valid date"),
    "finding_report_late": ("报告日期 {date} 晚于 {following} 年 4 月 1 日的公开时限", "the report is dated {date}, after the publication deadline of 1 April {following}"),
    "finding_report_late_submission": ("报告日期 {date} 晚于 {following} 年 3 月 1 日的报送时限", "the report is dated {date}, after the submission deadline of 1 March {following}"),
    "finding_title_year": ("报告标题中的年度与报告年度 {year} 不符", "the year in the report's title is not the report year {year}"),
    "finding_seventh_plan": ("“七五普法”已于2020年结束，现行为“八五普法”（2021—2025年）", "the seventh five-year legal publicity plan ended in 2020; the eighth (2021–2025) is current"),
    "finding_claim_without_base": ("声称覆盖情况但未给出基数（如审查件数、应覆盖的村社数），无法核实", "coverage is claimed without its base (such as the documents reviewed or the villages to cover), so it cannot be checked"),
    "finding_percent_over_100": ("比例 {value} 超过 100%", "the rate {value} is over 100%"),
    "reason_no_such_findings": ("未发现此类问题", "no such findings"),
    "reason_more_findings": ("等", ", and more"),
    "untranslated": ("", "note: {count} titles have no English in their plugins and are shown in Chinese: {ids}"),
    # report.html's titles
    "page_title": ("{year}法治政府建设考评结果", "Assessment of rule-of-law government building{year}"),
    "page_year": ("{year} 年度", ", {year}"),
    "page_title_county": ("{county} {title}", "{title}: {county}"),
    "page_no_plugins": ("无", "none"),
    "page_bar_value": ("{total} 分 · {grade}", "{total} points · {grade}"),
    "page_negative": ("扣 {lost} / {limit}", "−{lost} / {limit}"),
    "page_firmness": ("排名区间：各类别权重在 ±20% 内随机变动、不适用指标按两种口径计分，共重新排名 {draws} 次（随机种子 {seed}），取第 5 至第 95 百分位的名次。“次序不稳”指与相邻乡镇的先后在 5% 以上的抽样中颠倒。",
                      "Rank intervals: the categories' weights varied at random within ±20% and not-applicable criteria scored both ways, ranked again {draws} times (random seed {seed}); the 5th to 95th percentile of the ranks. \"Order not robust with\": the order against a neighbour flips in more than 5% of the draws."),
    "page_ranks": ("全县第 {rank} 名，{level}第 {level_rank} 名", "rank {rank} in the county, {level_rank} among the {level}s"),
    "page_category_chart": ("{name}各类别得分条形图", "Bar chart of {name}'s scores by category"),
    "base": ("基本分", "Base points"),
    # Output formats in evalkit plugins: their names, files and titles (the formats hook's Format, with its `en`)
    "format": ("格式", "Format"), "format_file": ("写出", "Writes"),
}

# Ranking columns: the titles of ranking.csv's and the workbook's 排名 sheet (see ranking.py)
RANKING_COLUMNS = {
    "rank": ("排名", "Rank"),
    "level_rank": ("同级排名", "Level rank"),
    "name": ("乡镇（街道）", "Township"),
    "level": ("层级", "Level"),
    "county": ("县（市、区）", "County"),
    "total": ("总分", "Total"),
    "max": ("满分", "Max"),
    "percent": ("得分率（%）", "Percentage"),
    "grade": ("等次", "Grade"),
    "bonus": ("加分", "Bonus"),
    "deductions": ("扣分", "Deductions"),
    "vetoed": ("一票否决", "Veto"),
    "pending": ("待评审分值", "Points pending review"),
    "coverage": ("有据可查占比（%）", "Points with evidence (%)"),
    "gaps": ("主要失分项", "Top gaps"),
    "source": ("来源文件", "Source file"),
    "interval": ("排名区间（5%–95%）", "Rank interval (5%–95%)"),
    "unstable": ("次序不稳的相邻乡镇", "Neighbours in unstable order"),
}

#: The report contents a 法治政府建设年度报告 must have (rule kind "sections", check required-content-missing)
SECTIONS = {
    "measures": ("上一年度推进法治政府建设的主要举措和成效", "the main measures and results of the past year in building rule-of-law government"),
    "shortcomings": ("存在的不足和原因", "the shortcomings and their causes"),
    "first_responsibility": ("党政主要负责人履行推进法治建设第一责任人职责情况", "how the principal Party and government leaders carried out their duty as first responsible persons for rule-of-law building"),
    "plan": ("下一年度推进法治政府建设的主要安排", "the main plans for the next year"),
    "other_matters": ("其他需要报告的情况", "other matters to report"),
}

#: A township's level (镇, 乡, 街道)
LEVEL = {"镇": ("镇", "town"), "乡": ("乡", "township"), "街道": ("街道", "subdistrict")}

#: The workbook's sheet names and column titles (default_plugins/workbook.py)
WORKBOOK = {
    "sheet_ranking": ("排名", "Ranking"), "sheet_detail": ("得分明细", "Points"), "sheet_gaps": ("扣分清单", "Gaps"),
    "sheet_findings": ("问题发现", "Findings"), "sheet_rectification": ("整改跟踪", "Rectification"),
    "sheet_reported": ("报告数据", "Reported figures"), "sheet_failures": ("错误", "Failures"),
    "township": ("乡镇（街道）", "Township"), "criterion_id": ("指标编号", "Criterion id"), "criterion": ("指标", "Criterion"),
    "kind": ("类型", "Kind"), "status": ("状态", "Status"), "lost": ("失分", "Lost"), "pending": ("待评审分值", "Pending review"),
    "reason": ("原因", "Reason"), "remediation": ("整改建议", "Remediation"), "basis": ("依据", "Basis"),
    "code": ("代码", "Code"), "severity": ("级别", "Severity"), "message": ("说明", "Message"), "section": ("章节", "Section"),
    "line": ("行", "Line"), "quote": ("引文", "Quote"), "rectification": ("整改情况", "Rectification"),
    "lost_before": ("上年失分", "Lost last year"), "lost_now": ("本年失分", "Lost this year"),
    "item_id": ("指标项编号", "Item id"), "item": ("指标项", "Item"), "value": ("数值", "Value"), "unit": ("单位", "Unit"),
    "approximate": ("约数", "Approximate"), "scored": ("计分", "Scored"), "counted": ("计分", "scored"), "reference": ("仅供参考", "for reference"),
    "file": ("文件", "File"), "failure": ("类型", "Kind"), "none": ("（无）", "(none)"),
    "no_store": ("没有这些乡镇上一年度的评分：评分时未使用成绩库，或上一年度的评分未存入成绩库", "no scores of these townships for last year: scored without a results store, or last year's scores were not kept in it"),
}

#: The words of report.html and of each township's part of it (templates/*.html.j2, also the web app's pages),
#: as the templates' ``w``; pieces around markup keep their spaces
PAGE = {
    "html_lang": ("zh-CN", "en"),
    "profile": ("评分配置：", "Profile: "), "engine": ("评分引擎：", "Engine: "), "plugins": ("插件：", "Plugins: "),
    "open": ("（", " ("), "close": ("）", ")"), "colon": ("：", ": "), "list_sep": ("、", ", "), "period": ("。", "."),
    "scored_a": ("已评分 ", "Scored: "), "scored_b": (" 个乡镇（街道），", " townships; "),
    "failed_files": (" 个文件无法评分", " files could not be scored"), "see_a": ("（见", " (see "), "see_link": ("文末", "the end"),
    "no_failures": ("无评分失败的文件", "no file failed"), "grades": ("等次分布：", "Grades: "), "grade_count": (" 个", ""),
    "toc": ("乡镇（街道）目录", "Townships"), "toc_head": ("各乡镇（街道）评分详情：", "Each township's scores: "),
    "ranking": ("总分排名", "Ranking by total"), "chart_a": ("各乡镇（街道）总分排名条形图，共 ", "Bar chart of the townships' totals, "),
    "chart_b": (" 个", " in all"), "bar_a": ("第 ", "No. "), "bar_b": (" 名 ", " "),
    "caption_a": ("条形长度按满分 ", "Bars are drawn against a maximum of "), "caption_b": (" 分计；颜色表示等次：", " points; colours show the grade: "),
    "excellent": ("优秀", "excellent"), "good": ("良好", "good"), "pass": ("合格", "pass"), "fail": ("不合格", "fail"),
    "table": ("排名表", "Ranking table"), "bonus": ("加分", "Bonus"), "deductions": ("扣分", "Deductions"), "codes": ("类别代码", "Category codes"),
    "none_scored": ("没有评分成功的乡镇（街道）。", "No township was scored."),
    "failures_a": ("无法评分的文件（", "Files that could not be scored ("), "failures_b": (" 个）", ")"),
    "file": ("文件", "File"), "problem": ("问题类型", "Problem"), "reason": ("原因", "Reason"),
    "made_a": ("由 ", "Made by "), "made_b": (" 生成 · 评分配置 ", " · profile "),
    "source": (" · 来源文件：", " · source file: "), "vetoes": ("一票否决：", "Veto: "), "note": ("提示：", "Note: "),
    "by_category": ("分类得分", "Scores by category"),
    "category_caption": ("浅色底条为该类别满分（扣分项为扣分上限），深色为得分，各类别按同一比例绘制。",
                         "The light bar is the category's maximum (for deductions, their cap), the dark one its score, all on one scale."),
    "rectification_a": ("上年问题整改情况（", "Rectification of last year's gaps ("), "count_b": (" 项）", ")"),
    "criterion": ("指标", "Criterion"), "title": ("名称", "Title"), "rectification": ("整改情况", "Rectification"),
    "lost_before": ("上年失分", "Lost last year"), "lost_now": ("本年失分", "Lost this year"), "gaps_a": ("失分清单（", "Gaps ("),
    "repeat": ("上年问题", "last year's gap, "), "lost": ("失分 ", "lost "), "pending_a": ("待评审 ", "pending "), "pending_b": (" 分", " points"),
    "evidence": ("报告原文", "From the report"), "remediation": ("整改建议", "Remediation"), "basis": ("依据", "Basis"),
    "no_gaps": ("无失分项。", "No gaps."), "findings_a": ("报告问题（", "Findings ("), "code_open": ("（", "("), "code_sep": ("，", ", "),
    "quote": ("引文：", "Quote: "), "no_findings": ("未发现问题。", "No findings."),
}
