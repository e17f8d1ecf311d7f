"""Why a template cannot be rendered (campaigns.templating.TemplateProblem, campaigns.render), for staff who fix
it: `template line 3: problem (orgnr 123456789)`. Jinja's own explanations (`{detail}`) are English in every
language: they come from the library, and a search for them finds its documentation."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "tpl_where_line": {
        "nb": "{template} linje {line}",
        "nn": "{template} linje {line}",
        "en": "{template} line {line}",
    },
    "tpl_for_company": {"nb": " (orgnr {orgnr})", "nn": " (orgnr {orgnr})", "en": " (orgnr {orgnr})"},
    # a template problem as one line: where (a template, or a template and line), what, and for which company
    "tpl_problem": {
        "nb": "{where}: {message}{company}",
        "nn": "{where}: {message}{company}",
        "en": "{where}: {message}{company}",
    },
    "tpl_wrong_folder": {
        "nb": "et {channel}-steg trenger en mal under {folders}",
        "nn": "eit {channel}-steg treng ein mal under {folders}",
        "en": "a {channel} step needs a template under {folders}",
    },
    "tpl_folders_or": {"nb": " eller ", "nn": " eller ", "en": " or "},
    "tpl_unknown": {
        "nb": "ukjent mal (kjente: {known})",
        "nn": "ukjend mal (kjende: {known})",
        "en": "unknown template (known: {known})",
    },
    "tpl_none": {"nb": "ingen", "nn": "ingen", "en": "none"},
    "tpl_file_missing": {"nb": "mangler {file}", "nn": "manglar {file}", "en": "{file} is missing"},
    "tpl_no_such_file": {
        "nb": "malfila finnes ikke",
        "nn": "malfila finst ikkje",
        "en": "the template file does not exist",
    },
    "tpl_too_long": {
        "nb": "resultatet er lengre enn {limit} tegn",
        "nn": "resultatet er lengre enn {limit} teikn",
        "en": "the result is longer than {limit} characters",
    },
    "tpl_undefined": {
        "nb": "udefinert variabel '{variable}'",
        "nn": "udefinert variabel '{variable}'",
        "en": "undefined variable '{variable}'",
    },
    "tpl_syntax": {
        "nb": "syntaksfeil: {detail}",
        "nn": "syntaksfeil: {detail}",
        "en": "syntax error: {detail}",
    },
    "tpl_not_allowed": {
        "nb": "ikke tillatt i sandkassen: {detail}",
        "nn": "ikkje tillate i sandkassa: {detail}",
        "en": "not allowed in the sandbox: {detail}",
    },
    "tpl_exponent_too_large": {
        "nb": "for stor eksponent",
        "nn": "for stor eksponent",
        "en": "exponent too large",
    },
    "tpl_repeat_too_large": {
        "nb": "resultatet av '*' blir for stort",
        "nn": "resultatet av '*' blir for stort",
        "en": "the result of '*' is too large",
    },
    "tpl_include_missing": {
        "nb": "inkludert mal finnes ikke: {name}",
        "nn": "inkludert mal finst ikkje: {name}",
        "en": "included template does not exist: {name}",
    },
    "tpl_unknown_language": {
        "nb": "ukjent språk «{language}» (nb, nn eller en)",
        "nn": "ukjent språk «{language}» (nb, nn eller en)",
        "en": "unknown language “{language}” (nb, nn or en)",
    },
    "tpl_sms_too_long": {
        "nb": "SMS på {segments} segmenter ({encoding}); høyst {most} er tillatt",
        "nn": "SMS på {segments} segment ({encoding}); høgst {most} er tillate",
        "en": "SMS of {segments} segments ({encoding}); at most {most} are allowed",
    },
    "tpl_subject_missing": {
        "nb": 'tekstdelen må sette emnet: {{% set subject = "..." %}}',
        "nn": 'tekstdelen må setje emnet: {{% set subject = "..." %}}',
        "en": 'the text part must set the subject: {{% set subject = "..." %}}',
    },
    "tpl_letter_folder": {
        "nb": "et papirbrev trenger en mal under letters/",
        "nn": "eit papirbrev treng ein mal under letters/",
        "en": "a paper letter needs a template under letters/",
    },
    "tpl_sms_number_missing": {
        "nb": "SMS går via Twilio, men verken SMS_REPLY_NUMBER eller TWILIO_FROM er satt, så brev og e-post kan "
        "ikke vise nummeret bedriftene skal sende SMS til; sett SMS_REPLY_NUMBER",
        "nn": "SMS går via Twilio, men verken SMS_REPLY_NUMBER eller TWILIO_FROM er sett, så brev og e-post kan "
        "ikkje vise nummeret verksemdene skal sende SMS til; set SMS_REPLY_NUMBER",
        "en": "SMS goes through Twilio, but neither SMS_REPLY_NUMBER nor TWILIO_FROM is set, so letters and "
        "e-mails cannot show the number companies should text; set SMS_REPLY_NUMBER",
    },
}
