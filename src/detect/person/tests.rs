use super::super::{Detector, DEFAULT_THRESHOLD};
use super::*;

/// The names the recognizer reports at or above the detector's threshold, in order.
fn names(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    PersonRecognizer::new().find(text, &mut out);
    out.retain(|f| f.confidence >= DEFAULT_THRESHOLD);
    out.sort_by_key(|f| f.start);
    for f in &out {
        assert_eq!(f.kind, EntityType::Person);
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!(f.confidence <= 1.0);
    }
    out.iter().map(|f| &text[f.start..f.end]).collect()
}

fn assert_names(text: &str, expected: &[&str]) {
    assert_eq!(names(text), expected, "in {text:?}");
}

fn assert_none(text: &str) {
    assert_eq!(names(text), Vec::<&str>::new(), "in {text:?}");
}

#[test]
fn first_names_after_greetings_are_found_in_four_languages() {
    assert_names("Hi Anna,\n\ncan you check this?", &["Anna"]);
    assert_names("Hello Tom! The build is green.", &["Tom"]);
    assert_names("Dear Priya,\nthanks for the call.", &["Priya"]);
    assert_names("Good morning, Anna,\nplease review.", &["Anna"]);
    assert_names("Hallo Jonas,\nanbei die Unterlagen.", &["Jonas"]);
    assert_names("Liebe Katrin,\nvielen Dank!", &["Katrin"]);
    assert_names("Guten Tag Frau Weber,\nanbei das Angebot.", &["Weber"]);
    assert_names("Bonjour Élodie,\nvoici le devis.", &["Élodie"]);
    assert_names("Chère Camille,\nmerci pour ton retour.", &["Camille"]);
    assert_names("Hola Lucía, ¿qué tal?", &["Lucía"]);
    assert_names("Estimado Javier:\nle escribo por la factura.", &["Javier"]);
}

#[test]
fn names_under_sign_offs_are_found_in_four_languages() {
    assert_names("See you soon.\n\nThanks,\nTom", &["Tom"]);
    assert_names(
        "Report attached.\n\nBest regards,\nPriya Raghunathan",
        &["Priya Raghunathan"],
    );
    assert_names("Alles erledigt.\n\nLiebe Grüße\nJonas", &["Jonas"]);
    assert_names(
        "Mit freundlichen Grüßen\n\nSabine Krause",
        &["Sabine Krause"],
    );
    assert_names("Merci.\n\nCordialement,\nÉlodie Martin", &["Élodie Martin"]);
    assert_names("Bien à vous,\nLuc", &["Luc"]);
    assert_names("Un saludo,\nCarmen Ruiz", &["Carmen Ruiz"]);
}

#[test]
fn inline_sign_offs_and_signature_blocks_give_the_name() {
    assert_names("That's all for today. Thanks, Tom", &["Tom"]);
    assert_names("the build is red since Monday. thx, Kevin", &["Kevin"]);
    assert_names("Saludos, Lucía", &["Lucía"]);
    assert_names("Kind regards, Emily from Customer Care", &["Emily"]);
    assert_names("Thanks for the update!\n— Sven", &["Sven"]);
    assert_names(
        "Please confirm.\n\nRegards,\nOluwaseun Adeyemi\nSenior Engineer, Northbeam Ltd",
        &["Oluwaseun Adeyemi"],
    );
    assert_names(
        "Done.\n--\nMarguerite Castellanos\n+44 20 7946 0000",
        &["Marguerite Castellanos"],
    );
}

