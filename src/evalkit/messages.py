"""Every sentence a user reads, in Simplified Chinese and English.

Chinese is the default: the users are Chinese civil servants. ``--lang en`` picks English.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # framing
    "where": ("{where}:{body}", "{where}: {body}"),
    "sep": (",", ", "),
    "plugin_named": ("插件 {plugin}", "plugin {plugin}"),
    "line_col": ("第 {line} 行第 {column} 列", "line {line}, column {column}"),
    "interrupted": ("已中断,输出保持原样", "interrupted; outputs are left as they were"),
    "output_unwritable": ("无法写入({detail})", "cannot write here ({detail})"),
    "output_is_input": ("输出文件与输入文件相同,为免覆盖原文件,请换一个输出文件名", "the output is the input file; choose another name so the input is not overwritten"),
    "bad_jobs": ("--jobs 须为正整数", "--jobs takes a positive whole number"),
    "unknown_schema": ("没有名为“{name}”的 Schema,可用:{known}", "no schema named '{name}'; there are: {known}"),
    "profile_empty": ("评分配置没有选中任何指标", "the profile selects no criterion"),
    "hook_bad_return": ("插件 {plugin} 的 {hook} 应返回 {expected} 的列表,实际返回了 {found}", "plugin {plugin}: {hook} should return a list of {expected}, not {found}"),
    "format_no_filename": ("插件 {plugin} 的批量输出格式 {name} 没有指定 filename", "plugin {plugin}: the batch format {name} has no filename"),
    "internal_error": ("evalkit 内部错误,请把这条信息反馈给维护人员:{detail}", "internal error in evalkit, please report it: {detail}"),
    # reading files
    "file_missing": ("文件不存在", "no such file"),
    "file_unreadable": ("无法读取文件({detail})", "cannot read the file ({detail})"),
    "file_is_dir": ("这是一个文件夹,不是文件", "this is a folder, not a file"),
    "file_empty": ("文件是空的", "the file is empty"),
    "file_too_large": ("文件过大({size} 字节,上限 {limit} 字节)", "the file is too large ({size} bytes, limit {limit})"),
    "file_binary": ("文件含有二进制内容,不是文本文件", "the file holds binary data, not text"),
    "file_encoding": (
        "无法识别文件编码(支持 UTF-8、GB18030/GBK 和带 BOM 的 UTF-16);请用“另存为”选择 UTF-8 编码后重试",
        "unknown text encoding (UTF-8, UTF-8 with BOM and GB18030/GBK are read); save the file as UTF-8 and retry",
    ),
    "file_suffix": ("不支持的文件类型“{suffix}”,请另存为以下格式之一:{known}", "unsupported file type '{suffix}'; save it as one of: {known}"),
    "docx_not_zip": ("不是有效的 Word 文档(.docx 文件应为 zip 格式,可能是改了扩展名的其他文件)", "not a Word document (a .docx is a zip file; this may be another file renamed)"),
    "docx_corrupt": ("Word 文档已损坏,无法读取({detail})", "the Word document is damaged ({detail})"),
    "docx_bomb": ("Word 文档解压后过大或压缩比异常({size} 字节,压缩比 {ratio}),已拒绝读取", "the Word document unpacks too large or too densely ({size} bytes, ratio {ratio}); refused"),
    "report_no_subject": ("无法从报告标题或落款识别乡镇(街道)名称;标题应如“XX镇人民政府关于2022年度法治政府建设情况的报告”", "cannot tell the township from the title or signature; a title reads like “XX镇人民政府关于2022年度法治政府建设情况的报告”"),
    "report_no_year": ("无法从报告标题或落款日期识别报告年度", "cannot tell the report year from the title or the date"),
    "json_syntax": ("JSON 格式错误:{detail}", "malformed JSON: {detail}"),
    "json_duplicate_key": ("键“{key}”重复出现", "the key '{key}' appears twice"),
    "json_constant": ("不允许使用 {value},请填写具体数字", "{value} is not allowed; give a number"),
    "too_deep": ("嵌套层级过深(超过 {limit} 层)", "nested too deeply (more than {limit} levels)"),
    "lone_surrogate": ("含有无效的字符转义 {escape}(单独的 UTF-16 代理项,不是一个完整的字符),请删除或改正", "an invalid escape {escape} (a lone UTF-16 surrogate, not a whole character); remove or correct it"),
    "yaml_syntax": ("YAML 格式错误:{detail}", "malformed YAML: {detail}"),
    "not_object": ("顶层必须是一个对象(键值对)", "the top level must be an object (a mapping)"),
    "outdir_not_ours": ("输出目录已存在且含有其他文件,不是 evalkit 的输出目录;为免覆盖,请换一个目录或先清空", "the output folder holds other files and is not an evalkit output folder; choose another or empty it"),
    # hardening: limits on what is read, names, the output folder, workers, reviews
    "name_invisible": ("警告：{file} 中的乡镇名称“{name}”含有不可见字符或文字方向控制符，请核对", "warning: the township name '{name}' in {file} holds invisible or bidi control characters; check it"),
    "left_out_sections": ("报告另有 {count} 个标题超出上限（{limit} 个），未列入提交材料", "{count} more headings than the limit of {limit} were left out"),
    "left_out_citations": ("报告另有 {count} 处引用文件超出上限（{limit} 处），未列入提交材料", "{count} more citations than the limit of {limit} were left out"),
    "left_out_unmapped": ("报告另有 {count} 个未对应指标项的数字超出上限（{limit} 个），未逐一列出", "{count} more unmapped figures than the limit of {limit} are not listed"),
    "outdir_locked": ("另一个 evalkit 正在写入这个输出目录，请等它结束后再试", "another evalkit run is writing this output folder; try again when it ends"),
    "outdir_holds_input": ("输出目录中有本次运行要读的文件 {input}，替换输出目录会删除它；请换一个输出目录", "the output folder holds {input}, which this run reads; replacing the folder would delete it: choose another"),
    "outdir_is_cwd": ("输出目录不能是当前目录或它的上级目录（替换输出目录会把当前目录移走）；请换一个输出目录", "the output folder cannot be the current folder or one holding it; choose another"),
    "plugin_hook_wrapper": ("插件 {plugin} 把 {hook} 实现为包装器（wrapper/hookwrapper）；evalkit 逐个调用各插件的实现，不支持包装器，请改为普通实现（可用 tryfirst/trylast 调整顺序）", "plugin {plugin} implements {hook} as a wrapper; evalkit calls each implementation itself and takes no wrappers: use a plain one (tryfirst/trylast set the order)"),
    "worker_died": ("评分该文件的进程意外退出，该文件未能评分；其余文件照常处理", "the process scoring this file died; it was not scored, the other files were"),
    "more_problems": ("  ……另有 {count} 处错误未逐一列出", "  … and {count} more errors not listed"),
    "more_unknown_items": ("另有 {count} 个未定义的指标项，已忽略", "{count} more unknown items, ignored"),
    "review_empty_subject": ("评审记录中有 {count} 条的 subject 为空，未用于任何乡镇；适用于全部乡镇的评审请删去 subject，只针对一个乡镇的请填写其名称", "{count} reviews have an empty subject and apply to no township; leave subject out for every township, or name one"),
    "html_too_deep": ("网页元素嵌套过深（超过 {limit} 层），已拒绝读取；请另存为 .txt 或 .docx 后重试", "the web page nests elements too deeply (more than {limit} levels); refused: save it as .txt or .docx and retry"),
    # validation
    "invalid": ("数据不符合格式要求,共 {count} 处错误", "the data is invalid: {count} errors"),
    "unknown_item": ("未定义的指标项“{item}”,已忽略", "unknown item '{item}', ignored"),
    "bad_review": ("复核记录对应的指标“{criterion}”不存在或分值超出范围({detail})", "the review of '{criterion}' does not fit ({detail})"),
    "unknown_profile_id": ("配置中的“{id}”既不是指标编号也不是类别编号", "'{id}' in the profile is neither a criterion nor a category"),
    "unknown_profile": ("找不到配置“{name}”:既不是文件,也不是已注册的配置(可用:{known})", "no profile '{name}': not a file nor a registered profile ({known})"),
    "unknown_criterion": ("没有编号为“{id}”的指标", "no criterion with id '{id}'"),
    "unknown_format": ("不支持的输出格式“{name}”,可用:{known}", "unknown format '{name}'; use one of: {known}"),
    # plugins
    "plugin_hook_unknown": ("插件 {plugin} 实现了不存在的钩子:{detail}", "plugin {plugin} implements an unknown hook: {detail}"),
    "plugin_hook_invalid": ("插件 {plugin} 的钩子实现不符合规范:{detail}", "plugin {plugin} has an invalid hook implementation: {detail}"),
    "duplicate_id": ("{what} 编号“{id}”重复:插件 {first} 和插件 {second} 都声明了它", "{what} id '{id}' is declared by both {first} and {second}"),
    "unknown_category": ("插件 {plugin} 的指标 {criterion} 属于未声明的类别“{category}”", "plugin {plugin}: criterion {criterion} is in the undeclared category '{category}'"),
    "base_total_mismatch": ("插件 {plugin} 的基本分合计为 {total},与声明的 {declared} 不符", "plugin {plugin}: base points add up to {total}, not the declared {declared}"),
    "unknown_rule_kind": ("{owner}的指标 {criterion} 使用了不存在的规则类型“{kind}”(可用:{known})", "{owner}: criterion {criterion} uses the unknown rule kind '{kind}' (known: {known})"),
    "bad_rule": ("{owner}的指标 {criterion} 的 {kind} 规则参数有误:{detail}", "{owner}: criterion {criterion} has a bad {kind} rule: {detail}"),
    "unknown_item_in_rule": ("{owner}的指标 {criterion} 引用了未声明的指标项“{item}”", "{owner}: criterion {criterion} names the undeclared item '{item}'"),
    "criteria_invalid": ("插件 {plugin} 的指标文件不符合 criteria.schema.json:{path}:{detail}", "plugin {plugin}: the criteria file fails criteria.schema.json at {path}: {detail}"),
    "extractor_type": ("插件 {plugin} 的提取规则与指标项 {item} 的类型({type})不符:数字用 pattern,做法(布尔值)用 phrase", "plugin {plugin}: the extractor does not fit item {item} of type {type}: figures take pattern, practices (booleans) take phrase"),
    "bad_item_schema": ("插件 {plugin} 的指标项 {item} 的 schema 无效:{detail}", "plugin {plugin}: the schema of item {item} is invalid: {detail}"),
    "extractors_invalid": ("插件 {plugin} 的提取规则文件不符合 extractors.schema.json:{path}:{detail}", "plugin {plugin}: the extractors file fails extractors.schema.json at {path}: {detail}"),
    "bad_pattern": ("插件 {plugin} 的指标项 {item} 的提取规则不是有效的正则表达式:{detail}", "plugin {plugin}: the extractor of item {item} is not a valid regular expression: {detail}"),
    "unknown_item_in_extractor": ("插件 {plugin} 的提取规则引用了未声明的指标项“{item}”", "plugin {plugin}: an extractor names the undeclared item '{item}'"),
    "items_invalid": ("插件 {plugin} 的指标项文件不符合 items.schema.json:{path}:{detail}", "plugin {plugin}: the items file fails items.schema.json at {path}: {detail}"),
    "hook_failed": ("插件 {plugin} 在 {hook} 中出错:{detail}", "plugin {plugin} failed in {hook}: {detail}"),
    "check_failed": ("检查插件 {plugin} 出错,其检查结果缺失:{detail}", "the check plugin {plugin} failed, its findings are missing: {detail}"),
    "rule_failed": ("规则 {kind}(插件 {plugin})计算出错:{detail}", "rule {kind} (plugin {plugin}) failed: {detail}"),
    "rule_bad_return": ("规则 {kind}(插件 {plugin})未返回 Measure", "rule {kind} (plugin {plugin}) did not return a Measure"),
    "plugin_import_failed": ("插件 {name} 无法加载,已跳过:{detail}", "plugin {name} could not be loaded and was skipped: {detail}"),
    # scoring
    "reviewed": ("评审人 {reviewer} 复核:{reason}", "reviewed by {reviewer}: {reason}"),
    "category_bonus": ("加分项", "Bonus"),
    "category_deduction": ("扣分项", "Deductions"),
    "veto_effect": ("触发时总分封顶并评为最低等次", "when triggered, the total is capped and the grade is the lowest"),
    "grade_vetoed": ("存在一票否决项,评为最低等次", "a veto applies: the lowest grade"),
    "grade_deductions": ("扣分超过“{grade}”等次的上限", "deductions exceed what '{grade}' allows"),
    "grade_pending": ("尚有待评审指标,暂不能评为“{grade}”", "criteria await review, so not yet '{grade}'"),
    "extracted": ("从报告中提取的指标项({count} 项):", "items read from the report ({count}):"),
    "unmapped": ("未能对应指标项的数字({count} 个),请人工核对:", "figures no item took ({count}); map them by hand:"),
    "all_mapped": ("报告中的数字均已对应到指标项。", "every figure in the report went to an item."),
    "all_failed": ("没有一个文件评分成功,原有输出保持不变", "no file could be scored; the previous outputs are left as they were"),
    "duplicate_township": ("警告:{name} 出现在多个文件中:{files}", "warning: {name} is in several files: {files}"),
    "mixed_years": ("警告:本批材料的报告年度不一致:{years}", "warning: the batch mixes report years: {years}"),
    "unmatched_review": ("警告:评审记录中的“{name}”与评分的乡镇均不符,这些评审未被采用", "warning: reviews for '{name}' match no township scored and were not used"),
    "no_inputs": ("没有找到可评分的文件(支持 {known})", "no files to score ({known})"),
    "batch_done": ("已评分 {scored} 个,失败 {failed} 个;输出目录:{out}", "scored {scored}, failed {failed}; outputs in {out}"),
    "rank": ("排名", "Rank"),
    "level_rank": ("同级排名", "Level rank"),
    "township": ("乡镇(街道)", "Township"),
    "level": ("层级", "Level"),
    "top_gaps": ("主要失分项", "Top gaps"),
    "bad_plugin_name": ("插件名“{name}”不合规:须以小写字母开头,只含小写字母、数字和下划线", "bad plugin name '{name}': start with a lowercase letter; use a-z, 0-9 and _"),
    "plugin_dir_exists": ("目录已存在,未做任何改动", "the folder exists; nothing was changed"),
    "plugin_created": ("已创建插件项目 {path}。下一步:cd {path} && pip install -e '.[test]' && python -m pytest;然后 evalkit plugins 会列出 {name}", "created {path}. Next: cd {path} && pip install -e '.[test]' && python -m pytest; then evalkit plugins lists {name}"),
    "line_no": ("第 {line} 行", "line {line}"),
    "yes": ("是", "yes"),
    "bound_lower": ("{value}以上", "at least {value}"),
    "bound_upper": ("近{value}", "nearly {value}"),
    "bound_about": ("约{value}", "about {value}"),
    "cap": ("(上限 {cap})", " (cap {cap})"),
    "per_occurrence": ("每次 ", "per occurrence "),
    # output labels
    "total": ("总分", "Total"),
    "adjustment": ("一票否决封顶或保底调整", "Veto cap or floor at zero"),
    "grade": ("等次", "Grade"),
    "coverage": ("有据可查的分值占比", "Points resting on reported evidence"),
    "pending": ("待评审分值", "Points pending review"),
    "category": ("类别", "Category"),
    "score": ("得分", "Score"),
    "max": ("满分", "Max"),
    "gaps": ("失分清单", "Gaps"),
    "findings": ("报告问题", "Findings"),
    "no_gaps": ("无失分项", "No gaps"),
    "no_findings": ("未发现问题", "No findings"),
    "lost": ("失分", "Lost"),
    "status": ("状态", "Status"),
    "reason": ("原因", "Reason"),
    "remediation": ("整改建议", "Remediation"),
    "basis": ("依据", "Basis"),
    "criterion": ("指标", "Criterion"),
    "title": ("名称", "Title"),
    "kind": ("类型", "Kind"),
    "points": ("分值", "Points"),
    "rule": ("规则", "Rule"),
    "severity": ("级别", "Severity"),
    "location": ("位置", "Location"),
    "message": ("说明", "Message"),
    "veto": ("一票否决", "Veto"),
    "warnings": ("提示", "Warnings"),
    "plugin": ("插件", "Plugin"),
    "version": ("版本", "Version"),
    "hooks": ("钩子", "Hooks"),
    "profile": ("评分配置", "Profile"),
    "below_threshold": ("总分 {total} 低于要求的 {threshold} 分", "the total {total} is below the required {threshold}"),
}

STATUS = {
    "met": ("达标", "met"),
    "partial": ("部分达标", "partial"),
    "unmet": ("未达标", "unmet"),
    "missing": ("未报告", "missing"),
    "not_applicable": ("不适用", "not applicable"),
    "needs_review": ("待评审", "needs review"),
    "error": ("计算出错", "error"),
}

KIND = {"base": ("基本分", "base"), "bonus": ("加分", "bonus"), "deduction": ("扣分", "deduction"), "veto": ("一票否决", "veto")}

SEVERITY = {"error": ("错误", "error"), "warning": ("警告", "warning"), "info": ("提示", "info")}

FAILURE = {
    "input": ("文件无法读取", "unreadable file"),
    "data": ("数据不符合要求", "invalid data"),
    "plugin": ("插件出错", "plugin failed"),
    "internal": ("内部错误", "internal error"),
}


def text(message_key: str, lang: str = "zh", **params) -> str:
    """The message ``message_key`` in ``lang``, filled with ``params``."""
    zh, en = MESSAGES[message_key]
    return (en if lang == "en" else zh).format(**params)


def label(table: dict[str, tuple[str, str]], value: str, lang: str = "zh") -> str:
    """A vocabulary word (status, kind, severity, failure) in ``lang``."""
    zh, en = table.get(value, (value, value))
    return en if lang == "en" else zh
