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
}
