//! The cable parser on messy input: repeated header blocks, page breaks
//! inside a quotation, CRLF and CR line ends, stray blank lines and
//! whitespace, quotes inside quotes, and quotations that never close.

use super::*;

/// A small cable in the seed's shape, with the mess real ones have.
const CABLE: &str = "\
Identifier
Created
09STATE103767
2009-10-06 13:27:00
CONFIDENTIAL
P R 061327Z OCT 09
FM SECSTATE WASHDC
TO PAGE 02 STATE 103767 061346Z
C O N F I D E N T I A L STATE 103767

SUBJECT: MISSILE TECHNOLOGY CONTROL REGIME (MTCR) -- U.S.
PROPOSALS FOR THE NOVEMBER 2009 RIO PLENARY (C)

C O N F I D E N T I A L STATE 103767

SUBJECT: MISSILE TECHNOLOGY CONTROL REGIME (MTCR) -- U.S.
PROPOSALS FOR THE NOVEMBER 2009 RIO PLENARY (C)

1. (U) This is an action request. Please see paragraph 2.

2. (C) U.S. PROPOSAL ON IE-TEM WORKING GROUP TO FOLLOW UP
ON PAPERS/PROPOSALS ON EMERGING TECHNOLOGIES:

(C/REL MTCR)

The MTCR's Information Exchange (IE) and Technical Experts Meeting
(TEM) should meet; the Round Table (RT) too, and ePOC is fine.

Proposed consensus language:

\"The Partners agree to establish an ad hoc working group -
consisting of both IE and TEM participants -   to review\t
\u{c}
UNCLASSIFIED
PAGE 02 STATE 103767 061346Z

the papers, as a \"black list\"
and more.\"


3. (C) U.S. PROPOSAL ON OUTREACH TO CHINA:

As noted, no marking here.

Proposed consensus language:

\"Partners agree to encourage China.\"

4. (U) POINT OF CONTACT: Please contact ISN/MTR.
CLINTON

NNNN
End Cable Text
";

const IE_TEM: &str = "The Partners agree to establish an ad hoc working group - consisting \
                      of both IE and TEM participants -   to review the papers, as a \"black \
                      list\" and more.";

fn texts(cable: &Cable) -> Vec<(u32, Option<&str>)> {
    cable
        .paragraphs
        .iter()
        .map(|p| {
            let text = match &p.language {
                Language::Text { text, .. } => Some(text.as_str()),
                _ => None,
            };
            (p.number, text)
        })
        .collect()
}

#[test]
fn reads_number_date_headings_markings_and_texts() {
    let cable = parse(CABLE);
    assert_eq!(cable.reference.as_deref(), Some("STATE 103767"));
    assert_eq!(
        cable.sent.as_ref().map(Timestamp::as_str),
        Some("2009-10-06T13:27:00Z")
    );
    assert_eq!(
        texts(&cable),
        [
            (1, None),
            (2, Some(IE_TEM)),
            (3, Some("Partners agree to encourage China.")),
            (4, None)
        ]
    );
    let p = &cable.paragraphs[1];
    assert_eq!(p.line, 21);
    assert_eq!(
        p.heading.as_deref(),
        Some(
            "U.S. PROPOSAL ON IE-TEM WORKING GROUP TO FOLLOW UP ON PAPERS/PROPOSALS ON \
             EMERGING TECHNOLOGIES"
        )
    );
    assert_eq!(
        p.title.as_deref(),
        Some(
            "U.S. Proposal on IE-TEM Working Group to Follow Up on Papers/Proposals on \
             Emerging Technologies"
        )
    );
    assert_eq!(p.originator.as_deref(), Some("U.S."));
    assert_eq!(p.marking.as_deref(), Some("C/REL MTCR"));
    assert!(matches!(p.language, Language::Text { line: 31, .. }));
    let china = &cable.paragraphs[2];
    assert_eq!(china.marking, None);
    assert_eq!(
        china.title.as_deref(),
        Some("U.S. Proposal on Outreach to China")
    );
    assert!(china.is_proposal());
    let contact = &cable.paragraphs[3];
    assert_eq!(contact.heading.as_deref(), Some("POINT OF CONTACT"));
    assert!(!contact.is_proposal());
    assert_eq!(cable.paragraphs[0].heading, None);
}

