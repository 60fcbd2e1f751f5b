"""The --help texts in the run's language: argparse's framing, each command's description and
options (cli.py, commands/*.py, serve)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
}
