//! Names as ids: `Republic of Korea` -> `republic-of-korea`, `Côte
//! d'Ivoire` -> `cote-divoire`. One rule for draft ids derived from titles
//! and proposal ids derived from Partner names.

use super::validate::MAX_ID_LEN;

/// `Round Table` -> `round-table`, cut at a hyphen to fit 64 characters.
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\'' | '\u{2019}') {
            continue;
        }
        let folded = fold(c);
        for c in folded.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
    }
    if out.len() > MAX_ID_LEN {
        let cut = out[..=MAX_ID_LEN].rfind('-').unwrap_or(MAX_ID_LEN);
        out.truncate(cut);
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// A lowercase Latin letter without its accent (`é` -> `e`, `ß` -> `ss`).
fn fold(c: char) -> String {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return c.to_string(),
    };
    plain.to_string()
}