#[test]
fn line_ends_and_blank_lines_do_not_change_a_word() {
    let reference = parse(CABLE);
    let crlf = CABLE.replace('\n', "\r\n");
    let cr = CABLE.replace('\n', "\r");
    let airy = CABLE.replace('\n', "\n\n");
    let stray = CABLE
        .lines()
        .map(|l| format!("  {l}  "))
        .collect::<Vec<_>>()
        .join("\n");
    for (name, variant) in [("crlf", crlf), ("cr", cr), ("airy", airy), ("stray", stray)] {
        let cable = parse(&variant);
        assert_eq!(texts(&cable), texts(&reference), "{name}");
        assert_eq!(cable.reference, reference.reference, "{name}");
        assert_eq!(cable.sent, reference.sent, "{name}");
        let titles: Vec<_> = cable.paragraphs.iter().map(|p| p.title.clone()).collect();
        let expected: Vec<_> = reference
            .paragraphs
            .iter()
            .map(|p| p.title.clone())
            .collect();
        assert_eq!(titles, expected, "{name}");
    }
    // Line numbers follow the file: CRLF counts as one line end.
    assert_eq!(parse(&CABLE.replace('\n', "\r\n")).paragraphs[1].line, 21);
}

#[test]
fn a_repeated_block_is_read_once() {
    let body = &CABLE[CABLE.find("1. (U)").unwrap()..CABLE.find("NNNN").unwrap()];
    let doubled = format!(
        "{}{body}{body}NNNN\n",
        &CABLE[..CABLE.find("1. (U)").unwrap()]
    );
    assert_eq!(texts(&parse(&doubled)), texts(&parse(CABLE)));
}

#[test]
fn a_missing_closing_quote_is_reported_at_its_line_and_the_rest_still_reads() {
    let broken = CABLE.replacen("and more.\"", "and more.", 1);
    let cable = parse(&broken);
    assert_eq!(
        cable.paragraphs[1].language,
        Language::Problem {
            line: 29,
            problem: CableProblem::NoClosingQuote
        }
    );
    assert_eq!(
        texts(&cable)[2],
        (3, Some("Partners agree to encourage China."))
    );
    // At the end of the cable too.
    let last = "1. (C) U.S. PROPOSAL ON X:\n\nProposed consensus language:\n\"Open\nfor ever\n";
    assert_eq!(
        parse(last).paragraphs[0].language,
        Language::Problem {
            line: 3,
            problem: CableProblem::NoClosingQuote
        }
    );
}

#[test]
fn quotes_inside_the_text_are_kept() {
    for (src, expected) in [
        ("Proposed consensus language: \"a \"b\" c\"", "a \"b\" c"),
        (
            "Proposed consensus language:\n\"this is a \"black\nlist\" but\"",
            "this is a \"black list\" but",
        ),
        (
            "Proposed consensus language:\n\"a list not\n\"\nblack\" but c.\"",
            "a list not \" black\" but c.",
        ),
        (
            "PROPOSED CONSENSUS LANGUAGE\n\u{201c}Curly \u{201c}inner\u{201d}\u{201d}",
            "Curly \u{201c}inner\u{201d}",
        ),
        (
            "Proposed consensus language:\n\"  spaced out.\"  ",
            "spaced out.",
        ),
    ] {
        let cable = parse(&format!("1. (C) U.S. PROPOSAL ON X:\n{src}\n"));
        assert_eq!(texts(&cable), [(1, Some(expected))], "{src:?}");
    }
}

#[test]
fn other_problems_with_consensus_language() {
    let problem = |body: &str| {
        let cable = parse(&format!("1. (C) U.S. PROPOSAL ON X:\n\n{body}\n"));
        match &cable.paragraphs[0].language {
            Language::Problem { line, problem } => Some((*line, problem.clone())),
            _ => None,
        }
    };
    assert_eq!(
        problem("Proposed consensus language:\nPartners agree."),
        Some((3, CableProblem::NoQuote))
    );
    assert_eq!(
        problem("Proposed consensus language:"),
        Some((3, CableProblem::NoQuote))
    );
    assert_eq!(
        problem("Proposed consensus language: \"\""),
        Some((3, CableProblem::Empty))
    );
    assert_eq!(
        problem("Proposed consensus language: \"A.\"\nProposed consensus language: \"B.\""),
        Some((
            4,
            CableProblem::Second {
                number: 1,
                first: 3
            }
        ))
    );
}

