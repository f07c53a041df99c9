"""`kg extract`, `kg eval` and the default build, which runs extraction and merges curated annotations."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "seeds.yaml"


def test_extract_shows_each_stance_with_its_rule(seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir / "000_9f35d4ad34641da1.txt")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["holder", "issue", "polarity", "rule", "conf", "span", "quote"]
    conditional = [l for l in lines if l.startswith("Israel ") and "conditional (on disarmament)" in l]
    assert conditional and "condition_clause" in conditional[0]
    assert lines[-1].startswith("(") and lines[-1].endswith("stances)")


def test_extract_explain_names_rules_path_and_parse(seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir / "000_9f35d4ad34641da1.txt"), "--explain"])
    assert result.exit_code == 0, result.output
    block = next(b for b in result.output.split("\n\n") if "conditional (on disarmament)" in b
                 and "Israel demands full demilitarization" in b)
    assert "rules:    " in block and "condition_clause" in block and "cue:      demand" in block
    assert "sentence: Israel demands full demilitarization before rebuilding, citing security concerns." in block
    assert "path:     demilitarization/NN/obj > demands/VBZ/ROOT" in block
    assert "parse:    i  text  lemma  tag  dep  head" in block


def test_extract_dropped_lists_what_the_stance_model_rated_too_low(seeds_dir: Path) -> None:
    path = seeds_dir / "001_e22e95d8dd461b33.txt"
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl", "--dropped"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    kept = {(r["holder"], r["issue"], r["polarity"]) for r in records if not r.get("dropped")}
    dropped = {(r["holder"], r["issue"], r["polarity"]): r for r in records if r.get("dropped")}
    assert kept and dropped and not kept & set(dropped)
    # "interim solutions, which are currently unacceptable to Israel": found by the rules, rated under the bar
    israel = dropped[("Israel", "governance", "oppose")]
    assert israel["rating"] < israel["needed"] and israel["rated_by"] and "unacceptable to Israel" in israel["quote"]
    text = CliRunner().invoke(cli, ["extract", str(path), "--dropped"]).output
    assert "dropped by the stance model (" in text and "Israel  governance  oppose  rated 0." in text


def test_a_dropped_rating_never_reads_as_the_bar() -> None:
    from kg.extract import shown_rating

    assert shown_rating(0.6496, 0.65) == 0.64 and shown_rating(0.4999, 0.50) == 0.49
    assert shown_rating(0.38, 0.50) == 0.38 and shown_rating(0.29, 0.65) == 0.29


def test_nothing_is_dropped_while_the_stance_model_is_off(seeds_dir: Path, dictionary) -> None:
    from kg.extract import dropped_stances, load_rule_book
    from kg.sources import read_article

    article = read_article(seeds_dir / "001_e22e95d8dd461b33.txt")
    assert dropped_stances(article, dictionary)
    assert dropped_stances(article, dictionary, rules=load_rule_book().without(["stance_model"])) == []


def test_extract_jsonl_quotes_match_the_text(seeds_dir: Path) -> None:
    path = seeds_dir / "000_9f35d4ad34641da1.txt"
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records
    for record in records:
        assert text[record["char_start"]:record["char_end"]] == record["quote"]
        assert record["method"] == "RuleExtraction" and record["rule"]
        assert record["published"] == "2025-11-16"  # from the folder's manifest
    assert any(r["holder"] == "Israel" and r["issue"] == "reconstruction" and r["polarity"] == "conditional"
               and r["condition"] == "disarmament" for r in records)


def test_extract_an_unknown_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "none.txt")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'none.txt'}: file not found\n"


def test_extract_a_text_with_no_stance(tmp_path: Path) -> None:
    path = tmp_path / "weather.txt"
    path.write_text("It rained in Gaza City on Tuesday, and the markets were quiet.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert (result.exit_code, result.output) == (0, "no stances found\n")


def test_eval_reaches_the_bar_on_the_seeds(seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["overall"]["precision"] >= 0.69
    assert scores["overall"]["recall"] >= 0.60  # 27 of 45 at the stance model's operating point
    assert scores["quote_overlap"]["overlapping"] >= 0.75 * scores["overall"]["tp"]
    assert set(scores["errors"]) == {"missing", "spurious", "wrong holder", "wrong issue", "wrong polarity"}
    assert scores["conditions"]["tp"] >= 1 and scores["macro"]["articles"] == 5
    assert set(scores["per_issue"]) >= {"disarmament", "reconstruction", "ceasefire", "withdrawal"}


def test_eval_show_lists_misses_and_false_positives(seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--show"])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output
    assert "missed (in gold, not found):" in result.output
    assert "false positives (found, not in gold):" in result.output


def test_eval_ignores_the_curated_annotations_of_the_folder(seeds_dir: Path) -> None:
    # With curated input the score would be perfect; eval must measure the rules alone.
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--json"])
    assert json.loads(result.output)["overall"]["recall"] < 1.0


def test_eval_ablate_shows_what_a_rule_adds(seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--ablate", "condition_clause"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("without condition_clause:\n")
    last = result.output.splitlines()[-1]
    assert last.startswith("what condition_clause add(s): tp +") and "recall +" in last
    # each change with its bootstrap interval over the five articles, which holds the change itself
    change = re.search(r"recall (\+[0-9.]+) \(([-+][0-9.]+) to ([-+][0-9.]+)\)", last)
    assert change and float(change[2]) <= float(change[1]) <= float(change[3])
    assert last.endswith("[95% bootstrap intervals over articles]")
    data = json.loads(CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--ablate", "condition_clause",
                                               "--json"]).output)
    assert data["added"]["tp"] > 0 and set(data["added"]["interval"]) == {"precision", "recall", "f1"}


def test_eval_enable_shows_what_a_rule_shipped_off_would_add(seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--enable", "party_to_deal"])
    assert result.exit_code == 0, result.output
    assert "with party_to_deal on:" in result.output
    assert "what party_to_deal add(s): tp " in result.output


def test_eval_ablate_an_unknown_rule(seeds_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--ablate", "negatoin"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: unknown rule 'negatoin'\n")
    assert "negation" in result.output


def test_eval_needs_a_gold_file(seeds_dir: Path, tmp_path: Path) -> None:
    missing = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(tmp_path / "gold.yaml")])
    assert missing.exit_code == 1
    assert "gold.yaml: annotation file not found" in missing.output
    usage = CliRunner().invoke(cli, ["eval", str(seeds_dir)])
    assert usage.exit_code == 2 and "--gold" in usage.output


def test_default_build_merges_rules_and_curation(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(seeds_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    line = next(l for l in result.output.splitlines() if l.startswith("stances:"))
    extracted = int(line.split("(")[1].split()[0])
    assert extracted > 0 and "59 curated" in line
    rebuilt = CliRunner().invoke(cli, ["build", str(seeds_dir), "--out", str(out)])
    assert "(5 unchanged, taken from the cache)" in rebuilt.output
    assert CliRunner().invoke(cli, ["validate", "--out", str(out)]).exit_code == 0


def _split_seeds(seeds_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The seed articles in two folders (two, then three), each with the gold of its own articles."""
    import shutil

    import yaml

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    stems = sorted(gold["articles"])
    folders = []
    for name, part in (("first", stems[:2]), ("second", stems[2:])):
        folder = tmp_path / name
        folder.mkdir()
        for stem in part:
            shutil.copy(seeds_dir / f"{stem}.txt", folder / f"{stem}.txt")
        (folder / "gold.yaml").write_text(yaml.safe_dump(
            {"schema_version": 1, "articles": {stem: gold["articles"][stem] for stem in part}}), encoding="utf-8")
        folders.append(folder)
    return folders[0], folders[1]


