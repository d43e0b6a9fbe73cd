//! PETRARCH2 conventions the coder follows with PETRARCH dictionaries, each checked on a tiny
//! PETRARCH-format dictionary set written to a temporary folder.

use dyad_coder::{Coder, Scratch};
use dyad_dict::Dictionaries;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

static FOLDERS: AtomicUsize = AtomicUsize::new(0);

const ACTORS: &str =
    "ARNOR [ARN]\nMORDOR [MOR]\nMINAS_TIRITH [MTR]\nELROND [ELF]\nGONDOR_\n+GONDORIAN_\n\t[GON >20000101]\n";
const AGENTS: &str = "GOVERNMENT [~GOV]\nPROTESTER [~OPP]\n";
const VERBS: &str = "\
--- COMMENT [010] ---
SAY {SAYS SAID SAYING}

--- ALLEGE [110] ---
CLAIM

--- MEET [040] ---
MEET {MEETS MET MEETING}

--- GIVE [070] ---
HELP

--- FIGHT [190] ---
ATTACK

~ a (a b ATTACK) SAY = a b 015
~ a (b . ATTACK) SAY = a b 112
~ a (a b Q) SAY = a b Q
~ a (b . ATTACK) CLAIM = a b 112
";

/// Writes the set (with or without its transformations) and loads it as `--petrarch` does.
fn dict(transformations: bool) -> Dictionaries {
    let verbs: String = VERBS
        .lines()
        .filter(|l| transformations || !l.starts_with('~'))
        .map(|l| format!("{l}\n"))
        .collect();
    dict_with(&verbs)
}

