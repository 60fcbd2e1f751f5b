"""What several commands share: the scoring options and the evaluator they build."""

from __future__ import annotations


def add_scoring_options(parser) -> None:
    parser.add_argument("--profile", metavar="FILE|NAME", help="评分配置:YAML 文件,或已注册配置的名称")
    parser.add_argument("--reviews", metavar="FILE", help="评审记录文件(人工评分与复核)")


def evaluator(args, with_reviews: bool = True):
    from evalkit.evaluator import Evaluator

    reviews = args.reviews if with_reviews else None
    return Evaluator(args.pm, profile=getattr(args, "profile", None), reviews=reviews)