#[test]
fn titles_stay_outside_the_span() {
    assert_names("Please call Mr. Smith today.", &["Smith"]);
    assert_names("Mrs Johnson and Ms Okafor agreed.", &["Johnson", "Okafor"]);
    assert_names("Seen by Dr. Wei Chen on Monday.", &["Wei Chen"]);
    assert_names("Referred by Dr Okonkwo for a scan.", &["Okonkwo"]);
    assert_names(
        "The thesis goes to Prof. Dr. Ingrid Vogt.",
        &["Ingrid Vogt"],
    );
    assert_names("Bitte rufen Sie Herrn Schulz an.", &["Schulz"]);
    assert_names("Frau Yilmaz hat die Rechnung geprüft.", &["Yilmaz"]);
    assert_names(
        "M. Dupont a appelé, Mme Leclerc aussi.",
        &["Dupont", "Leclerc"],
    );
    assert_names("Mlle Moreau arrive demain.", &["Moreau"]);
    assert_names(
        "El Sr. Fernández y la Sra. García firmaron.",
        &["Fernández", "García"],
    );
    assert_names(
        "Don Alejandro y Doña Pilar llegaron.",
        &["Alejandro", "Pilar"],
    );
}

#[test]
fn particles_hyphens_and_apostrophes_stay_inside_the_name() {
    assert_names("Meeting with Mr. van der Berg at noon.", &["van der Berg"]);
    assert_names("Kunde: Herr von Müller", &["von Müller"]);
    assert_names("Nombre: José Luis de la Cruz", &["José Luis de la Cruz"]);
    assert_names("Author: Ludwig van Beethoven", &["Ludwig van Beethoven"]);
    assert_names("Employee: Jean-Pierre Dubois", &["Jean-Pierre Dubois"]);
    assert_names("Liebe Frau Müller-Lüdenscheidt,", &["Müller-Lüdenscheidt"]);
    assert_names("Manager: Siobhan O'Brien", &["Siobhan O'Brien"]);
    assert_names("Ask Ronald McDonald about it.", &["Ronald McDonald"]);
    assert_names("Contact: Sophie Le Gall", &["Sophie Le Gall"]);
    assert_names("Anna's laptop was stolen, said Maria.", &["Anna", "Maria"]);
}

#[test]
fn field_labels_introduce_names() {
    assert_names("From: Tristan Barre <tristan@free.fr>", &["Tristan Barre"]);
    assert_names(
        "To: Ines Carvalho <ines@mail.pt>, Björn Lund <bjorn@lund.se>",
        &["Ines Carvalho", "Björn Lund"],
    );
    assert_names("cc: Wenke Albers", &["Wenke Albers"]);
    assert_names("Name: Zyprian Wendt", &["Zyprian Wendt"]);
    assert_names(
        "Employee: Catherine Parker\nManager: Rhys Clark",
        &["Catherine Parker", "Rhys Clark"],
    );
    assert_names(
        "Patient: Margarethe Oyelaran-Schultz (age 67)",
        &["Margarethe Oyelaran-Schultz"],
    );
    assert_names(
        "Kunde: Katharina Wolff\nAnsprechpartner: Jörg Sänger",
        &["Katharina Wolff", "Jörg Sänger"],
    );
    assert_names("Nom : Moreau\nPrénom : Aurélien", &["Moreau", "Aurélien"]);
    assert_names("Nombre: Lucía Fernández", &["Lucía Fernández"]);
    assert_names("Emergency contact: Pero Beier (sister)", &["Pero Beier"]);
    assert_names(
        "Signed-off-by: Tobias Kranz <tobias@kranz.dev>",
        &["Tobias Kranz"],
    );
    assert_names(
        r#"{"name": "Anna Schmidt", "plan": "Pro"}"#,
        &["Anna Schmidt"],
    );
    assert_names(" * @author Henrik Sørensen", &["Henrik Sørensen"]);
}

#[test]
fn labels_about_things_do_not_introduce_names() {
    assert_none("Company name: Lumen Retail Group");
    assert_none("Kunde: Bäckerei Schmidt GmbH");
    assert_none("From: IT Support <it@acme.com>");
    assert_none("To: All Staff");
    assert_none("Product name: Horizon");
}

