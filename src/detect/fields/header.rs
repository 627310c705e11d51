//! What a column header or a setting's key says its values are, in English, German, French
//! and Spanish: `name`, `Nachname`, `prénom`, `teléfono`, `cardNumber`, `SSN`, `iban`,
//! `db_password`. A header is split into lower-case, accent-folded words (on spaces, `_`,
//! `-`, `.` and camel-case changes), and the words decide: a qualifier that makes the
//! header about something else (`company name`, `card_expiry`, `phone_type`,
//! `password_hint`) outweighs the head word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// FNV-1a: header words are a few bytes, and every setting key of a prompt is looked up,
/// so the default SipHash costs more than the table it serves. The keys are the fixed
/// vocabulary below, not chosen by callers.
#[derive(Debug, Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Vocabulary = HashMap<&'static [u8], u32, BuildHasherDefault<Fnv>>;

/// The kind of value a column or a setting holds, as far as its header tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// A person's name, written under a header that says so (`name`, `Vorname`, `nombre`).
    Name,
    /// A header that names a person's role (`customer`, `owner`, `Kunde`): the values are
    /// names only when they look like one.
    Role,
    Phone,
    Ssn,
    Card,
    Iban,
    Secret,
    /// An e-mail address: left to the e-mail recognizer, but it says the table is about
    /// people.
    Email,
}

/// The longest header looked at, in bytes; longer cells are data or prose.
pub(crate) const MAX_HEADER: usize = 48;

/// The kind a header or key names, if any.
pub(crate) fn header_kind(header: &str) -> Option<FieldKind> {
    header_info(header).map(|(kind, _)| kind)
}

/// The kind a header or key names, and for names whether the header is only the generic
/// `name` (`nombre`, `nom`), which tables of things use as much as tables of people.
pub(crate) fn header_info(header: &str) -> Option<(FieldKind, bool)> {
    let header = header
        .trim()
        .trim_matches(['"', '\'', '`', '*', '#', ':', ' ']);
    if header.is_empty() || header.len() > MAX_HEADER {
        return None;
    }
    let mut words = [[0u8; 24]; MAX_WORDS];
    let mut lens = [0usize; MAX_WORDS];
    let n = split_words(header, &mut words, &mut lens)?;
    let vocabulary = &*VOCABULARY;
    let look = |w: &[u8]| vocabulary.get(w).copied().unwrap_or(0);
    let mut bits = 0u32;
    // Name words other than the generic `name`: `Nachname`, `prénom`, `surname`.
    let mut specific_names = 0;
    for k in 0..n {
        let b = look(&words[k][..lens[k]]);
        bits |= b;
        specific_names += usize::from(b & NAME != 0 && b & GENERIC == 0);
    }
    // `api key`, `phone number`, `first_name`, `mot de passe`: the words written as one
    // count too.
    let mut joined = [0u8; MAX_HEADER];
    for k in 1..n {
        let (a, b) = (&words[k - 1][..lens[k - 1]], &words[k][..lens[k]]);
        joined[..a.len()].copy_from_slice(a);
        joined[a.len()..a.len() + b.len()].copy_from_slice(b);
        bits |= look(&joined[..a.len() + b.len()]);
    }
    if n > 2 {
        let mut len = 0;
        for k in 0..n {
            let w = &words[k][..lens[k]];
            if len + w.len() > joined.len() {
                break;
            }
            joined[len..len + w.len()].copy_from_slice(w);
            len += w.len();
        }
        bits |= look(&joined[..len]);
    }
    // German compounds: `Initialpasswort`, `Datenbankkennwort`.
    if n == 1
        && [&b"passwort"[..], b"kennwort", b"password"]
            .iter()
            .any(|s| words[0][..lens[0]].ends_with(s))
    {
        bits |= SECRET;
    }
    let kind = classify(bits, n)?;
    let generic = kind == FieldKind::Name && specific_names == 0 && bits & SPECIFIC == 0;
    Some((kind, generic))
}

