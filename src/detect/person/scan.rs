//! The scan: capitalised words read into runs, each run split into people's names by
//! what the lexicon says of each word and the cue around it, and scored.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A capitalised word.
    Word,
    /// A particle (`van`, `de`, or a capitalised `De` opening a surname).
    Particle,
    /// A middle initial (`F.`).
    Initial,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) bits: u32,
    pub(super) kind: Kind,
}

pub(super) const NO_TOKEN: Token = Token {
    start: 0,
    end: 0,
    bits: 0,
    kind: Kind::Word,
};

/// How a capitalised word reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// A listed name; `strong` unless it is also an ordinary word or a place.
    Name { strong: bool },
    /// In no list: may be a rare name.
    Unknown,
    /// An ordinary word, a place: ends a name.
    Common,
    /// Never in a name: function words, titles, greetings, labels, brands.
    Hard,
    /// An organisation word: the run is a company.
    Org,
}

pub(super) fn class(bits: u32) -> Class {
    if bits & LIKELY != 0 {
        Class::Name { strong: false }
    } else if bits & ORG != 0 {
        Class::Org
    } else if bits & (HARD | TITLE | GREET | GREET_HEAD | GREET_TAIL | LABEL | NEG_BEFORE) != 0 {
        Class::Hard
    } else if bits & NAME != 0 {
        Class::Name {
            strong: bits & AMBIGUOUS == 0,
        }
    } else if bits & (COMMON | PLACE | SOFT) != 0 || bits != 0 {
        Class::Common
    } else {
        Class::Unknown
    }
}

/// 2 for a clear name, 1 for a name that is also an ordinary word, 0 otherwise.
pub(super) fn strength(bits: u32) -> u8 {
    match class(bits) {
        Class::Name { strong: true } => 2,
        Class::Name { strong: false } => 1,
        _ => 0,
    }
}

/// A name read with too little evidence, kept in case the prompt names it surely elsewhere.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pending {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) words: [(usize, usize); 3],
    pub(super) count: usize,
}

#[derive(Debug)]
pub(super) struct Scan<'t> {
    pub(super) text: &'t str,
    pub(super) lex: &'static Lexicon,
    pub(super) around: Around<'t>,
    /// The words of names accepted with confidence ≥ [`SURE`].
    pub(super) sure_words: Vec<(usize, usize)>,
    pub(super) pending: Vec<Pending>,
    /// End and cue of the last accepted name, for lists (`Anna, Tom and Lisa`).
    pub(super) last: Option<(usize, Cue)>,
}