def test_eval_counts_the_batches_of_folders_that_meet_the_bars(seeds_dir: Path, tmp_path: Path) -> None:
    import shutil

    import yaml

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    folders = []
    for stem in sorted(gold["articles"]):  # one seed article a folder
        folder = tmp_path / stem
        folder.mkdir()
        shutil.copy(seeds_dir / f"{stem}.txt", folder / f"{stem}.txt")
        (folder / "gold.yaml").write_text(yaml.safe_dump(
            {"schema_version": 1, "articles": {stem: gold["articles"][stem]}}), encoding="utf-8")
        folders.append(str(folder))
    result = CliRunner().invoke(cli, ["eval", *folders, "--batch", "2", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    batches = report["batches"]
    assert (batches["size"], batches["batches"], batches["sampled"]) == (2, 10, False)
    assert batches["meeting"] + batches["f1_only"] + batches["precision_only"] + batches["both"] == 10
    # the count is the one the folders' own scores give (how a batch is judged: tests/test_evaluation.py)
    from kg.evaluation import BatchCount, Score

    per_folder = [Score(**{k: score[k] for k in ("tp", "fp", "fn")}) for score in report["per_folder"].values()]
    meeting = BatchCount.of(per_folder, 2).meeting
    assert batches["meeting"] == meeting
    text = CliRunner().invoke(cli, ["eval", *folders, "--batch", "2"]).output
    assert f"batches of 2 folders meeting precision >= 0.75 and F1 >= 0.55: {meeting} of 10" in text
    assert "batches of" not in CliRunner().invoke(cli, ["eval", *folders, "--batch", "0"]).output
    assert json.loads(CliRunner().invoke(cli, ["eval", *folders, "--batch", "5", "--json"]).output)["batches"] is None
    assert CliRunner().invoke(cli, ["eval", *folders, "--batch", "-1"]).exit_code == 2


def test_eval_pools_several_folders_each_with_its_gold(seeds_dir: Path, tmp_path: Path) -> None:
    first, second = _split_seeds(seeds_dir, tmp_path)
    whole = json.loads(CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--json"]).output)
    result = CliRunner().invoke(cli, ["eval", str(first), f"{second}:{second / 'gold.yaml'}", "--json"])
    assert result.exit_code == 0, result.output
    pooled = json.loads(result.output)
    # the same articles and gold, scored in two folders or in one: the same counts
    assert {k: pooled["overall"][k] for k in ("tp", "fp", "fn")} == {k: whole["overall"][k] for k in ("tp", "fp", "fn")}
    assert pooled["macro"]["articles"] == 5
    assert {m["article"].split("/")[0] for m in pooled["misses"] + pooled["false_positives"]} <= {"first", "second"}
    assert pooled["interval"]["precision"][0] <= pooled["overall"]["precision"] <= pooled["interval"]["precision"][1]
    one = json.loads(CliRunner().invoke(cli, ["eval", str(first), "--json"]).output)  # its gold.yaml by default
    two = json.loads(CliRunner().invoke(cli, ["eval", str(second), "--json"]).output)
    assert pooled["overall"]["tp"] == one["overall"]["tp"] + two["overall"]["tp"]
    # each folder's own scores are those it gets alone
    assert list(pooled["per_folder"]) == ["first", "second"]
    assert [pooled["per_folder"][name][k] for name in ("first", "second") for k in ("tp", "fp", "fn")] == [
        alone["overall"][k] for alone in (one, two) for k in ("tp", "fp", "fn")]
    text = CliRunner().invoke(cli, ["eval", str(first), str(second)]).output
    table = text.splitlines()[text.splitlines().index("by folder:") + 1:][:4]
    assert table[0].split() == ["folder", "tp", "fp", "fn", "precision", "recall", "f1"] and set(table[1]) <= {" ", "-"}
    o = one["overall"]
    assert table[2].split() == ["first", str(o["tp"]), str(o["fp"]), str(o["fn"]), f"{o['precision']:.3f}",
                                f"{o['recall']:.3f}", f"{o['f1']:.3f}"]
    assert table[3].split()[0] == "second" and len({len(row) for row in table}) == 1  # aligned columns
    assert "per_folder" in one and one["per_folder"] == {} and "by folder" not in CliRunner().invoke(cli, ["eval", str(first)]).output
    ablated = CliRunner().invoke(cli, ["eval", str(first), str(second), "--ablate", "condition_clause"])
    assert ablated.exit_code == 0 and ablated.output.splitlines()[-1].startswith("what condition_clause add(s): tp +")


@pytest.mark.parametrize("arguments,message", [
    (["{first}", "{second}", "--gold", "{gold}"], "--gold names the gold file of one folder"),
    (["{first}", "{first}"], "a source folder is given twice"),
    (["{missing}"], "missing: no such source folder"),
    (["{bare}"], "bare: no gold file (give --gold FILE"),
    (["{first}:{gold}", "--gold", "{gold}"], "the gold file is named twice, here and by --gold"),
])
def test_eval_refuses_folders_it_cannot_pair_with_gold(seeds_dir: Path, tmp_path: Path, arguments, message) -> None:
    first, second = _split_seeds(seeds_dir, tmp_path)
    (tmp_path / "bare").mkdir()
    names = {"first": first, "second": second, "gold": GOLD, "missing": tmp_path / "missing", "bare": tmp_path / "bare"}
    result = CliRunner().invoke(cli, ["eval", *(a.format(**names) for a in arguments)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_eval_against_another_ontology_shows_what_this_one_adds(seeds_dir: Path, ontology_copy: Path) -> None:
    model = ontology_copy / "rules" / "stance_model.yaml"
    model.write_text(re.sub(r"(?m)^threshold: .*$", "threshold: 0.85", model.read_text(encoding="utf-8")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--against", str(ontology_copy), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    this, other, gained = scores["this"]["overall"], scores["against"]["overall"], scores["gained"]
    assert gained["tp"] == this["tp"] - other["tp"] > 0 and gained["fp"] == this["fp"] - other["fp"]
    # a model kept only from 0.85 finds far fewer of the seeds' stances: the whole interval is a gain
    # (each figure rounded on its own: the gain is the difference of the unrounded ones)
    assert gained["recall"] == pytest.approx(this["recall"] - other["recall"], abs=2e-4) and gained["interval"]["recall"][0] > 0

    text = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--against", str(ontology_copy)])
    assert text.exit_code == 0 and f"against {ontology_copy}:" in text.output
    assert re.search(rf"what this ontology adds over {re.escape(str(ontology_copy))}: tp \+{gained['tp']}, ", text.output)


def test_eval_against_an_identical_ontology_adds_nothing(seeds_dir: Path, ontology_copy: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--against", str(ontology_copy), "--json"])
    assert result.exit_code == 0, result.output
    gained = json.loads(result.output)["gained"]
    assert (gained["tp"], gained["fp"], gained["f1"], gained["interval"]["f1"]) == (0, 0, 0.0, [0.0, 0.0])


def test_eval_against_refuses_rule_switches_in_one_line(seeds_dir: Path, ontology_copy: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(seeds_dir), "--gold", str(GOLD), "--against", str(ontology_copy),
                                      "--ablate", "negation"])
    assert result.exit_code == 2 and "Error: --against compares two ontology folders" in result.output