#[test]
fn a_cable_with_no_proposals_has_no_texts() {
    for src in [
        "",
        "\n\n",
        "just some words",
        "1. (U) Thanks.\n2. (U) Bye.\n",
        "\u{feff}NNNN",
    ] {
        let cable = parse(src);
        assert!(
            cable
                .paragraphs
                .iter()
                .all(|p| p.language == Language::None),
            "{src:?}"
        );
    }
}

#[test]
fn numbered_lines_inside_prose_are_not_paragraphs() {
    let src = "1. (C) U.S. PROPOSAL ON X:\nProposed consensus language:\n\"Partners recall\n2005. Partners agree\n2. TO MEET:\"\n";
    let cable = parse(src);
    assert_eq!(
        texts(&cable),
        [(1, Some("Partners recall 2005. Partners agree 2. TO MEET:"))]
    );
    // A heading without a classification, numbered next, still counts.
    let src = format!("{src}\n2. U.S. PROPOSAL ON Y:\nProposed consensus language: \"Y.\"\n");
    let cable = parse(&src);
    assert_eq!(texts(&cable)[1], (2, Some("Y.")));
    assert_eq!(
        cable.paragraphs[1].title.as_deref(),
        Some("U.S. Proposal on Y")
    );
}

#[test]
fn titles_take_the_cables_own_acronyms() {
    let cable = parse(CABLE);
    let spellings = {
        let lines = split_lines(CABLE);
        let headings = vec![false; lines.len()];
        spellings(&lines, &headings)
    };
    assert_eq!(spellings.get("EPOC").map(String::as_str), Some("ePOC"));
    assert_eq!(
        title_case(
            "U.S. PROPOSAL ON ROUND TABLE (RT) FOR OUTREACH TO NON-MEMBERS",
            &spellings
        ),
        "U.S. Proposal on Round Table (RT) for Outreach to Non-Members"
    );
    assert_eq!(
        title_case("THE EPOC AND DPRK'S PARTNERS' VIEWS", &spellings),
        "The ePOC and DPRK's Partners' Views"
    );
    assert_eq!(
        title_case("Already Mixed case", &spellings),
        "Already Mixed case"
    );
    assert_eq!(cable.paragraphs[2].originator.as_deref(), Some("U.S."));
}

#[test]
fn dates_in_both_forms() {
    assert_eq!(
        date_time_group("O 311200Z DEC 99").map(|t| t.as_str().to_string()),
        Some("1999-12-31T12:00:00Z".into())
    );
    assert_eq!(date_time_group("R 321200Z DEC 09"), None, "no 32nd");
    assert_eq!(date_time_group("TO PAGE 02 STATE 103767 061346Z"), None);
    assert_eq!(
        created("2009-10-06 13:27").map(|t| t.as_str().to_string()),
        Some("2009-10-06T13:27:00Z".into())
    );
    let without_dtg = CABLE.replace("P R 061327Z OCT 09", "P R");
    assert_eq!(
        parse(&without_dtg).sent.as_ref().map(Timestamp::as_str),
        Some("2009-10-06T13:27:00Z"),
        "the creation line stands in"
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn cable_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("\u{c}".to_string()),
            Just("\"".to_string()),
            Just("\u{201c}".to_string()),
            Just("\u{201d}".to_string()),
            Just("Proposed consensus language:".to_string()),
            Just("3. (C) U.S. PROPOSAL ON X:".to_string()),
            Just("4. ".to_string()),
            Just("(C/REL MTCR)".to_string()),
            Just("C O N F I D E N T I A L STATE 1".to_string()),
            Just("PAGE 02".to_string()),
            Just("P R 061327Z OCT 09".to_string()),
            Just("NNNN".to_string()),
            "[a-zA-Z .:()'é日]{0,12}",
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn never_panics_and_texts_are_trimmed_and_non_empty(src in cable_like()) {
            let cable = parse(&src);
            for p in &cable.paragraphs {
                if let Language::Text { text, .. } = &p.language {
                    prop_assert!(!text.is_empty());
                    prop_assert_eq!(text.trim(), text.as_str());
                    let breaks = ['\n', '\r', '\u{c}'];
                    prop_assert!(!text.contains(breaks), "{:?}", text);
                }
            }
        }
    }
}
