"""The default profile: every criterion, a bonus cap of 5, the common grade bands."""

from evalkit import Profile, hookimpl
from evalkit.profiles import profile_from_dict

DEFAULT = {
    "id": "default",
    "title": "默认配置：全部指标，加分上限 5 分，优秀 ≥90、良好 ≥80、合格 ≥60",
    "bonus_cap": 5,
    "veto_cap": 59,
    "not_applicable": "full",
    "grades": [
        {"name": "优秀", "min": 90},
        {"name": "良好", "min": 80},
        {"name": "合格", "min": 60},
        {"name": "不合格", "min": 0},
    ],
    "en": {
        "title": "Default: every criterion, bonus points capped at 5, excellent ≥90, good ≥80, pass ≥60",
        "grades": {"优秀": "excellent", "良好": "good", "合格": "pass", "不合格": "fail"},
    },
}


@hookimpl
def register_profiles() -> list[Profile]:
    return [profile_from_dict(DEFAULT)]