fn classify(bits: u32, words: usize) -> Option<FieldKind> {
    let has = |b: u32| bits & b != 0;
    if has(SECRET) {
        return (!has(SECRET_NEG)).then_some(FieldKind::Secret);
    }
    if has(HOLDER) {
        return (!has(THING)).then_some(FieldKind::Name);
    }
    if has(CARD) {
        return (!has(CARD_NEG)).then_some(FieldKind::Card);
    }
    if has(SSN) {
        return (!has(NUMBER_NEG)).then_some(FieldKind::Ssn);
    }
    if has(IBAN) {
        return (!has(NUMBER_NEG)).then_some(FieldKind::Iban);
    }
    if has(PHONE) {
        return (!has(PHONE_NEG)).then_some(FieldKind::Phone);
    }
    if has(EMAIL) {
        return (!has(EMAIL_NEG)).then_some(FieldKind::Email);
    }
    if has(THING) {
        return None;
    }
    if has(NAME) {
        return Some(FieldKind::Name);
    }
    if has(ROLE) && words <= 3 {
        return Some(FieldKind::Role);
    }
    None
}

const SECRET: u32 = 1;
const SECRET_NEG: u32 = 1 << 1;
const HOLDER: u32 = 1 << 2;
const THING: u32 = 1 << 3;
const CARD: u32 = 1 << 4;
const CARD_NEG: u32 = 1 << 5;
const SSN: u32 = 1 << 6;
const IBAN: u32 = 1 << 7;
const NUMBER_NEG: u32 = 1 << 8;
const PHONE: u32 = 1 << 9;
const PHONE_NEG: u32 = 1 << 10;
const EMAIL: u32 = 1 << 11;
const EMAIL_NEG: u32 = 1 << 12;
const NAME: u32 = 1 << 13;
const ROLE: u32 = 1 << 14;
/// `name`, `nombre`, `nom`: the generic name words.
const GENERIC: u32 = 1 << 15;
/// `first`, `last`, `full`, `given`, `family`: qualifiers that make `name` a person's.
const SPECIFIC: u32 = 1 << 16;

/// Every header word with the roles it plays, built once.
static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut map = Vocabulary::default();
    let lists: [(&[&[u8]], u32); 17] = [
        (SECRET_WORDS, SECRET),
        (SECRET_NEGATIVES, SECRET_NEG),
        (HOLDER_WORDS, HOLDER),
        (THING_WORDS, THING),
        (CARD_WORDS, CARD),
        (CARD_NEGATIVES, CARD_NEG),
        (SSN_WORDS, SSN),
        (IBAN_WORDS, IBAN),
        (NUMBER_NEGATIVES, NUMBER_NEG),
        (PHONE_WORDS, PHONE),
        (PHONE_NEGATIVES, PHONE_NEG),
        (EMAIL_WORDS, EMAIL),
        (EMAIL_NEGATIVES, EMAIL_NEG),
        (NAME_WORDS, NAME),
        (ROLE_WORDS, ROLE),
        (GENERIC_NAME_WORDS, GENERIC),
        (NAME_QUALIFIERS, SPECIFIC),
    ];
    for (list, bit) in lists {
        for word in list {
            *map.entry(*word).or_insert(0) |= bit;
        }
    }
    map
});

/// The generic words for a name.
const GENERIC_NAME_WORDS: &[&[u8]] = &[
    b"name", b"names", b"nombre", b"nombres", b"nom", b"noms", b"nome", b"naam",
];

/// Words that make a generic name header a person's name.
const NAME_QUALIFIERS: &[&[u8]] = &[
    b"first",
    b"last",
    b"full",
    b"given",
    b"family",
    b"middle",
    b"maiden",
    b"display",
    b"legal",
    b"completo",
    b"complet",
    b"de",
    b"famille",
    b"pila",
    b"primer",
    b"segundo",
    b"contact",
    b"customer",
    b"client",
    b"employee",
    b"patient",
    b"holder",
    b"owner",
    b"person",
    b"user",
];

