"""Interface labels of generated pages, per language.

A criteria file may use any language listed here. For another language the
criteria file supplies the labels itself (top-level ``labels:``); ``load``
registers them with ``use_file_labels`` and any key it lacks falls back to
English. Built-in languages cannot be overridden from a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["LABELS", "file_label_gaps", "label", "use_file_labels"]

_ZH = {
    "language_name": "简体中文",
    "colon": "：",
    "list_sep": "；",
    "sounds_like": "对方的回答是这样的",
    "banner": "此文件由 python -m generator 根据 {source} 生成，请勿手工编辑。",
    "home": "首页",
    "sections": "评估维度",
    "criteria_count": "{n} 项标准",
    "version": "版本",
    "licence": "许可",
    "why": "为什么重要",
    "questions": "面谈时问这些问题",
    "evidence": "请对方出示",
    "red_flags": "危险信号",
    "levels": "评分参考",
    "weight": "权重",
    "knockout": "一票否决：此项得最低分即淘汰该代运营公司。",
    "sources": "出处",
    "score": "分",
    "how_to_use": "如何使用本指南",
    "scoring": "总分怎么算",
    "scale": "评分等级",
    # Printable forms (generator/render/forms.py)
    "forms": "打印表格",
    "forms_intro": "带去面谈的 A4 表格，用浏览器直接打印。",
    "questionnaire": "面谈问卷",
    "checklist": "电话初筛清单",
    "worksheet": "评分表",
    "questionnaire_about": "面谈时逐项提问、记录回答，核对证据和危险信号。",
    "checklist_about": "第一次通电话时先问的几个关键问题，一页纸。",
    "worksheet_about": ("打印的评分表并排给 {printed} 家公司打分；页面上的在线评分最多比较 {online} 家，"
                        "Excel 评分表 {workbook} 家；附计算公式。"),
    "short-questionnaire": "简版面谈问卷",
    "after-signing": "签约后首月核对清单",
    "self-check": "商家自查表",
    "short-questionnaire_about": "只问每项标准的必问问题，一次面谈问得完；危险信号逐条打勾。",
    "after-signing_about": "签约后第一个月逐项核对对方有没有兑现承诺。",
    "self-check_about": "你自己的准备情况，不计入任何代运营公司的得分。",
    "must_ask": "必问",
    "after_signing": "签约后首月核对",
    "self_check": "自查（不计分）",
    "self_check_note": "这是商家自己的准备情况自查，不计入任何代运营公司的得分，也没有权重和评分等级。",
    "self_questions": "问问自己",
    "skip_to_form": "跳到表格",
    "search_dialog": "搜索",
    "self_evidence": "事先准备",
    "self_red_flags": "自己身上的危险信号",
    "field_signed": "签约日期",
    "field_done": "核对人",
    "print_hint": "用浏览器的“打印”（Ctrl+P 或 ⌘P）打印，纸张选 A4；网站的菜单和导航不会打印出来。",
    "page_of": "第 {page} 页，共 {pages} 页",
    "field_agency": "代运营公司",
    "field_date": "日期",
    "field_mode": "方式",
    "mode_visit": "上门拜访",
    "mode_video": "视频通话",
    "field_interviewer": "面谈人",
    "field_present": "在场人员",
    "field_contact": "对方联系人",
    "field_phone": "电话 / 微信",
    "field_scorer": "评分人",
    "q_instructions": "问过的问题打勾，回答记在横线上；看到的证据打勾；发现危险信号也打勾。面谈后用评分表打分。",
    "q_overview": "本次面谈要谈的方面",
    "q_overall": "总体印象和下一步",
    "q_ask": "面谈时问",
    "q_evidence": "请对方出示（看到了打勾）",
    "q_red_flags": "危险信号（出现了打勾）",
    "notes": "备注",
    "knockout_short": "一票否决",
    "quick_intro": "第一次通电话时先问这几个问题（一票否决项和权重最高的项）。回答含糊或者回避的，不必再约面谈。",
    "quick_next": "下一步",
    "quick_meet": "约面谈或上门",
    "quick_drop": "不再考虑",
    "ws_agency": "代运营公司 {letter}",
    "ws_legend": "每项给每家公司圈一个分数；不适用的圈 N/A。",
    "ws_criterion": "评估标准",
    "ws_weight_short": "权重",
    "ws_ko_short": "否决",
    "na": "N/A",
    "ws_points": "得分",
    "ws_points_shifted": "(得分 − {low})",
    "ws_sum_points": "Σ 权重 × {points}",
    "ws_sum_weight": "Σ 权重（只算已打分的项）",
    "ws_section_score": "方面得分",
    "ws_total_points": "全部方面 Σ 权重 × {points}",
    "ws_total_weight": "全部方面 Σ 权重",
    "ws_total": "总分",
    "ws_disqualified": "一票否决项得了 {low} 分（淘汰）",
    "ws_rank": "排名",
    "ws_formula": "计算公式",
    "ws_rule_scores": "每项得分 {levels}，或 N/A（不适用）。N/A 和没打分的项，分子分母都不计。",
    "ws_rule_section": "方面得分 = Σ(权重 × {points}) ÷ Σ权重 ÷ {range} × 100",
    "ws_rule_total": "总分 = 全部方面的 Σ(权重 × {points}) ÷ 全部方面的 Σ权重 ÷ {range} × 100（不是各方面得分的平均）",
    "ws_rule_round": "结果保留一位小数，四舍五入（62.25 → 62.3）。",
    "ws_rule_knockout": (
        "标“否决”的项得了最低分 {low}，这家公司即被淘汰："
        "分数照算，但排在所有未淘汰的公司之后。记 N/A 不算否决。"
    ),
    "ws_rule_rank": "排名：未淘汰的按总分从高到低，其后是被淘汰的；四舍五入后总分相同的并列。",
    "editions": "行业版",
    "make_edition": "制作自己的行业版",
    "schema_reference": "标准文件参考",
    "changelog": "更新记录",
    "changelog_none": "还没有记录版本变化。",
    "stamp_commit": "{stamp}（提交 {commit}）",
    # Downloads page and scoring workbook (generator/render/downloads.py, workbook*.py)
    "downloads": "下载",
    "wb_sheet_instructions": "说明",
    "wb_sheet_scoring": "评分",
    "wb_sheet_comparison": "比较",
    "wb_no": "序号",
    "wb_criterion": "评估标准",
    "wb_knockout": "一票否决",
    "wb_yes": "是",
    "wb_agency": "代运营公司 {n}",
    "wb_agency_head": "代运营公司",
    "wb_hint": ("在浅黄色格子里填公司名称，并从下拉列表选择分数（{levels}；不适用选 N/A；没问到的留空）。"
                "权重和公式已锁定。"),
    "wb_subtotal": "小计",
    "wb_total": "总分",
    "wb_knocked": "一票否决项得 {low} 分",
    "wb_disqualified": "淘汰",
    "wb_rank": "排名",
    "wb_scored": "已评分项数",
    "wb_na": "N/A 项数",
    "wb_blank": "未评分项数",
    "wb_invalid": "无效输入（不是 {levels} 或 N/A）",
    "wb_invalid_short": "无效输入",
    "wb_choose": "选择分数",
    "wb_na_meaning": "不适用",
    "wb_error_title": "无效的分数",
    "wb_error": "请从下拉列表中选择：{choices}。",
    "wb_rank_rule": "排名：未淘汰的按总分从高到低，其后是被淘汰的；四舍五入后总分相同的并列。",
    "wb_score": "分数",
    "wb_meaning": "等级与说明",
    "wb_level_meaning": "{label}：{description}",
    # In-browser scorer on the worksheet page (generator/render/scoring_data.py, javascripts/scorer/)
    "sc_title": "在线评分",
    "sc_intro": ("在这里给最多 {online} 家代运营公司打分、比较。分数自动保存在这台设备的浏览器里，不会上传；"
                 "换设备请导出 JSON 再导入。下面的空白评分表用于打印到纸上，有 {printed} 家公司的位置；"
                 "Excel 评分表（下载页）有 {workbook} 家。"),
    "sc_agencies": "参与比较的公司",
    "sc_agency_name": "第 {n} 家公司名称",
    "sc_unnamed": "（未命名 {n}）",
    "sc_add": "添加公司",
    "sc_remove": "删除",
    "sc_remove_confirm": "再点一次确认删除",
    "sc_max": "最多 {max} 家。",
    "sc_scoring_for": "正在给这家公司打分",
    "sc_no_agencies": "先添加一家公司，再开始打分。",
    "sc_not_scored": "未评",
    "sc_knocked": "一票否决项得了最低分：这家公司被淘汰。",
    "sc_counts": "已评 {scored} 项，N/A {na} 项，未评 {blank} 项",
    "sc_disqualified": "淘汰（一票否决）",
    "sc_compare": "比较与排名",
    "sc_scored": "已评",
    "sc_status": "状态",
    "sc_chart": "各方面得分（0–100）",
    "sc_chart_desc": "条形图：每家公司在每个方面的得分，满分 100。",
    "sc_data": "保存、导出和打印",
    "sc_saved": "已自动保存在此浏览器中。",
    "sc_no_storage": "此浏览器不能保存数据（可能是隐私模式或存储已满）；关闭页面前请导出 JSON。",
    "sc_export_json": "导出 JSON",
    "sc_import_json": "导入 JSON",
    "sc_export_csv": "导出 CSV（Excel 可打开）",
    "sc_print": "打印已填写的评分表",
    "sc_print_hint": "Ctrl+P 打印的是下面的空白评分表；要打印你填写的分数，请用这个按钮。",
    "sc_clear": "清空全部评分",
    "sc_clear_confirm": "再点一次确认清空",
    "sc_corrupt": "保存在此浏览器中的评分数据已损坏，无法读取（{reason}）。请先下载原始数据留存，再重置。",
    "sc_download_raw": "下载原始数据",
    "sc_reset": "重置评分数据",
    "sc_changed": "评估标准有变化（版本 {new}）。分数按标准编号保留。",
    "sc_version_changed": "评估标准已从版本 {old} 更新为 {new}。分数按标准编号保留。",
    "sc_removed": "已删除的标准（分数和备注仍然保存，并会导出）：{ids}",
    "sc_added": "新增的标准（还没有分数）：{ids}",
    "sc_invalid": "不在当前评分等级中的分数（不计分，但仍然保存）：{ids}",
    "sc_kept": "已不在当前标准中的评分仍然保存在此浏览器和导出文件中：{ids}",
    "sc_ok": "知道了",
    "sc_imported": "已导入 {n} 家公司。",
    "sc_import_error": "没有导入：{reason}",
    "sc_wrong_criteria": "这个文件是用另一套评估标准（{id}）打的分，不能导入到这里。",
    "sc_bad_json": ("这个文件不是评分数据文件（也许选中的是导出的 CSV、表格或别的文件）。"
                    "请选择用“导出 JSON”保存的 .json 文件。"),
    "sc_bad_shape": ("这个文件不是用本页“导出 JSON”保存的评分文件，读不出公司和分数。"
                     "请选择用“导出 JSON”保存的 .json 文件。（技术细节：{where}）"),
    "sc_damaged": "文件里第 {n} 家公司的数据不完整或被改动过，读不出来。请重新导出一份。（技术细节：{where}）",
    "sc_bar_label": "正在打分",
    "sc_import_ask": "文件里有 {n} 家公司：{names}。要用它们替换这里现有的 {current} 家公司和全部分数吗？",
    "sc_import_replace": "替换现有数据",
    "sc_import_merge": "合并（同名公司用文件里的分数，其他公司添加进来）",
    "sc_import_cancel": "取消",
    "sc_import_cancelled": "没有导入，现有数据没有改变。",
    "sc_merged": "已合并，现在共有 {n} 家公司。",
    "sc_merge_too_many": "合并后会有 {n} 家公司，最多只能比较 {max} 家。请先删除几家，或选择替换。",
    "sc_too_big": "文件太大（{size} KB），评分文件最大 {max} KB",
    "sc_too_many": "文件里有 {n} 家公司，最多只能比较 {max} 家",
    "sc_too_long": "第 {n} 家公司的名称、编号或备注太长（备注最多 {max} 字）",
    "sc_print_title": "评分结果",
    "sc_section": "方面",
    "sc_criterion_id": "标准编号",
    "sc_removed_short": "（已删除的标准）",
    "sc_notes_title": "备注",
}
_EN = {
    "language_name": "English",
    "colon": ": ",
    "list_sep": "; ",
    "sounds_like": "What the answer sounds like",
    "banner": "Generated by python -m generator from {source}; do not edit.",
    "home": "Home",
    "sections": "What to assess",
    "criteria_count": "{n} criteria",
    "version": "Version",
    "licence": "Licence",
    "why": "Why it matters",
    "questions": "Questions to ask",
    "evidence": "Evidence to request",
    "red_flags": "Red flags",
    "levels": "What each score looks like",
    "weight": "Weight",
    "knockout": "Knock-out: the lowest score here disqualifies the agency.",
    "sources": "Sources",
    "score": "points",
    "how_to_use": "How to use this guide",
    "scoring": "How the score is computed",
    "scale": "Scoring scale",
    # Printable forms (generator/render/forms.py)
    "forms": "Printable forms",
    "forms_intro": "A4 sheets to take into meetings; print them straight from the browser.",
    "questionnaire": "Interview questionnaire",
    "checklist": "First-call checklist",
    "worksheet": "Scoring worksheet",
    "questionnaire_about": "Ask every question in the meeting, note the answers, tick off evidence and red flags.",
    "checklist_about": "The few decisive questions for a first phone call, on one page.",
    "worksheet_about": ("The printed sheet scores {printed} agencies side by side; the online scorer on the page "
                        "compares up to {online}, the Excel workbook {workbook}; with the formula."),
    "short-questionnaire": "Short interview form",
    "after-signing": "First-month checklist after signing",
    "self-check": "Merchant self-check",
    "short-questionnaire_about": "Only the must-ask questions of each criterion, to fit one meeting; tick red flags.",
    "after-signing_about": "In the first month after signing, check that the agency keeps its commitments.",
    "self-check_about": "Your own readiness; it counts towards no agency's score.",
    "must_ask": "Must ask",
    "after_signing": "Check in the first month after signing",
    "self_check": "Self-check (not scored)",
    "self_check_note": (
        "This is the merchant's own readiness self-check: it counts towards no agency's score and has no "
        "weights or score levels."
    ),
    "self_questions": "Ask yourself",
    "skip_to_form": "Skip to the form",
    "search_dialog": "Search",
    "self_evidence": "What to prepare",
    "self_red_flags": "Warning signs about yourself",
    "field_signed": "Date signed",
    "field_done": "Checked by",
    "print_hint": (
        "Print with your browser's Print command (Ctrl+P or ⌘P) on A4 paper; the site's menus and "
        "navigation are left out."
    ),
    "page_of": "Page {page} of {pages}",
    "field_agency": "Agency",
    "field_date": "Date",
    "field_mode": "Meeting",
    "mode_visit": "Office visit",
    "mode_video": "Video call",
    "field_interviewer": "Interviewer",
    "field_present": "People present",
    "field_contact": "Contact person",
    "field_phone": "Phone / WeChat",
    "field_scorer": "Scored by",
    "q_instructions": (
        "Tick each question once asked and write the answer on the lines; tick each piece of "
        "evidence you have seen and each red flag you notice. Score the agency on the worksheet "
        "afterwards."
    ),
    "q_overview": "Areas covered in this interview",
    "q_overall": "Overall impression and next steps",
    "q_ask": "Ask",
    "q_evidence": "Evidence (tick when seen)",
    "q_red_flags": "Red flags (tick if noticed)",
    "notes": "Notes",
    "knockout_short": "Knock-out",
    "quick_intro": (
        "Ask these questions in the first phone call (knock-out and highest-weight criteria). If an"
        " answer is vague or evasive, there is no need to arrange a meeting."
    ),
    "quick_next": "Next step",
    "quick_meet": "Arrange a meeting or visit",
    "quick_drop": "Not pursuing",
    "ws_agency": "Agency {letter}",
    "ws_legend": "For each criterion, circle one score per agency; circle N/A if it does not apply.",
    "ws_criterion": "Criterion",
    "ws_weight_short": "Wt",
    "ws_ko_short": "KO",
    "na": "N/A",
    "ws_points": "score",
    "ws_points_shifted": "(score − {low})",
    "ws_sum_points": "Σ weight × {points}",
    "ws_sum_weight": "Σ weight (scored criteria only)",
    "ws_section_score": "Section score",
    "ws_total_points": "All sections: Σ weight × {points}",
    "ws_total_weight": "All sections: Σ weight",
    "ws_total": "Total",
    "ws_disqualified": "Knock-out scored {low} (disqualified)",
    "ws_rank": "Rank",
    "ws_formula": "Formula",
    "ws_rule_scores": (
        "Each criterion scores {levels}, or N/A (not applicable). N/A and unscored criteria are "
        "left out of both sums."
    ),
    "ws_rule_section": "Section score = Σ(weight × {points}) ÷ Σ weight ÷ {range} × 100",
    "ws_rule_total": (
        "Total = Σ(weight × {points}) over all sections ÷ Σ weight over all sections ÷ {range} × "
        "100 (not the average of the section scores)"
    ),
    "ws_rule_round": "Round to one decimal place, half up (62.25 → 62.3).",
    "ws_rule_knockout": (
        "If a criterion marked KO gets the lowest score, {low}, the agency is disqualified: its "
        "score is still computed, but it ranks after every agency that is not disqualified. N/A on "
        "a KO criterion does not disqualify."
    ),
    "ws_rule_rank": (
        "Rank: agencies not disqualified first, highest total first, then disqualified ones; equal "
        "rounded totals share a rank."
    ),
    "editions": "Editions",
    "make_edition": "Make your own edition",
    "schema_reference": "Criteria file reference",
    "changelog": "Changelog",
    "changelog_none": "No versions recorded yet.",
    "stamp_commit": "{stamp} (commit {commit})",
    # Downloads page and scoring workbook (generator/render/downloads.py, workbook*.py)
    "downloads": "Downloads",
    "wb_sheet_instructions": "Instructions",
    "wb_sheet_scoring": "Scoring",
    "wb_sheet_comparison": "Comparison",
    "wb_no": "No.",
    "wb_criterion": "Criterion",
    "wb_knockout": "Knock-out",
    "wb_yes": "Yes",
    "wb_agency": "Agency {n}",
    "wb_agency_head": "Agency",
    "wb_hint": ("Type the agency names in the yellow cells and pick each score from the dropdown "
                "({levels}; N/A if it does not apply; leave blank if not asked). Weights and formulas are locked."),
    "wb_subtotal": "Subtotal",
    "wb_total": "Total",
    "wb_knocked": "Knock-outs scored {low}",
    "wb_disqualified": "Disqualified",
    "wb_rank": "Rank",
    "wb_scored": "Criteria scored",
    "wb_na": "Criteria N/A",
    "wb_blank": "Not scored yet",
    "wb_invalid": "Invalid entries (not {levels} or N/A)",
    "wb_invalid_short": "Invalid entries",
    "wb_choose": "Choose a score",
    "wb_na_meaning": "not applicable",
    "wb_error_title": "Not a valid score",
    "wb_error": "Please choose from the list: {choices}.",
    "wb_rank_rule": ("Rank: agencies not disqualified first, highest total first, then disqualified ones; "
                     "equal rounded totals share a rank."),
    "wb_score": "Score",
    "wb_meaning": "Level and meaning",
    "wb_level_meaning": "{label}: {description}",
    # In-browser scorer on the worksheet page (generator/render/scoring_data.py, javascripts/scorer/)
    "sc_title": "Score online",
    "sc_intro": ("Score and compare up to {online} agencies here. Scores are saved automatically in this browser "
                 "on this device and never uploaded; to move them, export JSON and import it elsewhere. The blank "
                 "sheet below is for printing on paper and has room for {printed} agencies; the Excel workbook "
                 "(downloads page) has {workbook}."),
    "sc_agencies": "Agencies compared",
    "sc_agency_name": "Name of agency {n}",
    "sc_unnamed": "(unnamed {n})",
    "sc_add": "Add agency",
    "sc_remove": "Remove",
    "sc_remove_confirm": "Click again to remove",
    "sc_max": "At most {max}.",
    "sc_scoring_for": "Scoring this agency",
    "sc_no_agencies": "Add an agency to start scoring.",
    "sc_not_scored": "Not scored",
    "sc_knocked": "Knock-out scored at the lowest level: this agency is disqualified.",
    "sc_counts": "{scored} scored, {na} N/A, {blank} not scored",
    "sc_disqualified": "Disqualified (knock-out)",
    "sc_compare": "Comparison and ranking",
    "sc_scored": "Scored",
    "sc_status": "Status",
    "sc_chart": "Section scores (0–100)",
    "sc_chart_desc": "Bar chart of each agency's score in each section, out of 100.",
    "sc_data": "Save, export and print",
    "sc_saved": "Saved automatically in this browser.",
    "sc_no_storage": ("This browser cannot save data (private mode or storage full); export JSON before "
                      "closing the page."),
    "sc_export_json": "Export JSON",
    "sc_import_json": "Import JSON",
    "sc_export_csv": "Export CSV (opens in Excel)",
    "sc_print": "Print filled-in worksheet",
    "sc_print_hint": "Ctrl+P prints the blank sheet below; use this button to print the scores you entered.",
    "sc_clear": "Clear all scores",
    "sc_clear_confirm": "Click again to clear everything",
    "sc_corrupt": ("The scores saved in this browser are damaged and cannot be read ({reason}). Download the "
                   "saved data to keep it, then reset."),
    "sc_download_raw": "Download saved data",
    "sc_reset": "Reset scoring data",
    "sc_changed": "The criteria have changed (version {new}). Scores are kept by criterion id.",
    "sc_version_changed": "The criteria changed from version {old} to {new}. Scores are kept by criterion id.",
    "sc_removed": "Removed criteria (their scores and notes are still saved and exported): {ids}",
    "sc_added": "New criteria (not scored yet): {ids}",
    "sc_invalid": "Scores not on the current scale (not counted, but still saved): {ids}",
    "sc_kept": "Scores for criteria no longer in this version are still saved in this browser and exported: {ids}",
    "sc_ok": "OK",
    "sc_imported": "Imported {n} agencies.",
    "sc_import_error": "Nothing was imported: {reason}",
    "sc_wrong_criteria": "this file was scored against other criteria ({id}) and cannot be imported here.",
    "sc_bad_json": ("this is not a scoring file (perhaps an exported CSV, a spreadsheet or another file). "
                    "Choose the .json file saved with \"Export JSON\"."),
    "sc_bad_shape": ("this file was not saved with \"Export JSON\" on this page, so no agencies or scores can be "
                     "read from it. Choose the .json file saved with \"Export JSON\". (Technical detail: {where})"),
    "sc_damaged": ("the data of agency {n} in the file is incomplete or was edited and cannot be read. Export it "
                   "again. (Technical detail: {where})"),
    "sc_bar_label": "Scoring",
    "sc_import_ask": "The file holds {n} agencies: {names}. Replace the {current} agencies here and all their scores?",
    "sc_import_replace": "Replace my data",
    "sc_import_merge": "Merge (same-named agencies take the file's scores, others are added)",
    "sc_import_cancel": "Cancel",
    "sc_import_cancelled": "Nothing was imported; your data is unchanged.",
    "sc_merged": "Merged: {n} agencies now.",
    "sc_merge_too_many": ("merging would make {n} agencies; at most {max} can be compared. Remove some first, "
                          "or replace."),
    "sc_too_big": "the file is too big ({size} KB; a scoring file is at most {max} KB)",
    "sc_too_many": "the file has {n} agencies; at most {max} can be compared",
    "sc_too_long": "agency {n} has a name, id or note that is too long (notes: at most {max} characters)",
    "sc_print_title": "Scoring results",
    "sc_section": "Section",
    "sc_criterion_id": "Criterion id",
    "sc_removed_short": "(removed criterion)",
    "sc_notes_title": "Notes",
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"zh": MappingProxyType(_ZH), "en": MappingProxyType(_EN)}
)


_FROM_FILE: dict[str, Mapping[str, str]] = {}
"""Labels supplied by the last loaded criteria file, for languages not in LABELS."""


def use_file_labels(labels: Mapping[str, Mapping[str, str]]) -> None:
    """Make a criteria file's labels available to ``label`` (languages without built-in labels only)."""
    for lang, table in labels.items():
        if lang not in LABELS:
            _FROM_FILE[lang] = MappingProxyType(dict(table))


def file_label_gaps(lang: str) -> list[str]:
    """Keys a file-supplied language lacks (shown in English); [] for built-in languages."""
    if lang in LABELS:
        return []
    table = _FROM_FILE.get(lang, {})
    return [key for key in LABELS["en"] if key not in table]


def label(lang: str, key: str, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled in (English if the file lacks it)."""
    table = LABELS.get(lang) or _FROM_FILE.get(lang, {})
    text = table[key] if key in table else LABELS["en"][key]
    return text.format(**values)