#[test]
fn verbs_of_speech_and_relations_point_at_names() {
    assert_names("The fix works, said Maria.", &["Maria"]);
    assert_names("According to Klaus Weber the bug is old.", &["Klaus Weber"]);
    assert_names("I spoke with Dr. Chen yesterday.", &["Chen"]);
    assert_names(
        "Il a demandé Luc au téléphone, a demandé Luc.",
        &["Luc", "Luc"],
    );
    assert_names("Discussed with Amber on a follow-up call.", &["Amber"]);
    assert_names(
        "Please reply to Maurice and tell them I can meet.",
        &["Maurice"],
    );
    assert_names("Mit Jonas telefonisch nachbesprochen.", &["Jonas"]);
    assert_names(
        "Point de suivi fait avec Lorraine par téléphone.",
        &["Lorraine"],
    );
    assert_names("Según Miguel, el pago llegará el lunes.", &["Miguel"]);
    assert_names(
        "Your colleague Nadine Roth already looked at this.",
        &["Nadine Roth"],
    );
    assert_names(
        "Ihr Kollege Max Mustermann hat das geprüft.",
        &["Max Mustermann"],
    );
    assert_names(
        "My name is Wenzel Brandt and my email is wb@x.de.",
        &["Wenzel Brandt"],
    );
}

#[test]
fn a_listed_first_and_last_name_needs_no_cue() {
    assert_names(
        "INSERT INTO customers VALUES ('Georgia Brown', 'g@x.com');",
        &["Georgia Brown"],
    );
    assert_names(
        "Yesterday Peter Hartmann called twice.",
        &["Peter Hartmann"],
    );
    assert_names(
        "Le client, Antoine Lefebvre, signale un bug.",
        &["Antoine Lefebvre"],
    );
}

#[test]
fn a_later_bare_mention_of_a_sure_name_is_found() {
    assert_names(
        "Attendees: Sarah Lindqvist, Omar Haddad\nSarah presented; Omar had questions.",
        &["Sarah Lindqvist", "Omar Haddad", "Sarah", "Omar"],
    );
}

#[test]
fn a_lone_first_name_without_a_cue_is_not_reported() {
    assert_none("Anna. Tom! Lisa? Done.");
    assert_none("Paris is lovely in spring.");
    assert_none("Will you join? May we start? Grace period ends Monday.");
}

#[test]
fn sentence_openers_and_german_nouns_are_not_names() {
    assert_none("Please summarize the following. The customer wants a refund. What should I do?");
    assert_none("Die Rechnung wurde an den Kunden geschickt. Der Vertrag endet im Dezember.");
    assert_none("Sehr geehrte Damen und Herren, die Lieferung kommt am Donnerstag.");
    assert_none("Mit freundlichen Grüßen\nIhr Kundenservice");
    assert_none("Bitte prüfen Sie die Mahnung und die Gutschrift vom Montag.");
    assert_none("Das Ersatzgerät hat denselben Fehler wie das ursprüngliche Gerät.");
}

#[test]
fn weekdays_months_places_and_companies_are_not_names() {
    assert_none("See you on Monday, Tuesday or Friday in March.");
    assert_none("Am Mittwoch im Januar, le lundi en février, el martes en marzo.");
    assert_none("Offices in Berlin, London, Madrid, Austin and Denver.");
    assert_none("The contract with Acme GmbH and Northwind Analytics Inc renews.");
    assert_none("Ticket INV-993352 · noise-cancelling headphones · Bordeaux");
    assert_none("We use Microsoft Teams, Google Chrome, Apple iPhone and Amazon Prime.");
    assert_none("Migrate from Jenkins to GitHub Actions and Kubernetes on Azure.");
    assert_none("Translate into French and German, please.");
}

#[test]
fn generic_salutations_are_not_names() {
    assert_none("Dear Customer,\nyour order shipped.");
    assert_none("Hello Team,\nstand-up moves to 10.");
    assert_none("Hi all, Hi everyone, Dear Sir or Madam,");
    assert_none("Hallo zusammen,\nkurzes Update.");
    assert_none("Dear Valued Customer, thank you.");
    assert_none("Best regards,\nThe Finance Team");
    assert_none("Bonjour à tous,\nmerci.");
}

