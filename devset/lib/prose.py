"""Prose phrase banks shared by the developer-facing families (config, code, logs)."""

DEV_INTRO = {
    "en": ["Can you help me figure out why this isn't working?", "Why does this fail on the server but work locally?",
           "Quick question about this config:", "Here's what I have so far:", "Please review this before I push it:",
           "I'm getting an auth error with the following setup.", "Can you explain what this does line by line?",
           "Help me clean this up, it's a mess:", "My colleague sent me this and I don't understand it.",
           "This worked yesterday and now it doesn't. No idea what changed.",
           "Refactor this so the credentials come from environment variables instead:",
           "Convert this to the equivalent for our new setup:", "what's wrong with this??",
           "I'm migrating this to Kubernetes, what do I need to change?", "Can you spot the bug?",
           "Can you make this more secure? Our auditor flagged it.", "ok so this is the file:",
           "Context: we're moving off Heroku. Current setup below."],
    "de": ["Kannst du mir helfen, warum das nicht funktioniert?", "Warum klappt das lokal, aber nicht auf dem Server?",
           "Kurze Frage zu dieser Konfiguration:", "Das hier habe ich bisher:", "Bitte einmal drüberschauen, bevor ich es pushe:",
           "Ich bekomme einen Authentifizierungsfehler mit folgendem Setup.", "Kannst du mir erklären, was das Zeile für Zeile macht?",
           "Hilf mir, das aufzuräumen:", "Ein Kollege hat mir das geschickt, ich verstehe es nicht.",
           "Gestern lief das noch, heute nicht mehr. Keine Ahnung, was sich geändert hat.",
           "Bitte so umbauen, dass die Zugangsdaten aus Umgebungsvariablen kommen:", "was ist hier falsch??",
           "Ich migriere das gerade nach Kubernetes – was muss ich anpassen?", "Siehst du den Fehler?",
           "Unser Auditor hat das bemängelt, wie mache ich das sicherer?", "so sieht die Datei aus:"],
    "fr": ["Tu peux m'aider à comprendre pourquoi ça ne marche pas ?", "Pourquoi ça marche en local mais pas sur le serveur ?",
           "Petite question sur cette config :", "Voilà ce que j'ai pour l'instant :", "Tu peux relire avant que je pousse ?",
           "J'ai une erreur d'authentification avec la config suivante.", "Tu peux m'expliquer ce que fait ce code ligne par ligne ?",
           "Aide-moi à nettoyer ça :", "Un collègue m'a envoyé ça et je ne comprends pas.",
           "Hier ça marchait, aujourd'hui plus rien. Aucune idée de ce qui a changé.",
           "Refactorise pour que les identifiants viennent des variables d'environnement :", "c'est quoi le problème ici ??",
           "Je migre ça vers Kubernetes, qu'est-ce que je dois changer ?", "Tu vois le bug ?",
           "L'audit sécu a relevé ça, comment le rendre plus sûr ?", "voici le fichier :"],
    "es": ["¿Me ayudas a ver por qué no funciona esto?", "¿Por qué funciona en local pero no en el servidor?",
           "Una pregunta rápida sobre esta configuración:", "Esto es lo que tengo hasta ahora:", "Revísalo antes de que haga push, porfa:",
           "Me da un error de autenticación con esta configuración.", "¿Me explicas qué hace esto línea por línea?",
           "Ayúdame a limpiar esto:", "Un compañero me pasó esto y no lo entiendo.",
           "Ayer funcionaba y hoy no. Ni idea de qué ha cambiado.",
           "Refactorízalo para que las credenciales vengan de variables de entorno:", "¿qué está mal aquí?",
           "Estoy migrando esto a Kubernetes, ¿qué tengo que cambiar?", "¿Ves el fallo?",
           "La auditoría lo marcó como riesgo, ¿cómo lo hago más seguro?", "este es el fichero:"],
}

DEV_OUTRO = {
    "en": ["", "", "Thanks!", "thx", "Any help appreciated.", "Cheers", "(running on Ubuntu 22.04 if that matters)",
           "Be brief please.", "Please answer with just the fixed version."],
    "de": ["", "", "Danke!", "Danke dir.", "Wäre super, wenn du helfen kannst.", "Gruß", "(läuft auf Debian 12, falls relevant)",
           "Bitte kurz antworten."],
    "fr": ["", "", "Merci !", "Merci d'avance.", "Toute aide est la bienvenue.", "(c'est sur une Debian 12 si ça compte)",
           "Réponds juste avec la version corrigée stp."],
    "es": ["", "", "¡Gracias!", "Gracias de antemano.", "Cualquier ayuda se agradece.", "(está en Ubuntu 22.04 por si importa)",
           "Contesta solo con la versión corregida, porfa."],
}