impl Scan<'_> {
    /// Reads the run of capitalised words starting at `start`, scores its parts, and
    /// returns where scanning goes on.
    pub(super) fn run(&mut self, start: usize, out: &mut Vec<Finding>) -> usize {
        let (end, shape) = read_word(self.text, start);
        let Some((bits, shape)) = self.opening_word(start, end, shape) else {
            return end;
        };
        let mut tokens = [NO_TOKEN; MAX_RUN];
        let (n, resume) = self.read_run((start, end), shape, bits, &mut tokens);
        self.split(&mut tokens[..n], out);
        resume
    }

    /// The lexicon bits and shape of the word that opens a run; `None` when no name can
    /// start there.
    fn opening_word(&self, start: usize, end: usize, mut shape: Shape) -> Option<(u32, Shape)> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Not a name, or a field label ("Patient:", "Date:"): nothing to look up. A month
        // in a log's time stamp ("Sep  4 03:56:27", "Jan 12 10:00") neither.
        if shape == Shape::NotName || bytes.get(end) == Some(&b':') || timestamp_after(bytes, end) {
            return None;
        }
        let mut bits = 0;
        if shape == Shape::Caps {
            bits = self.caps_bits(start, end);
            if bits == 0 {
                return None;
            }
            shape = Shape::Name;
        } else if shape == Shape::Name {
            bits = self.word_bits(start, end);
            // Most capitalised words open a sentence and stand alone ("The", "Bitte",
            // "Die"): an ordinary word not followed by another capitalised word is done.
            let continues = bytes.get(end) == Some(&b' ')
                && (capital_at(text, end + 1) || self.particle_at(end + 1).is_some());
            // After a title an ordinary word is a surname: "Herr Önder", "Mrs Baker".
            let titled = !continues
                && class(bits) == Class::Common
                && bits & (TITLE | LABEL | GREET | GREET_TAIL | EPONYM) == 0
                && self.around.titled(start);
            if titled {
                bits = LAST | SOFT;
            } else if !continues && matches!(class(bits), Class::Hard | Class::Common | Class::Org)
            {
                // A first name that is also a function word alone under a sign-off:
                // "Beste Grüße⏎Pero" (Spanish "pero").
                let signed = bits & FIRST != 0
                    && class(bits) == Class::Hard
                    && bits & (TITLE | GREET | GREET_TAIL | LABEL | NEG_BEFORE) == 0
                    && self.around.signed(start, end);
                if !signed {
                    return None;
                }
                bits = FIRST | SOFT;
            }
        }
        Some((bits, shape))
    }

    /// Reads the run of capitalised words (with particles between them) that the word at
    /// `start..end` opens into `tokens`; how many, and where the scan resumes.
    fn read_run(
        &self,
        (start, mut end): (usize, usize),
        mut shape: Shape,
        mut bits: u32,
        tokens: &mut [Token; MAX_RUN],
    ) -> (usize, usize) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut n = 0;
        let mut pos = start;
        loop {
            tokens[n] = Token {
                start: pos,
                end,
                bits,
                kind: if shape == Shape::Initial {
                    Kind::Initial
                } else {
                    Kind::Word
                },
            };
            n += 1;
            if n == MAX_RUN || bytes.get(end) != Some(&b' ') {
                return (n, end);
            }
            let mut next = end + 1;
            let before_particles = n;
            while n < MAX_RUN {
                let Some(particle_end) = self.particle_at(next) else {
                    break;
                };
                tokens[n] = Token {
                    start: next,
                    end: particle_end,
                    bits: PARTICLE,
                    kind: Kind::Particle,
                };
                n += 1;
                next = particle_end + 1;
            }
            if n == MAX_RUN || !capital_at(text, next) {
                return (before_particles, end);
            }
            let (next_end, mut next_shape) = read_word(text, next);
            let mut next_bits = 0;
            if next_shape == Shape::Caps {
                next_bits = self.caps_bits(next, next_end);
                if next_bits != 0 {
                    next_shape = Shape::Name;
                }
            } else if next_shape == Shape::Name {
                next_bits = self.word_bits(next, next_end);
            }
            if matches!(next_shape, Shape::NotName | Shape::Caps) {
                return (before_particles, end);
            }
            pos = next;
            end = next_end;
            shape = next_shape;
            bits = next_bits;
        }
    }

    /// The lexicon bits of a word; a hyphenated word unknown as a whole takes its parts'
    /// ("Müller-Lüdenscheidt" is a surname, "Support-Ticket" an ordinary word).
    pub(super) fn word_bits(&self, start: usize, end: usize) -> u32 {
        let word = &self.text[start..end];
        let bits = self.lex.lookup_in(self.text, start, end);
        if bits != 0 {
            return bits;
        }
        if !word.contains('-') {
            return likely(word);
        }
        // "Karl-Marx-Allee", "Jean-Jaurès-Straße": a street named after a person.
        let last = word.rsplit('-').next().unwrap_or_default().to_lowercase();
        if STREET_WORDS.contains(&last.as_str()) {
            return COMMON;
        }
        // "Seong-heon", "Ji-u": a romanised given name, one capital, syllables after it.
        let lower_tail = word
            .split('-')
            .skip(1)
            .all(|p| p.chars().all(char::is_lowercase) && p.chars().count() <= 6);
        if lower_tail {
            if korean_given_name(word) {
                return FIRST;
            }
            return likely(word);
        }
        let mut names = 0;
        for part in word.split('-') {
            let part_bits = self.lex.lookup(part);
            match class(part_bits) {
                Class::Org => return ORG,
                Class::Hard | Class::Common => return COMMON,
                Class::Name { .. } => names |= part_bits & (NAME | AMBIGUOUS | LIKELY),
                Class::Unknown => names |= likely(part),
            }
        }
        names
    }

    /// The bits of a word in capitals (`MARIA`, `GARCÍA`): a listed name's, or those of
    /// a word that looks like a name; 0 for acronyms and ordinary words.
    pub(super) fn caps_bits(&self, start: usize, end: usize) -> u32 {
        let bits = self.word_bits(start, end);
        let named = matches!(class(bits), Class::Name { .. });
        let letters = self.text[start..end].chars().count();
        if named && (letters >= 3 || bits & AMBIGUOUS == 0 && bits & LIKELY == 0) {
            bits
        } else {
            0
        }
    }

    /// A lower-case particle followed by a space at `at`: its end.
    pub(super) fn particle_at(&self, at: usize) -> Option<usize> {
        let rest = self.text.as_bytes().get(at..)?;
        let len = rest
            .iter()
            .take(6)
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if len == 0 || len > 5 || rest.get(len) != Some(&b' ') {
            return None;
        }
        PARTICLES.contains(&&rest[..len]).then_some(at + len)
    }

    /// Splits a run at the words that cannot be part of a name and scores each part.
    pub(super) fn split(&mut self, tokens: &mut [Token], out: &mut Vec<Finding>) {
        let n = tokens.len();
        // "Storm Ciarán", "Sankt Martin", "Saint Patrick": what follows is named after
        // someone.
        if n >= 2 && tokens[0].kind == Kind::Word && tokens[0].bits & EPONYM != 0 {
            return;
        }
        mark_capital_particles(tokens);
        self.close_with_surname(tokens);
        self.open_with_given_name(tokens);
        let mut i = 0;
        while i < n {
            let mut j = i;
            while j < n && !self.breaks(tokens, j) {
                j += 1;
            }
            if j > i {
                self.part(&tokens[i..j], i == 0 && j == n, out);
            }
            i = j + 1;
        }
    }

    /// A surname that is also an ordinary word, a title, a label or an organisation word
    /// ends a run after a listed first name, at the end of a field or before an address:
    /// "Toni Good <t@x.de>", "Antje Steuer (age 48)", "Leon Lord,", "Sophie Law⏎".
    fn close_with_surname(&self, tokens: &mut [Token]) {
        let n = tokens.len();
        if n < 2 {
            return;
        }
        let (prev, last) = (tokens[n - 2], tokens[n - 1]);
        let after = self.text[last.end..].trim_start_matches(' ');
        let closes =
            after.is_empty() || after.starts_with(['\n', '\r', '<', '(', '\'', '"', ',', '|', ';']);
        // An ordinary word no surname list has ("Jörg Sänger") closes a name only after a
        // field label or a title.
        let surname = last.bits & LAST != 0
            || n == 2
                && class(last.bits) == Class::Common
                && self.around.labelled_or_titled(prev.start);
        if closes
            && prev.kind == Kind::Word
            && prev.bits & FIRST != 0
            && strength(prev.bits) >= 1
            && last.kind == Kind::Word
            && matches!(class(last.bits), Class::Hard | Class::Common | Class::Org)
            && surname
            && last.bits & (GREET | GREET_TAIL | NEG_BEFORE) == 0
        {
            tokens[n - 1].bits = LAST | SOFT;
        }
    }

    /// After a field label or a title, a first name that is also a function word in
    /// another language opens the name: "Emergency contact: Pero Beier" (Spanish "pero"),
    /// "Dr. Theres Ehlert". A given name no list has that is also a rare ordinary word
    /// ("Dr. Sipho Ndlovu", "Dr Amadou Diallo": French lemmas) counts the same way before a
    /// listed surname.
    fn open_with_given_name(&self, tokens: &mut [Token]) {
        let n = tokens.len();
        let given_after_title = |t: &Token| {
            t.bits & FIRST != 0 && matches!(class(t.bits), Class::Hard | Class::Common)
                || t.bits & NAME == 0 && class(t.bits) == Class::Common
        };
        // The title may open the run itself ("Dr Amadou Diallo" has no period to end it).
        let opens = if n >= 3 && tokens[0].kind == Kind::Word && tokens[0].bits & TITLE != 0 {
            1
        } else {
            0
        };
        if n >= opens + 2
            && tokens[opens].kind == Kind::Word
            && given_after_title(&tokens[opens])
            && tokens[opens].bits & (TITLE | GREET | GREET_TAIL | LABEL | NEG_BEFORE | EPONYM) == 0
            && tokens[opens + 1].kind == Kind::Word
            && matches!(
                class(tokens[opens + 1].bits),
                Class::Name { .. } | Class::Unknown
            )
            && (tokens[opens].bits & FIRST != 0 || tokens[n - 1].bits & (LAST | LIKELY) != 0)
            && self.around.labelled_or_titled(tokens[opens].start)
        {
            tokens[opens].bits = FIRST | SOFT;
        }
    }

    /// Whether token `k` splits the run: an ordinary word, or a lower-case particle that
    /// joins the parts of a name only after a listed name ("Ludwig van Beethoven", but
    /// "Rückruf von Ignatz", "Anruf von Frau Weber").
    fn breaks(&self, tokens: &[Token], k: usize) -> bool {
        let t = &tokens[k];
        match t.kind {
            Kind::Word => matches!(class(t.bits), Class::Hard | Class::Common),
            // "Van der Linden", "De la Cruz": a capitalised particle opens the surname the
            // lower-case one continues.
            Kind::Particle
                if k > 0
                    && tokens[k - 1].kind == Kind::Particle
                    && self.text[tokens[k - 1].start..].starts_with(char::is_uppercase) =>
            {
                false
            }
            Kind::Particle if !self.text[t.start..].starts_with(char::is_uppercase) => {
                let before = tokens[..k].iter().rev().find(|p| p.kind == Kind::Word);
                !before.is_some_and(|p| matches!(class(p.bits), Class::Name { .. }))
            }
            _ => false,
        }
    }

    /// Scores one part of a run (no hard or ordinary words inside) and reports it; `alone`
    /// when the part is the whole run (no capitalised word right before or after it).
    pub(super) fn part(&mut self, tokens: &[Token], alone: bool, out: &mut Vec<Finding>) {
        let Some((initials_start, tokens)) = self.trim_part(tokens) else {
            return;
        };
        let mut start = tokens[0].start;
        let end = tokens[tokens.len() - 1].end;
        // Capitals alone make a name only with other capitals or after a label or a
        // title: `MARIA GARCIA`, `Paciente: YIN`, not `AUD 220`.
        let words = tokens.iter().filter(|t| t.kind == Kind::Word).count();
        let lone_capitals = words == 1 && !self.text[start..end].chars().any(char::is_lowercase);
        // "Mr. van der Berg": particles after a title belong to the name.
        let particles = if tokens[0].kind == Kind::Word {
            self.around.titled_particles(start)
        } else {
            None
        };
        if let Some(at) = particles {
            start = at;
        }
        let mut names = [NO_TOKEN; MAX_NAME_WORDS];
        let Some(count) = name_words(tokens, &mut names) else {
            return;
        };
        let names = &names[..count];
        // "Ferrero France", "Siemens Schweiz": a company in one market, not a person.
        if count >= 2 && MARKETS.contains(&&self.text[names[count - 1].start..names[count - 1].end])
        {
            return;
        }
        if let Some(at) = initials_start {
            if self.initialled(at, names, (start, end), out) {
                return;
            }
        }
        let sure = score(names, Cue::None);
        let cue = if particles.is_some() {
            Cue::Strong
        } else {
            let Some(cue) = self.cue(names, sure, alone, (start, end)) else {
                return;
            };
            cue
        };
        let cue = self.list_cue(cue, names, start);
        let confidence = score(names, cue);
        let may_repeat = names.len() <= 3
            && names.iter().all(|t| {
                (matches!(strength(t.bits), 0 | 2) || t.bits & LIKELY != 0)
                    && class(t.bits) != Class::Common
            });
        if confidence < 0.5 && !may_repeat {
            return;
        }
        // What the words around make of a name-shaped run (checked only for runs that
        // would count, as they cost more than the scoring):
        // "Luna Elektro SE", "Lindholm & Ali GmbH": a company; `AUD 220`: capitals alone;
        // "Ralph Lauren", "Jack Daniel's": a brand named after a person, unless a title or
        // a label makes it the person ("Mme Leclerc"); "Dr. Oetker" is one with its title.
        if org_suffix_after(self.text, self.lex, end)
            || cue != Cue::Strong
                && (lone_capitals
                    || named_after(self.text, names, end, sure >= SURE)
                    || self.text[..start].ends_with(" v ")
                    || self.text[..start].ends_with(" vs "))
        {
            return;
        }
        // Brands and places only for what would be reported now: a pending run becomes a
        // name only when a sure mention repeats it.
        if confidence >= 0.5
            && (cue != Cue::Strong && (self.place(names, start) || is_brand(self.text, start, end))
                || self.text[..start].ends_with("Dr. ") && is_brand(self.text, start - 4, end))
        {
            return;
        }
        self.report(names, (start, end), cue, confidence, out);
    }

    /// The part without the particles and initials that neither open nor close a name (a
    /// capitalised particle may open one), and where initials right before it start.
    fn trim_part<'p>(&self, tokens: &'p [Token]) -> Option<(Option<usize>, &'p [Token])> {
        let first = tokens.iter().position(|t| {
            t.kind == Kind::Word
                || t.kind == Kind::Particle
                    && char_at(self.text, t.start).is_some_and(char::is_uppercase)
        })?;
        let last = tokens.iter().rposition(|t| t.kind == Kind::Word)?;
        if first > last {
            return None;
        }
        // "A. Schulze", "J. R. Okafor": initials right before a name belong to it, and
        // a surname after an initial is a name even where it stands alone.
        let initials_start = tokens[..first]
            .iter()
            .rev()
            .take_while(|t| t.kind == Kind::Initial)
            .last()
            .map(|t| t.start);
        Some((initials_start, &tokens[first..=last]))
    }

    /// "A. Schulze": a surname after initials starting at `at`, reported with them; false
    /// when `at` is no initial (`M.` is a French title, `St.` a saint) or the surname is
    /// not one.
    fn initialled(
        &mut self,
        at: usize,
        names: &[Token],
        (start, end): (usize, usize),
        out: &mut Vec<Finding>,
    ) -> bool {
        // The initial may be any capital, `É` as well as `M`: one whole char.
        let len = self.text[at..].chars().next().map_or(0, char::len_utf8);
        // `St. Patrick`: an abbreviated saint, not an initial.
        let word_len = self.text[at..].find('.').unwrap_or(len);
        if self.lex.lookup(&self.text[at..at + len]) & TITLE != 0
            || self.lex.lookup(&self.text[at..at + word_len]) & (NEG_BEFORE | EPONYM) != 0
        {
            return false;
        }
        let surname = names[names.len() - 1].bits;
        let confidence = match class(surname) {
            Class::Name { .. } if surname & LAST != 0 => 0.8,
            Class::Name { .. } => 0.6,
            Class::Unknown if surname & LIKELY != 0 => 0.6,
            _ => 0.0,
        };
        if confidence == 0.0
            || self.around.street_before(at)
            || org_suffix_after(self.text, self.lex, end)
            || is_brand(self.text, start, end)
        {
            return false;
        }
        out.push(Finding {
            kind: EntityType::Person,
            start: at,
            end,
            confidence,
        });
        self.last = Some((end, Cue::Weak));
        true
    }

    /// The cue around a part (without particles after a title); `None` when the words
    /// around rule a name out.
    fn cue(
        &self,
        names: &[Token],
        sure: f32,
        alone: bool,
        (start, end): (usize, usize),
    ) -> Option<Cue> {
        // A listed first name and surname need no cue; skipping the look-around for them
        // only lowers their confidence from 0.9 to 0.85 after a title or label.
        if sure >= SURE {
            return (!self.around.street_before(start)).then_some(Cue::Weak);
        }
        let listed = names.iter().any(|t| strength(t.bits) > 0);
        let before = self.around.before(start, end)?;
        let mut cue = before.max(self.around.after(end, listed));
        // Capitalised in the middle of a sentence: a lone listed first name, or a run of
        // two or more name-like words ("… backup Hetal Patel").
        if cue == Cue::None
            && (alone && names.len() == 1 || names.len() >= 2)
            && self.around.mid_sentence(start)
        {
            cue = Cue::Weak;
        }
        Some(cue)
    }

    /// A list keeps its cue for clear names, and for words no list has that look like
    /// names ("Attendees: Henrik, Tendai"), not for places or ordinary words: "Dr. Anna
    /// Roth, Berlin".
    fn list_cue(&self, cue: Cue, names: &[Token], start: usize) -> Cue {
        let Some((prev_end, prev_cue)) = self.last else {
            return cue;
        };
        if cue >= Cue::Strong || !list_continues(self.text, self.lex, prev_end, start) {
            return cue;
        }
        let listed = if names
            .iter()
            .any(|t| strength(t.bits) == 2 || t.bits & LIKELY != 0)
        {
            prev_cue.max(Cue::Weak)
        } else {
            Cue::Weak
        };
        cue.max(listed)
    }

    /// Reports a part that scores, or keeps it pending until a sure mention repeats it.
    fn report(
        &mut self,
        names: &[Token],
        (start, end): (usize, usize),
        cue: Cue,
        confidence: f32,
        out: &mut Vec<Finding>,
    ) {
        if confidence >= 0.5 {
            out.push(Finding {
                kind: EntityType::Person,
                start,
                end,
                confidence,
            });
            self.last = Some((end, cue));
            if confidence >= SURE {
                self.sure_words
                    .extend(names.iter().map(|t| (t.start, t.end)));
            }
            return;
        }
        let mut words = [(0, 0); 3];
        for (slot, t) in words.iter_mut().zip(names) {
            *slot = (t.start, t.end);
        }
        self.pending.push(Pending {
            start,
            end,
            words,
            count: names.len(),
        });
    }

    /// Whether the part is a place: "San Sebastián", "Saint-Malo", "New Haven", or a
    /// city that is also a name after a word that points at a place ("lands Florence",
    /// "visit Santiago", "bloquée à Salvador", "in Kingston").
    pub(super) fn place(&self, names: &[Token], start: usize) -> bool {
        let text = self.text;
        let first = &text[names[0].start..names[0].end];
        if names.len() >= 2 && PLACE_HEADS.iter().any(|h| first.eq_ignore_ascii_case(h)) {
            return true;
        }
        if names.len() != 1 {
            return false;
        }
        let word = first.to_lowercase();
        if !lexicon::NAME_PLACES.contains(&word) {
            return false;
        }
        let before = text[..start].trim_end_matches(' ');
        let prev: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        PLACE_BEFORE.contains(&prev.to_lowercase().as_str())
    }

    /// Reports the pending names whose every word belongs to a surely named person.
    pub(super) fn resolve_pending(&self, out: &mut Vec<Finding>) {
        if self.sure_words.is_empty() || self.pending.is_empty() {
            return;
        }
        let bytes = self.text.as_bytes();
        // Words compared by length and first eight bytes, then in full.
        let key = |&(s, e): &(usize, usize)| {
            let mut head = [0u8; 8];
            let n = (e - s).min(8);
            head[..n].copy_from_slice(&bytes[s..s + n]);
            (e - s, u64::from_le_bytes(head))
        };
        let mut sure: Vec<((usize, u64), (usize, usize))> =
            self.sure_words.iter().map(|w| (key(w), *w)).collect();
        sure.sort_unstable_by_key(|(k, _)| *k);
        let known = |w: &(usize, usize)| {
            let k = key(w);
            let from = sure.partition_point(|(sk, _)| *sk < k);
            sure[from..]
                .iter()
                .take_while(|(sk, _)| *sk == k)
                .any(|(_, (s, e))| bytes[*s..*e] == bytes[w.0..w.1])
        };
        for p in &self.pending {
            if p.words[..p.count].iter().all(known) {
                out.push(Finding {
                    kind: EntityType::Person,
                    start: p.start,
                    end: p.end,
                    confidence: REPEAT_CONFIDENCE,
                });
            }
        }
    }
}