/// Whether a header says the rows are things rather than people: `sku`, `price`,
/// `version`, `stock`.
pub(crate) fn names_a_thing(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    THING_COLUMNS.contains(&h.as_str())
}

/// Whether a header names something other than a person or a personal value: a place, a
/// company, a product (`city`, `Stadt`, `ciudad`, `company`, `Firma`).
pub(crate) fn names_something_else(header: &str) -> bool {
    let mut words = [[0u8; 24]; MAX_WORDS];
    let mut lens = [0usize; MAX_WORDS];
    let Some(n) = split_words(header.trim(), &mut words, &mut lens) else {
        return false;
    };
    let vocabulary = &*VOCABULARY;
    (0..n).any(|k| {
        let w = &words[k][..lens[k]];
        vocabulary.get(w).is_some_and(|b| b & THING != 0) || PLACE_WORDS.contains(&w)
    })
}

/// Whether a header or key names a place or an organisation (`City`, `office_location`,
/// `Standort`, `company`): its values hold no person. Addresses are not among them: an
/// address may start with a name.
pub(crate) fn names_a_place(header: &str) -> bool {
    let header = header.trim();
    // Most keys are ASCII: their last word, read backwards up to a separator or the
    // capital of a camel hump, is compared at once.
    if header.is_ascii() {
        let bytes = header.as_bytes();
        let mut start = bytes.len();
        while start > 0 && bytes[start - 1].is_ascii_alphabetic() {
            start -= 1;
            if bytes[start].is_ascii_uppercase()
                && start > 0
                && bytes[start - 1].is_ascii_lowercase()
            {
                break;
            }
        }
        let last = &bytes[start..];
        if last.is_empty() || last.len() > 16 {
            return false;
        }
        let mut buf = [0u8; 16];
        for (d, b) in buf.iter_mut().zip(last) {
            *d = b.to_ascii_lowercase();
        }
        return is_place_word(&buf[..last.len()]);
    }
    let mut words = [[0u8; 24]; MAX_WORDS];
    let mut lens = [0usize; MAX_WORDS];
    let Some(n) = split_words(header.trim(), &mut words, &mut lens) else {
        return false;
    };
    // The last word says what the values are: `city` and `office` are places, `city_manager`
    // and `office_contact` are people.
    n > 0 && is_place_word(&words[n - 1][..lens[n - 1]])
}

/// A lower-case, accent-folded header word that names a place or an organisation.
fn is_place_word(word: &[u8]) -> bool {
    PLACE_OR_ORGANISATION.binary_search(&word).is_ok()
}

/// [`PLACE_WORDS`] but addresses, and [`ORGANISATION_WORDS`], sorted for a binary search.
static PLACE_OR_ORGANISATION: std::sync::LazyLock<Vec<&'static [u8]>> =
    std::sync::LazyLock::new(|| {
        let mut words: Vec<&'static [u8]> = PLACE_WORDS
            .iter()
            .chain(ORGANISATION_WORDS)
            .copied()
            .filter(|w| !matches!(*w, b"address" | b"adresse" | b"direccion" | b"street"))
            .collect();
        words.sort_unstable();
        words
    });