#[test]
fn names_inside_addresses_urls_and_identifiers_are_left_alone() {
    assert_none("Mail Anna.Schmidt@firma.de or anna.schmidt@x.de");
    assert_none("See https://acme.com/team/Anna-Schmidt and /home/Anna/Documents");
    assert_none("user=Anna_Schmidt id=Anna42 key=AnnaSchmidt2024");
    assert_none("login failed for user Jonathan.Reyes from 10.0.0.4");
    assert_none("class UserService extends BaseService implements PersonRepository {}");
}

#[test]
fn person_spans_never_break_an_email_apart_in_the_detector() {
    let text = "From: Anna Schmidt <anna.schmidt@x.de>\nHi Anna,\nmail anna.schmidt@x.de";
    let found: Vec<(&str, &str)> = Detector::new()
        .find(text, None)
        .into_iter()
        .map(|f| (f.kind.label(), &text[f.start..f.end]))
        .collect();
    assert_eq!(
        found,
        vec![
            ("PERSON", "Anna Schmidt"),
            ("EMAIL", "anna.schmidt@x.de"),
            ("PERSON", "Anna"),
            ("EMAIL", "anna.schmidt@x.de"),
        ]
    );
}

#[test]
fn multi_byte_text_gives_spans_on_char_boundaries() {
    let text = "Grüße aus Köln 🎉 — Ansprechpartnerin: Ærøskøbing Ðorđević\nÀ bientôt,\nÉlodie";
    assert_names(text, &["Ærøskøbing Ðorđević", "Élodie"]);
}

#[test]
fn random_text_never_panics_and_yields_valid_spans() {
    const PIECES: &[&str] = &[
        "Anna", "Schmidt", "Hi ", "Dr. ", "From: ", " ", "  ", "\n", ",", ".", "'", "’", "-",
        "van ", "de ", "É", "Ö", "ß", "é", "🎉", "@", "x.de", "Thanks,", "Müller", "O'", "Mc",
        "Le ", ":", "(", "<", ">", "\"", "1", "_", "/", "—", "Ærø", "the ", "and ",
    ];
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..4000 {
        let len = next() % 30;
        let text: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let mut out = Vec::new();
        PersonRecognizer::new().find(&text, &mut out);
        for f in out {
            assert!(f.start < f.end && f.end <= text.len(), "{text:?}");
            assert!(
                text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                "{text:?}"
            );
            assert!((0.0..=1.0).contains(&f.confidence), "{text:?}");
        }
    }
}

#[test]
fn the_capital_scan_finds_word_starts_only() {
    let text = "iPhone Anna x.Tom Élodie éa Ödön _Bob";
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(i) = next_capital(text, from) {
        starts.push(&text[i..]);
        from = i + text[i..].chars().next().map_or(1, char::len_utf8);
    }
    let words: Vec<&str> = starts
        .iter()
        .map(|s| s.split(' ').next().unwrap_or_default())
        .collect();
    assert_eq!(words, vec!["Anna", "Tom", "Élodie", "Ödön"]);
}

#[test]
fn last_comma_first_filling_a_field_is_one_name() {
    assert_names(
        "Patient: Boateng, Kofi\nDOB: 1984-03-12",
        &["Boateng, Kofi"],
    );
    assert_names("Kunde: Müller, Hans", &["Müller, Hans"]);
    assert_names("Contact: SMITH, John", &["SMITH, John"]);
    // A greeting or an ordinary word before the comma stays out.
    assert_names("Thanks, Anna", &["Anna"]);
    assert_names("Best regards, Maria", &["Maria"]);
}

#[test]
fn names_in_other_scripts_and_orders_are_found() {
    assert_names("Zhang Wei approved it.", &["Zhang Wei"]);
    assert_names("Kim Min-jun sent the report.", &["Kim Min-jun"]);
    assert_names("Please ask Wang Xiaoming.", &["Wang Xiaoming"]);
    assert_names("Employee: 성현용\nSSN: 538-45-8798", &["성현용"]);
    assert_names(
        "present: Henrik, Saoirse, Tendai, Maximilian",
        &["Henrik", "Saoirse", "Tendai", "Maximilian"],
    );
    assert_none("The To-do List is long. Send an E-mail to the Set-up Team.");
}

