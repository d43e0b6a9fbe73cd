//! Counts over a dictionary set: what a curator looks at first (`dyad dict stats`).

use crate::model::DictionarySet;
use std::collections::{BTreeMap, BTreeSet};

/// Entries per kind and verb patterns per CAMEO event code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub files: usize,
    pub actors: usize,
    pub persons: usize,
    pub agents: usize,
    /// Phrases of actors, persons and agents together.
    pub phrases: usize,
    pub actor_phrases: usize,
    pub person_phrases: usize,
    pub agent_phrases: usize,
    /// Dated roles of persons.
    pub roles: usize,
    pub verb_patterns: usize,
    /// Distinct verb lemmas that patterns hang from.
    pub lemmas: usize,
    /// Lemmas with irregular forms.
    pub irregular_verbs: usize,
    pub discards: usize,
    pub issues: usize,
    /// Patterns per event code, in code order.
    pub per_code: BTreeMap<String, usize>,
    /// Patterns per CAMEO root (the code's first two characters).
    pub per_root: BTreeMap<String, usize>,
}

/// The CAMEO root of an event code: its first two characters ("0331" → "03").
pub fn root_of(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

impl Stats {
    pub fn of(set: &DictionarySet) -> Stats {
        let mut s = Stats {
            files: set.files.len(),
            actors: set.actors.len(),
            persons: set.persons.len(),
            agents: set.agents.len(),
            actor_phrases: set.actors.iter().map(|a| a.phrases.len()).sum(),
            person_phrases: set.persons.iter().map(|p| p.phrases.len()).sum(),
            agent_phrases: set.agents.iter().map(|a| a.phrases.len()).sum(),
            roles: set.persons.iter().map(|p| p.roles.len()).sum(),
            verb_patterns: set.verbs.len(),
            irregular_verbs: set
                .irregular
                .iter()
                .map(|(l, _)| l.as_str())
                .collect::<BTreeSet<_>>()
                .len(),
            discards: set.discards.len(),
            issues: set.issues.len(),
            ..Stats::default()
        };
        s.phrases = s.actor_phrases + s.person_phrases + s.agent_phrases;
        let mut lemmas = BTreeSet::new();
        for v in &set.verbs {
            lemmas.insert(v.lemma.as_str());
            *s.per_code.entry(v.code.clone()).or_default() += 1;
            *s.per_root.entry(root_of(&v.code).to_string()).or_default() += 1;
        }
        s.lemmas = lemmas.len();
        s
    }

    /// Entries per kind, in the order they are shown (name, count).
    pub fn kinds(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("files", self.files),
            ("actors", self.actors),
            ("persons", self.persons),
            ("roles", self.roles),
            ("agents", self.agents),
            ("phrases", self.phrases),
            ("actor phrases", self.actor_phrases),
            ("person phrases", self.person_phrases),
            ("agent phrases", self.agent_phrases),
            ("verb patterns", self.verb_patterns),
            ("lemmas", self.lemmas),
            ("irregular verbs", self.irregular_verbs),
            ("discards", self.discards),
            ("issues", self.issues),
        ]
    }
}