/// Headers of organisations and their parts.
const ORGANISATION_WORDS: &[&[u8]] = &[
    b"company",
    b"firma",
    b"unternehmen",
    b"empresa",
    b"entreprise",
    b"societe",
    b"vendor",
    b"supplier",
    b"lieferant",
    b"fournisseur",
    b"proveedor",
    b"brand",
    b"marke",
    b"marca",
    b"marque",
    b"department",
    b"abteilung",
    b"departamento",
    b"departement",
    b"team",
    b"branch",
    b"filiale",
    b"sucursal",
    b"agence",
    b"oficina",
    b"bureau",
    b"warehouse",
    b"lager",
    b"hotel",
    b"venue",
    b"hq",
    b"headquarters",
    b"chain",
    b"cadena",
    b"chaine",
    b"enseigne",
    b"kette",
    b"store",
    b"shop",
    b"tienda",
    b"magasin",
    b"retailer",
    b"manufacturer",
    b"fabricant",
    b"fabricante",
    b"hersteller",
    // Products and the things that carry a maker's or a person's name.
    b"product",
    b"produit",
    b"producto",
    b"produkt",
    b"article",
    b"artikel",
    b"articulo",
    b"item",
    b"model",
    b"modele",
    b"modelo",
    b"modell",
    b"vehicle",
    b"vehicule",
    b"vehiculo",
    b"fahrzeug",
    b"tyre",
    b"tire",
    b"reifen",
    b"pneu",
    b"neumatico",
    b"room",
    b"salle",
    b"sala",
    b"raum",
    b"airline",
    b"restaurant",
];

/// Headers of places.
const PLACE_WORDS: &[&[u8]] = &[
    b"city",
    b"town",
    b"ort",
    b"wohnort",
    b"ciudad",
    b"ville",
    b"localidad",
    b"country",
    b"pais",
    b"pays",
    b"land",
    b"location",
    b"standort",
    b"ubicacion",
    b"lieu",
    b"region",
    b"state",
    b"province",
    b"provincia",
    b"address",
    b"adresse",
    b"direccion",
    b"street",
    b"office",
    b"site",
    b"sitz",
    b"sede",
    b"destination",
    b"origin",
    b"airport",
];

/// Headers of tables of products, packages and orders.
const THING_COLUMNS: &[&str] = &[
    "sku",
    "ean",
    "gtin",
    "upc",
    "asin",
    "isbn",
    "price",
    "precio",
    "prix",
    "preis",
    "stock",
    "qty",
    "quantity",
    "cantidad",
    "quantité",
    "menge",
    "version",
    "license",
    "licence",
    "license_type",
    "unit_price",
    "weight",
    "category",
    "warehouse",
    "almacen",
    "almacén",
    "lager",
    "entrepôt",
    "sha",
    "checksum",
    "size",
    "downloads",
    "stars",
    "platform",
    "arch",
];

/// Splits `header` into at most six lower-case, accent-folded ASCII words of at most 24
/// bytes; None when a word has other characters (the cell is not a header).
const MAX_WORDS: usize = 6;

fn split_words(
    header: &str,
    words: &mut [[u8; 24]; MAX_WORDS],
    lens: &mut [usize; MAX_WORDS],
) -> Option<usize> {
    let mut n = 0;
    let mut len = 0;
    let mut prev_lower = false;
    let mut push = |n: &mut usize, len: &mut usize| -> Option<()> {
        if *len > 0 {
            if *n == MAX_WORDS {
                return None;
            }
            lens[*n] = *len;
            *n += 1;
            *len = 0;
        }
        Some(())
    };
    for c in header.chars() {
        let folded = fold(c);
        match folded {
            Some(b) if b.is_ascii_alphanumeric() => {
                if c.is_uppercase() && prev_lower {
                    push(&mut n, &mut len)?;
                }
                if n == MAX_WORDS || len == 24 {
                    return None;
                }
                words[n][len] = b.to_ascii_lowercase();
                len += 1;
                prev_lower = c.is_lowercase() || c.is_ascii_digit();
            }
            _ if matches!(
                c,
                ' ' | '_' | '-' | '.' | '/' | '#' | '(' | ')' | 'º' | '°' | '\t'
            ) =>
            {
                push(&mut n, &mut len)?;
                prev_lower = false;
            }
            _ => return None,
        }
    }
    push(&mut n, &mut len)?;
    (n > 0).then_some(n)
}

