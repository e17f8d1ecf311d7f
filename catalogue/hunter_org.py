"""What organisations read when they sign up and manage their members, and the refusals they may meet.

The sign-up page (`/jeger/registrer`), the member pages of the portal and `jeger hunters add` all name a
refusal by these keys (`hunters.signup`, `hunters.members`), so the web, the chat and the CLI say the same.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Refusals: one per field and problem.
    "org_error_org_name": {
        "nb": "Skriv navnet på organisasjonen (2–200 tegn).",
        "nn": "Skriv namnet på organisasjonen (2–200 teikn).",
        "en": "Write the organisation's name (2–200 characters).",
    },
    "org_error_type": {
        "nb": "Velg hva slags organisasjon det er.",
        "nn": "Vel kva slags organisasjon det er.",
        "en": "Choose the kind of organisation.",
    },
    "org_error_orgnr": {
        "nb": "Organisasjonsnummeret må ha 9 siffer, og kontrollsifferet må stemme.",
        "nn": "Organisasjonsnummeret må ha 9 siffer, og kontrollsifferet må stemme.",
        "en": "The organisation number has 9 digits, and its check digit must match.",
    },
    "org_error_orgnr_taken": {
        "nb": "Denne organisasjonen er allerede registrert. Be en av medlemmene legge deg til.",
        "nn": "Denne organisasjonen er allereie registrert. Be ein av medlemmene leggje deg til.",
        "en": "This organisation is already registered. Ask one of its members to add you.",
    },
    "org_error_counties": {
        "nb": "Velg minst ett fylke.",
        "nn": "Vel minst eitt fylke.",
        "en": "Choose at least one county.",
    },
    "org_error_trades": {
        "nb": "Velg minst ett fag, eller «Alle fag».",
        "nn": "Vel minst eitt fag, eller «Alle fag».",
        "en": "Choose at least one trade, or «All trades».",
    },
    "org_error_member_name": {
        "nb": "Skriv fullt navn (2–200 tegn).",
        "nn": "Skriv fullt namn (2–200 teikn).",
        "en": "Write the full name (2–200 characters).",
    },
    "org_error_email": {
        "nb": "Skriv en gyldig e-postadresse, f.eks. kari@firma.no.",
        "nn": "Skriv ei gyldig e-postadresse, t.d. kari@firma.no.",
        "en": "Write a valid e-mail address, e.g. kari@firma.no.",
    },
    "org_error_email_missing": {
        "nb": "E-postadressen trengs: innloggingslenken sendes dit.",
        "nn": "E-postadressa trengst: innloggingslenkja blir send dit.",
        "en": "The e-mail address is needed: the sign-in link is sent there.",
    },
    "org_error_email_taken": {
        "nb": "Denne e-postadressen brukes allerede av et medlem.",
        "nn": "Denne e-postadressa er allereie i bruk av eit medlem.",
        "en": "This e-mail address is already used by a member.",
    },
    "org_error_phone": {
        "nb": "Skriv et gyldig telefonnummer, f.eks. 912 34 567.",
        "nn": "Skriv eit gyldig telefonnummer, t.d. 912 34 567.",
        "en": "Write a valid phone number, e.g. 912 34 567.",
    },
    "org_error_phone_taken": {
        "nb": "Dette telefonnummeret brukes allerede av et medlem.",
        "nn": "Dette telefonnummeret er allereie i bruk av eit medlem.",
        "en": "This phone number is already used by a member.",
    },
    "org_error_not_member": {
        "nb": "Du er ikke lenger medlem av organisasjonen.",
        "nn": "Du er ikkje lenger medlem av organisasjonen.",
        "en": "You are no longer a member of the organisation.",
    },
    "org_error_member_unknown": {
        "nb": "Fant ikke medlem nr. {member_id} i organisasjonen din.",
        "nn": "Fann ikkje medlem nr. {member_id} i organisasjonen din.",
        "en": "No member number {member_id} in your organisation.",
    },
    "org_error_last_member": {
        "nb": "Det siste medlemmet kan ikke fjernes. Legg til en annen først.",
        "nn": "Det siste medlemmet kan ikkje fjernast. Legg til ein annan først.",
        "en": "The last member cannot be removed. Add someone else first.",
    },
    # Notices for staff (the dashboard's notice list).
    "org_notice_pending": {
        "nb": "Ny jeger venter på godkjenning: {name} (id {id}).",
        "nn": "Ny jeger ventar på godkjenning: {name} (id {id}).",
        "en": "A new hunter waits for approval: {name} (id {id}).",
    },
    "org_notice_change": {
        "nb": "{name} (id {id}) ber om nye fylker eller fag (endring {change_id}): venter på godkjenning.",
        "nn": "{name} (id {id}) ber om nye fylke eller fag (endring {change_id}): ventar på godkjenning.",
        "en": "{name} (id {id}) asks for new counties or trades (change {change_id}): waits for approval.",
    },
    # The sign-up page /jeger/registrer (web/hunter_signup.py).
    "signup_title": {
        "nb": "Bli læreplassjeger",
        "nn": "Bli læreplassjeger",
        "en": "Become an apprenticeship hunter",
    },
    "signup_intro": {
        "nb": "Organisasjoner som følger opp bedrifter som vil ta lærlinger – fagforbund, bransjeorganisasjoner, "
        "opplæringskontor, skoler, kommuner, fylkeskommuner og NAV – registrerer seg her. Kampanjen godkjenner "
        "dere før dere får bedrifter i fylkene og fagene deres.",
        "nn": "Organisasjonar som følgjer opp bedrifter som vil ta lærlingar – fagforbund, bransjeorganisasjonar, "
        "opplæringskontor, skular, kommunar, fylkeskommunar og NAV – registrerer seg her. Kampanjen godkjenner "
        "dykk før de får bedrifter i fylka og faga dykkar.",
        "en": "Organisations that follow up companies willing to take apprentices – unions, trade bodies, training "
        "offices, schools, municipalities, county councils and NAV – sign up here. The campaign approves you "
        "before you receive companies in your counties and trades.",
    },
    "signup_label_org_name": {
        "nb": "Organisasjonens navn",
        "nn": "Namnet på organisasjonen",
        "en": "Organisation name",
    },
    "signup_label_type": {"nb": "Type organisasjon", "nn": "Type organisasjon", "en": "Kind of organisation"},
    "signup_choose": {"nb": "Velg …", "nn": "Vel …", "en": "Choose …"},
    "signup_label_orgnr": {
        "nb": "Organisasjonsnummer",
        "nn": "Organisasjonsnummer",
        "en": "Organisation number",
    },
    "signup_orgnr_hint": {"nb": "9 siffer", "nn": "9 siffer", "en": "9 digits"},
    "signup_label_counties": {
        "nb": "Fylker dere dekker",
        "nn": "Fylke de dekkjer",
        "en": "Counties you cover",
    },
    "signup_label_trades": {
        "nb": "Fag dere jobber med",
        "nn": "Fag de arbeider med",
        "en": "Trades you work with",
    },
    "signup_all_trades": {"nb": "Alle fag", "nn": "Alle fag", "en": "All trades"},
    "signup_member_heading": {
        "nb": "Deg som registrerer",
        "nn": "Deg som registrerer",
        "en": "You, who sign up",
    },
    "signup_member_hint": {
        "nb": "Du blir organisasjonens første medlem og logger inn med en lenke på e-post. Du kan legge til "
        "kolleger etterpå.",
        "nn": "Du blir det første medlemmet i organisasjonen og loggar inn med ei lenkje på e-post. Du kan leggje "
        "til kollegaer etterpå.",
        "en": "You become the organisation's first member and sign in with a link by e-mail. You can add "
        "colleagues afterwards.",
    },
    "signup_label_member_name": {"nb": "Fullt navn", "nn": "Fullt namn", "en": "Full name"},
    "signup_label_email": {"nb": "E-post", "nn": "E-post", "en": "E-mail"},
    "signup_label_phone": {
        "nb": "Mobilnummer (valgfritt, for kode på SMS)",
        "nn": "Mobilnummer (valfritt, for kode på SMS)",
        "en": "Mobile number (optional, for a code by SMS)",
    },
    "signup_submit": {"nb": "Send registreringen", "nn": "Send registreringa", "en": "Send the sign-up"},
    "signup_summary": {
        "nb": "Noe mangler eller er feil – se merknadene under.",
        "nn": "Noko manglar eller er feil – sjå merknadene under.",
        "en": "Something is missing or wrong – see the notes below.",
    },
    "signup_error_field": {
        "nb": "Feltet er for langt eller inneholder tegn som ikke kan lagres.",
        "nn": "Feltet er for langt eller inneheld teikn som ikkje kan lagrast.",
        "en": "The field is too long or holds characters that cannot be stored.",
    },
    "signup_done_heading": {
        "nb": "Takk! Registreringen venter på godkjenning",
        "nn": "Takk! Registreringa ventar på godkjenning",
        "en": "Thank you! The sign-up waits for approval",
    },
    "signup_done_text": {
        "nb": "{name} er registrert. Kampanjen ser på registreringen og godkjenner den, vanligvis innen en "
        "arbeidsdag. Da kan du logge inn med e-postadressen din.",
        "nn": "{name} er registrert. Kampanjen ser på registreringa og godkjenner ho, vanlegvis innan ein "
        "arbeidsdag. Då kan du logge inn med e-postadressa di.",
        "en": "{name} is signed up. The campaign reviews the sign-up and approves it, usually within a working "
        "day. Then you can sign in with your e-mail address.",
    },
    "signup_too_many": {
        "nb": "For mange forsøk fra denne adressen. Vent et minutt og prøv igjen.",
        "nn": "For mange forsøk frå denne adressa. Vent eit minutt og prøv igjen.",
        "en": "Too many attempts from this address. Wait a minute and try again.",
    },
    # The portal's member and area pages (web/portal/members.py).
    "org_members_title": {"nb": "Medlemmer", "nn": "Medlemmer", "en": "Members"},
    "org_member_remove": {"nb": "Fjern {name}", "nn": "Fjern {name}", "en": "Remove {name}"},
    "org_member_add_heading": {"nb": "Legg til et medlem", "nn": "Legg til eit medlem", "en": "Add a member"},
    "org_member_add_hint": {
        "nb": "Medlemmet logger inn med en lenke på e-post og ser organisasjonens leads.",
        "nn": "Medlemmet loggar inn med ei lenkje på e-post og ser leadsa til organisasjonen.",
        "en": "The member signs in with a link by e-mail and sees the organisation's leads.",
    },
    "org_member_add_submit": {"nb": "Legg til", "nn": "Legg til", "en": "Add"},
    "org_member_added": {"nb": "{name} er lagt til.", "nn": "{name} er lagd til.", "en": "{name} is added."},
    "org_member_removed": {
        "nb": "{name} er fjernet og logget ut.",
        "nn": "{name} er fjerna og logga ut.",
        "en": "{name} is removed and signed out.",
    },
    "org_back_to_profile": {
        "nb": "Tilbake til organisasjonen",
        "nn": "Tilbake til organisasjonen",
        "en": "Back to the organisation",
    },
    "org_area_title": {
        "nb": "Endre fylker og fag",
        "nn": "Endre fylke og fag",
        "en": "Change counties and trades",
    },
    "org_area_hint": {
        "nb": "Flere fylker eller fag må godkjennes av kampanjen før dere ser leads der. Færre gjelder med en gang.",
        "nn": "Fleire fylke eller fag må godkjennast av kampanjen før de ser leads der. Færre gjeld med ein gong.",
        "en": "More counties or trades must be approved by the campaign before you see leads there. Fewer apply at once.",
    },
    "org_area_submit": {"nb": "Send endringen", "nn": "Send endringa", "en": "Send the change"},
    "org_change_waits": {
        "nb": "Endringen venter på godkjenning fra kampanjen.",
        "nn": "Endringa ventar på godkjenning frå kampanjen.",
        "en": "The change waits for the campaign's approval.",
    },
    "org_change_applied": {
        "nb": "Endringen gjelder nå.",
        "nn": "Endringa gjeld no.",
        "en": "The change applies now.",
    },
    # The decision on a sign-up, to each member on the channel they chose (hunters.organisations).
    "org_decision_subject": {
        "nb": "Læreplassjeger: registreringen deres",
        "nn": "Læreplassjeger: registreringa dykkar",
        "en": "Læreplassjeger: your sign-up",
    },
    "org_approved_notice": {
        "nb": "Hei {member}! {name} er godkjent som læreplassjeger. Logg inn i jegerportalen (/jeger/) med "
        "e-postadressen eller mobilnummeret ditt for å se bedriftene i fylkene og fagene deres.",
        "nn": "Hei {member}! {name} er godkjend som læreplassjeger. Logg inn i jegerportalen (/jeger/) med "
        "e-postadressa eller mobilnummeret ditt for å sjå bedriftene i fylka og faga dykkar.",
        "en": "Hello {member}! {name} is approved as an apprenticeship hunter. Sign in to the hunter portal "
        "(/jeger/) with your e-mail address or mobile number to see the companies in your counties and trades.",
    },
    "org_rejected_notice": {
        "nb": "Hei {member}! Registreringen av {name} som læreplassjeger er ikke godkjent. Ta kontakt med "
        "kampanjen om du mener dette er feil.",
        "nn": "Hei {member}! Registreringa av {name} som læreplassjeger er ikkje godkjend. Ta kontakt med "
        "kampanjen om du meiner dette er feil.",
        "en": "Hello {member}! The sign-up of {name} as an apprenticeship hunter is not approved. Contact the "
        "campaign if you think this is wrong.",
    },
}