#[test]
fn a_lone_listed_first_name_with_a_sentence_around_it_is_found() {
    // After a comma, before a verb, and closing a message after its last sentence.
    assert_names(
        "can you try the staging db again, Dan rotated it yesterday.",
        &["Dan"],
    );
    assert_names("Olga needs it by tomorrow.", &["Olga"]);
    assert_names("Sergio lo rota cada trimestre.", &["Sergio"]);
    assert_names(
        "Mándame un WhatsApp cuando llegue, porfa. Pablo",
        &["Pablo"],
    );
    // A first name before a number to dial on the same line.
    assert_names("contact hébergeur : Yannick 09 72 10 34 58", &["Yannick"]);
    // Not an ordinary word.
    assert_none("Thanks, Will do.");
}

#[test]
fn an_initial_joins_the_surname_after_it_but_a_title_does_not() {
    assert_names(
        "Teilnehmer: A. Schulze, Dieter, Fatma Aydin",
        &["A. Schulze", "Dieter", "Fatma Aydin"],
    );
    assert_names(
        "Ch. 207 : M. Abdelkader Mansouri, 71 ans",
        &["Abdelkader Mansouri"],
    );
    // A non-ASCII initial is one char of two bytes (this once sliced inside it).
    assert_names(
        "Teilnehmer: É. Dupont, Ö. Yilmaz",
        &["É. Dupont", "Ö. Yilmaz"],
    );
}

#[test]
fn two_people_in_a_list_are_not_one_last_first_name() {
    assert_names(
        "Teilnehmer: Dieter Braun, Fatma Aydin",
        &["Dieter Braun", "Fatma Aydin"],
    );
    assert_names("Patient: Boateng, Kofi", &["Boateng, Kofi"]);
}

#[test]
fn support_chat_roles_are_not_speakers() {
    // The speaker rule and the scan both find Lerato; the detector keeps one.
    let mut found =
        names("[14:31] Agent (Lerato): Hi, thanks\n[14:32] Customer: my number changed");
    found.dedup();
    assert_eq!(found, ["Lerato"]);
    assert_none("[15:12] Chatbot: Willkommen\n[15:13] Kunde: Hallo, eine Frage");
}

#[test]
fn streets_buildings_and_methods_named_after_people_are_not_people() {
    assert_none("I am writing about the flat at 12 Nelson Street, Bristol.");
    assert_none("Take the Elizabeth line to Canary Wharf.");
    assert_none("results were reported with Bonferroni correction.");
    assert_names("Pastor Adewale called.", &["Adewale"]);
    // A listed full name before such a word is still a person.
    assert_names("please let Anna Schmidt test the build", &["Anna Schmidt"]);
}

#[test]
fn speakers_of_a_chat_without_times_are_found_but_not_settings_or_headers() {
    let chat = "tobi: wer hat das deployment gestern gemacht?\n\
                selin: glaub jonas war das\n\
                tobi: frag mal jonas ob er den cache geleert hat\n";
    let mut found = names(chat);
    found.dedup();
    assert_eq!(found, ["tobi", "selin", "tobi"]);
    assert_none("host: db.internal\nport: 5432\nuser: app\nhost: db2 replica one\n");
    assert_none(
        "summary: the build is broken again today\nimpact: nobody can deploy to prod\n\
         summary: second attempt at the fix failed\n",
    );
}

#[test]
fn a_run_of_name_words_mid_sentence_is_a_name() {
    assert_names("Week 34: on call, backup Hetal Patel", &["Hetal Patel"]);
}

#[test]
fn fixtures_log_levels_holidays_and_eponyms_are_not_people() {
    assert_none("15:00  Aston Villa v Nottingham Forest\n15:00  Charlton Athletic v Bolton Wanderers\n17:30  Real Madrid v Atlético Madrid\n");
    assert_none("2024-11-04 07:58:40 WARN  échec de connexion : utilisateur admin\n2024-11-04 07:59:02 WARN  échec de connexion : utilisateur compta02\n");
    assert_none("Christi Himmelfahrt – Donnerstag, 29. Mai");
    assert_none("- Syndrome de Gilles de la Tourette : orienter vers le centre de référence.");
}