/// ASCII for the accented Latin letters headers use; None for other characters.
fn fold(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    Some(match c.to_lowercase().next()? {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => b'a',
        'é' | 'è' | 'ê' | 'ë' => b'e',
        'í' | 'ì' | 'î' | 'ï' => b'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => b'o',
        'ú' | 'ù' | 'û' | 'ü' => b'u',
        'ñ' => b'n',
        'ç' => b'c',
        'ß' => b's',
        _ => return None,
    })
}

/// Headers of a person's name.
const NAME_WORDS: &[&[u8]] = &[
    b"name",
    b"names",
    b"fullname",
    b"firstname",
    b"lastname",
    b"surname",
    b"surnames",
    b"givenname",
    b"familyname",
    b"forename",
    b"middlename",
    b"maidenname",
    b"nombre",
    b"nombres",
    b"apellido",
    b"apellidos",
    b"nom",
    b"noms",
    b"prenom",
    b"prenoms",
    b"vorname",
    b"nachname",
    b"familienname",
    b"rufname",
    b"geburtsname",
    b"nome",
    b"cognome",
    b"naam",
    b"achternaam",
    b"voornaam",
];

/// Headers that name the person holding an account or a card.
const HOLDER_WORDS: &[&[u8]] = &[
    b"holder",
    b"cardholder",
    b"accountholder",
    b"titular",
    b"inhaber",
    b"kontoinhaber",
    b"karteninhaber",
    b"titulaire",
];

/// Headers naming a person's role: the values may be names, ids or addresses.
const ROLE_WORDS: &[&[u8]] = &[
    b"attendee",
    b"attendees",
    b"participant",
    b"participants",
    b"teilnehmer",
    b"asistente",
    b"asistentes",
    b"participante",
    b"participantes",
    b"employee",
    b"employe",
    b"mitarbeiter",
    b"mitarbeiterin",
    b"empleado",
    b"empleada",
    b"salarie",
    b"customer",
    b"kunde",
    b"kundin",
    b"client",
    b"cliente",
    b"patient",
    b"patientin",
    b"paciente",
    b"contact",
    b"contacto",
    b"kontakt",
    b"ansprechpartner",
    b"owner",
    b"assignee",
    b"reporter",
    b"author",
    b"autor",
    b"auteur",
    b"requester",
    b"recipient",
    b"empfanger",
    b"destinataire",
    b"destinatario",
    b"sender",
    b"absender",
    b"remitente",
    b"expediteur",
    b"member",
    b"person",
    b"persona",
    b"personne",
    b"beneficiary",
    b"beneficiario",
    b"beneficiaire",
    b"begunstigter",
    b"signatory",
    b"doctor",
    b"physician",
    b"arzt",
    b"arztin",
    b"medecin",
    b"medico",
    b"guest",
    b"gast",
    b"huesped",
    b"passenger",
    b"pasajero",
    b"passager",
    b"student",
    b"alumno",
    b"etudiant",
    b"applicant",
    b"candidate",
    b"bewerber",
    b"candidato",
    b"candidat",
    b"manager",
    b"responsable",
    b"verantwortlich",
    b"agent",
    b"approver",
    b"reviewer",
    b"reviewers",
    b"witness",
    b"zeuge",
    b"testigo",
    b"temoin",
];