/// The confidence that `names` (the capitalised words of one part, in order) are a
/// person's name, given the cue around them.
pub(super) fn score(names: &[Token], cue: Cue) -> f32 {
    let n = names.len();
    let best = names.iter().map(|t| strength(t.bits)).max().unwrap_or(0);
    let base = if n >= 2 {
        let (first, last) = (names[0].bits, names[n - 1].bits);
        let f = if first & FIRST != 0 {
            strength(first)
        } else {
            0
        };
        let l = if last & LAST != 0 {
            strength(last)
        } else {
            strength(last).min(1)
        };
        let base: f32 = match (f, l) {
            (2, 2) => 0.85,
            (2, 1) | (1, 2) => 0.7,
            (2, 0) => 0.6,
            (1, 1) | (0, 2) => 0.45,
            (1, 0) => 0.35,
            (0, 1) => 0.3,
            _ => 0.2,
        };
        // Family name first, as Chinese, Vietnamese, Korean, Japanese and Hungarian names
        // are written ("Zhang Wei", "Nguyen Van Anh"): a listed surname then a listed given
        // name, slightly less sure than the other order.
        let role = |bits: u32, wanted: u32| {
            if bits & wanted != 0 {
                strength(bits)
            } else {
                0
            }
        };
        let family_first: f32 = match (role(first, LAST), role(last, FIRST)) {
            (2, 2) => 0.8,
            (2, 1) | (1, 2) => 0.6,
            _ => 0.0,
        };
        let base = base.max(family_first);
        if n == MAX_NAME_WORDS {
            base - 0.1
        } else {
            base
        }
    } else {
        0.0
    };
    match cue {
        Cue::Strong => base.max(match best {
            2 => 0.9,
            1 => 0.8,
            _ => 0.7,
        }),
        // A lone surname is often an ordinary word too ("the Board", "Main"): it needs a
        // word that points at a person, and gets less from it than a first name.
        Cue::Personal if n == 1 => match best {
            2 if names[0].bits & FIRST != 0 => 0.7,
            2 => 0.55,
            // An ordinary word capitalised after "with" or "said" is a name; a place
            // after them ("with India") is not.
            1 if names[0].bits & (PLACE | FIRST) == FIRST => 0.6,
            _ => 0.3,
        },
        Cue::Weak if n == 1 => match best {
            2 if names[0].bits & FIRST != 0 => 0.65,
            _ => 0.3,
        },
        Cue::Weak | Cue::Personal => (base + 0.15).min(0.9),
        Cue::None => base,
    }
}

/// The name words of a part into `names`; `None` when there are too many for a person or
/// one is an organisation's.
fn name_words(tokens: &[Token], names: &mut [Token; MAX_NAME_WORDS]) -> Option<usize> {
    let mut count = 0;
    for t in tokens.iter().filter(|t| t.kind == Kind::Word) {
        if count == MAX_NAME_WORDS || class(t.bits) == Class::Org {
            return None;
        }
        names[count] = *t;
        count += 1;
    }
    Some(count)
}

/// A capitalised particle opening a surname: "De la Cruz", "Van der Berg".
fn mark_capital_particles(tokens: &mut [Token]) {
    let n = tokens.len();
    for i in 0..n {
        if tokens[i].kind == Kind::Word
            && tokens[i].bits & PARTICLE != 0
            && i + 1 < n
            && (tokens[i + 1].kind == Kind::Particle
                || tokens[i + 1].kind == Kind::Word
                    && matches!(
                        class(tokens[i + 1].bits),
                        Class::Name { .. } | Class::Unknown
                    ))
        {
            tokens[i].kind = Kind::Particle;
        }
    }
}
