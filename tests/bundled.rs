//! The bundled MTCR drafts: valid, canonical, and word for word the cable's.

mod common;

use std::fs;

use plenary::store::{self, draft_yaml, session_yaml};

/// The four "Proposed consensus language" paragraphs of STATE 103767, as the
/// cable gives them (line wrapping removed), slips included: "the list
/// entities of concern" and "bilateral contracts" are what Partners amend.
const ORIGINALS: [(&str, &str); 4] = [
    (
        "ie-tem-working-group",
        "The Partners agree to establish an ad hoc working group - consisting of both IE and Technical Experts Meeting (TEM) participants - to review the IE papers submitted in previous years to ensure that the information on proliferant procurement and risk technologies discussed at the annual IE meetings is incorporated into the Regime's export controls. The working group will report to the Plenary on opportunities to improve MTCR export controls to better address these technologies, highlighting areas for near- and longer-term attention. Experts from all interested Partner countries are invited to participate in the IE-TEM working group, which will meet on the margins of the intersessional TEM and be chaired by the IE permanent co-chair.",
    ),
    (
        "round-table",
        "The Partners agree to hold a Round Table (RT) meeting immediately following the conclusion of the 2010 MTCR Reinforced Point of Contact (RPOC) in Paris for representatives of non-Partner countries that have membership applications pending with the Regime and/or that have been agreed as possible destinations for MTCR outreach visits at the 2008 Canberra Plenary and the 2009 Rio Plenary. The purpose of the RT would be to advise non-Partners of the principles and objectives of the Regime, enhance transparency, address questions, and share experiences concerning implementation and enforcement of missile-related export controls. One possible topic for discussion at the RT might be risk assessment in licensing.",
    ),
    (
        "entities-of-concern",
        "Partners agree on the utility of updating the list entities of concern -- drawn from Partner denials, Information Exchange papers, and other documents circulated by Partners between 2000-2004 -- that was circulated to Partners in 2005. Partners further agree that this list is not a \"black list\" but a tool to facilitate Partners' national licensing, enforcement, and interdiction efforts, and that having this information available on ePOC will provide a useful tool to inform Partners' export control implementation. The IE Co-Chairs were asked to update the 2005 list, with a view to distributing it to all Partners at the 2010 RPOC meeting, if possible.",
    ),
    (
        "outreach-to-china",
        "Partners agree to encourage China - during the course of the MTCR Chair's outreach and during Partners' bilateral contracts - to take a more active role in promoting international missile nonproliferation. Inter alia, this effort would include urging China to use all available measures to prevent and/or stop Chinese entities from serving as sources of supply for programs of concern and to use its bilateral contacts with Iran and North Korea to promote missile restraint. Additionally, Partners would urge China not to market MTCR Category II short range ballistic missiles to countries of proliferation concern.",
    ),
];

#[test]
fn bundled_folder_loads_without_any_diagnostic() {
    let folder = store::load_folder(&common::bundled()).unwrap();
    assert_eq!(folder.all_diagnostics(), Vec::<&store::Diagnostic>::new());
    let ids: Vec<&str> = folder.drafts().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ORIGINALS.map(|(id, _)| id));
}

#[test]
fn session_is_the_rio_plenary_of_34_partners_chaired_by_brazil() {
    let folder = store::load_folder(&common::bundled()).unwrap();
    let session = &folder.session;
    assert_eq!(session.partners.len(), 34);
    assert_eq!(session.chair, "Brazil");
    assert!(session.is_partner("United States"));
    assert_eq!(session.opens.as_deref(), Some("2009-11-09"));
    assert_eq!(session.closes.as_deref(), Some("2009-11-13"));
}

/// Loading then saving changes no byte. `PLENARY_BLESS=1 cargo test`
/// rewrites the files in canonical form instead (for a deliberate change).
#[test]
fn bundled_files_round_trip_byte_for_byte() {
    let dir = common::bundled();
    let folder = store::load_folder(&dir).unwrap();
    let mut files = vec![(dir.join(store::SESSION_FILE), session_yaml(&folder.session))];
    files.extend(
        folder
            .drafts()
            .map(|d| (folder.path_of(&d.id), draft_yaml(d))),
    );
    for (path, canonical) in files {
        if std::env::var_os("PLENARY_BLESS").is_some() {
            fs::write(&path, &canonical).unwrap();
        }
        let on_disk = fs::read_to_string(&path).unwrap();
        assert_eq!(on_disk, canonical, "{} is not canonical", path.display());
    }
}

#[test]
fn originals_are_the_cables_wording_exactly() {
    let folder = store::load_folder(&common::bundled()).unwrap();
    for (id, expected) in ORIGINALS {
        let draft = folder.entry(id).and_then(|e| e.draft()).unwrap();
        let original = draft.original().unwrap();
        assert_eq!(original.version, 1);
        assert_eq!(original.author, "United States");
        assert_eq!(original.text, expected, "{id}");
        assert!(
            draft
                .source
                .as_deref()
                .unwrap()
                .starts_with("STATE 103767 para ")
        );
    }
}

/// Against the cable itself, when `../shared/seed` is beside the checkout:
/// each original, quoted, appears in the cable once its line wrapping is undone.
#[test]
fn originals_appear_verbatim_in_the_seed_cable() {
    let cable =
        common::bundled().join("../../shared/seed/STATE-103767-MTCR-Rio-plenary-proposals.txt");
    let Ok(cable) = fs::read_to_string(&cable) else {
        eprintln!("seed cable not present; checked against the embedded copy only");
        return;
    };
    let unwrapped = cable.split_whitespace().collect::<Vec<_>>().join(" ");
    for (id, text) in ORIGINALS {
        let quoted = format!("Proposed consensus language: \"{text}\"");
        assert!(
            unwrapped.contains(&quoted),
            "{id} not found verbatim in the cable"
        );
    }
}

#[test]
fn markings_follow_the_cable() {
    let folder = store::load_folder(&common::bundled()).unwrap();
    let markings: Vec<Option<&str>> = folder.drafts().map(|d| d.marking.as_deref()).collect();
    // Paragraph 6 (outreach to China) carries no (C/REL MTCR) line.
    assert_eq!(
        markings,
        [
            Some("C/REL MTCR"),
            Some("C/REL MTCR"),
            Some("C/REL MTCR"),
            None
        ]
    );
}