/// The actors and agents above with the verb dictionary `verbs`.
fn dict_with(verbs: &str) -> Dictionaries {
    let dir = std::env::temp_dir().join(format!(
        "dyad-petrarch-rules-{}-{}",
        std::process::id(),
        FOLDERS.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let files: [(&str, &str); 3] = [
        ("T.actors.txt", ACTORS),
        ("T.agents.txt", AGENTS),
        ("T.verbs.txt", verbs),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let loaded = dyad_dict::petrarch::load_dir(&PathBuf::from(&dir)).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(loaded.set.petrarch);
    Dictionaries::compile(loaded.set)
}

fn triples(d: &Dictionaries, text: &str) -> Vec<String> {
    let date = chrono::NaiveDate::from_ymd_opt(2016, 5, 17);
    let coded = Coder::new(d).code_document(text, date, &mut Scratch::default());
    let c = |a: &Option<dyad_coder::ActorRef>| {
        a.as_ref()
            .map(|a| a.code.clone())
            .unwrap_or_else(|| "-".into())
    };
    let mut out: Vec<String> = coded
        .events
        .iter()
        .map(|e| format!("{} {} {}", c(&e.source), e.cameo, c(&e.target)))
        .collect();
    out.sort();
    out
}

#[test]
fn transformations_are_read_from_the_verb_dictionary() {
    let d = dict(true);
    assert_eq!(d.set.transforms.len(), 4);
    assert_eq!(d.set.transforms[1].outer, "010");
    assert_eq!(d.set.transforms[1].inner.as_deref(), Some("190"));
    assert!(dict(false).set.transforms.is_empty());
}

#[test]
fn a_reported_attack_by_another_actor_is_an_accusation() {
    let d = dict(true);
    assert_eq!(
        triples(&d, "Arnor said that Mordor attacked Gondor."),
        ["ARN 112 MOR"]
    );
    assert_eq!(
        triples(&d, "Arnor claimed Mordor attacked Gondor."),
        ["ARN 112 MOR"]
    );
}

#[test]
fn a_reported_attack_by_the_speaker_claims_responsibility() {
    let d = dict(true);
    assert_eq!(
        triples(&d, "Arnor said it attacked Gondor."),
        ["ARN 015 GON"]
    );
}

#[test]
fn the_speakers_own_act_is_coded_as_it_is() {
    let d = dict(true);
    assert_eq!(triples(&d, "Arnor said it met Gondor."), ["ARN 040 GON"]);
}

#[test]
fn a_reported_material_act_of_another_is_the_statement_between_the_two() {
    let d = dict(true);
    // Aid is a material act: PETRARCH2 folds it into the verb that reports it.
    assert_eq!(
        triples(&d, "Arnor said Mordor helped Gondor."),
        ["ARN 010 MOR"]
    );
    // A meeting is a verbal act: it stays nested and is not coded at all.
    assert!(triples(&d, "Arnor said Mordor met Gondor.").is_empty());
}

#[test]
fn a_clause_after_its_own_sentence_is_coded_plainly() {
    let d = dict(true);
    assert_eq!(
        triples(&d, "Mordor attacked Gondor, Arnor said."),
        ["MOR 190 GON"]
    );
}

#[test]
fn events_need_both_a_source_and_a_target() {
    let d = dict(true);
    assert!(triples(&d, "Arnor said on Monday.").is_empty());
    assert!(triples(&d, "Arnor attacked.").is_empty());
    assert!(triples(&d, "Arnor says it has proof that Mordor was there.").is_empty());
}

#[test]
fn without_transformations_a_reported_event_keeps_its_own_actors() {
    let d = dict(false);
    assert_eq!(
        triples(&d, "Arnor said that Mordor attacked Gondor."),
        ["MOR 190 GON"]
    );
}

#[test]
fn agents_combine_with_a_date_restricted_actor() {
    let d = dict(true);
    assert_eq!(
        triples(&d, "Gondorian protesters attacked Mordor."),
        ["GONOPP 190 MOR"]
    );
}

#[test]
fn a_word_heading_its_own_block_is_that_verb_not_an_irregular_form_of_another() {
    // PETRARCH-1 sets spell "met" and "left" as blocks of their own, with their own codes.
    let d = dict_with(
        "--- MEET [031:031] ---\nMEET\n\n--- MET [031:032] ---\nMET\n\n--- LEAVE [012] ---\nLEAVE\n\n--- LEFT [032:033] ---\nLEFT\n",
    );
    assert_eq!(
        triples(&d, "Arnor met Mordor."),
        ["ARN 031 MOR", "MOR 032 ARN"]
    );
    assert_eq!(
        triples(&d, "Arnor meets Mordor."),
        ["ARN 031 MOR", "MOR 031 ARN"]
    );
    assert_eq!(
        triples(&d, "Arnor left for Mordor."),
        ["ARN 032 MOR", "MOR 033 ARN"]
    );
    // A verb that only appears inside a longer phrase heads no block: "met" is still MEET's.
    let d = dict_with("--- MEET [031] ---\nMEET\n\n--- X [190] ---\n+MET_AND_FOUGHT {}\n");
    assert_eq!(triples(&d, "Arnor met Mordor."), ["ARN 031 MOR"]);
}

#[test]
fn modifiers_of_a_member_do_not_break_a_compound_subject() {
    let d = dict(true);
    assert_eq!(
        triples(&d, "Arnor and the evil awful Mordor attacked Gondor."),
        ["ARN 190 GON", "MOR 190 GON"]
    );
    assert_eq!(
        triples(&d, "Neither Arnor nor Mordor attacked Gondor."),
        ["ARN 190 GON", "MOR 190 GON"]
    );
    // A verb between the two is no modifier: "Arnor said" is its own clause.
    assert_eq!(
        triples(&dict(false), "Arnor said the evil Mordor attacked Gondor."),
        ["MOR 190 GON"]
    );
}

#[test]
fn a_verb_word_after_a_prefixed_name_is_a_noun_and_the_name_a_target() {
    let d = dict_with("--- ABANDON [345] ---\nABANDON\n\n--- PARADE [017] ---\nPARADE\n");
    assert_eq!(
        triples(&d, "Arnor abandoned an anti- Gondor parade on Saturday."),
        ["ARN 345 GON"]
    );
    // A name that is a subject still has its verb after it.
    assert_eq!(triples(&d, "Gondor parade Mordor."), ["GON 017 MOR"]);
}

#[test]
fn the_subject_stands_before_the_words_a_pattern_spells_out_before_its_verb() {
    let d = dict_with(
        "--- QUESTION [---] ---\nQUESTION\n- BEGUN * [212]\n\n--- BOYCOTT [191] ---\nBOYCOTT\n- NEITHER * [081]\n",
    );
    assert_eq!(
        triples(&d, "Arnor has begun to question Mordor."),
        ["ARN 212 MOR"]
    );
    // ... unless they open the subject itself.
    assert_eq!(
        triples(&d, "Neither Arnor nor Gondor boycotted Mordor."),
        ["ARN 081 MOR", "GON 081 MOR"]
    );
}

#[test]
fn a_compound_marker_before_the_verb_needs_a_compound_subject() {
    let d = dict_with("--- AGREE [081] ---\nAGREE\n- % * [030:030]\n");
    // "% AGREE generates a paired event coded on a compound" (PETRARCH's unit tests).
    assert_eq!(
        triples(&d, "Arnor and the evil Mordor agree that the war must end."),
        ["ARN 030 MOR", "MOR 030 ARN"]
    );
    assert_eq!(triples(&d, "Arnor agreed with Mordor."), ["ARN 081 MOR"]);
    // A capitalised name after "the" ends the subject: "agree" is its verb, not a plural noun.
    assert_eq!(
        triples(
            &d,
            "Arnor and the Minas Tirith agree that the war must end."
        ),
        ["ARN 030 MTR", "MTR 030 ARN"]
    );
}

#[test]
fn the_possessor_names_the_noun_phrase() {
    let d = dict(true);
    assert_eq!(
        triples(&d, "Arnor's Elrond attacked Mordor."),
        ["ARN 190 MOR"]
    );
    assert_eq!(
        triples(
            &d,
            "Arnor's awful and evil government Elrond attacked Mordor."
        ),
        ["ARNGOV 190 MOR"]
    );
    assert_eq!(triples(&d, "Elrond attacked Mordor."), ["ELF 190 MOR"]);
}

#[test]
fn an_underscore_joins_pattern_words_that_must_stand_side_by_side() {
    // No transformations: a PETRARCH-1 set, whose patterns match words, not parse trees.
    let d = dict_with(
        "&TIES\n+ECONOMIC\n+CULTURAL\n\n--- ABANDON [345] ---\nABANDON\n- * NEW_&TIES_RELATIONS [903]\n\n--- ALLOW [080] ---\nALLOW\n- RECENTLY_* [025]\n",
    );
    assert_eq!(
        triples(&d, "Arnor will abandon new economic relations with Mordor."),
        ["ARN 903 MOR"]
    );
    // A word between the joined ones: the pattern does not match, the verb codes alone.
    assert_eq!(
        triples(
            &d,
            "Arnor will abandon new global economic relations with Mordor."
        ),
        ["ARN 345 MOR"]
    );
    assert_eq!(
        triples(&d, "Arnor recently allowed Mordor in."),
        ["ARN 025 MOR"]
    );
    assert_eq!(
        triples(&d, "Arnor recently did allow Mordor in."),
        ["ARN 080 MOR"]
    );
}

#[test]
fn a_skip_before_a_slot_passes_over_the_first_actor() {
    let d = dict_with("--- CELEBRATE [181] ---\nCELEBRATE\n- * IFTAR IN ^ + [045]\n");
    assert_eq!(
        triples(&d, "Arnor celebrated Iftar in Mordor with Gondor."),
        ["ARN 045 GON"]
    );
    // The slot's noun phrase holds its actor after "of".
    assert_eq!(
        triples(
            &d,
            "Arnor celebrated Iftar in Mordor with the elders of Gondor."
        ),
        ["ARN 045 GON"]
    );
}

#[test]
fn a_space_in_a_petrarch1_pattern_lets_several_words_come_between() {
    let d = dict_with("--- VOW [170] ---\nVOW\n- * WAR [173]\n");
    assert_eq!(
        triples(&d, "Arnor vowed on Thursday to wage war on Mordor."),
        ["ARN 173 MOR"]
    );
}

#[test]
fn a_possessed_noun_with_no_actor_of_its_own_is_the_possessors_subject() {
    let d = dict_with("--- LEAVE [012] ---\nLEAVE\n\n--- LEFT [032:033] ---\nLEFT\n");
    // "left" heads a block of its own and is still a past tense: it needs no actor right before.
    assert_eq!(
        triples(&d, "Arnor's new ruler left for Mordor."),
        ["ARN 032 MOR", "MOR 033 ARN"]
    );
}

#[test]
fn a_raised_subject_is_the_infinitives_subject() {
    let d = dict(true);
    assert_eq!(
        triples(&d, "Arnor was seen to attack Mordor."),
        ["ARN 190 MOR"]
    );
}

#[test]
fn petrarch2_takes_the_target_from_the_whole_verb_phrase() {
    let d = dict_with(&format!(
        "{VERBS}\n--- ATTEND [042] ---\nATTEND\n- * SUMMIT IN ON [043]\n"
    ));
    assert_eq!(
        triples(&d, "Arnor attended a summit in Gondor on the war."),
        ["ARN 043 GON"]
    );
}

#[test]
fn an_agent_before_another_noun_keeps_its_code() {
    // dyad reads "government" in "government issue" as an adjective; PETRARCH matches the
    // agent phrase as it stands.
    let d = dict(true);
    assert_eq!(
        triples(&d, "The Arnor government issue attacked Mordor."),
        ["ARNGOV 190 MOR"]
    );
}

#[test]
fn agents_joined_before_a_located_list_are_each_countrys() {
    let d = dict(true);
    assert_eq!(
        triples(
            &d,
            "Protesters and government in Arnor and Mordor attacked Gondor."
        ),
        [
            "ARNGOV 190 GON",
            "ARNOPP 190 GON",
            "MORGOV 190 GON",
            "MOROPP 190 GON"
        ]
    );
}

#[test]
fn petrarch1_pattern_words_may_lie_past_an_actor_and_the_target_is_the_first_actor() {
    let d = dict_with("--- ALLOW [080] ---\nALLOW\n- * REALLY_PLEASANT [024]\n");
    assert_eq!(
        triples(
            &d,
            "Arnor allowed that Mordor isn't a really pleasant place."
        ),
        ["ARN 024 MOR"]
    );
    assert_eq!(
        triples(&d, "Arnor allowed that Mordor isn't a pleasant place."),
        ["ARN 080 MOR"]
    );
}

#[test]
fn an_agent_naming_its_country_after_it_is_that_countrys_alone() {
    let d = dict(true);
    // "Arnor and Mordor protesters" share the agent; "the government of Mordor" does not.
    assert_eq!(
        triples(&d, "Arnor and Mordor protesters attacked Gondor."),
        ["ARNOPP 190 GON", "MOROPP 190 GON"]
    );
    assert_eq!(
        triples(&d, "Arnor and the government of Mordor attacked Gondor."),
        ["ARN 190 GON", "MORGOV 190 GON"]
    );
}

#[test]
fn a_slot_before_the_verb_may_open_with_that() {
    let d = dict_with("--- REGRET [---] ---\nREGRET\n- NOTED + * [115]\n");
    assert_eq!(
        triples(
            &d,
            "Arnor noted that Mordor regretted the refusal of Gondor."
        ),
        ["ARN 115 MOR"]
    );
}

#[test]
fn a_modal_is_never_a_verb() {
    let d = dict_with(
        "--- SHOULD [101] ---\nSHOULD\n\n--- ACT [---] ---\nACT\n- INDICATED SHOULD * [1011]\n",
    );
    assert_eq!(
        triples(&d, "Arnor indicated it should have acted against Mordor."),
        ["ARN 1011 MOR"]
    );
}

#[test]
fn a_place_is_an_actor_in_a_source_slot() {
    let d = dict_with("--- CELEBRATE [181] ---\nCELEBRATE\n- + HOSTING * TABASKI ^ $ [042]\n");
    // `^` passes over Gondor; the place after it is the source, as PETRARCH knows no places.
    assert_eq!(
        triples(
            &d,
            "Mordor will be hosting Arnor to celebrate Tabaski with Gondor at Minas Tirith."
        ),
        ["MTR 042 MOR"]
    );
}

#[test]
fn the_actors_inside_a_sentence_opening_noun_phrase_are_its_subject() {
    let d = dict_with("--- SPUR [---] ---\nSPUR\n- * RECONCILIATION [081]\n");
    assert_eq!(
        triples(
            &d,
            "Resumption of ties between Arnor and Mordor may spur reconciliation with Gondor."
        ),
        ["ARN 081 GON", "MOR 081 GON"]
    );
}

#[test]
fn a_time_phrase_between_subject_and_verb_is_passed_over() {
    let d = dict(true);
    assert_eq!(
        triples(&d, "Arnor in recent days did attack Mordor."),
        ["ARN 190 MOR"]
    );
}

#[test]
fn a_synset_matches_at_the_first_word_of_its_phrases_only() {
    // (The coder rejects a token that starts no synset phrase before looking at the synset.)
    let d = dict_with(
        "&AID\n+HUMANITARIAN_SUPPLIES\n+FOOD\n\n--- SEND [070] ---\nSEND {SENDS SENT SENDING}\n- * &AID [073]\n",
    );
    assert_eq!(
        triples(&d, "Arnor sent humanitarian supplies to Mordor."),
        ["ARN 073 MOR"]
    );
    assert_eq!(triples(&d, "Arnor sent food to Mordor."), ["ARN 073 MOR"]);
    // "supplies" alone is the second word of a phrase, not one of the set.
    assert_eq!(
        triples(&d, "Arnor sent supplies to Mordor."),
        ["ARN 070 MOR"]
    );
    assert_eq!(
        triples(&d, "Arnor sent humanitarian workers to Mordor."),
        ["ARN 070 MOR"]
    );
}

#[test]
fn a_target_is_never_taken_from_a_subordinate_clause() {
    // PETRARCH2 reads a verb's target from its own noun and prepositional phrases, never from an
    // SBAR it holds: "after Mordor crowds burned ..." is such a clause.
    let d = dict_with(
        "--- RESTORE [064] ---\nRESTORE\n- * TIES [064]\n\n--- BURN [222] ---\nBURN {BURNS BURNED BURNING}\n",
    );
    assert!(triples(
        &d,
        "Arnor will restore ties with Gxndor, several years after Mordor crowds burned its embassy."
    )
    .is_empty());
    // A known actor before the clause is still the target; "after" with no clause is a
    // preposition.
    assert_eq!(
        triples(
            &d,
            "Arnor will restore ties with Gondor, several years after Mordor crowds burned its embassy."
        ),
        ["ARN 064 GON"]
    );
    assert_eq!(
        triples(&d, "Arnor will restore ties after talks with Mordor."),
        ["ARN 064 MOR"]
    );
}

#[test]
fn an_infinitive_whose_verb_codes_nothing_passes_no_target_up() {
    // "proposed to take up the issue with Mordor": PETRARCH2 combines a verb with the events of
    // its clause, and a clause whose verb has no code has none.
    let d = dict_with("--- PROPOSE [100] ---\nPROPOSE\n\n--- SAID [023] ---\nSAID\n");
    assert!(triples(&d, "Arnor proposed to take up the issue with Mordor.").is_empty());
    assert_eq!(
        triples(&d, "Arnor proposed talks with Mordor."),
        ["ARN 100 MOR"]
    );
    // The actor before "proposed to take up" is that verb's subject, not the target of "said".
    assert!(triples(
        &d,
        "Mordor said the government proposed to take up the issue."
    )
    .is_empty());
}

#[test]
fn a_pattern_whose_code_is_no_event_code_is_passed_over() {
    // TABARI's validation dictionaries test the reader with codes such as [+++]: PETRARCH cannot
    // code them, so the verb's other patterns apply.
    let d = dict_with("--- RESTORE [064] ---\nRESTORE\n- * FXLL TIES [+++]\n- * TIES [065]\n");
    assert_eq!(
        triples(&d, "Arnor will restore fxll ties with Mordor."),
        ["ARN 065 MOR"]
    );
    let d = dict_with("--- BLAST [+++] ---\nBLAST\n- * TIES [065]\n");
    assert!(triples(&d, "Arnor will blast Mordor.").is_empty());
    assert_eq!(
        triples(&d, "Arnor will blast ties with Mordor."),
        ["ARN 065 MOR"]
    );
}

#[test]
fn compound_members_may_be_a_possessors_phrase_and_a_noun_with_an_of_phrase() {
    // PETRARCH2 reads "Arnor's sheep and goats of Mordor" as two coordinated noun phrases, each
    // naming its actor.
    let d = dict(true);
    assert_eq!(
        triples(&d, "Arnor's sheep and goats of Mordor attacked Gondor."),
        ["ARN 190 GON", "MOR 190 GON"]
    );
    // Without the "and" there is one noun phrase, the one nearest the verb.
    assert_eq!(
        triples(&d, "Arnor's sheep with goats of Mordor attacked Gondor."),
        ["MOR 190 GON"]
    );
}

#[test]
fn an_agents_of_phrase_names_its_country_past_determiners_and_place_words() {
    // PETRARCH2 combines an agent with any actor of its "of" phrase: "the government of the
    // northern Mordor region" is Mordor's government, not the source's.
    let d = dict(true);
    assert_eq!(
        triples(
            &d,
            "Arnor attacked the government of the northern Mordor region."
        ),
        ["ARN 190 MORGOV"]
    );
    assert_eq!(
        triples(&d, "Arnor attacked the government of Mordor."),
        ["ARN 190 MORGOV"]
    );
}