/// Qualifiers that make a name header about a thing (`company name`, `file_name`).
const THING_WORDS: &[&[u8]] = &[
    b"company",
    b"firma",
    b"empresa",
    b"entreprise",
    b"societe",
    b"org",
    b"organization",
    b"organisation",
    b"organizacion",
    b"file",
    b"filename",
    b"datei",
    b"fichier",
    b"archivo",
    b"host",
    b"hostname",
    b"server",
    b"product",
    b"produkt",
    b"producto",
    b"produit",
    b"project",
    b"projekt",
    b"proyecto",
    b"projet",
    b"app",
    b"application",
    b"bank",
    b"banco",
    b"banque",
    b"street",
    b"strasse",
    b"calle",
    b"rue",
    b"city",
    b"stadt",
    b"ciudad",
    b"ville",
    b"domain",
    b"db",
    b"database",
    b"table",
    b"column",
    b"field",
    b"class",
    b"package",
    b"brand",
    b"marke",
    b"marca",
    b"marque",
    b"item",
    b"event",
    b"user",
    b"username",
    b"login",
    b"account",
    b"team",
    b"group",
    b"department",
    b"abteilung",
    b"departamento",
    b"vendor",
    b"supplier",
    b"lieferant",
    b"proveedor",
    b"fournisseur",
    b"service",
    b"model",
    b"device",
    b"queue",
    b"bucket",
    b"cluster",
    b"region",
    b"zone",
    b"branch",
    b"repo",
    b"repository",
    b"image",
    b"container",
    b"pod",
    b"namespace",
    b"tag",
    b"label",
    b"role",
    b"plan",
    b"category",
    b"kategorie",
    b"categoria",
    b"type",
    b"typ",
    b"tipo",
    b"country",
    b"land",
    b"pais",
    b"pays",
    b"state",
    b"shop",
    b"store",
    b"merchant",
    b"hotel",
    b"display",
    b"nick",
    b"nickname",
    b"variable",
    b"var",
    b"param",
    b"parameter",
    b"env",
    b"job",
    b"task",
    b"sheet",
    b"doc",
    b"document",
    b"template",
    b"campaign",
    b"list",
    b"channel",
    b"room",
    b"building",
    b"site",
    b"location",
    b"venue",
    b"course",
    b"school",
    b"university",
    b"hospital",
    b"clinic",
    b"klinik",
    b"insurer",
    b"insurance",
    b"versicherung",
    b"airline",
    b"pet",
    b"path",
    b"dir",
    b"folder",
    b"module",
    b"function",
    b"method",
    b"attribute",
    b"property",
    b"object",
    b"entity",
    b"resource",
    b"policy",
    b"rule",
    b"sku",
    b"article",
    b"artikel",
    b"asset",
    b"network",
    b"printer",
    b"machine",
    b"instance",
    b"node",
    b"stack",
    b"environment",
    b"stage",
    b"flag",
    b"feature",
    b"metric",
    b"language",
    b"locale",
    b"currency",
    b"unit",
    b"status",
    b"version",
    b"release",
    b"build",
    b"pipeline",
    b"workflow",
    b"script",
    b"command",
    b"tool",
    b"library",
    b"plugin",
    b"key",
    b"secret",
    b"bucket",
    b"realm",
    b"tenant",
    b"vorgang",
    b"produktname",
    b"firmenname",
    b"dateiname",
    b"benutzername",
    b"hostname",
];

const PHONE_WORDS: &[&[u8]] = &[
    b"phone",
    b"phones",
    b"phonenumber",
    b"telephone",
    b"tel",
    b"tel1",
    b"tel2",
    b"phone1",
    b"phone2",
    b"telefon",
    b"telefonnummer",
    b"telefono",
    b"telefone",
    b"mobile",
    b"mobil",
    b"mobilnummer",
    b"mobiltelefon",
    b"mobilenumber",
    b"handy",
    b"handynummer",
    b"cell",
    b"cellphone",
    b"celular",
    b"movil",
    b"portable",
    b"fax",
    b"whatsapp",
    b"rufnummer",
    b"festnetz",
    b"fijo",
    b"fixe",
    b"landline",
    b"msisdn",
    b"gsm",
    b"tlf",
    b"tfno",
    b"telf",
    b"ph",
    b"mob",
    b"phoneno",
    b"telno",
    b"contactnumber",
    b"contactno",
    b"cellnumber",
    b"mobileno",
    b"numerotelephone",
    b"numerodetelephone",
];

