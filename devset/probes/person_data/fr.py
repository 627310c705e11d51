# French prompts (positives, then hard negatives)
ITEMS = [

("courriel avec signature", """
De : ⟦P:Anne-Sophie Le Gall|bre⟧ <⟦E:as.legall@groupe-armor-energie.fr⟧>
À : ⟦P:Moussa Diop|wo⟧ <⟦E:moussa.diop@groupe-armor-energie.fr⟧>
Cc : ⟦P:Jean-Baptiste Lefèvre|fr⟧
Objet : RE: Audit fournisseurs – site de Lorient

Bonjour ⟦P:Moussa⟧,

Merci pour le tableau. Pourriez-vous le compléter avec les réponses de Mme ⟦P:Traoré⟧ avant jeudi ? ⟦P:Jean-Baptiste⟧ souhaite le présenter au comité de direction vendredi.

Bien cordialement,
⟦P:Anne-Sophie Le Gall⟧
Responsable Achats
Groupe Armor Énergie – 12, rue Victor Hugo – 56100 Lorient
Tél. : ⟦T:+33 2 97 55 01 42⟧
"""),

("compte rendu de réunion présents excusés", """
Compte rendu – Comité de pilotage SIRH du 4 avril
Présents : M. ⟦P:Hervé Le Bihan|bre⟧ (président), Mme ⟦P:Aminata Traoré|bm⟧, ⟦P:Karim Benali|ma⟧, ⟦P:Yasmine Boukhalfa|ber⟧ (visio), ⟦P:Théo Lambert|fr⟧
Excusés : Mme ⟦P:Géraldine de Villiers|fr⟧, ⟦P:Kouadio Konan|ci⟧

1. Calendrier : ⟦P:Karim⟧ confirme la bascule de la paie au 1er juillet.
2. Formation : ⟦P:Yasmine⟧ organise trois sessions ; ⟦P:Théo⟧ réserve les salles.
3. Divers : Mme ⟦P:de Villiers⟧ sera informée par ⟦P:Aminata⟧.
"""),

("export RH NOM Prénom", """
MATRICULE;NOM PRÉNOM;SERVICE;DATE ENTRÉE
00412;⟦P:LEFÈVRE Jean-Baptiste⟧;Direction financière;02/05/2011
00587;⟦P:NGUYEN Thi Hoa|vi⟧;Contrôle de gestion;15/09/2017
00733;⟦P:DIALLO Mamadou Saliou|bm⟧;Logistique;03/01/2019
00802;⟦P:GAGNON Marie-Ève|qc⟧;Communication;01/06/2022
00815;⟦P:D'HARCOURT Lucien|fr⟧;Juridique;12/09/2022
"""),

("tchat Teams horodaté", """
[09:14] ⟦P:Maëlys Garnier|fr⟧ : coucou, quelqu'un a vu le mail de ⟦P:Laetitia⟧ sur la clôture ?
[09:15] ⟦P:Widlyne Pierre-Louis|ht⟧ : oui, ⟦P:Laetitia Ngoma|cd⟧ veut les chiffres pour midi
[09:15] ⟦P:Maëlys Garnier⟧ : ok je demande à ⟦P:Bastien⟧ pour les stocks
[09:17] ⟦P:Bastien Rey|fr⟧ : déjà envoyé à ⟦P:Laetitia⟧ hier soir 😉
"""),

("ticket support informatique", """
Ticket INC0041872 – VPN inaccessible depuis la mise à jour
Demandeur : ⟦P:Gaétan Tremblay|qc⟧ (Montréal)
Assigné à : ⟦P:Sofiane Haddad|ma⟧ – Support N2
Priorité : 3

Description : Depuis ce matin, M. ⟦P:Tremblay⟧ ne peut plus se connecter au VPN (erreur 809). Sa collègue ⟦P:Marie-Ève Gagnon⟧ n'a pas le problème.
Note de ⟦P:Sofiane Haddad⟧ : profil réinitialisé, en attente de retour de l'utilisateur.
"""),

("journal applicatif", """
2024-06-11 08:02:17 INFO  connexion de ⟦P:Océane Marchand|fr⟧ (id=omarchand) depuis 172.16.4.21
2024-06-11 08:05:44 INFO  validation facture F-2024-0877 par ⟦P:Jean-Luc Vanderbeken|fl⟧
2024-06-11 08:09:02 WARN  échec d'authentification id=compta02 (3/5)
2024-06-11 08:12:30 INFO  droits « approbateur » attribués à ⟦P:Nadia Cherif|ma⟧ par ⟦P:Jean-Luc Vanderbeken⟧
"""),

("git log auteur", """
commit 51c7e2a4d9b8f3e6a1c0d2b5e8f7a9c3d6b1e4f2
Author: ⟦P:Clément Fournier|fr⟧ <⟦E:clement.fournier@lumeo.io⟧>
Date:   Wed May 22 11:08:40 2024 +0200

    Corrige l'arrondi de TVA sur les avoirs

    Signed-off-by: ⟦P:Clément Fournier⟧ <⟦E:clement.fournier@lumeo.io⟧>
    Reviewed-by: ⟦P:Ousmane Sow|wo⟧ <⟦E:ousmane.sow@lumeo.io⟧>
"""),

("invitation agenda", """
Invitation : Revue trimestrielle – Région Sud
Quand : mardi 8 octobre 2024, 14 h 00 – 15 h 30
Où : Salle Calanques, 3e étage / Teams
Organisateur : ⟦P:Sébastien Giraud|fr⟧
Participants : ⟦P:Inès Belkacem|ber⟧ ; ⟦P:Paul-Henri du Plessis|fr⟧ ; ⟦P:Thi Thu Hà Đỗ|vi⟧ ; Me ⟦P:Corinne Aubert|fr⟧ (facultatif)

⟦P:Inès⟧ présentera les résultats de la campagne de fidélisation.
"""),

("transmissions infirmières", """
Transmissions équipe de nuit – Service de médecine interne
Ch. 204 : Mme ⟦P:Jeannine Perrot|fr⟧, 86 ans, désorientée cette nuit, chute évitée. Fille (Mme ⟦P:Sylvie Perrot-Adam⟧) prévenue à 6 h.
Ch. 207 : M. ⟦P:Abdelkader Mansouri|ma⟧, 71 ans, glycémie à 2,9 g/L à 3 h, interne de garde (Dr ⟦P:Kessler⟧) appelé.
Ch. 211 : M. ⟦P:Yannick Le Goff|bre⟧, sortie prévue ce jour, ambulance Jussieu à 11 h.
IDE de nuit : ⟦P:Fatoumata Keïta|bm⟧
"""),

("dossier sinistre assurance", """
Dossier sinistre n° DS-24-118203 – Dégât des eaux
Assuré : M. ⟦P:Olivier Lacroix|fr⟧, 18 rue Jean Jaurès, 69007 Lyon
Tiers (voisin du dessus) : Mme ⟦P:Rahma Ben Youssef|ar⟧
Expert mandaté : Cabinet Morel – M. ⟦P:Alain Morel|fr⟧, ⟦T:04 72 55 18 30⟧

Observation : l'assuré signale que Mme ⟦P:Ben Youssef⟧ était absente lors de la fuite. Gestionnaire : ⟦P:Élodie Caron|fr⟧.
"""),

("jugement tribunal extrait", """
TRIBUNAL JUDICIAIRE DE BORDEAUX
JUGEMENT DU 14 MARS 2024

DEMANDERESSE :
Madame ⟦P:Nathalie Dubois-Mbarga|cm⟧, née le 3 février 1975 à Yaoundé, demeurant 4 place Gambetta, 33000 Bordeaux
représentée par Maître ⟦P:François-Xavier Lemaire|fr⟧, avocat au barreau de Bordeaux

DÉFENDERESSE :
SAS IMMOGIRONDE, prise en la personne de son représentant légal

Le tribunal, présidé par Mme ⟦P:Claire Rousset|fr⟧, ...
"""),

("article de presse", """
RENNES – Le maire, ⟦P:Loïc Kerhervé|bre⟧, a inauguré lundi la nouvelle médiathèque du quartier Maurepas. « C'est un lieu ouvert à tous », a déclaré l'élu, entouré de l'architecte ⟦P:Sandrine Oyono|cm⟧ et de la directrice de la lecture publique, ⟦P:Hélène Quéré|bre⟧. L'établissement, financé en partie par la Région Bretagne, a été baptisé médiathèque Lucie-Aubrac.
"""),

("note de passation", """
Passation – congé maternité de ⟦P:Camille⟧ (du 2/09 au 20/12)

- Client Decathlon : ⟦P:Romain Chevalier|fr⟧ prend le relais, il connaît déjà Mme ⟦P:Vasseur⟧ côté acheteurs.
- Facturation : voir avec ⟦P:Fatima-Ezzahra Ouali|ma⟧ (⟦T:06 55 41 87 20⟧).
- Le portable de ⟦P:Camille⟧ reste dans l'armoire du bureau de ⟦P:Jérôme⟧.
Merci à tous ! – ⟦P:Camille Arnaud|fr⟧
"""),

("tableau markdown contacts", """
| Nom | Fonction | Ville | Téléphone |
|---|---|---|---|
| ⟦P:Aurélien Faure|fr⟧ | Directeur d'agence | Toulouse | ⟦T:+33 5 61 55 02 91⟧ |
| ⟦P:Khady Ndiaye|wo⟧ | Chargée de clientèle | Dakar | ⟦T:+221 77 555 41 09⟧ |
| ⟦P:Rindra Rasoanaivo|mg⟧ | Comptable | Antananarivo | ⟦T:+261 34 55 512 44⟧ |
| ⟦P:Marc-Antoine Bélanger|qc⟧ | Ventes | Québec | ⟦T:+1 418 555 0193⟧ |
"""),

("export JSON candidats", """
[
  {"id": 301, "nom": "⟦P:Kouassi⟧", "prenom": "⟦P:Aya Christelle|ci⟧", "poste": "Développeuse Java", "statut": "entretien"},
  {"id": 302, "nom": "⟦P:Lemoine⟧", "prenom": "⟦P:Baptiste|fr⟧", "poste": "Chef de projet", "statut": "refus"},
  {"id": 303, "nom": "⟦P:Benhamou⟧", "prenom": "⟦P:Elie|he⟧", "poste": "Data analyst", "statut": "offre"}
]
"""),

("INSERT SQL adhérents", """
INSERT INTO adherents (id, nom_complet, ville, cotisation) VALUES
  (1, '⟦P:Solène Marchetti|it⟧', 'Ajaccio', 30),
  (2, '⟦P:Mohamed Lamine Camara|bm⟧', 'Conakry', 30),
  (3, '⟦P:Pierre-Yves Le Corre|bre⟧', 'Brest', 15),
  (4, '⟦P:Ha-eun Seo|ko⟧', 'Paris', 15);
"""),

("lettre de résiliation", """
⟦P:Justine Perret|fr⟧
7 allée des Tilleuls
21000 Dijon

Objet : Résiliation de mon contrat Orange n° 0099 4412 7731

Madame, Monsieur,

Je vous informe par la présente de ma décision de résilier mon abonnement. La ligne est au nom de mon conjoint, M. ⟦P:Rachid Bouzid|ma⟧, qui a signé ci-dessous.

⟦P:Justine Perret⟧          ⟦P:Rachid Bouzid⟧
"""),

("PV assemblée générale copropriété", """
PROCÈS-VERBAL DE L'ASSEMBLÉE GÉNÉRALE – Résidence Les Lilas
Président de séance : M. ⟦P:Gérard Vallet|fr⟧
Scrutateurs : Mme ⟦P:Nicole Barbier|fr⟧, M. ⟦P:Ahmed Zerrouki|ma⟧
Secrétaire : le syndic Foncia, représenté par Mme ⟦P:Audrey Lenoir|fr⟧

Résolution n° 5 : travaux de ravalement. Votent contre : M. et Mme ⟦P:Benali⟧, Mme ⟦P:Rosa Pereira Gonçalves|pt⟧. Adoptée.
"""),

("note d'entretien recrutement", """
Candidat : ⟦P:Jean-Christophe Mbappé-Ekotto|cm⟧
Poste : Responsable maintenance
Jury : Mme ⟦P:Valérie Chauvin|fr⟧ (DRH), M. ⟦P:Trần Văn Long|vi⟧ (directeur technique)
Avis : très bon niveau technique. M. ⟦P:Trần⟧ recommande un second entretien avec ⟦P:Mathilde⟧ de l'équipe sécurité.
"""),

("planning équipe", """
Planning semaine 42 – Accueil
Lundi : ⟦P:Noémie Guérin|fr⟧ / ⟦P:Ibrahima Sylla|bm⟧
Mardi : ⟦P:Ibrahima Sylla⟧ / ⟦P:Zoé Lemaire⟧
Mercredi : ⟦P:Anaïs Robin|fr⟧ / ⟦P:Kevin Nguyen-Marchal|vi⟧
Échanges à valider par Mme ⟦P:Fabre⟧.
"""),

("conversation service client", """
[11:02] Conseiller (⟦P:Julien⟧) : Bonjour, service client SNCF Connect, que puis-je faire pour vous ?
[11:03] Client : Bonjour, ⟦P:Kader Belhadj|ma⟧, mon train Paris–Marseille a été annulé, réservation NQ8K2L.
[11:05] Conseiller (⟦P:Julien⟧) : Merci M. ⟦P:Belhadj⟧. Je vous rembourse intégralement. Le billet de votre fille ⟦P:Sarah⟧ aussi ?
[11:06] Client : oui merci
"""),

("note de frais", """
Note de frais NF-2024-0931
Collaborateur : ⟦P:Vincent Morin-Diakité|bm⟧
Mission : salon Vivatech, Paris, 22–24 mai
Invités repas du 23/05 : ⟦P:Magali Roche|fr⟧ (Capgemini), ⟦P:Tomasz Lis|pl⟧ (Société Générale)
Validation : ⟦P:Bernadette Collin|fr⟧
"""),

("bulletin nouveaux arrivants", """
Bienvenue à nos nouveaux collègues ! ⟦P:Maxime Brochu|qc⟧ rejoint l'équipe data à Montréal, ⟦P:Awa Coulibaly|bm⟧ intègre la comptabilité à Abidjan et ⟦P:Léa Schmitt|fr⟧ arrive au service juridique de Strasbourg. ⟦P:Awa⟧ travaillait auparavant chez Orange Côte d'Ivoire.
"""),

("bail location parties", """
CONTRAT DE LOCATION (loi du 6 juillet 1989)
Bailleur : M. ⟦P:Henri-Paul de La Tour d'Artaise|fr⟧, demeurant 3 boulevard Haussmann, 75009 Paris
Locataires : Mme ⟦P:Chloé Vidal|fr⟧ et M. ⟦P:Arnaud Vidal⟧
Garant : M. ⟦P:Didier Vidal⟧
Logement : 2 pièces, 14 rue de la Roquette, 75011 Paris
"""),

("courriel minuscules", """
salut ⟦P:thomas|fr⟧,
tu peux voir avec ⟦P:mélanie|fr⟧ pour le devis ? ⟦P:karim⟧ dit que c'est mme ⟦P:leroy⟧ qui valide maintenant.
merci
⟦P:jérôme⟧
"""),

("git blame", """
9c1d2e3f (⟦P:Guillaume Perrin|fr⟧     2023-10-03 15:21:09 +0200  57)     montant = arrondir(montant, 2)
9c1d2e3f (⟦P:Guillaume Perrin⟧     2023-10-03 15:21:09 +0200  58)     if montant <= 0:
b7a6c5d4 (⟦P:Sékou Touré-Lambert|bm⟧ 2024-04-11 10:44:31 +0200  59)         raise ValueError("montant invalide")
"""),

("liste de contacts urgence", """
Contacts d'urgence – Chantier Nantes Est
Chef de chantier : ⟦P:Franck Le Floch|bre⟧ – ⟦T:06 55 12 34 87⟧
Responsable sécurité : ⟦P:Mehdi Amrani|ma⟧ – ⟦T:07 55 98 21 46⟧
Conducteur de travaux : ⟦P:Sandrine Bouvier|fr⟧ – ⟦T:06 55 40 03 19⟧
"""),

("lettre administrative majuscules", """
PRÉFECTURE DE LA HAUTE-GARONNE
Service des étrangers

Objet : Convocation – demande de titre de séjour
Nom : ⟦P:KABORE|bf⟧   Prénom(s) : ⟦P:Wendpanga Idrissa⟧
Né le : 11/03/1992 à Ouagadougou

Monsieur ⟦P:KABORE⟧, vous êtes invité à vous présenter le 12 novembre à 9 h 30, muni de votre passeport.
"""),

("courriel Québec", """
Bonjour ⟦P:Marie-Josée|qc⟧,

Tel que discuté avec ⟦P:Étienne Bouchard|qc⟧, je t'envoie l'entente signée. ⟦P:Stéphanie Ouellet|qc⟧ va s'occuper du suivi avec Hydro-Québec.

Bonne journée,
⟦P:Réjean Lapointe|qc⟧
Directeur de projets
⟦T:514 555-0137⟧
"""),

("courriel Belgique Suisse", """
Bonjour Madame ⟦P:Vandenbroucke|fl⟧,

Suite à notre entretien, je vous confirme que M. ⟦P:Jean-Marc Favre|fr⟧ (Lausanne) et Mme ⟦P:Aurélie Dumont-Janssens|fl⟧ (Liège) participeront à l'atelier de Bruxelles. Mme ⟦P:Dumont-Janssens⟧ arrive la veille.

Meilleures salutations,
⟦P:Nicolas Rochat|fr⟧
"""),

("compte rendu médical", """
COMPTE RENDU DE CONSULTATION – Cardiologie
Patient : M. ⟦P:Bernard Guillot|fr⟧, né le 22/08/1950
Médecin traitant : Dr ⟦P:Leïla Saadi|ar⟧
Le patient, adressé pour dyspnée d'effort, présente un syndrome de Wolff-Parkinson-White connu. ECG : pas de modification. Son épouse, Mme ⟦P:Monique Guillot⟧, signale des malaises.
Dr ⟦P:Thibault Mercier|fr⟧, cardiologue
"""),

("dépêche économique", """
PARIS – Le groupe Michelin a annoncé jeudi la nomination de ⟦P:Isabelle Kervella|bre⟧ au poste de directrice financière. Elle succède à ⟦P:Antoine Duchêne|fr⟧, parti chez Renault. « ⟦P:Isabelle⟧ connaît parfaitement nos métiers », a salué le président ⟦P:Florent Ménard|fr⟧.
"""),

("demande accès VPN courriel", """
Objet : Demande d'accès – ⟦P:Ophélie Marchal|fr⟧

Bonjour,

Merci de créer un accès VPN pour ⟦P:Ophélie Marchal⟧ (stagiaire, service marketing), du 2 septembre au 28 février. Sa tutrice est ⟦P:Ngoc Anh Pham|vi⟧. Pour toute question : ⟦E:ngocanh.pham@editions-ardoise.fr⟧.

Cordialement,
⟦P:Lucie⟧ – Assistante RH
"""),

("compte rendu associatif Afrique", """
Réunion du bureau – Association des étudiants burkinabè de Lyon
Présents : ⟦P:Ouédraogo Aminata|bf⟧, ⟦P:Sawadogo Issouf⟧, ⟦P:Zongo Rasmata⟧, ⟦P:Compaoré Hamidou⟧
Trésorière : ⟦P:Aminata Ouédraogo⟧ présente le bilan ; ⟦P:Issouf⟧ propose une soirée culturelle en mars.
"""),

("SMS rappel rendez-vous", """
Cabinet médical des Tilleuls : Bonjour Mme ⟦P:Aïssatou Lefebvre-N'Diaye|wo⟧, nous vous rappelons votre rendez-vous avec le Dr ⟦P:Amadou Bâ|bm⟧ le lundi 16/09 à 10 h 20. En cas d'empêchement, appelez le ⟦T:01 55 43 21 09⟧. Merci de ne pas répondre à ce SMS.
"""),

("fil Slack avec mentions", """
#equipe-paie
⟦P:Delphine Courtois|fr⟧ : @c.dupuis tu as bien reçu les variables de ⟦P:Yann⟧ ?
⟦P:Cyril Dupuis|fr⟧ : oui, sauf les heures sup de ⟦P:Naïma Brahimi|ma⟧ et de ⟦P:Piotr Nowicki|pl⟧
⟦P:Delphine Courtois⟧ : ok je relance @naima.b
⟦P:Naïma Brahimi⟧ : c'est envoyé !
"""),

]

