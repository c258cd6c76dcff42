"""The command line's recovery passphrase prompts (in this process, with the terminal faked)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from careplan.cli import commands
from careplan.domain.errors import InvalidInput
from careplan.storage import DatabaseLocked, RecoveryPassphraseNeeded, WrongRecoveryPassphrase, encryption
from careplan.storage.opener import open_database
from tests.keyring_memory import MemoryKeyring, installed

PASSPHRASE = "blue kettle seven gardens"


class Terminal:
    """Typed answers to the prompts, in order, and what was asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, secrets: list[str], yes: bool = False) -> None:
        self.secrets = list(secrets)
        self.prompts: list[str] = []
        self.questions: list[str] = []
        monkeypatch.setattr(commands, "_interactive", lambda: True)
        monkeypatch.setattr(commands, "_ask_secret", self._secret)
        self.yes = yes
        monkeypatch.setattr(commands, "_ask_yes", self._yes)

    def _yes(self, question: str) -> bool:
        self.questions.append(question)
        return self.yes

    def _secret(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return self.secrets.pop(0)


@pytest.fixture(autouse=True)
def no_env_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(encryption.ENV_RECOVERY_PASSPHRASE, raising=False)


@pytest.fixture
def made_elsewhere(tmp_path: Path) -> Iterator[tuple[Path, MemoryKeyring]]:
    path = tmp_path / "careplan.db"
    with installed(MemoryKeyring()):
        open_database(path, recovery_passphrase=PASSPHRASE).dispose()
    with installed(MemoryKeyring()) as here:
        assert isinstance(here, MemoryKeyring)
        yield path, here


def test_unlocking_at_the_terminal_then_keeping_the_key(
    made_elsewhere: tuple[Path, MemoryKeyring],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, here = made_elsewhere
    terminal = Terminal(monkeypatch, ["wrong one", PASSPHRASE], yes=True)
    db = commands.open_for_cli(str(path))
    db.dispose()
    err = capsys.readouterr().err
    assert "does not have its key" in err
    assert "That recovery passphrase does not open this database." in err
    assert terminal.prompts == ["Recovery passphrase: "] * 2
    assert len(terminal.questions) == 1
    assert "The key is back in this computer's keyring." in err
    assert any(not account.startswith("key-file:") for _, account in here.secrets)
    commands.open_for_cli(str(path)).dispose()  # no prompt now
    assert terminal.secrets == []


def test_three_wrong_passphrases_give_up(
    made_elsewhere: tuple[Path, MemoryKeyring], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, here = made_elsewhere
    Terminal(monkeypatch, ["wrong"] * 3)
    with pytest.raises(WrongRecoveryPassphrase):
        commands.open_for_cli(str(path))
    assert here.secrets == {}


def test_declining_to_keep_the_key_keeps_it_out(
    made_elsewhere: tuple[Path, MemoryKeyring], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, here = made_elsewhere
    Terminal(monkeypatch, [PASSPHRASE], yes=False)
    commands.open_for_cli(str(path)).dispose()
    assert here.secrets == {}


def test_without_a_terminal_the_message_says_how_to_give_the_passphrase(
    made_elsewhere: tuple[Path, MemoryKeyring], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = made_elsewhere
    monkeypatch.setattr(commands, "_interactive", lambda: False)
    with pytest.raises(DatabaseLocked, match="Set CAREPLAN_RECOVERY_PASSPHRASE"):
        commands.open_for_cli(str(path))
    with pytest.raises(RecoveryPassphraseNeeded, match="Set CAREPLAN_RECOVERY_PASSPHRASE"):
        commands.open_for_cli(str(tmp_path / "new.db"), create=True)
    assert not (tmp_path / "new.db").exists()


def test_a_new_database_asks_for_a_passphrase_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = Terminal(monkeypatch, ["short", PASSPHRASE, PASSPHRASE + "!", PASSPHRASE, PASSPHRASE])
    path = tmp_path / "new.db"
    commands.open_for_cli(str(path), create=True).dispose()
    err = capsys.readouterr().err
    assert "at least 12 characters" in err
    assert "were not the same" in err
    assert len(terminal.prompts) == 5
    assert path.exists()
    open_database(path, recovery_passphrase=PASSPHRASE).dispose()


def test_no_agreement_on_a_new_passphrase_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Terminal(monkeypatch, ["short"] * 3)
    with pytest.raises(InvalidInput, match="nothing was created"):
        commands.open_for_cli(str(tmp_path / "new.db"), create=True)
    assert list(tmp_path.iterdir()) == []
