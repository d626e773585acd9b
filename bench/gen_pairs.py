#!/usr/bin/env python3
"""Seeded generator of prose pairs for the redline benchmark.

Writes, for every size and change rate, `NAME.old.txt`, `NAME.new.txt` and
`NAME.edits` (the true number of changed words: a replaced word counts twice,
once deleted and once inserted; an inserted or deleted word once) into
bench/data/ (gitignored). Words are English-like pseudo-words drawn from a
Zipf-like vocabulary, so common words repeat as in real prose; sentences carry
commas, semicolons, brackets and quotes; paragraphs are separated by blank
lines. A word carries its punctuation: a replacement keeps it, a deletion
takes it along, so the count is exact in whitespace-separated words (the way
diff-bench.sh counts the words a tool marks). With --flat, chosen pairs are
also written as one line of text (`NAME-flat.*`), a draft pasted without
line breaks.

Usage: gen_pairs.py [--out DIR] [--seed N] [--sizes 1K,100K,1M,10M] [--rates 1,5,20]
                    [--flat 1M-20,10M-5]
"""

import argparse
import bisect
import os
import random

SIZES = {"1K": 1_000, "100K": 100_000, "1M": 1_000_000, "10M": 10_000_000}
FUNCTION_WORDS = (
    "the of and to in a that is for on with as by be are this shall which "
    "or from at its their all any such not may other under these those"
).split()
SYLLABLES = (
    "ac ad al an ar as at be ca ce ci co con de di du el em en er es ex "
    "fa fi fo ga ge gi go ha he hi ho im in ir is la le li lo lu ma me mi "
    "mo mu na ne ni no nu ob or pa pe pi po pre pro ra re ri ro ru sa se "
    "si so su ta te ti to tu ul un va ve vi vo"
).split()


def make_vocabulary(rng, size):
    words = set()
    while len(words) < size:
        n = rng.choice((2, 2, 3, 3, 3, 4))
        words.add("".join(rng.choice(SYLLABLES) for _ in range(n)))
    words = sorted(words)
    rng.shuffle(words)
    return FUNCTION_WORDS + words


class WordSource:
    """Zipf-like draws: rank r is picked with weight 1/(r+1)."""

    def __init__(self, rng, vocabulary):
        self.rng = rng
        self.vocabulary = vocabulary
        weights = [1.0 / (r + 1) for r in range(len(vocabulary))]
        total = 0.0
        self.cumulative = []
        for w in weights:
            total += w
            self.cumulative.append(total)

    def draw(self):
        x = self.rng.random() * self.cumulative[-1]
        return self.vocabulary[bisect.bisect_left(self.cumulative, x)]


def make_words(rng, source, target_bytes):
    """Paragraphs of sentences of words; a word is [prefix, core, suffix] so
    that its punctuation travels with it through the edits."""
    paragraphs, size = [], 0
    while size < target_bytes:
        paragraph = []
        for _ in range(rng.randint(3, 8)):
            sentence = [decorate(rng, source.draw()) for _ in range(rng.randint(6, 28))]
            sentence[0][1] = sentence[0][1].capitalize()
            sentence[-1][2] = rng.choice(".....?!")
            paragraph.append(sentence)
            size += sum(len("".join(w)) + 1 for w in sentence) + 1
        paragraphs.append(paragraph)
    return paragraphs


def decorate(rng, core):
    mark = rng.random()
    if mark < 0.02:
        return ["[", core, "]"]
    if mark < 0.04:
        return ['"', core, '"']
    if mark < 0.10:
        return ["", core, ","]
    if mark < 0.11:
        return ["", core, ";"]
    return ["", core, ""]


def render(paragraphs, flat=False):
    """Paragraphs separated by blank lines; or, `flat`, one line of text
    (the case of a draft pasted without line breaks)."""
    return (
        (" " if flat else "\n\n").join(
            " ".join(" ".join("".join(w) for w in sentence) for sentence in paragraph)
            for paragraph in paragraphs
        )
        + "\n"
    )


def edit(rng, source, paragraphs, rate):
    """Changes `rate` of the words by replace/insert/delete; returns the new
    paragraphs and the true number of changed words."""
    edits = 0
    new_paragraphs = []
    for paragraph in paragraphs:
        new_paragraph = []
        for sentence in paragraph:
            new_sentence = []
            for w in sentence:
                if rng.random() >= rate:
                    new_sentence.append(w)
                    continue
                kind = rng.choice(("replace", "insert", "delete"))
                if kind == "replace":
                    other = source.draw()
                    while other.lower() == w[1].lower():
                        other = source.draw()
                    new_sentence.append([w[0], other, w[2]])
                    edits += 2
                elif kind == "insert":
                    new_sentence.extend((w, ["", source.draw(), ""]))
                    edits += 1
                else:
                    edits += 1
            if not new_sentence:
                new_sentence.append(["", source.draw(), "."])
                edits += 1
            new_paragraph.append(new_sentence)
        new_paragraphs.append(new_paragraph)
    return new_paragraphs, edits


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "data"))
    parser.add_argument("--seed", type=int, default=2009)
    parser.add_argument("--sizes", default="1K,100K,1M,10M")
    parser.add_argument("--rates", default="1,5,20")
    parser.add_argument(
        "--flat",
        default="1M-20,10M-5",
        help="SIZE-RATE pairs also written as one line of text (NAME-flat)",
    )
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for size_name in args.sizes.split(","):
        for rate in (int(r) for r in args.rates.split(",")):
            rng = random.Random(f"{args.seed}-{size_name}-{rate}")
            source = WordSource(rng, make_vocabulary(rng, 6000))
            paragraphs = make_words(rng, source, SIZES[size_name])
            new_paragraphs, edits = edit(rng, source, paragraphs, rate / 100)
            name = os.path.join(args.out, f"{size_name}-{rate}pct")
            with open(name + ".old.txt", "w") as f:
                f.write(render(paragraphs))
            with open(name + ".new.txt", "w") as f:
                f.write(render(new_paragraphs))
            with open(name + ".edits", "w") as f:
                f.write(f"{edits}\n")
            print(f"{name}: {edits} changed words")
            if f"{size_name}-{rate}" in args.flat.split(","):
                for suffix, text in ((".old.txt", paragraphs), (".new.txt", new_paragraphs)):
                    with open(name + "-flat" + suffix, "w") as f:
                        f.write(render(text, flat=True))
                with open(name + "-flat.edits", "w") as f:
                    f.write(f"{edits}\n")
                print(f"{name}-flat: {edits} changed words")


if __name__ == "__main__":
    main()