LOG_INTRO = {
    "en": ["What's going on here?", "Can you tell me what these logs mean?", "We had an incident last night, here are the logs:",
           "Is this an attack or just a misconfigured client?", "Summarise these errors for the postmortem please.",
           "Why is this user getting locked out?", "Which requests are failing and why?",
           "Can you write a regex that extracts the user and IP from lines like these?"],
    "de": ["Was passiert hier?", "Kannst du mir sagen, was diese Logs bedeuten?", "Wir hatten heute Nacht einen Vorfall, hier die Logs:",
           "Ist das ein Angriff oder nur ein falsch konfigurierter Client?", "Fass die Fehler bitte für das Postmortem zusammen.",
           "Warum wird dieser Nutzer ständig gesperrt?", "Schreib mir eine Regex, die User und IP aus solchen Zeilen zieht."],
    "fr": ["Qu'est-ce qui se passe ici ?", "Tu peux m'expliquer ces logs ?", "On a eu un incident cette nuit, voici les logs :",
           "C'est une attaque ou juste un client mal configuré ?", "Résume ces erreurs pour le post-mortem stp.",
           "Pourquoi cet utilisateur est bloqué en permanence ?", "Écris-moi une regex qui extrait l'utilisateur et l'IP de ces lignes."],
    "es": ["¿Qué está pasando aquí?", "¿Me explicas qué significan estos logs?", "Anoche tuvimos un incidente, estos son los logs:",
           "¿Es un ataque o un cliente mal configurado?", "Resume estos errores para el post-mortem.",
           "¿Por qué se bloquea este usuario todo el rato?", "Escríbeme una regex que saque el usuario y la IP de estas líneas."],
}


def wrap_dev(ctx, d, body_fn, intro=None, outro=True, fence=None):
    """Intro sentence, fenced body, optional outro. body_fn(d) appends the body."""
    intro_bank = intro or DEV_INTRO
    quiet = getattr(ctx, "quiet", False)
    if not quiet and ctx.chance(0.85):
        d.add(ctx.ph(intro_bank), "\n\n")
        if ctx.chance(0.25):
            d.add(ctx.ph(CONTEXT), "\n\n")
    if fence is not None:
        d.add(f"```{fence}\n")
    body_fn(d)
    if fence is not None:
        d.add("```\n")
    if outro and not quiet:
        o = ctx.ph(DEV_OUTRO)
        if o:
            d.add("\n", o)
    return d

CONTEXT = {
    "en": ["Some background: we're a 40-person company, mostly remote, and I inherited this setup when our only ops person left in March. Nothing is documented, so bear with me.",
           "For context, this runs on a single VM at our hosting provider (Ubuntu 22.04, Docker 24, Postgres 15). We deploy by SSH-ing in and running a script, I know.",
           "We've been going back and forth on this for two weeks. Legal wants it fixed before the audit in Q3, the product team wants it after the release.",
           "I'm not a developer, I'm in finance, so please explain like I'm five.",
           "This is for a client project, deadline is Friday, and the original author is on parental leave.",
           "We migrated from the old system in January and since then roughly 3% of the records fail silently. Support has about 60 open tickets on it.",
           "Note: our company policy says we can use the enterprise version of this assistant for internal data, so it's fine to paste this here.",
           "Previous attempts: restarted the service, cleared the cache, checked the firewall. Same result."],
    "de": ["Kurz zum Hintergrund: Wir sind ein Team von ca. 40 Leuten, größtenteils remote, und ich habe das Setup geerbt, als unser einziger Admin im März gegangen ist. Doku gibt es keine.",
           "Zum Kontext: Das läuft auf einer einzelnen VM bei unserem Hoster (Ubuntu 22.04, Docker 24, Postgres 15). Deployment per SSH und Skript, ich weiß …",
           "Wir diskutieren das seit zwei Wochen. Die Rechtsabteilung will es vor dem Audit im dritten Quartal gelöst haben, das Produktteam erst nach dem Release.",
           "Ich bin keine Entwicklerin, sondern in der Buchhaltung – bitte einfach erklären.",
           "Das ist für ein Kundenprojekt, Deadline Freitag, und der ursprüngliche Entwickler ist in Elternzeit.",
           "Seit der Migration im Januar schlagen ca. 3 % der Datensätze still fehl. Im Support liegen rund 60 Tickets dazu.",
           "Bisher probiert: Dienst neu gestartet, Cache geleert, Firewall geprüft. Gleiches Ergebnis."],
    "fr": ["Un peu de contexte : on est une boîte d'une quarantaine de personnes, surtout en télétravail, et j'ai hérité de cette config quand notre seul admin est parti en mars. Rien n'est documenté.",
           "Pour info, ça tourne sur une seule VM chez notre hébergeur (Ubuntu 22.04, Docker 24, Postgres 15). On déploie en SSH avec un script, je sais…",
           "Ça fait deux semaines qu'on tourne en rond. Le juridique veut une correction avant l'audit du T3, l'équipe produit après la release.",
           "Je ne suis pas développeuse, je suis à la compta, donc explique simplement stp.",
           "C'est pour un projet client, livraison vendredi, et l'auteur d'origine est en congé parental.",
           "Depuis la migration de janvier, environ 3 % des enregistrements échouent sans erreur. Le support a une soixantaine de tickets ouverts là-dessus.",
           "Déjà essayé : redémarrage du service, vidage du cache, vérification du pare-feu. Même résultat."],
    "es": ["Un poco de contexto: somos una empresa de unas 40 personas, casi todos en remoto, y heredé esta configuración cuando se fue nuestro único técnico en marzo. No hay nada documentado.",
           "Para que te hagas una idea, esto corre en una sola VM del proveedor (Ubuntu 22.04, Docker 24, Postgres 15). Desplegamos por SSH con un script, lo sé…",
           "Llevamos dos semanas dándole vueltas. Legal lo quiere arreglado antes de la auditoría del tercer trimestre y producto después del lanzamiento.",
           "No soy programadora, trabajo en contabilidad, así que explícamelo fácil.",
           "Es para un proyecto de cliente, la entrega es el viernes y el autor original está de baja por paternidad.",
           "Desde la migración de enero falla en silencio alrededor del 3 % de los registros. Soporte tiene unos 60 tickets abiertos por esto.",
           "Ya probé: reiniciar el servicio, vaciar la caché, revisar el firewall. Mismo resultado."],
}