const PHONE_NEGATIVES: &[&[u8]] = &[
    b"type",
    b"model",
    b"brand",
    b"os",
    b"verified",
    b"count",
    b"id",
    b"code",
    b"prefix",
    b"ext",
    b"extension",
    b"country",
    b"carrier",
    b"provider",
    b"plan",
    b"status",
    b"serie",
    b"serial",
    b"imei",
    b"factura",
    b"facture",
    b"pedido",
    b"commande",
    b"order",
    b"invoice",
    b"ticket",
    b"client",
    b"cliente",
    b"kunden",
    b"de",
];

const EMAIL_WORDS: &[&[u8]] = &[
    b"email",
    b"emails",
    b"mail",
    b"emailaddress",
    b"correo",
    b"courriel",
    b"mailadresse",
];

const EMAIL_NEGATIVES: &[&[u8]] = &[
    b"verified",
    b"type",
    b"status",
    b"template",
    b"subject",
    b"sent",
    b"opt",
    b"domain",
    b"server",
    b"count",
    b"id",
    b"provider",
    b"host",
    b"body",
    b"date",
];

const SSN_WORDS: &[&[u8]] = &[
    b"ssn",
    b"social",
    b"seguridadsocial",
    b"securitesociale",
    b"ssns",
    b"socialsecurity",
    b"socialsecuritynumber",
    b"ssnumber",
];

const CARD_WORDS: &[&[u8]] = &[
    b"card",
    b"cards",
    b"cardnumber",
    b"cardno",
    b"cc",
    b"ccnum",
    b"ccnumber",
    b"creditcard",
    b"debitcard",
    b"pan",
    b"kreditkarte",
    b"karte",
    b"kartennummer",
    b"tarjeta",
    b"carte",
    b"cb",
    b"visa",
    b"mastercard",
    b"amex",
];

const CARD_NEGATIVES: &[&[u8]] = &[
    b"type",
    b"typ",
    b"tipo",
    b"brand",
    b"marke",
    b"marca",
    b"expiry",
    b"exp",
    b"expires",
    b"expiration",
    b"ablauf",
    b"ablaufdatum",
    b"gultig",
    b"caducidad",
    b"vencimiento",
    b"validite",
    b"cvv",
    b"cvc",
    b"cvv2",
    b"last4",
    b"last",
    b"bin",
    b"token",
    b"fingerprint",
    b"status",
    b"id",
    b"network",
    b"issuer",
    b"country",
    b"masked",
    b"mask",
    b"digits",
    b"suffix",
    b"hash",
    b"count",
    b"limit",
    b"name",
    b"nombre",
    b"nom",
    b"vitale",
    b"sim",
    b"gift",
    b"menu",
    b"report",
    b"business",
    b"visite",
    b"wallet",
];

const IBAN_WORDS: &[&[u8]] = &[
    b"iban",
    b"ibans",
    b"cuenta",
    b"konto",
    b"kontonummer",
    b"bankverbindung",
    b"rib",
    b"compte",
];

const NUMBER_NEGATIVES: &[&[u8]] = &[
    b"type",
    b"id",
    b"count",
    b"status",
    b"hash",
    b"masked",
    b"mask",
    b"last4",
    b"last",
    b"valid",
    b"verified",
    b"country",
    b"name",
    b"nombre",
    b"nom",
    b"holder",
    b"bank",
    b"bic",
    b"swift",
];

const SECRET_WORDS: &[&[u8]] = &[
    b"password",
    b"passwords",
    b"passwd",
    b"pwd",
    b"pass",
    b"passphrase",
    b"secret",
    b"secrets",
    b"token",
    b"tokens",
    b"apikey",
    b"accesstoken",
    b"refreshtoken",
    b"authtoken",
    b"bearer",
    b"credential",
    b"credentials",
    b"clientsecret",
    b"privatekey",
    b"secretkey",
    b"passwort",
    b"kennwort",
    b"contrasena",
    b"clave",
    b"motdepasse",
    b"mdp",
];

