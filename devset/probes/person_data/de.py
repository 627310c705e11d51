# German prompts (positives, then hard negatives)
ITEMS = [

("E-Mail-Verlauf mit Signatur", """
Von: ⟦P:Annegret Kühne-Ostermann|de⟧ <⟦E:a.kuehne-ostermann@stadtwerke-lindenau.de⟧>
An: ⟦P:Mehmet Kaya|tr⟧ <⟦E:m.kaya@stadtwerke-lindenau.de⟧>
Cc: ⟦P:Bartosz Wiśniewski|pl⟧
Betreff: AW: Zählerablesung Bezirk Nord

Hallo Herr ⟦P:Kaya⟧,

vielen Dank für die Zusammenstellung. Bitte stimmen Sie die offenen Punkte noch mit Herrn ⟦P:Wiśniewski⟧ aus dem Kundenservice ab, bevor wir die Liste an die Geschäftsführung geben.

Mit freundlichen Grüßen
⟦P:Annegret Kühne-Ostermann⟧
Abteilungsleiterin Netzbetrieb
Stadtwerke Lindenau GmbH · Karl-Marx-Straße 114 · 04229 Leipzig
Tel. ⟦T:+49 341 555 2210⟧
"""),

("Besprechungsprotokoll mit Teilnehmerliste", """
Protokoll Jour fixe IT-Sicherheit, 12.03.2024
Teilnehmende: ⟦P:Jörg Weißenböck|at⟧ (Leitung), ⟦P:Olga Becker|ru⟧, ⟦P:Ueli Brunner|ch⟧ (per Teams), ⟦P:Fatma Arslan|tr⟧
Entschuldigt: ⟦P:Dimitrios Papadakis|el⟧
Protokoll: ⟦P:Lea-Sophie Hartmann|de⟧

TOP 1 Phishing-Kampagne: ⟦P:Olga⟧ berichtet, dass 14 % der Mitarbeitenden auf den Testlink geklickt haben.
TOP 2 MFA-Rollout: ⟦P:Ueli⟧ klärt mit dem Dienstleister die Lizenzfrage. Frist: KW 14.
TOP 3 Verschiedenes: Herr ⟦P:Papadakis⟧ wird über die Ergebnisse informiert (⟦P:Fatma⟧).
"""),

("Personalliste CSV Semikolon", """
Personalnr;Nachname;Vorname;Abteilung;Eintritt
4711;⟦P:Schröder⟧;⟦P:Hans-Jürgen|de⟧;Einkauf;01.04.2009
4712;⟦P:Nowak⟧;⟦P:Katarzyna|pl⟧;Buchhaltung;15.08.2016
4713;⟦P:Al-Masri⟧;⟦P:Mohammed|ar⟧;Lager;01.02.2020
4714;⟦P:Pham⟧;⟦P:Thi Lan|vi⟧;Qualitätssicherung;01.10.2021
4715;⟦P:von Hardenberg⟧;⟦P:Friederike|de⟧;Recht;01.03.2023
"""),

("Slack-Chat locker kleingeschrieben", """
⟦P:tobi|de⟧: wer hat das deployment gestern gemacht?
⟦P:selin|tr⟧: glaub ⟦P:jonas⟧ war das
⟦P:tobi⟧: frag mal ⟦P:jonas⟧ ob er den cache geleert hat
⟦P:selin⟧: der ist heute im urlaub, frau ⟦P:kowalski⟧ weiß evtl mehr
⟦P:tobi⟧: ok ich schreib ⟦P:kowalski⟧ an
"""),

("Arztbrief", """
Klinikum Nordstadt · Klinik für Neurologie

Sehr geehrte Frau Kollegin Dr. ⟦P:Hoffmann-Yıldız|tr⟧,

wir berichten über Ihre Patientin Frau ⟦P:Gisela Brandstetter|de⟧, geb. 12.05.1948, die sich vom 02.04. bis 09.04.2024 in unserer stationären Behandlung befand.

Diagnosen: Idiopathisches Parkinson-Syndrom, Hashimoto-Thyreoiditis.
Die Patientin wurde von ihrer Tochter, Frau ⟦P:Sabine Brandstetter-Lutz⟧, begleitet.

Mit freundlichen kollegialen Grüßen
Prof. Dr. med. ⟦P:Andreas Wolkenhauer|de⟧          Dr. ⟦P:Nilufar Karimova|uz⟧
Chefarzt                                   Assistenzärztin
"""),

("Schadensmeldung Kfz-Versicherung", """
Schadennummer: KH-2024-118734
Versicherungsnehmer: ⟦P:Tesfaye Haile|ti⟧, Bahnhofstraße 22, 90402 Nürnberg
Fahrer zum Unfallzeitpunkt: ⟦P:Tesfaye Haile⟧
Unfallgegner: Herr ⟦P:Giuseppe Russo|it⟧, amtl. Kennzeichen N-GR 418
Zeuge: ⟦P:Marlene Obermeier|de⟧, Tel. ⟦T:0911 555 3817⟧

Schilderung: Herr ⟦P:Russo⟧ fuhr beim Abbiegen in die Willy-Brandt-Allee auf das stehende Fahrzeug von Herrn ⟦P:Haile⟧ auf.
Sachbearbeiterin: ⟦P:Jana Lindemann|de⟧
"""),

("Pflege-Übergabe", """
Übergabe Frühdienst → Spätdienst, Station 3 West
Zi. 12: Herr ⟦P:Bogdan Ionescu|ro⟧, 67, Z. n. Hüft-TEP re., mobilisiert mit Rollator. Schmerzen gut eingestellt.
Zi. 14: Frau ⟦P:Hülya Çelik|tr⟧, 54, BZ-Entgleisung heute Nacht, Diabetologie informiert (Dr. ⟦P:Fink⟧).
Zi. 15: Frau ⟦P:Edeltraud Pfisterer|de⟧, 91, Angehörige (Sohn ⟦P:Rainer⟧) rufen um 16 Uhr an.
Übergabe: Schwester ⟦P:Magdalena⟧ an Pfleger ⟦P:Kofi Amoako|ak⟧
"""),

("Git-Log mit Co-Autor", """
commit 8d2f6e1a9b3c4d5e6f708192a3b4c5d6e7f80912
Author: ⟦P:Lukas Schäfer|de⟧ <⟦E:lukas.schaefer@kiefer-software.de⟧>
Date:   Fri Mar 1 17:45:12 2024 +0100

    Umsatzsteuer-Rundung für Rechnungen in CHF korrigiert

    Co-authored-by: ⟦P:Pham Minh Tuan|vi⟧ <⟦E:tuan.pham@kiefer-software.de⟧>
    Reviewed-by: ⟦P:Svetlana Iwanowa|ru⟧ <⟦E:s.iwanowa@kiefer-software.de⟧>
"""),

("Jira-Ticket mit Kommentaren", """
KUND-2281  Rechnungs-PDF zeigt falsche Anschrift
Melder: ⟦P:Doris Tiefenbacher|at⟧ (Vertrieb Wien)
Bearbeiter: ⟦P:Emre Doğan|tr⟧

Kommentar von ⟦P:Emre Doğan⟧, 05.06.:
Tritt nur bei Kunden mit abweichender Lieferadresse auf. @m.baumann bitte prüfen, ob das mit dem letzten Release zusammenhängt.

Kommentar von ⟦P:Doris Tiefenbacher⟧, 06.06.:
Danke ⟦P:Emre⟧! Kunde ist Kärcher, bitte priorisieren.
"""),

("Anmeldeprotokoll Logzeilen", """
2024-09-03 07:58:12 INFO  Anmeldung durch ⟦P:Katarzyna Nowak⟧ (Benutzer kn4711) von 192.168.10.44
2024-09-03 08:02:40 INFO  Freigabe Bestellung 45001873 durch ⟦P:Hans-Jürgen Schröder⟧
2024-09-03 08:05:01 WARN  Konto gesperrt: Benutzer lager03 nach 5 Fehlversuchen
2024-09-03 08:11:19 INFO  Passwort zurückgesetzt für ⟦P:Mohammed Al-Masri⟧ durch ⟦P:Ingeborg Rautenstrauch|de⟧ (IT-Service)
"""),

("Kalendereinladung", """
Einladung: Quartalsgespräch Q3 – Vertrieb Süd
Wann: Donnerstag, 19. September 2024, 10:00–11:30
Wo: Besprechungsraum „Zugspitze“, 4. OG / Microsoft Teams
Organisator: ⟦P:Maximilian Huber|de⟧
Erforderlich: ⟦P:Theresa Gruber|at⟧; ⟦P:Ayşe Demir|tr⟧; ⟦P:Nikola Marković|sr⟧
Optional: Dr. ⟦P:Wilfried Obermaier⟧

Hallo zusammen, bitte bringt die Forecast-Zahlen mit. ⟦P:Ayşe⟧ stellt die Ergebnisse der Kundenumfrage vor.
"""),

("Dienstleistungsvertrag Parteien", """
DIENSTLEISTUNGSVERTRAG

zwischen der Müller Logistik GmbH, vertreten durch den Geschäftsführer Herrn ⟦P:Carl-Philipp Freiherr von Rechenberg|de⟧, Friedrich-Ebert-Damm 311, 22159 Hamburg
– nachfolgend „Auftraggeber“ –

und

Frau ⟦P:Dragana Petrović-Schmitt|sr⟧, Inhaberin von „DPS Übersetzungen“, Schanzenstraße 41, 20357 Hamburg
– nachfolgend „Auftragnehmerin“ –

§ 1 Vertragsgegenstand: Die Auftragnehmerin übersetzt technische Dokumentation aus dem Serbischen und Kroatischen ins Deutsche.
"""),

("Lokalnachricht Zeitung", """
INGOLSTADT – Der Oberbürgermeister ⟦P:Karl-Heinz Oberländer|de⟧ hat am Montag den neuen Radweg an der Donau eröffnet. Die Kosten von 2,4 Millionen Euro trägt zum Großteil der Freistaat. „Das ist ein wichtiger Lückenschluss“, sagte ⟦P:Oberländer⟧. Kritik kam vom ADFC-Kreisvorsitzenden ⟦P:Jannik Thorsen|da⟧: Die Ampelschaltung an der Audi-Kreuzung sei „lebensgefährlich“.
"""),

("Übergabenotiz Urlaubsvertretung", """
Übergabe an ⟦P:Svenja|de⟧ (Urlaubsvertretung 05.–23.08.)

- Kunde Rossmann: Angebot liegt im Ordner, Rückmeldung von Frau ⟦P:Albrecht⟧ steht aus.
- ⟦P:Andreas⟧' Laptop ist noch in der Reparatur, Leihgerät bei ⟦P:Gülsen Yıldırım|tr⟧ abholen.
- Bei Fragen zur Abrechnung: ⟦P:Piotr Kamiński|pl⟧, ⟦T:+49 176 5550 2387⟧.
Danke dir, ⟦P:Svenja⟧! – ⟦P:Miriam⟧
"""),

("Teams-Chat mit Zeitstempel", """
[08:57] ⟦P:Benedikt Zangerl|at⟧: Morgen! Hat jemand die Zugangsdaten für das neue Ticketsystem?
[08:58] ⟦P:Yasmin El-Sayed|ar⟧: Frau ⟦P:Wendt⟧ hat sie gestern rumgeschickt
[09:01] ⟦P:Benedikt Zangerl⟧: ah, gefunden, danke ⟦P:Yasmin⟧
[09:03] ⟦P:Claudia Wendt|de⟧: Bitte nicht per Mail weiterleiten, ⟦P:Benedikt⟧ 🙂
"""),

("Ansprechpartner Markdown-Tabelle", """
| Ansprechpartner | Funktion | Standort | Telefon |
|---|---|---|---|
| Dr. ⟦P:Ingrid Vollmer-Saleh⟧ | Werksleitung | Ludwigshafen | ⟦T:+49 621 555 7310⟧ |
| ⟦P:Aleksandar Nikolić|sr⟧ | Instandhaltung | Ludwigshafen | ⟦T:+49 621 555 7344⟧ |
| ⟦P:Beatrix Haberl|at⟧ | Einkauf | Linz | ⟦T:+43 732 555 218⟧ |
| ⟦P:Reto Caflisch|ch⟧ | Vertrieb | Chur | ⟦T:+41 81 555 23 90⟧ |
"""),

("Bewerber JSON-Export", """
[
  {"bewerber_id": 9031, "name": "⟦P:Mariam Sultani|af⟧", "stelle": "Pflegefachkraft (m/w/d)", "status": "Einladung"},
  {"bewerber_id": 9032, "name": "⟦P:Kevin Schulze-Wendt|de⟧", "stelle": "Pflegefachkraft (m/w/d)", "status": "Absage"},
  {"bewerber_id": 9033, "name": "⟦P:Ivana Horvat|hr⟧", "stelle": "Stationsleitung", "status": "Zweitgespräch", "notiz": "Rückruf durch Frau Dr. ⟦P:Lammers⟧"}
]
"""),

("SQL INSERT Mitglieder", """
INSERT INTO mitglieder (nr, name, ort, beitrag) VALUES
  (1, '⟦P:Hildegard Ruppersberger|de⟧', 'Bamberg', 48.00),
  (2, '⟦P:Kwabena Asiedu|ak⟧', 'Bamberg', 48.00),
  (3, '⟦P:Józef Lewandowski|pl⟧', 'Forchheim', 24.00),
  (4, '⟦P:Mai-Linh Tran|vi⟧', 'Erlangen', 24.00);
"""),

("Kündigungsschreiben", """
⟦P:Ayşe Demir⟧
Weserstraße 17
12047 Berlin

An die Vonovia SE
Kundenservice

Kündigung des Mietvertrags Nr. 7718-221-05

Sehr geehrte Damen und Herren,

hiermit kündige ich den oben genannten Mietvertrag fristgerecht zum 31.12.2024. Mein Mitbewohner, Herr ⟦P:Cem Aydoğan|tr⟧, ist mit der Kündigung einverstanden.

Mit freundlichen Grüßen
⟦P:Ayşe Demir⟧
"""),

("Gerichtsbeschluss Rubrum", """
AMTSGERICHT KÖLN
Beschluss
In dem Rechtsstreit
⟦P:Nadine Zürcher|ch⟧, Konrad-Adenauer-Ufer 7, 50668 Köln,
– Klägerin –
Prozessbevollmächtigter: Rechtsanwalt Dr. ⟦P:Thilo Brenninkmeyer⟧
gegen
Deutsche Wohnen SE, vertreten durch den Vorstand,
– Beklagte –
hat das Amtsgericht Köln durch die Richterin am Amtsgericht ⟦P:Okonkwo-Falk⟧ beschlossen: ...
"""),

("Vereinsprotokoll Mitgliederversammlung", """
Protokoll der Mitgliederversammlung des TSV Eintracht Hameln e. V.
Versammlungsleitung: 1. Vorsitzende ⟦P:Hildegard Ruppersberger⟧
Protokoll: ⟦P:Dennis Kowalewski|pl⟧
Anwesend: 37 Mitglieder (siehe Anwesenheitsliste)

TOP 4 Wahlen: Zum Kassenwart wird ⟦P:Serkan Öztürk|tr⟧ gewählt (35 Ja, 2 Enthaltungen). Herr ⟦P:Öztürk⟧ nimmt die Wahl an.
TOP 5 Ehrungen: ⟦P:Waltraud Meinecke|de⟧ wird für 50 Jahre Mitgliedschaft geehrt.
"""),

("Bewerbungsgespräch Notizen", """
Gesprächsnotiz Bewerbung Stationsleitung
Kandidatin: ⟦P:Ivana Horvat⟧
Gesprächsführung: Frau Dr. ⟦P:Brigitte Lammers⟧ (Pflegedirektion), Herr ⟦P:Önder⟧ (Betriebsrat)
Eindruck: sehr strukturiert, Führungserfahrung in Zagreb und Graz. Frau ⟦P:Horvat⟧ kann zum 01.11. anfangen.
Empfehlung ⟦P:Lammers⟧: Zusage.
"""),

("Schichtplan", """
Schichtplan KW 37 – Lager Dortmund
Mo  Früh: ⟦P:Dariusz Mazur|pl⟧, ⟦P:Abdullahi Yusuf|so⟧   Spät: ⟦P:Sven Kruse|de⟧
Di  Früh: ⟦P:Abdullahi Yusuf⟧                  Spät: ⟦P:Natalia Petrenko|uk⟧, ⟦P:Sven Kruse⟧
Mi  Früh: ⟦P:Dariusz Mazur⟧                    Spät: ⟦P:Natalia Petrenko⟧
Tausch nur nach Absprache mit Herrn ⟦P:Brinkmann⟧.
"""),

("Kundenservice-Chat", """
[15:12] Chatbot: Willkommen beim Kundenservice der Deutschen Bahn. Wie kann ich helfen?
[15:13] Kunde: Hallo, mein Name ist ⟦P:Ingo Reitmeier|de⟧, Buchungsnummer Q7X2LK, mein ICE nach Hamburg fiel aus.
[15:15] Mitarbeiterin (⟦P:Alina⟧): Hallo Herr ⟦P:Reitmeier⟧, das tut mir leid. Ich erstatte Ihnen den Fahrpreis.
[15:16] Kunde: Danke ⟦P:Alina⟧. Bitte auch die Reservierung für meine Frau (⟦P:Simone Reitmeier⟧).
"""),

("Reisekostenabrechnung", """
Reisekostenabrechnung Nr. RK-24-0412
Reisende/r: ⟦P:Wiebke Johannsen|de⟧
Reiseziel: Kopenhagen (Kunde Mærsk Drilling)
Zeitraum: 11.–13.06.2024
Begleitung: ⟦P:Mads Østergaard|da⟧ (Kunde), ⟦P:Laila Haidari|af⟧ (Projektleitung)
Genehmigt: ⟦P:Jens-Uwe Brockmann|de⟧, 17.06.2024
"""),

("Willkommens-Newsletter", """
Neu an Bord 🎉
Wir begrüßen ⟦P:Chiara Bellini|it⟧ im Controlling, ⟦P:Oluwadamilare Adeyemi|yo⟧ in der Softwareentwicklung und ⟦P:Marit Sæther|no⟧ im Einkauf. ⟦P:Chiara⟧ war zuvor bei der Allianz, ⟦P:Marit⟧ kommt von Equinor aus Stavanger.
"""),

("Mietvertrag Parteien", """
MIETVERTRAG FÜR WOHNRAUM
Vermieter: Herr ⟦P:Wolfgang Zimmermann|de⟧, Goethestraße 8, 60313 Frankfurt am Main
Mieter: Frau ⟦P:Li Na Wang|zh⟧ und Herr ⟦P:Jakob Wang-Ebersbach⟧
Mietobjekt: 3-Zimmer-Wohnung, Schillerstraße 25, 2. OG links
Hausverwaltung: Immobilien Heinrich & Söhne KG, Ansprechpartnerin Frau ⟦P:Pohl⟧
"""),

("Rundmail Team", """
Liebes Team,

ab Montag übernimmt ⟦P:Nguyen Van Hung|vi⟧ die Leitung der Schicht B. Sein Stellvertreter ist ⟦P:Mohammed Al-Masri⟧. Vielen Dank an ⟦P:Heike⟧ für die kommissarische Leitung in den letzten Monaten!

Bei Fragen wendet euch an mich oder an ⟦P:Farhad Nazari|fa⟧ aus der Personalabteilung.

VG
⟦P:Steffi Brandl|de⟧
"""),

("Git blame Ausgabe", """
4be1d2a0 (⟦P:Jürgen Maß|de⟧          2022-05-17 09:02:11 +0200 118)     if (betrag < 0) {
4be1d2a0 (⟦P:Jürgen Maß⟧          2022-05-17 09:02:11 +0200 119)         throw new UngueltigerBetragException(betrag);
f1e2d3c4 (⟦P:Zeynep Karataş|tr⟧      2024-01-09 14:33:45 +0100 120)     }
aa77bb88 (⟦P:Radosław Kaczmarek|pl⟧  2024-02-20 11:12:03 +0100 121)     return runde(betrag, 2);
"""),

("Notfallkontakte Aushang", """
NOTFALLKONTAKTE – Werk Sindelfingen
Werkschutz: ⟦T:07031 555 100⟧
Ersthelfer Halle 3: ⟦P:Marija Kovačić|hr⟧ – ⟦T:0152 5550 8812⟧
Ersthelfer Halle 5: ⟦P:Uwe Fetzer|de⟧ – ⟦T:0171 5553 3409⟧
Brandschutzbeauftragter: ⟦P:Erkan Yavuz|tr⟧
"""),

("Antrag Großbuchstaben Nachname-Vorname", """
ANTRAG AUF ELTERNZEIT
ANTRAGSTELLER: ⟦P:SCHMIDT, KARL-HEINZ|de⟧
PERSONALNUMMER: 008812
KIND: ⟦P:SCHMIDT, EMMA LUISA⟧, GEB. 02.07.2024
ZEITRAUM: 01.09.2024 – 28.02.2025
GENEHMIGT DURCH: DR. ⟦P:HELLWEG⟧
"""),

("Schweizer Offerte", """
Grüezi Frau ⟦P:Brunner⟧

Besten Dank für Ihre Anfrage. Gerne offerieren wir Ihnen die Renovation der Liegenschaft an der Bahnhofstrasse 12 in Winterthur. Unser Bauleiter, Herr ⟦P:Beat Gähwiler|ch⟧, wird Sie nächste Woche kontaktieren. Für Rückfragen steht Ihnen auch ⟦P:Fabienne Rüegg|ch⟧ zur Verfügung: ⟦E:f.rueegg@baumann-bau.ch⟧.

Freundliche Grüsse
⟦P:Urs Baumann|ch⟧
Baumann Bau AG
"""),

("Österreich akademische Titel", """
Sitzungsprotokoll Vorstand, Graz
Anwesend: Mag. ⟦P:Elisabeth Pichler|at⟧ (Vorsitz), DI Dr. ⟦P:Florian Hödl|at⟧, Ing. ⟦P:Mustafa Begić|bs⟧, MMag. ⟦P:Verena Strohmaier-Krainer|at⟧
Mag. ⟦P:Pichler⟧ eröffnet die Sitzung um 17:05 Uhr. DI ⟦P:Hödl⟧ berichtet über das Budget 2025.
"""),

("Beratungsstelle Fallnotiz", """
Fallnotiz Migrationsberatung – vertraulich
Klient: ⟦P:Habibullah Sultani|af⟧, geb. 1996, Aufenthaltsgestattung
Begleitung: Dolmetscherin ⟦P:Parwana Rahimi|af⟧
Anliegen: Anerkennung des Berufsabschlusses (Elektriker). Termin bei der IHK am 14.10. vereinbart. Herr ⟦P:Sultani⟧ bringt Zeugnisse mit. Rückmeldung an Frau ⟦P:Amoah-Schulte|ak⟧ (Jobcenter).
"""),

("Forschungsprojekt Partnerliste", """
Projektpartner – Verbundvorhaben „KlimaSens“
- Universität Stuttgart: Prof. Dr. ⟦P:Lorenz Eichhorn|de⟧, Dr. ⟦P:Zhou Mingyu|zh⟧
- Fraunhofer IPA: ⟦P:Anja Wetzel|de⟧
- Helmholtz-Zentrum Geesthacht: Dr. ⟦P:Sipho Khumalo-Berger|zu⟧
- Max-Planck-Institut für Meteorologie: ⟦P:Kristín Ólafsdóttir|is⟧
Koordination: ⟦P:Lorenz Eichhorn⟧
"""),

]