BUSINESS_CONTEXT = {
    "en": ["Background: this customer has been with us since 2019 and is one of our top 20 accounts, so we need to be careful with the tone.",
           "We already had a similar case last year and it ended up with a formal complaint, so I'd like to get it right this time.",
           "Our policy says refunds above €500 need a second approval, and changes to bank details must be confirmed by phone using the number we have on file, not the one in the e-mail.",
           "I'm covering for a colleague who is off sick this week, so I don't have the full history. The ticket system only shows the last two messages.",
           "The department is understaffed until the new hires start in September, and management wants a response within 24 hours for anything marked urgent.",
           "For what it's worth, the previous reply from our side was sent by a trainee and was a bit too blunt."],
    "de": ["Hintergrund: Der Kunde ist seit 2019 bei uns und gehört zu den Top-20-Accounts, wir müssen also beim Ton aufpassen.",
           "Wir hatten letztes Jahr schon einen ähnlichen Fall, der in einer offiziellen Beschwerde endete – diesmal möchte ich es richtig machen.",
           "Laut Richtlinie brauchen Erstattungen über 500 € eine zweite Freigabe, und geänderte Bankdaten müssen telefonisch über die hinterlegte Nummer bestätigt werden, nicht über die aus der Mail.",
           "Ich vertrete diese Woche eine erkrankte Kollegin und kenne die Vorgeschichte nicht vollständig. Im Ticketsystem sehe ich nur die letzten beiden Nachrichten.",
           "Die Abteilung ist bis September unterbesetzt, und die Geschäftsleitung will bei allem, was als dringend markiert ist, eine Antwort innerhalb von 24 Stunden."],
    "fr": ["Contexte : ce client est chez nous depuis 2019 et fait partie de nos 20 plus gros comptes, donc attention au ton.",
           "On a eu un cas similaire l'an dernier qui a fini en réclamation officielle, je voudrais éviter ça cette fois.",
           "Notre procédure dit que les remboursements de plus de 500 € nécessitent une double validation, et qu'un changement de RIB doit être confirmé par téléphone au numéro déjà connu, pas celui du mail.",
           "Je remplace une collègue en arrêt cette semaine, je n'ai pas tout l'historique. L'outil de tickets n'affiche que les deux derniers messages.",
           "Le service est en sous-effectif jusqu'à l'arrivée des recrues en septembre, et la direction veut une réponse sous 24 h pour tout ce qui est urgent."],
    "es": ["Contexto: este cliente está con nosotros desde 2019 y es de las 20 cuentas más importantes, así que hay que cuidar el tono.",
           "El año pasado tuvimos un caso parecido que acabó en reclamación formal, y esta vez quiero hacerlo bien.",
           "Según la política, los reembolsos de más de 500 € necesitan una segunda aprobación, y los cambios de cuenta bancaria se confirman por teléfono al número que ya tenemos, no al del correo.",
           "Estoy cubriendo a una compañera que está de baja esta semana y no tengo todo el historial. En el sistema de tickets solo veo los dos últimos mensajes.",
           "El departamento va corto de gente hasta que se incorporen los nuevos en septiembre y dirección quiere respuesta en 24 horas para todo lo urgente."],
}