const SECRET_NEGATIVES: &[&[u8]] = &[
    b"hint",
    b"reset",
    b"policy",
    b"expiry",
    b"expires",
    b"expiration",
    b"changed",
    b"length",
    b"strength",
    b"hash",
    b"hashed",
    b"salt",
    b"id",
    b"type",
    b"name",
    b"url",
    b"uri",
    b"endpoint",
    b"path",
    b"file",
    b"count",
    b"last",
    b"updated",
    b"created",
    b"required",
    b"min",
    b"max",
    b"rotation",
    b"age",
    b"enabled",
    b"ttl",
    b"lifetime",
    b"scope",
    b"scopes",
    b"limit",
    b"usage",
    b"manager",
    b"store",
    b"vault",
    b"ref",
    b"env",
    b"source",
    b"provider",
    b"format",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_four_languages_name_their_kind() {
        for (header, kind) in [
            ("name", FieldKind::Name),
            ("Full Name", FieldKind::Name),
            ("employee_name", FieldKind::Name),
            ("first_name", FieldKind::Name),
            ("Ph.", FieldKind::Phone),
            ("contact number", FieldKind::Phone),
            ("Mobile No", FieldKind::Phone),
            ("lastName", FieldKind::Name),
            ("Nachname", FieldKind::Name),
            ("Prénom", FieldKind::Name),
            ("nombre completo", FieldKind::Name),
            ("Apellidos", FieldKind::Name),
            ("card_holder", FieldKind::Name),
            ("Titular", FieldKind::Name),
            ("customer", FieldKind::Role),
            ("Kunde", FieldKind::Role),
            ("Phone", FieldKind::Phone),
            ("phone_number", FieldKind::Phone),
            ("Teléfono móvil", FieldKind::Phone),
            ("téléphone", FieldKind::Phone),
            ("Handynummer", FieldKind::Phone),
            ("SSN", FieldKind::Ssn),
            ("social_security_number", FieldKind::Ssn),
            ("Social Security #", FieldKind::Ssn),
            ("card", FieldKind::Card),
            ("cardNumber", FieldKind::Card),
            ("Kartennummer", FieldKind::Card),
            ("Nº de tarjeta", FieldKind::Card),
            ("numéro de carte", FieldKind::Card),
            ("cc_number", FieldKind::Card),
            ("IBAN", FieldKind::Iban),
            ("password", FieldKind::Secret),
            ("db_password", FieldKind::Secret),
            ("api_key", FieldKind::Secret),
            ("Passwort", FieldKind::Secret),
            ("contraseña", FieldKind::Secret),
            ("mot_de_passe", FieldKind::Secret),
            ("E-Mail", FieldKind::Email),
            ("correo electrónico", FieldKind::Email),
        ] {
            assert_eq!(header_kind(header), Some(kind), "{header}");
        }
    }

    #[test]
    fn only_the_bare_name_word_is_generic() {
        for (header, generic) in [
            ("name", true),
            ("Nombre", true),
            ("first_name", false),
            ("Nachname", false),
            ("customer_name", false),
            ("nombre completo", false),
        ] {
            assert_eq!(
                header_info(header),
                Some((FieldKind::Name, generic)),
                "{header}"
            );
        }
    }

    #[test]
    fn qualifiers_make_a_header_about_something_else() {
        for header in [
            "company_name",
            "Firmenname",
            "file name",
            "hostname",
            "username",
            "product",
            "card_expiry",
            "card type",
            "cardLast4",
            "phone_type",
            "password_hint",
            "token_type",
            "created_at",
            "order id",
            "amount",
            "this is a long sentence and not a header at all, surely",
            "",
            "42",
            "email_verified",
        ] {
            assert_eq!(header_kind(header), None, "{header}");
        }
    }
}
