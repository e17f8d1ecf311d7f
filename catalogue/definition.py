"""What is wrong with a campaign file (campaigns.definition, campaigns.local_keys, campaigns.orgnr_lists,
campaigns.ownership, campaigns.scope): the `problem` of each `file:line: field: problem`, for the staff member
or organisation member who wrote the file. Key names, values and TOML examples are written as the file spells
them in every language; `{kind}` is one of the `def_kind_*` texts (what was written instead)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # What a value is, where a problem says what was written instead of what was wanted.
    "def_kind_boolean": {
        "nb": "sann/usann (true/false)",
        "nn": "sann/usann (true/false)",
        "en": "true/false",
    },
    "def_kind_number": {"nb": "tallet {value}", "nn": "talet {value}", "en": "the number {value}"},
    "def_kind_text": {"nb": 'teksten "{value}"', "nn": 'teksten "{value}"', "en": 'the text "{value}"'},
    "def_kind_list": {"nb": "en liste", "nn": "ei liste", "en": "a list"},
    "def_kind_table": {"nb": "en tabell", "nn": "ein tabell", "en": "a table"},
    "def_kind_moment": {
        "nb": "tidspunktet {value}",
        "nn": "tidspunktet {value}",
        "en": "the time {value}",
    },
    "def_toml_invalid": {
        "nb": "ikke gyldig TOML ({error})",
        "nn": "ikkje gyldig TOML ({error})",
        "en": "not valid TOML ({error})",
    },
    "def_toml_too_deep": {
        "nb": "ikke gyldig TOML (lister eller tabeller nøstet for dypt)",
        "nn": "ikkje gyldig TOML (lister eller tabellar nøsta for djupt)",
        "en": "not valid TOML (lists or tables nested too deeply)",
    },
    "def_unknown_field": {
        "nb": "ukjent felt (tillatt: {allowed})",
        "nn": "ukjent felt (tillate: {allowed})",
        "en": "unknown field (allowed: {allowed})",
    },
    "def_not_table": {
        "nb": "skal være en tabell [{table}], ikke {kind} (f.eks. {example})",
        "nn": "skal vere ein tabell [{table}], ikkje {kind} (t.d. {example})",
        "en": "must be a table [{table}], not {kind} (e.g. {example})",
    },
    "def_not_text": {
        "nb": "skal være tekst i anførselstegn, ikke {kind} (f.eks. {example})",
        "nn": "skal vere tekst i hermeteikn, ikkje {kind} (t.d. {example})",
        "en": "must be text in quotation marks, not {kind} (e.g. {example})",
    },
    "def_text_unstorable": {
        "nb": "inneholder et tegn som ikke kan lagres (NUL eller en ugyldig surrogat)",
        "nn": "inneheld eit teikn som ikkje kan lagrast (NUL eller ein ugyldig surrogat)",
        "en": "holds a character that cannot be stored (NUL or a lone surrogate)",
    },
    "def_not_boolean": {
        "nb": "skriv true eller false uten anførselstegn, ikke {kind}",
        "nn": "skriv true eller false utan hermeteikn, ikkje {kind}",
        "en": "write true or false without quotation marks, not {kind}",
    },
    "def_not_list": {
        "nb": "skriv en liste, f.eks. {example}",
        "nn": "skriv ei liste, t.d. {example}",
        "en": "write a list, e.g. {example}",
    },
    "def_not_in_list": {
        "nb": "{kind} hører ikke hjemme i lista (f.eks. {example})",
        "nn": "{kind} høyrer ikkje heime i lista (t.d. {example})",
        "en": "{kind} does not belong in the list (e.g. {example})",
    },
    "def_not_one_of": {
        "nb": "«{value}» er ikke et av {allowed}",
        "nn": "«{value}» er ikkje ein av {allowed}",
        "en": "“{value}” is not one of {allowed}",
    },
    "def_not_one_of_example": {
        "nb": "«{value}» er ikke et av {allowed} (f.eks. {example})",
        "nn": "«{value}» er ikkje ein av {allowed} (t.d. {example})",
        "en": "“{value}” is not one of {allowed} (e.g. {example})",
    },
    "def_name_missing": {
        "nb": 'en kampanje trenger et navn, f.eks. name = "Sommer 2027"',
        "nn": 'ein kampanje treng eit namn, t.d. name = "Sommar 2027"',
        "en": 'a campaign needs a name, e.g. name = "Summer 2027"',
    },
    "def_language_unknown": {
        "nb": '"{value}" er ikke et av auto, nb, nn, en: "auto" gir hver bedrift dens egen målform fra registeret '
        '(nynorsk eller bokmål); "nb", "nn" eller "en" gir alle bedrifter det språket',
        "nn": '"{value}" er ikkje ein av auto, nb, nn, en: "auto" gir kvar verksemd si eiga målform frå '
        'registeret (nynorsk eller bokmål); "nb", "nn" eller "en" gir alle verksemdene det språket',
        "en": '"{value}" is not one of auto, nb, nn, en: "auto" gives each company its own written standard from '
        'the register (nynorsk or bokmål); "nb", "nn" or "en" gives every company that language',
    },
    "def_steps_not_tables": {
        "nb": "skriv hvert steg som en [[steps]]-tabell",
        "nn": "skriv kvart steg som ein [[steps]]-tabell",
        "en": "write each step as a [[steps]] table",
    },
    "def_steps_missing": {
        "nb": "en kampanje trenger minst ett [[steps]]",
        "nn": "ein kampanje treng minst eitt [[steps]]",
        "en": "a campaign needs at least one [[steps]]",
    },
    "def_steps_same_name": {
        "nb": "to steg heter «{name}»",
        "nn": "to steg heiter «{name}»",
        "en": "two steps are called “{name}”",
    },
    "def_not_a_day": {
        "nb": "«{value}» er ikke en dag (bruk {days})",
        "nn": "«{value}» er ikkje ein dag (bruk {days})",
        "en": "“{value}” is not a day (use {days})",
    },
    "def_window_no_days": {
        "nb": "vinduet har ingen dager",
        "nn": "vindauget har ingen dagar",
        "en": "the window has no days",
    },
    "def_not_a_clock": {
        "nb": "«{value}» er ikke et klokkeslett; skriv TT:MM, f.eks. 09:00",
        "nn": "«{value}» er ikkje eit klokkeslett; skriv TT:MM, t.d. 09:00",
        "en": "“{value}” is not a time of day; write HH:MM, e.g. 09:00",
    },
    "def_window_ends_first": {
        "nb": "vinduet slutter ({end}) før det begynner ({start})",
        "nn": "vindauget sluttar ({end}) før det byrjar ({start})",
        "en": "the window ends ({end}) before it begins ({start})",
    },
    "def_rate_unknown_channel": {
        "nb": "ukjent kanal (sms, email, telegram)",
        "nn": "ukjend kanal (sms, email, telegram)",
        "en": "unknown channel (sms, email, telegram)",
    },
    "def_rate_not_number": {
        "nb": "en hastighet er et antall meldinger per sekund, 0 eller mer, ikke {kind}",
        "nn": "ein fart er eit tal meldingar per sekund, 0 eller meir, ikkje {kind}",
        "en": "a rate is a number of messages per second, 0 or more, not {kind}",
    },
    "def_also_not_table": {
        "nb": 'skriv en tabell [audience.also], f.eks. trades = ["Sveisefaget"]',
        "nn": 'skriv ein tabell [audience.also], t.d. trades = ["Sveisefaget"]',
        "en": 'write a table [audience.also], e.g. trades = ["Sveisefaget"]',
    },
    "def_unknown_county": {
        "nb": "ukjent fylkesnummer «{value}» (de 15 fylkene fra 2024)",
        "nn": "ukjent fylkesnummer «{value}» (dei 15 fylka frå 2024)",
        "en": "unknown county number “{value}” (the 15 counties from 2024)",
    },
    "def_not_municipality": {
        "nb": "«{value}» er ikke et kommunenummer (4 sifre)",
        "nn": "«{value}» er ikkje eit kommunenummer (4 siffer)",
        "en": "“{value}” is not a municipality number (4 digits)",
    },
    "def_employees_range": {
        "nb": "skriv et intervall [fra, til], f.eks. [2, 500]",
        "nn": "skriv eit intervall [frå, til], t.d. [2, 500]",
        "en": "write a range [from, to], e.g. [2, 500]",
    },
    "def_not_a_channel": {
        "nb": "«{value}» er ikke en kanal (letter, email, sms, telegram)",
        "nn": "«{value}» er ikkje ein kanal (letter, email, sms, telegram)",
        "en": "“{value}” is not a channel (letter, email, sms, telegram)",
    },
    "def_step_at_and_after": {
        "nb": "et steg har enten `at` (et tidspunkt) eller `after_days` (dager etter forrige steg), ikke begge",
        "nn": "eit steg har anten `at` (eit tidspunkt) eller `after_days` (dagar etter førre steg), ikkje begge",
        "en": "a step has either `at` (a time) or `after_days` (days after the step before), not both",
    },
    "def_first_step_after": {
        "nb": "første steg har ikke noe forrige steg: bruk `at` i stedet",
        "nn": "første steg har ikkje noko førre steg: bruk `at` i staden",
        "en": "the first step has no step before it: use `at` instead",
    },
    "def_first_step_at": {
        "nb": 'første steg trenger `at`, f.eks. at = "2027-06-07T09:00"',
        "nn": 'første steg treng `at`, t.d. at = "2027-06-07T09:00"',
        "en": 'the first step needs `at`, e.g. at = "2027-06-07T09:00"',
    },
    "def_step_when": {
        "nb": "skriv `after_days` (dager etter forrige steg) eller `at`",
        "nn": "skriv `after_days` (dagar etter førre steg) eller `at`",
        "en": "write `after_days` (days after the step before) or `at`",
    },
    "def_after_days": {
        "nb": "et helt antall dager, 0 eller mer, ikke {kind}",
        "nn": "eit heilt tal dagar, 0 eller meir, ikkje {kind}",
        "en": "a whole number of days, 0 or more, not {kind}",
    },
    "def_template_missing": {
        "nb": "hvert steg trenger en mal, f.eks. sms/invitasjon",
        "nn": "kvart steg treng ein mal, t.d. sms/invitasjon",
        "en": "every step needs a template, e.g. sms/invitasjon",
    },
    "def_event_not_table": {
        "nb": "skriv møtet som en tabell, f.eks. {example}",
        "nn": "skriv møtet som ein tabell, t.d. {example}",
        "en": "write the meeting as a table, e.g. {example}",
    },
    "def_event_title": {
        "nb": 'møtet trenger en tittel, f.eks. title = "Informasjonsmøte"',
        "nn": 'møtet treng ein tittel, t.d. title = "Informasjonsmøte"',
        "en": 'the meeting needs a title, e.g. title = "Information meeting"',
    },
    "def_event_place": {
        "nb": 'skriv hvor møtet er, f.eks. place = "Øra næringspark, bygg 3"',
        "nn": 'skriv kvar møtet er, t.d. place = "Øra næringspark, bygg 3"',
        "en": 'write where the meeting is, e.g. place = "Øra næringspark, bygg 3"',
    },
    "def_event_at": {
        "nb": 'møtet trenger et tidspunkt, f.eks. at = "2027-02-10T14:00"',
        "nn": 'møtet treng eit tidspunkt, t.d. at = "2027-02-10T14:00"',
        "en": 'the meeting needs a time, e.g. at = "2027-02-10T14:00"',
    },
    "def_event_ends_first": {
        "nb": "møtet slutter før det begynner",
        "nn": "møtet sluttar før det byrjar",
        "en": "the meeting ends before it begins",
    },
    "def_event_before_invitation": {
        "nb": "møtet er før invitasjonen går ut",
        "nn": "møtet er før invitasjonen går ut",
        "en": "the meeting is before the invitation goes out",
    },
    "def_event_capacity_over": {
        "nb": "høyst {most} bedrifter",
        "nn": "høgst {most} verksemder",
        "en": "at most {most} companies",
    },
    "def_after_days_over": {
        "nb": "høyst {most} dager etter forrige steg",
        "nn": "høgst {most} dagar etter førre steg",
        "en": "at most {most} days after the previous step",
    },
    "def_event_capacity": {
        "nb": "et antall bedrifter, 1 eller flere, ikke {kind}",
        "nn": "eit tal verksemder, 1 eller fleire, ikkje {kind}",
        "en": "a number of companies, 1 or more, not {kind}",
    },
    "def_moment_example": {
        "nb": "skriv dato og klokkeslett, f.eks. 2027-06-07T09:00",
        "nn": "skriv dato og klokkeslett, t.d. 2027-06-07T09:00",
        "en": "write a date and a time of day, e.g. 2027-06-07T09:00",
    },
    "def_not_a_moment": {
        "nb": "«{value}» er ikke et tidspunkt; {example}",
        "nn": "«{value}» er ikkje eit tidspunkt; {example}",
        "en": "“{value}” is not a time; {example}",
    },
    "def_kind_not_a_moment": {
        "nb": "{kind} er ikke et tidspunkt; {example}",
        "nn": "{kind} er ikkje eit tidspunkt; {example}",
        "en": "{kind} is not a time; {example}",
    },
    "def_moment_no_clock": {
        "nb": "«{value}» mangler klokkeslett; {example}",
        "nn": "«{value}» manglar klokkeslett; {example}",
        "en": "“{value}” has no time of day; {example}",
    },
    "def_date_no_clock": {
        "nb": "{value} mangler klokkeslett; {example}",
        "nn": "{value} manglar klokkeslett; {example}",
        "en": "{value} has no time of day; {example}",
    },
    "def_step_before_previous": {
        "nb": "steget kommer før forrige steg ({previous}); stegene må stå i tidsrekkefølge",
        "nn": "steget kjem før førre steg ({previous}); stega må stå i tidsrekkjefølgje",
        "en": "the step comes before the step before it ({previous}); the steps must be in order of time",
    },
    "def_moment_passed": {
        "nb": "tidspunktet har passert ({moment}); velg et tidspunkt fra i dag og fremover",
        "nn": "tidspunktet har passert ({moment}); vel eit tidspunkt frå i dag og framover",
        "en": "the time has passed ({moment}); choose a time from today on",
    },
    # Local and adult campaigns (campaigns.local_keys, campaigns.ownership, campaigns.scope).
    "def_co_owners_need_owner": {
        "nb": 'medeiere krever en eier: skriv også owner = "ORGNR"',
        "nn": 'medeigarar krev ein eigar: skriv også owner = "ORGNR"',
        "en": 'co-owners need an owner: also write owner = "ORGNR"',
    },
    "def_co_owner_is_owner": {
        "nb": "{orgnr} er allerede eier (owner)",
        "nn": "{orgnr} er alt eigar (owner)",
        "en": "{orgnr} is already the owner (owner)",
    },
    "def_route_needs_owner": {
        "nb": 'route = "{route}" sender leads til eieren, men kampanjen har ingen owner',
        "nn": 'route = "{route}" sender leads til eigaren, men kampanjen har ingen owner',
        "en": 'route = "{route}" sends leads to the owner, but the campaign has no owner',
    },
    "def_route_after_days": {
        "nb": "et helt antall arbeidsdager fra 1 til 60, f.eks. route_after_days = 5",
        "nn": "eit heilt tal arbeidsdagar frå 1 til 60, t.d. route_after_days = 5",
        "en": "a whole number of working days from 1 to 60, e.g. route_after_days = 5",
    },
    "def_route_after_days_only": {
        "nb": 'gjelder bare route = "owner_then_county"',
        "nn": 'gjeld berre route = "owner_then_county"',
        "en": 'applies only to route = "owner_then_county"',
    },
    "def_not_orgnr": {
        "nb": "«{value}» er ikke et gyldig organisasjonsnummer (9 sifre)",
        "nn": "«{value}» er ikkje eit gyldig organisasjonsnummer (9 siffer)",
        "en": "“{value}” is not a valid organisation number (9 digits)",
    },
    "def_unknown_trade": {
        "nb": "ukjent lærefag «{value}» (se docs/trade-nace.md for navnene)",
        "nn": "ukjent lærefag «{value}» (sjå docs/trade-nace.md for namna)",
        "en": "unknown trade “{value}” (see docs/trade-nace.md for the names)",
    },
    "def_not_postcode": {
        "nb": "«{value}» er verken et postnummer (4 sifre) eller et intervall som «1630-1639»",
        "nn": "«{value}» er verken eit postnummer (4 siffer) eller eit intervall som «1630-1639»",
        "en": "“{value}” is neither a postcode (4 digits) nor a range like “1630-1639”",
    },
    "def_previous_not_table": {
        "nb": "skriv en tabell, f.eks. {example}",
        "nn": "skriv ein tabell, t.d. {example}",
        "en": "write a table, e.g. {example}",
    },
    "def_previous_campaigns": {
        "nb": "skriv kampanjenumrene som en liste, f.eks. campaigns = [3]",
        "nn": "skriv kampanjenummera som ei liste, t.d. campaigns = [3]",
        "en": "write the campaign numbers as a list, e.g. campaigns = [3]",
    },
    "def_previous_campaign_missing": {
        "nb": "kampanje {id} finnes ikke",
        "nn": "kampanje {id} finst ikkje",
        "en": "campaign {id} does not exist",
    },
    "def_contacted_days": {
        "nb": "et helt antall dager, f.eks. exclude_contacted_days = 90",
        "nn": "eit heilt tal dagar, t.d. exclude_contacted_days = 90",
        "en": "a whole number of days, e.g. exclude_contacted_days = 90",
    },
    "def_owner_many_approved": {
        "nb": "flere godkjente organisasjoner har organisasjonsnummer {orgnr}: {names}; staff må slå dem sammen",
        "nn": "fleire godkjende organisasjonar har organisasjonsnummer {orgnr}: {names}; staff må slå dei saman",
        "en": "several approved organisations have organisation number {orgnr}: {names}; staff must merge them",
    },
    "def_owner_named": {"nb": "{name} (nr. {id})", "nn": "{name} (nr. {id})", "en": "{name} (no. {id})"},
    "def_owner_not_approved": {
        "nb": "{name} ({orgnr}) er ikke godkjent ennå; en kampanje kan bare eies av en godkjent organisasjon",
        "nn": "{name} ({orgnr}) er ikkje godkjend enno; ein kampanje kan berre eigast av ein godkjend "
        "organisasjon",
        "en": "{name} ({orgnr}) is not approved yet; a campaign can only be owned by an approved organisation",
    },
    "def_owner_unknown": {
        "nb": "ingen organisasjon har organisasjonsnummer {orgnr}; den må registrere seg (/jeger/registrer) og "
        "bli godkjent først",
        "nn": "ingen organisasjon har organisasjonsnummer {orgnr}; han må registrere seg (/jeger/registrer) og "
        "bli godkjend først",
        "en": "no organisation has organisation number {orgnr}; it must sign up (/jeger/registrer) and be "
        "approved first",
    },
    "def_owner_not_yours": {
        "nb": 'organisasjonen din må eie kampanjen: skriv owner = "{orgnr}" (eller ta den med i co_owners)',
        "nn": 'organisasjonen din må eige kampanjen: skriv owner = "{orgnr}" (eller ta han med i co_owners)',
        "en": 'your organisation must own the campaign: write owner = "{orgnr}" (or include it in co_owners)',
    },
    "def_counties_not_yours": {
        "nb": "ingen av fylkene er dine; en fylkesansvarlig kan bare sende til sine egne fylker ({counties})",
        "nn": "ingen av fylka er dine; ein fylkesansvarleg kan berre sende til sine eigne fylke ({counties})",
        "en": "none of the counties are yours; a county officer can only send to their own counties "
        "({counties})",
    },
    # What the database lacks today (campaigns.lifecycle.validate_campaign): `check` warns, `create` refuses.
    "def_audience_not_counted": {
        "nb": "ikke talt: uten database er verken målgruppen talt eller malene prøvd for hver bedrift",
        "nn": "ikkje talt: utan database er verken målgruppa talt eller malane prøvde for kvar verksemd",
        "en": "not counted: without a database the audience is not counted nor the templates tried for each "
        "company",
    },
    "def_audience_empty": {
        "nb": "ingen bedrifter passer til denne målgruppen",
        "nn": "ingen verksemder passar til denne målgruppa",
        "en": "no company fits this audience",
    },
    # An audience's `orgnr_file` (campaigns.orgnr_lists).
    "list_not_a_name": {
        "nb": '«{name}» må være et filnavn ved siden av kampanjefilen, f.eks. "medlemmer.csv"',
        "nn": '«{name}» må vere eit filnamn ved sida av kampanjefila, t.d. "medlemmer.csv"',
        "en": '“{name}” must be a file name beside the campaign file, e.g. "medlemmer.csv"',
    },
    "list_outside": {
        "nb": "«{name}» ligger utenfor mappen til kampanjefilen",
        "nn": "«{name}» ligg utanfor mappa til kampanjefila",
        "en": "“{name}” lies outside the folder of the campaign file",
    },
    "list_not_found": {
        "nb": "finner ikke lista «{name}» i {folder}",
        "nn": "finn ikkje lista «{name}» i {folder}",
        "en": "cannot find the list “{name}” in {folder}",
    },
    "list_too_large": {
        "nb": "«{name}» er større enn {mb} MB",
        "nn": "«{name}» er større enn {mb} MB",
        "en": "“{name}” is larger than {mb} MB",
    },
    "list_unreadable": {
        "nb": "«{name}» kan ikke leses ({error})",
        "nn": "«{name}» kan ikkje lesast ({error})",
        "en": "“{name}” cannot be read ({error})",
    },
    "list_not_uploaded": {
        "nb": "lista «{name}» er ikke lastet opp sammen med kampanjen",
        "nn": "lista «{name}» er ikkje lasta opp saman med kampanjen",
        "en": "the list “{name}” was not uploaded with the campaign",
    },
    "list_no_orgnrs": {
        "nb": "«{name}» har ingen gyldige organisasjonsnumre",
        "nn": "«{name}» har ingen gyldige organisasjonsnummer",
        "en": "“{name}” has no valid organisation numbers",
    },
    "list_too_many": {
        "nb": "«{name}» har {count} organisasjonsnumre; en liste kan ha høyst {most} (bruk counties, trades "
        "eller nace for så mange bedrifter)",
        "nn": "«{name}» har {count} organisasjonsnummer; ei liste kan ha høgst {most} (bruk counties, trades "
        "eller nace for så mange verksemder)",
        "en": "“{name}” has {count} organisation numbers; a list can have at most {most} (use counties, trades "
        "or nace for that many companies)",
    },
}
