"""Copy a trained spaCy pipeline into the package (kg/models/) with its name, version, test scores
and the treebank's attribution: `package_pipeline.py MODEL_DIR TEST_SCORES.json TARGET_DIR`.

The pipeline is copied file by file (loading and saving it again changes the lexeme features the
tagger and parser read). The lemmatizer trained alongside them, as an auxiliary task for the
shared tok2vec, stays in the folder but is not run: stancegraph lemmatizes by rules, which is
faster and misses fewer news verbs."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

NAME = "stancegraph_parse"
VERSION = "1.0.0"
ATTRIBUTION = """\
This parsing pipeline (Penn tagger, dependency parser) was trained by
training/train_pipeline.sh on the English Web Treebank of Universal Dependencies
(UD_English-EWT, https://universaldependencies.org/treebanks/en_ewt/), which is licensed under
CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). The trained weights are a
derivative of that treebank and are shared under the same licence.
"""


def main(model_dir: str, scores_path: str, target: str) -> None:
    source, destination = Path(model_dir), Path(target)
    scores = json.loads(Path(scores_path).read_text(encoding="utf-8"))
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(source, destination)
    meta_path = destination / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({
        "name": NAME, "version": VERSION, "license": "CC BY-SA 4.0",
        "description": "Tagger and dependency parser for stancegraph, trained on UD English EWT "
                       "(with an auxiliary lemmatizer that stancegraph does not run)",
        "sources": [{"name": "UD English EWT", "url": "https://universaldependencies.org/treebanks/en_ewt/", "license": "CC BY-SA 4.0"}],
        "test_scores": {k: round(v, 4) for k, v in scores.items()
                        if isinstance(v, float) and not k.startswith(("lemma", "speed"))},
    })
    meta.pop("performance", None)
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (destination / "LICENSE").write_text(ATTRIBUTION, encoding="utf-8")
    print(json.dumps(meta["test_scores"], indent=2, sort_keys=True))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
