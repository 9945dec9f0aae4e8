//! Byte offsets to UTF-16 offsets.
//!
//! Evidence spans are byte ranges into a document's original (UTF-8) text;
//! JavaScript strings are indexed in UTF-16 code units. The server converts
//! once, here, so the dashboard can slice with `String.prototype.slice`
//! without re-encoding the text. An offset that is past the end or inside a
//! character is not converted (`None`): a corrupt span is shown as missing,
//! never as a wrong highlight.

/// UTF-16 offsets of the given byte offsets of `text` (same order).
pub fn utf16_offsets(text: &str, bytes: &[usize]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![None; bytes.len()];
    let mut chars = text.char_indices().peekable();
    let mut units = 0usize;
    for i in order {
        let target = bytes[i];
        while let Some(&(at, c)) = chars.peek() {
            if at >= target {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        out[i] = match chars.peek() {
            Some(&(at, _)) if at == target => Some(units),
            None if target == text.len() => Some(units),
            _ => None,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_astral_characters() {
        // "قتل 😀 x": Arabic letters are 2 bytes / 1 unit, the emoji 4 bytes / 2 units.
        let t = "قتل 😀 x";
        let x = t.find('x').unwrap();
        let got = utf16_offsets(t, &[x, 0, 6, 7, 11, t.len()]);
        assert_eq!(
            got,
            vec![Some(7), Some(0), Some(3), Some(4), Some(6), Some(8)]
        );
        let js: Vec<u16> = t.encode_utf16().collect();
        assert_eq!(String::from_utf16(&js[7..8]).unwrap(), "x");
    }

    #[test]
    fn offsets_inside_characters_or_past_the_end_are_none() {
        let t = "مالي";
        assert_eq!(utf16_offsets(t, &[1, 3, 100]), vec![None, None, None]);
        assert_eq!(utf16_offsets("", &[0, 1]), vec![Some(0), None]);
    }
}
