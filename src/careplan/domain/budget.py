"""Personal budget rules: what is never allowed, and the resource allocation questionnaire.

The questionnaire turns a person's answers into points, and points into an indicative amount,
either at a price per point or by bands. The working is kept so it can be shown to the person.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from careplan.domain.errors import InvalidInput, NeverAllowed
from careplan.domain.money import check_money, to_pence
from careplan.domain.text import check_text
from careplan.domain.wording.money import format_money

# Categories a personal budget can never pay for, whatever anybody decides.
NEVER_ALLOWED: dict[str, str] = {
    "alcohol": "alcohol",
    "tobacco": "tobacco",
    "gambling": "gambling",
    "debt repayment": "paying off debts",
    "unlawful": "anything unlawful",
}

_SYNONYMS: dict[str, str] = {
    "alcoholic drinks": "alcohol",
    "drink": "alcohol",
    "cigarettes": "tobacco",
    "vaping": "tobacco",
    "betting": "gambling",
    "lottery": "gambling",
    "debts": "debt repayment",
    "paying off debts": "debt repayment",
    "debt": "debt repayment",
    "illegal": "unlawful",
    "anything unlawful": "unlawful",
}


def normalise_category(category: str) -> str:
    return " ".join(category.strip().lower().split())


def never_allowed_reason(category: str) -> str | None:
    """What a personal budget cannot pay for, in plain words, or None if the category is fine."""
    key = normalise_category(category)
    key = _SYNONYMS.get(key, key)
    return NEVER_ALLOWED.get(key)


def refuse_never_allowed(category: str) -> None:
    reason = never_allowed_reason(category)
    if reason is not None:
        raise NeverAllowed(
            f"A personal budget can never pay for {reason}. Choose something else that helps with the goal."
        )


@dataclass(frozen=True)
class Answer:
    key: str
    text: str
    points: int


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    answers: tuple[Answer, ...]

    def answer(self, key: str) -> Answer:
        for answer in self.answers:
            if answer.key == key:
                return answer
        raise InvalidInput(f"“{key}” is not one of the answers to “{self.text}”.", self.key)


@dataclass(frozen=True)
class Band:
    from_points: int
    to_points: int
    amount_pence: int


@dataclass(frozen=True)
class Questionnaire:
    """A resource allocation questionnaire, as configured by the service."""

    name: str
    questions: tuple[Question, ...]
    method: str  # "price_per_point" or "bands"
    price_per_point_pence: int = 0
    bands: tuple[Band, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Questionnaire:
        try:
            questions = tuple(
                Question(
                    key=check_text(str(q["key"]), "a question's key", "questions"),
                    text=check_text(str(q["text"]), "a question", "questions"),
                    answers=tuple(
                        Answer(
                            key=check_text(str(a["key"]), "an answer's key", "questions"),
                            text=check_text(str(a["text"]), "an answer", "questions"),
                            points=int(a["points"]),
                        )
                        for a in q["answers"]
                    ),
                )
                for q in data["questions"]
            )
            method = str(data["method"])
            price = to_pence(check_money(Decimal(str(data.get("price_per_point", "0")))))
            bands = tuple(
                Band(int(b["from"]), int(b["to"]), to_pence(check_money(Decimal(str(b["amount"])))))
                for b in data.get("bands", [])
            )
        except KeyError as exc:
            raise InvalidInput(
                f"The questionnaire settings are incomplete: “{exc.args[0]}” is missing."
            ) from exc
        except (TypeError, ValueError, ArithmeticError, AttributeError) as exc:
            raise InvalidInput(
                "The questionnaire settings are broken: a question, answer, price or band is not "
                "written the way Careplan expects."
            ) from exc
        _check_questions(data, questions)
        if method not in ("price_per_point", "bands"):
            raise InvalidInput("The questionnaire must use either a price per point or bands.")
        if method == "bands" and not bands:
            raise InvalidInput("The questionnaire uses bands but none are set.")
        if not questions:
            raise InvalidInput("The questionnaire has no questions.")
        name = check_text(str(data.get("name", "Questionnaire")), "the questionnaire's name", "name")
        return cls(name, questions, method, price, bands)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "method": self.method,
            "price_per_point": str(Decimal(self.price_per_point_pence) / 100),
            "bands": [
                {"from": b.from_points, "to": b.to_points, "amount": str(Decimal(b.amount_pence) / 100)}
                for b in self.bands
            ],
            "questions": [
                {
                    "key": q.key,
                    "text": q.text,
                    "answers": [{"key": a.key, "text": a.text, "points": a.points} for a in q.answers],
                }
                for q in self.questions
            ],
        }

    def assess(self, answers: dict[str, str]) -> Assessment:
        missing = [q.text for q in self.questions if q.key not in answers]
        if missing:
            raise InvalidInput(f"Please answer every question first. Still to answer: {missing[0]}")
        unknown = set(answers) - {q.key for q in self.questions}
        if unknown:
            raise InvalidInput(f"“{sorted(unknown)[0]}” is not a question in this questionnaire.")
        lines = []
        total = 0
        for q in self.questions:
            chosen = q.answer(answers[q.key])
            total += chosen.points
            lines.append(AssessmentLine(q.key, q.text, chosen.key, chosen.text, chosen.points))
        if self.method == "price_per_point":
            amount = total * self.price_per_point_pence
            summary = (
                f"Your answers came to {total} points × {format_money(self.price_per_point_pence)}"
                f" = {format_money(amount)}"
            )
        else:
            band = next((b for b in self.bands if b.from_points <= total <= b.to_points), None)
            if band is None:
                raise InvalidInput(f"No budget band covers {total} points. Please check the settings.")
            amount = band.amount_pence
            summary = (
                f"Your answers came to {total} points, which is in the band from {band.from_points}"
                f" to {band.to_points} points: {format_money(amount)}"
            )
        return Assessment(self.name, tuple(lines), total, amount, summary)


@dataclass(frozen=True)
class AssessmentLine:
    question_key: str
    question: str
    answer_key: str
    answer: str
    points: int


@dataclass(frozen=True)
class Assessment:
    questionnaire: str
    lines: tuple[AssessmentLine, ...]
    points: int
    amount_pence: int
    summary: str
    extra: dict[str, Any] = field(default_factory=dict)

    def working(self) -> dict[str, Any]:
        """The working, as stored with the budget and shown to the person."""
        return {
            "questionnaire": self.questionnaire,
            "lines": [
                {"question": ln.question, "answer": ln.answer, "points": ln.points} for ln in self.lines
            ],
            "points": self.points,
            "amount_pence": self.amount_pence,
            "summary": self.summary,
        }


def _check_questions(data: dict[str, Any], questions: tuple[Question, ...]) -> None:
    """Points are whole numbers of zero or more; keys are unique."""
    for raw in data["questions"]:
        for answer in raw["answers"]:
            points = answer["points"]
            if isinstance(points, bool) or not isinstance(points, int):
                raise InvalidInput(
                    f"Points must be whole numbers (the answer “{answer['text']}” has {points!r})."
                )
    keys = [q.key for q in questions]
    if len(set(keys)) != len(keys):
        raise InvalidInput("Two questions in the questionnaire have the same key.")
    for question in questions:
        answer_keys = [a.key for a in question.answers]
        if len(set(answer_keys)) != len(answer_keys):
            raise InvalidInput(f"Two answers to “{question.text}” have the same key.")
        if any(a.points < 0 for a in question.answers):
            raise InvalidInput(f"Points cannot be less than zero (in “{question.text}”).")
        if not question.answers:
            raise InvalidInput(f"The question “{question.text}” has no answers.")


def load_questionnaire(text: str) -> Questionnaire:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"The questionnaire file is not valid JSON (line {exc.lineno}).") from exc
    except (ValueError, RecursionError) as exc:  # a number thousands of digits long; nesting too deep
        raise InvalidInput(
            "The questionnaire file is not one Careplan can read (it is far too deep or long)."
        ) from exc
    if not isinstance(data, dict):
        raise InvalidInput("The questionnaire file must hold one questionnaire.")
    return Questionnaire.from_dict(data)
