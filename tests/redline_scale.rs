//! Large drafts finish and stay near-minimal (debug build: no timings are
//! asserted, but a quadratic path would not finish in reasonable time).

use plenary::redline::{Redline, count_words, redline};

/// xorshift64: deterministic, no dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A vocabulary where a few words are very common, as in prose.
fn vocabulary() -> Vec<String> {
    let common = ["the", "of", "and", "to", "Partners", "shall", "in", "a"];
    let syllables = ["ra", "mo", "ti", "ca", "ne", "lu", "ver", "sa", "do", "pe"];
    let mut words: Vec<String> = common.iter().map(|w| (*w).to_owned()).collect();
    for i in 0..3000usize {
        let parts = [i % 10, (i / 10) % 10, (i / 100) % 10, i % 7];
        words.push(parts[..2 + i % 3].iter().map(|&p| syllables[p]).collect());
    }
    words
}

fn draw(random: &mut Random, vocabulary: &[String]) -> String {
    // Skewed towards the common words at the front.
    let a = random.below(vocabulary.len());
    let b = random.below(vocabulary.len());
    vocabulary[a.min(b).min(random.below(vocabulary.len()))].clone()
}

/// Sentences of words, edited at `rate_percent`: returns old, new and the
/// true number of changed words (a replacement counts twice).
fn draft(size: usize, rate_percent: usize, separator: &str) -> (String, String, usize) {
    let mut random = Random(0x5eed_2009);
    let vocabulary = vocabulary();
    let (mut old, mut new, mut edits) = (String::new(), String::new(), 0);
    while old.len() < size {
        let (mut old_words, mut new_words) = (Vec::new(), Vec::new());
        for _ in 0..8 + random.below(20) {
            let word = draw(&mut random, &vocabulary);
            old_words.push(word.clone());
            if random.below(100) >= rate_percent {
                new_words.push(word);
                continue;
            }
            match random.below(3) {
                0 => {
                    let mut other = draw(&mut random, &vocabulary);
                    while other == word {
                        other = draw(&mut random, &vocabulary);
                    }
                    new_words.push(other);
                    edits += 2;
                }
                1 => {
                    new_words.push(word);
                    new_words.push(draw(&mut random, &vocabulary));
                    edits += 1;
                }
                _ => edits += 1,
            }
        }
        old.push_str(&old_words.join(" "));
        old.push('.');
        old.push_str(separator);
        new.push_str(&new_words.join(" "));
        new.push('.');
        new.push_str(separator);
    }
    (old, new, edits)
}

fn checked(old: &str, new: &str) -> Redline {
    let r = redline(old, new);
    assert_eq!(r.old_text(), old);
    assert_eq!(r.new_text(), new);
    r
}

/// Marked words are within 3% of the true edits (a shortest script may
/// mark fewer: an edit can coincide with a word nearby).
fn assert_near(r: &Redline, edits: usize) {
    let stat = r.stat();
    let marked = stat.deleted_words + stat.inserted_words;
    assert!(
        marked * 100 <= edits * 103 && marked * 100 >= edits * 97,
        "marked {marked} words, true edits {edits}"
    );
}

#[test]
fn paragraphs_with_a_fifth_of_the_words_changed() {
    let (old, new, edits) = draft(200_000, 20, "\n\n");
    assert_near(&checked(&old, &new), edits);
}

#[test]
fn one_line_with_a_fifth_of_the_words_changed() {
    // No line breaks: the line pass finds nothing, sentences and phrases
    // must anchor the word diff.
    let (old, new, edits) = draft(200_000, 20, " ");
    assert_near(&checked(&old, &new), edits);
}

#[test]
fn one_line_with_few_changes() {
    let (old, new, edits) = draft(200_000, 1, " ");
    assert_near(&checked(&old, &new), edits);
}

#[test]
fn unrelated_texts_finish() {
    let (old, _, _) = draft(100_000, 0, "\n");
    let (new, _, _) = {
        let (a, _, _) = draft(100_000, 0, " ");
        let words: Vec<&str> = a.split(' ').rev().collect();
        (words.join(" "), (), ())
    };
    let r = checked(&old, &new);
    let stat = r.stat();
    assert_eq!(stat.deleted_words + stat.unchanged_words, count_words(&old));
}

#[test]
fn repetitive_texts_finish() {
    let old = "a ".repeat(60_000);
    let mut new = "a ".repeat(30_000);
    new.push_str("b ");
    new.push_str(&"a ".repeat(29_000));
    let r = checked(&old, &new);
    let stat = r.stat();
    assert_eq!(stat.inserted_words, 1);
    assert_eq!(stat.deleted_words, 1000);
}
