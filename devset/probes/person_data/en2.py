# English prompts, part 2 (positives, then hard negatives without any label)
ITEMS = [

("court judgment excerpt", """
IN THE COUNTY COURT AT MANCHESTER                      Claim No. K00MA412
BETWEEN
                         ⟦P:ADEOLA OLUWASEGUN-PRICE|yo⟧                Claimant
                                   - and -
                         BRIGHTWATER HOMES LIMITED              Defendant

JUDGMENT
1. This is a claim for disrepair. The Claimant, Ms ⟦P:Oluwasegun-Price⟧, was represented by Mr ⟦P:Ciarán Mulvihill|ga⟧ of counsel; the Defendant by Ms ⟦P:Harriet Stonehouse|en⟧, solicitor.
2. I heard evidence from the Claimant and from the Defendant's surveyor, Mr ⟦P:Ravindra Gunasekara|lk⟧.
"""),

("outlook header last-first recipients", """
From: ⟦P:Fitzgerald-Ngata, Aroha|mi⟧ <⟦E:aroha.fitzgerald-ngata@tidewater.co.nz⟧>
Sent: Wednesday, 7 August 2024 09:12
To: ⟦P:Okonjo, Marguerite⟧; ⟦P:Holmqvist, Per|sv⟧; ⟦P:Bhatt, Devika|gu⟧
Subject: Board pack – final

All – final pack attached. ⟦P:Per⟧, section 4 reflects your comments. ⟦P:Devika⟧, can you confirm the treasury figures by noon?
⟦P:Aroha⟧
"""),

("meeting transcript VTT", """
WEBVTT

00:00:03.120 --> 00:00:07.900
⟦P:Kirra Anderson|en⟧: Okay, I think we're recording. Welcome everyone.

00:00:08.010 --> 00:00:14.450
⟦P:Oleksandra Bondarenko|uk⟧: Thanks ⟦P:Kirra⟧. Before we start, ⟦P:Thabo⟧ asked me to say he'll join late.

00:00:14.900 --> 00:00:19.300
⟦P:Kirra Anderson⟧: No problem. ⟦P:Oleksandra⟧, do you want to take the roadmap first?
"""),

("out of office auto-reply", """
Automatic reply: RE: Invoice query 44718

Thank you for your email. I am out of the office until Monday 5 August with limited access to email. For urgent matters please contact my colleague ⟦P:Ngaire Tāwhai|mi⟧ (⟦E:ngaire.tawhai@kauriaccounting.co.nz⟧, ⟦T:+64 9 555 0172⟧).

Kind regards,
⟦P:Siosaia Vainikolo|to⟧
"""),

("tenant complaint with street names", """
Dear Sir or Madam,

I am writing about the flat at 12 Nelson Street, Bristol BS1 2LR. Since the storm on 3 January there has been water coming in through the bedroom ceiling. I reported this to your agent, Mr ⟦P:Okeke⟧ – sorry, ⟦P:Uchenna Okeke|ig⟧ – twice, and the contractor from Wellington Road Builders never came.

My neighbour at number 14, Mrs ⟦P:Bronwen Tudor-Jones|cy⟧, has the same problem.

Yours faithfully,
⟦P:Ifeoma Nwachukwu|ig⟧
"""),

("hospital discharge summary", """
DISCHARGE SUMMARY
Patient: ⟦P:Stanisław Grabowski|pl⟧   MRN: 7734019   Ward: Neurology 2
Consultant: Dr ⟦P:Ananya Ramaswamy|ta⟧

Diagnosis: Idiopathic Parkinson's disease with recurrent falls. No evidence of Lewy body dementia. Tremor improved on co-careldopa.
Follow-up: Parkinson's nurse specialist (⟦P:Ruth Kinsella|ga⟧) in 6 weeks. GP: Dr ⟦P:M. Abiodun|yo⟧, Broad Street Surgery.
Next of kin: ⟦P:Jadwiga Grabowska|pl⟧ (wife) – ⟦T:01632 960 447⟧
"""),

("bank statement lines", """
Date       Description                                   Out       In
02/05/24   FASTER PAYMENT TO ⟦P:O ADEBAYO|yo⟧ REF RENT MAY      850.00
03/05/24   DD THAMES WATER                                 42.10
04/05/24   CARD PAYMENT TO PRET A MANGER LONDON             6.45
06/05/24   FASTER PAYMENT FROM ⟦P:KOWALSKI W|pl⟧ REF DINNER              32.50
07/05/24   STO MRS ⟦P:P NAIDOO|ta⟧ SAVINGS                          200.00
"""),

("hard positive: names that are words or places", """
Customer success notes
- ⟦P:Jordan Blake|en⟧ (account in Savannah, Georgia) wants to move to annual billing.
- ⟦P:April Nakamura|ja⟧ confirmed the May renewal; ⟦P:Will Kowalski|pl⟧ will review the contract.
- ⟦P:Florence Adeyemi|yo⟧ asked whether the Florence datacentre is GDPR-compliant.
- ⟦P:Victoria Chen|zh⟧ is leaving in June; her replacement is ⟦P:Summer Ashby|en⟧.
- ⟦P:Paris Mbeki|xh⟧ from the Paris office will join the QBR.
"""),

("whatsapp chat export", """
12/03/2024, 18:45 - ⟦P:Folake|yo⟧: Has anyone got the key for the storeroom?
12/03/2024, 18:47 - ⟦P:Emeka Chukwu|ig⟧: ⟦P:Ngozi⟧ had it last
12/03/2024, 18:49 - ⟦P:Ngozi Umeh|ig⟧: I gave it to Pastor ⟦P:Adewale⟧ on Sunday 😅
12/03/2024, 18:50 - ⟦P:Folake⟧: Ok I'll call him. ⟦P:Emeka⟧ can you open at 7 tomorrow?
12/03/2024, 18:52 - ⟦P:Emeka Chukwu⟧: 👍
"""),

("deposition transcript", """
Q. Please state your full name for the record.
A. ⟦P:Rosa Elena Villalobos Treviño|mx⟧.
Q. And you worked for Mr. ⟦P:Hargreaves|en⟧ from 2016 to 2021?
A. Yes. First under ⟦P:Tom Hargreaves⟧, then under his daughter, ⟦P:Alison⟧.
Q. Did ⟦P:Alison Hargreaves⟧ ever discuss the payments with you?
A. No, that was Mr. ⟦P:Delgado⟧'s area.
"""),

("hotel booking confirmation", """
Booking confirmation 5531-8890-12
Guest: ⟦P:KIM Soo-ah|ko⟧
Additional guest: ⟦P:LEE Dong-hyun|ko⟧
Arrival: Thu 14 Nov 2024   Departure: Sun 17 Nov 2024
Room: Deluxe King, non-smoking
Booked by: ⟦P:Astrid Kjellberg|sv⟧ (⟦E:travel@nordlys-consulting.no⟧)
"""),

("HR JSON nested name fields", """
{
  "employees": [
    {"id": "A-204", "name": {"given": "⟦P:Aroha|mi⟧", "family": "⟦P:Ngata⟧"}, "title": "Product Designer", "location": "Auckland"},
    {"id": "A-205", "name": {"given": "⟦P:Tomás|ga⟧", "family": "⟦P:Ó Murchú⟧"}, "title": "Staff Engineer", "location": "Cork"},
    {"id": "A-206", "name": {"given": "⟦P:Nomsa|zu⟧", "family": "⟦P:Khumalo⟧"}, "title": "Head of Sales", "location": "Durban"}
  ],
  "exported_by": "⟦P:Priscilla Oduro-Mensah|ak⟧"
}
"""),

("timesheet lowercase last-first", """
week_ending,employee,project,hours
2024-06-07,"⟦P:nakamura, kenji|ja⟧",ACME-migration,38.5
2024-06-07,"⟦P:obi, chinedu|ig⟧",ACME-migration,40
2024-06-07,"⟦P:fernandes, ana|pt⟧",internal,16
2024-06-07,"⟦P:ostrowski, marek|pl⟧",ACME-migration,40
"""),

("incident postmortem timeline", """
Postmortem: Checkout outage, 2024-03-19
Incident commander: ⟦P:Aleksandra Nowicka|pl⟧
Scribe: ⟦P:Emmanuel Asamoah|ak⟧
Comms: ⟦P:Leilani Kealoha|haw⟧

Timeline (UTC)
14:02 Alert fires for checkout error rate > 5%.
14:05 ⟦P:Aleksandra⟧ paged; joined bridge 14:07.
14:11 ⟦P:Tiago Mendes|pt⟧ identifies bad feature flag rollout (flag: new_tax_calc).
14:14 Flag rolled back by ⟦P:Tiago⟧. Error rate recovers by 14:19.
14:30 ⟦P:Leilani⟧ posts all-clear on status page.
"""),

("docusign notification", """
⟦P:Rosalind Achterberg|nl⟧ sent you a document to review and sign.

Please DocuSign: NDA_Fjordline_2024.pdf

Message from ⟦P:Rosalind Achterberg⟧: "Hi Mr ⟦P:Bhattarai⟧, as discussed with ⟦P:Sven Kvist|sv⟧ – please sign by Friday."

Envelope ID: 8F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0
"""),

("new starter newsletter", """
👋 Welcome to our new starters this month!
⟦P:Mirela Kovačević|hr⟧ joins Finance from PwC. ⟦P:Kwabena Owusu-Ansah|ak⟧ is our new Facilities Coordinator – say hi if you see him around the Leeds office. And ⟦P:Aigul Sarsenbayeva|kk⟧ joins the data team; ⟦P:Aigul⟧ previously worked at Kaspi.kz.
"""),

("sports club membership CSV", """
member_no;surname;forename;category;renewal
1041;⟦P:O'Sullivan⟧;⟦P:Bríd|ga⟧;senior;2025-01-31
1042;⟦P:MacAulay⟧;⟦P:Iain|gd⟧;veteran;2025-01-31
1043;⟦P:Van Rensburg⟧;⟦P:Pieter|nl⟧;senior;2025-03-31
1044;⟦P:Abubakar⟧;⟦P:Halima|ha⟧;junior;2025-03-31
"""),

("reference letter", """
To whom it may concern,

I have known ⟦P:Kalani Makoa|haw⟧ for four years, first as a student in my graduate seminar and later as a research assistant in my lab. ⟦P:Kalani⟧'s work on coral bleaching models was outstanding, and Mx ⟦P:Makoa⟧ co-authored two papers with my postdoc, Dr. ⟦P:Ilse Verbruggen⟧.

Sincerely,
Professor ⟦P:Adaora Nwankwo|ig⟧
"""),

("press release quote", """
FOR IMMEDIATE RELEASE

Greenfield Solar Appoints New Chief Operating Officer

DENVER, CO – Greenfield Solar today announced the appointment of ⟦P:Lorena Tsosie|nv⟧ as Chief Operating Officer, effective 1 October. ⟦P:Tsosie⟧ joins from Xcel Energy, where she led grid integration.

"⟦P:Lorena⟧ brings exactly the operational discipline we need," said CEO ⟦P:Marcus Whitfield-Adjei|ak⟧.

Media contact: ⟦P:Dana Kowalchuk|uk⟧, ⟦E:press@greenfieldsolar.com⟧, ⟦T:+1 303 555 0164⟧
"""),

("server access request email", """
Subject: Access request – prod read-only

Hi ⟦P:Ruairí|ga⟧,

Could you grant ⟦P:Sadia Islam|bd⟧ read-only access to the prod replicas? She's covering for ⟦P:Tobias⟧ while he's on paternity leave. Her manager (⟦P:Aleksander Solberg|no⟧) has approved – see below.

Thanks!
⟦P:Chanel Williams|aa⟧

---------- Forwarded message ---------
From: ⟦P:Aleksander Solberg⟧ <⟦E:aleksander.solberg@fjordline-data.no⟧>
Approved. /⟦P:Aleksander⟧
"""),

("birthday list team channel", """
🎂 Team birthdays in July
3rd – ⟦P:Ngaio|mi⟧
9th – ⟦P:Chinonso|ig⟧
14th – ⟦P:Tomás|es⟧
22nd – ⟦P:Yerlan|kk⟧
28th – ⟦P:Marjolein|nl⟧ (and ⟦P:Marjolein⟧'s dog, apparently)
"""),

("kanban board export", """
TODO
- [OPS-118] Rotate TLS certs – owner: ⟦P:Hiroshi Takeda|ja⟧
- [OPS-121] Patch bastion host – owner: unassigned
IN PROGRESS
- [OPS-109] Migrate cron jobs to Airflow – owner: ⟦P:Temperance Blackwood|en⟧
DONE
- [OPS-102] Decommission old Jenkins – owner: ⟦P:Kemal Aydın|tr⟧ (reviewed by ⟦P:Hiroshi⟧)
"""),

("property listing agent", """
Charming two-bedroom Victorian terrace on Queen Victoria Road, close to Prince Albert Park and the Elizabeth line. Newly fitted kitchen by Magnet, south-facing garden.
Viewings strictly by appointment with ⟦P:Tallulah Brennan|ga⟧ at Foxtons Clapham – ⟦T:020 7946 0958⟧.
"""),

]

