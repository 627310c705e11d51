# English prompts, part 1 (positives).  Markers: ⟦P:..⟧ PERSON, ⟦E:..⟧ EMAIL, ⟦T:..⟧ PHONE
ITEMS = [

("email thread with signature", """
From: ⟦P:Ayesha Raza|pk⟧ <⟦E:ayesha.raza@northwind-logistics.com⟧>
To: ⟦P:Tomasz Wiśniewski|pl⟧ <⟦E:t.wisniewski@northwind-logistics.com⟧>
Cc: ⟦P:Chiamaka Eze|ig⟧ <⟦E:chiamaka.eze@northwind-logistics.com⟧>
Subject: Re: Q3 carrier renewal – Rotterdam lane

Hi ⟦P:Tomasz⟧,

Thanks for the numbers. I've looped in ⟦P:Chiamaka⟧ since she owns the Maersk relationship. Can we grab 20 minutes on Thursday before the steering call?

Best,
⟦P:Ayesha⟧

--
⟦P:Ayesha Raza⟧ | Procurement Lead, EMEA
Northwind Logistics | ⟦T:+44 20 7946 0321⟧

On Tue, 11 Jun 2024 at 16:05, ⟦P:Tomasz Wiśniewski⟧ <⟦E:t.wisniewski@northwind-logistics.com⟧> wrote:
> ⟦P:Ayesha⟧ – attached are the lane volumes for Rotterdam and Gdańsk. Hapag-Lloyd came back 6% higher than last year.
"""),

("slack channel transcript", """
#ops-oncall
⟦P:Kwame Boateng|ak⟧: anyone else seeing 502s from the payments gateway?
⟦P:Priya Raghunathan|ta⟧: yep since 09:40. ⟦P:Lars|da⟧ restarted the pod but no change
⟦P:Lars Eriksen⟧: restarted twice actually. @kofi.mensah can you check the LB?
⟦P:Kofi Mensah|ak⟧: on it
⟦P:Priya Raghunathan⟧: ty. ⟦P:kwame⟧ can you post in #status so Support stops asking
⟦P:Kwame Boateng⟧: done
"""),

("teams chat with timestamps", """
[10:02] ⟦P:Nguyễn Thị Mai|vi⟧: morning! is the deck final?
[10:03] ⟦P:Hamid Rezaei|fa⟧: almost, waiting on ⟦P:Sunita⟧'s numbers
[10:05] ⟦P:Sunita Bhattacharya|bn⟧: sent 5 min ago, check your inbox ⟦P:Hamid⟧
[10:06] ⟦P:Nguyễn Thị Mai⟧: great, I'll merge and share with Mr. ⟦P:Okonkwo|ig⟧ by noon
[10:06] ⟦P:Hamid Rezaei⟧: 👍
"""),

("meeting notes with attendee list", """
Project Falcon – weekly sync (14 March)
Attendees: ⟦P:Sipho Ndlovu|zu⟧, ⟦P:Hannah O'Brien|ga⟧ (remote), ⟦P:Mateus Carvalho|br⟧, ⟦P:Yuki Tanaka|ja⟧ (remote), Dr. ⟦P:Efua Asante|ak⟧
Apologies: ⟦P:Bohdan Kovalenko|uk⟧

1. Migration status – ⟦P:Mateus⟧ reported 80% of tenants moved; the rest wait on the Frankfurt DC.
2. Security review – ⟦P:Efua⟧ flagged two findings from the pentest; ⟦P:Hannah⟧ to follow up with the vendor.
3. AOB – ⟦P:Yuki⟧ is on leave from 22 March; ⟦P:Sipho⟧ covers.

Actions
- ⟦P:Mateus⟧: finish tenant batch 7
- ⟦P:Hannah⟧: vendor follow-up by Friday
- ⟦P:Bohdan⟧: send the DR test report (carried over)
"""),

("HR CSV export last-first", """
employee_id,full_name,department,start_date,manager
E10231,"⟦P:Okafor, Jideofor|ig⟧",Finance,2019-04-01,⟦P:Grace Whitfield|en⟧
E10232,"⟦P:Haddad, Tariq|ar⟧",Engineering,2020-11-16,⟦P:Siobhán Ní Bhriain|ga⟧
E10233,"⟦P:Lindqvist, Maja|sv⟧",Engineering,2021-02-01,⟦P:Siobhán Ní Bhriain⟧
E10234,"⟦P:Venkataraman, Arjun|ta⟧",Sales,2018-07-23,⟦P:Grace Whitfield⟧
E10235,"⟦P:Kowalczyk-Brandt, Ewa|pl⟧",Legal,2022-09-12,⟦P:Rafael Domínguez Ortega|es⟧
E10236,"⟦P:Tupou, Mele|to⟧",Customer Success,2023-01-09,⟦P:Grace Whitfield⟧
"""),

("CRM JSON array", """
[
  {"id": 4411, "contact": "⟦P:Adaeze Nwosu|ig⟧", "email": "⟦E:adaeze.nwosu@helixpharma.ng⟧", "phone": "⟦T:+234 803 555 0192⟧", "account": "Helix Pharma", "stage": "Negotiation"},
  {"id": 4412, "contact": "⟦P:Rohan Deshpande|mr⟧", "email": "⟦E:rohan.d@kaveri-textiles.in⟧", "phone": "⟦T:+91 98450 12345⟧", "account": "Kaveri Textiles", "stage": "Closed Won"},
  {"id": 4413, "contact": "⟦P:Mele Fifita|to⟧", "email": "⟦E:mfifita@pacificfreight.to⟧", "phone": null, "account": "Pacific Freight", "stage": "Discovery"},
  {"id": 4414, "contact": "⟦P:Gustavo Henrique Albuquerque|br⟧", "email": "⟦E:gustavo.albuquerque@cafe-serrano.com.br⟧", "phone": "⟦T:+55 31 99812-4470⟧", "account": "Café Serrano", "stage": "Proposal"}
]
"""),

("SQL INSERT split name columns", """
INSERT INTO customers (id, first_name, last_name, email, city, country) VALUES
  (101, '⟦P:Thandiwe|zu⟧', '⟦P:Mokoena|st⟧', '⟦E:thandi.mokoena@gmail.com⟧', 'Johannesburg', 'ZA'),
  (102, '⟦P:Ji-woo|ko⟧', '⟦P:Park⟧', '⟦E:jiwoo.park@naver.com⟧', 'Busan', 'KR'),
  (103, '⟦P:Oisín|ga⟧', '⟦P:Mac Giolla Phádraig⟧', '⟦E:oisin.mgp@eircom.net⟧', 'Galway', 'IE'),
  (104, '⟦P:Thanh Huong|vi⟧', '⟦P:Bui⟧', NULL, 'Da Nang', 'VN'),
  (105, '⟦P:Eero|fi⟧', '⟦P:Mäkinen⟧', '⟦E:eero.makinen@elisanet.fi⟧', 'Tampere', 'FI');
"""),

("IT support ticket", """
Ticket #88213 – Cannot access shared drive
Reporter: ⟦P:Mehmet Yılmaz|tr⟧ (Finance)
Assignee: Helpdesk L2 – ⟦P:Joanna Krawczyk|pl⟧
Priority: P3   Status: In progress

Description:
Since the Windows update last night ⟦P:Mehmet⟧ cannot map the finance share on FS01. Error 0x80070035. Colleague ⟦P:Derya Aksoy|tr⟧ on the same floor is fine.

Update (⟦P:Joanna Krawczyk⟧, 09:14): Reset the credential manager entry, asked user to reboot. Will check with ⟦P:Mehmet⟧ after lunch.
"""),

("application log lines", """
2024-05-14T08:12:55Z INFO  auth     login by ⟦P:Oluwaseun Adeyemi|yo⟧ from 10.2.14.7 (user=oadeyemi, mfa=push)
2024-05-14T08:13:02Z WARN  auth     3 failed attempts user=jdoe42 ip=185.220.101.4
2024-05-14T08:15:40Z INFO  admin    role 'approver' granted to ⟦P:Zainab Al-Khatib|ar⟧ by ⟦P:Pieter van der Berg|nl⟧
2024-05-14T08:16:11Z INFO  billing  invoice INV-22871 approved by ⟦P:Zainab Al-Khatib⟧
2024-05-14T08:20:03Z ERROR sync     mailbox sync failed for owner="⟦P:Magnus Þórðarson|is⟧" code=429
"""),

("git log with trailers", """
commit 3f9a1c2e7b5d4a0f8e6c1b2a9d7e5f3c1a0b9e8d
Author: ⟦P:Haruto Sato|ja⟧ <⟦E:haruto.sato@kitsune.dev⟧>
Date:   Tue Apr 9 14:22:31 2024 +0900

    Fix race in session cache eviction

    The TTL sweep could free an entry that a reader had just pinned.

    Reported-by: ⟦P:Aigerim Bekova|kk⟧ <⟦E:aigerim.b@kitsune.dev⟧>
    Reviewed-by: ⟦P:Dmitri Volkov|ru⟧ <⟦E:dvolkov@kitsune.dev⟧>

commit 77c0de4b19aa02f35e1b6c8d9e0f1a2b3c4d5e6f
Author: dependabot[bot]
Date:   Mon Apr 8 03:01:12 2024 +0000

    Bump serde from 1.0.196 to 1.0.197
"""),

("git blame output", """
a1b2c3d4 (⟦P:Wanjiru Kamau|ki⟧       2023-11-02 10:14:07 +0300  41)     if retries > MAX_RETRIES:
a1b2c3d4 (⟦P:Wanjiru Kamau⟧       2023-11-02 10:14:07 +0300  42)         raise TimeoutError("upstream")
9e8f7a6b (⟦P:Mateo Fernández|es⟧    2024-01-18 16:40:55 +0100  43)     backoff = min(backoff * 2, 30)
0c0ffee1 (⟦P:Abhishek Chakraborty|bn⟧ 2024-02-29 11:02:10 +0530  44)     log.debug("retrying in %ss", backoff)
"""),

("ICS calendar invite", """
BEGIN:VCALENDAR
BEGIN:VEVENT
SUMMARY:Contract review – Lisbon office
DTSTART:20240917T140000Z
DTEND:20240917T150000Z
LOCATION:Sala Tejo / Teams
ORGANIZER;CN=⟦P:Inês Figueiredo|pt⟧:mailto:⟦E:ines.figueiredo@marlow-partners.eu⟧
ATTENDEE;CN=⟦P:Bartholomew Pryce|en⟧;ROLE=REQ-PARTICIPANT:mailto:⟦E:b.pryce@marlow-partners.eu⟧
ATTENDEE;CN=⟦P:Ngozi Chukwuemeka|ig⟧;ROLE=OPT-PARTICIPANT:mailto:⟦E:ngozi.c@marlow-partners.eu⟧
DESCRIPTION:⟦P:Inês⟧ will walk through the redlines from counsel.
END:VEVENT
END:VCALENDAR
"""),

("ward nursing handover", """
Handover – night to day, Ward 4B, 06:45

Bed 3: Mr ⟦P:Anand Pillai|ml⟧, 72, post-op day 2 (right hemicolectomy). Obs stable, pain 3/10. Mobilised to chair with physio.
Bed 5: Ms ⟦P:Chidinma Okoro-Hale|ig⟧, 45, awaiting MRI; NBM from midnight. Consent signed, witnessed by Dr ⟦P:Farouk⟧.
Bed 7: Mrs ⟦P:Folasade Ogunleye|yo⟧, 81, confused overnight, pulled out cannula at 03:00. Family (daughter ⟦P:Bisi⟧) visiting at 10 – please update her.

Handover given by Staff Nurse ⟦P:Aoife Gallagher|ga⟧ to Charge Nurse ⟦P:Rhys Pritchard|cy⟧.
"""),

("insurance claim case note", """
Claim CLM-2024-07731 – Income protection
Policyholder: ⟦P:Svetlana Petrović|sr⟧   DOB: 1979-02-14
Treating physician: Dr. ⟦P:Lucas Mbeki-Hart|xh⟧ (GP)

Case note 03/07: Claimant reports worsening symptoms of Crohn's disease since April; off work since 12/05. Specialist letter from Prof. ⟦P:Ingrid Halvorsen|no⟧ received, confirms flare and biologic therapy start.
Spoke with Ms ⟦P:Petrović⟧'s husband (⟦P:Dragan⟧) on the phone as authorised third party; callback number ⟦T:+44 7700 900412⟧.
Next review: 02/08 – handler ⟦P:Callum Reid|gd⟧.
"""),

("consultancy agreement caps", """
THIS AGREEMENT is made on 3 June 2024

BETWEEN:
(1) HALCYON DATA LIMITED, a company incorporated in Scotland (SC612004), whose registered office is at 22 Rose Street, Edinburgh EH2 2PR (the "Company"); and
(2) ⟦P:MARGUERITE DELACROIX-OYELARAN|fr⟧ of 14 Elm Row, Edinburgh EH7 4AA (the "Consultant").

1. SERVICES. The Consultant shall provide data-governance advisory services to the Company as reasonably requested by the Chief Data Officer.

Signed by ⟦P:ALASDAIR MACLEOD|gd⟧, Director, for and on behalf of HALCYON DATA LIMITED

Signed by ⟦P:MARGUERITE DELACROIX-OYELARAN⟧
"""),

("business news prose", """
LAGOS — Shares in Dangote Cement rose 4% on Tuesday after chief financial officer ⟦P:Arvind Pathak|hi⟧ told analysts that the Obajana plant would return to full capacity by September.

"We expect the second half to be materially stronger," ⟦P:Pathak⟧ said on the call. ⟦P:Funmilayo Bankole-Adeyemi|yo⟧, an analyst at Stanbic IBTC, said the guidance was "credible but back-loaded". The Nigerian Exchange all-share index closed flat.
"""),

("IT asset note possessive", """
Asset update – Thursday
- ⟦P:Nkechi|ig⟧'s laptop (LT-2231) is back from repair, battery replaced.
- ⟦P:Tariq⟧'s replacement charger arrived Monday; please hand it to him or leave it with ⟦P:Marisol Quispe|qu⟧ at the front desk.
- Ms ⟦P:Quispe⟧'s monitor request is approved (2x 27").
- Old docking stations from ⟦P:Henrik Lund|da⟧'s team can go to recycling.
"""),

("local news apposition", """
The owner, ⟦P:Yiannis Papadopoulos|el⟧, says footfall at the Mill Lane bakery has halved since the roadworks began in February. His business partner, ⟦P:Roisin Carrick|ga⟧, 34, added that two part-time staff had already been let go. A council spokesperson said the works would finish "in the summer".
"""),

("site emergency contact list", """
Emergency contacts – Warsaw site (print and post at reception)
Site lead: ⟦P:Piotr Zieliński|pl⟧ – ⟦T:+48 601 234 567⟧
Deputy: ⟦P:Agnieszka Wójcik-Nowak|pl⟧ – ⟦T:+48 512 908 331⟧
First aider (2nd floor): ⟦P:Oleksandr Hrytsenko|uk⟧ – ⟦T:+48 733 410 902⟧
Facilities (after hours): ⟦T:+48 22 555 01 90⟧
"""),

("markdown account table", """
| Name | Role | Location | Phone |
|------|------|----------|-------|
| ⟦P:Ana Lúcia Ferreira|br⟧ | Account Manager | São Paulo | ⟦T:+55 11 98765-4321⟧ |
| ⟦P:Dawit Gebremedhin|ti⟧ | Solutions Engineer | Addis Ababa | ⟦T:+251 91 123 4567⟧ |
| ⟦P:Kanokwan Srisuk|th⟧ | Partner Manager | Bangkok | ⟦T:+66 81 234 5678⟧ |
| ⟦P:Rangi Parata|mi⟧ | Support Lead | Wellington | ⟦T:+64 21 555 0147⟧ |
"""),

("payroll TSV export", """
emp_no\tname\tcost_centre\tfte\tnotes
30017\t⟦P:Ngozi Adichie-Bello|ig⟧\tCC-410\t1.0\t
30018\t⟦P:Dang Van Khoa|vi⟧\tCC-410\t0.8\tparental leave from 01/09
30019\t⟦P:Keoni Kahananui|haw⟧\tCC-220\t1.0\t
30020\t⟦P:Saoirse McNamara|ga⟧\tCC-220\t0.6\tapproved by ⟦P:K. Abernethy|gd⟧
"""),

("sloppy lowercase chat", """
me: did u ask ⟦P:rahul|hi⟧ abt the invoice
⟦P:jess|en⟧: yeah ⟦P:rahul⟧ said ⟦P:farida|sw⟧ has it
me: ok ping ⟦P:farida⟧ then, and cc ⟦P:obi|ig⟧ pls
⟦P:jess⟧: ⟦P:obi⟧'s off today lol
me: fine tell mr ⟦P:chen⟧ we'll send monday
"""),

("airline passenger manifest caps", """
PASSENGER MANIFEST  FLIGHT KQ100  NBO-LHR  23JUL
SEAT  NAME                          PNR     SSR
12A   ⟦P:WAMBUI/GRACE NJERI|ki⟧ MS          X7KQ2P  VGML
12B   ⟦P:OTIENO/DAVID ODHIAMBO|luo⟧ MR      X7KQ2P
14C   ⟦P:ABDIRAHMAN/HODAN|so⟧ MS            LQ93MF  WCHR
31F   ⟦P:NAKAMURA/KENTARO|ja⟧ MR            RT55ZC
"""),

("email to professor", """
Dear Prof. ⟦P:Abernethy|gd⟧,

I am writing on behalf of Dr ⟦P:Temitope Oduya|yo⟧ to ask whether you would be available to act as external examiner for Ms ⟦P:Rukhsana Begum|bd⟧'s PhD viva in November. The thesis is on flood-risk modelling in the Sylhet basin.

Kind regards,
⟦P:Tunde⟧

⟦P:Tunde Bakare|yo⟧
Graduate School Administrator
⟦E:t.bakare@univ-eastmidlands.ac.uk⟧ | ⟦T:0115 496 0823⟧
"""),

("recruiting interview notes", """
Candidate: ⟦P:Fatima Zahra El Amrani|ma⟧
Role: Senior Backend Engineer (Req 2291)
Panel: ⟦P:A.K. Menon|ml⟧, ⟦P:J. Okafor|ig⟧, ⟦P:Beatrix Hollingsworth|en⟧

Summary: Strong systems design; walked through sharding strategy clearly. ⟦P:Menon⟧ noted gaps on Kubernetes networking. ⟦P:Okafor⟧ and ⟦P:Beatrix⟧ both lean hire.
Recommendation: proceed to offer, level L5. Referee contact: ⟦P:Youssef Benjelloun|ma⟧, former manager at Capgemini.
"""),

("support chat transcript", """
[14:31] Agent (⟦P:Lerato|st⟧): Hi, thanks for contacting Vodacom support. How can I help?
[14:32] Customer: hi its ⟦P:Bongani Dlamini|zu⟧, my data bundle vanished after the upgrade
[14:32] Customer: number is ⟦T:082 555 0147⟧
[14:34] Agent (⟦P:Lerato⟧): Thanks ⟦P:Bongani⟧. I can see the bundle was moved to the new plan. I'll escalate to my supervisor Mr ⟦P:Pieterse|nl⟧.
[14:40] Agent (⟦P:Lerato⟧): Restored. Anything else?
"""),

("conference programme", """
Day 1 – Main Hall
09:00  Opening remarks – ⟦P:Xiomara Castañeda|co⟧ (Programme Chair)
09:20  Keynote: "Maps that lie" – Prof. ⟦P:Babajide Olatunji-Cole|yo⟧, University of Ibadan
10:30  Panel: Open data in practice
       Chair: Dr. ⟦P:Mei-Ling Chou|tw⟧
       Panellists: ⟦P:Rasmus Højgaard|da⟧, ⟦P:Ximena Huamán|qu⟧, ⟦P:Tsegaye Wolde|am⟧ (remote)
12:00  Lunch (sponsored by Esri)
"""),

("jira ticket with comments", """
PLAT-4412  Intermittent timeout on /v2/orders
Reporter: ⟦P:Ilse de Vries|nl⟧     Assignee: ⟦P:Baraka Mwangi|sw⟧     Sprint: 58

Comments
⟦P:Baraka Mwangi⟧ – 12 Feb 10:41
Reproduced in staging with 200 rps. Looks like pool exhaustion on the read replica.

⟦P:Ilse de Vries⟧ – 12 Feb 11:02
Thanks ⟦P:Baraka⟧. Looping @chen.jing for the DB side.

⟦P:Chen Jing|zh⟧ – 12 Feb 13:15
Raised max_connections to 400 on replica-2, please retest.
"""),

("expense claim YAML", """
claim_id: EXP-55120
claimant: ⟦P:Giorgos Antoniou|el⟧
approver: ⟦P:Beatriz Souza Lima|br⟧
cost_centre: CC-310
items:
  - date: 2024-02-11
    description: Taxi Heathrow → Canary Wharf
    amount_gbp: 68.40
  - date: 2024-02-12
    description: Client dinner (4 pax) incl. ⟦P:Henrietta Vane-Tempest|en⟧ from Barclays
    amount_gbp: 212.00
comment: "receipts attached, ⟦P:Beatriz⟧ pls approve by Fri"
"""),

("GP referral letter", """
Dear Dr ⟦P:Krishnamurthy|kn⟧,

Re: Mrs ⟦P:Parveen Akhtar|pk⟧, DOB 04/09/1961, NHS no. 943 476 5919

Thank you for seeing this pleasant 62-year-old lady with a six-month history of exertional breathlessness. She was reviewed last week by my colleague Dr ⟦P:Eoin Ó Súilleabháin|ga⟧, who noted bilateral ankle oedema. Her son ⟦P:Imran⟧ usually accompanies her and can be reached on ⟦T:07700 900 318⟧.

Yours sincerely,
Dr ⟦P:Catrin Bowen-Evans|cy⟧
"""),

("board minutes present list", """
MINUTES OF THE BOARD OF TRUSTEES – 28 NOVEMBER
Present: Sir ⟦P:Geraint Llewellyn|cy⟧ (Chair), Ms ⟦P:Anjali Sharma-Whitcombe|hi⟧, Mr ⟦P:Kenji Watanabe|ja⟧, Dame ⟦P:Olwen Prys⟧, Prof. ⟦P:Tadeusz Kamiński|pl⟧
In attendance: ⟦P:Folake Adebayo|yo⟧ (Company Secretary)
Apologies: Mr ⟦P:Hamish Drummond|gd⟧

3. Finance report. Ms ⟦P:Sharma-Whitcombe⟧ presented the Q3 accounts. The Chair thanked her and the Finance Committee.
"""),

("CRM call notes last-first and initials", """
06/03 Called ⟦P:Mensah, Abena|ak⟧ re renewal – voicemail.
07/03 Spoke to ⟦P:A. Mensah⟧'s assistant (⟦P:Kojo|ak⟧), asked for a slot next week.
11/03 Meeting w/ ⟦P:Abena⟧ + their CFO ⟦P:Lindiwe Zungu|zu⟧. Budget approved in principle, need sign-off from Mr ⟦P:Ansah-Boateng|ak⟧.
Next step: send revised quote to ⟦E:abena.mensah@goldcoast-agro.com.gh⟧
"""),

("code review comment", """
LGTM overall. Two nits inline.

cc @wei.zhang — ⟦P:Wei|zh⟧, can you double-check the down-migration? Last time ⟦P:Siddharth⟧'s rollback script dropped the index.

Thanks,
⟦P:Björn|sv⟧
"""),

("visa support letter", """
To the Consular Section, Embassy of Japan

This letter confirms that ⟦P:Trần Quốc Bảo|vi⟧ (passport C4471902) and ⟦P:Lê Thị Hồng Nhung|vi⟧ (passport C5519044) are employees of Saigon Softworks JSC and will attend the partner summit in Osaka from 4 to 8 November. All costs are covered by the company.

Signed,
⟦P:Phạm Minh Đức|vi⟧, HR Director
"""),

("police incident statement", """
Incident ref: 24/118832  Location: Platform 2, Leeds station
Witness 1: Mr ⟦P:Kaveh Jafari|fa⟧, 41, taxi driver
Witness 2: Ms ⟦P:Oluwakemi Daramola|yo⟧, 29

Statement (⟦P:Jafari⟧): "I saw a man in a grey hoodie take the bag from the bench. The lady, ⟦P:Kemi⟧, shouted and he ran towards the exit."
Officer: PC ⟦P:Niamh Kearney|ga⟧ 4471
"""),

("paper author list", """
Title: Robust estimation of groundwater recharge under sparse sensing
Authors: ⟦P:Z. Abubakar|ha⟧, ⟦P:L. Moreau-Tshibangu|cd⟧, ⟦P:S. Sivasubramaniam|ta⟧, ⟦P:H. Björnsdóttir|is⟧ and ⟦P:R. Ó Fearghail|ga⟧
Corresponding author: ⟦P:Zainab Abubakar⟧ (⟦E:z.abubakar@abu.edu.ng⟧)
"""),

("linkedin style intro message", """
Hi ⟦P:Tendai|sn⟧, great to connect! ⟦P:Marguerite Okonjo|ig⟧ mentioned you're building out the analytics team at Econet and might be open to a chat about our data-quality tooling. Would next Wednesday work?
Cheers, ⟦P:Declan⟧
"""),

("onboarding checklist", """
Onboarding – ⟦P:Mahlet Tesfaye|am⟧ (starts Mon 2 Sept)
[x] Laptop ordered (IT: ⟦P:Gareth Pugh|cy⟧)
[x] Badge photo
[ ] Buddy assigned: ⟦P:Hemi Walker|mi⟧
[ ] Payroll form to Mrs ⟦P:Okwuosa|ig⟧
[ ] Welcome lunch with ⟦P:Mahlet⟧, ⟦P:Hemi⟧ and ⟦P:Priyanka Nair|ml⟧
"""),

("customer review pasted", """
★★★★★ "Staff member ⟦P:Precious|zu⟧ was incredibly helpful when my order from the Sandton store went missing. She called me back twice. Please pass this on to her manager!" – posted by ⟦P:Johan Venter|nl⟧, 2 days ago
"""),

("research interview transcript", """
INTERVIEWER (⟦P:Claire Hughes-Mbatha|xh⟧): Can you describe a typical shift?
RESPONDENT (⟦P:Javad Karimi|fa⟧): I start at six. My supervisor, ⟦P:Lena⟧, gives us the routes. If ⟦P:Lena⟧ is off, it's Mr ⟦P:Oyelowo|yo⟧.
INTERVIEWER: And the app?
RESPONDENT: The app is fine. The problem is parking in Camden.
"""),

("shift roster Thai Filipino names", """
Week 34 roster – Front of house
Mon  AM: ⟦P:Somchai Wongsawat|th⟧      PM: ⟦P:Maria Cristina Dela Cruz|ph⟧
Tue  AM: ⟦P:Jericho Manalo|ph⟧         PM: ⟦P:Somchai Wongsawat⟧
Wed  AM: ⟦P:Nattapong Chaiyaporn|th⟧   PM: ⟦P:Budi Santoso|id⟧
Thu  AM: ⟦P:Dewi Lestari|id⟧           PM: ⟦P:Maria Cristina Dela Cruz⟧
Swaps must be agreed with ⟦P:Rizal Pangilinan|ph⟧ (duty manager).
"""),

("vendor onboarding Sri Lanka", """
Vendor: Ceylon Leaf Exports (Pvt) Ltd, Colombo 03
Primary contact: ⟦P:Chaminda Wickramasinghe|lk⟧, Director – ⟦T:+94 77 312 4589⟧
Finance contact: ⟦P:Tharushi Jayawardena|lk⟧ – ⟦E:tharushi@ceylonleaf.lk⟧
Bank: Commercial Bank of Ceylon, Kollupitiya branch
Due diligence completed by ⟦P:Rehana Siddiqui|pk⟧ on 12/04.
"""),

("Bangladeshi names with Md.", """
Subject: Site visit Gazipur – participants

Please arrange gate passes for:
1. ⟦P:Md. Rafiqul Islam|bd⟧ (Compliance Manager)
2. ⟦P:Shirin Akter|bd⟧ (Welfare Officer)
3. ⟦P:Tanvir Hasan Chowdhury|bd⟧ (Buyer QA)
4. ⟦P:Hélène Marchetti|fr⟧ (auditor, arriving from Paris)

Thanks, ⟦P:Nusrat⟧
"""),

("Punjabi Telugu staff list", """
Team: Payments Risk (Hyderabad + Toronto)
- ⟦P:Venkata Sai Krishna Reddy|te⟧ – Engineering Manager
- ⟦P:Harpreet Kaur Sandhu|pa⟧ – Data Scientist
- ⟦P:Gurdeep Singh Gill|pa⟧ – Analyst (Toronto)
- ⟦P:Lakshmi Prasanna Kodali|te⟧ – QA
Skip-level: ⟦P:Nandini Iyer|ta⟧
"""),

("Korean Japanese name order", """
Meeting memo – Seoul partner visit

From our side: ⟦P:Kim Min-seo|ko⟧ (Sales), ⟦P:Lee Jun-ho|ko⟧ (Solutions)
Partner side: ⟦P:Sato Haruka|ja⟧, ⟦P:Yamamoto Ren⟧ and their GM, Mr. ⟦P:Choi|ko⟧
⟦P:Min-seo⟧ will send the pricing sheet; ⟦P:Haruka⟧ asked for a Japanese version.
"""),

("Chinese names in ops email", """
Hi all,

Quick update from Shenzhen: ⟦P:Zhang Yiwen|zh⟧ has taken over the supplier audits from ⟦P:Liu Haoran|zh⟧, who moves to the Ningbo office next month. ⟦P:Ouyang Xue|zh⟧ stays as our QA contact.
Please send audit reports to ⟦P:Yiwen⟧ from now on.

Regards,
⟦P:Ho Ka-wai|yue⟧
"""),

("Hebrew Turkish Persian names", """
Reviewer assignments – Grant round 7
Proposal 7-031: ⟦P:Noa Ben-David|he⟧, ⟦P:Eitan Shapira|he⟧
Proposal 7-032: ⟦P:Elif Şahin|tr⟧, ⟦P:Barış Öztürk|tr⟧
Proposal 7-033: ⟦P:Shirin Moradi|fa⟧, ⟦P:Arash Tehrani|fa⟧
Conflicts declared: ⟦P:Eitan⟧ (7-033, co-author with Dr. ⟦P:Moradi⟧'s group)
"""),

("NGO field report East Africa", """
Field report – Kilifi county, week 12
Team: ⟦P:Neema Mwakalinga|sw⟧ (lead), ⟦P:Juma Hamisi|sw⟧, ⟦P:Achieng Odhiambo|luo⟧
Met the village health committee chaired by Mzee ⟦P:Katana Charo⟧. ⟦P:Achieng⟧ trained 14 community health volunteers on the new reporting app. ⟦P:Juma⟧'s motorbike broke down on Thursday; repairs cost KES 4,500.
"""),

("school contact sheet South Africa", """
Grade 10 parent reps 2024
Class 10A – ⟦P:Nomvula Xaba|zu⟧ – ⟦T:072 555 0193⟧
Class 10B – ⟦P:Siyabonga Mthembu|zu⟧ – ⟦T:083 555 0721⟧
Class 10C – ⟦P:Thembeka Nqaba|xh⟧ – ⟦T:061 555 0488⟧
Class 10D – ⟦P:Akhona Mgqwetho|xh⟧ – ⟦T:079 555 0356⟧
"""),

("Hungarian name order email", """
Dear ⟦P:Eszter|hu⟧,

thanks for the intro. For the contract please use the legal name as in the register: ⟦P:Kovács Eszter Anna⟧ (Hungarian order). The signatory on our side is Dr. ⟦P:Nagy⟧ – sorry, ⟦P:Nagy Balázs⟧ – who is back on Monday.

Üdv,
⟦P:Tóth Gergely|hu⟧
"""),

("Romanian Baltic names list", """
Sprint 41 demo – presenters
1. ⟦P:Ioana Popescu-Dumitrescu|ro⟧ – new onboarding flow
2. ⟦P:Rasa Kazlauskienė|lt⟧ – search latency
3. ⟦P:Jānis Bērziņš|lv⟧ – billing export
4. ⟦P:Kadri Tamm|et⟧ – accessibility fixes
5. ⟦P:Mihai Ionescu|ro⟧ – infra cost report
Timekeeper: ⟦P:Aino Virtanen|fi⟧
"""),

("Dutch names with particles", """
Van: ⟦P:Sanne van den Heuvel|nl⟧
Aan: ⟦P:Joris de Jong|nl⟧; ⟦P:Fleur Van Damme|fl⟧
Onderwerp: FW: planning Q4

Hi ⟦P:Joris⟧, ⟦P:Fleur⟧ – forwarding the note from Mr. ⟦P:Van der Linden⟧ below. Can one of you take the Antwerp workshop?
"""),

("Icelandic Nordic names", """
Shift handover – Reykjavík DC
Outgoing: ⟦P:Guðrún Sigurðardóttir|is⟧
Incoming: ⟦P:Einar Jónsson|is⟧
Notes: UPS battery on rack C3 replaced by ⟦P:Þórunn⟧. Cooling alarm at 02:14 acknowledged by ⟦P:Einar⟧'s predecessor ⟦P:Ása Hansen|no⟧ – false positive. ⟦P:Ánde Bongo|sami⟧ from the Tromsø team will call at 08:00.
"""),

("Welsh Scottish Irish names", """
Choir committee 2024/25
Chair: ⟦P:Gwenllian ap Rhys|cy⟧
Treasurer: ⟦P:Dafydd Llywelyn|cy⟧
Secretary: ⟦P:Eilidh McIntyre|gd⟧
Librarian: ⟦P:Pádraig Ó Conchúir|ga⟧
Concert manager: ⟦P:Callum MacKenzie|gd⟧
"""),

("Basque Catalan Galician names", """
Speakers confirmed for the Bilbao meetup:
- ⟦P:Itziar Etxeberria Goikoetxea|eu⟧ (Ikerlan)
- ⟦P:Montserrat Vilaró i Pujol|ca⟧ (UPC)
- ⟦P:Xosé Manuel Castro Lamas|gl⟧ (Universidade de Vigo)
Host: ⟦P:Iñaki⟧ from the local chapter.
"""),

("Italian names with apostrophes", """
From: ⟦P:Giovanni Battista De Luca|it⟧
To: ⟦P:Chiara D'Angelo|it⟧
Subject: contract Milan office

⟦P:Chiara⟧, the landlord's lawyer (avv. ⟦P:Lo Russo⟧) confirmed the break clause. I'll loop in ⟦P:Maddalena Dell'Orto|it⟧ for the fit-out.
⟦P:Giovanni⟧
"""),

("rare English names on invoice", """
INVOICE 2024-118
Bill to: ⟦P:Peregrine Thistlethwaite|en⟧, Thistlethwaite & Co Chartered Surveyors, 3 Market Place, Kendal
Prepared by: ⟦P:Ottoline Fairweather|en⟧
Checked by: ⟦P:Jethro Applegarth|en⟧
Payment terms: 30 days
"""),

("Slavic names in project status", """
Status – Belgrade/Zagreb integration
- Backend: ⟦P:Nemanja Jovanović|sr⟧ (done), ⟦P:Ivana Horvat|hr⟧ (review)
- Mobile: ⟦P:Tereza Nováková|cs⟧ – blocked on API keys from ⟦P:Sergei Smirnov|ru⟧
- QA: ⟦P:Marek Dvořák|cs⟧ + ⟦P:Lesia Shevchuk|uk⟧
Risk: ⟦P:Nemanja⟧ on leave 12–23 Aug.
"""),

("Greek Armenian Georgian names", """
Guest list – Athens partner dinner (Friday 20:30, Ta Karamanlidika)
⟦P:Konstantinos Georgiou|el⟧ +1
⟦P:Eleni Papadaki|el⟧
⟦P:Aram Hovhannisyan|hy⟧
⟦P:Nino Beridze|ka⟧
⟦P:Levan Kapanadze|ka⟧ (vegetarian)
"""),

("Pakistani names in escalation", """
Escalation: Karachi warehouse stock mismatch
Raised by: ⟦P:Muhammad Usman Qureshi|pk⟧
Owner: ⟦P:Sana Tariq|pk⟧
Summary: Cycle count shows 312 units short on SKU 88-1147. ⟦P:Sana⟧ suspects a receiving error on 14/08; ⟦P:Usman⟧ has pulled the CCTV. Loop in ⟦P:Faisal Mahmood|pk⟧ (security) before calling the carrier.
"""),

("Portuguese Brazilian names in chat", """
[09:12] ⟦P:João Pedro Nascimento|br⟧: bom dia! quick q in english for the others – who's got the Lisbon client?
[09:13] ⟦P:Maria João Antunes|pt⟧: me, with ⟦P:Rui⟧
[09:13] ⟦P:João Pedro Nascimento⟧: ok, ⟦P:Rui Tavares|pt⟧ is out today so I'll ping you
[09:15] ⟦P:Thaís Moura|br⟧: fyi ⟦P:Maria João⟧ I updated the forecast
"""),

("Latin American names in escalation email", """
Hi ⟦P:Valentina|cl⟧,

⟦P:Facundo Sosa Paz|ar_la⟧ (Buenos Aires) and ⟦P:Luz Marina Ospina|co⟧ (Bogotá) will both join Monday's call. ⟦P:Wilmer Quispe Mamani|qu⟧ can't make it; he asked that you send him the recording.

Thanks,
⟦P:Yanet Rodríguez|cu⟧
"""),

("Igbo Hausa names in project update", """
Abuja rollout – update
- ⟦P:Chukwuemeka Obi|ig⟧: 12 of 20 clinics live.
- ⟦P:Aisha Bello|ha⟧: training materials translated into Hausa.
- ⟦P:Ibrahim Musa Danjuma|ha⟧: generator procurement pending (awaiting quote from Mikano).
⟦P:Emeka⟧ will present at the ministry on 3 Oct with Hajiya ⟦P:Bello⟧.
"""),

("email with only phone and email", """
Hello,

For urgent matters outside office hours please call our duty line ⟦T:+353 1 555 0148⟧ or write to ⟦E:duty.office@harbourfields.ie⟧. Non-urgent requests will be answered on the next working day.

Harbourfields Property Management
"""),

("Amharic Somali names in HR case", """
HR case 2024-031 (confidential)
Employee: ⟦P:Tsion Alemayehu|am⟧
Line manager: ⟦P:Mohamed Abdi Warsame|so⟧
HR partner: ⟦P:Gemma Threlfall|en⟧
Summary: ⟦P:Tsion⟧ raised a concern about shift allocation. Mr ⟦P:Warsame⟧ disputes the timeline. Meeting with both set for 19/06; ⟦P:Gemma⟧ to take notes.
"""),

("Malayalam Marathi Gujarati names", """
On-call rotation – August
Week 31: ⟦P:Arjun Menon|ml⟧ / backup ⟦P:Sneha Kulkarni|mr⟧
Week 32: ⟦P:Hetal Patel|gu⟧ / backup ⟦P:Arjun Menon⟧
Week 33: ⟦P:Sneha Kulkarni⟧ / backup ⟦P:Kiran Shenoy|kn⟧
Week 34: ⟦P:Bhavesh Solanki|gu⟧ / backup ⟦P:Hetal Patel⟧
"""),

("Nepali Mongolian Uzbek names in visa list", """
Travel approvals – Almaty workshop
- ⟦P:Prakash Shrestha|ne⟧ (Kathmandu) – approved
- ⟦P:Bat-Erdene Gantulga|mn⟧ (Ulaanbaatar) – approved
- ⟦P:Dilnoza Rakhimova|uz⟧ (Tashkent) – pending visa
- ⟦P:Ahmad Zia Noorzai|af⟧ (Kabul office) – pending security clearance
Approver: ⟦P:Saule Nurpeisova|kk⟧
"""),

("Caribbean African-American names in email", """
Subject: Re: Panel for Black History Month event

Hi ⟦P:DeShawn|aa⟧,

⟦P:Shanice Campbell-Grant|jm⟧ has confirmed and suggested we invite ⟦P:Marcus Oyelaran-Lewis|yo⟧ as moderator. I'll also ask ⟦P:Latoya Jefferson|aa⟧ whether she can share the facilities booking.

Best,
⟦P:Winston⟧
"""),

("Albanian Bulgarian Slovene names in roster", """
Translation vendors – approved list
Albanian: ⟦P:Arbër Krasniqi|sq⟧
Bulgarian: ⟦P:Desislava Petkova|bg⟧
Slovene: ⟦P:Urška Novak|sl⟧
Macedonian: ⟦P:Bojan Trajkovski|mk⟧
Bosnian: ⟦P:Amra Hadžić|bs⟧
"""),

("Congolese Cameroonian Malagasy names", """
Delegation list – Yaoundé regional meeting
⟦P:Jean-Pierre Kabongo Mwamba|cd⟧ (Kinshasa)
⟦P:Ngo Biyong Marie-Claire|cm⟧ (Douala)
⟦P:Andriamalala Rakotondrabe|mg⟧ (Antananarivo)
⟦P:Fotso Tchoumi Hervé|cm⟧ (Bafoussam)
Coordinator: Ms ⟦P:Rakotondrabe⟧'s deputy, ⟦P:Hery Randriamampionona|mg⟧
"""),

]

from en2 import ITEMS as _PART2  # noqa: E402
ITEMS += _PART2
