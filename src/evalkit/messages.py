"""Every sentence a user reads, in Simplified Chinese and English.

Chinese is the default: the users are Chinese civil servants. ``--lang en`` picks English.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # framing
    "where": ("{where}：{body}", "{where}: {body}"),
    "sep": ("，", ", "),
    "plugin_named": ("插件 {plugin}", "plugin {plugin}"),
    "line_col": ("第 {line} 行第 {column} 列", "line {line}, column {column}"),
    "interrupted": ("已中断，输出保持原样", "interrupted; outputs are left as they were"),
    "output_unwritable": ("无法写入（{detail}）", "cannot write here ({detail})"),
    "output_is_input": ("输出文件与输入文件相同，为免覆盖原文件，请换一个输出文件名", "the output is the input file; choose another name so the input is not overwritten"),
    "bad_jobs": ("--jobs 须为正整数", "--jobs takes a positive whole number"),
    "unknown_schema": ("没有名为“{name}”的 Schema，可用：{known}", "no schema named '{name}'; there are: {known}"),
    "profile_empty": ("评分配置没有选中任何指标", "the profile selects no criterion"),
    "hook_bad_return": ("插件 {plugin} 的 {hook} 应返回 {expected} 的列表，实际返回了 {found}", "plugin {plugin}: {hook} should return a list of {expected}, not {found}"),
    "format_no_filename": ("插件 {plugin} 的批量输出格式 {name} 没有指定 filename", "plugin {plugin}: the batch format {name} has no filename"),
    "internal_error": ("evalkit 内部错误，请把这条信息反馈给维护人员：{detail}", "internal error in evalkit, please report it: {detail}"),
    # reading files
    "file_missing": ("文件不存在", "no such file"),
    "file_unreadable": ("无法读取文件（{detail}）", "cannot read the file ({detail})"),
    "file_is_dir": ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    "file_empty": ("文件是空的", "the file is empty"),
    "file_too_large": ("文件过大（{size} 字节，上限 {limit} 字节）", "the file is too large ({size} bytes, limit {limit})"),
    "file_binary": ("文件含有二进制内容，不是文本文件", "the file holds binary data, not text"),
    "file_encoding": (
        "无法识别文件编码（支持 UTF-8、GB18030/GBK 和带 BOM 的 UTF-16）；请用“另存为”选择 UTF-8 编码后重试",
        "unknown text encoding (UTF-8, UTF-8 with BOM and GB18030/GBK are read); save the file as UTF-8 and retry",
    ),
    "file_suffix": ("不支持的文件类型“{suffix}”，请另存为以下格式之一：{known}", "unsupported file type '{suffix}'; save it as one of: {known}"),
    "docx_not_zip": ("不是有效的 Word 文档（.docx 文件应为 zip 格式，可能是改了扩展名的其他文件）", "not a Word document (a .docx is a zip file; this may be another file renamed)"),
    "docx_corrupt": ("Word 文档已损坏，无法读取（{detail}）", "the Word document is damaged ({detail})"),
    # reading .doc/.wps/.rtf/.odt, PDFs and scans (LibreOffice, PDFium, Tesseract)
    "tool_missing": ("无法读取{formats}：本机未安装 {program}；请由管理员安装 Debian 软件包 {package}（运行 scripts/install-packages），或把文件另存为 .docx 后重试", "cannot read {formats}: {program} is not installed; install the Debian package {package} (scripts/install-packages) or save the file as .docx"),
    "tool_timeout": ("{program} 处理该文件超过 {seconds} 秒，已停止（可用环境变量 EVALKIT_CONVERT_TIMEOUT 调整时限）", "{program} took more than {seconds} s on this file and was stopped (EVALKIT_CONVERT_TIMEOUT sets the limit)"),
    "tool_failed": ("{program} 无法处理该文件（{detail}）", "{program} could not process this file ({detail})"),
    "convert_failed": ("LibreOffice 无法打开该文件，文件可能已损坏、设有密码或并非所示格式；请用 WPS 或 Word 打开后另存为 .docx", "LibreOffice could not open this file: it may be damaged, password-protected or not what its name says; open it in WPS or Word and save it as .docx"),
    "pdf_password": ("PDF 文件设有打开密码，无法读取；请提供未加密的文件", "the PDF is password-protected; send an unencrypted copy"),
    "pdf_corrupt": ("PDF 文件已损坏或不是 PDF 格式，无法读取", "the PDF is damaged or not a PDF"),
    "pdf_too_many_pages": ("文件共 {pages} 页，超过上限 {limit} 页，可能不是年度报告；未读取", "the file has {pages} pages, more than the limit of {limit}; it may not be an annual report and was not read"),
    "image_corrupt": ("图片已损坏或不是所示格式，无法读取", "the image is damaged or not what its name says"),
    "image_too_large": ("图片过大（超过 {limit} 像素），未读取", "the image is too large (more than {limit} pixels)"),
    "ocr_language_missing": ("本机的 Tesseract 缺少简体中文识别数据（{language}），无法识别扫描件；请由管理员安装 Debian 软件包 {package}（运行 scripts/install-packages）", "Tesseract has no Simplified Chinese data ({language}); install the Debian package {package} (scripts/install-packages)"),
    "ocr_unconfirmed": ("有 {count} 个数字由文字识别（OCR）读出，尚待核对：请用 evalkit extract 导出提交材料，核对这些数字并删去其 needs_review 标记后再评分", "{count} figures were read by OCR and await confirmation: export them with evalkit extract, check them, remove their needs_review marks and score again"),
    "ocr_review": ("待核对：文字识别置信度 {confidence}", "to confirm: OCR confidence {confidence}"),
    "json_syntax": ("JSON 格式错误：{detail}", "malformed JSON: {detail}"),
    "json_duplicate_key": ("键“{key}”重复出现", "the key '{key}' appears twice"),
    "json_constant": ("不允许使用 {value}，请填写具体数字", "{value} is not allowed; give a number"),
    "too_deep": ("嵌套层级过深（超过 {limit} 层）", "nested too deeply (more than {limit} levels)"),
    "lone_surrogate": ("含有无效的字符转义 {escape}（单独的 UTF-16 代理项，不是一个完整的字符），请删除或改正", "an invalid escape {escape} (a lone UTF-16 surrogate, not a whole character); remove or correct it"),
    "yaml_syntax": ("YAML 格式错误：{detail}", "malformed YAML: {detail}"),
    "not_object": ("顶层必须是一个对象（键值对）", "the top level must be an object (a mapping)"),
    "outdir_not_ours": ("输出目录已存在且含有其他文件，不是 evalkit 的输出目录；为免覆盖，请换一个目录或先清空", "the output folder holds other files and is not an evalkit output folder; choose another or empty it"),
    # reading published reports: name and year, fields cut to fit
    "report_name_unknown": (
        "未能从报告的标题、落款、网页信息和正文中识别乡镇（街道）名称，暂以文件名“{name}”作为名称评分；请用 --township 指定（如 --township 贤庠镇），或在标题中写明单位名称",
        "cannot tell the township from the title, signature, page or text; scored under the file name “{name}”; give it with --township NAME or name the unit in the title",
    ),
    "report_level_unknown": (
        "未能识别单位层级（镇、乡或街道），暂按“镇”评分；请用 --township 给出带“镇”“乡”或“街道”的全称",
        "cannot tell the level (town, township or subdistrict); scored as a town; give the full name with --township",
    ),
    # reading real reports, second round: a name guessed from a compound noun
    "report_name_guessed": (
        "报告的标题、落款、网页信息和开头均未写明单位名称，暂按正文中“{name}幼儿园”“{name}社区”这类词推断为“{name}”，请核对；如不对，请用 --township 指定",
        "the title, signature, page and opening do not name the unit; guessed as “{name}” from compound nouns in the text; check it, or give it with --township",
    ),
    "report_year_guessed": (
        "报告未写明年度，暂按正文中最常提到的 {year} 年评分，请核对；可用 --year 指定年度",
        "the report does not state its year; scored as {year}, the year its text names most; check it, or give it with --year",
    ),
    "report_year_unknown": (
        "未能从报告中识别报告年度，暂按 {year} 年评分；请用 --year 指定年度（如 --year 2023）",
        "cannot tell the report year; scored as {year}; give it with --year (e.g. --year 2023)",
    ),
    "report_field_cut": (
        "报告的{field}过长，超出提交材料格式的上限（{limit}），已截取前 {limit} 项（字）",
        "the report's {field} is longer than a submission allows ({limit}); the first {limit} were kept",
    ),
    "field_title": ("标题", "title"),
    "field_unit": ("落款单位", "signing unit"),
    "field_sections": ("标题层级（小标题）", "headings"),
    "field_citations": ("引用文件", "citations"),
    "field_unmapped": ("未对应指标项的数字", "unmapped figures"),
    "bad_township": ("--township 须为乡镇（街道）名称，不超过 64 个字且不含控制字符", "--township takes a township name of at most 64 characters, without control characters"),
    "township_one_file": ("--township 只能用于单个文件；批量评分时以各文件的文件名识别乡镇", "--township is for a single file; in a batch each file's name serves"),
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
    "invalid": ("数据不符合格式要求，共 {count} 处错误", "the data is invalid (errors found: {count})"),
    "unknown_item": ("未定义的指标项“{item}”，已忽略", "unknown item '{item}', ignored"),
    "bad_review": ("复核记录对应的指标“{criterion}”不存在或分值超出范围（{detail}）", "the review of '{criterion}' does not fit ({detail})"),
    "unknown_profile_id": ("配置中的“{id}”既不是指标编号也不是类别编号", "'{id}' in the profile is neither a criterion nor a category"),
    "unknown_profile": ("找不到配置“{name}”：既不是文件，也不是已注册的配置（可用：{known}）", "no profile '{name}': not a file nor a registered profile ({known})"),
    "unknown_criterion": ("没有编号为“{id}”的指标", "no criterion with id '{id}'"),
    "unknown_format": ("不支持的输出格式“{name}”，可用：{known}", "unknown format '{name}'; use one of: {known}"),
    # plugins
    "plugin_hook_unknown": ("插件 {plugin} 实现了不存在的钩子：{detail}", "plugin {plugin} implements an unknown hook: {detail}"),
    "plugin_hook_invalid": ("插件 {plugin} 的钩子实现不符合规范：{detail}", "plugin {plugin} has an invalid hook implementation: {detail}"),
    "duplicate_id": ("{what} 编号“{id}”重复：插件 {first} 和插件 {second} 都声明了它", "{what} id '{id}' is declared by both {first} and {second}"),
    "unknown_category": ("插件 {plugin} 的指标 {criterion} 属于未声明的类别“{category}”", "plugin {plugin}: criterion {criterion} is in the undeclared category '{category}'"),
    "base_total_mismatch": ("插件 {plugin} 的基本分合计为 {total}，与声明的 {declared} 不符", "plugin {plugin}: base points add up to {total}, not the declared {declared}"),
    "unknown_rule_kind": ("{owner}的指标 {criterion} 使用了不存在的规则类型“{kind}”（可用：{known}）", "{owner}: criterion {criterion} uses the unknown rule kind '{kind}' (known: {known})"),
    "bad_rule": ("{owner}的指标 {criterion} 的 {kind} 规则参数有误：{detail}", "{owner}: criterion {criterion} has a bad {kind} rule: {detail}"),
    "unknown_item_in_rule": ("{owner}的指标 {criterion} 引用了未声明的指标项“{item}”", "{owner}: criterion {criterion} names the undeclared item '{item}'"),
    "criteria_invalid": ("插件 {plugin} 的指标文件不符合 criteria.schema.json：{path}：{detail}", "plugin {plugin}: the criteria file fails criteria.schema.json at {path}: {detail}"),
    "extractor_type": ("插件 {plugin} 的提取规则与指标项 {item} 的类型（{type}）不符：数字用 pattern，做法（布尔值）用 phrase", "plugin {plugin}: the extractor does not fit item {item} of type {type}: figures take pattern, practices (booleans) take phrase"),
    "bad_item_schema": ("插件 {plugin} 的指标项 {item} 的 schema 无效：{detail}", "plugin {plugin}: the schema of item {item} is invalid: {detail}"),
    "extractors_invalid": ("插件 {plugin} 的提取规则文件不符合 extractors.schema.json：{path}：{detail}", "plugin {plugin}: the extractors file fails extractors.schema.json at {path}: {detail}"),
    "bad_pattern": ("插件 {plugin} 的指标项 {item} 的提取规则不是有效的正则表达式：{detail}", "plugin {plugin}: the extractor of item {item} is not a valid regular expression: {detail}"),
    "unknown_item_in_extractor": ("插件 {plugin} 的提取规则引用了未声明的指标项“{item}”", "plugin {plugin}: an extractor names the undeclared item '{item}'"),
    "items_invalid": ("插件 {plugin} 的指标项文件不符合 items.schema.json：{path}：{detail}", "plugin {plugin}: the items file fails items.schema.json at {path}: {detail}"),
    "hook_failed": ("插件 {plugin} 在 {hook} 中出错：{detail}", "plugin {plugin} failed in {hook}: {detail}"),
    "check_failed": ("检查插件 {plugin} 出错，其检查结果缺失：{detail}", "the check plugin {plugin} failed, its findings are missing: {detail}"),
    "rule_failed": ("规则 {kind}（插件 {plugin}）计算出错：{detail}", "rule {kind} (plugin {plugin}) failed: {detail}"),
    "rule_bad_return": ("规则 {kind}（插件 {plugin}）未返回 Measure", "rule {kind} (plugin {plugin}) did not return a Measure"),
    "plugin_import_failed": ("插件 {name} 无法加载，已跳过：{detail}", "plugin {name} could not be loaded and was skipped: {detail}"),
    # scoring
    "reviewed": ("评审人 {reviewer} 复核：{reason}", "reviewed by {reviewer}: {reason}"),
    "category_bonus": ("加分项", "Bonus"),
    "category_deduction": ("扣分项", "Deductions"),
    "veto_effect": ("触发时总分封顶并评为最低等次", "when triggered, the total is capped and the grade is the lowest"),
    "grade_vetoed": ("存在一票否决项，评为最低等次", "a veto applies: the lowest grade"),
    "grade_deductions": ("扣分超过“{grade}”等次的上限", "deductions exceed what '{grade}' allows"),
    "grade_pending": ("尚有待评审指标，暂不能评为“{grade}”", "criteria await review, so not yet '{grade}'"),
    "extracted": ("从报告中提取的指标项（{count} 项）：", "items read from the report ({count}):"),
    "extracted_item": ("  {item}（{title}）：{value}{review}  {line}  “{quote}”", "  {item} ({title}): {value}{review}  {line}  “{quote}”"),
    "unmapped_figure": ("  {line}：{figure}{review}  “{quote}”", "  {line}: {figure}{review}  “{quote}”"),
    "unmapped": ("未能对应指标项的数字（{count} 个），请人工核对：", "figures no item took ({count}); map them by hand:"),
    "all_mapped": ("报告中的数字均已对应到指标项。", "every figure in the report went to an item."),
    "all_failed": ("没有一个文件评分成功，原有输出保持不变", "no file could be scored; the previous outputs are left as they were"),
    "duplicate_township": ("警告：{name} 出现在多个文件中：{files}", "warning: {name} is in several files: {files}"),
    "mixed_years": ("警告：本批材料的报告年度不一致：{years}", "warning: the batch mixes report years: {years}"),
    "unmatched_review": ("警告：评审记录中的“{name}”与评分的乡镇均不符，这些评审未被采用", "warning: reviews for '{name}' match no township scored and were not used"),
    "no_inputs": ("没有找到可评分的文件（支持 {known}）", "no files to score ({known})"),
    "batch_done": ("已评分 {scored} 个，失败 {failed} 个；输出目录：{out}", "scored {scored}, failed {failed}; outputs in {out}"),
    "rank": ("排名", "Rank"),
    "level_rank": ("同级排名", "Level rank"),
    "township": ("乡镇（街道）", "Township"),
    "level": ("层级", "Level"),
    "top_gaps": ("主要失分项", "Top gaps"),
    "bad_plugin_name": ("插件名“{name}”不合规：须以小写字母开头，只含小写字母、数字和下划线", "bad plugin name '{name}': start with a lowercase letter; use a-z, 0-9 and _"),
    "plugin_dir_exists": ("目录已存在，未做任何改动", "the folder exists; nothing was changed"),
    "plugin_created": ("已创建插件项目 {path}。下一步：cd {path} && pip install -e '.[test]' && python -m pytest；然后 evalkit plugins 会列出 {name}", "created {path}. Next: cd {path} && pip install -e '.[test]' && python -m pytest; then evalkit plugins lists {name}"),
    "line_no": ("第 {line} 行", "line {line}"),
    "yes": ("是", "yes"),
    "bound_lower": ("{value}以上", "at least {value}"),
    "bound_upper": ("近{value}", "nearly {value}"),
    "bound_about": ("约{value}", "about {value}"),
    "cap": ("（上限 {cap}）", " (cap {cap})"),
    "per_occurrence": ("每次 ", "per occurrence "),
    # the results store, history, compare, 整改 and rank sensitivity
    "store_unreadable": ("无法打开成绩库（{detail}）；请确认这是 evalkit 的成绩库文件（SQLite）", "cannot open the results store ({detail}); is it an evalkit store (SQLite)?"),
    "store_newer": ("成绩库的版本（{version}）比本 evalkit 支持的（{known}）新，请升级 evalkit", "the store's schema version {version} is newer than this evalkit knows ({known}); upgrade evalkit"),
    "store_outdated": ("成绩库尚未升级到本 evalkit 的版本；请先用 evalkit score --db 写入一次", "the store has an older schema; write to it once with evalkit score --db"),
    "store_write_failed": ("写入成绩库失败，成绩库保持原样（{detail}）", "writing to the store failed; it is left as it was ({detail})"),
    "store_saved": ("已存入成绩库 {db}：{year} 年度评分（编号 {run}）", "kept in the store {db}: run {run}, year {year}"),
    "repeat_title": ("上年问题未整改", "Last year's gaps left unrectified"),
    "repeat_reason": ("上年考评发现的 {count} 项问题本年仍未整改：{criteria}", "{count} of last year's gaps are still unrectified: {criteria}"),
    "repeat_remediation": ("逐项整改上年考评发现的问题，并在报告中写明整改情况", "rectify each of last year's gaps and say so in the report"),
    "repeat_basis": ("评分配置的 repeat_deduction（上年问题未整改扣分）", "the profile's repeat_deduction"),
    "rectification": ("上年问题整改情况（{tally}）", "Rectification of last year's gaps ({tally})"),
    "rectification_item": ("{n}. [{criterion}] {title}：{status}（上年失分 {before}{now}）", "{n}. [{criterion}] {title}: {status} (lost last year {before}{now})"),
    "tally_sep": ("，", ", "),
    "repeat_mark": ("上年问题{status}", "last year's gap, {status}"),
    "lost_now": ("，本年失分 {points}", ", this year {points}"),
    "store_not_given": ("没有指定成绩库：请用 --db FILE 指定，或设置环境变量 EVALKIT_DB", "no results store: give --db FILE or set EVALKIT_DB"),
    "store_missing": ("成绩库不存在；先用 evalkit score … --db 评分并保存", "the results store does not exist; score with evalkit score … --db first"),
    "store_no_township": ("成绩库中没有“{name}”的评分", "the store holds no scores of '{name}'"),
    "store_ambiguous_township": ("成绩库中有多个县的“{name}”（{counties}），请用 --county 指明", "the store holds '{name}' of several counties ({counties}); name one with --county"),
    "store_no_year": ("成绩库中没有 {year} 年度的评分（已有年度：{known}）", "the store holds no run of {year} (years kept: {known})"),
    "rank_interval": ("排名区间", "Rank interval"),
    "unstable_with": ("次序不稳", "Order not robust with"),
    "store_no_access": ("无法打开成绩库（{detail}）；请确认成绩库文件和所在文件夹可以读写，或用 --db 换一个位置", "cannot open the results store ({detail}); check that the file and its folder may be written, or choose another with --db"),
    "store_superseded": ("{year} 年度此前的评分已标记为“已被重新评分取代”，仍保留在成绩库中", "earlier runs of {year} are marked superseded and kept"),
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
    # reading .docx packages and .zip archives of reports
    "docx_bomb": ("Word 文档的“{part}”解压后压缩比异常（超过 {limit} 倍，已达 {ratio} 倍），疑似压缩炸弹，已拒绝读取", "the Word document's part '{part}' inflates more than {limit} times its packed size ({ratio}); refused as a zip bomb"),
    "docx_part_too_large": ("Word 文档的“{part}”解压后超过 {limit} 字节的上限，已拒绝读取", "the Word document's part '{part}' inflates past the limit of {limit} bytes; refused"),
    "docx_too_many_parts": ("Word 文档内含 {count} 个部件，超过 {limit} 个的上限，已拒绝读取", "the Word document holds {count} parts, more than the limit of {limit}; refused"),
    "docx_too_many_elements": ("Word 文档的“{part}”含有超过 {limit} 个 XML 元素，已拒绝读取", "the Word document's part '{part}' holds more than {limit} XML elements; refused"),
    "docx_dtd": ("Word 文档的“{part}”含有 DTD 声明（Word 不会写出，可能是恶意文件），已拒绝读取", "the Word document's part '{part}' declares a DTD (Word never writes one); refused"),
    "docx_encrypted": ("文件已加密，请去除密码后再提交", "the file is encrypted; remove the password and submit it again"),
    "zip_member": ("{archive}：{member}", "{archive}: {member}"),
    "zip_corrupt": ("压缩包已损坏或不是 zip 格式，无法读取（{detail}）", "the zip is damaged or not a zip ({detail})"),
    "zip_too_many_members": ("压缩包内含 {count} 个成员，超过 {limit} 个的上限，已拒绝读取", "the zip holds {count} members, more than the limit of {limit}; refused"),
    "zip_member_too_large": ("解压后超过 {limit} 字节的上限，已拒绝读取", "inflates past the limit of {limit} bytes; refused"),
    "zip_member_ratio": ("解压后压缩比超过 {limit} 倍，疑似压缩炸弹，已拒绝读取", "inflates more than {limit} times its packed size; refused as a zip bomb"),
    "zip_total": ("本批压缩包解压后合计超过 {limit} 字节的上限，此成员及其后的成员未读取", "the batch's zips inflate past {limit} bytes in all; this member and those after it are not read"),
    "zip_absolute": ("成员路径是绝对路径，为安全起见不读取", "the member's path is absolute; not read, for safety"),
    "zip_parent": ("成员路径含有“..”，为安全起见不读取", "the member's path holds '..'; not read, for safety"),
    "zip_link": ("成员是符号链接，为安全起见不读取", "the member is a symbolic link; not read, for safety"),
    "zip_encrypted": ("成员已加密，请去除密码后重新压缩", "the member is encrypted; remove the password and zip it again"),
    "zip_nested": ("压缩包中的压缩包不会展开，请先解压，再把其中的文件放入同一个压缩包", "a zip inside the zip is not opened; unzip it and put its files in one zip"),
    "zip_member_corrupt": ("成员已损坏，无法解压（{detail}）", "the member is damaged and cannot be unpacked ({detail})"),
    "docx_is_doc": ("这是旧版 Word（.doc）文件，扩展名却是 .docx；请用 Word 或 WPS 另存为 .docx 后再提交", "this is an old Word (.doc) file named .docx; save it as .docx in Word or WPS"),
    # evalkit serve: the web app
    "web_corrected_evidence": ("由填报人在网页上更正", "corrected on the web page by the clerk"),
    "web_ocr_unconfirmed": ("有 {count} 个数字由文字识别（OCR）读出，尚待核对：请在下方“报告中的数字”表中对照原件核对，读错的改正，无误的勾选“确认无误”，再按“按更正重新评分”", "{count} figures were read by OCR and await confirmation: check them against the original in the table of figures below, correct those misread, tick the confirm box of the others and rescore"),
    "web_mapping_unconfirmed": ("有 {count} 个数字归入指标项的依据不足，标为“待核对”，用到它们的评分项暂不计分（待评审）：请在下方“报告中的数字”表中对照原文核对，归属无误的勾选“确认无误”，归错的改正或清空，再按“按更正重新评分”", "{count} figures were put on their items with weak evidence and are marked to confirm; the criteria that read them score nothing until then (needs review): check them in the table of figures below, tick the confirm box of those rightly placed, correct or clear the others, and rescore"),
    "web_bad_figure": ("“{title}”填写的“{value}”不是有效的数值（是非项请填“是”或“否”）", "'{value}' is not a valid value for '{title}' (yes-or-no items take 是 or 否)"),
    "web_403": ("没有权限访问此页面。", "you may not open this page"),
    "web_404": ("找不到此页面，或您无权查看。", "no such page, or not yours to see"),
    "web_405": ("不支持此操作。", "this method is not allowed"),
    "web_411": ("请求缺少长度信息，请用浏览器上传。", "the request gives no length; upload with a browser"),
    "web_413": ("上传的文件过大（上限 {limit} MB）。", "the upload is too large (limit {limit} MB)"),
    "web_503": ("评分进程意外中止，已重新启动，请再上传一次。", "a scoring process stopped unexpectedly and was restarted; upload again"),
    "web_error": ("请求无法处理。", "the request cannot be handled"),
    "web_no_file": ("请选择要自检的报告文件。", "choose a report file to check"),
    "web_bad_suffix": ("不支持“{suffix}”格式的文件，可上传：{known}", "files of type '{suffix}' are not read; these are: {known}"),
    "web_login_expired": ("页面已过期，请重新登录。", "the page expired; sign in again"),
    "web_login_blocked": ("登录失败次数过多，请 {minutes} 分钟后再试。", "too many failed sign-ins; try again in {minutes} minutes"),
    "web_login_failed": ("用户名或密码不正确。", "wrong user name or password"),
    "web_wrong_township": ("报告中的乡镇名称“{found}”与本账号“{township}”不符，不能提交；如报告确为本单位报告，请按“报告确为本单位报告，按本单位名称评分”，否则请上传本单位的报告。", "the report names '{found}', not this account's '{township}'; it cannot be submitted"),
    "web_init_none": ("{folder} 中没有可读取的乡镇报告或提交材料", "no township report or submission found in {folder}"),
    "web_account": ("  {role}  用户名：{username}  密码：{password}", "  {role}  user: {username}  password: {password}"),
    "web_accounts_made": ("已创建 {count} 个账号（密码只显示这一次，请妥善分发）：", "{count} accounts created (passwords are shown only this once):"),
    "web_password_reset": ("已重设密码，该账号已登录的会话全部失效（新密码只显示这一次，请妥善告知）：", "password reset; every session of the account has ended (the new password is shown only this once):"),
    "web_no_account": ("没有用户名为“{name}”的账号；已有的账号：{known}", "no account named '{name}'; the accounts are: {known}"),
    "web_demo_accounts": ("演示账号（仅供试用，正式使用请用 --init 创建账号）：", "demo accounts (for trying out only; use --init for real ones):"),
    "web_listening": ("evalkit 网页服务已启动：http://{host}:{port}/ （按 Ctrl-C 停止）", "evalkit is serving at http://{host}:{port}/ (Ctrl-C stops it)"),
    "web_address": ("无法在 {host}:{port} 上提供服务（{detail}）；请换一个端口（--port），或检查地址（--host）", "cannot listen on {host}:{port} ({detail}); choose another --port or check --host"),
    "web_demo_leave_unknown": ("演示县中没有名为“{name}”的乡镇", "the demo county has no township named '{name}'"),
    # evalkit serve: a township's uploads scored a few at a time
    "web_429": ("本单位已有报告正在评分，请等页面显示结果后再上传。", "this township's earlier uploads are still being scored; wait for their results"),
    # evalkit serve: what a self-check is of (the account's township, the picked year) and web wording for the clerk
    "web_name_account": ("报告中未写明单位名称，按本账号单位“{name}”评分", "the report does not name its unit; scored as this account's '{name}'"),
    "web_name_own": ("填报人确认报告为本单位报告，按本账号单位“{name}”评分（报告中读出的名称为“{found}”）",
                     "the clerk confirmed the report is this account's; scored as '{name}' (the name read was '{found}')"),
    "web_name_guessed": ("报告的标题、落款和开头均未写明单位名称，按正文中的词推断为“{name}”", "the title, signature and opening do not name the unit; guessed as '{name}' from the text"),
    "web_level_unknown": ("未能识别单位层级（镇、乡或街道），暂按“镇”评分", "cannot tell the level (town, township or subdistrict); scored as a town"),
    "web_county_account": ("报告中未写明所属县（市、区），按本账号记为“{county}”", "the report does not name its county; recorded as this account's '{county}'"),
    "web_county_differs": ("报告写的所属县（市、区）“{county}”与本账号的“{account}”不同，按本账号记为“{account}”；请核对报告中的县名", "the report names its county '{county}', not this account's '{account}'; recorded as '{account}': check the county's name in the report"),
    "web_year_picked": ("报告中未写明年度，按上传时选择的报告年度 {year} 年评分", "the report does not state its year; scored as {year}, the year picked on upload"),
    "web_year_differs": ("报告写明的年度为 {year} 年，与上传时选择的 {picked} 年不同，按报告写明的 {year} 年评分；如报告有误请改正后重新上传",
                         "the report states {year}, not {picked} as picked on upload; scored as {year}; correct the report and upload again if it is wrong"),
    "web_bad_year": ("请选择报告年度（{first}—{last} 年）。", "pick the report year ({first} to {last})"),
    "web_mismatch": ("报告中的乡镇名称为“{found}”，与本账号“{township}”不符。", "the report names '{found}', not this account's '{township}'"),
    "web_mismatch_ocr": ("扫描件经文字识别（OCR）读出的乡镇名称为“{found}”，与本账号“{township}”不符，可能是识别有误。",
                         "OCR read the township's name in the scan as '{found}', not this account's '{township}'; it may be misread"),
    "web_submitted_unconfirmed": ("提交时尚有 {count} 个数字未核对，用到它们的评分项未计分", "{count} figures were not confirmed when submitted; the criteria that read them did not score"),
    "web_check_gone": ("这份自检结果已不在（服务重启、超过 10 小时或本单位又上传了多份报告后不再保留），请重新上传报告自检。",
                       "this self-check is no longer kept (the server restarted, 10 hours passed, or newer uploads replaced it); upload the report again"),
    "web_upload_again": ("重新上传", "upload again"),
    "web_home": ("返回首页", "back to the start page"),
    "web_sign_in_to_go_on": ("请先登录（登录已过期或尚未登录），登录后回到刚才的页面", "sign in (the session has ended or there was none) to go back to the page"),
    "web_form_expired": ("页面已过期（可能已在别处重新登录），请返回上一页，刷新后重新操作。", "the page expired (perhaps after signing in elsewhere); go back, reload it and try again"),
    # full-width punctuation everywhere: usage errors, list separators, the built-in rules' reasons
    "usage_error": ("{prog}：用法错误：{detail}", "{prog}: usage error: {detail}"),
    "list_sep": ("、", ", "),
    "clause_sep": ("；", "; "),
    "quoted": ("“{title}”", "“{title}”"),
    "reason_missing": ("报告未提供{titles}", "the report does not give {titles}"),
    "reason_reported": ("已报告", "reported"),
    "reason_lacking": ("未落实或未报告：{titles}", "not done or not reported: {titles}"),
    "reason_no_figure": ("有做法表述，但未给出“{title}”的具体数字", "the practice is claimed, but “{title}” is given no figure"),
    "reason_value": ("“{title}”{value}{unit}", "“{title}” {value}{unit}"),
    "reason_target": ("“{title}”{value}{unit}，目标 {target}{unit}", "“{title}” {value}{unit}, target {target}{unit}"),
    "reason_rate": ("比率 {rate}%，目标 {target}%", "rate {rate}%, target {target}%"),
    "reason_no_base": ("报告给出了“{title}”（{value}），但未给出作为基数的“{base}”，无法计算比率", "the report gives “{title}” ({value}) but not its base “{base}”, so no rate"),
    "reason_zero_base": ("“{title}”为 0，本年度无此项工作", "“{title}” is 0: no such work this year"),
    "reason_reported_item": ("已报告“{title}”", "“{title}” is reported"),
    "reason_no_sections": ("提交材料未列出报告的章节结构", "the submission lists no sections of the report"),
    "reason_all_sections": ("所需内容均单列成节", "every required content has its own section"),
    "reason_not_sections": ("报告未单列{titles}", "the report has no section of its own for {titles}"),
    "reason_manual": ("需由评审人员评定", "a reviewer must score it"),
    # findings of the built-in report checks and copy detection
    "finding_content_missing": ("报告缺少法定内容：{content}", "the report lacks a required content: {content}"),
    "finding_date_early": ("报告日期 {date} 早于报告年度结束，年度情况可能不完整", "the report is dated {date}, before its year ended: the year may not be complete"),
    "finding_superseded": ("引用了已废止或名称有误的{cited}{note}，应引用{current}（{since} 起施行）", "cites {cited}{note}, repealed or misnamed; cite {current} (in force since {since})"),
    "finding_superseded_note": ("（{note}）", " ({note})"),
    "finding_item_over_100": ("“{item}”为 {value}%，超过 100%", "“{item}” is {value}%, over 100%"),
    "finding_measures_year": ("{year}年度报告的成效部分写的是{named}年的工作，年份可能有误", "the {year} report's results tell of work in {named}: the year may be wrong"),
    "finding_heading_year": ("{year}年度报告的标题“{heading}”写的是{named}年，年份可能有误", "the {year} report's heading “{heading}” names {named}: the year may be wrong"),
    "finding_new_law": ("《{law}》于 {since} 起施行，在{year}年度报告中称“{said}”不妥", "《{law}》 is in force since {since}: “{said}” does not fit a {year} report"),
    "finding_number_too_long": ("此处有一个 {length} 位长的数字，无法作为数据读取，请核对", "a number of {length} digits here cannot be read as a figure; check it"),
    "finding_wrong_level": ("本单位为{level}，但报告中写作“{said}”，用语与层级不符", "the unit is a {level}, but the report says “{said}”, which fits another level"),
    "finding_placeholder": ("报告中留有模板占位内容“{said}”，应替换为实际的单位名称、年份或数字", "the report keeps the template's placeholder “{said}”; put in the real name, year or figure"),
    "finding_wrong_period": ("引用的文件期限有误：“{said}”，应为{title}", "a cited document's period is wrong: “{said}”; it is {title}"),
    "finding_wrong_title": ("文件名称有误：{said}，应为{title}", "a document is misnamed: {said}; it is {title}"),
    "finding_wrong_law_name": ("法律名称有误：{said}，应为{title}", "a law is misnamed: {said}; it is {title}"),
    "finding_old_goal": ("“{old}”是已被取代的纲要的目标表述，现行表述为“{current}”", "“{old}” is the goal of a superseded outline; today's wording is “{current}”"),
    "finding_as_planned": ("成效部分写的是要求或计划（“{said}”），应写明本年度实际完成的情况和数字", "the results state a requirement or plan (“{said}”); state what was done this year, with figures"),
    "finding_too_few": ("“{said}”一次，全年应不少于 {least} 次，报告却写“{total}”，前后矛盾", "“{said}” once makes at least {least} a year, yet the report says “{total}”"),
    "finding_copied": ("报告有 {share} 的文字与{other}的报告相同，疑似照抄照搬", "{share} of the report's text is the same as {other}'s report: it may be copied"),
    # law names that name no law: a title in 《》 read as a national law, checked against data/laws.yaml
    "finding_no_such_law": ("法律名称有误：{said}不是任何一部现行国家法律的名称，所指的可能是{title}", "a law is misnamed: {said} is the name of no national law in force; it may mean {title}"),
    "finding_no_such_law_unsure": ("法律名称有误：{said}不是任何一部现行国家法律的名称，请核对后引用法律的正式名称", "a law is misnamed: {said} is the name of no national law in force; cite the law by its official name"),
    # mappings with weak evidence: a figure whose item's topic, participants or unit is not around it
    "mapping_unconfirmed": ("有 {count} 个数字归入指标项的依据不足，标为“待核对”，用到它们的评分项暂不计分（待评审）：请用 evalkit extract 导出提交材料，逐个核对；归属无误的删去其 needs_review 标记，归错的改到正确的指标项或删去，再评分", "{count} figures were put on their items with weak evidence and are marked to confirm; the criteria that read them score nothing until then (needs review): export them with evalkit extract, check each, remove the needs_review mark of those rightly placed, move or delete the others, and score again"),
    "mapping_review": ("待核对：{lacks}", "to confirm: {lacks}"),
    "mapping_lacks_topic": ("所在句子未提到该项的主题", "its sentence does not name the item's topic"),
    "mapping_lacks_who": ("未写明参加对象", "who took part is not named"),
    "mapping_lacks_alone": ("同一分句还写到其他指标项的对象或参加对象", "its clause also names another item's object or participants"),
    "mapping_lacks_unit": ("单位不是该项常用的单位", "its unit is not one the item usually takes"),
    "unknown_topic": ("插件 {plugin} 的指标项 {item} 的 evidence 引用了 topics 中没有的主题“{topic}”", "plugin {plugin}: the evidence of item {item} names the topic '{topic}', which topics does not define"),
    "reason_mapping_unconfirmed": ("{titles}的数字归属尚待核对，核对前不计分", "the item of the figure of {titles} awaits confirmation and scores nothing until then"),
    # extractors naming a topic of their file (one rule for a family of extractors)
    "unknown_extractor_topic": ("插件 {plugin} 的指标项 {item} 的提取规则引用了 topics 中没有的主题“{topic}”", "plugin {plugin}: an extractor of item {item} names the topic '{topic}', which topics does not define"),
    # history and compare under --lang en
    "year": ("年度", "Year"),
    "percent": ("得分率（%）", "Percent"),
    "rectification_column": ("上年问题整改", "Last year's gaps"),
    "history_title": ("{name}（{county}{level}）历年评分", "{name} ({county}{level}): scores year by year"),
    "history_county": ("{county}，", "{county}, "),
    "history_rubric_changed": ("注意：{year} 年度的评分办法与上一年不同，总分不可直接比较，请看得分率。有变化的指标：{changes}", "Note: the rubric of {year} differs from the year before, so totals do not compare: see the percentages. Changed criteria: {changes}"),
    "change_sep": ("；", "; "),
    "change_added": ("{criterion} {title}（新增）", "{criterion} {title} (added)"),
    "change_removed": ("{criterion} {title}（取消）", "{criterion} {title} (removed)"),
    "change_changed": ("{criterion} {title}（{fields}有变化）", "{criterion} {title} ({fields} changed)"),
    "change": ("变化", "Change"),
    "rank_change": ("名次变化", "Rank change"),
    "moved": ("变化最大的类别", "Categories that moved most"),
    "moved_percent": ("变化最大的类别（得分率，百分点）", "Categories that moved most (percentage points)"),
    "compare_same": ("{a} 与 {b} 年度对比：两年评分办法相同，总分可直接比较", "{a} against {b}: the same rubric, so totals compare"),
    "compare_differ": ("{a} 与 {b} 年度对比：两年评分办法不同，总分不可直接比较，以下比较得分率", "{a} against {b}: the rubrics differ, so percentages are compared, not totals"),
    "compare_changes": ("有变化的指标：{changes}", "Changed criteria: {changes}"),
    "compare_profile_changed": ("两年使用的评分配置不同（内容摘要不一致）：{b} 年度的等次线、加分上限等可能与 {a} 年度不同", "the two years used different profiles: the grade lines, bonus cap and so on of {b} may differ from {a}'s"),
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

#: 整改 statuses of last year's gaps (see evalkit.rectification)
RECTIFICATION = {
    "rectified": ("已整改", "rectified"),
    "partly": ("部分整改", "partly rectified"),
    "unrectified": ("未整改", "unrectified"),
    "unrectified_twice": ("连续两年未整改", "unrectified two years running"),
    "not_assessed": ("本年未考核", "not assessed this year"),
}

#: the fields of a criterion whose change between two years' rubrics is named (evalkit compare, history)
CHANGE_FIELDS = {"points": ("分值", "points"), "cap": ("上限", "cap"), "kind": ("类型", "kind"), "category": ("类别", "category"), "rule": ("规则", "rule")}

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


#: What the web app's audit log calls each action (evalkit serve)
WEB_ACTIONS = {
    "login": ("登录", "signed in"), "login_failed": ("登录失败", "sign-in failed"), "login_blocked": ("登录被限制", "sign-in refused (too many tries)"),
    "logout": ("退出", "signed out"), "self_check": ("上传自检", "self-check"), "rescore": ("更正后重新评分", "rescored with corrections"),
    "submit": ("提交报告", "submitted"), "view_submission": ("查看已提交报告", "viewed a submission"), "download_file": ("下载报告原件", "downloaded a report"),
    "office_view": ("查看提交与排名", "viewed the overview"), "download": ("下载结果文件", "downloaded results"),
    "archive": ("存入成绩库", "kept in the store"), "denied": ("被拒绝的访问", "access refused"),
    "office_township": ("查看单位提交记录", "viewed a township's submissions"), "audit_view": ("查看操作记录", "viewed the audit log"),
    "account_created": ("创建账号", "account created"), "demo_submit": ("演示数据提交", "demo submission"),
    "password_reset": ("重设密码", "password reset"), "own_name": ("确认为本单位报告", "confirmed the report is the township's own"),
}


# The audit log's details as the office reads them (audit.html.j2): each field's name, and the reasons a request was refused
AUDIT_FIELDS = {
    "file": ("文件", "file"), "year": ("年度", "year"), "sha256": ("SHA-256", "SHA-256"), "total": ("总分", "total"),
    "corrections": ("更正或确认", "corrections"), "error": ("出错", "failed"), "run": ("成绩库编号", "run"), "last": ("存入的最后一份提交编号", "last submission kept"),
    "township": ("单位", "township"), "submission": ("提交编号", "submission"), "username": ("用户名", "user name"),
    "role": ("角色", "role"), "path": ("网址", "path"), "method": ("请求方式", "method"), "status": ("状态码", "status"),
    "why": ("原因", "reason"),
}
AUDIT_WHY = {"csrf": ("页面已过期或来源不明（表单校验失败）", "a stale or foreign form (CSRF)"), "busy": ("本单位已有报告正在评分", "the township's reports were being scored")}

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


# One scorecard as text (default_plugins/formats.py: the terminal table and Markdown)
MESSAGES.update({
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
})


# A batch's files (ranking.csv, evalkit.xlsx, report.html): words and notes
MESSAGES.update({
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
})


# --lang en: every text evalkit writes in English, plugin data through its `en` fields (see language.py)
MESSAGES.update({
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
})

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

MESSAGES.update({
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
})

# --help in the run's language: argparse's framing, each command's description and options (cli.py, commands/*.py, serve)
MESSAGES.update({
    "help_usage": ("用法：", "usage: "), "help_arguments": ("参数", "arguments"), "help_options": ("选项", "options"),
    "help_heading_end": ("：", ":"), "help_command": ("命令", "COMMAND"),
    "help_help": ("显示帮助并退出", "show this help and exit"), "help_version": ("显示版本号并退出", "show the version and exit"),
    "help_lang": ("输出语言（默认中文）", "output language (default: Chinese)"),
    "help_evalkit": ("evalkit：法治政府建设年度报告考评工具。为乡镇（街道）的年度报告评分，列出失分项和整改建议。",
                     "evalkit: assesses the annual reports of townships on building rule-of-law government. It scores each "
                     "township's (subdistrict's) report and lists the points lost and how to remedy them."),
    "help_epilog": ("退出码：\n"
                    "  0  评分完成（且不低于 --fail-under）\n"
                    "  1  低于 --fail-under，或数据不符合格式要求，或批量评分中有文件失败\n"
                    "  2  用法错误，或输入文件无法读取\n"
                    "  3  插件有误或相互冲突\n"
                    "  4  evalkit 内部错误（设置 EVALKIT_DEBUG=1 可查看详细信息）\n"
                    "  130  按 Ctrl-C 中断（输出保持原样）\n\n"
                    "环境变量：\n"
                    "  EVALKIT_LOAD_PLUGINS=a,b   只加载这些插件（为空则不加载任何第三方插件）\n"
                    "  EVALKIT_TRACE_PLUGINS=1    在标准错误输出上跟踪钩子调用\n"
                    "  EVALKIT_DB=FILE            成绩库（SQLite 文件）：evalkit score 未给 --db 时保存到这里",
                    "exit codes:\n"
                    "  0  scored (and not below --fail-under)\n"
                    "  1  below --fail-under, or data not in the required form, or a file of a batch failed\n"
                    "  2  usage error, or an input file cannot be read\n"
                    "  3  a plugin is faulty or plugins conflict\n"
                    "  4  internal error of evalkit (set EVALKIT_DEBUG=1 for details)\n"
                    "  130  interrupted with Ctrl-C (outputs are left as they were)\n\n"
                    "environment variables:\n"
                    "  EVALKIT_LOAD_PLUGINS=a,b   load only these plugins (empty: no third-party plugin)\n"
                    "  EVALKIT_TRACE_PLUGINS=1    trace the hook calls on standard error\n"
                    "  EVALKIT_DB=FILE            results store (SQLite file): where evalkit score keeps its runs without --db"),
    "help_profile": ("评分配置：YAML 文件，或已注册配置的名称", "scoring profile: a YAML file, or the name of a registered profile"),
    "help_reviews": ("评审记录文件（人工评分与复核）", "reviews file (manual scores and second looks)"),
    "help_township": ("乡镇（街道）名称，如 贤庠镇；报告中未写明或写错时使用", "the township's (subdistrict's) name, when the report lacks it or gives it wrongly"),
    "help_year": ("报告年度，如 2023；报告中未写明或写错时使用", "the report year, such as 2023, when the report lacks it or gives it wrongly"),
    "help_db": ("成绩库（SQLite 文件）；默认取环境变量 EVALKIT_DB", "results store (SQLite file); by default the environment variable EVALKIT_DB"),
    "help_check": ("为一个乡镇的提交材料评分", "score one township's submission"),
    "help_check_description": ("为一个乡镇评分：FILE 可以是提交材料（.json/.yaml），也可以是年度报告（.docx/.doc/.wps/.rtf/.odt/.pdf/扫描图片/.txt/.html，先提取再评分）。"
                               "显示总分、分类得分、失分清单和报告问题。",
                               "Score one township: FILE is a submission (.json/.yaml) or an annual report (.docx/.doc/.wps/.rtf/.odt/.pdf/scan/.txt/.html, "
                               "read first, then scored). Shows the total, the scores by category, the gaps and the report's findings."),
    "help_check_file": ("提交材料或年度报告文件", "submission or annual report file"),
    "help_check_format": ("输出格式：table（默认）、json、md，或插件提供的格式", "output format: table (default), json, md, or a format a plugin provides"),
    "help_check_output": ("写入文件而不是标准输出（整体写入）", "write to this file instead of standard output (whole or not at all)"),
    "help_fail_under": ("总分低于 N 时以退出码 1 结束", "exit with code 1 when the total is below N"),
    "help_extract": ("从报告（.docx、.doc、.pdf、扫描件等）提取提交材料草稿", "draft a submission from a report (.docx, .doc, .pdf, a scan and more)"),
    "help_extract_description": ("读取年度报告，提取数字和做法，写出可直接校验的提交材料草稿；未能对应指标项的数字会逐条列出，供人工补充。",
                                 "Read an annual report, take its figures and measures, and write a draft submission ready to validate; "
                                 "each figure no item took is listed, for a person to complete."),
    "help_extract_report": ("报告文件（.docx、.doc、.wps、.rtf、.odt、.pdf、.jpg、.png、.tif、.txt 或 .html）",
                            "report file (.docx, .doc, .wps, .rtf, .odt, .pdf, .jpg, .png, .tif, .txt or .html)"),
    "help_extract_output": ("写入的提交材料文件（默认输出到标准输出）", "submission file to write (default: standard output)"),
    "help_score": ("批量评分、排名并导出 Excel/CSV/HTML", "score a county's townships, rank them and write Excel/CSV/HTML"),
    "help_score_description": ("为一个文件夹（或多个文件）中的全部乡镇评分并排名，在 OUTDIR 中写出每个乡镇的评分卡、"
                               "ranking.csv、evalkit.xlsx 和 report.html。个别文件无法读取时照常处理其余文件，并以退出码 1 结束。",
                               "Score and rank every township in a folder (or in several files), writing each township's scorecard, "
                               "ranking.csv, evalkit.xlsx and report.html into OUTDIR. A file that cannot be read does not stop the others; "
                               "the batch then ends with exit code 1."),
    "help_score_paths": ("提交材料或报告所在的文件夹，或文件", "folder of submissions or reports, or a file"),
    "help_score_out": ("输出目录（整体写入；已有的 evalkit 输出会被替换）", "output folder (written whole; earlier evalkit outputs there are replaced)"),
    "help_score_jobs": ("并行进程数（默认 1；结果与进程数无关）", "processes working in parallel (default 1; the results do not depend on it)"),
    "help_score_format": ("终端输出格式", "format of the terminal output"),
    "help_score_formats": ("要写出的文件，以逗号分隔：csv、xlsx、html、md（每个乡镇的 Markdown 评分卡），或插件提供的格式（包括每个乡镇一份的文件）；"
                           "默认 all。每个乡镇的 JSON 评分卡总会写出",
                           "files to write, separated by commas: csv, xlsx, html, md (a Markdown scorecard per township), or formats plugins "
                           "provide (per-township files included); default all. Each township's JSON scorecard is always written"),
    "help_score_db": ("成绩库（SQLite 文件）：保存本次评分，供历年对比和整改跟踪；默认取环境变量 EVALKIT_DB，都没有则不保存",
                      "results store (SQLite file): keeps this run for year-on-year comparison and rectification; by default the "
                      "environment variable EVALKIT_DB, and without either nothing is kept"),
    "help_criteria": ("列出全部评分指标", "list every criterion"),
    "help_criteria_description": ("列出所选配置下的全部评分指标。", "List every criterion of the chosen profile."),
    "help_explain": ("说明一个指标", "explain one criterion"),
    "help_explain_description": ("说明一个指标的规则、分值、依据和整改建议。", "Show a criterion's rule, points, basis and remediation."),
    "help_explain_id": ("指标编号", "criterion id"),
    "help_plugins": ("列出已加载的插件", "list the loaded plugins"),
    "help_plugins_description": ("列出已加载的插件、版本和实现的钩子。", "List the loaded plugins, their versions and the hooks they implement."),
    "help_plugins_json": ("以 JSON 输出", "write JSON"),
    "help_schema": ("输出提交材料的 JSON Schema", "print the submission's JSON Schema"),
    "help_schema_description": ("输出由核心与各插件指标项组合而成的提交材料 JSON Schema，或指定名称的内置 Schema。",
                                "Print the submission's JSON Schema, made from the core and every plugin's items, or a built-in schema by name."),
    "help_schema_name": ("submission（默认，组合后）、criteria、items、profile、reviews、scorecard",
                         "submission (default, as composed), criteria, items, profile, reviews, scorecard"),
    "help_new_plugin": ("生成一个新插件的项目骨架", "make the skeleton of a new plugin"),
    "help_new_plugin_description": ("生成插件项目 evalkit-NAME：一个以数据声明的示例指标、一个指标项及其 schema 片段、一条提取规则和可直接通过的测试。",
                                    "Make the plugin project evalkit-NAME: an example criterion declared as data, an item with its schema "
                                    "fragment, an extraction rule and tests that pass as they are."),
    "help_new_plugin_name": ("插件名：小写字母开头，只含小写字母、数字和下划线", "plugin name: a lower-case letter, then lower-case letters, digits and underscores"),
    "help_new_plugin_dir": ("在此目录下创建 evalkit-NAME（默认当前目录）", "make evalkit-NAME in this folder (default: the current one)"),
    "help_history": ("一个乡镇的历年得分、等次、排名和整改情况", "a township's scores, grades, ranks and rectification, year by year"),
    "help_history_description": ("从成绩库中列出一个乡镇（街道）历年的总分、等次、排名、分类得分和上年问题整改情况。",
                                 "List from the results store a township's (subdistrict's) totals, grades, ranks, category scores and the "
                                 "rectification of last year's gaps, year by year."),
    "help_history_township": ("乡镇（街道）名称，如 丹西街道", "township (subdistrict) name, as the store holds it"),
    "help_history_county": ("县（市、区）名称，成绩库中有同名乡镇时用来区分", "county name, to tell apart townships of one name in the store"),
    "help_compare": ("对比两个年度：总分、排名和变化最大的类别", "compare two years: totals, ranks and the categories that moved most"),
    "help_compare_description": ("从成绩库中对比两个年度每个乡镇（街道）的总分和排名变化，以及变化最大的类别。"
                                 "两年评分办法不同时，列出有变化的指标，并以得分率比较（总分不可直接比较）。",
                                 "Compare from the results store each township's (subdistrict's) total and rank in two years, and the "
                                 "categories that moved most. Where the two years' rubrics differ, the changed criteria are listed and "
                                 "the townships compared by percentage (totals are not directly comparable)."),
    "help_compare_year_a": ("较早的年度，如 2022", "the earlier year, such as 2022"),
    "help_compare_year_b": ("较晚的年度，如 2023", "the later year, such as 2023"),
    "help_years_format": ("输出格式（默认 table）", "output format (default table)"),
    "help_serve": ("启动网页服务：乡镇自检和提交报告，县考评办查看提交情况和排名",
                   "start the web app: townships check and submit their reports, the county office follows submissions and the ranking"),
    "help_serve_description": ("启动网页服务（见 docs/web-guide.md）。账号、提交的报告和操作记录都保存在成绩库中；"
                               "第一次使用前用 --init 为县考评办和各乡镇（街道）创建账号。",
                               "Start the web app (see docs/web-guide.md). Accounts, submitted reports and the audit log are kept in "
                               "the results store; before the first use, --init makes the accounts of the county office and of each township."),
    "help_serve_files": ("保存已提交报告原件的文件夹（默认在成绩库旁边的 FILE.files）", "folder keeping the submitted reports as sent (default: FILE.files next to the store)"),
    "help_serve_host": ("监听地址（默认 127.0.0.1，只有本机能访问；内网访问见使用说明）",
                        "address to listen on (default 127.0.0.1, this machine only; for a local network see the guide)"),
    "help_serve_port": ("端口（默认 8000）", "port (default 8000)"),
    "help_serve_workers": ("评分进程数（默认 2）", "scoring processes (default 2)"),
    "help_serve_init": ("为 FOLDER 中各乡镇（街道）的报告或提交材料所属单位各建一个账号，另建一个县考评办账号，显示密码后退出",
                        "make an account for each township (subdistrict) whose report or submission is in FOLDER, and one for the "
                        "county office; show the passwords and exit"),
    "help_serve_add_office": ("再为县考评办建一个账号（用户名 NAME），显示密码后退出", "make one more county office account (user name NAME); show its password and exit"),
    "help_serve_reset_password": ("为账号 NAME 重设随机密码（忘记或泄露密码时），显示新密码后退出；该账号已登录的会话全部失效", "give account NAME a new random password (when it is lost or leaked), show it and exit; its sessions end"),
    "help_serve_demo": ("演示：用 FOLDER 中的乡镇建演示账号（密码固定并显示）并代为提交，然后启动",
                        "demo: make demo accounts for the townships in FOLDER (fixed passwords, shown), submit for them, then start"),
    "help_serve_leave": ("演示时不代为提交的乡镇（可重复）", "a township the demo does not submit for (may be repeated)"),
    "help_serve_secure_cookies": ("只经 HTTPS 发送登录 Cookie（经 HTTPS 反向代理提供服务时使用）", "send the login cookie over HTTPS only (when served behind an HTTPS reverse proxy)"),
})

# Output formats in evalkit plugins: their names, files and titles (the formats hook's Format, with its `en`)
MESSAGES.update({"format": ("格式", "Format"), "format_file": ("写出", "Writes")})

# evalkit serve's terminal lines in the run's language (its pages stay Chinese)
MESSAGES.update({"web_role_office": ("县考评办", "county office"), "web_role_township": ("乡镇（街道）", "township")})