# ---------------------------------------------------------------- hard negatives (no labels)
ITEMS += [

("neg: office cities table", """
| Office      | Region        | Headcount | Lease ends |
|-------------|---------------|-----------|------------|
| Lincoln     | East Midlands | 42        | Mar 2027   |
| Victoria    | British Columbia | 18     | Jun 2026   |
| Florence    | Tuscany       | 11        | Dec 2025   |
| Adelaide    | South Australia | 27      | Sep 2028   |
| Charlotte   | North Carolina | 63       | Jan 2027   |
| Jackson     | Mississippi   | 9         | Apr 2026   |
| Austin      | Texas         | 120       | Aug 2029   |
"""),

("neg: automotive product notes", """
Fleet review – options for 2025
- Tesla Model Y Long Range: lowest running cost, charging at the Dearborn depot needs an upgrade.
- Ford Ranger Raptor: preferred by the field team for rural sites.
- Mercedes-Benz eVito: good for the Kingston–Richmond courier route.
- Rolls-Royce engines are out of scope (aviation division only).
Recommendation: pilot 10 Tesla and 6 Ford vehicles from April.
"""),

("neg: department directory", """
## Department directory

| Department            | Floor | Extension | Head of Department |
|-----------------------|-------|-----------|--------------------|
| Finance & Procurement | 3     | 3100      | vacant             |
| People & Culture      | 2     | 2100      | interim (see HR)   |
| Platform Engineering  | 5     | 5100      | TBC                |
| Legal & Compliance    | 4     | 4100      | vacant             |
"""),

("neg: agenda with month weekday and modal words", """
AGENDA – Planning Day, Monday 6 May
09:00 Welcome and Objectives
09:30 Review of April Numbers
10:15 Will We Hit the June Target? (open discussion)
11:00 Mark as Done: Clearing the Backlog
12:00 Lunch – Grand Hall
13:30 Bill Payment Run: New Approval Flow
14:30 Grant Applications for Autumn
15:30 Wrap-up, Next Steps for Summer
"""),

("neg: clinical guideline eponymous diseases", """
Clinic triage guidance (neurology outpatients)
Urgent: suspected Guillain-Barré syndrome, new-onset seizures, rapidly progressive Creutzfeldt-Jakob disease.
Routine: stable Parkinson's disease, mild Alzheimer's disease, Tourette syndrome review, Bell's palsy follow-up.
Refer to haematology: suspected Hodgkin lymphoma. Refer to gastroenterology: Crohn's disease flare.
Patients with Down syndrome should be offered an extended appointment.
"""),

("neg: corporate news companies with surnames", """
Deals roundup: Johnson & Johnson agreed to sell its consumer-health stake; advisers were Goldman Sachs and Morgan Stanley, with Deloitte handling due diligence. Procter & Gamble reported flat volumes in Europe. Marks & Spencer shares rose 3% after upgrading guidance, while Ernst & Young (EY) said it would cut 150 UK advisory roles. McKinsey declined to comment.
"""),

("neg: travel itinerary transport hubs", """
Itinerary – Team offsite
Tue: Depart London St Pancras 09:01 (Eurostar 9014) → Paris Gare du Nord 12:17.
Wed: Paris Charles de Gaulle Airport T2E → New York John F. Kennedy International Airport, AF 006.
Thu: Transfer to Washington Union Station, hotel on Pennsylvania Avenue.
Fri: Return via Dulles; arrive Heathrow T4 Saturday morning, Elizabeth line to Canary Wharf.
"""),

("neg: auth log service accounts only", """
2024-07-01T02:00:01Z INFO  cron     job=nightly-backup user=svc_backup status=started
2024-07-01T02:14:33Z INFO  auth     login by svc-deploy from 10.0.4.12 (key auth)
2024-07-01T02:15:02Z WARN  auth     failed login user=admin ip=203.0.113.44
2024-07-01T02:15:09Z WARN  auth     failed login user=jdoe42 ip=203.0.113.44
2024-07-01T02:20:47Z INFO  sudo     user=root cmd="systemctl restart nginx"
2024-07-01T03:01:12Z INFO  billing  invoice batch B-7781 approved by approver-bot
"""),

("neg: job posting titles", """
We're hiring! Senior Data Engineer (Hybrid, Manchester)

Reporting to the Head of Data Platform, you'll work alongside our Principal Architect, two Staff Engineers and the Chief Technology Officer's office. You'll partner with Product Managers, the Customer Success Team and our Information Security Officer.

What you'll bring: Python, Apache Spark, Kafka, dbt, Terraform and AWS. Nice to have: Databricks or Snowflake certification.
"""),

("neg: slack with team and squad names", """
#release-train
Team Phoenix: API freeze done ✅
Squad Orion: still waiting on the Atlas migration, ETA Wednesday
Release Captain: please confirm go/no-go by 16:00
Platform Guild: Kubernetes 1.29 upgrade postponed to next train (see ticket REL-882)
@here reminder: code freeze starts Friday at noon
"""),

("neg: addresses with street names", """
Delivery addresses – May batch
1) 221 Martin Luther King Jr. Blvd, Newark NJ 07102
2) 3 Abbey Road, London NW8 9AY
3) 45 George Street, Edinburgh EH2 2HT
4) 18 Queen Victoria Street, London EC4N 4SA
5) 700 Washington Avenue, Miami Beach FL 33139
6) 12 Lincoln Road, Peterborough PE1 2SN
"""),

("neg: product SQL insert", """
INSERT INTO products (sku, name, brand, category, price) VALUES
  ('SH-1001', 'Air Jordan 1 Retro High', 'Nike', 'footwear', 179.99),
  ('DR-2044', 'Quencher Tumbler 40oz', 'Stanley', 'drinkware', 45.00),
  ('KT-0310', 'Wide Mouth Mason Jar', 'Ball', 'kitchen', 12.50),
  ('TY-7788', 'Lego Ferrari Daytona SP3', 'Lego', 'toys', 399.99),
  ('AU-5120', 'Sennheiser Momentum 4', 'Sennheiser', 'audio', 299.00);
"""),

("neg: warehouse JSON", """
[
  {"site": "Hamilton", "country": "NZ", "capacity_pallets": 4200, "manager": null},
  {"site": "Wellington", "country": "NZ", "capacity_pallets": 3100, "manager": null},
  {"site": "Darwin", "country": "AU", "capacity_pallets": 1800, "manager": null},
  {"site": "Alexandria", "country": "EG", "capacity_pallets": 5200, "manager": null},
  {"site": "San Jose", "country": "US", "capacity_pallets": 6100, "manager": null}
]
"""),

("neg: awards and eponymous prizes prose", """
The university announced that three alumni had been shortlisted for this year's Turing Award, while the Nobel Prize in Chemistry went to a team working on lithium-sulphur batteries. Two postgraduates received Fulbright scholarships and one a Rhodes Scholarship. The Pulitzer Prize-winning journalism programme will host the Fields Medal lecture in the Einstein Auditorium on Thursday.
"""),

("neg: holiday calendar", """
UK & Ireland public holidays 2025 (office closed)
- New Year's Day – Wednesday 1 January
- St Patrick's Day – Monday 17 March (Ireland only)
- Good Friday – 18 April
- Easter Monday – 21 April
- Early May Bank Holiday – 5 May
- St Andrew's Day – Monday 1 December (Scotland only)
- Christmas Day and Boxing Day – 25–26 December
"""),

("neg: IT support ticket about software", """
Ticket #90114 – Outlook keeps crashing
Category: Microsoft 365 / Outlook desktop
Priority: P2   Status: Waiting on user
Description: Outlook crashes when opening shared calendars from Teams. SharePoint sync also stalls. Jira and Confluence work fine in Chrome; Salesforce and Zendesk are unaffected.
Next step: repair Office install, clear OST, re-add shared mailbox.
"""),

("neg: git oneline log", """
e3b0c44 (HEAD -> main, origin/main) Merge pull request #412 from release/2024.06
9a7c2f1 Bump Django from 4.2.11 to 4.2.13
51d3e8a Fix Dijkstra shortest-path tie-breaking in router
0b4f6a2 Add Kalman filter smoothing for GPS traces
c8e1d90 Use Gaussian blur radius from config
7f2a3b4 Revert "Enable Bayesian retry tuning"
"""),

("neg: fashion retail report brands", """
Q2 trading update: Dior and Chanel led growth in the luxury concession, with Hermès close behind. Louis Vuitton leather goods were flat. In premium casualwear, Ralph Lauren outsold Tommy Hilfiger and Calvin Klein (both PVH brands). Hugo Boss and Dr. Martens underperformed due to a warm spring. Ted Baker concessions closed in April.
"""),

("neg: football fixtures", """
Saturday fixtures
15:00  Aston Villa v Nottingham Forest
15:00  Charlton Athletic v Bolton Wanderers
17:30  Real Madrid v Atlético Madrid
20:00  Inter Miami v Orlando City
Venue changes: Queens Park Rangers v Preston North End moved to Sunday.
"""),

("neg: restaurant order menu items", """
Catering order – Board Lunch (12 people)
- Eggs Benedict x 6
- Caesar Salad x 4
- Beef Wellington (individual) x 8
- Margherita pizza x 3
- Pavlova x 12
Drinks: Earl Grey tea, Ben & Jerry's for dessert, Coca-Cola. Deliver to Churchill Room, 3rd floor.
"""),

("neg: org chart with vacancies", """
Org chart – Operations (draft)
Chief Operating Officer
 ├─ VP Supply Chain (vacant)
 │   ├─ Director, Logistics
 │   └─ Director, Procurement (interim)
 ├─ VP Customer Operations
 │   ├─ Head of Contact Centre
 │   └─ Head of Field Service
 └─ Business Partner, Finance (shared)
"""),

("neg: science methods paragraph", """
Methods. Signals were pre-processed with a Butterworth band-pass filter and a Hilbert transform to extract instantaneous phase. We fitted a Markov chain Monte Carlo model with a Gaussian likelihood and used the Kolmogorov–Smirnov test to compare distributions. The Doppler shift was corrected using the Newton–Raphson method, and results were reported with Bonferroni correction.
"""),

]