ITEMS += [

("nég: tableau des villes", """
| Agence              | Département         | Effectif | Responsable |
|---------------------|---------------------|----------|-------------|
| Saint-Étienne       | Loire               | 34       | à pourvoir  |
| Saint-Denis         | Seine-Saint-Denis   | 51       | intérim     |
| Montbéliard         | Doubs               | 18       | à pourvoir  |
| Charleville-Mézières| Ardennes            | 12       | à pourvoir  |
| Clermont-Ferrand    | Puy-de-Dôme         | 47       | voir organigramme |
"""),

("nég: adresses de rues", """
Tournée de livraison – jeudi
1. 12, rue Victor Hugo, 69002 Lyon
2. 48, boulevard Haussmann, 75009 Paris
3. Place Charles-de-Gaulle, 75008 Paris
4. 3, avenue Jean Jaurès, 31000 Toulouse
5. 27, quai Louis Blériot, 75016 Paris
6. Lycée Jean Moulin, 15 rue Émile Zola, 59000 Lille
"""),

("nég: marques et entreprises", """
Revue de presse : L'Oréal et Hermès tirent le CAC 40, tandis que Peugeot et Renault reculent. Chanel et Dior annoncent de nouvelles boutiques à Shanghai. Lacoste ouvre un entrepôt près de Troyes. Michelin et Saint-Gobain publient des résultats solides. Pernod Ricard et Louis Vuitton sont attendus la semaine prochaine.
"""),

("nég: protocole maladies éponymes", """
Critères d'orientation – consultation mémoire
- Maladie d'Alzheimer débutante : bilan neuropsychologique.
- Maladie de Parkinson avec troubles cognitifs : avis neurologique.
- Syndrome de Gilles de la Tourette : orienter vers le centre de référence.
- Maladie de Crohn, thyroïdite de Hashimoto : hors champ.
- Trisomie 21 (syndrome de Down) : consultation adaptée.
"""),

("nég: institutions et prix", """
Le colloque se tiendra à l'Institut Pasteur puis au Centre Pompidou. Les lauréats du prix Goncourt et du prix Nobel de physique y interviendront, aux côtés de chercheurs de l'hôpital européen Georges-Pompidou et de l'université Paris-Panthéon-Assas. Départ en navette depuis la gare Saint-Lazare et l'aéroport Charles-de-Gaulle.
"""),

("nég: ordre du jour titres", """
ORDRE DU JOUR – Séminaire de direction, mardi 14 janvier
9 h 00 Accueil et Objectifs de l'Année
9 h 30 Bilan Commercial de Décembre
10 h 30 Feuille de Route Produit – Printemps
11 h 30 Ressources Humaines : Plan de Formation
14 h 00 Direction Financière : Budget de Mars à Juin
16 h 00 Conclusions et Prochaines Étapes
"""),

("nég: journal comptes techniques", """
2024-11-04 02:00:00 INFO  sauvegarde lancée par compte_svc_sauvegarde
2024-11-04 02:41:12 INFO  sauvegarde terminée (318 Go)
2024-11-04 07:58:40 WARN  échec de connexion : utilisateur admin depuis 10.1.1.9
2024-11-04 07:59:02 WARN  échec de connexion : utilisateur compta02
2024-11-04 08:10:15 INFO  tâche planifiée export_paie exécutée par robot-rh
"""),

("nég: organigramme services", """
Organigramme – Direction des opérations
Directeur général délégué
├── Direction des achats (poste vacant)
├── Direction de la relation client
│   ├── Service après-vente
│   └── Centre d'appels
├── Direction logistique
└── Contrôle de gestion (intérim)
"""),

("nég: catalogue produits", """
Référence | Produit | Marque | Prix TTC
TB-0912 | Tablette Galaxy Tab S9 | Samsung | 899 €
CF-3301 | Machine à café Nespresso Vertuo | Krups | 149 €
VE-7710 | Trottinette électrique Xiaomi 4 Pro | Xiaomi | 699 €
LU-0420 | Lunettes Ray-Ban Wayfarer | Ray-Ban | 159 €
AU-2288 | Citroën Ami (location mensuelle) | Citroën | 19,99 €
"""),

]
