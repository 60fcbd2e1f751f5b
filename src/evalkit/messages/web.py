"""Messages of evalkit serve: its pages (Chinese only), its terminal lines, and the audit log's words."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    # evalkit serve's terminal lines in the run's language (its pages stay Chinese)
    "web_role_office": ("县考评办", "county office"), "web_role_township": ("乡镇（街道）", "township"),
}

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