#[test]
fn a_label_built_like_a_role_introduces_names_no_list_has() {
    assert_names(
        "Choir committee\nTreasurer: Dafydd Llywelyn\n",
        &["Dafydd Llywelyn"],
    );
    assert_names(
        "Klient: Habibullah Sultani, geb. 1996",
        &["Habibullah Sultani"],
    );
    // Devices and suppliers are labelled the same way; their values do not read as names.
    assert_none(
        "Printer: HP LaserJet\nRouter: Cisco Catalyst\nServer: Apache Tomcat\n\
         Browser: Google Chrome\nManufacturer: General Electric\nCarrier: Deutsche Post",
    );
}

#[test]
fn storms_laws_saints_and_markets_are_not_people() {
    assert_none("Write a summary of how Storm Ciarán and Storm Eunice affected rail freight.");
    assert_none("Por la borrasca Filomena el centro logístico cerró dos días.");
    assert_none("Subject lines for our St. Patrick's Day newsletter, please.");
    assert_none("Explique la loi de Brooks et la loi de Conway ?");
    assert_none("principio de Pareto, ley de Parkinson, ley de Murphy");
    assert_none("Nous déménageons notre agence de l'avenue Victor-Hugo (Paris 16e).");
    assert_none("Lettre au service grands comptes de Ferrero France (hausse de tarifs).");
    // The words stay names where they are names.
    assert_names(
        "Jonas Sturm und Eva Storm kommen morgen.",
        &["Jonas Sturm", "Eva Storm"],
    );
}

#[test]
fn after_a_title_rare_ordinary_words_are_given_names_and_surnames() {
    // "Sipho" and "Amadou" are also French lemmas; after a title they are given names.
    assert_names("Report from Dr. Sipho Ndlovu attached.", &["Sipho Ndlovu"]);
    assert_names(
        "votre rendez-vous avec le Dr Amadou Diallo le lundi",
        &["Amadou Diallo"],
    );
    assert_names("Mrs Baker called about the invoice.", &["Baker"]);
    // Without a title the ordinary word stays one.
    assert_none("Baker called about the invoice.");
}

#[test]
fn a_role_in_brackets_or_a_verb_after_a_name_no_list_has_is_a_cue() {
    assert_names(
        "In attendance: Folake Adebayo (Company Secretary)",
        &["Folake Adebayo"],
    );
    assert_names(
        "And Aigul Sarsenbayeva joins the data team next week.",
        &["Aigul Sarsenbayeva"],
    );
    // Acronyms, regions and products in brackets are no role.
    assert_none("We moved to Amazon Web Services (AWS) and Google Cloud (europe-west).");
    assert_none("Ford Transit Custom (diesel) and VW Crafter (electric) are due.");
}

#[test]
fn names_in_lower_case_after_greetings_and_titles_are_found() {
    assert_names("salut thomas,\ntu peux voir le devis ?", &["thomas"]);
    assert_names("der ist im urlaub, frau kowalski weiß mehr", &["kowalski"]);
    assert_names("creo q se las dio a la sra. montoya", &["montoya"]);
    assert_names("hi anna, thanks for the quick fix", &["anna"]);
    // A greeting before an ordinary word, or a name that does not end the clause.
    assert_none("hi team, hey all, hello world");
    assert_none("hey mark the ticket as done");
}

#[test]
fn a_name_found_in_lower_case_is_found_again_where_it_repeats() {
    assert_names(
        "selin: frau kowalski weiß mehr\ntobi: ok ich schreib kowalski an",
        &["kowalski", "kowalski"],
    );
}

#[test]
fn a_capitalised_particle_opens_a_surname_its_lower_case_particles_continue() {
    assert_names(
        "forwarding the note from Mr. Van der Linden below.",
        &["Van der Linden"],
    );
    assert_names("Mr. De la Cruz said the order is late.", &["De la Cruz"]);
    assert_none("Un café sur la Rue De la Paix.");
}