ITEMS += [

("neg: Standorttabelle Städte", """
| Standort        | Bundesland           | Mitarbeitende | Leitung   |
|-----------------|----------------------|---------------|-----------|
| Ludwigshafen    | Rheinland-Pfalz      | 412           | vakant    |
| Wilhelmshaven   | Niedersachsen        | 88            | kommissarisch |
| Friedrichshafen | Baden-Württemberg    | 205           | vakant    |
| Karlsruhe       | Baden-Württemberg    | 317           | siehe Organigramm |
| Augsburg        | Bayern               | 141           | vakant    |
| Emden           | Niedersachsen        | 52            | vakant    |
"""),

("neg: Straßenverzeichnis", """
Zustellbezirk 7 – Straßenverzeichnis
Bismarckstraße 1–88
Friedrich-Ebert-Allee 2–140 (gerade)
Goethestraße 1–45
Karl-Marx-Straße 100–260
Konrad-Adenauer-Ufer 1–21
Rosa-Luxemburg-Platz
Willy-Brandt-Platz
Sophie-Scholl-Weg
"""),

("neg: Lieferantenliste Firmen", """
Freigegebene Lieferanten 2025:
Siemens AG (Antriebstechnik), Robert Bosch GmbH (Sensorik), Miele & Cie. KG (Großküchengeräte), Dr. Oetker (Kantinenbedarf), Haribo (Werbemittel), Boehringer Ingelheim (Betriebsarztbedarf), Würth (C-Teile), Kärcher (Reinigungstechnik), Fielmann (Arbeitsschutzbrillen), Porsche Consulting (Lean-Beratung).
"""),

("neg: Leitlinie Krankheitsnamen", """
Aufnahmekriterien Tagesklinik Neurologie:
- Morbus Parkinson im Stadium Hoehn und Yahr 2–3
- Alzheimer-Demenz, leicht bis mittelgradig
- Morbus Crohn und Colitis ulcerosa nur nach Rücksprache mit der Gastroenterologie
- Creutzfeldt-Jakob-Krankheit: Ausschluss
- Hashimoto-Thyreoiditis und Morbus Bechterew sind keine Ausschlusskriterien.
"""),

("neg: Forschungseinrichtungen Prosa", """
Das Konsortium besteht aus dem Max-Planck-Institut für Chemie, der Fraunhofer-Gesellschaft, dem Robert Koch-Institut und der Friedrich-Schiller-Universität Jena. Die Auftaktveranstaltung findet im Goethe-Institut statt; gefördert wird das Projekt von der Konrad-Adenauer-Stiftung und der Humboldt-Stiftung.
"""),

("neg: Stellenanzeige Berufe wie Nachnamen", """
Für unser Hotel am Bodensee suchen wir ab sofort:
- Koch/Köchin (m/w/d) in Vollzeit
- Bäcker (m/w/d) für die Frühschicht
- Schneider (m/w/d) für unsere Änderungsschneiderei
- Fischer (m/w/d) als Aushilfe für den Hausfang
- Zimmermann (m/w/d) für Instandhaltung
Bewerbungen bitte über unser Karriereportal. Wir freuen uns auf Sie!
"""),

("neg: Fuhrpark Produkte", """
Fuhrpark-Übersicht 2024
Mercedes-Benz Sprinter 316 CDI – 12 Fahrzeuge – Leasing bis 2026
VW ID. Buzz Cargo – 4 Fahrzeuge – Pilotphase
Porsche Taycan – 1 Fahrzeug – Geschäftsführung
Opel Corsa-e – 9 Fahrzeuge – Außendienst
Ford Transit Custom – 6 Fahrzeuge – Service
Ladeinfrastruktur: Wallboxen von ABB, Abrechnung über EnBW.
"""),

("neg: Feiertagskalender und Monate", """
Betriebsferien und Feiertage 2025 (Bayern)
Heilige Drei Könige – Montag, 6. Januar
Karfreitag – 18. April, Ostermontag – 21. April
Christi Himmelfahrt – Donnerstag, 29. Mai
Pfingstmontag – 9. Juni, Fronleichnam – Donnerstag, 19. Juni
Mariä Himmelfahrt – Freitag, 15. August
Betriebsferien: Montag, 22. Dezember bis Freitag, 2. Januar
"""),

("neg: Systemlog Dienstkonten", """
2024-10-02 01:00:00 INFO  Sicherung gestartet (Dienstkonto svc_sicherung)
2024-10-02 01:47:13 INFO  Sicherung abgeschlossen, 412 GB
2024-10-02 06:31:55 WARN  Anmeldung fehlgeschlagen: Benutzer admin, Quelle 10.20.30.40
2024-10-02 06:32:10 WARN  Anmeldung fehlgeschlagen: Benutzer hr_export01
2024-10-02 07:00:02 INFO  Freigabe-Workflow durch Systemkonto wf-engine abgeschlossen
"""),

("neg: Organigramm Abteilungen", """
Organigramm Verwaltung (Stand: Oktober)
Geschäftsführung
├── Stabsstelle Datenschutz
├── Personalabteilung
│   ├── Personalentwicklung
│   └── Entgeltabrechnung
├── Finanzen und Controlling
└── Einkauf und Logistik
    ├── Leitung Einkauf (vakant)
    └── Werkstudierende (m/w/d)
"""),

]
