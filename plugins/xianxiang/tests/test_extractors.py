"""The plugin's extractors map each way real reports phrase a figure to its item (extractors.yaml)."""

import pytest

from evalkit.evaluator import Evaluator
from evalkit.report.extraction import report_figures
from evalkit.report.mapping import classify
from evalkit.report.structure import parse

#: Sentences written for these tests, one per phrasing class seen in published reports.
CASES = [
    ("镇党委理论学习中心组全年集中学法6次。", {"6次": "leadership.study_sessions"}),
    ("党委会专题学习习近平法治思想3次。", {"3次": "leadership.study_sessions"}),
    ("全年将法治内容列入第一议题学习9次。", {"9次": "leadership.first_topic_sessions"}),
    ("组织村(社区)书记述法15人。", {"15人": "leadership.law_reports"}),
    ("机关干部参加学法考试48人，参考率100%，合格率98%。", {"48人": "leadership.exam_participants", "100%": "leadership.exam_participation_rate", "98%": "leadership.exam_pass_rate"}),
    ("举办干部法治培训3期，培训干部260人次。", {"3期": "leadership.staff_training_sessions", "260人次": "leadership.staff_trained"}),
    ("审查各类合同41份、规范性文件2件，提出修改意见17条。", {"41份": "review.contracts_reviewed", "2件": "review.documents_reviewed", "17条": "review.opinions"}),
    ("全年合法性审查事项共52件。", {"52件": "review.legality_reviewed"}),
    ("行政规范性文件报县司法局备案3件。", {"3件": "review.normative_docs_filed"}),
    ("镇政府聘请2名律师担任法律顾问。", {"2名": "review.legal_advisers"}),
    ("为辖区9个村配备了法律顾问。", {"9个": "village.adviser_villages"}),
    ("开展行政执法案卷评查20件。", {"20件": "enforcement.case_reviews"}),
    ("开展联合执法检查14次。", {"14次": "enforcement.inspections"}),
    ("培育法治带头人31人、法律明白人62人。", {"31人": "society.legal_leaders", "62人": "society.legal_literates"}),
    ("公共法律服务工作站接待群众咨询350人次。", {"350人次": "publicity.consultations"}),
    ("镇公共法律服务站全年服务群众420人次，受理法律援助案件6件。", {"420人次": "legal_services.visitors", "6件": "legal_services.aid_cases"}),
    ("办理12345热线工单830件，按期办结率99.5%。", {"830件": "petitions.hotline_cases", "99.5%": "petitions.hotline_rate"}),
    ("排查矛盾纠纷86件，调解成功率97%。", {"86件": "disputes.accepted", "97%": "disputes.success_rate"}),
    ("开展民法典专题宣传活动7场，受众1500人次。", {"7场": "publicity.topic_sessions", "1500人次": "publicity.audience"}),
    ("悬挂横幅30条、张贴海报120张、发放宣传册3000余册。", {"30条": "publicity.displays", "120张": "publicity.displays", "3000余册": "publicity.materials"}),
    ("走进校园开展法治授课4场次。", {"4场次": "publicity.sessions"}),
    ("通过微信公众号推送普法信息64条。", {"64条": "publicity.online_posts"}),
    ("办理人大代表建议8件。", {"8件": "supervision.deputy_proposals"}),
    ("全年发生行政复议案件1件。", {"1件": "litigation.cases"}),
    ("党委会专题研究法治建设工作5次。", {"5次": "leadership.topic_meetings"}),
    ("全年召开法治专题党委会议3次，听取法治工作汇报2次。", {"3次": "leadership.topic_meetings", "2次": "leadership.topic_meetings"}),
    ("召开重大决策专题会议11次。", {"11次": None}),
    ("开展集中学法7次、法治讲座2场。", {"7次": "leadership.study_sessions", "2场": "leadership.staff_training_sessions"}),
    ("学习上级会议精神16次。", {"16次": None}),
    ("执法人员持证率100%，全年查处违法案件14起。", {"100%": "enforcement.certified_rate", "14起": "enforcement.cases"}),
    ("依法公开惠民资金等信息73条。", {"73条": "openness.proactive_items"}),
    ("完成重大执法决定法制审核11件。", {"11件": "review.documents_reviewed"}),
    ("法律顾问团派出律师4人。", {"4人": "review.legal_advisers"}),
    ("组织乡村干部培训2场，参训干部150人次。", {"2场": None, "150人次": "leadership.staff_trained"}),  # no law named: rule 1 of benchmarks/real/README.md
    ("坚持每季度召开一次法治工作会议。", {"一次": None}),
    ("新增持证执法人员2名。", {"2名": None}),
    # who takes part: cadres at large are trained, the leading group studies, invited lecturers train
    ("组织村组干部开展集中学习9次、专题学习3次。", {"9次": None, "3次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("班子成员开展专题研讨4场次。", {"4场次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("组织领导班子学法、研讨、专题党课、法治讲座共9次。", {"9次": "leadership.study_sessions"}),
    ("组织机关全体人员开展专题集中学习11次。", {"11次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("组织150余名工作人员参加法律知识网上测试。", {"150余名": "leadership.exam_participants"}),
    ("邀请县司法局业务骨干开展依法行政专题讲座2次。", {"2次": "leadership.staff_training_sessions"}),
    ("邀请律师为村民开展法治讲座5场。", {"5场": "publicity.sessions"}),
    ("开展“以案述法”2场次。", {"2场次": "leadership.staff_training_sessions"}),
    ("组织干部观看法治教育片6次，参加人数达210余人。", {"6次": "leadership.staff_training_sessions", "210余人": "leadership.staff_trained"}),
    ("开展干部法治培训3场次，覆盖180余人次。", {"3场次": "leadership.staff_training_sessions", "180余人次": "leadership.staff_trained"}),
    # advice the legal advisers give the government is not a 普法 consultation
    ("法律顾问全年提供法律咨询及法律意见21次。", {"21次": None}),
    ("为镇重点项目提供合同审查、风险研判及法律咨询等服务7次。", {"7次": None}),
    # counts written before their nouns, in a list
    ("先后召开7次党委会、9次党政联席会、3次村干部会议。", {"7次": None, "9次": "leadership.topic_meetings", "3次": None}),
    ("通过政务网站发布政策解读信息27个。", {"27个": "openness.proactive_items"}),
    ("通过公众号发布普法信息12条。", {"12条": "publicity.online_posts"}),
    ("坚持每月2场次法治宣传进村居。", {"2场次": None}),  # how often, not how many
    # cases counted in 宗
    ("全年办理行政复议3宗、行政诉讼2宗。", {"3宗": "litigation.cases", "2宗": "litigation.cases"}),
    ("查处各类违法案件12宗。", {"12宗": "enforcement.cases"}),
    ("受理法律援助申请4宗。", {"4宗": "legal_services.aid_cases"}),
    # a case count whose kind stands before 案件 is of that kind, not an enforcement case
    ("办理法律援助案件5件。", {"5件": "legal_services.aid_cases"}),
    ("办理行政复议案件2件。", {"2件": "litigation.cases"}),
    ("办理各类行政处罚案件9件。", {"9件": "enforcement.cases"}),
    # 送法 to the public is 普法
    ("组织送法下乡活动12次。", {"12次": "publicity.sessions"}),
    ("开展送法进企业、进工地活动6场。", {"6场": "publicity.sessions"}),
    ("司法所送法上门3次。", {"3次": "publicity.sessions"}),
    ("开展“法律进乡村”活动15场。", {"15场": "publicity.sessions"}),
    ("全年推动法治进一步融入网格治理12次。", {"12次": None}),  # 进一步: no 普法 event
    # a Party or government meeting whose agenda, named before it, is rule-of-law work
    ("就法治政府建设、依法行政等事项召开党委会议5次。", {"5次": "leadership.topic_meetings"}),
    ("围绕法治建设重点任务召开党工委会2次。", {"2次": "leadership.topic_meetings"}),
    ("针对法治督察反馈问题召开专题会3次。", {"3次": "leadership.topic_meetings"}),
    ("党委会专门研究依法治镇工作4次。", {"4次": "leadership.topic_meetings"}),
    # 专题学习会 of no named audience is the leadership's study; all the unit's cadres are trained
    ("召开专题学习会3次。", {"3次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("全镇干部集中学法12次。", {"12次": "leadership.staff_training_sessions"}),
    ("组织全街道党员干部专题学法5次。", {"5次": "leadership.staff_training_sessions"}),
    ("组织全体党员集中学习党纪法规4次。", {"4次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    # a bare count of study takes its audience from the sentence before
    ("着力提升村(社区)干部依法办事能力。全年组织学习10次。", {"10次": "leadership.staff_training_sessions"}),
    ("采取机关支部学习、个人自学等形式。全年组织集中学习6次。", {"6次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("将法治内容纳入党委理论学习中心组学习计划。全年组织专题学习4次。", {"4次": "leadership.study_sessions"}),
    # 中心组 study that names no law is theory study in general
    ("开展党委中心组学习10次。", {"10次": None}),
    ("参加中心组学习会6次。", {"6次": None}),
    ("党委理论学习中心组集中学法5次。", {"5次": "leadership.study_sessions"}),
    ("将习近平法治思想纳入党委理论学习中心组学习8次。", {"8次": "leadership.study_sessions"}),
    # study counted over subordinate units' committees is theirs, not the township's
    ("12个村党支部开展“第一议题”学习150余次。", {"12个": None, "150余次": None}),
    ("各社区党委落实第一议题学习80次。", {"80次": None}),
    # one rate for a list of nouns goes to the first noun
    ("学法考试参考率、合格率均为100%。", {"100%": "leadership.exam_participation_rate"}),
    ("参学率、通过率都达到98%。", {"98%": "leadership.exam_participation_rate"}),
    ("学法考试优秀率达95%。", {"95%": "leadership.exam_pass_rate"}),
    ("全年发生行政复议和行政诉讼案件各1件。", {"1件": "litigation.cases"}),
    ("组织干部学法考试，参考率和通过率均达100%。", {"100%": "leadership.exam_participation_rate"}),
    ("镇、村两级干部人均学法12次。", {"12次": "leadership.staff_training_sessions"}),  # 人均: no list shares it
    # lessons by the unit's own leaders, 纪法课 and the Party school train staff
    ("纪委书记讲纪法课4次。", {"4次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("依托镇党校开展学习《条例》3场次。", {"3场次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("镇长带头开展法治讲座2次。", {"2次": "leadership.staff_training_sessions"}),
    # training the public's own helpers (法律明白人, villagers) is 普法
    ("开展“法律明白人”培训4场次。", {"4场次": "publicity.sessions"}),
    ("组织村民法治培训3次。", {"3次": "publicity.sessions"}),
    ("党委书记深入村居为群众开展法治讲座5场。", {"5场": "publicity.sessions"}),
    # advice to the government's own departments is no 普法 consultation
    ("为镇各部门提供法律咨询40次。", {"40次": None}),
    ("解答机关科室法律咨询25次。", {"25次": None}),
    ("解答群众法律咨询120人次。", {"120人次": "publicity.consultations"}),
    # information of a long list of matters, published
    ("公开财政预决算、项目招投标、惠民补贴发放等事项信息36条。", {"36条": "openness.proactive_items"}),
    # requests of firms under a service package are no hotline cases
    ("办理服务包企业诉求52件。", {"52件": None}),
    ("办理群众诉求88件。", {"88件": "petitions.hotline_cases"}),
    ("全年接诉即办受理136件。", {"136件": "petitions.hotline_cases"}),
    # those who took part, listed after a training named earlier in the sentence
    ("召开依法行政培训会，分管领导、村干部等80余人参加。", {"80余人": "leadership.staff_trained"}),
    ("邀请律师授课，分管领导、各村法治专干等35人参加。", {"35人": "leadership.staff_trained"}),
    # a clause that names no activity reads the clause before it
    ("组织全体工作人员开展民法典集中学习，全年累计开展15次。", {"15次": "leadership.staff_training_sessions"}),
    ("开展法治宣传进村居活动，全年共计开展40余场。", {"40余场": "publicity.sessions"}),
    ("开展法治宣传进村居活动。全年共计开展40余场。", {"40余场": None}),  # a new sentence: not read on
    # 第一议题 named earlier in the sentence; its clause says what it studied
    ("坚持“第一议题”制度，学习传达总书记重要讲话精神28次。", {"28次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("落实第一议题学习制度，传达学习习近平总书记关于法治的重要论述精神12次。", {"12次": "leadership.first_topic_sessions"}),
    ("传达学习省市会议精神15次。", {"15次": None}),
    ("各村党支部落实“第一议题”，传达学习重要指示精神60次。", {"60次": None}),
    # meetings counted by their 法治 agenda items
    ("召开党委会议审议法治议题7次。", {"7次": "leadership.topic_meetings"}),
    ("党政联席会议研究依法治镇相关议题5次。", {"5次": "leadership.topic_meetings"}),
    ("党委会研究经济发展议题12次。", {"12次": None}),
    # a lecture at the 中心组 is the leadership's study, not 普法
    ("组织党委理论学习中心组开展法治专题讲座3场。", {"3场": "leadership.study_sessions"}),
    ("党工委中心组(扩大)学习会举办民法典讲座2场。", {"2场": "leadership.study_sessions"}),
    ("邀请律师进社区开展法治讲座6场。", {"6场": "publicity.sessions"}),
    # 述法 reports counted in 份
    ("各村党组织书记提交书面述法报告11份。", {"11份": "leadership.law_reports"}),
    ("全年报送述法报告9份。", {"9份": "leadership.law_reports"}),
    # the unit's own staff lecturing on law (X长讲法)
    ("开展“站长讲法”活动4场。", {"4场": "leadership.staff_training_sessions"}),
    ("组织干部讲法5次。", {"5次": "leadership.staff_training_sessions"}),
    ("开展“科长讲法”4场、旁听庭审1场。", {"4场": "leadership.staff_training_sessions", "1场": None}),
    # trainings counted in 批次, and their 参训率
    ("选派干部参加区级法治培训3批次。", {"3批次": "leadership.staff_training_sessions"}),
    ("全年参加上级法治培训5批次，参训率100%。", {"5批次": "leadership.staff_training_sessions", "100%": None}),  # a training's rate: rule 7
    # 考法 is an exam; a clause that names only the pass rate takes the exam of the clause before
    ("全体干部参加年度学法考法，通过率100%。", {"100%": "leadership.exam_pass_rate"}),
    ("组织机关干部参加法律知识考试，通过率为96%。", {"96%": "leadership.exam_pass_rate"}),
    ("学法考法通过率达99%。", {"99%": "leadership.exam_pass_rate"}),
    ("镇村干部参加法治培训，通过率100%。", {"100%": None}),
    # officers who passed the certification exam named earlier in the sentence
    ("组织执法人员参加执法资格考试，26名执法人员全部通过。", {"26名": "enforcement.certified_officers"}),
    ("开展执法证申领培训及考试，12名执法人员均通过考核。", {"12名": "enforcement.certified_officers"}),
    ("组织执法人员参加法律知识考试，30名执法人员全部通过。", {"30名": "leadership.exam_participants"}),  # passed a law exam: took it
    # 中心组 study in a sentence that put law into its programme
    ("将宪法和民法典纳入党委理论学习中心组年度学习计划，全年开展中心组学习8次。", {"8次": "leadership.study_sessions"}),
    ("把习近平法治思想列入中心组学习重点内容，召开中心组专题学习会6次。", {"6次": "leadership.study_sessions"}),
    ("将法治建设纳入党委议事日程，参加中心组学习会9次。", {"9次": None}),
    # a head count that took part in study (参加了学习)
    ("组织机关干部参加法治培训和考试4次，180余人次参加了学习考试。", {"4次": "leadership.staff_training_sessions", "180余人次": "leadership.staff_trained"}),
    ("开展宪法集中学习，共60人参加学习。", {"60人": "leadership.staff_trained"}),
    # study that is not about law (警示教育, 廉政教育基地) is none of the law-study items
    ("组织党员干部赴廉政教育基地学习3次。", {"3次": None}),
    ("组织机关干部开展“以案促改”警示教育学习5次。", {"5次": None}),
    ("组织机关干部开展民法典专题学习5次。", {"5次": "leadership.staff_training_sessions"}),
    # people counted at a training that names no law are not staff trained in law
    ("召开全会精神宣讲培训会，覆盖党员干部、网格员等500余人。", {"500余人": None}),
    # leaders' mailboxes and 直通车 are hotlines
    ("办结区长直通车事项45件。", {"45件": "petitions.hotline_cases"}),
    ("办理市长信箱来信17件。", {"17件": "petitions.hotline_cases"}),
    ("办结信访事项12件。", {"12件": "petitions.closed"}),
    # decisions or documents given legality review are documents reviewed
    ("全年对5项重大行政决策开展合法性审查。", {"5项": "review.documents_reviewed"}),
    ("完成重大决策合法性审查9件。", {"9件": "review.documents_reviewed"}),
    ("对镇级规范性文件进行合法性审核4件。", {"4件": "review.documents_reviewed"}),
    ("审核镇政府文件12个。", {"12个": "review.documents_reviewed"}),
    ("全年作出重大行政决策3项，均经合法性审查。", {"3项": "decision.major_decisions"}),
    # those counted, then that they reported on their law duties
    ("12个村党组织书记全部完成年度述法。", {"12个": "leadership.law_reports"}),
    ("组织5名站所负责人在班子会上进行述法。", {"5名": "leadership.law_reports"}),
    ("9个村完成法律顾问签约。", {"9个": "village.adviser_villages"}),
    # cases handled, with the hotline named earlier in the sentence
    ("整合12345热线和网格平台，及时处理群众反映问题86件。", {"86件": "petitions.hotline_cases"}),
    ("开通民情热线，全年受理并回复诉求件120件。", {"120件": "petitions.hotline_cases"}),
    ("开通民情热线，全年办理行政处罚案件20件。", {"20件": "enforcement.cases"}),
    # a clause on a topic other than law, with no 法 in it, is no law study, training, meeting or 普法
    ("开展习近平新时代中国特色社会主义思想理论宣讲活动30场。", {"30场": None}),
    ("围绕党的二十大精神开展宣讲活动12场。", {"12场": None}),
    ("召开党建工作专题会议6次。", {"6次": None}),
    ("组织专题学习《中国共产党章程》4次。", {"4次": None}),
    ("开展二十大精神和宪法宣讲活动8场。", {"8场": "publicity.topic_sessions"}),
    ("召开法治建设专题会议3次。", {"3次": "leadership.topic_meetings"}),
    # units: 第一议题 in 场次, people trained in 名 after a training, display boards in 期
    ("开展“第一议题”学习12场次。", {"12场次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("开展“第一议题”、中心组学习20场次。", {"20场次": None}),  # no law named: rule 1 of benchmarks/real/README.md
    ("开展村干部法治培训3场，覆盖120名网格员。", {"3场": "leadership.staff_training_sessions", "120名": "leadership.staff_trained"}),
    ("实现全镇90余名机关干部法治培训全覆盖。", {"90余名": None}),
    ("共出刊法治宣传栏12期。", {"12期": "publicity.displays"}),
    ("全镇共有法治宣传栏9个。", {"9个": None}),
    # vocabulary: 参与 an exam, 参与率, 提案, 审议 at the committee, 专题党委会, a campaign named for law
    ("今年组织18名站所干部参与执法考试。", {"18名": "leadership.exam_participants"}),
    ("组织干部参加学法考试，参与率和合格率均达100%。", {"100%": "leadership.exam_participation_rate"}),
    ("执法参与率100%。", {"100%": None}),
    ("组织干部参加学法考试，参与率与合格率均达100%。", {"100%": "leadership.exam_participation_rate"}),
    ("办理政协委员提案6件。", {"6件": "supervision.deputy_proposals"}),
    ("在镇党委会议上审议法治工作报告3次。", {"3次": "leadership.topic_meetings"}),
    ("全年召开专题党委会5次。", {"5次": "leadership.topic_meetings"}),
    ("开展“普法大篷车”活动15场。", {"15场": "publicity.sessions"}),
    ("举办“乡镇法治讲堂”4期。", {"4期": None}),
    # someone else's work: the legal adviser's, lawyers serving villages, leaders receiving callers
    ("法律顾问协助处理执法案件3宗。", {"3宗": None}),
    ("安排6名律师担任村(社区)法律顾问。", {"6名": None}),
    ("班子成员接待来访群众86人次。", {"86人次": None}),
    # a bare 办结率 is the hotline's only where the sentence names a hotline
    ("联动处理涉法事项40件，办结率达96%。", {"40件": None, "96%": None}),
    ("受理12345热线诉求200件，办结率100%。", {"200件": "petitions.hotline_cases", "100%": "petitions.hotline_rate"}),
    # one total over contracts and documents is the review total; decisions then reviewed are documents reviewed
    ("审核重要合同及法律文件7份。", {"7份": "review.legality_reviewed"}),
    ("完成重要合同、重大行政决策合法性审核40项。", {"40项": "review.legality_reviewed"}),
    ("全年完成12件重大决策与规范性文件法制审核。", {"12件": "review.documents_reviewed"}),
    # matters counted after the decision catalogue named earlier in the sentence
    ("制定重大行政决策事项目录，对城镇规划等3项重点事项履行法定程序。", {"3项": "decision.major_decisions"}),
    ("梳理重点事项5项。", {"5项": None}),
    # a 专题 study of the 中心组 where law is named before it; its general study stays theory study
    ("坚持学习习近平法治思想，全年开展党委中心组专题学习5次。", {"5次": "leadership.study_sessions"}),
    ("三是落实中心组带头学法。全年开展党委理论学习中心组专题学习7次。", {"7次": "leadership.study_sessions"}),
    ("认真学习习近平法治思想，开展党委中心组学习10次。", {"10次": None}),
    # several fields listed (A、B等领域) are 普法 in general, one named topic is a topic session
    ("组织禁毒、消防、农村法治等领域普法活动12场。", {"12场": "publicity.sessions"}),
    ("开展禁毒宣传活动4场。", {"4场": "publicity.topic_sessions"}),
    # a study or training count whose clause names no topic takes it from the text before: another topic and no 法 there is none
    ("扎实开展主题教育。邀请党校老师集中培训学习3次。", {"3次": None}),
    ("扎实开展主题教育，组织专题学习6次。", {"6次": None}),
    ("扎实开展主题教育，组织法治专题学习6次。", {"6次": "leadership.study_sessions"}),
    ("深入学习党的二十大精神。邀请律师为机关干部开展法治讲座2场。", {"2场": "leadership.staff_training_sessions"}),
    # rule 2: a bare 专题学习 or 集中学习 takes the first body its lead-in names; a heading's words are not the lead-in
    ("组织机关干部深入学习宪法和民法典。全年开展专题学习6次。", {"6次": "leadership.staff_training_sessions"}),
    ("镇党委会带头学习民法典，全年开展集中学习4次。", {"4次": "leadership.study_sessions"}),
    ("（二）加强干部法治培训\n将宪法列入党委会学习内容，召开专题学习会2次。", {"2次": "leadership.study_sessions"}),
    ("全年组织专题学习宪法5次。", {"5次": "leadership.study_sessions"}),
    # information disclosed on request is no proactive disclosure
    ("全年主动公开信息120条，依申请公开信息6件。", {"120条": "openness.proactive_items", "6件": "openness.requests"}),
    # supervising the unit's own work (督查, 考核) is no enforcement inspection
    ("定期对各村法治建设开展督查检查4次。", {"4次": None}),
    ("开展安全生产专项检查21次。", {"21次": "enforcement.inspections"}),
    # a head count in 名 written before the training it attended; coverage of all staff is no count of the year's trainees
    ("组织全镇60余名公职人员参加法治专题培训2场。", {"60余名": "leadership.staff_trained", "2场": "leadership.staff_training_sessions"}),
    # the public's training is 普法; a 政务服务中心's callers are neither legal services nor an audience; a hotline's 完成率
    ("对普法骨干开展学法培训4次。", {"4次": "publicity.sessions"}),
    ("全年政务服务中心共接待群众9000人次。", {"9000人次": None}),
    ("办结12345工单800件，按时完成率为100%。", {"800件": "petitions.hotline_cases", "100%": "petitions.hotline_rate"}),
    # a negated review counts what went unreviewed, whatever it names after it
    ("全年未经合法性审查出台文件0件。", {"0件": "review.unreviewed"}),
    ("没有经过合法性审核签订的合同0份。", {"0份": "review.unreviewed"}),
    ("经合法性审查出台文件5件，未经审查出台文件0件。", {"5件": "review.documents_reviewed", "0件": "review.unreviewed"}),
]


@pytest.fixture(scope="module")
def extractors():
    ev = Evaluator()
    return ev.catalog.extractors, ev.catalog.items


@pytest.mark.parametrize("sentence, expected", CASES)
def test_each_phrasing_maps_to_its_item(extractors, sentence, expected):
    """Every figure of the sentence goes to the item a careful reader would choose."""
    found, items = extractors
    structure = parse(sentence)
    mapped = {f.text: item for f, item in classify(report_figures(sentence, structure), found, structure, items)}
    assert mapped == expected


def test_new_items_are_informational(extractors):
    """The items added for real reports are declared, and no criterion's rule names them yet."""
    rules = " ".join(str(dict(criterion.rule)) for criterion in Evaluator().plan.criteria)
    for item in ("review.opinions", "petitions.hotline_cases", "legal_services.visitors", "publicity.displays"):
        assert item in extractors[1] and item not in rules
